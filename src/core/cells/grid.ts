// A workbook as the engine sees it: plain data, whatever it came from (Office.js, exceljs, a test).
// Row and column indexes are 0-based everywhere in the core; A1 text is only made for output.

export type Scalar = number | string | boolean | null;

export interface Cell {
  /** The value Excel shows (the cached result for a formula). `undefined`: a formula with no cached result. */
  v: Scalar | undefined;
  /** The formula without its leading "=", when the cell has one. */
  f?: string;
  /** The number format, when it is not "General". */
  z?: string;
}

/** A rectangle of cells, inclusive on both ends. */
export interface Range {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface SheetGrid {
  name: string;
  /** cells[row][col]; rows and cells may be missing (sparse) where the sheet is empty. */
  cells: (Cell | undefined)[][];
  merges: Range[];
  /** What the reader set aside as Excel does when it repairs a damaged file, so that the check can say so. */
  repairs?: SheetRepair[];
}

/** A merged area the file declares that Excel would not keep: one that overlaps an earlier merge, or a bad ref. */
export type SheetRepair = { kind: "merge-overlap"; ref: string; with: string } | { kind: "merge-invalid"; ref: string };

export interface WorkbookGrid {
  sheets: SheetGrid[];
}

export function cellAt(sheet: SheetGrid, r: number, c: number): Cell | undefined {
  const row = sheet.cells[r];
  return row === undefined ? undefined : row[c];
}

export function rowCount(sheet: SheetGrid): number {
  return sheet.cells.length;
}

export function colCount(sheet: SheetGrid): number {
  let n = 0;
  for (const row of sheet.cells) if (row !== undefined && row.length > n) n = row.length;
  return n;
}

export function columnName(c: number): string {
  let s = "";
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(r: number, c: number): string {
  return columnName(c) + String(r + 1);
}

export function rangeA1(range: Range): string {
  const start = a1(range.r0, range.c0);
  const end = a1(range.r1, range.c1);
  return start === end ? start : `${start}:${end}`;
}

/** Parses "B7" or "$B$7" (no sheet prefix) into 0-based row and column. */
export function parseA1(ref: string): { r: number; c: number } | undefined {
  // A plain scan: formulas name thousands of cells per sheet, and a regular expression per reference showed.
  let i = 0;
  let end = ref.length;
  while (i < end && ref.charCodeAt(i) <= 32) i++;
  while (end > i && ref.charCodeAt(end - 1) <= 32) end--;
  if (ref.charCodeAt(i) === 36) i++;
  let c = 0;
  let letters = 0;
  for (; i < end; i++) {
    const ch = ref.charCodeAt(i) | 32;
    if (ch < 97 || ch > 122) break;
    c = c * 26 + (ch - 96);
    letters++;
  }
  if (letters === 0 || letters > 3) return undefined;
  if (ref.charCodeAt(i) === 36) i++;
  let r = 0;
  let digits = 0;
  for (; i < end; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    r = r * 10 + d;
    digits++;
  }
  if (digits === 0 || digits > 7) return undefined;
  return { r: r - 1, c: c - 1 };
}

/** "A" → 0, "AB" → 27: the 0-based column of Excel's column letters (the inverse of columnName). */
export function columnIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

/** Builds a grid from rows of plain values: handy for tests and for text pasted as a table. */
export function gridFromRows(name: string, rows: Scalar[][], merges: Range[] = []): SheetGrid {
  return {
    name,
    cells: rows.map((row) => row.map((v) => (v === null || v === "" ? undefined : { v }))),
    merges,
  };
}
