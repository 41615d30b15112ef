// The budget book as one ledger: the lines of every page, in sheet order, joined into the tree of 부서 › 정책사업 ›
// 단위사업 › 세부사업 › 편성목 › 통계목 › (예산구분) › ◎ › ○, with each line's 재원 lines. A level continues across
// page sheets as the printed book does: a page may open with the 재원 lines of the last line of the page before.
import type { SheetView } from "../cells/sheet-view";
import { isHeaderRow, itemLevel, LEVEL, readAmount, readSourceLine, type Amount, type BookColumns, type Level } from "./page";

/** Where a figure sits: its sheet, row and column. */
export interface At {
  sheet: string;
  r: number;
  c: number;
}

export interface Figure extends At {
  value: number;
  /**
   * Not printed: the amount of a line lost at a page break, inferred from its 재원 lines at the top of the next
   * page. It keeps the tree right below the break; it is never blamed or reported.
   */
  virtual?: true;
}

export interface SourceFigure extends Figure {
  key: string;
}

export interface BookLine {
  /** A 재원 line of this line could not be read: its 재원 are not checked. */
  sourcesBroken?: boolean;
  /** An item line that heads no lines of its own (it has a 산출기초, or the lines after it do not add up to it). */
  leaf?: boolean;
  sheet: string;
  /** The page's place in the book (0, 1, …), for positions across pages (see posOf). */
  page: number;
  r: number;
  level: Level;
  label: string;
  labelCol: number;
  amount?: Figure;
  previous?: Figure;
  change?: Figure;
  /** 산출기초 text and where it is. */
  basis?: { text: string; at: At };
  sources: SourceFigure[];
  children: BookLine[];
  parent?: BookLine;
}

export interface Ledger {
  roots: BookLine[];
  lines: BookLine[];
  /** Amount cells that hold text that is no number ("24,00"): reported, and left out of every check. */
  malformed: { at: At; text: string }[];
  /** Amount cells stored as text (as e호조 exports them), counted for one note per file. */
  textAmounts: number;
  /** Cells read as amounts, for the same note. */
  amounts: number;
  pages: string[];
  /** Lines lost at page breaks (재원 lines at a page's top that fit no line above): where they were found. */
  lost: At[];
  /**
   * Where rows are missing (as positions, see posOf): a row skipped inside a page's ledger, the end of a page shorter
   * than the book's longest, the top of a page whose first 재원 lines belong to a lost line. A disagreement whose
   * lines reach over one of these is the export's loss as likely as the book's error, and is not claimed.
   */
  damage: number[];
}

/** A place in the book: page, then row. */
export const posOf = (page: number, r: number): number => page * 1_048_576 + r;

export interface BookPage {
  view: SheetView;
  cols: BookColumns;
  /** The sheet's place in the workbook: pages that are not next to each other have something between them. */
  index?: number;
}

export function readLedger(pages: BookPage[]): Ledger {
  const ledger: Ledger = { roots: [], lines: [], malformed: [], textAmounts: 0, amounts: 0, pages: [], lost: [], damage: [] };
  const lastRows: number[] = [];
  const stack: BookLine[] = [];
  const attach = (line: BookLine): void => {
    while (stack.length > 0 && stack[stack.length - 1].level >= line.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent === undefined) ledger.roots.push(line);
    else {
      line.parent = parent;
      parent.children.push(line);
    }
    stack.push(line);
    ledger.lines.push(line);
  };
  // 재원 lines at the top of a page that the line above cannot take: they belong to a line the page break lost.
  let orphans: SourceFigure[] = [];
  const rebuilt: { lost: BookLine; above: BookLine; mark: number }[] = [];
  for (const [page, { view, cols, index }] of pages.entries()) {
    const sheet = view.sheet.name;
    ledger.pages.push(sheet);
    lastRows.push(markHoles(view, cols.headerRow, page, ledger.damage));
    // A sheet between two pages that is no page (a page whose header could not be read, a note): what it held is
    // missing from the ledger, as rows lost at a page break are.
    const before = pages[page - 1]?.index;
    if (page > 0 && index !== undefined && before !== undefined && index !== before + 1) ledger.damage.push(posOf(page, cols.headerRow + 1));
    // A row that closes the line above for its 재원 lines: an amount without a label, or a malformed 재원 line.
    let closed = false;
    const figure = (r: number, c: number | undefined): Figure | undefined => {
      const a: Amount = readAmount(view, r, c);
      if (a === undefined) return undefined;
      if ("malformed" in a) {
        ledger.malformed.push({ at: { sheet, r, c: a.c }, text: a.malformed });
        return undefined;
      }
      ledger.amounts++;
      if (a.text) ledger.textAmounts++;
      return { sheet, r, c: a.c, value: a.value };
    };
    let pageTop = true;
    for (let r = cols.headerRow + 1; r < view.rows; r++) {
      if (isHeaderRow(view, r)) continue;
      const label = labelOf(view, r, cols);
      if (label === undefined) {
        // A 재원 line belongs to the line above it, on this page or the page before.
        const text = view.cell(r, cols.amount)?.v;
        const top = stack[stack.length - 1];
        if (typeof text !== "string" || top === undefined) continue;
        const src = readSourceLine(text);
        if (src === undefined) {
          if (looksLikeSourceLine(text)) {
            // A 재원 line whose figure is broken ("국   174,3480"): reported, and its line's 재원 not checked.
            ledger.malformed.push({ at: { sheet, r, c: cols.amount }, text });
            top.sourcesBroken = true;
          } else if (readAmount(view, r, cols.amount) !== undefined) {
            figure(r, cols.amount);
            closed = true;
          }
          continue;
        }
        if (closed) continue;
        const source: SourceFigure = { sheet, r, c: cols.amount, value: src.value, key: src.key };
        if (pageTop && (orphans.length > 0 || !fits(top, source))) orphans.push(source);
        else top.sources.push(source);
        continue;
      }
      // A level's label with no figure at all is no line of the ledger: a page number, a title above a repeated
      // header, a note written in a level column.
      if (label.level !== "unmarked" && label.level < LEVEL.item && !hasFigure(view, r, cols)) continue;
      pageTop = false;
      closed = false;
      if (orphans.length > 0) {
        const above = stack[stack.length - 1];
        const lost = lostLine(orphans, label.level === "unmarked" ? LEVEL.item : label.level, ledger, page);
        const mark = posOf(page, cols.headerRow + 1);
        attach(lost);
        ledger.damage.push(mark);
        if (above !== undefined) rebuilt.push({ lost, above, mark });
        orphans = [];
      }
      const basisText = cols.basis === undefined ? undefined : view.cell(r, cols.basis)?.v;
      const hasBasis = typeof basisText === "string" && basisText.trim() !== "";
      // A version line (본예산, 추경 …) carries the 전년도 or 비교증감 column; a text that only reads like one is an item.
      const marked = label.level === LEVEL.version && !hasPrevious(view, r, cols) ? "unmarked" : label.level;
      const leaf = hasBasis || (marked === "unmarked" && !headsNext(view, r, cols));
      const level = marked === "unmarked" ? unmarkedLevel(stack, leaf) : marked;
      const line: BookLine = { sheet, page, r, level, label: label.text, labelCol: label.c, sources: [], children: [], leaf };
      const amount = figure(r, cols.amount);
      if (amount !== undefined) line.amount = amount;
      const previous = figure(r, cols.previous);
      if (previous !== undefined) line.previous = previous;
      const change = figure(r, cols.change);
      if (change !== undefined) line.change = change;
      if (hasBasis && cols.basis !== undefined) line.basis = { text: basisText, at: { sheet, r, c: cols.basis } };
      attach(line);
    }
  }
  for (const x of rebuilt) undoLost(x, ledger);
  // A page that ends before the book's longest lost its last rows, or simply ended early: either way the lines
  // that run past its end are not claimed when they disagree. And once the file shows rows lost anywhere (an
  // export or a copy that drops rows at page breaks), any of its page breaks may have lost some.
  const longest = Math.max(0, ...lastRows);
  // Rows skipped inside pages, or 재원 lines of a lost line: the file drops rows (holes and lost lines are marked).
  const lossy = ledger.damage.length > 0;
  lastRows.forEach((last, page) => {
    if (page < lastRows.length - 1 && (lossy || last < longest)) ledger.damage.push(posOf(page, last + 1));
  });
  ledger.damage.sort((a, b) => a - b);
  return ledger;
}

const cellText = (view: SheetView, r: number, c: number | undefined): boolean => {
  if (c === undefined) return false;
  const v = view.cell(r, c)?.v;
  return v !== undefined && v !== null && !(typeof v === "string" && v.trim() === "");
};
const hasFigure = (view: SheetView, r: number, cols: BookColumns): boolean => cellText(view, r, cols.amount) || cellText(view, r, cols.previous) || cellText(view, r, cols.change);
const hasPrevious = (view: SheetView, r: number, cols: BookColumns): boolean => cellText(view, r, cols.previous) || cellText(view, r, cols.change);

/** "국   174,3480", "특별조정교부금  3,000": a 재원's name, then something figure-like. */
const looksLikeSourceLine = (text: string): boolean => /^\(?\s*[가-힣·]{1,10}\s{2,}[△▲\-−]?[\d,.\s]+\)?$/.test(text.trim());

/**
 * Whether the unmarked line at r, without a 산출기초, heads the unmarked lines below it: they add up to its amount
 * (a prefix of them, before the next marked line). Otherwise it is a leaf whose 산출기초 was left blank.
 */
function headsNext(view: SheetView, r: number, cols: BookColumns): boolean {
  const own = readAmount(view, r, cols.amount);
  if (own === undefined || "malformed" in own) return false;
  const itemCols = [cols.levels[5], cols.levels[6]].filter((c): c is number => c !== undefined);
  let sum = 0;
  for (let k = r + 1; k < Math.min(view.rows, r + 200); k++) {
    const labelCol = itemCols.find((c) => cellText(view, k, c));
    if (labelCol === undefined) {
      if (cols.levels.some((c) => cellText(view, k, c))) return false;
      continue; // a 재원 line
    }
    const text = String(view.cell(k, labelCol)?.v ?? "");
    if (itemLevel(text) !== "unmarked") return false;
    const a = readAmount(view, k, cols.amount);
    if (a === undefined || "malformed" in a) return false;
    sum += a.value;
    if (Math.abs(sum - own.value) < 1e-6) return true;
    if (sum > own.value + 1e-6) return false;
  }
  return false;
}

/** Rows skipped inside a page's ledger (no cell at all between the header and the page's last row); the last row. */
function markHoles(view: SheetView, header: number, page: number, damage: number[]): number {
  const cells = view.sheet.cells;
  let last = header;
  for (let r = cells.length - 1; r > header; r--) {
    if (cells[r]?.some((c) => c !== undefined) === true) {
      last = r;
      break;
    }
  }
  // One mark per run of empty rows: a stray value far below the ledger makes one run, not a million marks.
  let inRun = false;
  for (let r = header + 1; r < last; r++) {
    const empty = cells[r]?.some((c) => c !== undefined) !== true;
    if (empty && !inRun) damage.push(posOf(page, r));
    inRun = empty;
  }
  return last;
}

/**
 * Whether a 재원 line at the top of a page continues `line`, the last line of the page before: while the line's 재원
 * do not yet make up its amount, a source it does not list yet, and not far past the amount with it (a wrong
 * figure may be off a little; the 재원 of a lost line are usually another amount altogether).
 */
function fits(line: BookLine, s: SourceFigure): boolean {
  if (line.sources.some((x) => x.key === s.key)) return false;
  if (line.amount === undefined) return true;
  const sum = line.sources.reduce((t, x) => t + x.value, 0);
  if (Math.abs(sum - line.amount.value) < 1e-6) return false;
  return sum + s.value - line.amount.value < s.value / 2;
}

/**
 * A line rebuilt as lost is kept only where the lines that follow it add up to it. Where they do not, the 재원 lines
 * at the page's top were the line above's after all, one of them wrong ("국 3,060" typed for 306): they go back to
 * it, the rebuilt line's lines go to the lines above as if it had never been, and the page break is trusted again.
 */
function undoLost(x: { lost: BookLine; above: BookLine; mark: number }, ledger: Ledger): void {
  const { lost, above, mark } = x;
  if (lost.children.length === 0 || lost.amount === undefined) return;
  const made = lost.children.reduce((t, k) => t + (k.amount?.value ?? 0), 0);
  if (Math.abs(made - lost.amount.value) < 1e-6) return;
  if (lost.sources.some((s) => above.sources.some((a) => a.key === s.key))) return;
  above.sources.push(...lost.sources);
  const parent = lost.parent;
  const siblings = parent === undefined ? ledger.roots : parent.children;
  const at = siblings.indexOf(lost);
  if (at >= 0) siblings.splice(at, 1);
  for (const child of lost.children) {
    // The deepest of the line above and its ancestors that may hold the child.
    let home: BookLine | undefined = above;
    while (home !== undefined && home.level >= child.level) home = home.parent;
    child.parent = home;
    (home === undefined ? ledger.roots : home.children).push(child);
  }
  const i = ledger.lines.indexOf(lost);
  if (i >= 0) ledger.lines.splice(i, 1);
  const d = ledger.damage.indexOf(mark);
  if (d >= 0) ledger.damage.splice(d, 1);
  const l = ledger.lost.findIndex((p) => p.sheet === lost.sheet && p.r === lost.r);
  if (l >= 0) ledger.lost.splice(l, 1);
}

/**
 * The line a page break lost, rebuilt from its 재원 lines: one level above the first line after them (a 통계목
 * after them was a child of the lost 편성목), its amount their sum, marked as not printed.
 */
function lostLine(sources: SourceFigure[], nextLevel: Level, ledger: Ledger, page: number): BookLine {
  const first = sources[0];
  ledger.lost.push({ sheet: first.sheet, r: first.r, c: first.c });
  const level = Math.max(0, nextLevel - 1) as Level;
  const value = sources.reduce((t, x) => t + x.value, 0);
  return { sheet: first.sheet, page, r: first.r, level, label: "", labelCol: first.c, sources, children: [], amount: { sheet: first.sheet, r: first.r, c: first.c, value, virtual: true } };
}

/** The line's label: the first level column with text, its level from the column (and, for 산출내역, its mark). */
function labelOf(view: SheetView, r: number, cols: BookColumns): { text: string; level: Level | "unmarked"; c: number } | undefined {
  for (let i = 0; i < cols.levels.length; i++) {
    const c = cols.levels[i];
    if (c === undefined) continue;
    const v = view.cell(r, c)?.v;
    if (typeof v !== "string" || v.trim() === "") continue;
    const text = v.trim();
    if (i < 5) return { text, level: i as Level, c };
    // 통계목 in a column of its own (beside 산출내역) is always a 통계목; one column for both reads the mark.
    if (i === 5 && cols.levels[6] !== undefined && cols.levels[6] !== c) return { text, level: LEVEL.stat, c };
    return { text, level: itemLevel(text), c };
  }
  return undefined;
}

/**
 * The level of a 산출내역 line without a mark ("7급", "기술업무수당가산금"), from the lines open above it: a line
 * with a 산출기초 is a leaf, a line without one heads the leaves below it. A leaf after a leaf is its sibling, a
 * leaf after a heading its child. A heading after leaves joins them while their heading's amount is not yet made
 * up by its lines, and is that heading's sibling once it is.
 */
function unmarkedLevel(stack: BookLine[], isLeaf: boolean): Level {
  const above = stack[stack.length - 1];
  if (above === undefined || above.level < LEVEL.item) return LEVEL.item;
  const deeper = (l: number): Level => Math.min(l + 1, LEVEL.deepest) as Level;
  const aboveLeaf = above.leaf ?? above.basis !== undefined;
  if (isLeaf) return aboveLeaf ? above.level : deeper(above.level);
  if (!aboveLeaf) return deeper(above.level);
  const heading = above.parent;
  if (heading === undefined || heading.level < LEVEL.item || heading.amount === undefined) return above.level;
  const made = heading.children.reduce((t, k) => t + (k.amount?.value ?? 0), 0);
  return Math.abs(made - heading.amount.value) < 1e-6 ? heading.level : above.level;
}

/** The path of a line: 부서 › 정책사업 › 단위사업 › 세부사업 › 편성목 (down to the line's own level, at most 편성목). */
export function pathOf(line: BookLine): string[] {
  const out: string[] = [];
  for (let l: BookLine | undefined = line; l !== undefined; l = l.parent) if (l.level <= 4) out.unshift(l.label);
  return out;
}
