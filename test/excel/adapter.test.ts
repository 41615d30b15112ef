// The Office.js adapter over the in-memory Excel: the same code that runs in Excel.
import path from "node:path";
import { readWorkbookGrid as readXlsx } from "../../src/cli/read-xlsx";
import { checkWorkbook } from "../../src/core/check-workbook";
import type { WorkbookGrid } from "../../src/core/cells/grid";
import { createExcelPort } from "../../src/excel/adapter";
import { ExcelPortError } from "../../src/excel/port";
import { FakeWorkbookModel } from "../../src/preview/fake-excel/model";
import { createFakeExcel } from "../../src/preview/fake-excel/excel";
import { generatePrograms, workbookGrid } from "../../bench/generate";

const PLAN = path.join(__dirname, "../../samples/2021-경제환경국-지역경제과.xlsx");
let sample: WorkbookGrid;

beforeAll(async () => {
  sample = await readXlsx(PLAN);
});

function portOver(grid: WorkbookGrid) {
  const model = FakeWorkbookModel.fromGrid(grid);
  const fake = createFakeExcel(model);
  return { model, port: createExcelPort(fake.Excel as unknown as typeof Excel) };
}

/** Every cell's fill, for exact before/after comparisons. */
function fills(model: FakeWorkbookModel): string {
  return JSON.stringify(model.toGrid().sheets.map((s) => s.name)) + JSON.stringify(model.sheets.map((s) => [...s.cells.entries()].map(([k, c]) => [k, c.fill ?? null])));
}

test("findings through the adapter equal the command line's on the sample workbook", async () => {
  const { port } = portOver(sample);
  const { grid, syncs } = await port.readWorkbook();
  expect(syncs).toBe(3);
  expect(checkWorkbook(grid)).toEqual(checkWorkbook(sample));
  expect(checkWorkbook(grid).findings.filter((f) => f.severity === "error")).toHaveLength(6);
});

test("reading only named sheets gives exactly those sheets, in workbook order, names compared ignoring case", async () => {
  const { port } = portOver(sample);
  const whole = (await port.readWorkbook()).grid;
  const [second, fifth] = [whole.sheets[1], whole.sheets[4]];
  const { grid, syncs } = await port.readWorkbook({ sheets: [fifth.name, second.name.toUpperCase(), "없는 시트"] });
  expect(grid.sheets).toEqual([second, fifth]);
  expect(syncs).toBe(3);
});

test("50 sheets are read in the same number of syncs as 2", async () => {
  const many = workbookGrid(generatePrograms({ programs: 500, seed: 3, programsPerSheet: 10 }), { programs: 500, seed: 3, programsPerSheet: 10 });
  const few = workbookGrid(generatePrograms({ programs: 20, seed: 3, programsPerSheet: 10 }), { programs: 20, seed: 3, programsPerSheet: 10 });
  expect(many.sheets).toHaveLength(50);
  expect(few.sheets).toHaveLength(2);
  const a = await portOver(many).port.readWorkbook();
  const b = await portOver(few).port.readWorkbook();
  expect(a.syncs).toBe(b.syncs);
  expect(checkWorkbook(a.grid).tables).toHaveLength(500);
});

test("a workbook past Excel's payload limit is read in pieces, completely", async () => {
  const { model, port } = portOver(sample);
  model.limits.maxBytesPerResponse = 20_000; // far below the adapter's estimate per batch
  const { grid, syncs } = await port.readWorkbook();
  expect(syncs).toBeGreaterThan(3);
  expect(checkWorkbook(grid)).toEqual(checkWorkbook(sample));
});

test("selecting a finding activates its sheet and selects its cell", async () => {
  const { model, port } = portOver(sample);
  await port.selectCell("06 국내·외 교류", "B107");
  expect(model.activeSheet).toBe("06 국내·외 교류");
  expect(model.selection).toEqual({ sheet: "06 국내·외 교류", address: "B107" });
});

test("marks colour the blamed cells with a note; clearing restores every fill exactly, even after reopening", async () => {
  const { model, port } = portOver(sample);
  const findings = checkWorkbook(sample).findings;
  // A cell the officer had already coloured must come back with its own colour.
  const sheet = model.sheets.find((s) => s.name === "06 국내·외 교류");
  if (sheet === undefined) throw new Error("sheet");
  const excel = createFakeExcel(model).Excel as unknown as typeof Excel;
  await excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("06 국내·외 교류").getRange("B107").format.fill.color = "#00B050";
    await ctx.sync();
  });
  const before = fills(model);
  const marked = await port.markFindings(findings, "ko");
  expect(marked).toBe(new Set(findings.map((f) => `${f.sheet}!${f.cell}`)).size);
  expect(fills(model)).not.toEqual(before);
  expect(model.comments.size).toBe(marked);
  // Marking again does not save our own colour as the original.
  await port.markFindings(findings, "ko");
  // Reopen: a new Excel over the same document (settings are saved in the workbook).
  const reopened = createExcelPort(createFakeExcel(model).Excel as unknown as typeof Excel);
  expect(await reopened.clearMarks()).toBe(marked);
  expect(fills(model)).toEqual(before);
  expect(model.comments.size).toBe(0);
  expect(await reopened.clearMarks()).toBe(0);
});

test("the report sheet lists every finding with a link, keeps formulas as text, and touches no other sheet", async () => {
  const grid = structuredClone(sample);
  // A total with a formula that leaves out a part: its finding's actual value is the text "=…".
  const s06 = grid.sheets.find((s) => s.name === "06 국내·외 교류");
  if (s06 === undefined) throw new Error("sheet");
  const { model, port } = portOver(grid);
  const result = checkWorkbook(grid);
  result.findings.push({ ...result.findings[1], rule: "formula-range", actual: "=SUM(C107:E107)", message: { ko: "=1+1", en: "=1+1" } });
  const others = JSON.stringify(model.toGrid().sheets);
  await port.writeReport(result, { date: "2026-11-22", templateVersion: "gcheon-2021@1" }, "ko");
  const after = model.toGrid();
  const report = after.sheets.find((s) => s.name === "검증결과");
  expect(report).toBeDefined();
  expect(JSON.stringify(after.sheets.filter((s) => s.name !== "검증결과"))).toEqual(others);
  const row = (r: number) => (report?.cells[r] ?? []).map((c) => c?.v ?? "");
  expect(row(0)).toEqual(["번호", "시트", "셀", "규칙", "심각도", "기대값", "실제값", "단위", "설명", "검사일", "템플릿 버전"]);
  expect(report?.cells.length).toBe(result.findings.length + 1);
  const r06 = report?.cells.findIndex((cells) => cells?.[1]?.v === "06 국내·외 교류") ?? -1;
  expect(row(r06).slice(1, 8)).toEqual(["06 국내·외 교류", "B107", "total-mismatch", "오류", 509400, 527900, "천원"]);
  expect(row(r06)[9]).toBe("2026-11-22");
  expect(row(r06)[10]).toBe("gcheon-2021@1");
  const last = report?.cells[result.findings.length];
  expect(last?.[6]).toEqual({ v: "=SUM(C107:E107)", z: "@" });
  expect(last?.[8]?.f).toBeUndefined();
  const link = model.sheets.find((s) => s.name === "검증결과")?.cells.get(model.key(r06, 2))?.hyperlink;
  expect(link).toMatchObject({ documentReference: "'06 국내·외 교류'!B107", textToDisplay: "B107" });
  // Refreshing replaces the rows (no leftovers, no second sheet).
  await port.writeReport({ tables: [], findings: result.findings.slice(0, 2), notChecked: [] }, { date: "2026-11-23" }, "en");
  const again = model.toGrid().sheets.filter((s) => s.name === "검증결과");
  expect(again).toHaveLength(1);
  expect(again[0].cells.filter((r) => r !== undefined)).toHaveLength(3);
  expect(again[0].cells[0]?.[0]?.v).toBe("No.");
});

test("the shortfall chart: a table in 백만원 and a bar chart on the 부족재원 sheet", async () => {
  const { model, port } = portOver(sample);
  const shortfalls = checkWorkbook(sample).findings.filter((f) => f.rule === "shortfall");
  await port.insertShortfallChart(shortfalls, "ko");
  const sheet = model.sheets.find((s) => s.name === "부족재원");
  expect(sheet?.charts).toHaveLength(1);
  const grid = model.toGrid().sheets.find((s) => s.name === "부족재원");
  expect(grid?.cells[1]?.[0]?.v).toBe("02 전통시장 시설현대화");
  expect(grid?.cells[1]?.[1]?.v).toBe(6468);
  await port.insertShortfallChart(shortfalls, "ko");
  expect(model.sheets.find((s) => s.name === "부족재원")?.charts).toHaveLength(1);
});

describe("errors from Excel reach the caller typed, in both languages", () => {
  test("cell edit mode while reading", async () => {
    const { model, port } = portOver(sample);
    model.cellEditMode = true;
    const e = await port.readWorkbook().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ExcelPortError);
    expect((e as ExcelPortError).code).toBe("cell-edit-mode");
    expect((e as ExcelPortError).excelCode).toBe("InvalidOperationInCellEditMode");
    expect((e as ExcelPortError).text.ko).toContain("셀을 편집하는 중");
  });

  test("writes wait for the user to leave cell edit mode (delayForCellEdit)", async () => {
    const { model, port } = portOver(sample);
    model.cellEditMode = true;
    const done = port.selectCell("06 국내·외 교류", "B107");
    setTimeout(() => {
      model.cellEditMode = false;
    }, 20);
    await done;
    expect(model.selection.address).toBe("B107");
  });

  test("a protected sheet refuses marks and nothing changes", async () => {
    const { model, port } = portOver(sample);
    const s = model.sheets.find((x) => x.name === "06 국내·외 교류");
    if (s === undefined) throw new Error("sheet");
    s.protected = true;
    const before = fills(model);
    const e = await port.markFindings(checkWorkbook(sample).findings, "en").catch((x: unknown) => x);
    expect((e as ExcelPortError).code).toBe("protected");
    expect((e as ExcelPortError).text.en).toContain("protected");
    expect(fills(model)).toEqual(before);
  });

  test("a sheet deleted since the check", async () => {
    const { port } = portOver(sample);
    const e = await port.selectCell("없는 시트", "A1").catch((x: unknown) => x);
    expect((e as ExcelPortError).code).toBe("not-found");
  });
});
