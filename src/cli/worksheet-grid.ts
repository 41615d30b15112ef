// An .xlsx file → the engine's grid, through exceljs's parser. Shared by the command line (Node) and the browser
// preview, so it imports exceljs for its types only: the two load different builds of it (Node's and the browser
// bundle) and pass in a Workbook of their own.
//
// exceljs's `xlsx.load` parses every part of the file into one plain model, then hands it to `workbook.model = …`,
// whose setter builds the editable workbook (a Worksheet, Row and Cell object per cell, address caches, styles
// per cell). Reading needs none of that: on a department's workbook that second step was a quarter of the load
// time and about 60 MB (BENCHMARKS.md, 2026-11-29 second session). So the model is taken as it is handed over and
// converted here; what exceljs's Cell API did on top of it (shared formulas, merged-away cells) is done below,
// with exceljs's own formula slide.
import type ExcelJS from "exceljs";
import { slideFormula } from "exceljs/lib/utils/shared-formula";
import { parseA1, type Cell, type Range, type Scalar, type SheetGrid } from "../core/grid";

// exceljs's ValueType enum values (checked against the library in test/cli/read-xlsx.test.ts).
export const VALUE_TYPE = { Null: 0, Merge: 1, Hyperlink: 5, Formula: 6 } as const;

/** The part of exceljs's cell model the grid needs (exceljs's typings leave its models untyped). */
interface CellModel {
  address: string;
  type: number;
  value?: unknown;
  /** A formula cell's own formula; absent on the followers of a shared formula. */
  formula?: string;
  /** On a follower of a shared formula: the address of the cell holding it. */
  sharedFormula?: string;
  result?: unknown;
  /** A hyperlink's shown text. */
  text?: unknown;
  style?: { numFmt?: unknown };
}

interface SheetModel {
  name: string;
  rows: { number: number; cells: CellModel[] }[];
  /** "A1:C2" ranges. */
  mergeCells?: string[];
}

/** A workbook of either exceljs build: what loading needs of it. */
export interface LoadableWorkbook {
  xlsx: { load(data: ExcelJS.Buffer): Promise<unknown> };
}

/** Thrown when exceljs no longer hands its model over as this file expects (a changed exceljs version). */
export class ModelHandOverError extends Error {
  constructor(what: string) {
    super(`exceljs 모델을 읽을 수 없습니다 / exceljs's parsed model is not as expected: ${what}`);
    this.name = "ModelHandOverError";
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * What the bytes are, before exceljs sees them: its zip reader reports a text file as a bare "End of data", and
 * password-protected .xlsx files and legacy .xls files are OLE compound documents, which Excel opens fine, so
 * saying so spares the user a hunt for a "broken" file.
 */
export function fileKind(bytes: Uint8Array): "zip" | "ole" | "other" {
  if (startsWith(bytes, OLE_MAGIC)) return "ole";
  return startsWith(bytes, ZIP_MAGIC) ? "zip" : "other";
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** Parses an .xlsx with exceljs and converts each worksheet, in tab order (chart sheets are not worksheets). */
export async function loadWorkbookGrid(workbook: LoadableWorkbook, data: ExcelJS.Buffer): Promise<SheetGrid[]> {
  let model: unknown;
  // An own property on this one instance takes the model in place of the prototype's setter.
  Object.defineProperty(workbook, "model", {
    configurable: true,
    get: () => model,
    set: (value: unknown) => {
      model = value;
    },
  });
  await workbook.xlsx.load(data);
  const sheets = worksheetModels(model);
  model = undefined;
  const grids: SheetGrid[] = [];
  // Each sheet's model is dropped once converted, so the two never both hold a whole department.
  for (let i = 0; i < sheets.length; i++) {
    grids.push(sheetModelToGrid(sheets[i]));
    sheets[i] = undefined;
  }
  return grids;
}

function worksheetModels(model: unknown): (SheetModel | undefined)[] {
  if (typeof model !== "object" || model === null || !("worksheets" in model) || !Array.isArray(model.worksheets)) {
    throw new ModelHandOverError("no worksheets");
  }
  const sheets: unknown[] = model.worksheets;
  return sheets.map((s) => {
    if (typeof s !== "object" || s === null || !("name" in s) || typeof s.name !== "string" || !("rows" in s) || !Array.isArray(s.rows)) {
      throw new ModelHandOverError("a worksheet without name or rows");
    }
    return s as SheetModel;
  });
}

function sheetModelToGrid(ws: SheetModel | undefined): SheetGrid {
  if (ws === undefined) throw new ModelHandOverError("a worksheet read twice");
  const cells: (Cell | undefined)[][] = [];
  const followers: { cell: Cell; address: string; master: string }[] = [];
  const masters = new Map<string, string>();

  for (const row of ws.rows) {
    const r = row.number - 1;
    let out: (Cell | undefined)[] | undefined;
    for (const model of row.cells) {
      if (model.type === VALUE_TYPE.Null || model.type === VALUE_TYPE.Merge) continue;
      const converted = convertCell(model);
      if (converted === undefined) continue;
      if (out === undefined) {
        out = [];
        cells[r] = out;
      }
      out[columnOf(model.address)] = converted;
      if (model.type !== VALUE_TYPE.Formula) continue;
      if (model.formula !== undefined) masters.set(model.address, model.formula);
      else if (model.sharedFormula !== undefined) followers.push({ cell: converted, address: model.address, master: model.sharedFormula });
    }
  }
  // A shared formula is stored once, on its first cell; each follower's is that formula slid to its place.
  for (const f of followers) {
    const formula = masters.get(f.master);
    if (formula !== undefined) f.cell.f = slideFormula(formula, f.master, f.address);
  }

  const merges: Range[] = [];
  for (const ref of ws.mergeCells ?? []) {
    const range = parseRange(ref);
    if (range === undefined) throw new ModelHandOverError(`merged range ${ref}`);
    merges.push(range);
    // Only the top-left cell of a merged area shows; a value left in another (some writers keep one) is hidden.
    for (let r = range.r0; r <= range.r1; r++) {
      const row = cells[r];
      if (row === undefined) continue;
      for (let c = range.c0; c <= range.c1; c++) if ((r !== range.r0 || c !== range.c0) && row[c] !== undefined) row[c] = undefined;
    }
  }
  return { name: ws.name, cells, merges };
}

/** The 0-based column of an "AB12" address (its row is the row model's number). */
function columnOf(address: string): number {
  let c = 0;
  for (let i = 0; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (code < 65 || code > 90) break;
    c = c * 26 + (code - 64);
  }
  if (c === 0) throw new ModelHandOverError(`cell address ${address}`);
  return c - 1;
}

function parseRange(ref: string): Range | undefined {
  const [from, to = from] = ref.split(":");
  const a = parseA1(from);
  const b = parseA1(to);
  if (a === undefined || b === undefined) return undefined;
  return { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) };
}

function convertCell(model: CellModel): Cell | undefined {
  let v: Scalar | undefined;
  let f: string | undefined;
  if (model.type === VALUE_TYPE.Formula) {
    f = model.formula;
    const result = model.result;
    v = result === undefined || result === null ? undefined : scalarOf(result);
  } else {
    v = scalarOf(model.type === VALUE_TYPE.Hyperlink ? model.text : model.value);
    // An empty string is how some writers store a blank cell; the engine treats it as empty.
    if (v === null || v === "") return undefined;
  }
  const fmt = model.style?.numFmt;
  const out: Cell = { v };
  if (f !== undefined) out.f = f;
  if (typeof fmt === "string" && fmt !== "" && fmt !== "General") out.z = fmt;
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
