// Synthetic department workbooks for the benchmark and the tests: N programs (사업), each a
// funding table in the shape of the real documents (see the seeds: "□ 2021년 소요예산 : …천원",
// 재원별 | 합계 | 연차별 소요재원, a 계 row, sources down, years across).
//
// Everything is deterministic for a seed (own PRNG, no Math.random) so that a benchmark run and a
// failing test can be reproduced exactly. Every generated table is consistent: the checks must
// find nothing in it, and a test or the benchmark corrupts cells on purpose when it wants findings.

import { stat } from "node:fs/promises";
import ExcelJS from "exceljs";
import { a1, type Cell, type Range, type SheetGrid, type WorkbookGrid } from "../src/core/cells/grid";

export type Layout = "standard" | "transposed" | "no-total-column" | "with-remarks" | "millions";

export const LAYOUTS: readonly Layout[] = ["standard", "transposed", "no-total-column", "with-remarks", "millions"];

export interface ProgramSpec {
  name: string;
  unit: "천원" | "백만원";
  years: number[];
  sources: string[];
  /** [source][year], integers in `unit`. */
  amounts: number[][];
  layout: Layout;
  /** Totals written as SUM formulas (cached or not: GenerateOptions.formulas) rather than values. */
  formulas: boolean;
  /** How a zero source amount is written; the seeds use all three. Default "-". */
  zeroAs?: "-" | "blank" | "0";
}

export interface GenerateOptions {
  programs: number;
  /** Default 1. */
  seed?: number;
  /** Default 50. */
  programsPerSheet?: number;
  /** Default "cached": what Excel itself writes. "uncached": formulas with no stored result, as tools write them. */
  formulas?: "none" | "cached" | "uncached";
}

/** 0-based position. */
export interface Pos {
  r: number;
  c: number;
}

/** Where one program landed: what a test or the benchmark needs to check or corrupt it. */
export interface TablePlacement {
  /** Index into the programs array. */
  program: number;
  sheet: string;
  title: Pos;
  headline: Pos;
  unitLabel: Pos;
  /** Header rows through the last data row (the 합계 row when transposed). */
  table: Range;
  /** [source][year] */
  amounts: Pos[][];
  /** The 계 of each year (a row when years go across, a column when transposed). */
  yearTotals: Pos[];
  /** The 합계 of each source; absent for "no-total-column". */
  sourceTotals?: Pos[];
  /** 합계 × 계; absent for "no-total-column". */
  grandTotal?: Pos;
}

export interface ProgramBlock {
  placement: TablePlacement;
  /** Cells in the engine's own representation (v undefined: a formula with no cached result). */
  cells: { r: number; c: number; cell: Cell }[];
  merges: Range[];
}

export interface SheetPlan {
  name: string;
  blocks: ProgramBlock[];
  /** Rows used (last used row + 1). */
  rows: number;
  cols: number;
}

const SOURCES = ["국비", "시비", "구비", "민간", "기금"];
const NUM_FMT = "#,##0";
/** Blank rows between two programs on a sheet. */
const GAP = 3;

// ---------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: tiny, fast, good enough for test data, and the same on every platform. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function intIn(rnd: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rnd() * (hi - lo + 1));
}

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)];
}

// ---------------------------------------------------------------------------------------------
// Programs

const NAME_A = ["전통시장", "소상공인", "골목상권", "청년창업", "지역화폐", "사회적경제", "일자리", "중소기업", "도시재생", "상점가"];
const NAME_B = ["활성화", "경쟁력 강화", "환경개선", "역량강화", "판로개척", "시설현대화", "홍보마케팅", "안전관리"];
const NAME_C = ["지원", "지원사업", "추진", "운영", "육성"];
const REMARKS = ["국고보조 50%", "시비보조", "자체사업", "공모사업", "매칭 30%", "기금 전입"];

function pickLayout(rnd: () => number): Layout {
  // The plain layout dominates real documents; the variants are there to exercise detection.
  const x = rnd();
  if (x < 0.4) return "standard";
  if (x < 0.55) return "transposed";
  if (x < 0.7) return "no-total-column";
  if (x < 0.85) return "with-remarks";
  return "millions";
}

function generateProgram(rnd: () => number, formulas: boolean): ProgramSpec {
  const layout = pickLayout(rnd);
  const unit = layout === "millions" ? "백만원" : "천원";
  // Start 2019–2021 with 3–5 years: every program covers 2021, the year its headline reports.
  const start = intIn(rnd, 2019, 2021);
  const years = Array.from({ length: intIn(rnd, 3, 5) }, (_, i) => start + i);
  const chosen = SOURCES.filter(() => rnd() < 0.5);
  while (chosen.length === 0) chosen.push(pick(rnd, SOURCES));
  // 1–4 sources, in the documents' order (국비, 시비, 구비, 민간, 기금).
  const sources = SOURCES.filter((s) => chosen.includes(s)).slice(0, 4);
  const magnitude = unit === "천원" ? 10 ** intIn(rnd, 4, 7) : 10 ** intIn(rnd, 2, 5);
  const round = rnd() < 0.3; // many plans are in round thousands (182,000)
  const amounts = sources.map(() =>
    years.map(() => {
      if (rnd() < 0.3) return 0;
      const a = intIn(rnd, Math.max(1, Math.floor(magnitude / 20)), magnitude);
      return round && a >= 1000 ? Math.round(a / 1000) * 1000 : a;
    }),
  );
  // The headline year must have money, and every listed source must fund something.
  const y2021 = years.indexOf(2021);
  if (amounts.every((row) => row[y2021] === 0)) amounts[0][y2021] = intIn(rnd, 1, magnitude);
  for (const row of amounts)
    if (row.reduce((x, a) => x + a, 0) === 0) row[intIn(rnd, 0, years.length - 1)] = intIn(rnd, 1, magnitude);
  const zx = rnd();
  const zeroAs = zx < 0.5 ? "-" : zx < 0.8 ? "blank" : "0";
  const name = `${pick(rnd, NAME_A)} ${pick(rnd, NAME_B)} ${pick(rnd, NAME_C)}`;
  return { name, unit, years, sources, amounts, layout, formulas, zeroAs };
}

export function generatePrograms(opts: GenerateOptions): ProgramSpec[] {
  const rnd = mulberry32(opts.seed ?? 1);
  const formulas = (opts.formulas ?? "cached") !== "none";
  return Array.from({ length: opts.programs }, () => generateProgram(rnd, formulas));
}

// ---------------------------------------------------------------------------------------------
// Totals and text (exported so tests and the benchmark need not re-derive the conventions)

export function yearTotals(p: ProgramSpec): number[] {
  return p.years.map((_, y) => p.amounts.reduce((s, row) => s + row[y], 0));
}

export function sourceTotals(p: ProgramSpec): number[] {
  return p.amounts.map((row) => row.reduce((s, a) => s + a, 0));
}

/** The year the headline reports: 2021 (the seeds' budget year) when the table has it. */
export function headlineYear(p: ProgramSpec): number {
  return p.years.includes(2021) ? 2021 : p.years[0];
}

/** 320793 -> "320,793"; by hand because toLocaleString depends on the machine's locale data. */
export function formatThousands(n: number): string {
  const s = String(Math.abs(Math.trunc(n)));
  const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return n < 0 ? "-" + grouped : grouped;
}

/** "□ 2021년 소요예산 : 320,793천원" */
export function headlineText(p: ProgramSpec): string {
  const year = headlineYear(p);
  const total = yearTotals(p)[p.years.indexOf(year)];
  return `□ ${year}년 소요예산 : ${formatThousands(total)}${p.unit}`;
}

// ---------------------------------------------------------------------------------------------
// Layout: where each cell of a program goes

function sumFormula(r0: number, c0: number, r1: number, c1: number): string {
  return `SUM(${a1(r0, c0)}:${a1(r1, c1)})`;
}

/** Lays out program `index` with its title at row `top`. */
export function layoutProgram(p: ProgramSpec, index: number, sheet: string, top: number, cached = true): ProgramBlock {
  const cells: ProgramBlock["cells"] = [];
  const merges: Range[] = [];
  const put = (r: number, c: number, cell: Cell): void => {
    cells.push({ r, c, cell });
  };
  const amountCell = (a: number): Cell | undefined => {
    if (a !== 0) return { v: a, z: NUM_FMT };
    const zeroAs = p.zeroAs ?? "-";
    if (zeroAs === "blank") return undefined;
    return zeroAs === "-" ? { v: "-", z: NUM_FMT } : { v: 0, z: NUM_FMT };
  };
  // A total: a SUM over `range` (cached result or none), or the plain value.
  const total = (value: number, range: [number, number, number, number]): Cell =>
    p.formulas ? { v: cached ? value : undefined, f: sumFormula(...range), z: NUM_FMT } : { v: value, z: NUM_FMT };

  const nY = p.years.length;
  const nS = p.sources.length;
  const yTot = yearTotals(p);
  const sTot = sourceTotals(p);
  const grand = yTot.reduce((s, a) => s + a, 0);
  const title = { r: top, c: 0 };
  const headline = { r: top + 1, c: 0 };
  put(title.r, title.c, { v: `○ ${p.name}` });
  put(headline.r, headline.c, { v: headlineText(p) });
  const unitText = `(단위 : ${p.unit})`;

  const amounts: Pos[][] = [];
  const yearTotalPos: Pos[] = [];
  let sourceTotalPos: Pos[] | undefined;
  let grandPos: Pos | undefined;
  let table: Range;
  let unitLabel: Pos;

  if (p.layout === "transposed") {
    // 연도 | 계 | 국비 | 시비 … ; one row per year, 합계 at the bottom.
    const hdr = top + 3;
    const first = hdr + 1;
    const last = first + nY - 1;
    const sumRow = last + 1;
    const lastCol = 1 + nS;
    unitLabel = { r: top + 2, c: lastCol };
    put(hdr, 0, { v: "연도" });
    put(hdr, 1, { v: "계" });
    p.sources.forEach((s, i) => put(hdr, 2 + i, { v: s }));
    p.years.forEach((year, y) => {
      const r = first + y;
      put(r, 0, { v: `${year}년` });
      put(r, 1, total(yTot[y], [r, 2, r, lastCol]));
      yearTotalPos.push({ r, c: 1 });
    });
    for (let s = 0; s < nS; s++) {
      amounts.push(
        p.years.map((_, y) => {
          const pos = { r: first + y, c: 2 + s };
          const cell = amountCell(p.amounts[s][y]);
          if (cell !== undefined) put(pos.r, pos.c, cell);
          return pos;
        }),
      );
    }
    put(sumRow, 0, { v: "합계" });
    put(sumRow, 1, total(grand, [first, 1, last, 1]));
    grandPos = { r: sumRow, c: 1 };
    sourceTotalPos = p.sources.map((_, s) => {
      put(sumRow, 2 + s, total(sTot[s], [first, 2 + s, last, 2 + s]));
      return { r: sumRow, c: 2 + s };
    });
    table = { r0: hdr, c0: 0, r1: sumRow, c1: lastCol };
  } else {
    // 재원별 | 합계 | 연차별 소요재원 (years) [| 비고]; two header rows, 계 row, one row per source.
    const hasTotal = p.layout !== "no-total-column";
    const hasRemarks = p.layout === "with-remarks";
    const y0 = hasTotal ? 2 : 1; // first year column
    const yLast = y0 + nY - 1;
    const lastCol = hasRemarks ? yLast + 1 : yLast;
    const h1 = top + 3;
    const h2 = h1 + 1;
    const sumRow = h2 + 1;
    const first = sumRow + 1;
    const last = first + nS - 1;
    unitLabel = { r: top + 2, c: lastCol };
    put(h1, 0, { v: "재원별" });
    merges.push({ r0: h1, c0: 0, r1: h2, c1: 0 });
    if (hasTotal) {
      put(h1, 1, { v: "합계" });
      merges.push({ r0: h1, c0: 1, r1: h2, c1: 1 });
    }
    put(h1, y0, { v: "연차별 소요재원" });
    merges.push({ r0: h1, c0: y0, r1: h1, c1: yLast });
    p.years.forEach((year, y) => put(h2, y0 + y, { v: `${year}년` }));
    if (hasRemarks) {
      put(h1, lastCol, { v: "비고" });
      merges.push({ r0: h1, c0: lastCol, r1: h2, c1: lastCol });
    }
    put(sumRow, 0, { v: "계" });
    p.years.forEach((_, y) => {
      put(sumRow, y0 + y, total(yTot[y], [first, y0 + y, last, y0 + y]));
      yearTotalPos.push({ r: sumRow, c: y0 + y });
    });
    if (hasTotal) {
      put(sumRow, 1, total(grand, [first, 1, last, 1]));
      grandPos = { r: sumRow, c: 1 };
      sourceTotalPos = [];
    }
    p.sources.forEach((src, s) => {
      const r = first + s;
      put(r, 0, { v: src });
      if (sourceTotalPos !== undefined) {
        put(r, 1, total(sTot[s], [r, y0, r, yLast]));
        sourceTotalPos.push({ r, c: 1 });
      }
      amounts.push(
        p.years.map((_, y) => {
          const pos = { r, c: y0 + y };
          const cell = amountCell(p.amounts[s][y]);
          if (cell !== undefined) put(pos.r, pos.c, cell);
          return pos;
        }),
      );
      // Remarks on some rows only, as in real tables; derived from the row so layout stays pure.
      if (hasRemarks && (index + s) % 3 !== 2) put(r, lastCol, { v: REMARKS[(index + s) % REMARKS.length] });
    });
    table = { r0: h1, c0: 0, r1: last, c1: lastCol };
  }
  put(unitLabel.r, unitLabel.c, { v: unitText });

  const placement: TablePlacement = {
    program: index,
    sheet,
    title,
    headline,
    unitLabel,
    table,
    amounts,
    yearTotals: yearTotalPos,
  };
  if (sourceTotalPos !== undefined) placement.sourceTotals = sourceTotalPos;
  if (grandPos !== undefined) placement.grandTotal = grandPos;
  return { placement, cells, merges };
}

function sheetName(first: number, last: number, width: number): string {
  const pad = (n: number): string => String(n).padStart(width, "0");
  return `사업 ${pad(first)}-${pad(last)}`;
}

/** Splits programs into sheets and stacks each sheet's programs vertically. */
export function planSheets(programs: ProgramSpec[], opts: GenerateOptions): SheetPlan[] {
  const perSheet = Math.max(1, opts.programsPerSheet ?? 50);
  const cached = opts.formulas !== "uncached";
  const width = Math.max(4, String(programs.length).length);
  const plans: SheetPlan[] = [];
  for (let start = 0; start < programs.length; start += perSheet) {
    const end = Math.min(programs.length, start + perSheet);
    const name = sheetName(start + 1, end, width);
    const blocks: ProgramBlock[] = [];
    let top = 0;
    let cols = 0;
    for (let i = start; i < end; i++) {
      const block = layoutProgram(programs[i], i, name, top, cached);
      blocks.push(block);
      cols = Math.max(cols, block.placement.table.c1 + 1);
      top = block.placement.table.r1 + 1 + GAP;
    }
    plans.push({ name, blocks, rows: top - GAP, cols });
  }
  return plans;
}

/** The plan as the engine's grid, without going through a file: quick fixtures for engine tests. */
export function sheetGrid(plan: SheetPlan): SheetGrid {
  const cells: (Cell | undefined)[][] = Array.from({ length: plan.rows }, () => []);
  const merges: Range[] = [];
  for (const b of plan.blocks) {
    for (const { r, c, cell } of b.cells) cells[r][c] = cell;
    merges.push(...b.merges);
  }
  return { name: plan.name, cells, merges };
}

export function workbookGrid(programs: ProgramSpec[], opts: GenerateOptions): WorkbookGrid {
  return { sheets: planSheets(programs, opts).map(sheetGrid) };
}

// ---------------------------------------------------------------------------------------------
// exceljs output

function cellValue(cell: Cell): ExcelJS.CellValue {
  if (cell.f === undefined) return cell.v ?? null;
  // No `result` at all (not even undefined) is how exceljs writes a formula without a cached value.
  if (cell.v === undefined || cell.v === null) return { formula: cell.f };
  return { formula: cell.f, result: cell.v };
}

function setupColumns(ws: ExcelJS.Worksheet, cols: number): void {
  ws.columns = Array.from({ length: Math.max(cols, 1) }, (_, c) => ({ width: c === 0 ? 14 : 13 }));
}

// Writes one block. With a stream writer the block's rows are committed afterwards: merges must be
// declared before their rows are flushed, and committing per block keeps memory flat.
function emitBlock(ws: ExcelJS.Worksheet, block: ProgramBlock, stream: boolean): void {
  for (const { r, c, cell } of block.cells) {
    const xc = ws.getRow(r + 1).getCell(c + 1);
    xc.value = cellValue(cell);
    if (cell.z !== undefined) xc.numFmt = cell.z;
  }
  for (const m of block.merges) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
  const unitCell = ws.getRow(block.placement.unitLabel.r + 1).getCell(block.placement.unitLabel.c + 1);
  unitCell.alignment = { horizontal: "right" };
  if (stream) {
    const { title, table } = block.placement;
    for (let r = title.r; r <= table.r1; r++) ws.getRow(r + 1).commit();
  }
}

/** The whole department in an in-memory workbook. */
export function writeProgramsWorkbook(programs: ProgramSpec[], opts: GenerateOptions): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  // Without cached results Excel must compute on open, or it shows empty totals.
  if (opts.formulas === "uncached") wb.calcProperties.fullCalcOnLoad = true;
  for (const plan of planSheets(programs, opts)) {
    const ws = wb.addWorksheet(plan.name);
    setupColumns(ws, plan.cols);
    for (const block of plan.blocks) emitBlock(ws, block, false);
  }
  return wb;
}

/**
 * Generates and streams a department workbook straight to `path` (exceljs WorkbookWriter: rows are
 * flushed as they are written, so large benchmarks do not hold the whole sheet model in memory).
 */
export async function writeProgramsFile(
  path: string,
  opts: GenerateOptions,
): Promise<{ programs: number; sheets: number; tables: number; bytes: number }> {
  const programs = generatePrograms(opts);
  const plans = planSheets(programs, opts);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  for (const plan of plans) {
    const ws = wb.addWorksheet(plan.name);
    setupColumns(ws, plan.cols);
    for (const block of plan.blocks) emitBlock(ws, block, true);
    ws.commit();
  }
  await wb.commit();
  const { size } = await stat(path);
  return { programs: programs.length, sheets: plans.length, tables: programs.length, bytes: size };
}
