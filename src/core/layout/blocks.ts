// Splits a sheet into table blocks and text lines. Budget sheets are documents: text lines (one cell,
// usually column A) between tables; a table row has two or more filled cells (merged cells count as filled).
// Three kinds of rows end a table although they have two filled cells: a "key: value" line ("Description: …",
// "Impact On Operating Budget: 0"), a row after a blank that holds no figure in the table's figure columns (the
// next block's title), and a second header row below figures (stacked blocks with repeated headers).
import type { Cell, Range } from "../cells/grid";
import type { SheetView } from "../cells/sheet-view";
import { looksLikeFigure, parseNumber } from "../numbers/numbers";
import { classifyTableLabel } from "./labels";

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

interface RowInfo {
  /** Filled columns (merged cells count in every column they cover). */
  n: number;
  c0: number;
  c1: number;
  /** Distinct filled cells: a merge counts once, at its anchor. */
  anchors: number[];
  /** Columns holding a figure: a number, a formula, or text that reads as a number. */
  figures: number[];
  /** Columns holding text that is not a figure (merge anchors only). */
  texts: number[];
  /** Every figure is a year (2019, "2021"): a header row of years, not a row of amounts. */
  yearsOnly: boolean;
}

function isYearFigure(cell: Cell | undefined): boolean {
  if (cell === undefined || cell.f !== undefined) return false;
  const v = typeof cell.v === "number" ? cell.v : typeof cell.v === "string" && /^\s*\d{4}\s*$/.test(cell.v) ? Number(cell.v) : NaN;
  return Number.isInteger(v) && v >= 1990 && v <= 2099;
}

const isFilled = (cell: Cell | undefined): boolean =>
  cell !== undefined && ((cell.v !== null && cell.v !== undefined && cell.v !== "") || cell.f !== undefined);

/** A number, a formula, a dash, or text that reads as a number (Excel files exported with amounts as text). */
export function isFigure(cell: Cell | undefined): boolean {
  if (cell === undefined) return false;
  if (typeof cell.v === "number" || cell.f !== undefined) return true;
  if (typeof cell.v !== "string") return false;
  return textIsFigure(cell.v);
}

// Sheets repeat the same texts ("계", "국비", "-", "2021년"): each is read once.
const figureMemo = new Map<string, boolean>();
const HAS_DIGIT = /\d/;
const DASH = /^\s*[-‐‒–—―−ㅡ]+\s*$/u;

function textIsFigure(text: string): boolean {
  // Without a digit a text is a figure only as a dash (a zero written out): most labels stop here.
  if (!HAS_DIGIT.test(text)) return DASH.test(text);
  let v = figureMemo.get(text);
  if (v === undefined) {
    const p = parseNumber(text);
    v = p.kind === "number" || (p.kind === "malformed" && looksLikeFigure(text)) || (p.kind === "none" && text.trim() !== "");
    if (figureMemo.size > 50000) figureMemo.clear();
    figureMemo.set(text, v);
  }
  return v;
}

/** For each row, one past the last column a merge covers there: a row is read as far as its cells and merges go. */
const mergeEnds = new WeakMap<SheetView, Map<number, number>>();

function mergeEndOf(view: SheetView, r: number): number {
  let ends = mergeEnds.get(view);
  if (ends === undefined) {
    ends = new Map();
    for (const m of view.sheet.merges) for (let k = m.r0; k <= m.r1; k++) ends.set(k, Math.max(ends.get(k) ?? 0, m.c1 + 1));
    mergeEnds.set(view, ends);
  }
  return ends.get(r) ?? 0;
}

function rowInfo(view: SheetView, r: number): RowInfo {
  const info: RowInfo = { n: 0, c0: -1, c1: -1, anchors: [], figures: [], texts: [], yearsOnly: true };
  const row = view.sheet.cells[r];
  const width = Math.max(row?.length ?? 0, view.sheet.merges.length === 0 ? 0 : mergeEndOf(view, r));
  if (width === 0) return info;
  for (let c = 0; c < width; c++) {
    const cell = row?.[c];
    const m = view.mergeAt(r, c);
    if (!isFilled(cell) && m === undefined) continue;
    info.n++;
    if (info.c0 < 0) info.c0 = c;
    info.c1 = c;
    if (m !== undefined && (m.r0 !== r || m.c0 !== c)) {
      // A cell covered by a merge: it repeats its anchor (counted once, where the anchor's row is this one).
      if (m.r0 === r && m.c0 < c) continue;
      if (m.r0 !== r && !info.anchors.includes(-1 - m.c0)) info.anchors.push(-1 - m.c0);
      continue;
    }
    info.anchors.push(c);
    if (isFigure(cell)) {
      info.figures.push(c);
      if (!isYearFigure(cell)) info.yearsOnly = false;
    } else if (isFilled(cell)) info.texts.push(c);
  }
  return info;
}

/** "Description: …", "Location: Baltimore City", "Impact On Operating Budget: 0": a labelled value, not a table row. */
function isKeyValue(view: SheetView, r: number, info: RowInfo): boolean {
  const own = info.anchors.filter((c) => c >= 0);
  if (own.length === 0 || own.length > 2 || info.anchors.length !== own.length) return false;
  const first = view.shownText(r, own[0]).trim();
  if (classifyTableLabel(first)?.kind === "total") return false;
  if (own.length === 2) return /[:：]$/.test(first);
  // One cell stating a figure after a colon: "Impact on FY 2024 Operating Budget : 0".
  return /[:：]\s*\S/.test(first) && !/^[\s\d.,:-]+$/.test(first);
}

export function findLayout(view: SheetView): Layout {
  const blocks: Block[] = [];
  const lines: TextLine[] = [];
  let open: Range | undefined;
  /** Columns that held a figure in the open block. */
  let figureCols = new Set<number>();
  let sawFigures = false;
  let blankRun = 0;
  const close = (): void => {
    if (open !== undefined && open.r1 > open.r0) blocks.push({ range: open });
    else if (open !== undefined) {
      // A single filled row with several cells is a table fragment too small to check; keep its text as a line.
      lines.push({ r: open.r0, c: open.c0, text: rowText(view, open.r0, open.c0, open.c1) });
    }
    open = undefined;
    figureCols = new Set();
    sawFigures = false;
  };
  for (let r = 0; r < view.rows; r++) {
    const info = rowInfo(view, r);
    if (info.n === 0) {
      blankRun++;
      // One blank row may sit inside a table (officers leave one before the sources); two end it.
      if (blankRun >= 2) close();
      continue;
    }
    // One cell, or one merged cell while no table is open (a title across the page), is a text line; but a label
    // alone in the table's label columns, between rows of figures, is a heading row of the table ("Wind-down costs
    // associated with the" above "dissolution of RedSpark | 0 | 0 | 0.02"); after a blank row it is the next title.
    const single = info.anchors.length === 1 && info.anchors[0] >= 0 && info.figures.length === 0;
    // A lone figure inside a table (=SUM(D11:D16) under a column of FTEs) is one of its rows, not a text line.
    const loneFigure = info.n === 1 && info.figures.length === 1 && open !== undefined && sawFigures && blankRun === 0;
    const lone = !loneFigure && ((info.n === 1 && view.mergeAt(r, info.c0) === undefined) || (single && open === undefined));
    if (lone && open !== undefined && blankRun === 0 && labelRowInside(view, r, info, figureCols, open)) {
      open.r1 = r;
      blankRun = 0;
      continue;
    }
    if (lone || isKeyValue(view, r, info)) {
      close();
      blankRun = 0;
      const c = info.anchors.find((x) => x >= 0) ?? info.c0;
      lines.push({ r, c, text: info.n === 1 ? view.shownText(r, c) : rowText(view, r, info.c0, info.c1) });
      continue;
    }
    // After a blank row the table goes on only with figures in its own figure columns (not the next block's title).
    if (open !== undefined && blankRun > 0 && !info.figures.some((c) => figureCols.size === 0 || figureCols.has(c))) close();
    else if (open !== undefined && sawFigures && startsNewHeader(info, figureCols)) close();
    blankRun = 0;
    if (open === undefined) open = { r0: r, c0: info.c0, r1: r, c1: info.c1 };
    else {
      open.r1 = r;
      open.c0 = Math.min(open.c0, info.c0);
      open.c1 = Math.max(open.c1, info.c1);
    }
    // A row of years heads the columns below it; only amounts make the table's figure columns.
    if (!(info.yearsOnly && info.figures.length > 0)) {
      for (const c of info.figures) figureCols.add(c);
      if (info.figures.length > 0) sawFigures = true;
    }
  }
  close();
  return { blocks: blocks.flatMap((b) => splitSideBySide(view, b)), lines };
}

/**
 * Tables set side by side share their rows ("Financial Results | blank column | Segment Results"): a column empty
 * over the whole block, with a column of labels right after it, separates two tables. Each part keeps only the
 * rows where it has cells.
 */
function splitSideBySide(view: SheetView, block: Block): Block[] {
  const { r0, r1, c0, c1 } = block.range;
  if (c1 - c0 < 3) return [block];
  const used = (r: number, c: number): boolean => isFilled(view.cell(r, c)) || view.mergeAt(r, c) !== undefined;
  const emptyCol = (c: number): boolean => {
    for (let r = r0; r <= r1; r++) if (used(r, c)) return false;
    return true;
  };
  /** Most filled cells of the column below the top row are text: the labels of a table that starts there. */
  const labelCol = (c: number): boolean => {
    let text = 0;
    let figures = 0;
    for (let r = r0; r <= r1; r++) {
      const cell = view.cell(r, c);
      if (!isFilled(cell)) continue;
      if (isFigure(cell)) figures++;
      else text++;
    }
    return text >= 2 && text > figures;
  };
  const cuts: number[] = [];
  for (let c = c0 + 1; c < c1; c++) {
    if (!emptyCol(c)) continue;
    let next = c + 1;
    while (next <= c1 && emptyCol(next)) next++;
    // The next table's labels come first, perhaps after a column of item numbers ("1 | Segment Revenue").
    if (next <= c1 && [next, next + 1, next + 2].some((k) => k <= c1 && labelCol(k))) cuts.push(c);
    c = next - 1;
  }
  if (cuts.length === 0) return [block];
  const out: Block[] = [];
  let start = c0;
  for (const cut of [...cuts, c1 + 1]) {
    let end = cut - 1;
    while (end > start && emptyCol(end)) end--;
    let top = -1;
    let bottom = -1;
    for (let r = r0; r <= r1; r++) {
      let any = false;
      for (let c = start; c <= end && !any; c++) any = used(r, c);
      if (any) {
        if (top < 0) top = r;
        bottom = r;
      }
    }
    if (top >= 0 && bottom > top) out.push({ range: { r0: top, c0: start, r1: bottom, c1: end } });
    start = cut + 1;
    while (start <= c1 && emptyCol(start)) start++;
  }
  return out;
}

/**
 * A lone text left of every figure column, with the next row holding figures in those columns; or, right under the
 * header rows, a section label ("REVENUE") in the table's first column above its first figures.
 */
function labelRowInside(view: SheetView, r: number, info: RowInfo, figureCols: Set<number>, open: Range): boolean {
  if (info.texts.length !== 1 || r + 1 >= view.rows) return false;
  const c = info.texts[0];
  const next = rowInfo(view, r + 1);
  if (figureCols.size === 0) return c <= open.c0 && next.figures.some((f) => f > c && f <= open.c1) && !next.yearsOnly;
  for (const f of figureCols) if (f <= c) return false;
  return next.figures.some((f) => figureCols.has(f));
}

/**
 * After figures, a row with no figure and text over two or more of the table's figure columns is the header of
 * the next stacked block (a label-only row, with text in the label columns only, stays inside the table).
 */
function startsNewHeader(info: RowInfo, figureCols: Set<number>): boolean {
  if (info.figures.length > 0) return false;
  let over = 0;
  for (const c of info.texts) if (figureCols.has(c)) over++;
  return over >= 2;
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
