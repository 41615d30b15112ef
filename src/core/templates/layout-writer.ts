// The pieces every template layout writes with: cell styles, number formats, the Writer that collects a sheet
// plan's cells, merges, validations and names, and the names a laid-out table and its sheet get.
import type { Range } from "../cells/grid";
import type { PlanCell, PlanValidation, SheetPlan, Text } from "../cells/sheet-plan";
import type { Unit } from "../numbers/units";
import type { Template } from "./schema";
import { LAYOUT_TEXT } from "./layout-text";

export const AMOUNT_FORMAT = "#,##0";
export const HEADER_FILL = "#D9E1F2";
export const TOTAL_FILL = "#F2F2F2";
export const INPUT_FILL = "#FFF2CC";
export const HEAD: Style = { bold: true, fill: HEADER_FILL, horizontalAlignment: "Center" };
export const TOTAL: Style = { bold: true, fill: TOTAL_FILL };
const MAX_SHEET_NAME = 31;

/**
 * The workbook-scoped name of a laid-out table: "Yesan_<id>_<year>_<table>", the id's "-" as "_". The year is part
 * of it so that a program's 2021 and 2022 plans can sit in one workbook.
 */
export function tableName(id: string, year: number, table: "funding" | "need" | "breakdown" | "book"): string {
  return `Yesan_${id.replace(/[^A-Za-z0-9_]/g, "_")}_${year}_${table}`;
}

/** "2021 전통시장 경영현대화": the year and short title, cut to Excel's 31 characters, without []:*?/\ . */
export function defaultSheetName(template: Template, year: number = template.fiscalYear): string {
  const title = (template.shortTitle ?? template.program).replace(/[[\]:*?/\\]/g, " ").replace(/\s+/g, " ").trim();
  return `${year} ${title}`.slice(0, MAX_SHEET_NAME).replace(/^'+|'+$/g, "").trim();
}

// ---- cells ------------------------------------------------------------------------------------------

export type Style = Pick<PlanCell, "bold" | "fill" | "horizontalAlignment" | "input">;

/** Collects a plan's cells, merges, validations, names and column widths. */
export class Writer {
  private readonly colWidths = new Map<number, number>();

  constructor(
    private readonly plan: SheetPlan,
    private readonly textCol: number,
  ) {}

  text(r: number, c: number, value: string, style: Style = {}): void {
    const cell: PlanCell = { r, c, value, ...style };
    if (style.input === true) cell.fill = INPUT_FILL;
    this.plan.cells.push(cell);
  }

  formula(r: number, c: number, formula: string, style: Style = {}): void {
    this.plan.cells.push({ r, c, formula, ...style });
  }

  amountFormula(r: number, c: number, formula: string, style: Style = {}): void {
    this.plan.cells.push({ r, c, formula, numberFormat: AMOUNT_FORMAT, ...style });
  }

  /** A formula with the value it has as laid out, which files Yesan writes cache (see PlanCell.result). */
  computed(r: number, c: number, formula: string, result: number | string, style: Style & { numberFormat?: string } = {}): void {
    this.plan.cells.push({ r, c, formula, result, ...style });
  }

  /** An amount the user types; `value` is the default, if any. */
  input(r: number, c: number, value: number | undefined, numberFormat: string = AMOUNT_FORMAT): void {
    const cell: PlanCell = { r, c, numberFormat, input: true, fill: INPUT_FILL };
    if (value !== undefined) cell.value = value;
    this.plan.cells.push(cell);
  }

  unitLabel(r: number, c: number, unit: Unit): void {
    this.text(r, c, `(단위 : ${unit})`, { horizontalAlignment: "Right" });
  }

  merge(range: Range): void {
    this.plan.merges.push(range);
  }

  validation(range: Range, unit: Unit): void {
    this.rule(range, { kind: "wholeNumber", min: 0 }, LAYOUT_TEXT.validationTitle, LAYOUT_TEXT.validationMessage(unit));
  }

  /** Data validation of another kind than a table's amounts (a book page's 단가, counts and rates). */
  rule(range: Range, rule: PlanValidation["rule"], title: Text, message: Text): void {
    if (range.r1 < range.r0 || range.c1 < range.c0) return;
    this.plan.validations.push({ range, rule, title, message });
  }

  /** A column's width, at least `width` characters. */
  column(c: number, width: number): void {
    this.width(c, width);
  }

  /** A remark cell of a table with a 비고 column: text the officer may edit. */
  remark(r: number, remarkCol: number | undefined, text: string | undefined): void {
    if (remarkCol !== undefined) this.text(r, remarkCol, text ?? "", { input: true });
  }

  /**
   * Names a laid-out table (`range` starts at its label column) and sizes its columns: the labels, the amount
   * columns up to `lastAmountCol`, and the 비고 column if any.
   */
  table(name: string, range: Range, comment: string, lastAmountCol: number, remarkCol: number | undefined): void {
    this.plan.names.push({ name, range, comment });
    this.width(range.c0, 14);
    for (let c = range.c0 + 1; c <= lastAmountCol; c++) this.width(c, 13);
    if (remarkCol !== undefined) this.width(remarkCol, 30);
  }

  private width(c: number, width: number): void {
    this.colWidths.set(c, Math.max(this.colWidths.get(c) ?? 0, width));
  }

  widths(): void {
    // The text column holds long lines that run on to the right; widening it would push the tables apart.
    if (!this.colWidths.has(this.textCol)) this.colWidths.set(this.textCol, 14);
    this.plan.columnWidths = [...this.colWidths].sort((a, b) => a[0] - b[0]).map(([c, width]) => ({ c, width }));
  }
}
