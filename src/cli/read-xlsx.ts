// Reads .xlsx files with exceljs into the engine's grid (src/core/grid.ts).
// The command line checks workbooks of up to ~100k rows, so the conversion walks exceljs's
// cells once and allocates nothing per cell beyond the grid's own Cell object.

import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import type { Cell, Range, Scalar, SheetGrid, WorkbookGrid } from "../core/grid";

export class XlsxReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${reason}`, options);
    this.name = "XlsxReadError";
  }
}

const NOT_XLSX = "xlsx 파일로 읽을 수 없습니다 / not a readable .xlsx file";
// Password-protected .xlsx files and legacy .xls files are OLE compound documents, not zips;
// saying so spares the user a hunt for a "broken" file that Excel opens fine.
const OLE_FILE = "암호가 걸린 파일이거나 예전 .xls 형식입니다 / password-protected or legacy .xls file";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** Reads a workbook from a path or from its bytes; `fileLabel` names it in errors. */
export async function readWorkbookGrid(input: string | Buffer, fileLabel?: string): Promise<WorkbookGrid> {
  const label = fileLabel ?? (typeof input === "string" ? input : "(xlsx)");
  let bytes: Buffer;
  if (typeof input === "string") {
    try {
      bytes = await readFile(input);
    } catch (cause) {
      const code = typeof cause === "object" && cause !== null && "code" in cause ? ` (${String(cause.code)})` : "";
      throw new XlsxReadError(label, `파일을 열 수 없습니다 / cannot open the file${code}`, { cause });
    }
  } else {
    bytes = input;
  }
  if (startsWith(bytes, OLE_MAGIC)) throw new XlsxReadError(label, OLE_FILE);
  // exceljs's zip reader reports a text file as a bare "End of data" error; check first.
  if (!startsWith(bytes, ZIP_MAGIC)) throw new XlsxReadError(label, NOT_XLSX);

  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input with its own Buffer interface; a Node Buffer is what it reads.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (cause) {
    throw new XlsxReadError(label, NOT_XLSX, { cause });
  }
  // A zip without a workbook part (a .docx, a zip of photos) loads as a workbook with no sheets.
  if (workbook.worksheets.length === 0) throw new XlsxReadError(label, NOT_XLSX);
  return { sheets: workbook.worksheets.map(worksheetToGrid) };
}

// exceljs's enum, read once: ValueType lookups inside the per-cell loop stay property-free.
const MERGE = ExcelJS.ValueType.Merge;
const FORMULA = ExcelJS.ValueType.Formula;

export function worksheetToGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const cells: (Cell | undefined)[][] = [];
  // Merges are rebuilt from the merged-away cells, each of which points at its top-left cell:
  // ws.model would serialise every row of the sheet just to list them.
  const merges = new Map<ExcelJS.Cell, Range>();

  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    let out: (Cell | undefined)[] | undefined;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      if (cell.type === MERGE) {
        extendMerge(merges, cell.master, r, c);
        return;
      }
      const converted = convertCell(cell);
      if (converted === undefined) return;
      if (out === undefined) {
        out = [];
        cells[r] = out;
      }
      out[c] = converted;
    });
  });

  return { name: ws.name, cells, merges: [...merges.values()] };
}

function extendMerge(merges: Map<ExcelJS.Cell, Range>, master: ExcelJS.Cell, r: number, c: number): void {
  let range = merges.get(master);
  if (range === undefined) {
    // exceljs types row/col as strings (from its Address type); at run time they are numbers.
    const mr = Number(master.row) - 1;
    const mc = Number(master.col) - 1;
    range = { r0: mr, c0: mc, r1: mr, c1: mc };
    merges.set(master, range);
  }
  if (r < range.r0) range.r0 = r;
  if (c < range.c0) range.c0 = c;
  if (r > range.r1) range.r1 = r;
  if (c > range.c1) range.c1 = c;
}

function convertCell(cell: ExcelJS.Cell): Cell | undefined {
  let v: Scalar | undefined;
  let f: string | undefined;
  if (cell.type === FORMULA) {
    f = cell.formula;
    // cell.result, not cell.value.result: exceljs's value copy drops falsy results such as 0.
    const result: unknown = cell.result;
    v = result === undefined || result === null ? undefined : scalarOf(result);
  } else {
    v = scalarOf(cell.value);
    // An empty string is how some writers store a blank cell; the engine treats it as empty.
    if (v === null || v === "") return undefined;
  }
  const fmt = cell.numFmt;
  const out: Cell = { v };
  if (f !== undefined) out.f = f;
  if (fmt !== undefined && fmt !== "" && fmt !== "General") out.z = fmt;
  return out;
}

/** The value Excel shows for a cell value or a formula result. */
function scalarOf(value: unknown): Scalar {
  switch (typeof value) {
    case "number":
    case "string":
    case "boolean":
      return value;
    case "object":
      break;
    default:
      return null;
  }
  if (value === null) return null;
  if (value instanceof Date) {
    // A date is compared and shown by its day; an out-of-range serial yields an invalid Date.
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  }
  if ("richText" in value) return richTextOf(value.richText);
  if ("error" in value && typeof value.error === "string") return value.error;
  // A hyperlink: its text is what the sheet shows (and may itself be rich text).
  if ("text" in value) {
    const text = value.text;
    if (typeof text === "string") return text;
    if (typeof text === "object" && text !== null && "richText" in text) return richTextOf(text.richText);
  }
  return null;
}

function richTextOf(runs: unknown): string {
  if (!Array.isArray(runs)) return "";
  let s = "";
  for (const run of runs) {
    if (typeof run === "object" && run !== null && "text" in run && typeof run.text === "string") s += run.text;
  }
  return s;
}
