// The one text formula form the engine evaluates itself ("literal"&TEXT(cell,"#,##0")&"literal"), by hand and
// against LibreOffice as an independent engine, on every bundled template laid out.
import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { evaluateTextFormula, formatThousands, parseTextFormula } from "../../../src/core/cells/formula";
import { cellAt, type SheetGrid } from "../../../src/core/cells/grid";
import { planToGrid, type SheetPlan } from "../../../src/core/cells/sheet-plan";
import { BUNDLED_CATALOG } from "../../../src/core/templates/bundled";
import { layoutTemplate } from "../../../src/core/templates/layout";
import { isPlanTemplate } from "../../../src/core/templates/schema";
import { recalculate } from "../../support/libreoffice";
import { calculate } from "./calculate";

test("TEXT(v,\"#,##0\") as Excel shows it: rounded half away from zero, comma groups", () => {
  const cases: [number, string][] = [
    [0, "0"],
    [7, "7"],
    [999, "999"],
    [1000, "1,000"],
    [320793, "320,793"],
    [7884000, "7,884,000"],
    [33315503, "33,315,503"],
    [2.5, "3"],
    [2.4, "2"],
    [999.5, "1,000"],
    [1234567.5, "1,234,568"],
    [-2.5, "-3"],
    [-6468, "-6,468"],
    [1e15, "1,000,000,000,000,000"],
  ];
  for (const [v, shown] of cases) expect([v, formatThousands(v)]).toEqual([v, shown]);
  // Excel shows "-0", LibreOffice "0": the engine does not pick one.
  expect(formatThousands(-0.4)).toBeUndefined();
});

test("the headline form is parsed and evaluated; blanks count as 0 when the caller says so", () => {
  const f = parseTextFormula('"□ 2021년 소요예산 : "&TEXT(D59,"#,##0")&"천원"');
  expect(f).toEqual({ parts: [{ kind: "literal", text: "□ 2021년 소요예산 : " }, { kind: "number", r: 58, c: 3 }, { kind: "literal", text: "천원" }] });
  const values: Record<string, number | undefined> = { "58:3": 320793 };
  const at = (r: number, c: number): number | undefined => values[`${r}:${c}`];
  expect(evaluateTextFormula(f!, at)).toBe("□ 2021년 소요예산 : 320,793천원");
  expect(evaluateTextFormula(f!, () => undefined)).toBeUndefined();
  // Two figures, "=" kept, $ references, spaces, doubled quotes in a literal.
  const g = parseTextFormula('="- ""A"" 조성비 " & TEXT($B$86, "#,##0") & "백만원 중 "&TEXT(D86,"#,##0")&"백만원 부족"');
  expect(g).toBeDefined();
  const v: Record<string, number> = { "85:1": 29324, "85:3": 6468 };
  expect(evaluateTextFormula(g!, (r, c) => v[`${r}:${c}`])).toBe('- "A" 조성비 29,324백만원 중 6,468백만원 부족');
});

test("anything outside the form is not evaluated", () => {
  for (const f of [
    '"a"&TEXT(B3,"#,##0.0")', // another format
    '"a"&TEXT(B3+1,"#,##0")', // arithmetic inside
    '"a"&TEXT(Sheet2!B3,"#,##0")', // another sheet
    '"a"&FIXED(B3,0)', // another function
    '"a"&B3', // a bare reference (Excel's own number text, not TEXT)
    '"a"+TEXT(B3,"#,##0")', // not a concatenation
    '"a"&TEXT(B3,"#,##0"', // unclosed
    '"a', // unclosed string
    '"just text"', // a constant
    "SUM(B3:B5)",
    "",
  ]) {
    expect([f, parseTextFormula(f)]).toEqual([f, undefined]);
  }
});

/** Writes plans as sheets of an .xlsx: values and formulas only (what the engines calculate from). */
async function writeXlsx(plans: SheetPlan[], file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const plan of plans) {
    const ws = wb.addWorksheet(plan.sheet);
    for (const cell of plan.cells) {
      const target = ws.getCell(cell.r + 1, cell.c + 1);
      if (cell.formula !== undefined) target.value = { formula: cell.formula };
      else if (cell.value !== undefined) target.value = cell.value;
    }
  }
  await wb.xlsx.writeFile(file);
}

test("LibreOffice calculates every laid-out template's totals and headlines as the engine does", async () => {
  const plans: SheetPlan[] = [];
  // The program pages (the book page's formulas against LibreOffice: test/cli/template-book.test.ts).
  BUNDLED_CATALOG.templates.filter(isPlanTemplate).forEach((t, i) => {
    plans.push(layoutTemplate(t, { sheet: `${i + 1} A1` }));
    plans.push(layoutTemplate(t, { sheet: `${i + 1} F20`, anchor: { r: 19, c: 5 } }));
    plans.push(layoutTemplate(t, { sheet: `${i + 1} 2022`, year: 2022 }));
  });
  const dir = mkdtempSync(path.join(tmpdir(), "yesan-templates-"));
  const file = path.join(dir, "templates.xlsx");
  await writeXlsx(plans, file);
  const lo = new ExcelJS.Workbook();
  await lo.xlsx.readFile(recalculate(file));

  let formulas = 0;
  let headlines = 0;
  for (const plan of plans) {
    const ours: SheetGrid = calculate(planToGrid(plan));
    const ws = lo.getWorksheet(plan.sheet);
    if (ws === undefined) throw new Error(`LibreOffice lost sheet ${plan.sheet}`);
    for (const cell of plan.cells) {
      if (cell.formula === undefined) continue;
      formulas++;
      // cell.result, not value.result: exceljs's value copy drops falsy results such as 0.
      const theirs = ws.getCell(cell.r + 1, cell.c + 1) as unknown as { result?: unknown };
      const mine = cellAt(ours, cell.r, cell.c)?.v;
      if (typeof mine === "string") headlines++;
      expect([plan.sheet, cell.r, cell.c, theirs?.result]).toEqual([plan.sheet, cell.r, cell.c, mine]);
    }
  }
  // 45 layouts, each with one budget headline; 3 of them (02 at A1, F20, 2022) with the shortfall line too.
  expect(headlines).toBe(48);
  // Each layout has at least its headline, a 계 row of 3+ totals and one source 합계: the loop really compared.
  expect(formulas).toBeGreaterThan(45 * 5);
}, 180_000);
