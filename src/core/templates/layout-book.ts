// Lays a book template (book-schema.ts) out as a page of the budget book, the way e호조 prints the 세출예산서
// 사업명세서 and the book reader (src/core/book/page.ts) finds it by its labels: the unit label, the header row
// 부서 · 정책사업 · 단위사업 · 세부사업 · 편성목 · 산출내역 · 산출기초 · 예산액 · 전년도예산액 · 비교증감, then the lines
// 부서 › 정책사업 › 단위사업 › 세부사업 (each with its 재원 lines), 편성목, 통계목, 본예산, ◎ items and ○ sub-items.
//
// Every figure of the page is a formula over the yellow input cells to its right (재원 금액, 단가, 수량·비율):
//   - a leaf's 산출기초 is text made of them ("82,560원*1명*249일", as the book writes it), and its 예산액 is their
//     product in 천원 rounded up (ROUNDUP(단가*수량…/1000,0): the rounding the books Yesan was built on follow);
//   - each line above sums the lines below it, 전년도예산액 is typed on the 본예산 line and summed upwards, and
//     비교증감 = 예산액 − 전년도예산액 on every line that has both;
//   - the 재원 lines read "국   10,000" from their input, the last 재원 taking what the others leave of the
//     세부사업's amount; the levels above show the 세부사업's.
// So the checker finds nothing on a fresh page and keeps finding nothing as the officer types figures.
//
// The page is laid out from A1 of a sheet of its own: the book reader reads a sheet with the book's header as a
// page of the book, all of it.
import { a1, type Range } from "../cells/grid";
import { emptyPlan, type SheetPlan } from "../cells/sheet-plan";
import type { BookFactor, BookLeaf } from "./book-schema";
import { amountOf, basisText, COUNT_FORMAT, factorCell, RATE_DIGITS, RATE_FORMAT } from "./book-amounts";
import { LAYOUT_TEXT } from "./layout-text";
import { AMOUNT_FORMAT, defaultSheetName, HEAD, tableName, Writer, type Style } from "./layout-writer";
import type { BookTemplate } from "./schema";

export interface BookLayoutOptions {
  /** The budget year; default the template's fiscal year. */
  year?: number;
  /** Worksheet name; default `defaultSheetName(template, year)`. */
  sheet?: string;
  /** "defaults" (default): the template's figures in the input cells; "empty": input cells left blank. */
  amounts?: "defaults" | "empty";
}

/** Where the page's parts are (0-based rows). */
export interface BookCells {
  name: string;
  range: Range;
  headerRow: number;
  /** The 세부사업's line, and its 재원 lines with their input cells. */
  programRow: number;
  sourceRows: { key: string; r: number }[];
  /** Each leaf: its row, 산출기초 and amount as laid out. */
  leaves: { r: number; label: string; basis: string; amount: number }[];
  /** The 세부사업's 예산액 as laid out. */
  total: number;
}

export interface BookLayout {
  plan: SheetPlan;
  year: number;
  book: BookCells;
}

/** Columns of the page (0-based), and of the input cells beside it. */
export const BOOK_COL = { levels: [0, 1, 2, 3, 4], item: 5, basis: 6, amount: 7, previous: 8, change: 9, source: 11, price: 12, factors: 13 } as const;
const MAX_FACTORS = 4;
const CHANGE_FORMAT = '#,##0;"△"#,##0';

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
/** Text parts joined by &, neighbouring literals as one. */
const concat = (parts: (string | { literal: string })[]): string => {
  const out: string[] = [];
  let pending: string | undefined;
  for (const p of parts) {
    if (typeof p !== "string") pending = (pending ?? "") + p.literal;
    else {
      if (pending !== undefined) out.push(quote(pending));
      pending = undefined;
      out.push(p);
    }
  }
  if (pending !== undefined) out.push(quote(pending));
  return out.join("&");
};

/** A sum over cells of one column: SUM over a run, + between scattered ones. */
const sumOf = (rows: number[], c: number): string => {
  if (rows.length === 0) return "0";
  const run = rows.every((r, i) => i === 0 || r === rows[i - 1] + 1);
  return run ? `SUM(${a1(rows[0], c)}:${a1(rows[rows.length - 1], c)})` : rows.map((r) => a1(r, c)).join("+");
};

export function layoutBookTemplate(template: BookTemplate, options: BookLayoutOptions = {}): BookLayout {
  const year = options.year ?? template.fiscalYear;
  const withDefaults = (options.amounts ?? "defaults") === "defaults";
  const book = template.book;
  const plan = emptyPlan(options.sheet ?? defaultSheetName(template, year));
  const w = new Writer(plan, 0);
  const C = BOOK_COL;

  w.text(0, 0, LAYOUT_TEXT.bookTitle(year), { bold: true });
  w.text(1, C.change, LAYOUT_TEXT.bookUnit, { horizontalAlignment: "Right" });
  const headerRow = 2;
  LAYOUT_TEXT.bookHeaders.forEach((h, c) => w.text(headerRow, c, h, HEAD));
  w.text(headerRow, C.source, LAYOUT_TEXT.bookSourceInput, HEAD);
  w.text(headerRow, C.price, LAYOUT_TEXT.bookPriceInput, HEAD);
  for (let i = 0; i < MAX_FACTORS; i++) w.text(headerRow, C.factors + i, LAYOUT_TEXT.bookFactorInput(i + 1), HEAD);

  // Rows first: 부서, 정책사업, 단위사업, 세부사업 each followed by its 재원 lines, then the 세부사업's 편성목.
  const n = book.sources.length;
  const levelRow = (k: number): number => headerRow + 1 + k * (n + 1);
  const programRow = levelRow(3);
  let r = levelRow(4);
  const leaves: BookCells["leaves"] = [];

  // A leaf: 산출기초 text and 예산액 from its input cells.
  const leaf = (row: number, mark: string, item: BookLeaf): number => {
    const factors = (item.factors ?? []).slice(0, MAX_FACTORS);
    const price = withDefaults ? item.price : undefined;
    w.text(row, C.item, `${mark}${item.label}`);
    w.input(row, C.price, price);
    factors.forEach((f, i) => w.input(row, C.factors + i, withDefaults ? factorValue(f) : undefined, f.unit === "%" ? RATE_FORMAT : COUNT_FORMAT));
    const cells = factors.map((f, i) => ({ unit: f.unit, cell: withDefaults ? factorCell(f) : 0, ref: a1(row, C.factors + i) }));
    const priceRef = a1(row, C.price);
    // "82,560원*1명*249일" from the inputs: TEXT of each figure, the words between them as literals.
    const parts: (string | { literal: string })[] = [`TEXT(${priceRef},${quote(COUNT_FORMAT)})`, { literal: "원" }];
    for (const f of cells) parts.push({ literal: "*" }, `TEXT(${f.ref},${quote(f.unit === "%" ? RATE_FORMAT : COUNT_FORMAT)})`, ...(f.unit === "%" ? [] : [{ literal: f.unit }]));
    const textFormula = concat(parts);
    const text = basisText(price ?? 0, cells);
    const amount = amountOf(text);
    w.computed(row, C.basis, textFormula, text);
    // A rate counts as the cell shows it (0.0##%), so that the product is the one the 산출기초 text states.
    const product = [priceRef, ...cells.map((f) => (f.unit === "%" ? `ROUND(${f.ref},${RATE_DIGITS})` : f.ref))].join("*");
    w.computed(row, C.amount, `ROUNDUP(${product}/1000,0)`, amount, { numberFormat: AMOUNT_FORMAT });
    rules(w, row, factors);
    leaves.push({ r: row, label: `${mark}${item.label}`, basis: text, amount });
    return amount;
  };

  // A line that sums lines below it: its 예산액 and 전년도예산액 over theirs, and 비교증감.
  const sumLine = (row: number, c: number, label: string, parts: { r: number; amount: number; previous: number }[], style: Style = {}): { amount: number; previous: number } => {
    const amount = parts.reduce((t, p) => t + p.amount, 0);
    const previous = parts.reduce((t, p) => t + p.previous, 0);
    const rows = parts.map((p) => p.r);
    w.text(row, c, label, style);
    w.computed(row, C.amount, sumOf(rows, C.amount), amount, { numberFormat: AMOUNT_FORMAT, ...style });
    w.computed(row, C.previous, sumOf(rows, C.previous), previous, { numberFormat: AMOUNT_FORMAT, ...style });
    w.computed(row, C.change, `${a1(row, C.amount)}-${a1(row, C.previous)}`, amount - previous, { numberFormat: CHANGE_FORMAT, ...style });
    return { amount, previous };
  };

  const objects: { r: number; amount: number; previous: number }[] = [];
  for (const o of book.objects) {
    const objectRow = r++;
    const stats: { r: number; amount: number; previous: number }[] = [];
    for (const s of o.stats) {
      const statRow = r++;
      const versionRow = r++;
      const items: { r: number; amount: number }[] = [];
      for (const item of s.items) {
        const itemRow = r++;
        if (item.subs === undefined) {
          items.push({ r: itemRow, amount: leaf(itemRow, "◎", item) });
          continue;
        }
        const subs = item.subs.map((sub) => {
          const subRow = r++;
          return { r: subRow, amount: leaf(subRow, "○", sub) };
        });
        const amount = subs.reduce((t, x) => t + x.amount, 0);
        w.text(itemRow, C.item, `◎${item.label}`);
        w.computed(itemRow, C.amount, sumOf(subs.map((x) => x.r), C.amount), amount, { numberFormat: AMOUNT_FORMAT });
        items.push({ r: itemRow, amount });
      }
      // 본예산: the items' sum, with 전년도예산액 typed (a 신규 program's is 0).
      const amount = items.reduce((t, x) => t + x.amount, 0);
      const previousDefault = withDefaults ? (s.previous ?? (template.kind === "신규" ? 0 : undefined)) : undefined;
      const previous = previousDefault ?? 0;
      w.text(versionRow, C.item, LAYOUT_TEXT.bookVersion);
      w.computed(versionRow, C.amount, sumOf(items.map((x) => x.r), C.amount), amount, { numberFormat: AMOUNT_FORMAT });
      w.input(versionRow, C.previous, previousDefault);
      w.validation({ r0: versionRow, c0: C.previous, r1: versionRow, c1: C.previous }, "천원");
      w.computed(versionRow, C.change, `${a1(versionRow, C.amount)}-${a1(versionRow, C.previous)}`, amount - previous, { numberFormat: CHANGE_FORMAT });
      // The 통계목 line shows its 본예산's figures.
      w.text(statRow, C.item, s.label, { bold: true });
      w.computed(statRow, C.amount, a1(versionRow, C.amount), amount, { numberFormat: AMOUNT_FORMAT, bold: true });
      w.computed(statRow, C.previous, a1(versionRow, C.previous), previous, { numberFormat: AMOUNT_FORMAT, bold: true });
      w.computed(statRow, C.change, `${a1(statRow, C.amount)}-${a1(statRow, C.previous)}`, amount - previous, { numberFormat: CHANGE_FORMAT, bold: true });
      stats.push({ r: statRow, amount, previous });
    }
    const sums = sumLine(objectRow, C.levels[4], o.label, stats, { bold: true });
    objects.push({ r: objectRow, ...sums });
  }
  const lastRow = r - 1;

  // 세부사업 and its 재원: typed, the last one the remainder.
  const program = sumLine(programRow, C.levels[3], template.program, objects, { bold: true });
  const sourceRows: { key: string; r: number }[] = [];
  const values: number[] = [];
  book.sources.forEach((s, i) => {
    const row = programRow + 1 + i;
    const key = LAYOUT_TEXT.bookSourceNames[s.source];
    sourceRows.push({ key, r: row });
    if (i < n - 1) {
      const v = withDefaults ? s.amount : undefined;
      w.input(row, C.source, v);
      w.validation({ r0: row, c0: C.source, r1: row, c1: C.source }, "천원");
      values.push(v ?? 0);
    } else {
      const value = program.amount - values.reduce((t, v) => t + v, 0);
      const others = n === 1 ? "" : `-SUM(${a1(programRow + 1, C.source)}:${a1(row - 1, C.source)})`;
      w.computed(row, C.source, `${a1(programRow, C.amount)}${others}`, value, { numberFormat: AMOUNT_FORMAT });
      values.push(value);
    }
    sourceLine(w, row, key, values[i]);
  });

  // 단위사업, 정책사업, 부서: this page's 세부사업 is all they hold here.
  const labels = [template.department, book.policy, book.unitProgram];
  for (let k = 2; k >= 0; k--) {
    const row = levelRow(k);
    const below = levelRow(k + 1);
    sumLine(row, C.levels[k], labels[k], [{ r: below, ...program }], { bold: true });
    sourceRows.forEach((s, i) => {
      const own = row + 1 + i;
      w.computed(own, C.source, a1(below + 1 + i, C.source), values[i], { numberFormat: AMOUNT_FORMAT });
      sourceLine(w, own, s.key, values[i]);
    });
  }

  const range = { r0: headerRow, c0: 0, r1: lastRow, c1: C.change };
  const name = tableName(template.id, year, "book");
  plan.names.push({ name, range, comment: LAYOUT_TEXT.bookComment(template.program, year) });
  const widths: [number, number][] = [[0, 12], [1, 16], [2, 16], [3, 18], [4, 16], [5, 32], [6, 28], [7, 12], [8, 12], [9, 12], [10, 2], [11, 14], [12, 12]];
  for (const [c, width] of widths) w.column(c, width);
  for (let i = 0; i < MAX_FACTORS; i++) w.column(C.factors + i, 10);
  w.widths();
  return { plan, year, book: { name, range, headerRow, programRow, sourceRows, leaves, total: program.amount } };
}

/** "국   10,000": the 재원 line in the amount column, live over its input cell. */
function sourceLine(w: Writer, row: number, key: string, value: number): void {
  const lead = `${key}   `;
  w.computed(row, BOOK_COL.amount, `${quote(lead)}&TEXT(${a1(row, BOOK_COL.source)},${quote(COUNT_FORMAT)})`, `${lead}${value.toLocaleString("en-US")}`, { horizontalAlignment: "Right" });
}

/** The default a factor's input cell holds: a count, or the rate as a fraction (11.6% is 0.116). */
const factorValue = (f: BookFactor): number | undefined => (f.value === undefined ? undefined : factorCell(f));

/** Validation of a leaf's inputs: 단가 and counts whole numbers, rates between 0 and 1000%. */
function rules(w: Writer, row: number, factors: BookFactor[]): void {
  const at = (c: number): Range => ({ r0: row, c0: c, r1: row, c1: c });
  w.rule(at(BOOK_COL.price), { kind: "wholeNumber", min: 0 }, LAYOUT_TEXT.priceTitle, LAYOUT_TEXT.priceMessage);
  factors.forEach((f, i) => {
    if (f.unit === "%") w.rule(at(BOOK_COL.factors + i), { kind: "decimal", min: 0, max: 10 }, LAYOUT_TEXT.rateTitle, LAYOUT_TEXT.rateMessage);
    else w.rule(at(BOOK_COL.factors + i), { kind: "wholeNumber", min: 0 }, LAYOUT_TEXT.countTitle, LAYOUT_TEXT.countMessage);
  });
}
