// getSelection and the workbook settings through the adapter over the in-memory Excel.
import { gridFromRows } from "../../src/core/cells/grid";
import { createExcelPort } from "../../src/excel/adapter";
import { ExcelPortError } from "../../src/excel/port";
import { createFakeExcel } from "../../src/preview/fake-excel/excel";
import { FakeWorkbookModel } from "../../src/preview/fake-excel/model";

const KOREAN = "06 국내·외 교류";

function setup() {
  const model = FakeWorkbookModel.fromGrid({
    sheets: [
      gridFromRows("Sheet1", [["재원별", "2021년"], ["구비", 114600]]),
      // C2 holds a formula only; E5 a format only.
      { name: KOREAN, cells: [[], [undefined, undefined, { v: undefined, f: "SUM(A1:B1)" }]], merges: [] },
    ],
  });
  model.sheet(KOREAN)?.setCell(4, 4, { value: null, fill: { color: "#FFFF00", pattern: "Solid" } });
  return { model, port: createExcelPort(createFakeExcel(model).Excel as unknown as typeof Excel) };
}

describe("getSelection", () => {
  test("the sheet and range of the selection, and whether any cell in it holds a value or a formula", async () => {
    const { model, port } = setup();
    const cases: [string, string, { r0: number; c0: number; r1: number; c1: number }, boolean][] = [
      ["Sheet1", "B2", { r0: 1, c0: 1, r1: 1, c1: 1 }, false],
      ["Sheet1", "A1:B2", { r0: 0, c0: 0, r1: 1, c1: 1 }, false],
      ["Sheet1", "C1:D9", { r0: 0, c0: 2, r1: 8, c1: 3 }, true],
      [KOREAN, "C2", { r0: 1, c0: 2, r1: 1, c1: 2 }, false], // a formula counts
      [KOREAN, "D4:F6", { r0: 3, c0: 3, r1: 5, c1: 5 }, true], // a formatted cell is still empty
      // Whole columns: answered without reading a million cells.
      [KOREAN, "D:E", { r0: 0, c0: 3, r1: 1_048_575, c1: 4 }, true],
      [KOREAN, "A:C", { r0: 0, c0: 0, r1: 1_048_575, c1: 2 }, false],
    ];
    for (const [sheet, address, range, empty] of cases) {
      model.activeSheet = sheet;
      model.selection = { sheet, address };
      expect(await port.getSelection()).toEqual({ sheet, range, empty });
    }
  });

  test("with several areas selected, the first one; the whole sheet selected costs one sync", async () => {
    const { model, port } = setup();
    model.selection = { sheet: "Sheet1", address: "D5:E6,A1" };
    expect(await port.getSelection()).toEqual({ sheet: "Sheet1", range: { r0: 4, c0: 3, r1: 5, c1: 4 }, empty: true });
    model.selection = { sheet: "Sheet1", address: "A:XFD" };
    const before = model.syncCount;
    expect(await port.getSelection()).toEqual({ sheet: "Sheet1", range: { r0: 0, c0: 0, r1: 1_048_575, c1: 16_383 }, empty: false });
    expect(model.syncCount - before).toBe(1);
  });

  test("an error from Excel arrives typed", async () => {
    const { model, port } = setup();
    model.cellEditMode = true;
    const e = await port.getSelection().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ExcelPortError);
    expect((e as ExcelPortError).code).toBe("cell-edit-mode");
  });
});

describe("settings", () => {
  test("a setting round-trips, Korean included, and is still there after reopening the workbook", async () => {
    const { model, port } = setup();
    expect(await port.getSetting("yesan.catalog")).toBeUndefined();
    const value = JSON.stringify({ url: "https://예산.example/catalog.json", templates: ["gcheon-2021@1"] });
    await port.setSetting("yesan.catalog", value);
    await port.setSetting("yesan.note", "예산 '검증' \"결과\"\n2줄");
    const reopened = createExcelPort(createFakeExcel(model).Excel as unknown as typeof Excel);
    expect(await reopened.getSetting("yesan.catalog")).toBe(value);
    expect(await reopened.getSetting("yesan.note")).toBe("예산 '검증' \"결과\"\n2줄");
    await reopened.setSetting("yesan.note", "바뀜");
    expect(await port.getSetting("yesan.note")).toBe("바뀜");
  });

  test("a setting another add-in stored as an object comes back as its JSON text", async () => {
    const { model, port } = setup();
    model.settings.set("other", { a: 1, b: ["x"] });
    expect(await port.getSetting("other")).toBe('{"a":1,"b":["x"]}');
  });

  test("setSetting waits for cell edit mode to end; getSetting reports it", async () => {
    const { model, port } = setup();
    model.cellEditMode = true;
    const e = await port.getSetting("k").catch((x: unknown) => x);
    expect((e as ExcelPortError).code).toBe("cell-edit-mode");
    const done = port.setSetting("k", "v");
    setTimeout(() => {
      model.cellEditMode = false;
    }, 10);
    await done;
    expect(model.settings.get("k")).toBe("v");
  });
});
