import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import {
  generatePrograms,
  LAYOUTS,
  planSheets,
  sheetGrid,
  writeProgramsFile,
  writeProgramsWorkbook,
  type GenerateOptions,
  type Layout,
  type Pos,
  type ProgramSpec,
  type TablePlacement,
} from "../../bench/generate";
import { parseLinearFormula } from "../../src/core/cells/formula";

// Sums recomputed here from `amounts`, independently of the generator's helpers.
const colSums = (p: ProgramSpec): number[] => p.years.map((_, y) => p.amounts.map((row) => row[y]).reduce((a, b) => a + b, 0));
const rowSums = (p: ProgramSpec): number[] => p.amounts.map((row) => row.reduce((a, b) => a + b, 0));
const expectedHeadline = (p: ProgramSpec): string =>
  `□ 2021년 소요예산 : ${colSums(p)[p.years.indexOf(2021)].toLocaleString("en-US")}${p.unit}`;

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as ArrayBuffer);
  return back;
}

function xcell(ws: ExcelJS.Worksheet, pos: Pos): ExcelJS.Cell {
  return ws.getRow(pos.r + 1).getCell(pos.c + 1);
}

/** The number a cell shows: a formula's cached result, "-" and blank as 0. */
function shown(ws: ExcelJS.Worksheet, pos: Pos): number | undefined {
  const cell = xcell(ws, pos);
  const v = cell.value;
  if (v === null || v === undefined || v === "-") return 0;
  if (typeof v === "number") return v;
  if (typeof v === "object" && "formula" in v) {
    // cell.result, not v.result: exceljs 4.4.0's `value` getter copies only truthy fields
    // (FormulaValue._copyModel), so a cached 0 vanishes from `value` but not from `result`.
    const result: unknown = cell.result;
    return typeof result === "number" ? result : undefined;
  }
  throw new Error(`unexpected value ${JSON.stringify(v)}`);
}

function text(ws: ExcelJS.Worksheet, pos: Pos): unknown {
  return xcell(ws, pos).value;
}

describe("generatePrograms", () => {
  test("is deterministic for a seed", () => {
    const a = generatePrograms({ programs: 300, seed: 42 });
    const b = generatePrograms({ programs: 300, seed: 42 });
    expect(b).toEqual(a);
    expect(generatePrograms({ programs: 300, seed: 43 })).not.toEqual(a);
    // A longer run starts with the shorter one: programs do not depend on the count.
    expect(generatePrograms({ programs: 400, seed: 42 }).slice(0, 300)).toEqual(a);
  });

  test("programs have the documented shape and every layout occurs", () => {
    const programs = generatePrograms({ programs: 500, seed: 5 });
    const layouts = new Set<Layout>();
    const zeroStyles = new Set<string | undefined>();
    let zeros = 0;
    for (const p of programs) {
      layouts.add(p.layout);
      zeroStyles.add(p.zeroAs);
      expect(p.unit).toBe(p.layout === "millions" ? "백만원" : "천원");
      expect(p.years.length).toBeGreaterThanOrEqual(3);
      expect(p.years.length).toBeLessThanOrEqual(5);
      expect(p.years[0]).toBeGreaterThanOrEqual(2019);
      expect(p.years[0]).toBeLessThanOrEqual(2021);
      p.years.forEach((y, i) => expect(y).toBe(p.years[0] + i));
      expect(p.years).toContain(2021);
      expect(p.sources.length).toBeGreaterThanOrEqual(1);
      expect(p.sources.length).toBeLessThanOrEqual(4);
      expect(new Set(p.sources).size).toBe(p.sources.length);
      for (const s of p.sources) expect(["국비", "시비", "구비", "민간", "기금"]).toContain(s);
      expect(p.amounts.length).toBe(p.sources.length);
      for (const row of p.amounts) {
        expect(row.length).toBe(p.years.length);
        for (const a of row) {
          expect(Number.isSafeInteger(a)).toBe(true);
          expect(a).toBeGreaterThanOrEqual(0);
          if (a === 0) zeros++;
        }
        expect(rowSums({ ...p, amounts: [row] })[0]).toBeGreaterThan(0);
      }
      expect(colSums(p)[p.years.indexOf(2021)]).toBeGreaterThan(0);
      expect(p.formulas).toBe(true); // default "cached"
    }
    expect([...layouts].sort()).toEqual([...LAYOUTS].sort());
    expect(zeroStyles).toEqual(new Set(["-", "blank", "0"]));
    expect(zeros).toBeGreaterThan(0);
    expect(generatePrograms({ programs: 5, formulas: "none" }).every((p) => !p.formulas)).toBe(true);
  });
});

describe("planSheets", () => {
  test("splits into sheets named by program range, tables stacked without overlap", () => {
    const programs = generatePrograms({ programs: 120, seed: 3 });
    const plans = planSheets(programs, { programs: 120, programsPerSheet: 50 });
    expect(plans.map((s) => s.name)).toEqual(["사업 0001-0050", "사업 0051-0100", "사업 0101-0120"]);
    expect(plans.map((s) => s.blocks.length)).toEqual([50, 50, 20]);
    for (const plan of plans) {
      for (let i = 1; i < plan.blocks.length; i++) {
        const prev = plan.blocks[i - 1].placement.table.r1;
        expect(plan.blocks[i].placement.title.r).toBeGreaterThan(prev + 1);
      }
      // No two cells in the same place.
      const seen = new Set<string>();
      for (const b of plan.blocks)
        for (const { r, c } of b.cells) {
          const k = `${r},${c}`;
          expect(seen.has(k)).toBe(false);
          seen.add(k);
        }
    }
  });

  test("the grid view holds the same totals as the spec", () => {
    const programs = generatePrograms({ programs: 60, seed: 9, formulas: "none" });
    for (const plan of planSheets(programs, { programs: 60, formulas: "none" })) {
      const g = sheetGrid(plan);
      for (const { placement: pl } of plan.blocks) {
        const p = programs[pl.program];
        expect(pl.yearTotals.map(({ r, c }) => g.cells[r][c]?.v)).toEqual(colSums(p));
        expect(g.cells[pl.headline.r][pl.headline.c]?.v).toBe(expectedHeadline(p));
      }
    }
  });
});

// Checks one program as read back from xlsx against sums recomputed from its amounts.
function checkProgram(ws: ExcelJS.Worksheet, p: ProgramSpec, pl: TablePlacement, mode: "none" | "cached"): void {
  expect(text(ws, pl.headline)).toBe(expectedHeadline(p));
  expect(text(ws, pl.title)).toBe(`○ ${p.name}`);
  expect(text(ws, pl.unitLabel)).toBe(`(단위 : ${p.unit})`);
  expect(pl.unitLabel.c).toBe(pl.table.c1); // the unit sits over the table's last column
  p.amounts.forEach((row, s) => row.forEach((a, y) => expect(shown(ws, pl.amounts[s][y])).toBe(a)));
  expect(pl.yearTotals.map((pos) => shown(ws, pos))).toEqual(colSums(p));
  const hasTotals = p.layout !== "no-total-column";
  expect(pl.sourceTotals !== undefined).toBe(hasTotals);
  if (pl.sourceTotals !== undefined && pl.grandTotal !== undefined) {
    expect(pl.sourceTotals.map((pos) => shown(ws, pos))).toEqual(rowSums(p));
    expect(shown(ws, pl.grandTotal)).toBe(rowSums(p).reduce((a, b) => a + b, 0));
  }
  for (const pos of pl.yearTotals) expect(xcell(ws, pos).numFmt).toBe("#,##0");
  // Formulas: each year total adds exactly that year's source cells.
  pl.yearTotals.forEach((pos, y) => {
    const v = xcell(ws, pos).value;
    if (mode === "none") {
      expect(typeof v).toBe("number");
      return;
    }
    const formula = (v as ExcelJS.CellFormulaValue).formula;
    const f = parseLinearFormula(formula, ws.name);
    expect(f).toBeDefined();
    expect(f!.terms.map(({ r, c }) => ({ r, c }))).toEqual(pl.amounts.map((cells) => cells[y]));
  });
  // Labels in the seeds' shape.
  const { r0 } = pl.table;
  if (p.layout === "transposed") {
    expect(text(ws, { r: r0, c: 0 })).toBe("연도");
    expect(text(ws, { r: r0, c: 1 })).toBe("계");
    p.sources.forEach((s, i) => expect(text(ws, { r: r0, c: 2 + i })).toBe(s));
    p.years.forEach((y, i) => expect(text(ws, { r: pl.yearTotals[i].r, c: 0 })).toBe(`${y}년`));
    expect(text(ws, { r: pl.table.r1, c: 0 })).toBe("합계");
  } else {
    expect(text(ws, { r: r0, c: 0 })).toBe("재원별");
    const yc = hasTotals ? 2 : 1;
    if (hasTotals) expect(text(ws, { r: r0, c: 1 })).toBe("합계");
    expect(text(ws, { r: r0, c: yc })).toBe("연차별 소요재원");
    expect(xcell(ws, { r: r0, c: yc + p.years.length - 1 }).isMerged).toBe(p.years.length > 1);
    p.years.forEach((y, i) => expect(text(ws, { r: r0 + 1, c: yc + i })).toBe(`${y}년`));
    expect(text(ws, { r: pl.yearTotals[0].r, c: 0 })).toBe("계");
    p.sources.forEach((s, i) => expect(text(ws, { r: pl.amounts[i][0].r, c: 0 })).toBe(s));
    if (p.layout === "with-remarks") expect(text(ws, { r: r0, c: pl.table.c1 })).toBe("비고");
  }
  // Zero cells as the program asks.
  p.amounts.forEach((row, s) =>
    row.forEach((a, y) => {
      if (a !== 0) return;
      const v = text(ws, pl.amounts[s][y]);
      expect(v).toBe(p.zeroAs === "-" ? "-" : p.zeroAs === "0" ? 0 : null);
    }),
  );
}

describe("writeProgramsWorkbook (read back with exceljs)", () => {
  test.each(["none", "cached"] as const)("formulas: %s — tables consistent in every layout", async (mode) => {
    const opts: GenerateOptions = { programs: 150, seed: 11, programsPerSheet: 40, formulas: mode };
    const programs = generatePrograms(opts);
    const wb = writeProgramsWorkbook(programs, opts);
    const plans = planSheets(programs, opts);
    // Zero totals occur, so the `cell.result` work-around in `shown` is exercised.
    let zeroTotals = 0;
    for (const plan of plans) {
      const ws = wb.getWorksheet(plan.name)!;
      for (const { placement: pl } of plan.blocks) {
        const p = programs[pl.program];
        pl.yearTotals.forEach((pos, y) => {
          const result = shown(ws, pos);
          expect(result).toBe(colSums(p)[y]);
          if (result === 0) zeroTotals++;
        });
      }
    }
    expect(zeroTotals).toBeGreaterThan(0);
    const back = await roundTrip(wb);
    expect(back.worksheets.map((w) => w.name)).toEqual(plans.map((s) => s.name));
    const checked = new Map<Layout, number>();
    for (const plan of plans) {
      const ws = back.getWorksheet(plan.name)!;
      for (const { placement } of plan.blocks) {
        const p = programs[placement.program];
        const n = checked.get(p.layout) ?? 0;
        if (n >= 4) continue; // a few of each layout
        checkProgram(ws, p, placement, mode);
        checked.set(p.layout, n + 1);
      }
      // Every program's headline is where it says, in column A (found by scanning, not by placement).
      const headlines: number[] = [];
      ws.eachRow((row, r) => {
        const v = row.getCell(1).value;
        if (typeof v === "string" && v.startsWith("□")) headlines.push(r - 1);
      });
      expect(headlines).toEqual(plan.blocks.map((b) => b.placement.headline.r));
    }
    expect([...checked.keys()].sort()).toEqual([...LAYOUTS].sort());
  });

  test("formulas: uncached leaves formula results undefined", async () => {
    const opts: GenerateOptions = { programs: 30, seed: 2, formulas: "uncached" };
    const programs = generatePrograms(opts);
    const wb = writeProgramsWorkbook(programs, opts);
    expect(wb.calcProperties.fullCalcOnLoad).toBe(true);
    const back = await roundTrip(wb);
    let formulas = 0;
    for (const plan of planSheets(programs, opts)) {
      const ws = back.getWorksheet(plan.name)!;
      for (const { placement: pl } of plan.blocks) {
        const totals = [...pl.yearTotals, ...(pl.sourceTotals ?? []), ...(pl.grandTotal ? [pl.grandTotal] : [])];
        for (const pos of totals) {
          const cell = xcell(ws, pos);
          expect(typeof cell.formula).toBe("string");
          expect(cell.result).toBeUndefined();
          expect((cell.value as ExcelJS.CellFormulaValue).result).toBeUndefined();
          formulas++;
        }
        // Amounts are still plain values, and the headline is still text.
        expect(text(ws, pl.headline)).toBe(expectedHeadline(programs[pl.program]));
      }
    }
    expect(formulas).toBeGreaterThan(100);
  });
});

describe("writeProgramsFile", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "yesan-gen-"));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test("streams a readable file for 200 programs", async () => {
    const path = join(dir, "dept.xlsx");
    const opts: GenerateOptions = { programs: 200, seed: 8 };
    const res = await writeProgramsFile(path, opts);
    expect(res).toEqual({ programs: 200, sheets: 4, tables: 200, bytes: statSync(path).size });
    expect(res.bytes).toBeGreaterThan(10_000);

    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(path);
    const programs = generatePrograms(opts);
    const plans = planSheets(programs, opts);
    expect(back.worksheets.map((w) => w.name)).toEqual(["사업 0001-0050", "사업 0051-0100", "사업 0101-0150", "사업 0151-0200"]);
    for (const plan of plans) {
      const ws = back.getWorksheet(plan.name)!;
      // Every program of the file, not a sample: the stream writer must not drop rows or merges.
      for (const { placement } of plan.blocks) checkProgram(ws, programs[placement.program], placement, "cached");
    }
  });

  test("uncached file: formulas without results", async () => {
    const path = join(dir, "uncached.xlsx");
    const opts: GenerateOptions = { programs: 20, seed: 4, formulas: "uncached" };
    await writeProgramsFile(path, opts);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(path);
    const [plan] = planSheets(generatePrograms(opts), opts);
    const ws = back.getWorksheet(plan.name)!;
    for (const { placement } of plan.blocks) {
      const cell = xcell(ws, placement.yearTotals[0]);
      expect(cell.formula).toMatch(/^SUM\(/);
      expect(cell.result).toBeUndefined();
    }
  });
});
