// A funding table of a sheet as the fill sees it: which cell holds which (source, year, sub-column) amount, and
// which cells are totals (the 계 row, the 합계 column), never written. The table itself is found by the engine's
// own detector (detect-tables.ts / table-model.ts), the same one the checker uses, so the fill and the checks
// agree on what the table is.
import { findTables, type FoundTable } from "../layout/detect-tables";
import { a1, rangeA1, type Range, type SheetGrid } from "../cells/grid";
import type { SourceKey } from "../layout/labels";
import { makeSheetView, type SheetView } from "../cells/sheet-view";
import type { Unit } from "../numbers/units";
import { FILL_MSG } from "./messages";
import type { FillProblem } from "./types";

export interface TargetCell {
  r: number;
  c: number;
  source: SourceKey;
  year: number;
  sub: number;
  /** The sub-column's own header ("확보액", "집행액"), when the year has several. */
  subLabel?: string;
}

export interface FundingTarget {
  table: FoundTable;
  view: SheetView;
  unit?: Unit;
  /** Years of the table, ascending. */
  years: number[];
  /** Sub-columns per year (1 for a plain table, 2 for 확보액/집행액 pairs). */
  subs: Map<number, { label?: string }[]>;
  /** Each value column's year and sub-column, by sheet column (by row when the table is transposed). */
  yearLines: YearLine[];
  /** The first row (or column, when transposed) of each source; sources with several rows are left out. */
  cells: TargetCell[];
  /** Sources that label more than one row: which one is meant is unclear. */
  repeated: Map<SourceKey, string[]>;
  /** Where each source's row starts (A1 of its label), for messages. */
  sourceAt: Map<SourceKey, string>;
  /** Each source's label as the sheet writes it ("국 비"). */
  sourceLabel: Map<SourceKey, string>;
}

export interface YearLine {
  /** The sheet column (row, when the table is transposed) of the year's values. */
  at: number;
  year: number;
  sub: number;
}

const intersects = (a: Range, b: Range): boolean => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;

/** The last part of a header path: "연차별 … / 2018년 / 확보액" → "확보액". */
function leafLabel(label: string): string {
  const parts = label.split(" / ");
  return parts[parts.length - 1];
}

/**
 * The funding table of `sheet` that intersects `at` (a selection, or the range of a table found before); when `at`
 * touches none, or without `at`, the sheet's only funding table (an officer's cursor is often beside the table).
 */
export function findFundingTarget(sheet: SheetGrid, at?: Range): { target?: FundingTarget; problems: FillProblem[] } {
  const view = makeSheetView(sheet);
  const funding = findTables(view).tables.filter((t) => t.kind === "funding");
  const touched = at === undefined ? [] : funding.filter((t) => intersects(t.range, at));
  const candidates = touched.length > 0 ? touched : funding;
  if (candidates.length === 0) {
    return { problems: [{ code: "no-funding-table", severity: "error", message: FILL_MSG.noFundingTable(sheet.name) }] };
  }
  if (candidates.length > 1) {
    return { problems: [{ code: "ambiguous-table", severity: "error", message: FILL_MSG.ambiguousTable(sheet.name, candidates.map((t) => rangeA1(t.range))) }] };
  }
  return { target: describeTarget(candidates[0], view), problems: [] };
}

function describeTarget(table: FoundTable, view: SheetView): FundingTarget {
  const m = table.model;
  // Years across (the seeds' form) or years down (transposed): the "year lines" and the "source lines".
  const yearHeads = table.transposed
    ? m.rows.filter((r) => r.year !== undefined && r.role !== "total" && r.role !== "subtotal").map((r) => ({ at: r.r, year: r.year as number, label: r.label }))
    : m.cols.filter((c) => c.year !== undefined && c.role !== "total" && c.role !== "subtotal").map((c) => ({ at: c.c, year: c.year as number, label: c.label }));
  const sourceLines = table.transposed
    ? m.cols.filter((c) => c.source !== undefined && c.role !== "total" && c.role !== "subtotal").map((c) => ({ at: c.c, source: c.source as SourceKey }))
    : m.rows.filter((r) => r.source !== undefined && r.role !== "total" && r.role !== "subtotal").map((r) => ({ at: r.r, source: r.source as SourceKey }));

  const subs = new Map<number, { label?: string }[]>();
  const yearLines: YearLine[] = [];
  for (const y of yearHeads) {
    const list = subs.get(y.year) ?? [];
    yearLines.push({ at: y.at, year: y.year, sub: list.length });
    list.push({ label: leafLabel(y.label) });
    subs.set(y.year, list);
  }
  // A year with a single column needs no sub label.
  for (const [year, list] of subs) if (list.length === 1) subs.set(year, [{}]);

  const bySource = new Map<SourceKey, number[]>();
  for (const s of sourceLines) bySource.set(s.source, [...(bySource.get(s.source) ?? []), s.at]);
  const sourceLabel = new Map<SourceKey, string>();
  const repeated = new Map<SourceKey, string[]>();
  const sourceAt = new Map<SourceKey, string>();
  const cells: TargetCell[] = [];
  const labelCol = m.labelCols[m.labelCols.length - 1] ?? table.range.c0;
  const labelRow = m.headerRows[m.headerRows.length - 1] ?? table.range.r0;
  for (const [source, ats] of bySource) {
    const where = ats.map((at) => (table.transposed ? a1(labelRow, at) : a1(at, labelCol)));
    sourceAt.set(source, where[0]);
    sourceLabel.set(source, (table.transposed ? view.shownText(labelRow, ats[0]) : view.shownText(ats[0], labelCol)).trim());
    if (ats.length > 1) {
      repeated.set(source, where);
      continue;
    }
    for (const ys of yearLines) {
      const r = table.transposed ? ys.at : ats[0];
      const c = table.transposed ? ats[0] : ys.at;
      const label = subs.get(ys.year)?.[ys.sub].label;
      cells.push(label === undefined ? { r, c, source, year: ys.year, sub: ys.sub } : { r, c, source, year: ys.year, sub: ys.sub, subLabel: label });
    }
  }
  const years = [...subs.keys()].sort((a, b) => a - b);
  return { table, view, ...(table.unit === undefined ? {} : { unit: table.unit }), years, subs, yearLines, cells, repeated, sourceAt, sourceLabel };
}

/** The sources that label more than one row of the table: neither the fill nor a roll-forward can tell which is meant. */
export function repeatedSourceProblems(target: FundingTarget): FillProblem[] {
  return [...target.repeated].map(([source, cells]) => ({ code: "source-twice-in-table", severity: "error", cell: cells[0], message: FILL_MSG.sourceTwiceInTable(cells, source) }));
}

/**
 * The year column of the table that the selection lies in (a year row, when the table is transposed): the
 * selection must touch the table and keep to that one column. Undefined otherwise (the label column, the 합계
 * column, several years or both columns of a 확보액/집행액 pair, no selection).
 */
export function yearLineAt(target: FundingTarget, at: Range | undefined): YearLine | undefined {
  if (at === undefined || !intersects(target.table.range, at)) return undefined;
  const [first, last] = target.table.transposed ? [at.r0, at.r1] : [at.c0, at.c1];
  return first === last ? target.yearLines.find((y) => y.at === first) : undefined;
}
