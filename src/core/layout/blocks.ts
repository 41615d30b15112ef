// Splits a sheet into table blocks and text lines. Budget sheets are documents: text lines (one cell,
// usually column A) between tables; a table row has two or more filled cells (merged cells count as filled).
import type { Range } from "../cells/grid";
import type { SheetView } from "../cells/sheet-view";
import { parseNumber } from "../numbers/numbers";

export interface TextLine {
  r: number;
  c: number;
  text: string;
}

export interface Block {
  range: Range;
}

export interface Layout {
  blocks: Block[];
  lines: TextLine[];
}

function filledCount(view: SheetView, r: number): { n: number; c0: number; c1: number; only: number } {
  let n = 0;
  let c0 = -1;
  let c1 = -1;
  let only = -1;
  const row = view.sheet.cells[r];
  const width = Math.max(row?.length ?? 0, view.cols);
  for (let c = 0; c < width; c++) {
    const cell = row?.[c];
    const filled = (cell !== undefined && ((cell.v !== null && cell.v !== undefined && cell.v !== "") || cell.f !== undefined)) || view.mergeAt(r, c) !== undefined;
    if (!filled) continue;
    n++;
    if (c0 < 0) c0 = c;
    c1 = c;
    only = c;
  }
  return { n, c0, c1, only };
}

export function findLayout(view: SheetView): Layout {
  const blocks: Block[] = [];
  const lines: TextLine[] = [];
  let open: Range | undefined;
  let blankRun = 0;
  const close = (): void => {
    if (open !== undefined && open.r1 > open.r0) blocks.push({ range: open });
    else if (open !== undefined) {
      // A single filled row with several cells is a table fragment too small to check; keep its text as a line.
      lines.push({ r: open.r0, c: open.c0, text: rowText(view, open.r0, open.c0, open.c1) });
    }
    open = undefined;
  };
  for (let r = 0; r < view.rows; r++) {
    const { n, c0, c1, only } = filledCount(view, r);
    if (n === 0) {
      blankRun++;
      // One blank row may sit inside a table (officers leave one before the sources); two end it.
      if (blankRun >= 2) close();
      continue;
    }
    if (n === 1 && view.mergeAt(r, only) === undefined) {
      close();
      blankRun = 0;
      lines.push({ r, c: only, text: view.shownText(r, only) });
      continue;
    }
    if (open !== undefined && blankRun > 0 && !continuesTable(view, r, open)) close();
    blankRun = 0;
    if (open === undefined) open = { r0: r, c0, r1: r, c1 };
    else {
      open.r1 = r;
      open.c0 = Math.min(open.c0, c0);
      open.c1 = Math.max(open.c1, c1);
    }
  }
  close();
  return { blocks, lines };
}

/** After a blank row, the next row continues the table only when it holds amounts or dashes (a header row starts a new table). */
function continuesTable(view: SheetView, r: number, open: Range): boolean {
  for (let c = open.c0; c <= open.c1; c++) {
    const cell = view.cell(r, c);
    if (cell === undefined) continue;
    if (typeof cell.v === "number" || cell.f !== undefined) return true;
    if (typeof cell.v === "string") {
      const kind = parseNumber(cell.v).kind;
      if (kind === "number" || (kind === "none" && cell.v.trim() !== "") || kind === "malformed") return true;
    }
  }
  return false;
}

function rowText(view: SheetView, r: number, c0: number, c1: number): string {
  const parts: string[] = [];
  for (let c = c0; c <= c1; c++) {
    const t = view.shownText(r, c);
    if (t !== "" && parts[parts.length - 1] !== t) parts.push(t);
  }
  return parts.join("\t");
}

/** Index of the first line at or below row r (lines are in row order): lets lookups near a table skip the rest. */
export function firstLineFrom(lines: TextLine[], r: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid].r < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The lines in rows [r0, r1). */
export function linesBetween(lines: TextLine[], r0: number, r1: number): TextLine[] {
  const out: TextLine[] = [];
  for (let i = firstLineFrom(lines, r0); i < lines.length && lines[i].r < r1; i++) out.push(lines[i]);
  return out;
}
