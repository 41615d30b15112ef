// writePlan through the adapter over the in-memory Excel: the same code that runs in Excel. Plans are built by
// hand here, or from a funding table of the seed (samples/seed-plan.json) with its totals as SUM formulas.
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkWorkbook } from "../../src/core/check-workbook";
import { gridFromRows, type Scalar, type WorkbookGrid } from "../../src/core/cells/grid";
import { emptyPlan, planToGrid, type PlanCell, type SheetPlan } from "../../src/core/cells/sheet-plan";
import { BUNDLED_CATALOG } from "../../src/core/templates/bundled";
import { layoutTemplate } from "../../src/core/templates/layout";
import { parseRelativeRange, parseSeedPlan, tableCellValue, unitLabel, type SeedTableBlock } from "../../src/cli/sample-layout";
import { createExcelPort } from "../../src/excel/adapter";
import { ExcelPortError } from "../../src/excel/port";
import { readWorkbookGrid } from "../../src/excel/read";
import { createFakeExcel } from "../../src/preview/fake-excel/excel";
import { FakeWorkbookModel, type FakeCell } from "../../src/preview/fake-excel/model";

const SEED = parseSeedPlan(JSON.parse(readFileSync(path.join(__dirname, "../../samples/seed-plan.json"), "utf8")));

function setup(grid: WorkbookGrid = { sheets: [gridFromRows("Sheet1", [])] }) {
  const model = FakeWorkbookModel.fromGrid(grid);
  const excel = createFakeExcel(model).Excel as unknown as typeof Excel;
  return { model, excel, port: createExcelPort(excel) };
}

async function refusal(p: Promise<unknown>): Promise<ExcelPortError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (e instanceof ExcelPortError) return e;
  throw new Error(`expected an ExcelPortError, got ${String(e)}`);
}

function cellOf(model: FakeWorkbookModel, sheet: string, r: number, c: number): FakeCell | undefined {
  return model.sheet(sheet)?.cell(r, c);
}

const text = (r: number, c: number, value: string, extra: Partial<PlanCell> = {}): PlanCell => ({ r, c, value, ...extra });
const num = (r: number, c: number, value: number, extra: Partial<PlanCell> = {}): PlanCell => ({ r, c, value, ...extra });
const formula = (r: number, c: number, f: string, extra: Partial<PlanCell> = {}): PlanCell => ({ r, c, formula: f, ...extra });

/** A plan of n number cells in a 10-column block from A1. */
function bigPlan(sheet: string, n: number): SheetPlan {
  const plan = emptyPlan(sheet);
  for (let i = 0; i < n; i++) plan.cells.push(num(Math.floor(i / 10), i % 10, i + 1));
  return plan;
}

/**
 * A seed funding table ("재원별 | 합계 | 연차별 …", unit 천원) laid out as the sample workbooks lay it out: the unit
 * label above the last column, the table below it. The 계 row and the 합계 column are SUM formulas instead of
 * the printed figures; `wrong` replaces one of them (A1 text) by a SUM that leaves out the last source row.
 */
function fundingPlan(sheetName: string, wrong?: { r: number; c: number }): { plan: SheetPlan; table: SeedTableBlock } {
  const sheet = SEED.workbooks.flatMap((w) => w.sheets).find((s) => s.name === sheetName);
  const table = sheet?.blocks.find((b): b is SeedTableBlock => "table" in b && b.unit === "천원");
  if (sheet === undefined || table === undefined) throw new Error(`no funding table on ${sheetName}`);
  const plan = emptyPlan(sheetName);
  const width = table.table[0].length;
  const top = 1;
  const header = table.header ?? 1;
  const totalRow = top + header; // "계"
  const lastRow = top + table.table.length - 1;
  plan.cells.push(text(0, width - 1, unitLabel(table.unit ?? ""), { horizontalAlignment: "Right" }));
  table.table.forEach((row, i) =>
    row.forEach((printed, c) => {
      const r = top + i;
      if (i >= header && c >= 1 && (r === totalRow || c === 1)) {
        const col = String.fromCharCode(65 + c);
        // 합계 (column B) adds the years of its row, the 계 row too; the 계 row adds the sources of its column.
        let f = c !== 1 ? `SUM(${col}${totalRow + 2}:${col}${lastRow + 1})` : `SUM(C${r + 1}:${String.fromCharCode(65 + width - 1)}${r + 1})`;
        if (wrong !== undefined && wrong.r === r && wrong.c === c) f = `SUM(${col}${totalRow + 2}:${col}${lastRow})`;
        plan.cells.push(formula(r, c, f, { numberFormat: "#,##0" }));
        return;
      }
      const laid = tableCellValue(printed);
      if (laid.kind === "number") plan.cells.push(num(r, c, laid.value, { numberFormat: laid.numFmt }));
      else if (laid.value !== "") plan.cells.push(text(r, c, laid.value, { bold: i < header }));
    }),
  );
  for (const m of table.merges ?? []) {
    const rel = parseRelativeRange(m);
    if (rel !== undefined) plan.merges.push({ r0: top + rel.r0, c0: rel.c0, r1: top + rel.r1, c1: rel.c1 });
  }
  return { plan, table };
}

describe("where a plan goes", () => {
  test('a new sheet whose name is taken gets "(2)", then "(3)"; names are cleaned and kept within 31 characters', async () => {
    const long = "가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다"; // 31 characters
    const { model, port } = setup({ sheets: [gridFromRows("03 소상공인 지원", [["표"]]), gridFromRows(long, [])] });
    const plan = bigPlan("03 소상공인 지원", 3);
    expect((await port.writePlan(plan, { mode: "new-sheet" })).sheet).toBe("03 소상공인 지원 (2)");
    expect((await port.writePlan(plan, { mode: "new-sheet" })).sheet).toBe("03 소상공인 지원 (3)");
    expect((await port.writePlan(bigPlan(long, 1), { mode: "new-sheet" })).sheet).toBe(`${long.slice(0, 27)} (2)`);
    expect((await port.writePlan(bigPlan("예산/결산: 2021?", 1), { mode: "new-sheet" })).sheet).toBe("예산_결산_ 2021_");
    expect((await port.writePlan(bigPlan("History", 1), { mode: "new-sheet" })).sheet).toBe("History (2)");
    expect(model.sheets.map((s) => s.name)).toEqual(["03 소상공인 지원", long, "03 소상공인 지원 (2)", "03 소상공인 지원 (3)", `${long.slice(0, 27)} (2)`, "예산_결산_ 2021_", "History (2)"]);
    // The first sheet is untouched; the new ones hold the plan.
    expect(model.toGrid().sheets[0].cells).toEqual([[{ v: "표" }]]);
    expect(model.toGrid().sheets[2].cells).toEqual([[{ v: 1 }, { v: 2 }, { v: 3 }]]);
  });

  test("an existing sheet with values under the plan is refused, naming the cells in both languages; nothing changes", async () => {
    const { model, port } = setup({ sheets: [gridFromRows("사업", [["재원별", "2021년", "2022년"], ["구비", null, 300], ["시비", 100, null]])] });
    const plan = emptyPlan("사업");
    plan.cells.push(num(1, 1, 1), num(1, 2, 2), num(2, 1, 3), num(2, 2, 4));
    const before = model.snapshot();
    const syncs = model.syncCount;
    const e = await refusal(port.writePlan(plan, { mode: "existing-sheet" }));
    expect(e.code).toBe("occupied");
    expect(e.text.ko).toContain("'사업' 시트의 C2, B3에 이미 값이 있어 아무것도 쓰지 않았습니다");
    expect(e.text.en).toContain("C2, B3 on sheet '사업' already hold values, so nothing was written");
    expect(model.snapshot()).toBe(before);
    expect(model.syncCount - syncs).toBe(1); // the read only
  });

  test("a setting update rides in the same two syncs, with the sheet actually written; a refusal leaves it as it was", async () => {
    const { model, port } = setup({ sheets: [gridFromRows("사업", [["구비", 100]])] });
    await port.setSetting("yesan.test", "[1]");
    const update = (before: string | undefined, sheet: string): string => JSON.stringify([...(JSON.parse(before ?? "[]") as unknown[]), sheet]);
    const plan = emptyPlan("사업");
    plan.cells.push(num(0, 0, 1));
    let syncs = model.syncCount;
    const written = await port.writePlan(plan, { mode: "new-sheet", setting: { key: "yesan.test", update } });
    expect(model.syncCount - syncs).toBe(2);
    expect(written.sheet).toBe("사업 (2)");
    expect(await port.getSetting("yesan.test")).toBe('[1,"사업 (2)"]');

    const before = model.snapshot();
    syncs = model.syncCount;
    const e = await refusal(port.writePlan(plan, { mode: "existing-sheet", setting: { key: "yesan.test", update } }));
    expect(e.code).toBe("occupied");
    expect(model.syncCount - syncs).toBe(1);
    expect(model.snapshot()).toBe(before);
    expect(await port.getSetting("yesan.test")).toBe('[1,"사업 (2)"]');
  });

  test("a long list of occupied cells names runs in rows, the first eight, and counts the rest", async () => {
    const rows: Scalar[][] = [...Array(12)].map(() => [1, 2, 3]);
    const { port } = setup({ sheets: [gridFromRows("S", rows)] });
    const e = await refusal(port.writePlan(bigPlan("S", 120), { mode: "existing-sheet" }));
    // Rows 1-12 hold A:C; the plan covers A:J of those rows: runs A1:C1 … A8:C8 named, 4 rows × 3 cells left.
    expect(e.text.en).toBe("A1:C1, A2:C2, A3:C3, A4:C4, A5:C5, A6:C6, A7:C7, A8:C8 and 12 more cells on sheet 'S' already hold values, so nothing was written. Confirm overwriting them or select an empty place.");
    expect(e.text.ko).toContain("A8:C8 외 12개 셀에 이미 값이 있어");
  });

  test("a fill plan inside a user's table writes only its cells: the labels between them survive", async () => {
    const rows: Scalar[][] = [["재원별", "2021년", "비고"], ["구비", null, "구 자체"], ["시비", null, "매칭"]];
    const { model, port } = setup({ sheets: [gridFromRows("사업", rows)] });
    const plan = emptyPlan("사업");
    plan.cells.push(num(1, 1, 181203, { numberFormat: "#,##0" }), num(2, 1, 12904, { numberFormat: "#,##0" }));
    const written = await port.writePlan(plan, { mode: "existing-sheet" });
    expect(written).toEqual({ sheet: "사업", range: "B2:B3", names: [] });
    expect(model.toGrid().sheets[0].cells).toEqual([
      [{ v: "재원별" }, { v: "2021년" }, { v: "비고" }],
      [{ v: "구비" }, { v: 181203, z: "#,##0" }, { v: "구 자체" }],
      [{ v: "시비" }, { v: 12904, z: "#,##0" }, { v: "매칭" }],
    ]);
  });

  test("overwrite: true writes over the occupied cells (after the user confirmed)", async () => {
    const { model, port } = setup({ sheets: [gridFromRows("사업", [[1, 2]])] });
    const plan = emptyPlan("사업");
    plan.cells.push(num(0, 0, 10), text(1, 0, "새 값"));
    const e = await refusal(port.writePlan(plan, { mode: "existing-sheet" }));
    expect(e.text.en).toBe("A1 on sheet '사업' already holds a value, so nothing was written. Confirm overwriting it or select an empty place.");
    await port.writePlan(plan, { mode: "existing-sheet", overwrite: true });
    expect(model.toGrid().sheets[0].cells).toEqual([[{ v: 10 }, { v: 2 }], [{ v: "새 값", z: "@" }]]);
  });

  test("a number written into an existing sheet keeps the cell's own format, except text (@), which would store it as text", async () => {
    const { model, port } = setup({
      sheets: [{ name: "사업", merges: [], cells: [[{ v: "국비", z: "@" }, { v: 1, z: "#,##0;[Red]-#,##0" }, { v: null as unknown as string, z: "@" }, { v: 3, z: "0.0" }]] }],
    });
    // C1 is an empty cell formatted as text; D1 gets a formula.
    expect([1, 2, 3].map((c) => model.sheet("사업")?.cell(0, c)?.numberFormat)).toEqual(["#,##0;[Red]-#,##0", "@", "0.0"]);
    const plan = emptyPlan("사업");
    plan.cells.push(num(0, 1, 1500), num(0, 2, 2500), formula(0, 3, "B1+C1"), num(0, 4, 7));
    await port.writePlan(plan, { mode: "existing-sheet", overwrite: true });
    const s = model.sheet("사업");
    expect([1, 2, 3, 4].map((c) => s?.cell(0, c)?.numberFormat)).toEqual(["#,##0;[Red]-#,##0", undefined, "0.0", undefined]);
    expect([1, 2, 3, 4].map((c) => s?.cell(0, c)?.value)).toEqual([1500, 2500, 4000, 7]);
  });

  test("a cell holding only spaces counts as empty, as the fill's preview shows it: not refused", async () => {
    const { model, port } = setup({ sheets: [gridFromRows("사업", [["국비", " "], ["시비", "\u00a0"]])] });
    const plan = emptyPlan("사업");
    plan.cells.push(num(0, 1, 1000), num(1, 1, 2000));
    await port.writePlan(plan, { mode: "existing-sheet" });
    expect(model.toGrid().sheets[0].cells).toEqual([[{ v: "국비" }, { v: 1000 }], [{ v: "시비" }, { v: 2000 }]]);
  });

  test("a missing sheet is refused by name", async () => {
    const { model, port } = setup();
    const before = model.snapshot();
    const e = await refusal(port.writePlan(bigPlan("없는 시트", 1), { mode: "existing-sheet" }));
    expect([e.code, e.text.ko, e.text.en]).toEqual(["not-found", "'없는 시트' 시트가 없어 아무것도 쓰지 않았습니다. 이름이 바뀌었거나 삭제되었을 수 있습니다.", "There is no sheet '없는 시트', so nothing was written. It may have been renamed or deleted."]);
    expect(model.snapshot()).toBe(before);
  });

  test("a protected sheet is refused with ExcelPortError protected, naming it; nothing changes", async () => {
    const { model, port } = setup({ sheets: [gridFromRows("시나리오", [[1]]), gridFromRows("사업", [])] });
    for (const s of model.sheets) s.protected = true;
    const before = model.snapshot();
    for (const [sheet, mode] of [["사업", "existing-sheet"], ["시나리오", "replace-sheet"]] as const) {
      const e = await refusal(port.writePlan(bigPlan(sheet, 5), { mode }));
      expect(e.code).toBe("protected");
      expect(e.text.ko).toBe(`'${sheet}' 시트가 보호되어 있어 아무것도 쓰지 않았습니다. 시트 보호를 해제하거나 다른 위치를 선택하세요.`);
      expect(e.text.en).toContain(`Sheet '${sheet}' is protected`);
    }
    expect(model.snapshot()).toBe(before);
  });

  test("replace-sheet clears only that sheet (values, formats, merges, validation, charts, widths) and keeps its names", async () => {
    const { model, port } = setup({ sheets: [gridFromRows("원본", [["사용자 표", 1]]), gridFromRows("시나리오", [])] });
    const first = emptyPlan("시나리오");
    first.cells.push(text(0, 0, "제목", { bold: true, fill: "#FFF2CC" }), num(5, 5, 99), num(1, 0, 1), num(2, 0, 2));
    first.merges.push({ r0: 0, c0: 0, r1: 0, c1: 3 });
    first.validations.push({ range: { r0: 1, c0: 0, r1: 2, c1: 0 }, rule: { kind: "decimal", min: 0 }, title: { ko: "입력", en: "Input" }, message: { ko: "0 이상", en: "0 or more" } });
    first.names.push({ name: "시나리오_합계", range: { r0: 1, c0: 0, r1: 2, c1: 0 } });
    first.columnWidths = [{ c: 7, width: 30 }];
    first.charts = [{ kind: "line", title: { ko: "추이", en: "Trend" }, data: { r0: 1, c0: 0, r1: 2, c1: 0 }, seriesBy: "columns", at: { r: 4, c: 0 } }];
    await port.writePlan(first, { mode: "replace-sheet" });
    const other = JSON.stringify(model.toGrid().sheets[0]);
    const otherCells = JSON.stringify([...(model.sheet("원본")?.cells ?? [])]);

    const second = emptyPlan("시나리오");
    second.cells.push(text(0, 0, "새 제목"), num(1, 0, 5), num(2, 0, 6));
    second.names.push({ name: "시나리오_합계", range: { r0: 1, c0: 0, r1: 2, c1: 0 } });
    const written = await port.writePlan(second, { mode: "replace-sheet" });
    expect(written).toEqual({ sheet: "시나리오", range: "A1:A3", names: ["시나리오_합계"] });
    const s = model.sheet("시나리오");
    expect(model.toGrid().sheets[1].cells).toEqual([[{ v: "새 제목", z: "@" }], [{ v: 5 }], [{ v: 6 }]]);
    expect(s?.cell(0, 0)?.bold).toBeUndefined();
    expect(s?.cell(0, 0)?.fill).toBeUndefined();
    expect(s?.merges).toEqual([]);
    expect(s?.validations.size).toBe(0);
    expect(s?.charts).toEqual([]);
    expect(s?.columnWidths.size).toBe(0);
    // The name was the sheet's own: taken over, not duplicated as 시나리오_합계_2.
    expect(model.names.map((n) => [n.name, n.formula])).toEqual([["시나리오_합계", "=시나리오!$A$2:$A$3"]]);
    expect(JSON.stringify(model.toGrid().sheets[0])).toBe(other);
    expect(JSON.stringify([...(model.sheet("원본")?.cells ?? [])])).toBe(otherCells);
    expect(model.sheets.map((x) => x.name)).toEqual(["원본", "시나리오"]);
  });
});

describe("what a plan writes", () => {
  test('text stays text: "=cmd|…", "+1", "-", "@x", "2021" get "@" before their value and never become formulas', async () => {
    const { model, port } = setup();
    const plan = emptyPlan("입력");
    const texts = ["=cmd|' /C calc'!A0", "+1", "-", "@x", "2021", "=SUM(A1:A2)"];
    texts.forEach((t, i) => plan.cells.push(text(i, 0, t, { numberFormat: "#,##0" }))); // a number format on text is ignored
    await port.writePlan(plan, { mode: "new-sheet" });
    texts.forEach((t, i) => expect(cellOf(model, "입력", i, 0)).toEqual({ value: t, numberFormat: "@" }));
  });

  test("formulas, number formats, bold, alignment, fill, merges, widths, validation, names, a chart, the selection", async () => {
    const { model, port } = setup();
    const plan = emptyPlan("사업계획");
    plan.cells.push(
      text(0, 0, "재원별", { bold: true, horizontalAlignment: "Center", fill: "#D9E1F2" }),
      text(0, 1, "2021년", { bold: true, horizontalAlignment: "Center", fill: "#D9E1F2" }),
      text(1, 0, "국비"),
      num(1, 1, 120000, { numberFormat: "#,##0", input: true, fill: "#FFF2CC" }),
      text(2, 0, "구비"),
      num(2, 1, 181203, { numberFormat: "#,##0", input: true, fill: "#FFF2CC" }),
      text(3, 0, "계", { bold: true }),
      formula(3, 1, "SUM(B2:B3)", { numberFormat: "#,##0", bold: true }),
      text(5, 0, "비고 (병합)"),
    );
    plan.merges.push({ r0: 5, c0: 0, r1: 5, c1: 2 });
    plan.columnWidths = [
      { c: 0, width: 9.140625 },
      { c: 1, width: 13 },
    ];
    plan.validations.push({
      range: { r0: 1, c0: 1, r1: 2, c1: 1 },
      rule: { kind: "wholeNumber", min: 0, max: 999999999 },
      title: { ko: "금액 입력", en: "Amount" },
      message: { ko: "0 이상 999,999,999 이하의 정수(천원)를 입력하세요.", en: "Enter a whole number of thousand won from 0 to 999,999,999." },
    });
    plan.names.push({ name: "국비_2021", range: { r0: 1, c0: 1, r1: 1, c1: 1 }, comment: "국비 2021년" });
    plan.charts = [{ kind: "columnClustered", title: { ko: "재원별 예산", en: "Budget by source" }, data: { r0: 0, c0: 0, r1: 2, c1: 1 }, seriesBy: "columns", at: { r: 7, c: 0 } }];

    const written = await port.writePlan(plan, { mode: "new-sheet", activate: true });
    expect(written).toEqual({ sheet: "사업계획", range: "A1:C6", names: ["국비_2021"] });
    const s = model.sheet("사업계획");
    if (s === undefined) throw new Error("sheet");
    // Excel (here the in-memory one) calculates what it is given: 120,000 + 181,203.
    expect(s.cell(3, 1)).toEqual({ value: 301203, formula: "SUM(B2:B3)", numberFormat: "#,##0", bold: true });
    expect(s.cell(1, 1)).toEqual({ value: 120000, numberFormat: "#,##0", fill: { color: "#FFF2CC", pattern: "Solid" } });
    expect(s.cell(0, 0)).toEqual({ value: "재원별", numberFormat: "@", bold: true, horizontalAlignment: "Center", fill: { color: "#D9E1F2", pattern: "Solid" } });
    expect(s.cell(1, 0)).toEqual({ value: "국비", numberFormat: "@" });
    expect(s.merges).toEqual([{ r0: 5, c0: 0, r1: 5, c1: 2 }]);
    // 9.140625 (Excel's default) is 64 px = 48 pt; 13 is trunc((13·256 + 18)/256 · 7) = 91 px = 68.25 pt.
    expect([...s.columnWidths]).toEqual([
      [0, 48],
      [1, 68.25],
    ]);
    const v = s.validations.get(model.key(1, 1));
    expect(s.validations.get(model.key(2, 1))).toBe(v);
    expect(s.validations.size).toBe(2);
    expect(v?.rule).toEqual({ kind: "wholeNumber", operator: "Between", formula1: "=0", formula2: "=999999999" });
    expect(v?.errorAlert).toEqual({
      showAlert: true,
      style: "Stop",
      title: "금액 입력 / Amount",
      message: "0 이상 999,999,999 이하의 정수(천원)를 입력하세요. / Enter a whole number of thousand won from 0 to 999,999,999.",
    });
    expect(v?.prompt.showPrompt).toBe(true);
    expect(model.names).toEqual([{ name: "국비_2021", formula: "=사업계획!$B$2", comment: "국비 2021년", visible: true }]);
    expect(s.charts).toEqual([{ name: "Chart 1", type: "ColumnClustered", source: "사업계획!A1:B3", seriesBy: "Columns", title: "재원별 예산 / Budget by source", position: { startCell: "A8" } }]);
    expect([model.activeSheet, model.selection]).toEqual(["사업계획", { sheet: "사업계획", address: "A1" }]);
  });

  test("validation texts keep Korean first within Excel's limits: English is dropped before Korean is shortened", async () => {
    const { model, port } = setup();
    const plan = emptyPlan("V");
    const longKo = "가".repeat(240);
    plan.validations.push(
      { range: { r0: 0, c0: 0, r1: 0, c1: 0 }, rule: { kind: "decimal", max: 100 }, title: { ko: "비율 입력 안내", en: "Enter a share in percent" }, message: { ko: "0에서 100 사이", en: "From 0 to 100" } },
      { range: { r0: 1, c0: 0, r1: 1, c1: 0 }, rule: { kind: "decimal" }, title: { ko: "제목", en: "Title" }, message: { ko: longKo, en: "English" } },
    );
    await port.writePlan(plan, { mode: "new-sheet" });
    const s = model.sheet("V");
    const a = s?.validations.get(model.key(0, 0));
    const b = s?.validations.get(model.key(1, 0));
    // "비율 입력 안내 / Enter a share in percent" is 33 characters: over 32, so the title is Korean only.
    expect(a?.errorAlert.title).toBe("비율 입력 안내");
    expect(a?.rule).toEqual({ kind: "decimal", operator: "LessThanOrEqualTo", formula1: "=100" });
    expect(b?.rule).toEqual({ kind: "decimal", operator: "Between", formula1: "=-1000000000000000", formula2: "=1000000000000000" });
    expect(b?.errorAlert.message).toBe(`${"가".repeat(224)}…`);
    expect(b?.prompt.message).toBe(`${"가".repeat(240)} / English`); // 250 characters: the prompt allows 255
  });

  test("a defined name already in the workbook gets the first free suffix, and the plan's formulas follow it", async () => {
    const { model, port } = setup({ sheets: [gridFromRows("기존", [[1]])] });
    model.names.push({ name: "합계", formula: "=기존!$A$1", comment: "", visible: true }, { name: "합계_2", formula: "=기존!$A$1", comment: "", visible: true });
    const plan = emptyPlan("새 계획");
    plan.cells.push(num(0, 0, 3), num(1, 0, 4), formula(2, 0, "합계*2+SUM(합계)"), formula(3, 0, 'IF(A1>0,"합계",합계_2)'));
    plan.names.push({ name: "합계", range: { r0: 0, c0: 0, r1: 1, c1: 0 } });
    const written = await port.writePlan(plan, { mode: "new-sheet" });
    expect(written.names).toEqual(["합계_3"]);
    expect(model.names.map((n) => [n.name, n.formula])).toEqual([
      ["합계", "=기존!$A$1"],
      ["합계_2", "=기존!$A$1"],
      ["합계_3", "='새 계획'!$A$1:$A$2"],
    ]);
    // The name is renamed, the text in quotes and the other name are not.
    expect(cellOf(model, "새 계획", 2, 0)?.formula).toBe("합계_3*2+SUM(합계_3)");
    expect(cellOf(model, "새 계획", 3, 0)?.formula).toBe('IF(A1>0,"합계",합계_2)');
  });

  test("the number of syncs is the same for a 10-cell and a 5,000-cell plan", async () => {
    const counts: number[] = [];
    for (const n of [10, 5000]) {
      const { model, port } = setup({ sheets: [gridFromRows("S", [])] });
      const plan = bigPlan("S", n);
      // Two cells in every row of text, so the plan is not one uniform block.
      plan.cells.push(...[...Array(n / 10)].map((_, r) => text(r, 11, `항목 ${r}`)));
      const before = model.syncCount;
      await port.writePlan(plan, { mode: "existing-sheet" });
      counts.push(model.syncCount - before);
      expect(model.sheet("S")?.cells.size).toBe(n + n / 10);
    }
    expect(counts).toEqual([2, 2]);
  });

  test("it waits for the user to leave cell edit mode instead of failing", async () => {
    const { model, port } = setup();
    model.cellEditMode = true;
    const done = port.writePlan(bigPlan("S", 3), { mode: "new-sheet" });
    setTimeout(() => {
      model.cellEditMode = false;
    }, 10);
    expect((await done).sheet).toBe("S");
  });
});

describe("a plan of SUM formulas, read back and checked", () => {
  test("the formulas read back with the values Excel calculated, and the engine finds nothing wrong in the seed's table", async () => {
    const { plan, table } = fundingPlan("03 소상공인 지원");
    const { excel, port } = setup();
    await port.writePlan(plan, { mode: "new-sheet" });
    const { grid } = await readWorkbookGrid(excel);
    const sheet = grid.sheets.find((s) => s.name === "03 소상공인 지원");
    // Row 4 (계) and column B (합계) are formulas, calculated as Excel would: the seed's printed totals
    // (합계 1,767,600; 2020 계 410,000 + 109,340 = 519,340; 시비 합계 1,030,000).
    expect(sheet?.cells[3]?.[1]).toEqual({ v: 1767600, f: "SUM(C4:F4)" });
    expect(sheet?.cells[3]?.[2]).toEqual({ v: 519340, f: "SUM(C5:C6)" });
    expect(sheet?.cells[4]?.[1]).toEqual({ v: 1030000, f: "SUM(C5:F5)" });
    expect(sheet?.cells[4]?.[2]).toEqual({ v: 410000 }); // the adapter reads values and formulas, not formats
    expect(sheet?.cells[3]?.[0]).toEqual({ v: "계" });
    const result = checkWorkbook(grid);
    expect(result.tables.map((t) => [t.sheet, t.range, t.unit])).toEqual([["03 소상공인 지원", `A2:F${1 + table.table.length}`, "천원"]]);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("a SUM that leaves out a source row is found at its cell", async () => {
    // C4 is the 2020 total (the 계 row; column C is 2020): SUM(C5:C5) leaves out 구비 (row 6).
    const { plan } = fundingPlan("03 소상공인 지원", { r: 3, c: 2 });
    expect(plan.cells.find((x) => x.r === 3 && x.c === 2)?.formula).toBe("SUM(C5:C5)");
    const { excel, port } = setup();
    await port.writePlan(plan, { mode: "new-sheet" });
    const { grid } = await readWorkbookGrid(excel);
    const errors = checkWorkbook(grid).findings.filter((f) => f.severity === "error");
    // The engine computed the uncached SUM(C5:C5) itself: 410,000 (시비 2020) against 410,000 + 109,340 (구비 2020).
    const atC4 = errors.filter((f) => f.cell === "C4").map((f) => [f.rule, f.expected, f.actual]);
    expect(atC4).toEqual([
      ["total-mismatch", 519340, 410000],
      ["formula-range", undefined, "=SUM(C5:C5)"],
    ]);
    expect(errors.every((f) => f.sheet === "03 소상공인 지원")).toBe(true);
  });
});

test("every bundled template: two syncs, and the engine finds through Excel what it finds in the plan itself", async () => {
  expect(BUNDLED_CATALOG.templates.length).toBeGreaterThan(0);
  const { model, excel, port } = setup();
  for (const template of BUNDLED_CATALOG.templates) {
    const plan = layoutTemplate(template);
    const before = model.syncCount;
    const written = await port.writePlan(plan, { mode: "new-sheet" });
    expect(model.syncCount - before).toBe(2);
    expect(written.sheet).toBe(plan.sheet);
    expect(written.names).toEqual(plan.names.map((n) => n.name));
    const { grid } = await readWorkbookGrid(excel);
    const sheet = grid.sheets.find((s) => s.name === written.sheet);
    if (sheet === undefined) throw new Error(written.sheet);
    expect(checkWorkbook({ sheets: [sheet] })).toEqual(checkWorkbook({ sheets: [planToGrid(plan)] }));
  }
  // Inserted again: a new sheet "(2)" and names with a suffix, the first insertion untouched.
  const first = BUNDLED_CATALOG.templates[0];
  const again = await port.writePlan(layoutTemplate(first), { mode: "new-sheet" });
  const plan = layoutTemplate(first);
  expect(again.sheet).toBe(`${plan.sheet} (2)`);
  expect(again.names).toEqual(plan.names.map((n) => `${n.name}_2`));
});
