// One worksheet of exceljs's parsed model → the engine's grid (the loading is in xlsx-grid.ts). What exceljs's
// Cell API adds on top of that model (shared formulas slid to each cell, merged-away cells hidden) is done here;
// the slide is core's (formula-slide.ts), which also moves whole columns and rows and leaves strings alone.
import { slideFormula } from "../core/cells/formula-slide";
import { a1, parseA1, type Cell, type Range, type Scalar, type SheetGrid } from "../core/cells/grid";

// exceljs's ValueType enum values (checked against the library in test/cli/read-xlsx.test.ts).
export const VALUE_TYPE = { Null: 0, Merge: 1, Hyperlink: 5, Formula: 6 } as const;

/** The part of exceljs's cell model the grid needs (exceljs's typings leave its models untyped). */
interface CellModel {
  /** "B3"; absent when the file leaves the cell's "r" out (it then follows the previous cell). */
  address?: string;
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

export interface SheetModel {
  name: string;
  /** The sheet's id in the workbook's list of sheets (its tab order). */
  id?: unknown;
  rows: { number: number; cells: CellModel[] }[];
  /** "A1:C2" ranges. */
  mergeCells?: string[];
}

/** Thrown when exceljs's model is not as this file expects (a changed exceljs version): a bug, not a bad file. */
export class ModelHandOverError extends Error {
  constructor(what: string) {
    super(`exceljs 모델을 읽을 수 없습니다 / exceljs's parsed model is not as expected: ${what}`);
    this.name = "ModelHandOverError";
  }
}

/** The worksheets of the model exceljs hands to `workbook.model`, checked for the parts read here. */
export function worksheetModels(model: unknown): SheetModel[] {
  if (typeof model !== "object" || model === null || !("worksheets" in model) || !Array.isArray(model.worksheets)) {
    throw new ModelHandOverError("no worksheets");
  }
  const sheets: unknown[] = model.worksheets;
  const out = sheets.flatMap((s) => {
    if (typeof s !== "object" || s === null || !("rows" in s) || !Array.isArray(s.rows)) throw new ModelHandOverError("a worksheet without rows");
    // A sheet part the workbook does not list gets no name: it is no sheet of the workbook (nor of exceljs's).
    return "name" in s && typeof s.name === "string" ? [s as SheetModel] : [];
  });
  // The worksheets come in the order of their parts in the zip, which is not always the tabs' (LibreOffice writes
  // them otherwise); the tab order is the workbook's list of sheets, matched by id, as exceljs's Workbook sorts them.
  const tabs: unknown[] = "sheets" in model && Array.isArray(model.sheets) ? model.sheets : [];
  const tabOf = (ws: SheetModel): number => {
    const i = tabs.findIndex((t) => typeof t === "object" && t !== null && "id" in t && t.id === ws.id);
    return i < 0 ? tabs.length : i;
  };
  return out.map((ws, i) => ({ ws, i, tab: tabOf(ws) })).sort((a, b) => a.tab - b.tab || a.i - b.i).map((x) => x.ws);
}

/** One worksheet of the parsed model as the engine's grid. */
export function sheetModelToGrid(ws: SheetModel): SheetGrid {
  const cells: (Cell | undefined)[][] = [];
  const followers: { cell: Cell; at: { r: number; c: number }; master: string }[] = [];
  const masters = new Map<string, string>();

  let r = -1;
  for (const row of ws.rows) {
    // A row or a cell may leave out its address ("r"): it then follows the previous one (ECMA-376 §18.3.1.4/.73).
    r = Number.isInteger(row.number) && row.number > 0 ? row.number - 1 : r + 1;
    let c = -1;
    let out: (Cell | undefined)[] | undefined;
    for (const model of row.cells) {
      // A merged-away cell takes no place of its own in that count (as exceljs's Row reads them).
      if (model.type === VALUE_TYPE.Merge) continue;
      c = typeof model.address === "string" ? columnOf(model.address) : c + 1;
      if (model.type === VALUE_TYPE.Null) continue;
      const converted = convertCell(model);
      if (converted === undefined) continue;
      if (out === undefined) {
        out = [];
        cells[r] = out;
      }
      out[c] = converted;
      if (model.type !== VALUE_TYPE.Formula) continue;
      if (model.formula !== undefined) masters.set(a1(r, c), model.formula);
      else if (model.sharedFormula !== undefined) followers.push({ cell: converted, at: { r, c }, master: model.sharedFormula });
    }
  }
  // A shared formula is stored once, on its first cell; each follower's is that formula slid to its place.
  for (const f of followers) {
    const formula = masters.get(f.master);
    const from = parseA1(f.master);
    if (formula !== undefined && from !== undefined) f.cell.f = slideFormula(formula, from, f.at);
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
