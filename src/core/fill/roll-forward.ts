// Roll forward: last year's funding table becomes the input of this year's. A plan's table runs from the year
// just finished to a few out-years (the 2021 plan: 2020년 … 2023년). Next year's plan drops the finished year,
// keeps the rest as they were planned (they are the new table's current and out-years), and adds a new last
// year that starts empty. The unit is kept; totals are not carried (the new sheet's formulas compute them).
import { a1, cellAt, type Range, type SheetGrid } from "../cells/grid";
import { FILL_MSG, where } from "./messages";
import { findFundingTarget, repeatedSourceProblems, type TargetCell } from "./target";
import type { FillProblem, FundingColumn, FundingInput, FundingParse, FundingRow, FundingValue, Origin } from "./types";
import { readFillValue } from "./values";

/** The value of one cell of last year's table, with its origin. */
function readCell(sheet: SheetGrid, tc: TargetCell, evaluated: (r: number, c: number) => number | undefined, problems: FillProblem[]): FundingValue | undefined {
  const origin: Origin = { kind: "cell", sheet: sheet.name, cell: a1(tc.r, tc.c) };
  const cell = cellAt(sheet, tc.r, tc.c);
  const v = cell?.v;
  if (cell === undefined || v === null || (v === undefined && cell.f === undefined)) return { value: { kind: "empty", dash: false }, text: "", origin };
  if (v === undefined) {
    // A formula without a cached result (a file written by a tool): the engine computes SUM and +/- itself.
    const n = cell.f === undefined ? undefined : evaluated(tc.r, tc.c);
    if (n !== undefined) return { value: { kind: "number", value: n }, text: String(n), origin };
    problems.push({ code: "no-value", severity: "warning", origin, message: FILL_MSG.noValue(where(origin), cell.f ?? "") });
    return undefined;
  }
  if (typeof v === "number") return { value: { kind: "number", value: v }, text: String(v), origin };
  const r = readFillValue(String(v), origin);
  if (r.problem !== undefined) problems.push(r.problem);
  return r.value;
}

/**
 * The input for this year's table from last year's sheet: the funding table of `last` that intersects `at`
 * (undefined: the sheet's only funding table), its years shifted by one.
 */
export function rollForward(last: SheetGrid, at?: Range): FundingParse {
  const found = findFundingTarget(last, at);
  const problems: FillProblem[] = [...found.problems];
  if (found.target === undefined) return { input: { years: [], columns: [], rows: [] }, problems };
  const t = found.target;
  problems.push(...repeatedSourceProblems(t));
  if (t.years.length === 0) return { input: { years: [], columns: [], rows: [] }, problems };
  const lastYear = t.years[t.years.length - 1];
  const newYear = lastYear + 1;
  const years = [...t.years.slice(1), newYear];
  // The new year takes the sub-columns of the last one (확보액/집행액 …).
  const subsOf = (y: number): { label?: string }[] => t.subs.get(y === newYear ? lastYear : y) ?? [{}];
  const columns: FundingColumn[] = years.flatMap((year) =>
    subsOf(year).map((s, sub) => (s.label === undefined ? { year, sub } : { year, sub, label: s.label })),
  );
  const bySource = new Map<string, TargetCell[]>();
  for (const c of t.cells) bySource.set(c.source, [...(bySource.get(c.source) ?? []), c]);
  const rows: FundingRow[] = [];
  for (const [source, cells] of bySource) {
    const first = cells[0];
    const labelAt = t.sourceAt.get(first.source) ?? a1(first.r, first.c);
    const values = columns.map((col): FundingValue | undefined => {
      if (col.year === newYear) return { value: { kind: "empty", dash: false }, text: "", origin: { kind: "new-year", year: newYear } };
      const tc = cells.find((c) => c.year === col.year && c.sub === col.sub);
      return tc === undefined ? undefined : readCell(last, tc, t.view.evaluated, problems);
    });
    rows.push({ source: first.source, label: t.sourceLabel.get(first.source) ?? source, origin: { kind: "cell", sheet: last.name, cell: labelAt }, values, totals: [] });
  }
  const input: FundingInput = { ...(t.unit === undefined ? {} : { unit: t.unit }), years, columns, rows, ...(t.table.transposed ? { transposed: true } : {}) };
  return { input, problems };
}
