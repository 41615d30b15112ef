// Reads the workbook into the engine's grid with a bounded number of context.sync() calls:
//  1. the sheet names;  2. every sheet's used-range size;  3. values, formulas and merged areas of all sheets,
// packed into as few batches as Excel's payload limits allow (5 MB a response on the web, 5,000,000 cells a read).
// The count of syncs therefore depends on the amount of data, never on the number of sheets or tables.
import type { Cell, Range, SheetGrid, WorkbookGrid } from "../core/cells/grid";
import { parseA1 } from "../core/cells/grid";
import type { ReadOptions, ReadResult } from "./port";
import { runExcel, type Batch, type ExcelApi } from "./run";

export interface ReadLimits {
  /** Bytes budget for one response (Excel on the web refuses 5 MB; keep a margin). */
  bytesPerBatch: number;
  /** Cells per single range read (Excel's limit is 5,000,000). */
  cellsPerRead: number;
  /** Estimated bytes a cell costs in a response (values + formulas, JSON). */
  bytesPerCell: number;
}

export const DEFAULT_LIMITS: ReadLimits = { bytesPerBatch: 4_000_000, cellsPerRead: 5_000_000, bytesPerCell: 24 };

interface Piece {
  sheet: number;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

type Loaded = { piece: Piece; range: Excel.Range; merges: Excel.RangeAreas | undefined };

export async function readWorkbookGrid(excel: ExcelApi, options: ReadOptions = {}, limits: ReadLimits = DEFAULT_LIMITS): Promise<ReadResult> {
  return runExcel(excel, {}, async (b) => {
    const only = options.sheets === undefined ? undefined : new Set(options.sheets.map((n) => n.toLowerCase()));
    const grid = options.selectionOnly === true ? await readSelection(b) : await readAll(b, limits, only);
    return { grid, syncs: b.syncs };
  });
}

async function readSelection(b: Batch): Promise<WorkbookGrid> {
  // getSelectedRange() fails when several areas are selected; the first area is checked (as getSelection does).
  const range = b.context.workbook.getSelectedRanges().areas.getItemAt(0);
  range.load(["rowIndex", "columnIndex", "rowCount", "columnCount", "values", "formulas"]);
  range.worksheet.load("name");
  const merges = range.getMergedAreasOrNullObject();
  merges.load("areas/items/address");
  await b.sync();
  const sheet: SheetGrid = { name: range.worksheet.name, cells: [], merges: [] };
  fill(sheet, range, { sheet: 0, row: range.rowIndex, col: range.columnIndex, rows: range.rowCount, cols: range.columnCount }, merges);
  return { sheets: [sheet] };
}

async function readAll(b: Batch, limits: ReadLimits, only: Set<string> | undefined): Promise<WorkbookGrid> {
  const all = b.context.workbook.worksheets;
  all.load("items/name");
  await b.sync();
  const worksheets = only === undefined ? all.items : all.items.filter((ws) => only.has(ws.name.toLowerCase()));
  const used = worksheets.map((ws) => {
    const r = ws.getUsedRangeOrNullObject(true);
    r.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
    return r;
  });
  await b.sync();
  const sheets: SheetGrid[] = worksheets.map((ws) => ({ name: ws.name, cells: [], merges: [] }));
  const pieces: Piece[] = [];
  used.forEach((r, sheet) => {
    if (r.isNullObject) return; // an empty sheet
    pieces.push(...split({ sheet, row: r.rowIndex, col: r.columnIndex, rows: r.rowCount, cols: r.columnCount }, limits));
  });
  const mergesRead = new Set<number>();
  // Reads some pieces in one sync. When Excel still finds the response too large (cells hold more text than
  // estimated), the pieces are halved and read again; only a single row that is too large is an error.
  const readPieces = async (group: Piece[]): Promise<void> => {
    const loaded: Loaded[] = group.map((piece) => {
      const ws = worksheets[piece.sheet];
      const range = ws.getRangeByIndexes(piece.row, piece.col, piece.rows, piece.cols);
      range.load(["values", "formulas"]);
      // Merged areas are read once per sheet, with its first piece.
      let merges: Excel.RangeAreas | undefined;
      if (!mergesRead.has(piece.sheet)) {
        merges = ws.getUsedRangeOrNullObject(true).getMergedAreasOrNullObject();
        merges.load("areas/items/address");
      }
      return { piece, range, merges };
    });
    try {
      await b.sync();
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      const halves = halve(group);
      if (halves === undefined) throw e;
      for (const h of halves) await readPieces(h);
      return;
    }
    for (const l of loaded) {
      fill(sheets[l.piece.sheet], l.range, l.piece, l.merges);
      if (l.merges !== undefined) mergesRead.add(l.piece.sheet);
    }
  };
  // Pack pieces into batches under the byte budget; each batch is one sync.
  let group: Piece[] = [];
  let bytes = 0;
  for (const p of pieces) {
    const cost = p.rows * p.cols * limits.bytesPerCell;
    if (group.length > 0 && bytes + cost > limits.bytesPerBatch) {
      await readPieces(group);
      group = [];
      bytes = 0;
    }
    group.push(p);
    bytes += cost;
  }
  if (group.length > 0) await readPieces(group);
  return { sheets };
}

function isPayloadError(e: unknown): boolean {
  const code = typeof e === "object" && e !== null && "code" in e ? (e as { code: unknown }).code : undefined;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded" || code === "PayloadTooLarge";
}

/** Two smaller groups: the pieces split in two, or a single piece's rows split in two; undefined for one row. */
function halve(group: Piece[]): [Piece[], Piece[]] | undefined {
  if (group.length > 1) {
    const mid = group.length >> 1;
    return [group.slice(0, mid), group.slice(mid)];
  }
  const p = group[0];
  if (p.rows < 2) return undefined;
  const top = p.rows >> 1;
  return [[{ ...p, rows: top }], [{ ...p, row: p.row + top, rows: p.rows - top }]];
}

/** A sheet larger than one read allows is read in bands of whole rows. */
function split(p: Piece, limits: ReadLimits): Piece[] {
  const maxCells = Math.min(limits.cellsPerRead, Math.floor(limits.bytesPerBatch / limits.bytesPerCell));
  const rowsPerPiece = Math.max(1, Math.floor(maxCells / Math.max(1, p.cols)));
  if (p.rows <= rowsPerPiece) return [p];
  const out: Piece[] = [];
  for (let r = 0; r < p.rows; r += rowsPerPiece) out.push({ ...p, row: p.row + r, rows: Math.min(rowsPerPiece, p.rows - r) });
  return out;
}

function fill(sheet: SheetGrid, range: Excel.Range, piece: Piece, merges: Excel.RangeAreas | undefined): void {
  const values = range.values;
  const formulas = range.formulas;
  for (let i = 0; i < values.length; i++) {
    const r = piece.row + i;
    const vrow = values[i];
    const frow = formulas[i];
    for (let j = 0; j < vrow.length; j++) {
      const v: unknown = vrow[j];
      const f: unknown = frow?.[j];
      const formula = typeof f === "string" && f.startsWith("=") ? f.slice(1) : undefined;
      if ((v === "" || v === null || v === undefined) && formula === undefined) continue;
      // A formula with no value at all has no cached result (Excel always gives one; the in-memory Excel gives
      // null for a formula it never calculated): the engine then computes SUMs and +/- chains itself.
      const cell: Cell = { v: formula !== undefined && (v === null || v === undefined) ? undefined : scalar(v) };
      if (formula !== undefined) cell.f = formula;
      (sheet.cells[r] ??= [])[piece.col + j] = cell;
    }
  }
  if (merges !== undefined && !merges.isNullObject) {
    for (const area of merges.areas.items) {
      const m = rangeOf(area.address);
      if (m !== undefined) sheet.merges.push(m);
    }
  }
}

function scalar(v: unknown): Cell["v"] {
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return null;
}

/** "'시트'!B3:D4" or "B3" → Range. */
export function rangeOf(address: string): Range | undefined {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b = a] = local.split(":");
  const p = parseA1(a);
  const q = parseA1(b);
  if (p === undefined || q === undefined) return undefined;
  return { r0: p.r, c0: p.c, r1: q.r, c1: q.c };
}
