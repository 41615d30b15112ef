// Single faults planted in copies of a real budget book (issue 11): a 산출기초 amount, a 비교증감, a parent's 예산액,
// a ◎ item, a 재원 line, a malformed "24,00". Each copy holds one fault; the check must report it at the planted cell
// and nothing else (the untouched pages stay clean). Faults go only where the clean book's relations were checked:
// a figure whose relations reach over rows the file lost is not checked, planted or not.
import { a1, type Cell, type SheetGrid, type WorkbookGrid } from "../src/core/cells/grid";
import { checkWorkbook } from "../src/core/check-workbook";
import { makeSheetView } from "../src/core/cells/sheet-view";
import { findBookColumns } from "../src/core/book/page";
import { posOf, readLedger, type BookLine, type BookPage } from "../src/core/book/ledger";
import { subtreeEnd } from "../src/core/book/check-book";

export type FaultKind = "basis" | "change" | "parent" | "item" | "source" | "malformed";
export const FAULT_KINDS: FaultKind[] = ["basis", "change", "parent", "item", "source", "malformed"];

export interface PlantResult {
  kind: FaultKind;
  sheet: string;
  cell: string;
  found: boolean;
  /** What the check reported instead, when it missed or said more. */
  got: string[];
}

/** A small deterministic generator (mulberry32), so a run plants the same faults each time. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function withCell(grid: WorkbookGrid, sheet: string, r: number, c: number, v: Cell["v"]): WorkbookGrid {
  return {
    sheets: grid.sheets.map((s): SheetGrid => {
      if (s.name !== sheet) return s;
      const cells = s.cells.slice();
      const row = (cells[r] ?? []).slice();
      row[c] = { v };
      cells[r] = row;
      return { ...s, cells };
    }),
  };
}

/** A figure changed by `delta`, written the way the cell holds it (a number, or text as the export prints it). */
function shifted(v: Cell["v"], delta: number): Cell["v"] | undefined {
  if (typeof v === "number") return v + delta;
  if (typeof v !== "string") return undefined;
  const m = /^(.*?)([△-]?)([\d,]+)(\)?\s*)$/s.exec(v);
  if (m === null) return undefined;
  const n = Number(m[3].replace(/,/g, "")) * (m[2] === "" ? 1 : -1) + delta;
  return `${m[1]}${n < 0 ? "△" : ""}${Math.abs(n).toLocaleString("en-US")}${m[4]}`;
}

export function plantFaults(grid: WorkbookGrid, random: () => number, perKind = 1): PlantResult[] {
  const clean = checkWorkbook(grid);
  if (clean.book === undefined || clean.findings.some((f) => f.severity === "error")) return [];
  const unchecked = new Set(clean.book.missingRows.map((m) => `${m.sheet}!${m.cell}`));
  const pages: BookPage[] = [];
  for (const s of grid.sheets) {
    const view = makeSheetView(s);
    const cols = findBookColumns(view);
    if (cols !== undefined) pages.push({ view, cols });
  }
  const colsOf = new Map(pages.map((p) => [p.view.sheet.name, p.cols]));
  const ledger = readLedger(pages);
  // A line is a fair place for a fault when the relations it takes part in are claimed there: no rows are missing
  // within its parent's part of the book (its own rollup, its parent's, their 재원), and no total over it was left
  // unchecked in the clean book.
  const pageOf = new Map(ledger.pages.map((p, i) => [p, i]));
  const damaged = (x: BookLine): boolean => {
    const lo = posOf(x.page, x.r);
    const hi = subtreeEnd(x, pageOf) + 1;
    return ledger.damage.some((d) => d >= lo && d <= hi);
  };
  const fair = (l: BookLine): boolean => {
    if (damaged(l.parent ?? l)) return false;
    for (let x: BookLine | undefined = l; x !== undefined; x = x.parent) {
      if (x.amount === undefined || x.amount.virtual === true || unchecked.has(`${x.sheet}!${a1(x.r, x.amount.c)}`)) return false;
    }
    return true;
  };
  const lines = ledger.lines.filter(fair);
  const pick = <T>(xs: T[]): T | undefined => (xs.length === 0 ? undefined : xs[Math.floor(random() * xs.length)]);
  const out: PlantResult[] = [];
  const value = (sheet: string, r: number, c: number): Cell["v"] => grid.sheets.find((s) => s.name === sheet)?.cells[r]?.[c]?.v ?? null;
  for (const kind of FAULT_KINDS) {
    for (let i = 0; i < perKind; i++) {
      let at: { sheet: string; r: number; c: number; v: Cell["v"] } | undefined;
      if (kind === "basis") {
        const l = pick(lines.filter((x) => x.basis !== undefined && /^\s*[\d,]+원/.test(x.basis.text)));
        if (l?.basis !== undefined) at = { ...l.basis.at, v: l.basis.text.replace(/^\s*([\d,]+)원/, (_, n: string) => `${(Number(n.replace(/,/g, "")) + 1_000_000).toLocaleString("en-US")}원`) };
      } else if (kind === "change") {
        const l = pick(lines.filter((x) => x.change !== undefined && x.amount !== undefined && x.previous !== undefined && x.level <= 5));
        if (l?.change !== undefined) at = { sheet: l.sheet, r: l.r, c: l.change.c, v: shifted(value(l.sheet, l.r, l.change.c), 1000) ?? null };
      } else if (kind === "parent" || kind === "item" || kind === "malformed") {
        const pool = kind === "item" ? lines.filter((x) => x.level === 7) : kind === "parent" ? lines.filter((x) => x.level >= 1 && x.level <= 5) : lines.filter((x) => x.level >= 3);
        const l = pick(pool);
        if (l?.amount !== undefined) at = { sheet: l.sheet, r: l.r, c: l.amount.c, v: kind === "malformed" ? "24,00" : (shifted(value(l.sheet, l.r, l.amount.c), 1000) ?? null) };
      } else {
        const l = pick(lines.filter((x) => x.sources.length >= 2));
        const s = l === undefined ? undefined : pick(l.sources);
        const cols = s === undefined ? undefined : colsOf.get(s.sheet);
        if (s !== undefined && cols !== undefined) at = { sheet: s.sheet, r: s.r, c: s.c, v: shifted(value(s.sheet, s.r, s.c), 1000) ?? null };
      }
      if (at === undefined || at.v === null) continue;
      const result = checkWorkbook(withCell(grid, at.sheet, at.r, at.c, at.v));
      const errs = result.findings.filter((f) => f.severity === "error");
      const cell = a1(at.r, at.c);
      const found = errs.length === 1 && errs[0].sheet === at.sheet && errs[0].cell === cell;
      out.push({ kind, sheet: at.sheet, cell, found, got: found ? [] : errs.map((f) => `${f.sheet}!${f.cell} ${f.rule}`) });
    }
  }
  return out;
}
