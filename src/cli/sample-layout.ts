// Lays out transcribed budget documents (samples/seed-plan.json) on worksheets the way the
// printed page looks: text lines down column A, tables starting in column A, the unit label
// above a table's last column. Used by scripts/build-samples.ts; kept free of core imports
// other than grid.ts so the sample files can be built while the engine is still changing.

import type ExcelJS from "exceljs";
import { parseA1 } from "../core/cells/grid";

export interface SeedTextBlock {
  text: string;
}

export interface SeedTableBlock {
  /** Rows of printed strings; every row has the same length. Merged-away cells are "". */
  table: string[][];
  /** A1 ranges relative to the table's top-left cell. */
  merges?: string[];
  /** The unit printed above the table ("천원", "백만원", "개소"). */
  unit?: string;
  /** How many top rows are column headers (bold); 1 when absent. */
  header?: number;
}

export type SeedBlock = SeedTextBlock | SeedTableBlock;

export interface SeedSheet {
  name: string;
  /** The program (단위사업) the sheet holds; absent for front matter. */
  program?: string;
  blocks: SeedBlock[];
}

export interface SeedWorkbook {
  file: string;
  /** The seed document the workbook was transcribed from. */
  seed: string;
  title: string;
  sheets: SeedSheet[];
}

export interface SeedPlan {
  workbooks: SeedWorkbook[];
}

export function isTableBlock(block: SeedBlock): block is SeedTableBlock {
  return "table" in block;
}

// ---------------------------------------------------------------------------------------------
// Validation of the JSON: the file is edited by hand, so mistakes should be reported with a place.

function fail(where: string, what: string): never {
  throw new Error(`seed-plan.json: ${where}: ${what}`);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function str(x: unknown, where: string): string {
  if (typeof x !== "string") fail(where, "expected a string");
  return x;
}

const BAD_SHEET_CHARS = /[[\]:*?/\\]/;

/** Checks the shape of a parsed seed-plan.json and returns it typed. */
export function parseSeedPlan(json: unknown): SeedPlan {
  if (!isRecord(json) || !Array.isArray(json.workbooks)) fail("top", "expected { workbooks: [...] }");
  const files = new Set<string>();
  const workbooks = json.workbooks.map((wb, wi): SeedWorkbook => {
    const w = `workbooks[${wi}]`;
    if (!isRecord(wb) || !Array.isArray(wb.sheets)) fail(w, "expected { file, seed, title, sheets }");
    const file = str(wb.file, `${w}.file`);
    if (!/^[^/\\]+\.xlsx$/.test(file)) fail(`${w}.file`, `"${file}" is not a plain .xlsx file name`);
    if (files.has(file)) fail(`${w}.file`, `duplicate file "${file}"`);
    files.add(file);
    const names = new Set<string>();
    const sheets = wb.sheets.map((sh, si): SeedSheet => {
      const s = `${w}.sheets[${si}]`;
      if (!isRecord(sh) || !Array.isArray(sh.blocks)) fail(s, "expected { name, blocks }");
      const name = str(sh.name, `${s}.name`);
      // Excel's own limits on sheet names; exceljs would fail later with a less precise message.
      if (name.length === 0 || name.length > 31) fail(`${s}.name`, `"${name}" must be 1-31 characters`);
      if (BAD_SHEET_CHARS.test(name)) fail(`${s}.name`, `"${name}" contains one of []:*?/\\`);
      if (names.has(name.toLowerCase())) fail(`${s}.name`, `duplicate sheet name "${name}"`);
      names.add(name.toLowerCase());
      const sheet: SeedSheet = { name, blocks: sh.blocks.map((b, bi) => parseBlock(b, `${s}.blocks[${bi}]`)) };
      if (sh.program !== undefined) sheet.program = str(sh.program, `${s}.program`);
      return sheet;
    });
    return { file, seed: str(wb.seed, `${w}.seed`), title: str(wb.title, `${w}.title`), sheets };
  });
  return { workbooks };
}

function parseBlock(b: unknown, where: string): SeedBlock {
  if (!isRecord(b)) fail(where, "expected a block object");
  if (typeof b.text === "string") return { text: b.text };
  if (!Array.isArray(b.table) || b.table.length === 0) fail(where, "expected { text } or { table }");
  const table = b.table.map((row, ri) => {
    if (!Array.isArray(row)) fail(`${where}.table[${ri}]`, "expected an array of strings");
    return row.map((c, ci) => str(c, `${where}.table[${ri}][${ci}]`));
  });
  const width = table[0].length;
  table.forEach((row, ri) => {
    if (row.length !== width) fail(`${where}.table[${ri}]`, `has ${row.length} cells, the first row has ${width}`);
  });
  const block: SeedTableBlock = { table };
  if (b.merges !== undefined) {
    if (!Array.isArray(b.merges)) fail(`${where}.merges`, "expected an array of A1 ranges");
    block.merges = b.merges.map((m, mi) => str(m, `${where}.merges[${mi}]`));
    for (const m of block.merges) checkMerge(table, m, `${where}.merges`);
  }
  if (b.unit !== undefined) block.unit = str(b.unit, `${where}.unit`);
  if (b.header !== undefined) {
    if (typeof b.header !== "number" || !Number.isInteger(b.header) || b.header < 0 || b.header > table.length) {
      fail(`${where}.header`, "expected a row count within the table");
    }
    block.header = b.header;
  }
  return block;
}

export interface TableRange {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Parses "A1:C2" (relative to a table) into 0-based inclusive bounds. */
export function parseRelativeRange(a1: string): TableRange | undefined {
  const parts = a1.split(":");
  if (parts.length !== 2) return undefined;
  const start = parseA1(parts[0]);
  const end = parseA1(parts[1]);
  if (start === undefined || end === undefined) return undefined;
  if (end.r < start.r || end.c < start.c) return undefined;
  return { r0: start.r, c0: start.c, r1: end.r, c1: end.c };
}

function checkMerge(table: string[][], a1: string, where: string): void {
  const range = parseRelativeRange(a1);
  if (range === undefined) fail(where, `"${a1}" is not a range like "A1:B2"`);
  if (range.r1 >= table.length || range.c1 >= table[0].length) fail(where, `"${a1}" reaches outside the table`);
  // A merged cell shows only its top-left value; anything else under it would silently vanish.
  for (let r = range.r0; r <= range.r1; r++) {
    for (let c = range.c0; c <= range.c1; c++) {
      if ((r !== range.r0 || c !== range.c0) && table[r][c] !== "") {
        fail(where, `"${a1}" covers the non-empty cell "${table[r][c]}"`);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Cell values

/**
 * A printed figure that Excel would hold as a number: "766,023", "1,234", "0", "60.58", "-5".
 * Strict on purpose: "24,00", "007", "1,2345", "2021년" stay text, exactly as printed.
 */
const PRINTED_NUMBER = /^-?(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)(?:\.\d+)?$/;

export interface PrintedNumber {
  value: number;
  /** A format that shows the number the way it was printed (grouping and decimals). */
  numFmt: string;
}

export function parsePrintedNumber(s: string): PrintedNumber | undefined {
  if (!PRINTED_NUMBER.test(s)) return undefined;
  const value = Number(s.replace(/,/g, ""));
  const dot = s.indexOf(".");
  const decimals = dot < 0 ? 0 : s.length - dot - 1;
  // "2019" printed without a comma must not come back as "2,019": group only when the print did
  // (or when there is nothing to group).
  const grouped = s.includes(",") || Math.abs(value) < 1000;
  const numFmt = (grouped ? "#,##0" : "0") + (decimals > 0 ? "." + "0".repeat(decimals) : "");
  return { value, numFmt };
}

export type LaidOutValue = { kind: "number"; value: number; numFmt: string } | { kind: "text"; value: string };

/** Decides how a printed table cell is stored: a number, or text exactly as printed. */
export function tableCellValue(printed: string): LaidOutValue {
  // Excel's convention: a leading apostrophe marks a number stored as text and is not part of it.
  if (printed.startsWith("'")) return { kind: "text", value: printed.slice(1) };
  const n = parsePrintedNumber(printed);
  return n === undefined ? { kind: "text", value: printed } : { kind: "number", value: n.value, numFmt: n.numFmt };
}

// ---------------------------------------------------------------------------------------------
// Layout

const FONT_NAME = "맑은 고딕";
const FONT_SIZE = 10;
const COL_A_WIDTH = 18;
const COL_WIDTH = 13;
// One width serves every table on a sheet, so long text wraps rather than stretching the
// columns of the funding table below it.
const MAX_COL_A_WIDTH = 24;
const MAX_COL_WIDTH = 30;
const THIN: Partial<ExcelJS.Border> = { style: "thin" };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Approximate column units a string needs: Hangul and other wide characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    w += cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6)) ? 2 : 1;
  }
  return w;
}

export function unitLabel(unit: string): string {
  return `(단위 : ${unit})`;
}

/** Where each block landed, 1-based like Excel: useful to tests and to callers adding notes. */
export interface PlacedBlock {
  block: SeedBlock;
  /** First row of the text or the table (the unit label, when any, is on row - 1). */
  row: number;
}

/** Writes one sheet entry onto an empty worksheet and returns where each block went. */
export function layOutSheet(ws: ExcelJS.Worksheet, sheet: SeedSheet): PlacedBlock[] {
  const placed: PlacedBlock[] = [];
  const widths = columnWidths(sheet);
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });

  let row = 1;
  sheet.blocks.forEach((block, index) => {
    // One empty row between blocks, as on the page; a table's unit label sits in that row.
    const gapRow = index === 0 ? undefined : row++;
    if (!isTableBlock(block)) {
      const cell = ws.getCell(row, 1);
      cell.value = block.text;
      // Section headings (□) are bold on the printed page.
      cell.font = { name: FONT_NAME, size: FONT_SIZE, bold: block.text.startsWith("□") };
      placed.push({ block, row });
      row++;
      return;
    }
    if (block.unit !== undefined) {
      const unitRow = gapRow ?? row++;
      const cell = ws.getCell(unitRow, block.table[0].length);
      cell.value = unitLabel(block.unit);
      cell.font = { name: FONT_NAME, size: FONT_SIZE };
      cell.alignment = { horizontal: "right" };
    }
    writeTable(ws, block, row, widths);
    placed.push({ block, row });
    row += block.table.length;
  });
  return placed;
}

function columnWidths(sheet: SeedSheet): number[] {
  const widths: number[] = [];
  for (const block of sheet.blocks) {
    if (!isTableBlock(block)) continue;
    const merged = mergedCells(block);
    block.table.forEach((cells, r) => {
      cells.forEach((printed, c) => {
        // A merged label spreads over several columns, so it says nothing about one column's width.
        if (merged.has(r * 1000 + c)) return;
        const base = c === 0 ? COL_A_WIDTH : COL_WIDTH;
        const need = Math.min(c === 0 ? MAX_COL_A_WIDTH : MAX_COL_WIDTH, displayWidth(printed) + 2);
        widths[c] = Math.max(widths[c] ?? base, need, base);
      });
    });
  }
  if (widths.length === 0) widths.push(COL_A_WIDTH);
  for (let c = 0; c < widths.length; c++) widths[c] = widths[c] ?? (c === 0 ? COL_A_WIDTH : COL_WIDTH);
  return widths;
}

/** Cells (r * 1000 + c) that are the top-left of a merge spanning more than one column. */
function mergedCells(block: SeedTableBlock): Set<number> {
  const set = new Set<number>();
  for (const m of block.merges ?? []) {
    const range = parseRelativeRange(m);
    if (range !== undefined && range.c1 > range.c0) set.add(range.r0 * 1000 + range.c0);
  }
  return set;
}

function writeTable(ws: ExcelJS.Worksheet, block: SeedTableBlock, top: number, widths: number[]): void {
  const headerRows = block.header ?? 1;
  block.table.forEach((cells, r) => {
    const header = r < headerRows;
    cells.forEach((printed, c) => {
      const cell = ws.getCell(top + r, 1 + c);
      const laid = tableCellValue(printed);
      const style: Partial<ExcelJS.Style> = {
        font: { name: FONT_NAME, size: FONT_SIZE, bold: header },
        border: BORDER,
      };
      if (laid.kind === "number") {
        cell.value = laid.value;
        style.numFmt = laid.numFmt;
        style.alignment = { vertical: "middle", horizontal: header ? "center" : "right" };
      } else {
        if (laid.value !== "") cell.value = laid.value;
        const long = displayWidth(laid.value) > (widths[c] ?? COL_WIDTH) - 2;
        style.alignment = {
          vertical: "middle",
          horizontal: header || !long ? "center" : "left",
          wrapText: long,
        };
      }
      // A fresh style object per cell: exceljs shares style objects by reference otherwise.
      cell.style = style;
    });
  });
  for (const m of block.merges ?? []) {
    const range = parseRelativeRange(m);
    if (range === undefined) throw new Error(`bad merge "${m}" on sheet ${ws.name}`);
    ws.mergeCells(top + range.r0, 1 + range.c0, top + range.r1, 1 + range.c1);
  }
}
