import { gridFromRows, parseA1, type Range, type Scalar, type SheetGrid, type Cell } from "../../src/core/cells/grid";
import { checkSheet } from "../../src/core/check-workbook";
import type { Finding } from "../../src/core/findings/findings";

/** "A1:B2" → Range */
export function range(a1: string): Range {
  const [s, e = s] = a1.split(":");
  const p = parseA1(s);
  const q = parseA1(e);
  if (p === undefined || q === undefined) throw new Error(a1);
  return { r0: p.r, c0: p.c, r1: q.r, c1: q.c };
}

export function sheet(rows: Scalar[][], merges: string[] = [], name = "시트1"): SheetGrid {
  return gridFromRows(name, rows, merges.map(range));
}

/** Puts a formula (with or without a cached value) into a cell of a grid. */
export function setFormula(g: SheetGrid, ref: string, f: string, v: number | undefined): void {
  const p = parseA1(ref);
  if (p === undefined) throw new Error(ref);
  const row = (g.cells[p.r] ??= []);
  const cell: Cell = { v, f };
  row[p.c] = cell;
}

export function brief(fs: Finding[]): string[] {
  return fs.map((f) => `${f.rule} ${f.cell}${f.expected !== undefined ? ` ${f.actual}→${f.expected}` : ""}`);
}

export function run(g: SheetGrid, planYear = 2021) {
  return checkSheet(g, { planYear });
}

/** The seeds' standard funding table under its headline; rows are [label, 합계, ...years]. */
export function fundingSheet(headline: string, years: string[], body: Scalar[][], unitLine = "(단위 : 천원)"): SheetGrid {
  const width = 2 + years.length;
  const unitRow: Scalar[] = Array(width).fill(null);
  unitRow[width - 1] = unitLine;
  const h1: Scalar[] = ["재원별", "합계", "연차별 소요재원", ...Array(years.length - 1).fill(null)];
  const h2: Scalar[] = [null, null, ...years];
  const last = String.fromCharCode(65 + width - 1);
  return sheet([[headline], [], unitRow, h1, h2, ...body], ["A4:A5", "B4:B5", `C4:${last}4`]);
}
