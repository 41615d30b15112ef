// Laying templates out: every bundled template, at A1, at F20 and re-based to 2022, with and without its amounts,
// is a sheet the checker finds nothing wrong with; filled with the seed's printed figures, its formulas give the
// seed's totals (expected values read from samples/seed-plan.json or worked out by hand, never from the layout).
import fc from "fast-check";
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkWorkbook } from "../../../src/core/check-workbook";
import { parseLinearFormula, parseTextFormula } from "../../../src/core/cells/formula";
import { a1, cellAt, rangeA1, type SheetGrid } from "../../../src/core/cells/grid";
import { planToGrid, type SheetPlan } from "../../../src/core/cells/sheet-plan";
import { BUNDLED_CATALOG } from "../../../src/core/templates/bundled";
import { defaultSheetName, layoutTemplate, layoutTemplateDetailed, tableName, type LayoutOptions, type TemplateLayout } from "../../../src/core/templates/layout";
import { isPlanTemplate, type PlanTemplate as Template } from "../../../src/core/templates/schema";
import { calculate } from "./calculate";

const root = path.resolve(__dirname, "../../..");
interface SeedTable { table: string[][]; unit?: string }
interface SeedSheet { name: string; program?: string; blocks: ({ text: string } | SeedTable)[] }
const seeds: { workbooks: { sheets: SeedSheet[] }[] } = JSON.parse(readFileSync(path.join(root, "samples/seed-plan.json"), "utf8"));

// The program-page templates (the book page's own layout is tested in layout-book.test.ts).
const templates = BUNDLED_CATALOG.templates.filter(isPlanTemplate);
const byId = (id: string): Template => {
  const t = templates.find((x) => x.id === id);
  if (t === undefined) throw new Error(`no template ${id}`);
  return t;
};

// ---- the seed's printed funding tables, read directly (not through the build script) --------------------

const SOURCE_OF: Record<string, string> = { 국비: "national", 시비: "city", 구비: "district", 민간: "private" };
const squash = (s: string): string => s.replace(/\s/g, "");
const num = (s: string): number | undefined => (/^[\d,]+$/.test(s.trim()) ? Number(s.replace(/,/g, "")) : undefined);

interface PrintedFunding {
  sheet: string;
  program: string;
  headline: string;
  years: number[];
  /** label (계 or a source key) → year → printed amount */
  rows: Map<string, Map<number, number | undefined>>;
  /** label → printed 합계 */
  sums: Map<string, number | undefined>;
}

function printedFunding(sheet: SeedSheet): PrintedFunding {
  const i = sheet.blocks.findIndex((b) => "table" in b && squash(b.table[0][0]) === "재원별");
  const t = sheet.blocks[i] as SeedTable;
  const headline = (sheet.blocks[i - 1] as { text: string }).text;
  const years = t.table[1].slice(2).flatMap((h) => (/^\d{4}년$/.test(h) ? [Number(h.slice(0, 4))] : []));
  const rows = new Map<string, Map<number, number | undefined>>();
  const sums = new Map<string, number | undefined>();
  for (const row of t.table.slice(2)) {
    const label = squash(row[0]) === "계" ? "계" : SOURCE_OF[squash(row[0])];
    if (label === undefined) throw new Error(`${sheet.name}: row ${row[0]}`);
    rows.set(label, new Map(years.map((y, k) => [y, num(row[2 + k])])));
    sums.set(label, num(row[1]));
  }
  return { sheet: sheet.name, program: sheet.program as string, headline, years, rows, sums };
}

const PLAN_2021 = seeds.workbooks[0].sheets.filter((s) => s.program !== undefined).map(printedFunding);

// The printed totals that are wrong, with the right figure worked out by hand from the same table's parts.
const PRINTED_MISTAKES: Record<string, Record<string, number>> = {
  "06 국내·외 교류": { 계: 127_800 + 114_600 + 133_500 + 133_500 }, // printed 527,900
  "08 기업지원시설 운영": { city: 556_436 + 600_000 + 100_000 * 3, district: 268_172 + 258_972 + 258_072 * 3 }, // printed 1,556,436 and 1,352,432
  "09 중소기업 육성": { 계: 187_840 + 323_400 + 308_400 + 358_400 }, // printed 1,279,440
  "11 동물복지사업": { 계: 28_000 + 30_200 * 3 }, // printed 28,000
};

// The 도시형소공인 card (002): 확보액 per year and source, 백만원, typed from the document's 연차별 투자수요 table.
const CARD = {
  years: [2018, 2019, 2020, 2021, 2022],
  rows: { national: [647, 527, 0, 0, 0], city: [0, 905, 410, 470, 0], district: [70, 130, 100, 88, 0] } as Record<string, number[]>,
  total: [717, 1562, 510, 558, 0],
  sums: { 계: 3347, national: 1174, city: 1785, district: 388 } as Record<string, number>,
};

// ---- helpers ------------------------------------------------------------------------------------------

function setAmount(grid: SheetGrid, r: number, c: number, v: number): void {
  const row = (grid.cells[r] ??= []);
  const cell = row[c];
  if (cell?.f !== undefined) throw new Error(`${a1(r, c)} is a formula, not an input`);
  row[c] = { v, z: "#,##0" };
}

function valueAt(grid: SheetGrid, r: number, c: number): unknown {
  return cellAt(grid, r, c)?.v;
}

function findings(grid: SheetGrid): string[] {
  return checkWorkbook({ sheets: [grid] }).findings.map((f) => `${f.rule} ${f.cell}: ${f.message.en}`);
}

const VARIANTS: { label: string; options: LayoutOptions }[] = [
  { label: "at A1", options: {} },
  { label: "at F20", options: { anchor: { r: 19, c: 5 } } },
  { label: "re-based to 2022", options: { year: 2022 } },
];

// ---- tests --------------------------------------------------------------------------------------------

describe.each(VARIANTS)("every bundled template laid out $label", ({ options }) => {
  test.each(templates.map((t) => [t.id, t] as const))("%s: no finding, empty or with its amounts", (_id, t) => {
    const empty = planToGrid(layoutTemplate(t, { ...options, amounts: "empty" }));
    expect(findings(empty)).toEqual([]);
    expect(findings(calculate(empty))).toEqual([]);

    const filled = layoutTemplateDetailed(t, options);
    const grid = planToGrid(filled.plan);
    // The one finding a filled template may have is the shortfall its own page states: 02's "29,324백만 원 중
    // 6,468백만 원(22%) 부족" — a warning about the program, not about the sheet.
    const expected = t.id === "traditional-market-facilities" && filled.need !== undefined ? [`shortfall ${a1(filled.need.totalRow, filled.need.gapCol)}`] : [];
    for (const g of [grid, calculate(grid)]) {
      const r = checkWorkbook({ sheets: [g] });
      expect(r.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(expected);
      if (expected.length > 0) expect(r.findings[0]).toMatchObject({ severity: "warning", actual: 6468, unit: "백만원" });
      // The checker finds exactly the tables the layout names, where it names them.
      expect(r.tables.map((x) => x.range).sort()).toEqual(filled.plan.names.map((n) => rangeA1(n.range)).sort());
      expect(r.tables.every((x) => x.unit === t.funding.unit || x.kind === "gap")).toBe(true);
    }
  });
});

test.each(PLAN_2021.map((p) => [p.sheet, p] as const))("%s filled with the printed figures gives the printed totals", (_s, seed) => {
  const t = templates.find((x) => x.program === seed.program) as Template;
  const lay = layoutTemplateDetailed(t, { amounts: "empty" });
  const grid = planToGrid(lay.plan);
  const f = lay.funding;
  expect(f.years.map((y) => y.year)).toEqual(seed.years);
  // Every printed source row has its row in the layout, and nothing else does.
  expect(f.sources.map((s) => s.source).sort()).toEqual([...seed.rows.keys()].filter((k) => k !== "계").sort());
  for (const s of f.sources) {
    for (const y of f.years) {
      const v = seed.rows.get(s.source)?.get(y.year);
      if (v !== undefined) setAmount(grid, s.r, y.c, v);
    }
  }
  expect(findings(grid)).toEqual([]);
  const calc = calculate(grid);
  expect(findings(calc)).toEqual([]);
  const mistakes = PRINTED_MISTAKES[seed.sheet] ?? {};
  for (const y of f.years) expect([y.year, valueAt(calc, f.totalRow, y.c)]).toEqual([y.year, seed.rows.get("계")?.get(y.year) ?? 0]);
  expect(valueAt(calc, f.totalRow, f.totalCol)).toBe(mistakes["계"] ?? seed.sums.get("계"));
  for (const s of f.sources) expect([s.source, valueAt(calc, s.r, f.totalCol)]).toEqual([s.source, mistakes[s.source] ?? seed.sums.get(s.source)]);
  // The headline states the table's figure, as the seed prints it ("□ 소요예산 : 358,072천원" names no year).
  const shown = String(valueAt(calc, f.headline.r, f.headline.c));
  if (/^□ \d{4}년/.test(seed.headline)) expect(shown).toBe(seed.headline);
  else expect(shown).toBe(seed.headline.replace("□ ", "□ 2021년 "));
  // The template's own amounts are these printed figures.
  const withDefaults = calculate(planToGrid(layoutTemplate(t)));
  for (const s of f.sources) for (const y of f.years) expect(valueAt(withDefaults, s.r, y.c) ?? undefined).toBe(seed.rows.get(s.source)?.get(y.year));
});

test("the 도시형소공인 card filled with its 확보액 gives its printed totals (백만원)", () => {
  const t = byId("urban-artisan-cluster");
  const lay = layoutTemplateDetailed(t, { amounts: "empty" });
  const grid = planToGrid(lay.plan);
  const f = lay.funding;
  expect(f.years.map((y) => y.year)).toEqual(CARD.years);
  for (const s of f.sources) f.years.forEach((y, k) => setAmount(grid, s.r, y.c, CARD.rows[s.source][k]));
  const calc = calculate(grid);
  expect(findings(calc)).toEqual([]);
  expect(f.years.map((y) => valueAt(calc, f.totalRow, y.c))).toEqual(CARD.total);
  expect(valueAt(calc, f.totalRow, f.totalCol)).toBe(CARD.sums["계"]);
  for (const s of f.sources) expect(valueAt(calc, s.r, f.totalCol)).toBe(CARD.sums[s.source]);
  expect(valueAt(calc, f.headline.r, f.headline.c)).toBe("□ 2021년 소요예산 : 558백만원");
});

test("breakdowns add up to the fiscal year's column of the funding table, as the seeds print them", () => {
  const cases: { id: string; total: number; bySource: Record<string, number> }[] = [
    // 01: 핵심역량 강화 사업 "총 계 320,793천원"; the funding table's 2021 column 국 120,000 · 시 12,904 · 구 181,203 · 민 6,686.
    { id: "traditional-market-management", total: 320_793, bySource: { national: 120_000, city: 12_904, district: 181_203, private: 6_686 } },
    // 06: 비고 "국내: 18,500 국외: 96,100", 2021 계 114,600 (구비 only).
    { id: "domestic-international-exchange", total: 18_500 + 96_100, bySource: { district: 114_600 } },
    // 08: 비고 per source; 2021 시비 100,000 and 구비 258,072 (51,072 + 100,000 + 107,000).
    { id: "business-support-facilities", total: 358_072, bySource: { city: 100_000, district: 51_072 + 100_000 + 107_000 } },
  ];
  for (const c of cases) {
    const lay = layoutTemplateDetailed(byId(c.id));
    const b = lay.breakdown;
    if (b === undefined) throw new Error(`${c.id}: no breakdown`);
    const calc = calculate(planToGrid(lay.plan));
    expect([c.id, valueAt(calc, b.totalRow, b.amountCol)]).toEqual([c.id, c.total]);
    for (const s of b.sources) expect([c.id, s.source, valueAt(calc, b.totalRow, s.c)]).toEqual([c.id, s.source, c.bySource[s.source]]);
    // …and equal the funding table's 계 of the fiscal year.
    const y = lay.funding.years.find((x) => x.year === 2021);
    expect(valueAt(calc, lay.funding.totalRow, y?.c ?? -1)).toBe(c.total);
  }
  // 01's printed "24,00" (민간 of the 중기부 매니저 item) is not carried: the layout holds 2,400, which makes the
  // item's 24,000 and the 민간 column's 6,686 (2,400 + 4,286) come out as printed.
  const lay = layoutTemplateDetailed(byId("traditional-market-management"));
  const item = lay.breakdown?.items.find((i) => i.label.includes("상인조직역량강화"));
  const priv = lay.breakdown?.sources.find((s) => s.source === "private");
  const calc = calculate(planToGrid(lay.plan));
  expect(valueAt(calc, item?.r ?? -1, priv?.c ?? -1)).toBe(2_400);
  expect(valueAt(calc, item?.r ?? -1, lay.breakdown?.amountCol ?? -1)).toBe(24_000);
});

test("the need table of 02 gives the printed 합계 row and states its shortfall live", () => {
  const lay = layoutTemplateDetailed(byId("traditional-market-facilities"));
  const n = lay.need;
  if (n === undefined || n.titleLine === undefined) throw new Error("no need table");
  const calc = calculate(planToGrid(lay.plan));
  // Printed: 합 계 | 29,324 | 22,856 | 6,468 (백만원).
  expect([n.needCol, n.securedCol, n.gapCol].map((c) => valueAt(calc, n.totalRow, c))).toEqual([29_324, 22_856, 6_468]);
  expect(valueAt(calc, n.titleLine.r, n.titleLine.c)).toBe("- 독산동우시장 그린푸줏간 조성비 29,324백만원 중 6,468백만원 부족");
  // The gap of 시설현대화: 14,729 − 13,256 = 1,473 as printed.
  const row = n.items.find((i) => i.label === "시설현대화");
  expect(valueAt(calc, row?.r ?? -1, n.gapCol)).toBe(1_473);
});

test("the checker really reads these tables: a wrong headline or a short SUM is found", () => {
  const lay = layoutTemplateDetailed(byId("traditional-market-management"));
  const calc = calculate(planToGrid(lay.plan));
  const h = lay.funding.headline;
  (calc.cells[h.r] as NonNullable<SheetGrid["cells"][number]>)[h.c] = { v: "□ 2021년 소요예산 : 320,794천원" };
  expect(checkWorkbook({ sheets: [calc] }).findings.map((f) => `${f.rule} ${f.cell}`)).toEqual([`headline-mismatch ${a1(h.r, h.c)}`]);

  const grid = planToGrid(lay.plan);
  const f = lay.funding;
  const c = f.years[1].c;
  const last = f.sources[f.sources.length - 1].r;
  (grid.cells[f.totalRow] as NonNullable<SheetGrid["cells"][number]>)[c] = { v: undefined, f: `SUM(${a1(f.sources[0].r, c)}:${a1(last - 1, c)})` };
  expect(checkWorkbook({ sheets: [grid] }).findings.map((x) => x.rule)).toContain("formula-range");
});

test("re-based to 2022: years move, amounts stay with their years, the headline names 2022", () => {
  const t = byId("traditional-market-management");
  const lay = layoutTemplateDetailed(t, { year: 2022 });
  expect(lay.funding.years.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024]);
  const calc = calculate(planToGrid(lay.plan));
  // The 2021 plan's 2022 column: 계 182,000 (구비 only).
  expect(valueAt(calc, lay.funding.headline.r, lay.funding.headline.c)).toBe("□ 2022년 소요예산 : 182,000천원");
  const header = lay.funding.years.map((y) => valueAt(calc, lay.funding.range.r0 + 1, y.c));
  expect(header).toEqual(["2021년", "2022년", "2023년", "2024년"]);
  // The breakdown itemises 2021: in a 2022 plan its inputs start blank.
  expect(valueAt(calc, lay.breakdown?.totalRow ?? -1, lay.breakdown?.amountCol ?? -1)).toBe(0);
  expect(lay.plan.names.map((n) => n.name)).toEqual([tableName(t.id, 2022, "breakdown"), tableName(t.id, 2022, "funding")]);
  expect(lay.plan.sheet).toBe("2022 전통시장 경영현대화");
});

test("at an anchor the layout is the A1 layout moved, cell for cell, value for value", () => {
  for (const t of templates) {
    const at = (o: LayoutOptions): TemplateLayout => layoutTemplateDetailed(t, o);
    const base = calculate(planToGrid(at({}).plan));
    const movedPlan = at({ anchor: { r: 19, c: 5 } }).plan;
    const moved = calculate(planToGrid(movedPlan));
    expect(movedPlan.cells.every((x) => x.r >= 19 && x.c >= 5)).toBe(true);
    base.cells.forEach((row, r) =>
      row?.forEach((cell, c) => {
        expect([t.id, a1(r, c), cellAt(moved, r + 19, c + 5)?.v]).toEqual([t.id, a1(r, c), cell?.v]);
      }),
    );
  }
});

// Excel's rules for a defined name: a letter, "_" or "\" first; then letters, digits, "_", "."; at most 255
// characters; never something that reads as a cell reference (A1, R1C1) or R/C alone.
const EXCEL_NAME = /^[\p{L}_\\][\p{L}\p{N}_.]{0,254}$/u;
const CELL_LIKE = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/;

test("defined names are valid Excel names, one per table, unique across a workbook of every template for 2021 and 2022", () => {
  const names: string[] = [];
  for (const t of templates) {
    for (const year of [2021, 2022]) {
      const lay = layoutTemplateDetailed(t, { year });
      const tables = [lay.funding, lay.need, lay.breakdown].filter((x) => x !== undefined);
      expect(lay.plan.names.map((n) => n.name).sort()).toEqual(tables.map((x) => x.name).sort());
      for (const n of lay.plan.names) {
        expect([n.name, EXCEL_NAME.test(n.name), CELL_LIKE.test(n.name)]).toEqual([n.name, true, false]);
        expect(n.name).toContain(String(year));
        expect(n.comment).toMatch(/[가-힣].* \/ .*[A-Za-z]/);
      }
      names.push(...lay.plan.names.map((n) => n.name));
    }
  }
  expect(new Set(names.map((n) => n.toUpperCase())).size).toBe(names.length); // Excel compares names case-blind
  expect(names).toHaveLength(2 * (15 + 1 + 3)); // 15 funding tables, 02's need table, breakdowns of 01, 06, 08
});

test("input cells and only they carry the whole-number validation; totals are formulas; text is never a formula", () => {
  for (const t of templates) {
    const plan: SheetPlan = layoutTemplate(t);
    const inputs = plan.cells.filter((x) => x.input === true && x.numberFormat === "#,##0");
    const covered = (r: number, c: number): number => plan.validations.filter((v) => r >= v.range.r0 && r <= v.range.r1 && c >= v.range.c0 && c <= v.range.c1).length;
    for (const x of inputs) expect([t.id, a1(x.r, x.c), covered(x.r, x.c), x.formula]).toEqual([t.id, a1(x.r, x.c), 1, undefined]);
    let cellsInValidations = 0;
    for (const v of plan.validations) {
      expect(v.rule).toEqual({ kind: "wholeNumber", min: 0 });
      expect(v.message.ko).toMatch(/^0 이상의 정수를 (천원|백만원) 단위로 입력하세요\.$/);
      expect(`${v.title.ko} / ${v.title.en}`.length).toBeLessThanOrEqual(32);
      expect(`${v.message.ko} / ${v.message.en}`.length).toBeLessThanOrEqual(225);
      cellsInValidations += (v.range.r1 - v.range.r0 + 1) * (v.range.c1 - v.range.c0 + 1);
    }
    expect([t.id, cellsInValidations]).toEqual([t.id, inputs.length]);
    for (const x of plan.cells) {
      if (x.formula !== undefined) {
        expect(x.value).toBeUndefined();
        expect([t.id, x.formula, parseLinearFormula(x.formula, plan.sheet) !== undefined || parseTextFormula(x.formula) !== undefined]).toEqual([t.id, x.formula, true]);
      }
    }
    // Every number the layout writes is an input default; every total is a formula.
    expect(plan.cells.filter((x) => typeof x.value === "number").every((x) => x.input === true)).toBe(true);
  }
});

test("default sheet names are Excel-safe and at most 31 characters", () => {
  for (const t of templates) {
    const name = defaultSheetName(t, 2022);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[[\]:*?/\\]/);
    expect(name.startsWith("2022 ")).toBe(true);
  }
});

test("property: any whole amounts typed into the inputs keep the sheet clean and the totals equal their parts", () => {
  const t = byId("traditional-market-management");
  const lay = layoutTemplateDetailed(t, { amounts: "empty" });
  const f = lay.funding;
  const b = lay.breakdown;
  if (b === undefined) throw new Error("no breakdown");
  const amount = fc.integer({ min: 0, max: 5_000_000 });
  fc.assert(
    fc.property(
      fc.array(fc.array(amount, { minLength: f.years.length, maxLength: f.years.length }), { minLength: f.sources.length, maxLength: f.sources.length }),
      fc.array(fc.array(amount, { minLength: b.sources.length, maxLength: b.sources.length }), { minLength: b.items.length, maxLength: b.items.length }),
      (fundingIn, breakdownIn) => {
        const grid = planToGrid(lay.plan);
        f.sources.forEach((s, i) => f.years.forEach((y, k) => setAmount(grid, s.r, y.c, fundingIn[i][k])));
        b.items.forEach((it, i) => b.sources.forEach((s, k) => setAmount(grid, it.r, s.c, breakdownIn[i][k])));
        const calc = calculate(grid);
        const sum = (xs: number[]): number => xs.reduce((a, v) => a + v, 0);
        f.years.forEach((y, k) => expect(valueAt(calc, f.totalRow, y.c)).toBe(sum(fundingIn.map((row) => row[k]))));
        f.sources.forEach((s, i) => expect(valueAt(calc, s.r, f.totalCol)).toBe(sum(fundingIn[i])));
        expect(valueAt(calc, f.totalRow, f.totalCol)).toBe(sum(fundingIn.flat()));
        expect(valueAt(calc, b.totalRow, b.amountCol)).toBe(sum(breakdownIn.flat()));
        const fy = f.years.find((y) => y.year === 2021)?.c ?? -1;
        const fyTotal = sum(fundingIn.map((row) => row[f.years.findIndex((y) => y.year === 2021)]));
        expect(valueAt(calc, f.headline.r, f.headline.c)).toBe(`□ 2021년 소요예산 : ${fyTotal.toLocaleString("en-US")}천원`);
        expect(valueAt(calc, f.totalRow, fy)).toBe(fyTotal);
        expect(findings(grid)).toEqual([]);
        expect(findings(calc)).toEqual([]);
      },
    ),
    { numRuns: 60 },
  );
});
