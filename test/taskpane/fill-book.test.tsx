// 채우기 on a page of the budget book, from the pane's side over the in-memory Excel: the bundled book page
// inserted blank, last year's page beside it, the fill previewed, written, and the page then checked clean with
// last year's amounts as its 전년도예산액.
import { planToGrid } from "../../src/core/cells/sheet-plan";
import { BUNDLED_CATALOG } from "../../src/core/templates/bundled";
import { layoutBookTemplate } from "../../src/core/templates/layout-book";
import { isBookTemplate, type BookTemplate } from "../../src/core/templates/schema";
import { createExcelPort } from "../../src/excel/adapter";
import { createFakeExcel } from "../../src/preview/fake-excel/excel";
import { FakeWorkbookModel } from "../../src/preview/fake-excel/model";
import { prepareFill, sheetsWithFunding, writeFill } from "../../src/taskpane/fill-run";
import { runCheck } from "../../src/taskpane/run-check";
import { insertTemplate } from "../../src/taskpane/template-insert";

const template = BUNDLED_CATALOG.templates.find(isBookTemplate) as BookTemplate;

/** Last year's page of the same 세부사업: 통신요금 40,000원 × 5대 × 12월 = 2,400천원; only 일반운영비 › 02 공공운영비. */
function lastYearPlan() {
  const t = JSON.parse(JSON.stringify(template)) as BookTemplate;
  t.book.objects = [{ label: "201 일반운영비", stats: [{ label: "02 공공운영비", items: [{ label: "키오스크 통신요금", price: 40000, factors: [{ unit: "대", value: 5 }, { unit: "월", value: 12 }] }] }] }];
  return layoutBookTemplate(t, { year: 2026, sheet: "2026 예산서" }).plan;
}

test("a blank book page filled from last year's sheet: previewed, written, calculated, clean", async () => {
  const model = new FakeWorkbookModel(["Sheet1"]);
  const port = createExcelPort(createFakeExcel(model).Excel as unknown as typeof Excel);
  await port.writePlan(lastYearPlan(), { mode: "new-sheet" });
  const page = await insertTemplate(port, { template, year: 2027, where: "new-sheet", amounts: "empty" });
  expect(sheetsWithFunding((await port.readWorkbook()).grid)).toEqual(["2026 예산서", page.sheet]);

  const source = { kind: "sheet" as const, sheet: "2026 예산서" };
  const prepared = await prepareFill(port, source);
  expect(prepared.target?.sheet).toBe(page.sheet);
  // 02 공공운영비's 전년도예산액 (2,400) and the 통신요금's 단가 and counts; the rest is named as not in last year's book.
  expect(prepared.plan.preview.map((p) => [p.label.ko, p.after])).toEqual([
    ["201 일반운영비 › 02 공공운영비 · 전년도예산액", 2400],
    ["201 일반운영비 › 02 공공운영비 › ◎키오스크 통신요금 · 단가", 40000],
    ["201 일반운영비 › 02 공공운영비 › ◎키오스크 통신요금 · 수량(대)", 5],
    ["201 일반운영비 › 02 공공운영비 › ◎키오스크 통신요금 · 수량(월)", 12],
  ]);
  expect(prepared.problems.filter((p) => p.severity !== "info")).toEqual([]);
  const written = await writeFill(port, source, prepared, false);
  expect("cells" in written && written.cells).toBe(4);

  const run = await runCheck(port, "workbook", () => undefined);
  expect(run.result.findings).toEqual([]);
  // This year: only the 통신요금 has figures (2,400천원); last year's 2,400 is its 전년도: 비교증감 0.
  const program = run.result.book?.programs.find((p) => p.sheet === page.sheet);
  expect(program).toMatchObject({ amount: 2400, previous: 2400, change: 0 });
});

test("pasted rows of last year's book fill the page the same way; JSON is refused with the reason", async () => {
  const model = new FakeWorkbookModel(["Sheet1"]);
  const port = createExcelPort(createFakeExcel(model).Excel as unknown as typeof Excel);
  await insertTemplate(port, { template, year: 2027, where: "new-sheet", amounts: "empty" });
  // As e호조 exports it and Excel copies it: tab-separated, amounts as text.
  const rows = planToGrid(lastYearPlan()).cells.map((row) => Array.from({ length: 10 }, (_, c) => row?.[c]?.v ?? "").map((v) => (typeof v === "number" ? v.toLocaleString("en-US") : String(v))).join("\t"));
  const prepared = await prepareFill(port, { kind: "text", text: rows.join("\n"), format: "auto" });
  expect(prepared.plan.preview.map((p) => p.after)).toEqual([2400, 40000, 5, 12]);
  expect(prepared.plan.preview[0].origin).toEqual({ kind: "cell", sheet: "붙여넣은 예산서", cell: expect.stringMatching(/^H\d+$/) });
  await expect(prepareFill(port, { kind: "text", text: '{"sources":{}}', format: "auto" })).rejects.toMatchObject({ text: { ko: expect.stringContaining("JSON은 재원별 표에만 씁니다") } });
});
