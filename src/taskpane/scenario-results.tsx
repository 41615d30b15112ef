// What the 시나리오 tab shows of a run: the cost per source, the comparison with the program's budget, the sweep
// table and the present value. Amounts are the engine's exact 원 shown in the chosen unit (formatWon: no rounding
// beyond what the unit's decimals need), except present values, rounded for reading (formatWonRounded).
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Lang } from "../core/findings/findings";
import { formatRate, formatWon, formatWonRounded, shareOf, shownDecimals } from "../core/scenario/exact";
import type { BudgetLine, PvOutcome } from "../core/scenario/scenario-run";
import type { GiftCertResult } from "../core/scenario/giftcert";
import type { Sweep } from "../core/scenario/sweep";
import type { Unit } from "../core/numbers/units";
import { t, unitLabel } from "./i18n";

const useStyles = makeStyles({
  table: { minWidth: 0, width: "100%", tableLayout: "auto" },
  caption: { captionSide: "top", textAlign: "start", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  number: { textAlign: "end", fontFamily: tokens.fontFamilyNumeric, whiteSpace: "nowrap" },
  total: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  notes: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, margin: 0, paddingLeft: tokens.spacingHorizontalL },
  budget: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  surplus: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  shortfall: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** Each level's cost and its share of the issuance (rounded to a millionth: the seed's "6억(2%)"). */
export function SplitTable({ result, issuance, unit, lang }: { result: GiftCertResult; issuance: bigint; unit: Unit; lang: Lang }) {
  const styles = useStyles();
  const u = unitLabel(unit, lang);
  const rows: [string, bigint, boolean][] = [
    [t(lang, "scenario.national"), result.national, false],
    [t(lang, "scenario.city"), result.city, false],
    [t(lang, "scenario.district"), result.district, false],
    [t(lang, "scenario.total"), result.total, true],
  ];
  const notes = (["nationalVolume", "cityCap", "districtMinimum"] as const).filter((k) => result.binding[k]);
  return (
    <>
      <Table size="extra-small" className={styles.table} aria-label={t(lang, "scenario.results")} data-testid="scenario-split">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t(lang, "scenario.source")}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t(lang, "scenario.amount", { unit: u })}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t(lang, "scenario.share")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map(([label, won, total]) => (
            <TableRow key={label} className={total ? styles.total : undefined}>
              <TableCell>{label}</TableCell>
              <TableCell className={styles.number}>{formatWon(won, unit)}</TableCell>
              <TableCell className={styles.number}>{formatRate(shareOf(won, issuance))}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Text className={styles.muted}>
        {t(lang, "scenario.discountCost", { amount: formatWon(result.discountCost, unit), minimum: formatWon(result.districtMinimum, unit), unit: u })}
      </Text>
      {notes.length > 0 && (
        <ul className={styles.notes}>
          {notes.map((k) => (
            <li key={k}>
              <Text size={200}>{t(lang, `scenario.binding.${k}`)}</Text>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function BudgetBox({ budget, unit, lang }: { budget: BudgetLine; unit: Unit; lang: Lang }) {
  const styles = useStyles();
  const u = unitLabel(unit, lang);
  const diff = budget.difference < 0n ? -budget.difference : budget.difference;
  return (
    <div className={styles.budget} role="status" data-testid="scenario-budget">
      <Text>{t(lang, "scenario.budget", { source: budget.source[lang], cell: budget.cell, budget: formatWon(budget.budget, unit), unit: u })}</Text>
      <Text className={budget.surplus ? styles.surplus : styles.shortfall}>
        {t(lang, budget.surplus ? "scenario.surplus" : "scenario.shortfall", { amount: formatWon(diff, unit), unit: u })}
      </Text>
    </div>
  );
}

export function SweepTable({ sweep, unit, lang }: { sweep: Sweep; unit: Unit; lang: Lang }) {
  const styles = useStyles();
  const u = unitLabel(unit, lang);
  return (
    <Table size="extra-small" className={styles.table} aria-label={t(lang, "scenario.sweep")} data-testid="scenario-sweep">
      <caption className={styles.caption}>{t(lang, "scenario.sweepCaption", { unit: u })}</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t(lang, "scenario.sweepCorner")}</TableHeaderCell>
          {sweep.issuances.map((iss, j) => (
            <TableHeaderCell key={j} className={styles.number}>
              {formatWon(iss, unit)}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {sweep.rates.map((rate, i) => (
          <TableRow key={rate.toString()}>
            <TableCell>{formatRate(rate)}</TableCell>
            {sweep.district[i].map((won, j) => (
              <TableCell key={j} className={styles.number}>
                {formatWon(won, unit)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function PvResult({ pv, unit, lang }: { pv: PvOutcome; unit: Unit; lang: Lang }) {
  const styles = useStyles();
  const u = unitLabel(unit, lang);
  // A present value has many decimals in a large unit (108.46415107억): shown rounded.
  const decimals = shownDecimals(unit);
  return (
    <>
      <Text weight="semibold" role="status" data-testid="scenario-pv">
        {t(lang, "scenario.pvResult", { amount: formatWonRounded(pv.exact, unit), unit: u, rate: formatRate(pv.spec.rate), year: pv.spec.baseYear })}
      </Text>
      <Text className={styles.muted}>
        {decimals === 0 ? t(lang, "scenario.pvRoundingWhole", { unit: u }) : t(lang, "scenario.pvRoundingDecimals", { unit: u, decimals })}
      </Text>
      {pv.sensitivity.length > 0 && (
        <Table size="extra-small" className={styles.table} aria-label={t(lang, "scenario.pvCaption", { unit: u })} data-testid="scenario-sensitivity">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t(lang, "scenario.pvRate")}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t(lang, "scenario.amount", { unit: u })}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {pv.sensitivity.map((s) => (
              <TableRow key={s.rate.toString()}>
                <TableCell>{formatRate(s.rate)}</TableCell>
                <TableCell className={styles.number}>{formatWonRounded(s.exact, unit)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
