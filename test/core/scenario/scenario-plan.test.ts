// The 시나리오 sheet as a plan: inputs are input cells with validation, results are formulas over them, and the check
// finds no error on it, alone or inside the sample workbook.
import path from "node:path";
import { readWorkbookGrid } from "../../../src/cli/read-xlsx";
import { checkWorkbook } from "../../../src/core/check-workbook";
import type { Lang } from "../../../src/core/findings/findings";
import { parseA1, type WorkbookGrid } from "../../../src/core/cells/grid";
import { planToGrid, type SheetPlan } from "../../../src/core/cells/sheet-plan";
import { findFundingPrograms, matchPrograms } from "../../../src/core/scenario/funding-lines";
import { DEFAULT_PV_FORM, DEFAULT_SWEEP_FORM, SEED_GIFTCERT_FORM } from "../../../src/core/scenario/scenario-form";
import { SCENARIO_SHEET } from "../../../src/core/scenario/scenario-plan";
import { runScenario, scenarioSheet } from "../../../src/core/scenario/scenario-run";

const SAMPLE = path.join(__dirname, "../../../samples/2021-경제환경국-지역경제과.xlsx");

// Read once for the whole file: every test only reads the grid (the engine never changes its input).
let sampleGrid: Promise<WorkbookGrid> | undefined;
const readSample = (): Promise<WorkbookGrid> => (sampleGrid ??= readWorkbookGrid(SAMPLE));

async function seedLayout(lang: Lang) {
  const programs = findFundingPrograms(await readSample());
  const [program] = matchPrograms(programs, "상품권");
  const run = runScenario({
    unit: "억원",
    giftcert: SEED_GIFTCERT_FORM,
    sweep: { ...DEFAULT_SWEEP_FORM, sweepIssuances: "200억, 300억" },
    pv: DEFAULT_PV_FORM,
    program,
    year: 2021,
    pvLine: "total",
  });
  const layout = scenarioSheet(run, lang);
  if (layout === undefined) throw new Error(JSON.stringify(run.errors));
  return { run, layout };
}

const cellAt = (plan: SheetPlan, ref: string) => {
  const p = parseA1(ref);
  return plan.cells.find((c) => p !== undefined && c.r === p.r && c.c === p.c);
};

describe.each<Lang>(["ko", "en"])("the 시나리오 plan (%s)", (lang) => {
  test("the check finds no error: only the two MIN formulas wait for Excel to calculate them", async () => {
    const { layout } = await seedLayout(lang);
    const grid = planToGrid(layout.plan);
    const result = checkWorkbook({ sheets: [grid] });
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual([`not-calculated ${layout.cells.national}`, `not-calculated ${layout.cells.city}`]);
    // The one table it reads is the 재원별 block, in 억원, with 계 = SUM of exactly 국비, 시비, 구비.
    expect(result.tables.map((t) => [t.range, t.unit])).toEqual([["A26:B30", "억원"]]);

    // Inside the sample workbook the sheet adds nothing but those two.
    const sample = await readSample();
    const before = checkWorkbook(sample).findings.length;
    const after = checkWorkbook({ sheets: [...sample.sheets, grid] }).findings;
    expect(after).toHaveLength(before + 2);
  });

  test("inputs are yellow input cells holding the typed values; results are formulas", async () => {
    const { layout } = await seedLayout(lang);
    const { plan, cells } = layout;
    expect(plan.sheet).toBe(SCENARIO_SHEET);
    const issuance = cellAt(plan, "B5");
    expect(issuance).toMatchObject({ value: 300, input: true, fill: "#FFF2CC" });
    expect(cellAt(plan, "B6")).toMatchObject({ value: 0.07, input: true, numberFormat: "0.00%" });
    expect(cellAt(plan, "B9")).toMatchObject({ value: 0.05, input: true });
    expect(cellAt(plan, "B11")).toMatchObject({ value: 0.02, input: true });
    // No cap, no volume: the cells stay empty (MIN ignores them), but are still inputs.
    expect(cellAt(plan, "B8")?.value).toBeUndefined();
    expect(cellAt(plan, "B8")?.input).toBe(true);
    // The program's 2021 구비, 1,505,000천원, in 억원.
    expect(cellAt(plan, "B14")).toMatchObject({ value: 15.05, input: true });
    for (const ref of [cells.national, cells.city, cells.district, cells.total, cells.districtShare, cells.difference, ...cells.sweep.flat()]) {
      expect([ref, cellAt(plan, ref)?.formula]).toEqual([ref, expect.any(String)]);
      expect(cellAt(plan, ref)?.value).toBeUndefined();
    }
    expect(cellAt(plan, cells.total)?.formula).toBe(`SUM(${cells.national}:${cells.district})`);
    // Two issuances × six rates, and a line chart over them with its header row and rate column.
    expect(cells.sweep.map((row) => row.length)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(plan.charts).toEqual([expect.objectContaining({ kind: "line", seriesBy: "columns", data: { r0: 39, c0: 0, r1: 45, c1: 2 } })]);
  });

  test("every input cell has a validation: rates 0–1, amounts ≥ 0, years whole", async () => {
    const { layout } = await seedLayout(lang);
    const { plan } = layout;
    const validated = (r: number, c: number) => plan.validations.find((v) => r >= v.range.r0 && r <= v.range.r1 && c >= v.range.c0 && c <= v.range.c1);
    for (const cell of plan.cells.filter((x) => x.input === true)) {
      const v = validated(cell.r, cell.c);
      expect(v).toBeDefined();
      if (cell.numberFormat === "0.00%") expect(v?.rule).toEqual({ kind: "decimal", min: 0, max: 1 });
    }
    for (const v of plan.validations) {
      expect(v.title.ko.length).toBeLessThanOrEqual(32);
      expect(v.message.ko.length).toBeLessThanOrEqual(225);
      expect(v.message.en.length).toBeLessThanOrEqual(225);
    }
  });

  test("the present value section lists the program's 계 by year with its sensitivity table", async () => {
    const { layout, run } = await seedLayout(lang);
    const { plan, cells } = layout;
    expect(run.pv?.spec.flows.map((f) => f.year)).toEqual([2020, 2021, 2022, 2023]);
    expect(cells.sensitivity).toHaveLength(5);
    const pvTotal = cells.pvTotal ?? "";
    expect(cellAt(plan, pvTotal)?.formula).toMatch(/^SUM\(D\d+:D\d+\)$/);
    // The amounts are input cells in 억원: 12.34, 35, 34.95, 34.95.
    const amounts = plan.cells.filter((x) => x.input === true && x.c === 1 && x.r > 45 && x.numberFormat === "#,##0.00").map((x) => x.value);
    expect(amounts).toEqual([12.34, 35, 34.95, 34.95]);
  });
});

test("a scenario with a bad input gives no sheet at all", () => {
  const run = runScenario({ unit: "억원", giftcert: { ...SEED_GIFTCERT_FORM, issuance: "-1" }, sweep: DEFAULT_SWEEP_FORM, pv: DEFAULT_PV_FORM });
  expect(scenarioSheet(run, "ko")).toBeUndefined();
  const badPv = runScenario({ unit: "억원", giftcert: SEED_GIFTCERT_FORM, sweep: DEFAULT_SWEEP_FORM, pv: { ...DEFAULT_PV_FORM, pvAmounts: "100", pvStartYear: "x" } });
  expect(scenarioSheet(badPv, "ko")).toBeUndefined();
});
