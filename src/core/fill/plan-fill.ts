// Turns a funding input into the writes that fill a funding table of a sheet: source × year cells only (the 계 row
// and the 합계 column are formulas the sheet computes, never written), each with a preview line, the list of
// non-empty cells that would be overwritten (the pane asks before writing them), and the problems.
// Amounts are converted to the table's unit exactly (bigint); a value that is not a whole number in the table's
// unit is reported, not rounded. Text from the input is written as text (a string value, "@" format), so
// "=1+1", "+82" typed as text, "-" or "@x" can never become a formula.
import { a1, cellAt, type Range, type Scalar, type SheetGrid } from "../cells/grid";
import { formatAmount, parseNumber, toWon } from "../numbers/numbers";
import { emptyPlan, type PlanCell, type SheetPlan, type Text } from "../cells/sheet-plan";
import { WON_PER_UNIT, type Unit } from "../numbers/units";
import { FILL_MSG, where } from "./messages";
import { findFundingTarget, repeatedSourceProblems, yearLineAt, type FundingTarget, type TargetCell } from "./target";
import { classifyCleaned } from "../layout/labels";
import type { FillProblem, FundingColumn, FundingInput, FundingValue, Origin } from "./types";

/** One cell a fill speaks of, as the pane previews it. */
export interface PreviewLine {
  /** The target cell, A1. */
  cell: string;
  r: number;
  c: number;
  /** "국비 · 2021년" / "National · 2021" (with the sub-column: "· 집행액"); a book page's "201 일반운영비 › … · 단가". */
  label: Text;
  /** What the cell holds now (the shown value; a formula's cached result), and its formula if any. */
  before: Scalar | undefined;
  beforeFormula?: string;
  /** What the fill writes (a number in the table's unit, or text). */
  after: number | string;
  /** False when the cell already holds exactly that: nothing is written. */
  changed: boolean;
  origin: Origin;
}

export interface FillPreview extends PreviewLine {
  source: FundingInputSource;
  year: number;
  sub: number;
}

type FundingInputSource = FundingInput["rows"][number]["source"];

export interface FillPlan<P extends PreviewLine = FillPreview> {
  sheet: string;
  /** The funding table filled; undefined when none could be chosen (see problems). */
  table?: Range;
  tableUnit?: Unit;
  inputUnit?: Unit;
  /** Values only, on the target sheet: what the port's writePlan writes. */
  plan: SheetPlan;
  /** One line per source × year cell the input speaks of, written or not. */
  preview: P[];
  /** Cells (A1) that hold a value or formula now and would be overwritten: ask before writing. */
  overwrites: string[];
  problems: FillProblem[];
  /**
   * Figures of the input that are not written (a source or year the table lacks, text that is no amount, a
   * conversion that is not exact): said before writing and after, never dropped in silence. The cell is named when
   * the figure had one to go to.
   */
  notWritten: { origin?: Origin; cell?: string }[];
  /**
   * For an input that names no year: the year column of the table it fills (the one the selection is in) and that
   * column's range within the table (a row, when the table is transposed). Planning again with `range` as the
   * selection places the input the same way.
   */
  unnamedYear?: { year: number; sub: number; range: Range };
}

/** An input column with its year: named by the input, or the selected one. */
type DatedColumn = FundingColumn & { year: number };

/** The amount in `to`, exactly; undefined (with the exact decimal) when it is not a whole number there. */
function convertExact(value: number, from: Unit, to: Unit): { value?: number; exact: string } {
  let won: bigint;
  try {
    won = toWon(value, from);
  } catch {
    return { exact: String(value) }; // a fraction of a 원: no table holds that
  }
  const size = WON_PER_UNIT[to];
  const neg = won < 0n;
  const abs = neg ? -won : won;
  const whole = abs / size;
  const rest = abs % size;
  const digits = size.toString().length - 1;
  const exact = `${neg ? "-" : ""}${formatAmount(Number(whole))}${rest === 0n ? "" : `.${rest.toString().padStart(digits, "0").replace(/0+$/, "")}`}`;
  if (rest !== 0n) return { exact };
  const v = Number(neg ? -whole : whole);
  return Number.isSafeInteger(v) ? { value: v, exact } : { exact };
}

/** "확보액", "투자 수요", "확보액 및 투자수요": the planned (secured or needed) amount of a year, not what was spent. */
function isPlannedAmount(label: string | undefined): boolean {
  if (label === undefined) return false;
  const k = classifyCleaned(label);
  return k?.kind === "secured" || k?.kind === "need";
}

function isEmptyCell(v: Scalar | undefined, f: string | undefined): boolean {
  return f === undefined && (v === undefined || v === null || (typeof v === "string" && v.trim() === ""));
}

/**
 * Plans filling the funding table of `target` that intersects `at` (a selection or a table's range; undefined:
 * the sheet's only funding table) with `input`. Nothing is written here: the plan goes to the port's writePlan.
 */
export function planFill(target: SheetGrid, at: Range | undefined, input: FundingInput): FillPlan {
  const found = findFundingTarget(target, at);
  const plan = emptyPlan(target.name);
  const base: FillPlan = { sheet: target.name, plan, preview: [], overwrites: [], problems: found.problems, notWritten: [] };
  if (found.target === undefined) return base;
  const t = found.target;
  const problems: FillProblem[] = [...found.problems];
  const tableUnit = t.unit;
  const result: FillPlan = {
    ...base,
    table: t.table.range,
    ...(tableUnit === undefined ? {} : { tableUnit }),
    ...(input.unit === undefined ? {} : { inputUnit: input.unit }),
    problems,
  };

  // An input that names no year (sources with one amount each) goes into the year column the selection is in.
  let columns: DatedColumn[];
  let years: number[];
  const placed = input.columns.some((c) => c.year === undefined);
  if (placed) {
    const line = yearLineAt(t, at);
    if (line === undefined) {
      problems.push({ code: "year-not-selected", severity: "error", message: FILL_MSG.yearNotSelected(t.table.transposed) });
      return result;
    }
    columns = input.columns.map((c) => ({ ...c, year: line.year, sub: line.sub }));
    years = [line.year];
    const r = t.table.range;
    result.unnamedYear = { year: line.year, sub: line.sub, range: t.table.transposed ? { r0: line.at, r1: line.at, c0: r.c0, c1: r.c1 } : { r0: r.r0, r1: r.r1, c0: line.at, c1: line.at } };
    problems.push({ code: "year-from-selection", severity: "info", message: FILL_MSG.yearFromSelection(line.year, t.subs.get(line.year)?.[line.sub]?.label, t.table.transposed) });
  } else {
    columns = input.columns.flatMap((c) => (c.year === undefined ? [] : [{ ...c, year: c.year }])); // every one has its year
    years = input.years;
  }

  if (input.unit === undefined && tableUnit !== undefined && input.rows.length > 0) {
    problems.push({ code: "unit-assumed", severity: "info", message: FILL_MSG.unitAssumed(tableUnit) });
  }
  if (input.unit !== undefined && tableUnit === undefined) {
    problems.push({ code: "table-unit-unknown", severity: "warning", message: FILL_MSG.tableUnitUnknown(input.unit) });
  }

  // Years: those of the input the table lacks are reported; the table's years the input lacks stay as they are.
  const tableYears = new Set(t.years);
  const inputYears = new Set(columns.map((c) => c.year));
  for (const year of years) {
    if (tableYears.has(year)) continue;
    const j = columns.findIndex((c) => c.year === year);
    const origin = input.rows.map((r) => r.values[j]?.origin).find((o) => o !== undefined);
    problems.push({ code: "year-outside", severity: "warning", ...(origin === undefined ? {} : { origin }), message: FILL_MSG.yearOutside(where(origin), year, t.years) });
  }
  // (An input placed in the selected year says nothing of the table's other years.)
  if (!placed) for (const year of t.years) if (!inputYears.has(year)) problems.push({ code: "year-not-in-input", severity: "info", message: FILL_MSG.yearNotInInput(year) });
  // Each input column's sub-column in the table (the selected one for an input placed in the selected year).
  const subOf = placed ? columns.map((c) => c.sub) : matchSubColumns(columns, t, problems);

  // Sources.
  problems.push(...repeatedSourceProblems(t));
  const inputSources = new Set(input.rows.map((r) => r.source));
  for (const row of input.rows) {
    if (!t.sourceAt.has(row.source)) problems.push({ code: "source-not-in-table", severity: "error", origin: row.origin, message: FILL_MSG.sourceNotInTable(where(row.origin), row.source) });
  }
  for (const [source, cell] of t.sourceAt) {
    if (!inputSources.has(source) && !t.repeated.has(source)) problems.push({ code: "source-not-in-input", severity: "info", cell, message: FILL_MSG.sourceNotInInput(cell, source) });
  }

  const key = (source: string, year: number, sub: number): string => `${source}:${year}:${sub}`;
  const targetCells = new Map<string, TargetCell>(t.cells.map((c) => [key(c.source, c.year, c.sub), c]));
  const writes: PlanCell[] = [];
  const overwrites: string[] = [];
  const preview: FillPreview[] = [];
  const notWritten = result.notWritten;
  // A sub-column left out on purpose (집행액 beside the planned 확보액) is said once as such, not as a lost figure.
  const leftOut = new Set(problems.filter((p) => p.code === "sub-column-left-out").length > 0 ? columns.flatMap((c, j) => (subOf[j] === undefined && t.subs.get(c.year) !== undefined ? [j] : [])) : []);
  for (const row of input.rows) {
    columns.forEach((col, j) => {
      const v: FundingValue | undefined = row.values[j];
      if (v === undefined) return;
      const lost = (): void => {
        if (!(v.value.kind === "empty" && !v.value.dash)) notWritten.push({ origin: v.origin });
      };
      const sub = subOf[j];
      if (sub === undefined) {
        if (!leftOut.has(j)) lost();
        return;
      }
      const tc = targetCells.get(key(row.source, col.year, sub));
      if (tc === undefined) return lost(); // reported above: year outside, or source not in the table
      const ref = a1(tc.r, tc.c);
      const after = valueToWrite(v, input.unit, tableUnit, ref, problems);
      if (after === undefined) {
        notWritten.push({ origin: v.origin, cell: ref });
        return;
      }
      const cell = cellAt(target, tc.r, tc.c);
      const before = cell?.v;
      const formula = cell?.f;
      const changed = !sameContent(before, formula, after);
      preview.push({
        cell: ref,
        r: tc.r,
        c: tc.c,
        source: row.source,
        year: col.year,
        sub,
        label: FILL_MSG.cellLabel(row.source, col.year, tc.subLabel),
        before,
        ...(formula === undefined ? {} : { beforeFormula: formula }),
        after,
        changed,
        origin: v.origin,
      });
      if (!changed) return;
      writes.push(typeof after === "string" ? { r: tc.r, c: tc.c, value: after, numberFormat: "@" } : { r: tc.r, c: tc.c, value: after });
      if (!isEmptyCell(before, formula)) overwrites.push(ref);
      if (formula !== undefined) problems.push({ code: "formula-overwritten", severity: "warning", cell: ref, origin: v.origin, message: FILL_MSG.formulaOverwritten(ref, formula) });
    });
  }
  plan.cells = writes;
  return { ...result, plan, preview, overwrites };
}

/**
 * Each input column's sub-column in the table. Same count: by position. Several in the input (확보액, 집행액) and
 * one in the table: the one whose header says it is the planned amount (확보액 or 투자수요), if exactly one does.
 */
function matchSubColumns(columns: DatedColumn[], t: FundingTarget, problems: FillProblem[]): (number | undefined)[] {
  const subOf: (number | undefined)[] = columns.map((c) => c.sub);
  const inputYears = new Set(columns.map((c) => c.year));
  for (const year of t.years) {
    if (!inputYears.has(year)) continue;
    const cols = columns.flatMap((c, j) => (c.year === year ? [j] : []));
    const want = t.subs.get(year)?.length ?? 1;
    if (cols.length === want) continue;
    const planned = cols.filter((j) => isPlannedAmount(columns[j].label));
    if (want === 1 && planned.length === 1) {
      for (const j of cols) subOf[j] = j === planned[0] ? 0 : undefined;
      const left = cols.filter((j) => j !== planned[0]).map((j) => columns[j].label ?? "");
      problems.push({ code: "sub-column-left-out", severity: "info", message: FILL_MSG.subColumnLeftOut(year, columns[planned[0]].label ?? "", left) });
      continue;
    }
    for (const j of cols) subOf[j] = undefined;
    problems.push({ code: "sub-columns-differ", severity: "error", message: FILL_MSG.subColumnsDiffer(year, cols.length, want) });
  }
  return subOf;
}

/** The value for the sheet: a number in the table's unit, or the input's text; undefined when not writable. */
function valueToWrite(v: FundingValue, inputUnit: Unit | undefined, tableUnit: Unit | undefined, ref: string, problems: FillProblem[]): number | string | undefined {
  switch (v.value.kind) {
    case "empty":
      return 0;
    case "text":
      if (v.value.word === true) {
        problems.push({ code: "not-a-number", severity: "error", cell: ref, origin: v.origin, message: FILL_MSG.notANumber(where(v.origin), ref, v.value.text) });
        return undefined;
      }
      return v.value.text;
    case "number": {
      const from = v.value.unit ?? inputUnit ?? tableUnit;
      if (from === undefined || tableUnit === undefined || from === tableUnit) return v.value.value;
      const conv = convertExact(v.value.value, from, tableUnit);
      if (conv.value === undefined) {
        problems.push({ code: "inexact-conversion", severity: "error", cell: ref, origin: v.origin, message: FILL_MSG.inexact(where(v.origin), ref, v.value.value, from, conv.exact, tableUnit) });
      }
      return conv.value;
    }
  }
}

/** Whether the cell already shows exactly what would be written (a blank and 0 are the same amount). */
function sameContent(before: Scalar | undefined, formula: string | undefined, after: number | string): boolean {
  if (formula !== undefined) return false;
  if (typeof after === "number") {
    // A blank or a dash already says 0.
    if (after === 0 && (isEmptyCell(before, undefined) || (typeof before === "string" && parseNumber(before).kind === "none"))) return true;
    return typeof before === "number" && before === after;
  }
  return typeof before === "string" && before === after;
}
