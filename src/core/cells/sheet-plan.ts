// What Yesan writes onto a sheet, as plain data. The core lays out templates, fills and scenario sheets as plans;
// src/excel writes a plan through Office.js and src/cli writes it with exceljs, so Excel, the preview and the
// .xlsx files of the command line all get the same cells, formulas, formats, validations and names.
// Coordinates are 0-based and absolute on the sheet (a plan laid out at an anchor already includes it).
import type { Text } from "../findings/messages";
import type { Range, SheetGrid } from "./grid";
export type { Text };

export interface PlanCell {
  r: number;
  c: number;
  /** A number, or text. Writers give text cells the "@" format before the value, so text never becomes a formula. */
  value?: number | string;
  /** A formula without the leading "=", in A1 references (absolute on the sheet). Excludes `value`. */
  formula?: string;
  /**
   * The formula's value as laid out, where the layout knows it: files Yesan writes cache it, so that a reader that
   * does not calculate (`yesan check` on a new book page) sees what Excel shows. Excel and LibreOffice recalculate.
   */
  result?: number | string;
  /** Excel number format, e.g. "#,##0"; absent: General (text cells get "@"). */
  numberFormat?: string;
  bold?: boolean;
  horizontalAlignment?: "Left" | "Center" | "Right";
  /** Background fill, "#RRGGBB". */
  fill?: string;
  /** A cell the user is meant to type into. */
  input?: boolean;
}

/** Data validation on input cells: Excel refuses other entries and shows `message` (Korean first). */
export interface PlanValidation {
  range: Range;
  rule: { kind: "wholeNumber" | "decimal"; min?: number; max?: number };
  title: Text;
  message: Text;
}

/** A workbook-scoped defined name over a range of this plan's sheet. */
export interface PlanName {
  name: string;
  range: Range;
  comment?: string;
}

export interface PlanChart {
  kind: "line" | "columnClustered" | "barClustered";
  title: Text;
  /** The source data, header row and label column included. */
  data: Range;
  seriesBy: "columns" | "rows";
  /** Where the chart's top-left corner goes. */
  at: { r: number; c: number };
}

export interface SheetPlan {
  /** The worksheet's name. */
  sheet: string;
  cells: PlanCell[];
  merges: Range[];
  validations: PlanValidation[];
  names: PlanName[];
  /** Column widths in characters (Excel's "width" unit). */
  columnWidths?: { c: number; width: number }[];
  charts?: PlanChart[];
}

export function emptyPlan(sheet: string): SheetPlan {
  return { sheet, cells: [], merges: [], validations: [], names: [] };
}

/** The smallest range holding every cell and merge of the plan; undefined for an empty plan. */
export function planBounds(plan: SheetPlan): Range | undefined {
  let b: Range | undefined;
  const add = (r0: number, c0: number, r1: number, c1: number): void => {
    b = b === undefined ? { r0, c0, r1, c1 } : { r0: Math.min(b.r0, r0), c0: Math.min(b.c0, c0), r1: Math.max(b.r1, r1), c1: Math.max(b.c1, c1) };
  };
  for (const x of plan.cells) add(x.r, x.c, x.r, x.c);
  for (const m of plan.merges) add(m.r0, m.c0, m.r1, m.c1);
  return b;
}

/**
 * The grid a plan produces, formulas with no cached value but the layout's own (PlanCell.result): what the engine
 * sees of a freshly written sheet before Excel calculates it. The engine evaluates SUM and +/- chains itself, so `checkWorkbook` can check a plan.
 */
export function planToGrid(plan: SheetPlan): SheetGrid {
  const cells: SheetGrid["cells"] = [];
  for (const x of plan.cells) {
    const row = (cells[x.r] ??= []);
    const z = x.numberFormat !== undefined ? { z: x.numberFormat } : {};
    row[x.c] = x.formula !== undefined ? { v: x.result, f: x.formula, ...z } : { v: x.value ?? null, ...z };
  }
  return { name: plan.sheet, cells, merges: plan.merges.map((m) => ({ ...m })) };
}
