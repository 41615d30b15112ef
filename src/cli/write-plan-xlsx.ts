// Writes SheetPlans (src/core/cells/sheet-plan.ts) to an .xlsx file with exceljs: the command line's counterpart of
// src/excel/write-plan.ts, so `yesan template new` produces the same cells, formulas, formats, validations and
// names that the add-in writes into Excel.
import ExcelJS from "exceljs";
import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { copyFile, link, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { a1, rangeA1, type Range } from "../core/cells/grid";
import type { PlanCell, PlanValidation, SheetPlan, Text } from "../core/cells/sheet-plan";

// Excel's own limits: longer names are truncated by exceljs (silently but for a console warning), longer
// validation texts make Excel report the file as damaged. Better to refuse such a plan with its sheet named.
const MAX_SHEET_NAME = 31;
const MAX_ERROR_TITLE = 32;
const MAX_ERROR_MESSAGE = 225;
// A validation without a bound still needs both formulae in the file; ±10^15 is beyond any budget amount
// (in 원 too) and still exact in Excel's 15 significant digits.
const UNBOUNDED = 1e15;

export class PlanWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanWriteError";
  }
}

export interface WritePlanOptions {
  /** "wx": fail with EEXIST rather than replace an existing file (no window between a check and the write). */
  flag?: "w" | "wx";
}

/**
 * One worksheet per plan, in order, written to `file`. Charts are not written (see `buildPlanWorkbook`).
 *
 * The bytes go to a new file beside `file` first, then take its name in one step: a write that fails half-way (a
 * full disk) leaves the file that was there intact and no half-written workbook under its name. "w" replaces
 * `file` (rename); "wx" never does (link fails with EEXIST when a file of that name appeared in the meantime).
 */
export async function writePlanXlsx(plans: SheetPlan[], file: string, options: WritePlanOptions = {}): Promise<void> {
  const buffer = await buildPlanWorkbook(plans).xlsx.writeBuffer();
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, new Uint8Array(buffer as ArrayBuffer), { flag: "wx" });
    if ((options.flag ?? "w") === "wx") await linkNew(temp, file);
    else await rename(temp, file);
  } finally {
    await unlink(temp).catch(() => undefined); // gone after the rename; after a link or a failure, removed
  }
}

/** `temp` under the new name `file`, never replacing one; by copying where the disk has no hard links (FAT, exFAT). */
async function linkNew(temp: string, file: string): Promise<void> {
  try {
    await link(temp, file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST" || code === "ENOENT" || code === "EACCES") throw e;
    await copyFile(temp, file, constants.COPYFILE_EXCL);
  }
}

/**
 * The workbook for `plans`. Formulas carry no cached result unless the plan gives one (PlanCell.result), and the
 * workbook asks Excel to calculate everything when it opens, so nobody ever sees a stale or zero total.
 *
 * Charts (`plan.charts`) are skipped: exceljs cannot write charts. The Excel adapter (src/excel) inserts them when
 * a template is laid out inside Excel; a file from the command line has the chart's data but no chart.
 */
export function buildPlanWorkbook(plans: SheetPlan[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.calcProperties.fullCalcOnLoad = true;
  const names = new Map<string, string>();
  for (const plan of plans) {
    // Names are workbook-scoped, so two plans may not both define one: exceljs would merge them into one name
    // over two ranges. Excel compares names without case.
    for (const n of plan.names) {
      const other = names.get(n.name.toLowerCase());
      if (other !== undefined) throw new PlanWriteError(`${plan.sheet}: 이름 ${n.name}이(가) 시트 ${other}에도 있습니다 / name ${n.name} is also defined on sheet ${other}`);
      names.set(n.name.toLowerCase(), plan.sheet);
    }
    writeSheet(wb, plan);
  }
  return wb;
}

function writeSheet(wb: ExcelJS.Workbook, plan: SheetPlan): void {
  if (plan.sheet.length > MAX_SHEET_NAME) throw new PlanWriteError(`시트 이름이 31자를 넘습니다 / sheet name longer than 31 characters: ${plan.sheet}`);
  let ws: ExcelJS.Worksheet;
  try {
    ws = wb.addWorksheet(plan.sheet);
  } catch (e) {
    throw new PlanWriteError(`시트 이름을 쓸 수 없습니다 / invalid sheet name "${plan.sheet}": ${(e as Error).message}`);
  }

  // Merges first: exceljs turns every merged-away cell into a pointer to the top-left one, so a value written
  // there would silently vanish. A plan that does so is refused, naming the cell.
  const mergedAway = new Set<string>();
  for (const m of plan.merges) {
    ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
    for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) mergedAway.add(`${r},${c}`);
  }

  for (const x of plan.cells) {
    if ((x.value !== undefined || x.formula !== undefined) && mergedAway.has(`${x.r},${x.c}`)) {
      throw new PlanWriteError(`${plan.sheet}!${a1(x.r, x.c)}: 병합된 셀의 왼쪽 위가 아닌 칸에 값을 쓸 수 없습니다 / value inside a merge, not at its top-left cell`);
    }
    writeCell(ws.getCell(x.r + 1, x.c + 1), x);
  }

  for (const w of plan.columnWidths ?? []) ws.getColumn(w.c + 1).width = w.width;
  for (const v of plan.validations) addValidation(ws, plan.sheet, v);
  for (const n of plan.names) addName(wb, plan.sheet, n.name, n.range);
  // n.comment: exceljs has no place for a defined name's comment; the name itself is what formulas need.
}

function writeCell(cell: ExcelJS.Cell, x: PlanCell): void {
  if (x.formula !== undefined) {
    // Without a `result` exceljs writes <f> without <v>, a formula Excel (and LibreOffice) must calculate; with one,
    // the value the layout worked out is cached (and still recalculated on opening: fullCalcOnLoad).
    cell.value = (x.result === undefined ? { formula: x.formula.replace(/^=/, "") } : { formula: x.formula.replace(/^=/, ""), result: x.result }) as ExcelJS.CellFormulaValue;
    if (x.numberFormat !== undefined) cell.numFmt = x.numberFormat;
  } else if (typeof x.value === "string") {
    // exceljs stores a string as a shared string (t="s"), never as a formula, even "=cmd|..."; the "@" format
    // keeps it text when the user edits the cell in Excel too.
    cell.numFmt = x.numberFormat ?? "@";
    cell.value = x.value;
  } else if (typeof x.value === "number") {
    if (x.numberFormat !== undefined) cell.numFmt = x.numberFormat;
    cell.value = x.value;
  } else if (x.numberFormat !== undefined) {
    cell.numFmt = x.numberFormat;
  }
  if (x.bold === true) cell.font = { bold: true };
  if (x.horizontalAlignment !== undefined) {
    const horizontal = ({ Left: "left", Center: "center", Right: "right" } as const)[x.horizontalAlignment];
    cell.alignment = { ...cell.alignment, horizontal };
  }
  if (x.fill !== undefined) {
    const hex = /^#?([0-9a-fA-F]{6})$/.exec(x.fill);
    if (hex === null) throw new PlanWriteError(`${cell.address}: 채우기 색은 #RRGGBB 형식이어야 합니다 / fill must be #RRGGBB: ${x.fill}`);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${hex[1].toUpperCase()}` } };
  }
  // x.input needs nothing here: input cells differ by their fill and validation, which the plan gives.
}

/**
 * Korean first; English too when Excel's length limit leaves room for it. One line: exceljs writes the texts as
 * XML attributes, where a line break is read back as a space.
 */
function bilingual(t: Text, max: number, where: string): string {
  const both = `${t.ko} / ${t.en}`;
  if (both.length <= max) return both;
  if (t.ko.length <= max) return t.ko;
  throw new PlanWriteError(`${where}: 입력 제한 안내문이 ${max}자를 넘습니다 / validation text longer than ${max} characters`);
}

// exceljs documents `worksheet.dataValidations.add(range, validation)` (one rule for a whole range) but its type
// declarations omit it; the per-cell `cell.dataValidation` would write one rule per cell.
interface WithRangeValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

function addValidation(ws: ExcelJS.Worksheet, sheet: string, v: PlanValidation): void {
  const where = `${sheet}!${rangeA1(v.range)}`;
  const { min, max } = v.rule;
  let operator: ExcelJS.DataValidationOperator;
  let formulae: number[];
  if (min !== undefined && max !== undefined) [operator, formulae] = ["between", [min, max]];
  else if (min !== undefined) [operator, formulae] = ["greaterThanOrEqual", [min]];
  else if (max !== undefined) [operator, formulae] = ["lessThanOrEqual", [max]];
  else [operator, formulae] = ["between", [-UNBOUNDED, UNBOUNDED]];
  (ws as unknown as WithRangeValidations).dataValidations.add(rangeA1(v.range), {
    type: v.rule.kind === "wholeNumber" ? "whole" : "decimal",
    operator,
    formulae,
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: bilingual(v.title, MAX_ERROR_TITLE, where),
    error: bilingual(v.message, MAX_ERROR_MESSAGE, where),
  });
}

// Excel's rule for names, loosely: a letter (any script), "_" or "\" first, then letters, digits, "_" and ".";
// never something that reads as a cell reference (A1, R1C1). Excel refuses to open a file that breaks it.
const NAME_RE = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u;
const CELL_LIKE = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/;

function addName(wb: ExcelJS.Workbook, sheet: string, name: string, range: Range): void {
  if (!NAME_RE.test(name) || CELL_LIKE.test(name)) throw new PlanWriteError(`${sheet}: 이름으로 쓸 수 없습니다 / not a valid defined name: ${name}`);
  const abs = (r: number, c: number): string => a1(r, c).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const ref = range.r0 === range.r1 && range.c0 === range.c1 ? abs(range.r0, range.c0) : `${abs(range.r0, range.c0)}:${abs(range.r1, range.c1)}`;
  // No localSheetId: the name belongs to the workbook, as formulas on other sheets expect.
  wb.definedNames.add(`'${sheet.replace(/'/g, "''")}'!${ref}`, name);
}
