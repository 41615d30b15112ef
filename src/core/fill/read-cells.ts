// Reads a funding table out of a grid of text cells: a tab-separated paste or a CSV file, each cell with its origin.
// The shape is the seeds' (and every district's): optional header rows ("재원별 | 합계 | 연차별 소요재원"), a year row
// ("2020년 | 2021년 …"), optionally a row of sub-columns under each year ("확보액 | 집행액"), then the 계 row and one
// row per source. Merged header cells arrive as text in the first cell and blanks after it, which is how a year
// spanning two sub-columns is recognised. Years down and sources across is read by reading the transposed grid.
import { classifyCleaned } from "../layout/labels";
import { findUnitLabel } from "../numbers/unit-label";
import type { LabelClass } from "../layout/labels";
import type { Unit } from "../numbers/units";
import { asRowLabel, InputAssembly, rowLabel } from "./assemble";
import { FILL_MSG, where } from "./messages";
import type { FillProblem, FundingColumn, FundingParse, FundingValue, Origin } from "./types";
import { readUnnamedYear, unitLine, type AmountRow, type UnitLine } from "./unnamed-year";
import { amountish } from "./values";

export interface TextCell {
  text: string;
  origin: Origin;
  /** The row of the grid as built (before any transposition): where the unit label search looks. */
  row: number;
}

/** Rows of cells, every row padded to the same width by the builder (padding cells are "" with an origin). */
export type CellGrid = TextCell[][];

const cls = (text: string): LabelClass | undefined => (text.trim() === "" ? undefined : classifyCleaned(text));

const isBlank = (row: TextCell[]): boolean => row.every((c) => c.text.trim() === "");
const labelKind = (text: string): "source" | "total" | undefined => {
  const k = cls(text)?.kind;
  return k === "source" || k === "total" ? k : undefined;
};

/** A row of the table's body: a source or total label and at least one amount after it. */
function isDataRow(row: TextCell[], firstValueCol: number): boolean {
  const labelAt = row.findIndex((c, i) => i < firstValueCol && labelKind(c.text) !== undefined);
  return labelAt >= 0 && row.some((c, i) => i > labelAt && amountish(c.text, true));
}

function isYearRow(row: TextCell[]): boolean {
  // "국비⇥2021" is a row of one year's amounts whose figure looks like a year (Excel copies 2,021 as 2021): a row
  // led by a source or 계 label is never the year header.
  const first = row.find((c) => c.text.trim() !== "");
  if (first !== undefined && labelKind(first.text) !== undefined) return false;
  return row.some((c) => cls(c.text)?.kind === "year") && !row.some((c) => amountish(c.text));
}

function firstYearCol(row: TextCell[]): number {
  return row.findIndex((c) => cls(c.text)?.kind === "year");
}

interface Layout {
  yearRow: number;
  subRow?: number;
  headerRows: number[];
  /** The header rows, the year row and the sub row: every row of the table above its body. */
  headerLines: number[];
  /** Value columns in order: grid column, year, sub index, sub label. */
  cols: { c: number; year: number; sub: number; label?: string }[];
  /** 합계 columns: grid column per sub index. */
  totalCols: number[];
  remarkCols: Set<number>;
  firstValueCol: number;
  width: number;
}

/** The first year row followed (within three rows) by a source or total row. */
function findYearRow(grid: CellGrid, from: number): number | undefined {
  for (let r = from; r < grid.length; r++) {
    if (!isYearRow(grid[r])) continue;
    const first = firstYearCol(grid[r]);
    for (let k = r + 1; k <= Math.min(r + 3, grid.length - 1); k++) {
      if (isDataRow(grid[k], first)) return r;
    }
  }
  return undefined;
}

function layoutAt(grid: CellGrid, yearRow: number): Layout {
  const yr = grid[yearRow];
  const width = yr.length;
  const headerRows: number[] = [];
  for (let r = yearRow - 1; r >= 0 && headerRows.length < 3; r--) {
    const row = grid[r];
    if (isBlank(row) || row.some((c) => amountish(c.text)) || row.filter((c) => c.text.trim() !== "").length < 2) break;
    headerRows.unshift(r);
  }
  const firstYear = firstYearCol(yr);
  const next = grid[yearRow + 1];
  const subRow =
    next !== undefined && !isBlank(next) && !next.some((c) => amountish(c.text)) && !isDataRow(next, firstYear) && next.some((c, i) => i >= firstYear && c.text.trim() !== "")
      ? yearRow + 1
      : undefined;
  const headerLines = [...headerRows, yearRow, ...(subRow === undefined ? [] : [subRow])];
  const remarkCols = new Set<number>();
  for (const r of headerLines) grid[r].forEach((c, i) => { if (cls(c.text)?.kind === "remark") remarkCols.add(i); });
  const subText = (c: number): string => (subRow === undefined ? "" : grid[subRow][c].text.trim());
  // A column continues the labelled cell to its left when it is blank on every header row down to the sub row.
  const continues = (c: number): boolean =>
    subRow !== undefined && subText(c) !== "" && !remarkCols.has(c) && [...headerRows, yearRow].every((r) => grid[r][c].text.trim() === "");

  const cols: Layout["cols"] = [];
  yr.forEach((cell, c) => {
    const k = cls(cell.text);
    if (k?.kind !== "year") return;
    let sub = 0;
    const push = (col: number): void => {
      const label = subText(col);
      cols.push(label === "" ? { c: col, year: k.year, sub } : { c: col, year: k.year, sub, label });
      sub++;
    };
    push(c);
    for (let d = c + 1; d < width && continues(d); d++) push(d);
  });

  // 합계: a total label on a header row or the year row, left of the years (or anywhere not a year column).
  const totalCols: number[] = [];
  const yearColSet = new Set(cols.map((x) => x.c));
  outer: for (const r of [...headerRows, yearRow]) {
    for (let c = 0; c < width; c++) {
      if (yearColSet.has(c) || cls(grid[r][c].text)?.kind !== "total") continue;
      totalCols.push(c);
      for (let d = c + 1; d < width && !yearColSet.has(d) && continues(d); d++) totalCols.push(d);
      break outer;
    }
  }
  const firstValueCol = [...cols.map((x) => x.c), ...totalCols].reduce((m, c) => Math.min(m, c), Infinity);
  let used = 0;
  for (const r of headerLines) grid[r].forEach((c, i) => { if (c.text.trim() !== "" && i + 1 > used) used = i + 1; });
  return { yearRow, subRow, headerRows, headerLines, cols, totalCols, remarkCols, firstValueCol, width: cols.reduce((w, x) => Math.max(w, x.c + 1), used) };
}

function lastFilled(row: TextCell[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (row[i].text.trim() !== "") return i;
  return -1;
}

function findUnit(grid: CellGrid, headerLines: number[], tableRows: number[], problems: FillProblem[]): Unit | undefined {
  const found: { unit: Unit; origin: Origin }[] = [];
  const look = (cells: Iterable<TextCell>): void => {
    for (const c of cells) {
      const u = findUnitLabel(c.text);
      if (u !== undefined) found.push({ unit: u, origin: c.origin });
    }
  };
  // The table's own header cells first ("예산(천원)"), then the nearest unit line above the table ("(단위 : 천원)").
  for (const r of headerLines) look(grid[r]);
  // Rows as built, not as (possibly) transposed: "above the table" is above in the pasted text.
  const byRow = new Map<number, TextCell[]>();
  for (const row of grid) {
    for (const c of row) {
      const list = byRow.get(c.row);
      if (list === undefined) byRow.set(c.row, [c]);
      else list.push(c);
    }
  }
  // Loops, not spreads: a paste of tens of thousands of rows would overflow the stack as arguments.
  let top = Infinity;
  for (const r of tableRows) for (const c of grid[r]) if (c.row < top) top = c.row;
  const inHeader = found.length;
  for (let r = top - 1; r >= top - 4 && found.length === inHeader; r--) look(byRow.get(r) ?? []);
  if (found.length === 0) return undefined;
  const other = found.find((f) => f.unit !== found[0].unit);
  if (other !== undefined) problems.push({ code: "unit-conflict", severity: "warning", origin: other.origin, message: FILL_MSG.unitConflict(where(other.origin), found[0].unit, other.unit) });
  return found[0].unit;
}

/** Reads the first funding table of the grid; undefined when there is none in this orientation. */
function readOriented(grid: CellGrid): FundingParse | undefined {
  const yearRow = findYearRow(grid, 0);
  if (yearRow === undefined) return undefined;
  const L = layoutAt(grid, yearRow);
  const assembly = new InputAssembly();
  const columns: FundingColumn[] = L.cols.map((x) => (x.label === undefined ? { year: x.year, sub: x.sub } : { year: x.year, sub: x.sub, label: x.label }));
  const tableRows = [...L.headerLines];

  let r = (L.subRow ?? yearRow) + 1;
  for (; r < grid.length; r++) {
    const row = grid[r];
    if (isBlank(row)) {
      // One blank line may sit inside a pasted table; a second one, or a non-table row after it, ends it.
      if (r + 1 < grid.length && isDataRow(grid[r + 1], L.firstValueCol)) continue;
      break;
    }
    const hasAmount = row.some((c, i) => i >= L.firstValueCol && !L.remarkCols.has(i) && amountish(c.text, true));
    // A source row left wholly blank ("도비" and nothing else) is still a row of the table.
    if (!hasAmount && !row.slice(0, L.firstValueCol).some((c) => labelKind(c.text) !== undefined)) break;
    tableRows.push(r);
    const labels = row.slice(0, L.firstValueCol).filter((c) => c.text.trim() !== "");
    const labelCell = [...labels].reverse().find((c) => labelKind(c.text) !== undefined);
    const labelText = labels.map((c) => c.text.trim()).join(" ");
    const rowOrigin = (labelCell ?? labels[0] ?? row[0]).origin;
    const last = lastFilled(row);
    if (last >= L.width && !L.remarkCols.has(last)) {
      assembly.problems.push({ code: "extra-cells", severity: "error", origin: row[last].origin, message: FILL_MSG.extraCells(where(row[0].origin), labelText, last + 1, L.width) });
      continue;
    }
    const label = labelCell === undefined ? undefined : asRowLabel(cls(labelCell.text));
    if (label === undefined) {
      assembly.unknownSource(rowOrigin, labelText);
      continue;
    }
    const read = (c: number): FundingValue => assembly.value(row[c].text, row[c].origin);
    assembly.add(label, { label: labelCell?.text.trim() ?? labelText, origin: rowOrigin, values: L.cols.map((x) => read(x.c)), totals: L.totalCols.map((c) => read(c)) });
  }
  if (findYearRow(grid, r) !== undefined) {
    const o = grid[r]?.[0]?.origin ?? grid[grid.length - 1][0].origin;
    assembly.problems.push({ code: "more-tables", severity: "info", origin: o, message: FILL_MSG.moreTables(where(o)) });
  }
  const unit = findUnit(grid, L.headerLines, tableRows, assembly.problems);
  return assembly.finish({ ...(unit === undefined ? {} : { unit }), columns });
}

function transpose(grid: CellGrid): CellGrid {
  const width = Math.max(0, ...grid.map((r) => r.length));
  const out: CellGrid = [];
  for (let c = 0; c < width; c++) out.push(grid.map((row) => row[c]));
  return out;
}

/**
 * Sources with one amount each and nothing else but a unit line above them: one year's amounts, the year not
 * named. Undefined when any row is something else (a year, a second amount, a word that is no source).
 */
function readUnnamedYearCells(grid: CellGrid): FundingParse | undefined {
  const rows: AmountRow[] = [];
  const units: UnitLine[] = [];
  for (const row of grid) {
    const filled = row.filter((c) => c.text.trim() !== "");
    if (filled.length === 0) continue;
    const unit = filled.length === 1 && rows.length === 0 ? unitLine(filled[0].text) : undefined;
    if (unit !== undefined) {
      units.push({ unit, origin: filled[0].origin });
      continue;
    }
    const [labelCell, amount] = filled;
    const label = rowLabel(labelCell.text);
    if (label === undefined || filled.length > 2 || (amount !== undefined && !amountish(amount.text, true))) return undefined;
    // A label alone: its amount cell is blank (the cell after it, as copied).
    const cell = amount ?? row[row.indexOf(labelCell) + 1] ?? labelCell;
    rows.push({ label, text: labelCell.text.trim(), origin: labelCell.origin, amount: { text: amount?.text ?? "", origin: cell.origin } });
  }
  return readUnnamedYear(rows, units);
}

/** Reads a funding table from a grid of cells: years across, or (failing that) years down, or one unnamed year. */
export function readFundingCells(grid: CellGrid): FundingParse {
  const across = readOriented(grid);
  if (across !== undefined) return across;
  const down = readOriented(transpose(grid));
  if (down !== undefined) return { input: { ...down.input, transposed: true }, problems: down.problems };
  const unnamed = readUnnamedYearCells(grid);
  if (unnamed !== undefined) return unnamed;
  return { input: { years: [], columns: [], rows: [] }, problems: [{ code: "no-table", severity: "error", message: FILL_MSG.noTable() }] };
}
