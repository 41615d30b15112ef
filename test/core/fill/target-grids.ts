// Target sheets for the fill tests: a funding table laid out as the seeds print it, its 계 row and 합계 column
// SUM formulas without cached values (as in a file a tool wrote), and a way to apply a plan to a grid.
import { columnName, gridFromRows, type Range, type Scalar, type SheetGrid } from "../../../src/core/cells/grid";
import type { SheetPlan } from "../../../src/core/cells/sheet-plan";

export interface FundingGrid {
  grid: SheetGrid;
  range: Range;
  totalRow: number;
  sourceRow0: number;
  totalCol: number;
  yearCol0: number;
}

/** values[i][j]: source i, year j (null: blank). */
export function fundingGrid(opts: { years: number[]; sources: string[]; unit: string; values?: Scalar[][]; top?: number; name?: string }): FundingGrid {
  const top = opts.top ?? 0;
  const width = 2 + opts.years.length;
  const last = columnName(width - 1);
  const rows: Scalar[][] = Array.from({ length: top }, () => []);
  rows.push([`□ ${opts.years[1] ?? opts.years[0]}년 소요예산`], []);
  rows.push([...Array<Scalar>(width - 1).fill(null), `(단위 : ${opts.unit})`]);
  rows.push(["재원별", "합계", "연차별 소요재원", ...Array<Scalar>(opts.years.length - 1).fill(null)]);
  rows.push([null, null, ...opts.years.map((y) => `${y}년`)]);
  const headerRow = top + 3;
  const totalRow = top + 5;
  const sourceRow0 = totalRow + 1;
  const lastRow = sourceRow0 + opts.sources.length - 1;
  rows.push(["계"]);
  opts.sources.forEach((s, i) => rows.push([s, null, ...(opts.values?.[i] ?? opts.years.map(() => null))]));
  const grid = gridFromRows(opts.name ?? "2022", rows, [
    { r0: headerRow, c0: 0, r1: headerRow + 1, c1: 0 },
    { r0: headerRow, c0: 1, r1: headerRow + 1, c1: 1 },
    { r0: headerRow, c0: 2, r1: headerRow, c1: width - 1 },
  ]);
  const put = (r: number, c: number, f: string): void => {
    const row = (grid.cells[r] ??= []);
    row[c] = { v: undefined, f };
  };
  for (let c = 1; c < width; c++) put(totalRow, c, `SUM(${columnName(c)}${sourceRow0 + 1}:${columnName(c)}${lastRow + 1})`);
  for (let r = sourceRow0; r <= lastRow; r++) put(r, 1, `SUM(C${r + 1}:${last}${r + 1})`);
  return { grid, range: { r0: headerRow, c0: 0, r1: lastRow, c1: width - 1 }, totalRow, sourceRow0, totalCol: 1, yearCol0: 2 };
}

/**
 * A small table with years down (2021년 on row 3, 2022년 on row 4) and sources across (국비 C, 구비 D), in 천원; its
 * 계 column and 계 row are SUM formulas without cached values.
 */
export function yearsDownGrid(): SheetGrid {
  const grid = gridFromRows("전치", [
    ["(단위 : 천원)"],
    ["연도", "계", "국비", "구비"],
    ["2021년", null, null, null],
    ["2022년", null, null, null],
    ["계", null, null, null],
  ]);
  for (const r of [2, 3]) grid.cells[r][1] = { v: undefined, f: `SUM(C${r + 1}:D${r + 1})` };
  for (const c of ["B", "C", "D"]) grid.cells[4][c.charCodeAt(0) - 65] = { v: undefined, f: `SUM(${c}3:${c}4)` };
  return grid;
}

/** The grid after writing the plan's values (as the port's writePlan would). */
export function applyPlan(grid: SheetGrid, plan: SheetPlan): SheetGrid {
  const cells = grid.cells.map((row) => (row === undefined ? row : row.map((c) => (c === undefined ? c : { ...c }))));
  for (const x of plan.cells) {
    const row = (cells[x.r] ??= []);
    row[x.c] = x.formula !== undefined ? { v: undefined, f: x.formula } : { v: x.value ?? null, ...(x.numberFormat !== undefined ? { z: x.numberFormat } : {}) };
  }
  return { name: grid.name, cells, merges: grid.merges.map((m) => ({ ...m })) };
}
