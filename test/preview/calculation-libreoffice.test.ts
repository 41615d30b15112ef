// The in-memory Excel's calculation against LibreOffice, an independent spreadsheet engine: the same plans are
// written into the fake through the adapter (what the preview does) and into an .xlsx (what `yesan` writes), the
// file is recalculated by LibreOffice, and every formula cell must hold the same value in both (numbers to 1e-9
// relative, text exactly). The plans: 시나리오 sheets from several inputs, and a sheet of formulas that exercise
// the language the fake calculates (precedence, other sheets, errors, ROUND, TEXT, SUMPRODUCT over arrays).
// Then the check: a fresh 시나리오 sheet and every bundled template, inserted into the fake, have no formula that
// is "not calculated", also after their input cells are filled in.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readWorkbookGrid as readXlsx } from "../../src/cli/read-xlsx";
import { writePlanXlsx } from "../../src/cli/write-plan-xlsx";
import { checkWorkbook } from "../../src/core/check-workbook";
import { a1, type SheetGrid } from "../../src/core/cells/grid";
import { emptyPlan, type PlanCell, type SheetPlan } from "../../src/core/cells/sheet-plan";
import { SCENARIO_SHEET } from "../../src/core/scenario/scenario-plan";
import { runScenario, scenarioSheet } from "../../src/core/scenario/scenario-run";
import { BUNDLED_CATALOG } from "../../src/core/templates/bundled";
import { layoutTemplate } from "../../src/core/templates/layout";
import { createExcelPort } from "../../src/excel/adapter";
import { readWorkbookGrid } from "../../src/excel/read";
import { createFakeExcel } from "../../src/preview/fake-excel/excel";
import { FakeWorkbookModel, type FakeValue } from "../../src/preview/fake-excel/model";
import { recalculate } from "../support/libreoffice";
import { SCENARIO_CASES, sampleGiftcertProgram, scenarioRequest } from "../support/scenario-cases";

async function scenarioPlans(): Promise<SheetPlan[]> {
  const program = await sampleGiftcertProgram();
  return SCENARIO_CASES.map((c, i) => {
    const run = runScenario(scenarioRequest(c, program));
    const layout = scenarioSheet(run, c.lang);
    if (layout === undefined) throw new Error(`case ${i}: ${JSON.stringify(run.errors)}`);
    // One workbook holds every case; the formulas name no sheet, so a sheet of another name calculates the same.
    return { ...layout.plan, sheet: `${SCENARIO_SHEET} ${i + 1}` };
  });
}

const DATA_SHEET = "입력 자료";

/** Numbers, a number as text, a word, a blank (A5) and a zero on a sheet whose name needs quotes. */
function dataPlan(): SheetPlan {
  const plan = emptyPlan(DATA_SHEET);
  const cells: PlanCell[] = [
    { r: 0, c: 0, value: 100 },
    { r: 1, c: 0, value: 250.5 },
    { r: 2, c: 0, value: -40 },
    { r: 3, c: 0, value: "12" },
    { r: 5, c: 0, value: 0 },
    { r: 0, c: 1, value: "abc" },
    { r: 1, c: 1, value: 0.07 },
    { r: 2, c: 1, value: 15.05 },
    { r: 0, c: 2, value: 2021 },
    { r: 1, c: 2, value: 2022 },
    { r: 2, c: 2, value: 2023 },
  ];
  plan.cells.push(...cells);
  return plan;
}

// Formulas where Excel and LibreOffice agree. They differ on, e.g., (-8)^(1/3), 0^0, TEXT(-0.4,"0") and
// SUM(1,"2",TRUE) (Excel converts text typed as an argument, 4; LibreOffice gives #VALUE!); calculation.test.ts
// has those with Excel's results.
const D = `'${DATA_SHEET}'`;
const FORMULAS = [
  "1+2*3",
  "-2^2",
  "2^3^2",
  "(1+2)*3-4/8",
  "2*50%",
  `"a"&1+2`,
  "1+2=3",
  `${D}!A1+${D}!A2*2`,
  `SUM(${D}!A1:A6)`,
  `${D}!A4*2`,
  `${D}!A5+1`,
  `1/0`,
  `${D}!A1/${D}!A6`,
  `IF(${D}!A6=0,0,${D}!A1/${D}!A6)`,
  `MIN(${D}!A1:A3)`,
  `MAX(${D}!A1:A3)`,
  `MIN(${D}!B1)`,
  "ROUND(1.005,2)",
  "ROUND(-2.5,0)",
  "ROUND(1234.5678,-2)",
  `ROUND(${D}!B2*${D}!B3*100000000,0)/100000000`,
  `ROUND(${D}!B3*${D}!B2,3)`,
  `ABS(${D}!A3)`,
  // The book page's 예산액 (ROUNDUP to 천원) and its rates (0.0##%): a product a hair above a whole number in
  // binary (0.1*3*1000 is 300.00000000000006) is that number, as both engines show 15 digits.
  "ROUNDUP(3087.92,0)",
  "ROUNDUP(-2.1,0)",
  "ROUNDDOWN(-2.9,0)",
  "ROUNDUP(1234.001,-2)",
  "ROUNDUP(0.1*3*1000,0)",
  "ROUNDUP(26620000*ROUND(0.116,5)/1000,0)",
  `ROUNDUP(${D}!B2*${D}!A1*30/1000,0)`,
  `TEXT(0.116,"0.0##%")`,
  `TEXT(0.12,"0.0##%")`,
  `TEXT(0.11655,"0.0##%")`,
  `TEXT(0.1234567,"0.0##%")`,
  `TEXT(1234567.5,"#,##0")`,
  `TEXT(-1234.5,"#,##0")`,
  `TEXT(0.1234,"0.0%")`,
  `"합계 "&TEXT(SUM(${D}!A1:A3),"#,##0.00")&"원"`,
  `ISBLANK(${D}!A5)`,
  `ISBLANK(${D}!A6)`,
  `IF(ISBLANK(${D}!A5),"비어 있음",1)`,
  `SUMPRODUCT(${D}!A1:A3,${D}!A1:A3)`,
  `SUMPRODUCT(${D}!A1:A3/(1+${D}!B2)^(${D}!C1:C3-2020))`,
  "0.1+0.2-0.3",
  `"abc"+1`,
  `${D}!B1&${D}!A1`,
  `"ABC"="abc"`,
  `3>"2"`,
  "TRUE+1",
  "2^0.5",
  `-${D}!A2%`,
  `IF(${D}!A1>100,"큼","작음")`,
  `${D}!A1<>100`,
];

function formulaPlan(): SheetPlan {
  const plan = emptyPlan("수식");
  FORMULAS.forEach((f, r) => plan.cells.push({ r, c: 0, formula: f }));
  return plan;
}

function cellValue(sheet: SheetGrid | undefined, r: number, c: number): unknown {
  return sheet?.cells[r]?.[c]?.v;
}

/** Equal as the brief of this test says: numbers to 1e-9 relative, everything else exactly. */
function same(fake: FakeValue | undefined, lo: unknown): boolean {
  if (typeof fake === "number" && typeof lo === "number") return fake === lo || Math.abs(fake - lo) <= 1e-9 * Math.max(Math.abs(fake), Math.abs(lo));
  // A formula's empty text is stored by LibreOffice as a string cell with no text, which reads back as no value.
  if (fake === "" && (lo === undefined || lo === null || lo === "")) return true;
  return fake === lo;
}

test("every formula cell the fake calculates holds what LibreOffice calculates", async () => {
  const plans = [dataPlan(), formulaPlan(), ...(await scenarioPlans())];
  const model = new FakeWorkbookModel(["Sheet1"]);
  const port = createExcelPort(createFakeExcel(model).Excel as unknown as typeof Excel);
  for (const plan of plans) await port.writePlan(plan, { mode: "new-sheet" });

  const file = path.join(mkdtempSync(path.join(tmpdir(), "yesan-fake-calc-")), "plans.xlsx");
  await writePlanXlsx(plans, file);
  const lo = await readXlsx(recalculate(file));

  const mismatches: string[] = [];
  let compared = 0;
  let texts = 0;
  let errors = 0;
  for (const plan of plans) {
    const loSheet = lo.sheets.find((s) => s.name === plan.sheet);
    for (const cell of plan.cells) {
      if (cell.formula === undefined) continue;
      const fake = model.sheet(plan.sheet)?.cell(cell.r, cell.c)?.value;
      const theirs = cellValue(loSheet, cell.r, cell.c);
      compared++;
      if (typeof fake === "string") texts++;
      if (typeof fake === "string" && fake.startsWith("#")) errors++;
      if (fake === null || fake === undefined || !same(fake, theirs)) mismatches.push(`${plan.sheet}!${a1(cell.r, cell.c)} =${cell.formula}: fake ${JSON.stringify(fake)}, LibreOffice ${JSON.stringify(theirs)}`);
    }
  }
  expect(mismatches).toEqual([]);
  // Every formula of the formula sheet, and the scenario sheets' many (sweeps, present values).
  expect(compared).toBeGreaterThan(FORMULAS.length + SCENARIO_CASES.length * 20);
  expect(texts).toBeGreaterThan(10);
  expect(errors).toBe(3); // 1/0, A1/A6 (A6 is 0) and "abc"+1
}, 300_000);

describe("the check in the preview finds no formula 'not calculated'", () => {
  function fakeWorkbook() {
    const model = new FakeWorkbookModel(["Sheet1"]);
    const excel = createFakeExcel(model).Excel as unknown as typeof Excel;
    return { model, excel, port: createExcelPort(excel) };
  }

  test("after a 시나리오 sheet is written, for every case", async () => {
    const plans = await scenarioPlans();
    const { excel, port } = fakeWorkbook();
    for (const plan of plans) {
      const written = await port.writePlan(plan, { mode: "new-sheet" });
      const { grid } = await readWorkbookGrid(excel, { sheets: [written.sheet] });
      const sheet = grid.sheets.find((s) => s.name === written.sheet);
      if (sheet === undefined) throw new Error(written.sheet);
      // Calculated, the sheet is clean: no error, no warning (the planToGrid check reports its two MIN formulas).
      expect([written.sheet, checkWorkbook({ sheets: [sheet] }).findings]).toEqual([written.sheet, []]);
    }
  });

  test("after each bundled template is inserted, and after its input cells are filled in", async () => {
    expect(BUNDLED_CATALOG.templates.length).toBeGreaterThan(0);
    const { model, excel, port } = fakeWorkbook();
    for (const template of BUNDLED_CATALOG.templates) {
      const plan = layoutTemplate(template);
      const written = await port.writePlan(plan, { mode: "new-sheet" });
      const notCalculated = async () => {
        const { grid } = await readWorkbookGrid(excel, { sheets: [written.sheet] });
        return checkWorkbook(grid).findings.filter((f) => f.rule === "not-calculated").map((f) => `${f.sheet}!${f.cell}`);
      };
      expect(await notCalculated()).toEqual([]);
      // Every input cell gets a number (its row and column, so that no two agree), as a planner would type them.
      const inputs = plan.cells.filter((c) => c.input === true);
      await excel.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem(written.sheet);
        for (const c of inputs) sheet.getCell(c.r, c.c).values = [[(c.r + 1) * 1000 + c.c + 1]];
        await ctx.sync();
      });
      expect(await notCalculated()).toEqual([]);
      // Every formula has a value now, and the totals agree with their parts: no error in the check.
      const sheet = model.sheet(written.sheet);
      const formulas = plan.cells.filter((c) => c.formula !== undefined);
      expect(formulas.filter((c) => sheet?.cell(c.r, c.c)?.value === null).map((c) => a1(c.r, c.c))).toEqual([]);
      const { grid } = await readWorkbookGrid(excel, { sheets: [written.sheet] });
      expect([template.id, checkWorkbook(grid).findings.filter((f) => f.severity === "error")]).toEqual([template.id, []]);
    }
  });
});
