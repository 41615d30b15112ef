// 부족재원: every unfunded amount (미확보액) the last check found, program by program, the total per unit, and a
// button that writes them into the workbook as a table with a bar chart.
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding, Lang } from "../core/findings/findings";
import { convert, toWon } from "../core/numbers/numbers";
import { UNITS, type Unit } from "../core/numbers/units";
import type { WorkbookPort } from "../excel/port";
import { CellButton } from "./CellButton";
import { formatShare, formatValue } from "./format";
import { t, unitLabel } from "./i18n";
import type { PortAction } from "./port-action";
import type { CheckRun } from "./run-check";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  rowHead: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS, overflowWrap: "anywhere" },
  program: { fontWeight: tokens.fontWeightSemibold },
  cell: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3, flexShrink: 0 },
  amount: { fontFamily: tokens.fontFamilyNumeric, fontSize: tokens.fontSizeBase300 },
  totals: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ShortfallTabProps {
  port: WorkbookPort;
  lang: Lang;
  run: CheckRun | undefined;
  action: PortAction;
  current: string | undefined;
  onSelect: (f: Finding) => void;
}

export interface ShortfallTotals {
  /** Sum per unit, in the order of UNITS; amounts with no unit under `undefined`, last. */
  perUnit: { unit: Unit | undefined; amount: number }[];
  /** Everything with a unit converted to the finest unit present; only when more than one unit is present. */
  combined?: { unit: Unit; amount: number };
}

/** Sums in whole 원 (bigint) so that 천원 and 백만원 amounts add up exactly; a fraction of a 원 falls back to floats. */
export function shortfallTotals(shortfalls: Finding[]): ShortfallTotals {
  const won = new Map<Unit, bigint>();
  const floats = new Map<Unit | undefined, number>();
  let exact = true;
  for (const f of shortfalls) {
    if (typeof f.actual !== "number") continue;
    floats.set(f.unit, (floats.get(f.unit) ?? 0) + f.actual);
    if (f.unit === undefined) continue;
    try {
      won.set(f.unit, (won.get(f.unit) ?? 0n) + toWon(f.actual, f.unit));
    } catch {
      exact = false;
    }
  }
  const units = UNITS.filter((u) => floats.has(u));
  const amountIn = (u: Unit): number => {
    const w = won.get(u);
    return exact && w !== undefined ? convert(Number(w), "원", u).value : (floats.get(u) ?? 0);
  };
  const perUnit: ShortfallTotals["perUnit"] = units.map((u) => ({ unit: u, amount: amountIn(u) }));
  if (floats.has(undefined)) perUnit.push({ unit: undefined, amount: floats.get(undefined) ?? 0 });
  const out: ShortfallTotals = { perUnit };
  if (units.length > 1) {
    const finest = units[0];
    const amount = exact
      ? convert(Number([...won.values()].reduce((a, b) => a + b, 0n)), "원", finest).value
      : units.reduce((sum, u) => sum + convert(floats.get(u) ?? 0, u, finest).value, 0);
    out.combined = { unit: finest, amount };
  }
  return out;
}

export function ShortfallTab({ port, lang, run, action, current, onSelect }: ShortfallTabProps) {
  const styles = useStyles();
  if (run === undefined) return <Text className={styles.muted}>{t(lang, "shortfall.runFirst")}</Text>;
  const shortfalls = run.result.findings.filter((f) => f.rule === "shortfall");
  if (shortfalls.length === 0) return <Text>{t(lang, "shortfall.none")}</Text>;

  const busy = action.busy !== undefined;
  const totals = shortfallTotals(shortfalls);
  const unitText = (u: Unit | undefined): string => (u === undefined ? t(lang, "shortfall.noUnit") : unitLabel(u, lang));
  return (
    <div className={styles.root}>
      <Text className={styles.muted}>{t(lang, "shortfall.intro")}</Text>
      <ul className={styles.list}>
        {shortfalls.map((f, i) => (
          <li key={`${f.sheet}-${f.cell}-${i}`}>
            <CellButton busy={busy} current={current === `${f.sheet}!${f.cell}`} target={`${f.sheet}!${f.cell}`} onActivate={() => onSelect(f)}>
              <span className={styles.rowHead}>
                <span className={styles.program}>{f.sheet}</span>
                <span className={styles.cell}>{f.cell}</span>
              </span>
              <span className={styles.amount}>
                {f.actual === undefined ? "" : formatValue(f.actual)} {unitText(f.unit)}
                {f.share === undefined ? "" : ` (${formatShare(f.share)})`}
              </span>
            </CellButton>
          </li>
        ))}
      </ul>
      <div className={styles.totals} role="group" aria-label={t(lang, "shortfall.total")}>
        <Text weight="semibold">
          {t(lang, "shortfall.total")} · {t(lang, "shortfall.count", { count: shortfalls.length })}
        </Text>
        {totals.perUnit.map((p) => (
          <Text key={p.unit ?? ""} className={styles.amount}>
            {formatValue(p.amount)} {unitText(p.unit)}
          </Text>
        ))}
        {totals.combined !== undefined && (
          <Text className={styles.amount}>
            {t(lang, "shortfall.totalAll", { unit: unitLabel(totals.combined.unit, lang) })}: {formatValue(totals.combined.amount)}{" "}
            {unitLabel(totals.combined.unit, lang)}
          </Text>
        )}
        {totals.combined !== undefined && totals.perUnit.some((p) => p.unit === undefined) && (
          <Text className={styles.muted}>{t(lang, "shortfall.noUnitNote")}</Text>
        )}
      </div>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          disabledFocusable={busy}
          onClick={() => void action.run("chart", () => port.insertShortfallChart(shortfalls, lang), () => t(lang, "done.chart"))}
        >
          {t(lang, "action.chart")}
        </Button>
      </div>
    </div>
  );
}
