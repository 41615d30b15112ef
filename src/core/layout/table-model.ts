// Reads the structure of one table block: header rows, label columns, value columns, and the role of each
// row and column (total, subtotal, item, need/secured/gap, year, source). Every later check works on this model.
import type { Range } from "../cells/grid";
import type { SheetView } from "../cells/sheet-view";
import { classifyCleaned, classifyTableLabel, cleanLabel, isNonAdditiveLabel, type LabelClass, type SourceKey } from "./labels";
import { readAmountCell, type AmountCell } from "../cells/amount-cell";
import { errorValue } from "../cells/error-value";
import { looksLikeFigure } from "../numbers/numbers";
import { buildHeaderTree, type HeaderNode } from "./header-tree";
import { identifierColumn, isYearLike, percentColumn, propagateNonAdditive } from "./line-kinds";

export type { HeaderNode } from "./header-tree";

export type LineRole = "total" | "subtotal" | "item" | "need" | "secured" | "gap";

export interface RowLine {
  r: number;
  label: string;
  role: LineRole;
  year?: number;
  source?: SourceKey;
  /** False for a line of shares, rates, averages or ranks: never added, never checked as a sum. */
  additive: boolean;
}

export interface ColLine {
  c: number;
  label: string;
  role: LineRole;
  year?: number;
  source?: SourceKey;
  /** False for a column of shares, rates, averages, ranks or identifiers. */
  additive: boolean;
}


export interface TableModel {
  range: Range;
  headerRows: number[];
  labelCols: number[];
  rows: RowLine[];
  cols: ColLine[];
  headerTree: HeaderNode;
  /** Each cell of the table read once. */
  amount(r: number, c: number): AmountCell;
  /** The cell's number format, when it has one. */
  format(r: number, c: number): string | undefined;
}

const SERIAL = /^(연번|순번|번호|no\.?|순위)$/i;

/** A cell covered by a merge (not its top-left): shows the anchor's text, holds no amount of its own. */
const MERGED_AWAY: AmountCell = { kind: "text", text: "" };

const notSummedMemo = new Map<string, boolean>();

/** Headers of columns that are never added up: serial numbers (연번) and remarks (비고). */
function notSummed(header: string): boolean {
  let v = notSummedMemo.get(header);
  if (v === undefined) {
    v = SERIAL.test(cleanLabel(header).replace(/\s/g, "")) || classifyCleaned(header)?.kind === "remark";
    if (notSummedMemo.size > 20000) notSummedMemo.clear();
    notSummedMemo.set(header, v);
  }
  return v;
}

/** The row's first text is a funding source or a total (국비, 계, Total): a body row, whatever its figures. */
function startsWithLineLabel(view: SheetView, r: number, range: Range): boolean {
  for (let c = range.c0; c <= range.c1; c++) {
    const t = view.shownText(r, c).trim();
    if (t === "") continue;
    const kind = classifyTableLabel(t)?.kind;
    return kind === "source" || kind === "total";
  }
  return false;
}

/** An amount-like cell: a number, a dash, a malformed number, text that states an amount, or an Excel error value
 * (a formula that failed stands where a figure belongs). Not #DIV/0!: it is what a share or a ratio shows over
 * inputs not entered yet (a blank form, next year's empty column), and a column of nothing else holds no figure. */
function amountish(a: AmountCell): boolean {
  if (a.kind === "text") {
    const code = errorValue(a.text);
    return code !== undefined && code !== "#DIV/0!";
  }
  return a.kind === "amount" || a.kind === "malformed" || a.kind === "not-calculated" || (a.kind === "zero" && a.dash);
}

/** Reads a cell; a formula is looked at only when it has no cached value (the common case costs nothing). */
function readCell(view: SheetView, r: number, c: number): AmountCell {
  const cell = view.cell(r, c);
  if (cell === undefined || cell.v !== undefined) return readAmountCell(cell);
  return readAmountCell(cell, view.evaluated(r, c), view.isLinear(r, c));
}

export function readTableModel(view: SheetView, range: Range): TableModel | undefined {
  // One slot per cell of the block: a flat array is much cheaper than a map on every table of a workbook.
  const width = range.c1 - range.c0 + 1;
  const cache: (AmountCell | undefined)[] = new Array<AmountCell | undefined>(width * (range.r1 - range.r0 + 1));
  const amount = (r: number, c: number): AmountCell => {
    const inside = r >= range.r0 && r <= range.r1 && c >= range.c0 && c <= range.c1;
    const k = (r - range.r0) * width + (c - range.c0);
    let a = inside ? cache[k] : undefined;
    if (a === undefined) {
      const m = view.mergeAt(r, c);
      // Inside a merge only the anchor holds a value; the other cells are not separate amounts.
      a = m !== undefined && (m.r0 !== r || m.c0 !== c) ? MERGED_AWAY : readCell(view, r, c);
      // "FY2021", "'22", "2021" typed as text are year labels, not malformed or text-stored amounts; a date, a range
      // of years or a code ("30.09.2003", "1991 - 1992", "117-019") is text too.
      if ((a.kind === "malformed" || (a.kind === "amount" && a.asText)) && classifyCleaned(String(view.cell(r, c)?.v ?? ""))?.kind === "year") {
        a = { kind: "text", text: String(view.cell(r, c)?.v ?? "") };
      } else if (a.kind === "malformed" && !looksLikeFigure(a.text)) a = { kind: "text", text: a.text };
      if (inside) cache[k] = a;
    }
    return a;
  };

  // Header rows: the leading rows with no amount (numbers that look like years are headers there).
  const headerRows: number[] = [];
  for (let r = range.r0; r <= range.r1 && headerRows.length < 5; r++) {
    let amounts = 0;
    let years = 0;
    for (let c = range.c0; c <= range.c1; c++) {
      const a = amount(r, c);
      if (!amountish(a)) continue;
      if (a.kind === "amount" && a.formula === undefined && isYearLike(a.value)) years++;
      else amounts++;
    }
    if (amounts > 0) break;
    // "국비 | 2000 | 2,021": amounts that look like years in a row led by a source or a total are amounts.
    if (years > 0 && startsWithLineLabel(view, r, range)) break;
    headerRows.push(r);
  }
  const body: number[] = [];
  for (let r = range.r0 + headerRows.length; r <= range.r1; r++) body.push(r);
  if (body.length === 0) return undefined;

  const headerPath = (c: number): { text: string; row: number }[] => {
    const path: { text: string; row: number }[] = [];
    for (const h of headerRows) {
      const t = view.shownText(h, c).trim();
      if (t !== "" && (path.length === 0 || path[path.length - 1].text !== t || view.mergeAt(h, c) === undefined)) {
        if (path.length > 0 && path[path.length - 1].text === t) continue;
        path.push({ text: t, row: h });
      }
    }
    return path;
  };

  // Value columns: most filled body cells are amounts, and the header does not call it a serial number or a remark.
  const valueCols: number[] = [];
  for (let c = range.c0; c <= range.c1; c++) {
    const path = headerRows.length === 0 ? [] : headerPath(c);
    if (path.some((p) => notSummed(p.text))) continue;
    let filled = 0;
    let amounts = 0;
    let yearsOnly = true;
    for (const r of body) {
      const a = amount(r, c);
      if (a.kind === "zero" && !a.dash) continue;
      if (a.kind === "text" && a.text === "") continue;
      filled++;
      if (amountish(a)) {
        amounts++;
        if (!(a.kind === "amount" && isYearLike(a.value))) yearsOnly = false;
      }
    }
    if (amounts === 0 || amounts * 2 < filled) continue;
    // A leading column of years (a transposed table typed with numbers) labels rows; it is not summed.
    if (yearsOnly && valueCols.length === 0 && path.length === 0) continue;
    if (yearsOnly && path.some((p) => /연도|년도|year/i.test(p.text))) continue;
    valueCols.push(c);
  }
  // Codes, serial numbers and years at the left label the rows ("117 | Office of Information Technology | …").
  while (valueCols.length > 1 && identifierColumn(view, body, valueCols[0], headerRows.length === 0 ? [] : headerPath(valueCols[0]), valueCols.slice(1), amount)) valueCols.shift();
  // Figures left of a column of names, with the amounts further right, are codes too ("AT6010301 | 1.1 | Berk |
  // … | Title | FY02"): a table's amounts come after its labels.
  const textCol = (c: number): boolean => {
    let text = 0;
    let filled = 0;
    for (const r of body) {
      const a = amount(r, c);
      if ((a.kind === "zero" && !a.dash) || (a.kind === "text" && a.text === "")) continue;
      filled++;
      // Names have letters; "…" and "n/a" stand for unknown figures, not for labels.
      if (a.kind === "text" && /\p{L}{2}/u.test(a.text) && !/^\s*n\/?a\s*$/i.test(a.text)) text++;
    }
    return filled >= 2 && text * 2 > filled;
  };
  for (let c = range.c1; c > range.c0; c--) {
    if (c <= valueCols[0] || valueCols.includes(c) || !valueCols.some((v) => v > c) || !textCol(c)) continue;
    const before = valueCols.filter((v) => v < c);
    // A few code columns, not a table's worth of figures beside a column of notes.
    if (before.length > 0 && before.length <= 3) valueCols.splice(0, before.length);
    break;
  }
  // A column beyond an empty one, with no header, is a scratch column beside the table, not one of its columns.
  if (headerRows.length > 0) {
    const emptyCol = (c: number): boolean => {
      for (let r = range.r0; r <= range.r1; r++) if (view.shownText(r, c).trim() !== "" || view.cell(r, c)?.f !== undefined) return false;
      return true;
    };
    let gap = false;
    for (let i = 1; i < valueCols.length; i++) {
      for (let c = valueCols[i - 1] + 1; c < valueCols[i] && !gap; c++) gap = emptyCol(c);
      if (gap && headerPath(valueCols[i]).length === 0) valueCols.splice(i--, 1);
    }
  }
  if (valueCols.length === 0) return undefined;
  const labelCols: number[] = [];
  for (let c = range.c0; c < valueCols[0]; c++) labelCols.push(c);

  // A blank row inside the table (officers leave one before the sources) is no line of it.
  const blankRow = (r: number): boolean => labelCols.every((c) => view.shownText(r, c).trim() === "") && valueCols.every((c) => { const a = amount(r, c); return a.kind === "zero" && !a.dash; });
  const rows: RowLine[] = body.filter((r) => !blankRow(r)).map((r) => {
    const texts = labelCols.map((c) => view.shownText(r, c).trim()).filter((t) => t !== "");
    const line: RowLine = { r, label: texts.join(" "), role: "item", additive: !texts.some(isNonAdditiveLabel) };
    for (const t of texts) {
      const cls = classifyTableLabel(t);
      applyClass(line, cls);
    }
    // A row label typed as a bare year number (2021) in a transposed table.
    if (line.year === undefined && labelCols.length > 0) {
      const v = view.cell(r, labelCols[0])?.v;
      if (typeof v === "number" && isYearLike(v)) line.year = v;
    }
    return line;
  });

  const tree = buildHeaderTree(view, headerRows, valueCols);
  // Percentage formats are rare: look for them per column only when the table has one at all.
  const anyPercent = body.some((r) => valueCols.some((c) => view.cell(r, c)?.z?.includes("%") === true));
  const cols: ColLine[] = [];
  const walk = (node: HeaderNode, path: HeaderNode[]): void => {
    if (node.children.length === 0 && node.col !== undefined) {
      const texts = path.map((n) => n.text).filter((t) => t !== "");
      const line: ColLine = { c: node.col, label: texts.join(" / "), role: "item", additive: !texts.some(isNonAdditiveLabel) && !(anyPercent && percentColumn(view, body, node.col)) };
      for (const n of path) applyClass(line, n.cls);
      if (line.year === undefined) {
        const t = path.find((n) => /^\d{4}$/.test(n.text.trim()) && isYearLike(Number(n.text.trim())));
        if (t !== undefined) line.year = Number(t.text.trim());
      }
      cols.push(line);
      return;
    }
    for (const ch of node.children) walk(ch, [...path, ch]);
  };
  walk(tree, []);
  propagateNonAdditive(view, rows, cols);
  return { range, headerRows, labelCols, rows, cols, headerTree: tree, amount, format: (r, c) => view.cell(r, c)?.z };
}

function applyClass(line: { role: LineRole; year?: number; source?: SourceKey }, cls: LabelClass | undefined): void {
  if (cls === undefined) return;
  switch (cls.kind) {
    case "total":
      if (line.role === "item" || line.role === "subtotal") line.role = cls.level === "grand" ? "total" : "subtotal";
      break;
    case "source":
      line.source ??= cls.source;
      break;
    case "year":
      line.year ??= cls.year;
      break;
    case "need":
    case "secured":
    case "gap":
      if (line.role === "item") line.role = cls.kind;
      break;
    default:
      break;
  }
}
