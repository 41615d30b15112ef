// One scenario, from what was typed to every result: the split, the comparison with the program's budget, the
// sweep and the present value. The pane recomputes it on every keystroke and the command line prints it, so both
// show the same numbers; `scenarioSheet` turns a valid run into the 시나리오 sheet.
import type { Lang } from "../findings/findings";
import type { Unit } from "../numbers/units";
import { compareWithBudget, computeGiftCert, type BudgetComparison, type GiftCertInputs, type GiftCertResult } from "./giftcert";
import { lineAmount, type FundingAmount, type FundingProgram, type LineKey } from "./funding-lines";
import { presentValue, sensitivity, type Fraction, type Sensitivity, type YearAmount } from "./present-value";
import { roundHalfUp } from "./exact";
import {
  readGiftCertForm,
  readPvForm,
  readSweepForm,
  type FieldErrors,
  type GiftCertField,
  type GiftCertForm,
  type PvField,
  type PvForm,
  type PvSpec,
  type SweepField,
  type SweepForm,
} from "./scenario-form";
import { layoutScenarioSheet, type ScenarioLayout } from "./scenario-plan";
import type { Text } from "./scenario-messages";
import { sweepDistrict, type Sweep } from "./sweep";

export interface ScenarioRequest {
  unit: Unit;
  giftcert: GiftCertForm;
  sweep: SweepForm;
  pv: PvForm;
  /** The program the budget and the present value come from, when the workbook was read. */
  program?: FundingProgram;
  /** The budget year (구비 of that year is compared). */
  year?: number;
  /** The program's line the present value is taken of; absent: the typed amounts. */
  pvLine?: LineKey;
}

export interface BudgetLine extends BudgetComparison {
  program: string;
  year: number;
  cell: string;
  source: Text;
}

export interface PvOutcome {
  spec: PvSpec;
  /** Rounded to the 원. */
  won: bigint;
  /** Exact, for showing in a coarser unit with one rounding. */
  exact: Fraction;
  sensitivity: Sensitivity[];
  /** Where the amounts came from (a program's line), when not typed. */
  source?: Text;
}

export interface ScenarioRun {
  unit: Unit;
  errors: {
    giftcert: FieldErrors<GiftCertField>;
    sweep: FieldErrors<SweepField>;
    pv: FieldErrors<PvField>;
  };
  inputs?: GiftCertInputs;
  result?: GiftCertResult;
  /** Absent when the program has no 구비 amount for the year (or no program was chosen). */
  budget?: BudgetLine;
  sweep?: Sweep;
  pv?: PvOutcome;
}

/** Which line of the program supplies the present value's amounts; the label as printed for messages. */
function pvFlows(program: FundingProgram | undefined, key: LineKey | undefined): { flows: YearAmount[]; label: string } | undefined {
  if (program === undefined || key === undefined) return undefined;
  const line = program.lines.find((l) => l.key === key);
  if (line === undefined) return { flows: [], label: key };
  return { flows: line.amounts.map((a) => ({ year: a.year, won: a.won })), label: line.label };
}

export function runScenario(q: ScenarioRequest): ScenarioRun {
  const run: ScenarioRun = { unit: q.unit, errors: { giftcert: {}, sweep: {}, pv: {} } };
  const g = readGiftCertForm(q.giftcert, q.unit);
  if (g.ok) {
    run.inputs = g.value;
    run.result = computeGiftCert(g.value);
  } else run.errors.giftcert = g.errors;

  if (run.result !== undefined && q.program !== undefined && q.year !== undefined) {
    const found: FundingAmount | undefined = lineAmount(q.program, "district", q.year);
    if (found !== undefined) {
      const label = q.program.lines.find((l) => l.key === "district")?.label ?? "구비";
      run.budget = {
        ...compareWithBudget(run.result.district, found.won),
        program: q.program.id,
        year: q.year,
        cell: found.cell,
        source: { ko: `${q.program.id} ${q.year}년 ${label}`, en: `${q.program.id}, ${q.year}, ${label}` },
      };
    }
  }

  const s = readSweepForm(q.sweep, q.unit, run.inputs);
  if (!s.ok) run.errors.sweep = s.errors;
  else if (run.inputs !== undefined) run.sweep = sweepDistrict(run.inputs, s.value.rates, s.value.issuances);

  // No line chosen and nothing typed: no present value asked for, and nothing to complain about.
  const from = pvFlows(q.program, q.pvLine);
  const asked = from !== undefined || q.pv.pvAmounts.trim() !== "" || q.pv.pvStartYear.trim() !== "";
  const p = asked ? readPvForm(q.pv, q.unit, from?.flows) : undefined;
  if (p !== undefined && !p.ok) run.errors.pv = p.errors;
  else if (p !== undefined && p.ok) {
    const { flows, rate, baseYear } = p.value;
    const exact = presentValue(flows, rate, baseYear);
    run.pv = { spec: p.value, won: roundHalfUp(exact.num, exact.den), exact, sensitivity: sensitivity(flows, p.value.sensitivity, baseYear) };
    if (from !== undefined && q.program !== undefined) {
      const unit = q.program.unit;
      run.pv.source = { ko: `${q.program.id} ${from.label} (${unit})`, en: `${q.program.id}, ${from.label} (${unit})` };
    }
  }
  return run;
}

/** True when something typed is wrong: then the sheet is not written. */
export function hasErrors(run: ScenarioRun): boolean {
  return Object.keys(run.errors.giftcert).length > 0 || Object.keys(run.errors.sweep).length > 0 || Object.keys(run.errors.pv).length > 0;
}

/** The 시나리오 sheet of a run; undefined when any input has an error (then nothing is written). */
export function scenarioSheet(run: ScenarioRun, lang: Lang): ScenarioLayout | undefined {
  if (hasErrors(run) || run.inputs === undefined || run.sweep === undefined) return undefined;
  return layoutScenarioSheet({
    lang,
    unit: run.unit,
    giftcert: run.inputs,
    sweep: { rates: run.sweep.rates, issuances: run.sweep.issuances },
    ...(run.budget !== undefined ? { budget: { won: run.budget.budget, source: run.budget.source[lang] } } : {}),
    ...(run.pv !== undefined ? { pv: { ...run.pv.spec, ...(run.pv.source !== undefined ? { source: run.pv.source[lang] } : {}) } } : {}),
  });
}
