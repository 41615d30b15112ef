// Fills a page of the budget book (a 세부사업 laid out from a book template, src/core/templates/layout-book.ts, or
// any page in the book's columns) from last year's book: a sheet of it, or its rows pasted or saved as CSV as e호조
// exports them. What is carried, line by line where the labels match (부서 › … › 세부사업 › 편성목 › 통계목):
//   - each 통계목's 예산액 last year becomes its 전년도예산액 this year (written on its 본예산 line when it has one);
//   - each leaf's 단가 and counts, read from last year's 산출기초 ("82,560원*1명*249일"), go into the page's input
//     cells when its 산출기초 is a formula over them in the same form (the same count words, in the same order).
// Formulas are never written over: every other figure of such a page follows from these. Nothing is guessed: a line
// last year does not have, or a 산출기초 of another form, is named in the problems and left as it is.
import { a1, cellAt, gridFromRows, parseA1, type Scalar, type SheetGrid } from "../cells/grid";
import { readCsv } from "./csv";
import { emptyPlan } from "../cells/sheet-plan";
import { makeSheetView, type SheetView } from "../cells/sheet-view";
import { readLedger, type BookLine, type Ledger } from "../book/ledger";
import { findBookColumns, LEVEL, type BookColumns } from "../book/page";
import { parseNumber } from "../numbers/numbers";
import { FILL_MSG } from "./messages";
import type { FillPlan, PreviewLine } from "./plan-fill";
import type { Origin } from "./types";

interface Page {
  view: SheetView;
  cols: BookColumns;
}

/** Whether the sheet is a page of the budget book (its header row within its first rows). */
export const isBookPage = (sheet: SheetGrid): boolean => findBookColumns(makeSheetView(sheet)) !== undefined;

const norm = (label: string): string => label.replace(/^[◎○◦∘·ㆍ∙\-]\s*/, "").replace(/\s+/g, "");
const find = (lines: readonly BookLine[], level: number, label: string): BookLine | undefined => lines.find((l) => l.level === level && norm(l.label) === norm(label));

/** A 산출기초 as 단가 (원) and factors: "82,560원*1명*249일" → 82560, [1 명, 249 일]; a rate as its fraction. */
export function basisFigures(text: string): { price: number; factors: { value: number; word: string }[] } | undefined {
  const parts = text.replace(/\s+/g, "").split(/[*×xX✕]/);
  const price = /^([\d,]+)원$/.exec(parts[0] ?? "");
  if (price === null) return undefined;
  const p = parseNumber(price[1]);
  if (p.kind !== "number" || p.unit !== undefined) return undefined;
  const factors: { value: number; word: string }[] = [];
  for (const part of parts.slice(1)) {
    const m = /^([\d,]+(?:\.\d+)?)(%|[^\d%]*)$/.exec(part);
    if (m === null || m[2].endsWith("원")) return undefined;
    const n = parseNumber(m[1]);
    if (n.kind !== "number" || n.unit !== undefined) return undefined;
    factors.push(m[2] === "%" ? { value: Number((n.value / 100).toPrecision(15)), word: "%" } : { value: n.value, word: m[2] });
  }
  return { price: p.value, factors };
}

/** The input cells a 산출기초 formula is made of, in order (TEXT(M20,…)&"원*"&TEXT(N20,…)…), with the words after each. */
function basisInputs(sheet: SheetGrid, r: number, c: number): { r: number; c: number }[] | undefined {
  const f = cellAt(sheet, r, c)?.f;
  if (f === undefined) return undefined;
  const refs = [...f.matchAll(/TEXT\(\s*\$?([A-Z]{1,3})\$?(\d+)\s*,/g)].map((m) => parseA1(`${m[1]}${m[2]}`));
  return refs.length > 0 && refs.every((x) => x !== undefined) ? (refs as { r: number; c: number }[]) : undefined;
}

/** The name a pasted or CSV book is shown under in the preview ("'붙여넣은 예산서'!H12": its line 12). */
export const PASTED_BOOK = "붙여넣은 예산서";

/** Rows of a book as pasted (tab-separated, as e호조 and Excel copy them) or saved as CSV, as a sheet. */
export function bookFromText(text: string, format: "table" | "csv"): SheetGrid {
  const rows: Scalar[][] =
    format === "csv"
      ? readCsv(text).records.map((rec) => rec.map((f) => f.text))
      : text
          .replace(/^\uFEFF/, "")
          .split(/\r?\n/)
          .map((line) => line.split("\t"));
  return gridFromRows(PASTED_BOOK, rows.map((row) => row.map((v) => (v === "" ? null : v))));
}

/** Fills `target` (a book page) from `sources` (last year's pages), as a plan the pane previews before writing. */
export function planBookFill(target: SheetGrid, sources: readonly SheetGrid[]): FillPlan<PreviewLine> {
  const out: FillPlan<PreviewLine> = { sheet: target.name, plan: emptyPlan(target.name), preview: [], overwrites: [], problems: [], notWritten: [] };
  const view = makeSheetView(target);
  const cols = findBookColumns(view);
  if (cols === undefined) {
    out.problems.push({ code: "no-funding-table", severity: "error", message: FILL_MSG.noBookPage(target.name) });
    return out;
  }
  out.table = { r0: cols.headerRow, c0: 0, r1: Math.max(cols.headerRow, view.rows - 1), c1: Math.max(...[cols.amount, cols.previous ?? 0, cols.change ?? 0]) };
  out.tableUnit = cols.unit;
  const pages: Page[] = [];
  for (const s of sources) {
    const v = makeSheetView(s);
    const c = findBookColumns(v);
    if (c !== undefined) pages.push({ view: v, cols: c });
  }
  if (pages.length === 0) {
    out.problems.push({ code: "no-table", severity: "error", message: FILL_MSG.noBookSource() });
    return out;
  }
  out.inputUnit = pages[0].cols.unit;
  if (pages.some((p) => p.cols.unit !== cols.unit)) {
    out.problems.push({ code: "unit-conflict", severity: "error", message: FILL_MSG.bookUnits(pages[0].cols.unit, cols.unit) });
    return out;
  }
  const mine = readLedger([{ view, cols }]);
  const last = readLedger(pages);
  for (const program of mine.lines.filter((l) => l.level === LEVEL.program)) fillProgram(target, cols, program, last, out);
  if (out.preview.length === 0 && !out.problems.some((p) => p.severity === "error")) out.problems.push({ code: "no-value", severity: "info", message: FILL_MSG.bookNothing() });
  return out;
}

function fillProgram(target: SheetGrid, cols: BookColumns, program: BookLine, last: Ledger, out: FillPlan<PreviewLine>): void {
  const before = find(last.lines, LEVEL.program, program.label);
  if (before === undefined) {
    out.problems.push({ code: "source-not-in-input", severity: "warning", cell: a1(program.r, program.labelCol), message: FILL_MSG.bookNotLastYear(program.label) });
    return;
  }
  for (const mok of program.children.filter((l) => l.level === LEVEL.mok)) {
    const lastMok = find(before.children, LEVEL.mok, mok.label);
    for (const stat of mok.children.filter((l) => l.level === LEVEL.stat)) {
      const path = `${mok.label} › ${stat.label}`;
      const lastStat = lastMok === undefined ? undefined : find(lastMok.children, LEVEL.stat, stat.label);
      if (lastStat === undefined) {
        out.problems.push({ code: "source-not-in-input", severity: "info", cell: a1(stat.r, stat.labelCol), message: FILL_MSG.bookNotLastYear(path) });
        continue;
      }
      // 전년도예산액 on the 본예산 line where there is one (the 통계목 line then shows it), else on the 통계목's.
      const version = stat.children.find((l) => l.level === LEVEL.version);
      const at = { r: (version ?? stat).r, c: cols.previous };
      if (at.c !== undefined && lastStat.amount !== undefined) {
        write(target, out, { r: at.r, c: at.c }, lastStat.amount.value, { ko: `${path} · 전년도예산액`, en: `${path} · previous year` }, origin(lastStat.amount));
      }
      const lastLeaves = leaves(lastStat);
      for (const leaf of leaves(stat)) fillLeaf(target, cols, leaf, `${path} › ${leaf.label}`, lastLeaves, out);
    }
  }
}

function fillLeaf(target: SheetGrid, cols: BookColumns, leaf: BookLine, path: string, lastLeaves: BookLine[], out: FillPlan<PreviewLine>): void {
  const inputs = cols.basis === undefined ? undefined : basisInputs(target, leaf.r, cols.basis);
  if (inputs === undefined) return; // a typed 산출기초: nothing to fill it with but the text itself
  const lastLeaf = lastLeaves.find((l) => norm(l.label) === norm(leaf.label));
  if (lastLeaf?.basis === undefined) {
    out.problems.push({ code: "source-not-in-input", severity: "info", cell: a1(leaf.r, leaf.labelCol), message: FILL_MSG.bookNotLastYear(path) });
    return;
  }
  const then = basisFigures(lastLeaf.basis.text);
  const now = leaf.basis === undefined ? undefined : basisFigures(leaf.basis.text);
  const words = (x: typeof then): string => (x === undefined ? "" : x.factors.map((f) => f.word).join("*"));
  if (then === undefined || now === undefined || words(then) !== words(now) || inputs.length !== then.factors.length + 1) {
    out.problems.push({ code: "sub-columns-differ", severity: "warning", cell: a1(leaf.r, cols.basis ?? leaf.labelCol), message: FILL_MSG.bookBasisForm(path, lastLeaf.basis.text, leaf.basis?.text ?? "") });
    return;
  }
  const from = origin(lastLeaf.basis.at);
  const values = [then.price, ...then.factors.map((f) => f.value)];
  const names = [{ ko: "단가", en: "unit price" }, ...then.factors.map((f) => ({ ko: f.word === "%" ? "비율" : `수량(${f.word})`, en: f.word === "%" ? "rate" : `count (${f.word})` }))];
  inputs.forEach((cell, i) => write(target, out, cell, values[i], { ko: `${path} · ${names[i].ko}`, en: `${path} · ${names[i].en}` }, from));
}

/** The lines with a 산출기초 below a line. */
function leaves(line: BookLine): BookLine[] {
  const out: BookLine[] = [];
  const walk = (l: BookLine): void => {
    if (l.basis !== undefined) out.push(l);
    l.children.forEach(walk);
  };
  line.children.forEach(walk);
  return out;
}

const origin = (at: { sheet: string; r: number; c: number }): Origin => ({ kind: "cell", sheet: at.sheet, cell: a1(at.r, at.c) });

/** One input cell written (never a formula), with its preview line; a non-empty cell is listed to confirm. */
function write(target: SheetGrid, out: FillPlan<PreviewLine>, at: { r: number; c: number }, after: number, label: { ko: string; en: string }, from: Origin): void {
  const cell = cellAt(target, at.r, at.c);
  const ref = a1(at.r, at.c);
  if (cell?.f !== undefined) {
    out.problems.push({ code: "extra-cells", severity: "warning", cell: ref, message: FILL_MSG.bookFormula(ref) });
    return;
  }
  const before: Scalar | undefined = cell?.v ?? undefined;
  const changed = before !== after;
  out.preview.push({ cell: ref, r: at.r, c: at.c, label, before, after, changed, origin: from });
  if (!changed) return;
  out.plan.cells.push({ r: at.r, c: at.c, value: after });
  if (before !== undefined && before !== null && before !== "") out.overwrites.push(ref);
}
