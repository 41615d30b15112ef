// Finds the tables of one sheet and names them: kind (funding, gap, breakdown, totals), unit and title.
import { rangeA1, type Range } from "../cells/grid";
import type { SheetView } from "../cells/sheet-view";
import { findLayout, linesBetween, type TextLine } from "./blocks";
import { readTableModel, type TableModel } from "./table-model";
import { tableCandidates, type TotalLine } from "../candidates/candidates";
import { findUnitLabel } from "../numbers/unit-label";
import { parseHeadline } from "./headlines";
import type { Unit } from "../numbers/units";

export type TableKind = "funding" | "gap" | "breakdown" | "totals";

export interface FoundTable {
  sheet: string;
  range: Range;
  kind: TableKind;
  unit?: Unit;
  title?: string;
  /** Row of the title line, when there is one. */
  titleRow?: number;
  transposed: boolean;
  model: TableModel;
  /** The lines that may be totals, each with its possible readings (nothing confirmed yet). */
  lines: TotalLine[];
}

export interface SheetTables {
  tables: FoundTable[];
  lines: TextLine[];
}

/** A block of figures that is not a table Yesan can read as totals and parts (a list, a matrix of data). */
export interface FigureRegion {
  sheet: string;
  range: Range;
}

/**
 * Finds the tables of a sheet one at a time: `onTable` sees each table while its cells are read, and the table
 * is dropped after (a department's workbook has thousands; keeping them all would only feed the garbage collector).
 */
export function scanTables(view: SheetView, onTable: (t: FoundTable) => void, onRegion?: (r: FigureRegion) => void): TextLine[] {
  const layout = findLayout(view);
  for (const block of layout.blocks) {
    const model = readTableModel(view, block.range);
    if (model === undefined) continue;
    const lines = tableCandidates(view, model);
    const kind = tableKind(model, lines);
    if (kind === undefined) {
      if (onRegion !== undefined && figureCount(model) >= MIN_REGION_FIGURES) onRegion({ sheet: view.sheet.name, range: block.range });
      continue;
    }
    const title = titleAbove(layout.lines, block.range);
    onTable({
      sheet: view.sheet.name,
      range: block.range,
      kind,
      unit: tableUnit(view, model, layout.lines, title),
      title: title?.text,
      titleRow: title?.r,
      transposed: kind === "funding" && !model.cols.some((c) => c.year !== undefined),
      model,
      lines,
    });
  }
  return layout.lines;
}

export function findTables(view: SheetView): SheetTables {
  const tables: FoundTable[] = [];
  const lines = scanTables(view, (t) => tables.push(t));
  return { tables, lines };
}

/** A block with fewer figures than this is a fragment, not a table worth naming as unchecked. */
const MIN_REGION_FIGURES = 4;

function figureCount(model: TableModel): number {
  let n = 0;
  for (const row of model.rows) for (const col of model.cols) if (model.amount(row.r, col.c).kind === "amount") n++;
  return n;
}

function tableKind(model: TableModel, lines: TotalLine[]): TableKind | undefined {
  const yearCols = model.cols.filter((c) => c.year !== undefined).length;
  const yearRows = model.rows.filter((r) => r.year !== undefined).length;
  const sourceRows = model.rows.filter((r) => r.source !== undefined).length;
  const sourceCols = model.cols.filter((c) => c.source !== undefined).length;
  const totalRows = model.rows.filter((r) => r.role === "total").length;
  if (lines.some((l) => l.candidates.some((c) => c.kind === "gap"))) return "gap";
  if (yearCols > 0 && (sourceRows > 0 || totalRows > 0)) return "funding";
  if (yearRows > 0 && sourceCols > 0) return "funding";
  if (lines.length === 0) return undefined;
  // A breakdown lists items under one amount column (optionally split per source, in columns or in the text).
  const oneAmount = model.cols.filter((c) => c.source === undefined).length === 1;
  const splitText = model.rows.some((r) => model.cols.some((c) => { const a = model.amount(r.r, c.c); return a.kind === "amount" && a.splits !== undefined; }));
  if (totalRows > 0 && yearCols === 0 && (oneAmount || sourceCols > 0 || splitText)) return "breakdown";
  return "totals";
}

/** The nearest text line above the table (within three rows), skipping the unit label. */
function titleAbove(lines: TextLine[], range: Range): TextLine | undefined {
  let best: TextLine | undefined;
  for (const line of linesBetween(lines, range.r0 - 4, range.r0)) {
    if (findUnitLabel(line.text) !== undefined || /^\(?\s*(단위|기준)/.test(line.text.trim())) continue;
    if (best === undefined || line.r > best.r) best = line;
  }
  return best;
}

function tableUnit(view: SheetView, model: TableModel, lines: TextLine[], title: TextLine | undefined): Unit | undefined {
  // 1. "(단위 : 천원)" just above the table, wherever it sits in the row.
  for (const line of linesBetween(lines, model.range.r0 - 3, model.range.r0)) {
    const u = findUnitLabel(line.text);
    if (u !== undefined) return u;
  }
  // 2. A header that names it: "예산(천원)", "소요예산 (백만원)".
  for (const h of model.headerRows) {
    for (let c = model.range.c0; c <= model.range.c1; c++) {
      const u = findUnitLabel(view.shownText(h, c));
      if (u !== undefined) return u;
    }
  }
  // 3. Amounts written with their unit in the cells ("320,793천원").
  for (const row of model.rows) {
    for (const col of model.cols) {
      const a = model.amount(row.r, col.c);
      if (a.kind === "amount" && a.unit !== undefined) return a.unit;
    }
  }
  // 4. The headline it sits under.
  if (title !== undefined) return parseHeadline(title.text)?.amount.unit;
  return undefined;
}

export function tableRangeA1(t: FoundTable): string {
  return rangeA1(t.range);
}
