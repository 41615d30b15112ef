// 시나리오: "what does a higher discount cost us?" Every keystroke and slider move recomputes the split of the gift
// certificates' discount (국비, 시비, 구비), its comparison with the program's budget in the workbook, the sweep over
// discount rates and the present value; a bad entry gets its reason under its field. "시트에 쓰기" lays the scenario
// out as the 시나리오 sheet (formulas over input cells) and writes it, or, while any entry is bad, writes nothing.
import { useCallback, useMemo, useState } from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Slider, Text, makeStyles, tokens } from "@fluentui/react-components";
import { guessPlanYear } from "../core/check-workbook";
import type { Lang } from "../core/findings/findings";
import { parseRate } from "../core/scenario/exact";
import { defaultYear, findFundingPrograms, matchPrograms, type FundingProgram, type LineKey } from "../core/scenario/funding-lines";
import {
  DEFAULT_PV_FORM,
  DEFAULT_SWEEP_FORM,
  SEED_GIFTCERT_FORM,
  type GiftCertField,
  type GiftCertForm,
  type PvField,
  type PvForm,
  type SweepField,
  type SweepForm,
} from "../core/scenario/scenario-form";
import { runScenario, scenarioSheet, type ScenarioRun } from "../core/scenario/scenario-run";
import { UNITS, type Unit } from "../core/numbers/units";
import type { PlanWritten, WorkbookPort } from "../excel/port";
import { errorText } from "./format";
import { t, unitLabel, type UiKey } from "./i18n";
import type { PortAction } from "./port-action";
import { FieldGrid, Section, SelectField, TextField } from "./scenario-fields";
import { BudgetBox, PvResult, SplitTable, SweepTable } from "./scenario-results";
import { useTabState } from "./tab-state";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  wide: { gridColumn: "1 / -1", minWidth: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const GIFT_LABELS: Record<GiftCertField, UiKey> = {
  issuance: "scenario.issuance",
  discountRate: "scenario.discountRate",
  nationalRate: "scenario.nationalRate",
  nationalVolume: "scenario.nationalVolume",
  cityRate: "scenario.cityRate",
  cityCap: "scenario.cityCap",
  districtMinRate: "scenario.districtMinRate",
  other: "scenario.other",
};
const SWEEP_LABELS: Record<SweepField, UiKey> = {
  sweepFrom: "scenario.sweepFrom",
  sweepTo: "scenario.sweepTo",
  sweepStep: "scenario.sweepStep",
  sweepIssuances: "scenario.sweepIssuances",
};
const PV_LABELS: Record<PvField, UiKey> = {
  pvRate: "scenario.pvRate",
  pvBaseYear: "scenario.pvBaseYear",
  pvSensitivity: "scenario.pvSensitivity",
  pvAmounts: "scenario.pvAmounts",
  pvStartYear: "scenario.pvStartYear",
};

/** The slider covers the discounts local gift certificates are sold at; the text field takes any rate. */
const SLIDER_MAX = 20;

export interface ScenarioTabProps {
  port: WorkbookPort;
  lang: Lang;
  action: PortAction;
}

interface Workbook {
  programs: FundingProgram[];
  planYear: number | undefined;
}

export function ScenarioTab({ port, lang, action }: ScenarioTabProps) {
  const styles = useStyles();
  const [unit, setUnit] = useTabState<Unit>(port, "scenario.unit", "억원");
  const [gift, setGift] = useTabState<GiftCertForm>(port, "scenario.giftcert", SEED_GIFTCERT_FORM);
  const [sweep, setSweep] = useTabState<SweepForm>(port, "scenario.sweep", DEFAULT_SWEEP_FORM);
  const [pv, setPv] = useTabState<PvForm>(port, "scenario.pv", DEFAULT_PV_FORM);
  const [workbook, setWorkbook] = useTabState<Workbook | undefined>(port, "scenario.workbook", undefined);
  const [programId, setProgramId] = useTabState(port, "scenario.program", "");
  const [year, setYear] = useTabState<number | undefined>(port, "scenario.year", undefined);
  const [pvSource, setPvSource] = useTabState<LineKey | "manual">(port, "scenario.pvSource", "manual");
  const [problem, setProblem] = useState<{ title?: string; text: string } | undefined>(undefined);

  const program = workbook?.programs.find((p) => p.id === programId);
  const run: ScenarioRun = useMemo(
    () =>
      runScenario({
        unit,
        giftcert: gift,
        sweep,
        pv,
        ...(program !== undefined ? { program, ...(year !== undefined ? { year } : {}) } : {}),
        ...(program !== undefined && pvSource !== "manual" ? { pvLine: pvSource } : {}),
      }),
    [unit, gift, sweep, pv, program, year, pvSource],
  );

  // A field's label, value, setter and message (the engine's reason), from the form it belongs to.
  const giftField = (f: GiftCertField) => ({ label: t(lang, GIFT_LABELS[f]), value: gift[f], onChange: (v: string) => setGift((g) => ({ ...g, [f]: v })), lang, error: run.errors.giftcert[f] });
  const sweepField = (f: SweepField) => ({ label: t(lang, SWEEP_LABELS[f]), value: sweep[f], onChange: (v: string) => setSweep((s) => ({ ...s, [f]: v })), lang, error: run.errors.sweep[f] });
  const pvField = (f: PvField) => ({ label: t(lang, PV_LABELS[f]), value: pv[f], onChange: (v: string) => setPv((s) => ({ ...s, [f]: v })), lang, error: run.errors.pv[f] });

  // The budget year first offered: the workbook's plan year when the program has it, else its last year.
  const choose = useCallback(
    (p: FundingProgram | undefined, planYear: number | undefined) => {
      setProgramId(p?.id ?? "");
      setYear(defaultYear(p, planYear));
      setPvSource(p?.lines.some((l) => l.key === "total") ? "total" : "manual");
    },
    [setProgramId, setYear, setPvSource],
  );

  const readWorkbook = async (): Promise<void> => {
    const wb = await action.run(
      "scenarioRead",
      async (): Promise<Workbook> => {
        const { grid } = await port.readWorkbook();
        return { programs: findFundingPrograms(grid), planYear: guessPlanYear(grid) };
      },
      (w) => t(lang, "scenario.read", { count: w.programs.length }),
    );
    if (wb === undefined) return;
    setWorkbook(wb);
    // A gift-certificate program when the workbook has one: this is the tab's question.
    choose(matchPrograms(wb.programs, "상품권")[0] ?? wb.programs[0], wb.planYear);
  };

  const write = async (): Promise<void> => {
    setProblem(undefined);
    const layout = scenarioSheet(run, lang);
    if (layout === undefined) {
      const fields = [
        ...Object.keys(run.errors.giftcert).map((f) => t(lang, GIFT_LABELS[f as GiftCertField])),
        ...Object.keys(run.errors.sweep).map((f) => t(lang, SWEEP_LABELS[f as SweepField])),
        ...Object.keys(run.errors.pv).map((f) => t(lang, PV_LABELS[f as PvField])),
      ];
      setProblem({ text: t(lang, "scenario.blocked", { fields: fields.join(", ") }) });
      return;
    }
    // The port's error is caught here only to be shown under this button with this tab's own title; the shared
    // action still marks the pane busy and keeps to one call at a time.
    const outcome = await action.run(
      "scenarioWrite",
      async (): Promise<{ ok: true; written: PlanWritten } | { ok: false; error: unknown }> => {
        try {
          return { ok: true, written: await port.writePlan(layout.plan, { mode: "replace-sheet", activate: true }) };
        } catch (error) {
          return { ok: false, error };
        }
      },
      (o) => (o.ok ? t(lang, "scenario.written", { sheet: o.written.sheet, range: o.written.range }) : undefined),
    );
    if (outcome !== undefined && !outcome.ok) setProblem({ title: t(lang, "fail.scenarioWrite"), text: errorText(outcome.error, lang) });
  };

  const u = unitLabel(unit, lang);
  const sliderRate = parseRate(gift.discountRate);
  const sliderValue = sliderRate.ok ? Math.min(SLIDER_MAX, Number(sliderRate.value) / 10_000) : 0;
  const busy = action.busy !== undefined;

  return (
    <div className={styles.root}>
      <Text className={styles.muted}>{t(lang, "scenario.intro")}</Text>

      <Section title={t(lang, "scenario.terms")}>
        <FieldGrid>
          <TextField {...giftField("issuance")} hint={t(lang, "scenario.hint.amount", { unit: u })} />
          <SelectField
            label={t(lang, "scenario.unit")}
            value={unit}
            onChange={(v) => setUnit(UNITS.find((x) => x === v) ?? "억원")}
            options={UNITS.map((x) => ({ value: x, label: unitLabel(x, lang) }))}
          />
          <TextField {...giftField("discountRate")} />
          <TextField {...giftField("districtMinRate")} />
          <div className={styles.wide}>
            <Slider
              min={0}
              max={SLIDER_MAX}
              step={0.5}
              value={sliderValue}
              onChange={(_, d) => setGift((g) => ({ ...g, discountRate: `${d.value}%` }))}
              aria-label={t(lang, "scenario.discountSlider")}
              aria-valuetext={`${sliderValue}%`}
            />
          </div>
          <TextField {...giftField("cityRate")} hint={t(lang, "scenario.hint.rate")} />
          <TextField {...giftField("cityCap")} hint={t(lang, "scenario.hint.noLimit")} />
          <TextField {...giftField("nationalRate")} hint={t(lang, "scenario.hint.rate")} />
          <TextField {...giftField("nationalVolume")} hint={t(lang, "scenario.hint.noLimit")} />
          <div className={styles.wide}>
            <TextField {...giftField("other")} hint={t(lang, "scenario.hint.other")} />
          </div>
        </FieldGrid>
      </Section>

      <Section title={t(lang, "scenario.results")}>
        {run.result === undefined || run.inputs === undefined ? (
          <Text className={styles.muted}>{t(lang, "scenario.fixErrors")}</Text>
        ) : (
          <>
            <SplitTable result={run.result} issuance={run.inputs.issuance} unit={unit} lang={lang} />
            {run.budget !== undefined && <BudgetBox budget={run.budget} unit={unit} lang={lang} />}
          </>
        )}
      </Section>

      <Section title={t(lang, "scenario.workbook")}>
        <Text className={styles.muted}>{t(lang, "scenario.workbookIntro")}</Text>
        <div className={styles.buttons}>
          <Button disabledFocusable={busy} onClick={() => void readWorkbook()}>
            {t(lang, workbook === undefined ? "scenario.readWorkbook" : "scenario.rereadWorkbook")}
          </Button>
        </div>
        {workbook !== undefined && workbook.programs.length === 0 && <Text>{t(lang, "scenario.noPrograms")}</Text>}
        {workbook !== undefined && program !== undefined && (
          <FieldGrid>
            <div className={styles.wide}>
              <SelectField
                label={t(lang, "scenario.program")}
                value={program.id}
                onChange={(id) => choose(workbook.programs.find((p) => p.id === id), workbook.planYear)}
                options={workbook.programs.map((p) => ({ value: p.id, label: p.id }))}
              />
            </div>
            <SelectField label={t(lang, "scenario.year")} value={String(year ?? "")} onChange={(v) => setYear(Number(v))} options={program.years.map((y) => ({ value: String(y), label: String(y) }))} />
          </FieldGrid>
        )}
        {program !== undefined && year !== undefined && run.result !== undefined && run.budget === undefined && <Text>{t(lang, "scenario.noBudget", { year })}</Text>}
      </Section>

      <Section title={t(lang, "scenario.sweep")}>
        <FieldGrid>
          <TextField {...sweepField("sweepFrom")} />
          <TextField {...sweepField("sweepTo")} />
          <TextField {...sweepField("sweepStep")} />
          <TextField {...sweepField("sweepIssuances")} hint={t(lang, "scenario.sweepIssuancesHint")} />
        </FieldGrid>
        {run.sweep !== undefined && run.sweep.issuances.length > 0 && <SweepTable sweep={run.sweep} unit={unit} lang={lang} />}
      </Section>

      <Section title={t(lang, "scenario.pv")}>
        <FieldGrid>
          <div className={styles.wide}>
            <SelectField
              label={t(lang, "scenario.pvSource")}
              value={program === undefined ? "manual" : pvSource}
              onChange={(v) => setPvSource(v === "manual" ? "manual" : (program?.lines.find((l) => l.key === v)?.key ?? "manual"))}
              options={[
                { value: "manual", label: t(lang, "scenario.pvManual") },
                ...(program?.lines.map((l) => ({ value: l.key, label: `${program.id} · ${l.label}` })) ?? []),
              ]}
            />
          </div>
          {(program === undefined || pvSource === "manual") && (
            <>
              <div className={styles.wide}>
                <TextField {...pvField("pvAmounts")} hint={t(lang, "scenario.pvAmountsHint", { unit: u })} />
              </div>
              <TextField {...pvField("pvStartYear")} />
            </>
          )}
          <TextField {...pvField("pvRate")} hint={t(lang, "scenario.pvRateHint")} />
          <TextField {...pvField("pvBaseYear")} hint={t(lang, "scenario.pvBaseYearHint")} />
          <div className={styles.wide}>
            <TextField {...pvField("pvSensitivity")} />
          </div>
        </FieldGrid>
        {run.pv !== undefined ? <PvResult pv={run.pv} unit={unit} lang={lang} /> : Object.keys(run.errors.pv).length === 0 && <Text className={styles.muted}>{t(lang, "scenario.pvNone")}</Text>}
      </Section>

      <Section title={t(lang, "scenario.write")}>
        <Text className={styles.muted}>{t(lang, "scenario.writeHint")}</Text>
        <div className={styles.buttons}>
          <Button appearance="primary" disabledFocusable={busy} onClick={() => void write()}>
            {t(lang, "scenario.write")}
          </Button>
        </div>
        {problem !== undefined && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              {problem.title !== undefined && <MessageBarTitle>{problem.title}</MessageBarTitle>}
              {problem.text}
            </MessageBarBody>
          </MessageBar>
        )}
      </Section>
    </div>
  );
}
