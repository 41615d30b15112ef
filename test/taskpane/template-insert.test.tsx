// Every bundled template inserted through the adapter over the in-memory Excel, as the pane inserts it (new sheet,
// re-based a year on, at a selected cell of a sheet that already holds other work), then checked with the pane's
// own check: no finding on any inserted sheet. And the record the report sheet's template version comes from.
import { gridFromRows } from "../../src/core/cells/grid";
import { BUNDLED_CATALOG } from "../../src/core/templates/bundled";
import { isBookTemplate, isPlanTemplate } from "../../src/core/templates/schema";
import { createExcelPort } from "../../src/excel/adapter";
import { createFakeExcel } from "../../src/preview/fake-excel/excel";
import { FakeWorkbookModel } from "../../src/preview/fake-excel/model";
import { runCheck } from "../../src/taskpane/run-check";
import { insertTemplate, yearProblem } from "../../src/taskpane/template-insert";
import { appendRecord, parseRecords, templateVersionsBySheet, type TemplateRecord } from "../../src/taskpane/template-record";

jest.setTimeout(120_000);

function workbook() {
  // A sheet with the officer's own notes at the top, where templates go below them.
  const model = FakeWorkbookModel.fromGrid({ sheets: [gridFromRows("작업", [["메모", "2021년 예산 작업"], ["담당", "지역경제과"]])] });
  return { model, port: createExcelPort(createFakeExcel(model).Excel as unknown as typeof Excel) };
}

const NOW = () => new Date("2026-11-22T01:02:03.000Z");

const PLANS = BUNDLED_CATALOG.templates.filter(isPlanTemplate);

test("all 15 bundled program templates, inserted three ways: the pane's check finds nothing but the seed's own shortfall", async () => {
  const { model, port } = workbook();
  expect(PLANS).toHaveLength(15);
  const inserted: string[] = [];
  let row = 3;
  for (const template of PLANS) {
    const a = await insertTemplate(port, { template, year: template.fiscalYear, where: "new-sheet", amounts: "defaults" }, NOW);
    const b = await insertTemplate(port, { template, year: template.fiscalYear + 1, where: "new-sheet", amounts: "empty" }, NOW);
    // At the selection: column B of the notes sheet, each template below the last.
    model.activeSheet = "작업";
    model.selection = { sheet: "작업", address: `B${row + 1}` };
    const c = await insertTemplate(port, { template, year: template.fiscalYear, where: "selection", amounts: "defaults" }, NOW);
    expect(c.sheet).toBe("작업");
    row = Number(/:[A-Z]+(\d+)$/.exec(c.range)?.[1]) + 2;
    inserted.push(a.sheet, b.sheet);
    expect(model.activeSheet).toBe("작업");
  }
  const run = await runCheck(port, "workbook", () => undefined);
  // Nothing but the seed's one real shortfall, where the template's amounts are put in: 시설현대화's need table
  // (02 전통시장 시설현대화 in the seed: 29,324백만원 needed, 6,468백만원 not yet secured). Blank inputs: nothing.
  const facilities = PLANS.findIndex((x) => x.id === "traditional-market-facilities");
  // In sheet order: the notes sheet comes first, then the new sheets as they were added.
  const expected = ["작업", inserted[2 * facilities]].map((sheet) => [sheet, "shortfall", 6468, "백만원"]);
  expect(run.result.findings.map((f) => [f.sheet, f.rule, f.actual, f.unit])).toEqual(expected);
  expect(run.result.findings.every((f) => f.severity === "warning")).toBe(true);
  // Every inserted sheet was checked: each holds its funding table.
  for (const sheet of [...inserted, "작업"]) expect(run.result.tables.some((t) => t.sheet === sheet && t.kind === "funding")).toBe(true);
  expect(run.result.tables.filter((t) => t.sheet === "작업" && t.kind === "funding")).toHaveLength(15);

  const records = parseRecords(await port.getSetting("yesan.templates"));
  expect(records).toHaveLength(45);
  expect(records[0]).toEqual({ id: PLANS[0].id, version: "1.0.0", sheet: inserted[0], year: PLANS[0].fiscalYear, insertedAt: "2026-11-22T01:02:03.000Z" });
  expect(new Set(inserted).size).toBe(30); // every new sheet got its own name
});

test("the book page: on a sheet of its own even when asked for the selection, calculated by the in-memory Excel, then edited", async () => {
  const { model, port } = workbook();
  const template = BUNDLED_CATALOG.templates.find(isBookTemplate);
  if (template === undefined) throw new Error("book template missing");
  model.activeSheet = "작업";
  model.selection = { sheet: "작업", address: "D10" };
  const a = await insertTemplate(port, { template, year: 2027, where: "selection", amounts: "defaults" }, NOW);
  expect(a.sheet).toBe("2027 세부사업 예산서(신규)");
  expect(model.sheet("작업")?.cells.size).toBe(4); // the notes only
  const first = await runCheck(port, "workbook", () => undefined);
  expect(first.result.findings).toEqual([]);
  // 53,206천원, worked out by hand in test/core/templates/layout-book.test.ts; Excel's own calculation gives it.
  expect(first.result.book?.programs.map((p) => [p.path[3], p.amount])).toEqual([["전통시장 디지털 전환 지원", 53206]]);

  // The officer types 5개소 → 6개소 for the 민간경상사업보조 and 25,000 for 시: 20,000 + 5,000,000 × 2 = 30,000
  // more, 구 the rest (63,206 − 25,000 = 38,206).
  const sheet = model.sheet(a.sheet);
  if (sheet === undefined) throw new Error("sheet missing");
  const rowOf = (label: string): number => [...Array(80).keys()].find((r) => sheet.cell(r, 5)?.value === label) ?? -1;
  const aid = rowOf("◎전통시장 디지털 전환 지원") + 1;
  const fake = createFakeExcel(model).Excel;
  await fake.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(a.sheet);
    ws.getRange(`N${aid}`).values = [[6]];
    ws.getRange("L14").values = [[25000]];
    await ctx.sync();
  });
  const second = await runCheck(port, "workbook", () => undefined);
  expect(second.result.findings).toEqual([]);
  expect(second.result.book?.programs.map((p) => p.amount)).toEqual([63206]);
  expect(sheet.cell(aid - 1, 6)?.value).toBe("5,000,000원*6개소");
  expect([...sheet.cells.values()].filter((c) => c.value === "구   38,206")).toHaveLength(4);
});

test("the year: four digits, and the re-based table must stay within 1990–2099", () => {
  const t = BUNDLED_CATALOG.templates.find((x) => x.id === "business-support-facilities");
  if (t === undefined) throw new Error("template missing");
  // Its funding table runs 2019–2023 for the 2021 plan: two years before, two after.
  expect(yearProblem(t, "2021")).toBeUndefined();
  expect(yearProblem(t, " 2097 ")).toBeUndefined();
  expect(yearProblem(t, "2098")?.ko).toBe("이 연도로 옮기면 재원별 표가 2096~2100년이 되어 1990~2099년을 벗어납니다.");
  expect(yearProblem(t, "1991")?.en).toBe("In that year the funding table would run 1989–1993, outside 1990–2099.");
  expect(yearProblem(t, "21")?.ko).toBe("연도는 1990~2099 사이의 네 자리 숫자로 적으세요.");
  expect(yearProblem(t, "2021년")?.en).toBe("Type the year as four digits between 1990 and 2099.");
});

test("the record keeps what it cannot read, and the report names the templates of the checked sheets", () => {
  const rec = (id: string, version: string, sheet: string): TemplateRecord => ({ id, version, sheet, year: 2021, insertedAt: "2026-11-22T00:00:00.000Z" });
  // Another version's entry (no year) is kept as it was when a record is added.
  const text = appendRecord(JSON.stringify([{ id: "old", sheet: "x" }]), rec("a", "1.0.0", "2021 가"));
  expect(JSON.parse(text)).toEqual([{ id: "old", sheet: "x" }, rec("a", "1.0.0", "2021 가")]);
  expect(parseRecords(text)).toEqual([rec("a", "1.0.0", "2021 가")]);
  expect(parseRecords("not json")).toEqual([]);
  expect(JSON.parse(appendRecord("{}", rec("b", "2.0.0", "나")))).toEqual([rec("b", "2.0.0", "나")]);

  const records = [rec("a", "1.0.0", "2021 가"), rec("b", "1.1.0", "2021 나"), rec("a", "1.0.0", "2021 가 (2)"), rec("c", "3.0.0", "지운 시트")];
  const result = (sheets: string[]) => ({ tables: sheets.map((sheet) => ({ sheet, range: "A1:B2", kind: "funding" as const })), findings: [], notChecked: [] });
  // Each sheet gets its own template's version; a sheet no template made gets none.
  expect(templateVersionsBySheet(records, result(["2021 가", "2021 가 (2)", "2021 나", "06 교류"]))).toEqual({
    "2021 가": "a@1.0.0",
    "2021 가 (2)": "a@1.0.0",
    "2021 나": "b@1.1.0",
  });
  // Two templates inserted into one sheet (at different cells) are both named.
  expect(templateVersionsBySheet([...records, rec("e", "1.0.0", "2021 나")], result(["2021 나"]))).toEqual({ "2021 나": "b@1.1.0, e@1.0.0" });
  // Excel's sheet names ignore case: the key is the name the check gives.
  expect(templateVersionsBySheet([rec("d", "1.0.0", "Plan")], result(["PLAN"]))).toEqual({ PLAN: "d@1.0.0" });
  expect(templateVersionsBySheet(records, result(["06 교류"]))).toEqual({});
});
