// Reads the structure of one table block: header rows, label columns, value columns, and the role of each
// row and column (total, subtotal, item, need/secured/gap, year, source). Every later check works on this model.
import type { Range } from "../cells/grid";
import type { SheetView } from "../cells/sheet-view";
import { classifyCleaned, classifyTableLabel, cleanLabel, isCheckLabel, isIdentifierLabel, isNonAdditiveLabel, type LabelClass, type SourceKey } from "./labels";
import { readAmountCell, type AmountCell } from "../cells/amount-cell";
import { looksLikeFigure } from "../numbers/numbers";

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

/** The column headers as a tree: "연차별 소요자원" over the years, "2019년" over 확보액 and 집행액 … */
export interface HeaderNode {
  text: string;
  cls: LabelClass | undefined;
  /** Set on leaves: the value column. */
  col?: number;
  children: HeaderNode[];
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

function isYearLike(v: number): boolean {
  return Number.isInteger(v) && v >= 1990 && v <= 2099;
}

/** An amount-like cell: a number, a dash, a malformed number, or text that states an amount. */
function amountish(a: AmountCell): boolean {
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

/**
 * The parts of a share are shares: the lines a non-additive line adds by its own formulas ("Pro Forma Operating
 * Margin" = SUM of the margin and its adjustments below "GAAP Operating Margin") do not add up across either.
 */
function propagateNonAdditive(view: SheetView, rows: RowLine[], cols: ColLine[]): void {
  // A line with the position of its cells: rows along the columns, columns along the rows.
  type Line = { at: number; line: RowLine | ColLine };
  const rowLines: Line[] = rows.map((x) => ({ at: x.r, line: x }));
  const colLines: Line[] = cols.map((x) => ({ at: x.c, line: x }));
  /** Marks the lines that a non-additive line of `mine` adds by its formulas, crossing `other`. */
  const spread = (mine: Line[], other: Line[], down: boolean): boolean => {
    const byAt = new Map(mine.map((x) => [x.at, x.line]));
    let changed = false;
    for (const m of mine) {
      if (m.line.additive || isCheckLabel(m.line.label)) continue;
      for (const o of other) {
        const [r, c] = down ? [m.at, o.at] : [o.at, m.at];
        const lf = view.cell(r, c)?.f === undefined ? undefined : view.linear(r, c);
        if (lf === undefined || lf.terms.length < 2 || !lf.terms.every((t) => (down ? t.c === c : t.r === r))) continue;
        for (const t of lf.terms) {
          const part = byAt.get(down ? t.r : t.c);
          if (part !== undefined && part.additive) {
            part.additive = false;
            changed = true;
          }
        }
      }
    }
    return changed;
  };
  for (let guard = 0; guard < rows.length + cols.length; guard++) {
    const a = spread(rowLines, colLines, true);
    const b = spread(colLines, rowLines, false);
    if (!a && !b) break;
  }
}

/**
 * A column that names rows rather than counting anything: its header says so (Code, No., 연번, Year), or its
 * figures are whole numbers typed as text beside columns of real numbers (codes), or run 1, 2, 3 … (serial numbers),
 * or are all years.
 */
function identifierColumn(view: SheetView, body: number[], c: number, path: { text: string }[], rest: number[], amount: (r: number, c: number) => AmountCell): boolean {
  if (path.some((p) => isIdentifierLabel(cleanLabel(p.text)))) return true;
  let n = 0;
  let asText = 0;
  let years = 0;
  let small = 0;
  let serial = true;
  let prev: number | undefined;
  for (const r of body) {
    const a = amount(r, c);
    if (a.kind !== "amount") continue;
    n++;
    if (a.asText && Number.isInteger(a.value) && !/[,.]/.test(String(view.cell(r, c)?.v ?? ""))) asText++;
    if (isYearLike(a.value)) years++;
    if (Number.isInteger(a.value) && a.value >= 1 && a.value <= 99) small++;
    if (!Number.isInteger(a.value) || (prev === undefined ? a.value > 1 : a.value !== prev + 1)) serial = false;
    prev = a.value;
  }
  if (n < 2) return false;
  if (years === n || (serial && n >= 3)) return true;
  // Note numbers (3, 5, 12 …) without a header, beside amounts in the tens of thousands: references, not figures.
  if (path.length === 0 && n >= 3 && small === n && rest.some((k) => body.some((r) => { const a = amount(r, k); return a.kind === "amount" && Math.abs(a.value) >= 10000; }))) return true;
  if (asText < n) return false;
  // Text-stored whole numbers are codes only beside columns whose figures are real numbers.
  return rest.some((k) => body.some((r) => { const a = amount(r, k); return a.kind === "amount" && !a.asText; }));
}

/** Most of the column's figures are shown as percentages (a "0%" number format). */
function percentColumn(view: SheetView, body: number[], c: number): boolean {
  let n = 0;
  let pct = 0;
  for (const r of body) {
    const cell = view.cell(r, c);
    if (cell === undefined || typeof cell.v !== "number") continue;
    n++;
    if (cell.z !== undefined && cell.z.includes("%")) pct++;
  }
  return n > 0 && pct * 2 > n;
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

/**
 * Builds the header tree level by level: at each header row, consecutive value columns that show the same
 * header cell (one merge, or one cell) form a node. A cell merged down from the row above adds no level.
 */
export function buildHeaderTree(view: SheetView, headerRows: number[], valueCols: number[]): HeaderNode {
  const root: HeaderNode = { text: "", cls: undefined, children: [] };
  const build = (parent: HeaderNode, cols: number[], level: number, parentId: string): void => {
    if (level >= headerRows.length) {
      if (cols.length === 1) parent.col = cols[0];
      else for (const c of cols) parent.children.push({ text: "", cls: undefined, col: c, children: [] });
      return;
    }
    const h = headerRows[level];
    const runs: { id: string; text: string; cols: number[] }[] = [];
    for (const c of cols) {
      const m = view.mergeAt(h, c);
      const text = view.shownText(h, c).trim();
      const id = text === "" ? parentId : m === undefined ? `${h}:${c}` : `${m.r0}:${m.c0}`;
      const last = runs[runs.length - 1];
      if (last !== undefined && last.id === id) last.cols.push(c);
      else runs.push({ id, text, cols: [c] });
    }
    if (runs.length === 1 && (runs[0].id === parentId || runs[0].text === "")) {
      build(parent, cols, level + 1, parentId);
      return;
    }
    for (const run of runs) {
      if (run.id === parentId) {
        // Columns with an empty header cell at this level: their header, if any, is further down ("% of" over
        // "Total" below an "ASSETS" that covers only the column beside them); without one they are unnamed leaves.
        if (level + 1 < headerRows.length) build(parent, run.cols, level + 1, parentId);
        else for (const c of run.cols) parent.children.push({ text: "", cls: undefined, col: c, children: [] });
        continue;
      }
      const node: HeaderNode = { text: run.text, cls: classifyTableLabel(run.text), children: [] };
      parent.children.push(node);
      build(node, run.cols, level + 1, run.id);
    }
  };
  build(root, valueCols, 0, "root");
  if (headerRows.length === 0) {
    root.children = valueCols.map((c) => ({ text: "", cls: undefined, col: c, children: [] }));
  }
  // A root with a single column becomes that column's leaf.
  if (root.children.length === 0 && root.col !== undefined) {
    root.children = [{ text: "", cls: undefined, col: root.col, children: [] }];
    root.col = undefined;
  }
  return root;
}
