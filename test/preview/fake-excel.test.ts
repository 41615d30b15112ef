// The in-memory Excel behaves like Office.js where the adapter can get it wrong: load/sync, queued writes,
// null objects, addresses, formula injection, fills, settings, comments, payload limits, protection, cell edit
// mode, sync counting. The tests are written against @types/office-js, as the adapter is.
import path from "node:path";
import { readWorkbookGrid } from "../../src/cli/read-xlsx";
import { gridFromRows, type Scalar, type WorkbookGrid } from "../../src/core/cells/grid";
import { createFakeExcel, FakeOfficeError } from "../../src/preview/fake-excel/excel";
import { FakeWorkbookModel } from "../../src/preview/fake-excel/model";

const SAMPLE = path.join(__dirname, "../../samples/2021-경제환경국-지역경제과.xlsx");
const KOREAN = "06 국내·외 교류";

function setup(rows: Scalar[][] = [], name = "Sheet1", grid?: WorkbookGrid) {
  const model = FakeWorkbookModel.fromGrid(grid ?? { sheets: [gridFromRows(name, rows)] });
  const fake = createFakeExcel(model);
  return { model, Excel: fake.Excel, OfficeExtension: fake.OfficeExtension };
}

async function rejection(p: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FakeOfficeError) return e;
    throw e;
  }
  throw new Error("expected a rejection");
}

function thrown(fn: () => unknown): FakeOfficeError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FakeOfficeError) return e;
    throw e;
  }
  throw new Error("expected a throw");
}

describe("load and sync", () => {
  test("a property not loaded throws PropertyNotLoaded, with Office's message; after load and sync it reads", async () => {
    const { Excel, OfficeExtension } = setup([[1, 2], [3, 4]]);
    await Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      const e = thrown(() => range.values);
      expect(e).toBeInstanceOf(OfficeExtension.Error);
      expect(e.name).toBe("RichApi.Error");
      expect(e.code).toBe("PropertyNotLoaded");
      expect(e.message).toBe(
        "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
      );
      expect(e.debugInfo).toEqual({ code: "PropertyNotLoaded", message: e.message, errorLocation: "Range.values" });
      range.load("values");
      expect(() => range.values).toThrow(FakeOfficeError); // loading is not enough: it needs the sync
      await ctx.sync();
      expect(range.values).toEqual([[1, 2], [3, 4]]);
      // Another property needs another load and sync.
      expect(thrown(() => range.address).code).toBe("PropertyNotLoaded");
      range.load("address, rowCount");
      await ctx.sync();
      expect(range.address).toBe("Sheet1!A1:B2");
      expect(range.rowCount).toBe(2);
    });
  });

  test("isNullObject and ClientResult.value are known only after a sync", async () => {
    const { Excel } = setup([[1]]);
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItemOrNullObject("Sheet1");
      const count = ctx.workbook.worksheets.getCount();
      expect(thrown(() => sheet.isNullObject).code).toBe("PropertyNotLoaded");
      expect(thrown(() => count.value).code).toBe("ValueNotLoaded");
      await ctx.sync();
      expect(sheet.isNullObject).toBe(false);
      expect(count.value).toBe(1);
    });
  });

  test("paths load navigation properties: items/name, format/fill/color, worksheet/name", async () => {
    const { Excel } = setup([[1]], KOREAN);
    await Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/visibility");
      const range = sheets.getItem(KOREAN).getRange("A1");
      range.load(["format/fill/color", "worksheet/name"]);
      const viaProxy = range.getCell(0, 0);
      viaProxy.worksheet.load("name");
      await ctx.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([[KOREAN, "Visible"]]);
      expect(() => sheets.items[0].position).toThrow(FakeOfficeError);
      expect(range.format.fill.color).toBe("#FFFFFF");
      expect(range.worksheet.name).toBe(KOREAN);
      expect(viaProxy.worksheet.name).toBe(KOREAN);
    });
  });
});

describe("writes", () => {
  test("are queued, applied at sync in order, and visible in toGrid; a later load sees them", async () => {
    const { model, Excel } = setup([["a", 1]]);
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      const range = sheet.getRange("A2:B2");
      range.values = [["b", 2]];
      expect(range.values).toEqual([["b", 2]]); // the local copy, as office.js keeps it
      expect(model.toGrid().sheets[0].cells[1]).toBeUndefined();
      const check = sheet.getRange("A1:B2");
      check.load("values");
      await ctx.sync();
      expect(check.values).toEqual([["a", 1], ["b", 2]]);
    });
    expect(model.toGrid().sheets[0].cells[1]).toEqual([{ v: "b" }, { v: 2 }]);
  });

  test("a load queued before a write sees the value before it", async () => {
    const { Excel } = setup([[1]]);
    await Excel.run(async (ctx) => {
      const a1 = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      const before = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      before.load("values");
      a1.values = [[2]];
      const after = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      after.load("values");
      await ctx.sync();
      expect(before.values).toEqual([[1]]);
      expect(after.values).toEqual([[2]]);
    });
  });

  test("null entries leave cells unchanged, \"\" empties them, a wrong shape is refused", async () => {
    const { model, Excel } = setup([[1, 2, 3]]);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:C1").values = [[null, "", 9]];
      await ctx.sync();
    });
    expect(model.toGrid().sheets[0].cells[0]).toEqual([{ v: 1 }, undefined, { v: 9 }]);
    const e = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:C1").values = [[1, 2]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    expect(e.debugInfo.errorLocation).toBe("Range.values");
  });

  test("a failed sync applies none of its writes, and its loads deliver nothing", async () => {
    const { model, Excel } = setup([[1]]);
    const before = JSON.stringify(model.toGrid());
    await Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      const a1 = sheets.getItem("Sheet1").getRange("A1");
      a1.values = [[2]];
      a1.load("values");
      sheets.add("New");
      sheets.getItem("Missing").getRange("A1").values = [[3]];
      const e = await rejection(ctx.sync());
      expect(e.code).toBe("ItemNotFound");
      expect(JSON.stringify(model.toGrid())).toBe(before);
      expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    });
  });
});

describe("null objects and missing items", () => {
  test("getUsedRangeOrNullObject on an empty sheet is a null object; getUsedRange gives A1", async () => {
    const { model, Excel } = setup([]);
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      const used = sheet.getUsedRangeOrNullObject();
      used.load("address");
      const fallback = sheet.getUsedRange();
      fallback.load("address");
      await ctx.sync();
      expect(used.isNullObject).toBe(true);
      expect(used.address).toBeUndefined(); // office.js reads a null object's properties as undefined
      expect(fallback.address).toBe("Sheet1!A1");
    });
    // Formatting counts for the used range unless valuesOnly.
    model.sheets[0].setCell(4, 2, { value: null, fill: { color: "#FFFF00", pattern: "Solid" } });
    model.sheets[0].setCell(1, 1, { value: 5 });
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      const all = sheet.getUsedRangeOrNullObject().load("address");
      const values = sheet.getUsedRangeOrNullObject(true).load("address");
      await ctx.sync();
      expect(all.address).toBe("Sheet1!B2:C5");
      expect(values.address).toBe("Sheet1!B2");
    });
  });

  test("getItemOrNullObject of a missing sheet or setting is a null object", async () => {
    const { Excel } = setup([[1]]);
    await Excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("없는 시트");
      const setting = ctx.workbook.settings.getItemOrNullObject("nope");
      const present = ctx.workbook.worksheets.getItemOrNullObject("sheet1"); // names match without case
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(setting.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  test("getItem of a missing sheet rejects with ItemNotFound at the sync, even with nothing loaded", async () => {
    const { Excel } = setup([[1]]);
    const e = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("없는 시트");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ItemNotFound");
    expect(e.debugInfo.errorLocation).toBe("WorksheetCollection.getItem");
  });
});

describe("addresses and merges", () => {
  test("sheet names are quoted in addresses as Excel does", async () => {
    const names = [KOREAN, "Sheet1", "검증결과", "2021", "A1", "O'Brien's"];
    const { Excel } = setup([], "x", { sheets: names.map((n) => gridFromRows(n, [])) });
    await Excel.run(async (ctx) => {
      const ranges = names.map((n) => ctx.workbook.worksheets.getItem(n).getRange("$B$7").load("address"));
      const block = ctx.workbook.worksheets.getItem(KOREAN).getRangeByIndexes(4, 0, 5, 4).load(["address", "rowIndex", "columnIndex", "columnCount"]);
      const resized = ctx.workbook.worksheets.getItem(KOREAN).getCell(6, 1).getResizedRange(2, 1).load("address");
      const column = ctx.workbook.worksheets.getItem(KOREAN).getRange("C:D").load("address");
      await ctx.sync();
      expect(ranges.map((r) => r.address)).toEqual(["'06 국내·외 교류'!B7", "Sheet1!B7", "검증결과!B7", "'2021'!B7", "'A1'!B7", "'O''Brien''s'!B7"]);
      expect([block.address, block.rowIndex, block.columnIndex, block.columnCount]).toEqual(["'06 국내·외 교류'!A5:D9", 4, 0, 4]);
      expect(resized.address).toBe("'06 국내·외 교류'!B7:C9");
      expect(column.address).toBe("'06 국내·외 교류'!C:D");
    });
  });

  test("merged areas read back; a range without merges gives a null object", async () => {
    const grid = { sheets: [gridFromRows(KOREAN, [["연차별 소요재원", null, null], [2021, 2022, 2023]], [{ r0: 0, c0: 0, r1: 0, c1: 2 }, { r0: 5, c0: 0, r1: 6, c1: 1 }])] };
    const { Excel } = setup([], "", grid);
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem(KOREAN);
      const merges = sheet.getUsedRangeOrNullObject().getMergedAreasOrNullObject();
      merges.load("areas/items/address, areaCount");
      const none = sheet.getRange("A2:C2").getMergedAreasOrNullObject();
      none.load("address");
      await ctx.sync();
      expect(merges.isNullObject).toBe(false);
      expect(merges.areaCount).toBe(2);
      expect(merges.areas.items.map((a) => a.address)).toEqual(["'06 국내·외 교류'!A1:C1", "'06 국내·외 교류'!A6:B7"]);
      expect(none.isNullObject).toBe(true);
    });
  });
});

describe("what Excel makes of written values", () => {
  test('"=A1+1" written to values becomes a formula, but not in a cell formatted as text ("@") first', async () => {
    const { model, Excel } = setup([[1]]);
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B1").values = [["=A1+1"]];
      const text = sheet.getRange("C1");
      text.numberFormat = [["@"]];
      text.values = [["=A1+1"]];
      sheet.getRange("D1").values = [["'=A1"]]; // the apostrophe prefix: text
      sheet.getRange("E1").values = [["- 항목"]]; // a leading minus is read as a formula too
      sheet.getRange("F1:H1").values = [["1,234", "12%", "TRUE"]];
      const back = sheet.getRange("B1:H1");
      back.load("formulas, values, numberFormat");
      await ctx.sync();
      expect(back.formulas).toEqual([["=A1+1", "=A1+1", "=A1", "=- 항목", 1234, 0.12, true]]);
      // B1 is calculated (A1 + 1). E1 became a formula of an unknown name, which the fake does not calculate: null in
      // `values` (no cached result).
      expect(back.values[0].slice(0, 4)).toEqual([2, "=A1+1", "=A1", null]);
      expect(back.numberFormat).toEqual([["General", "@", "General", "General", "#,##0", "0%", "General"]]);
    });
    const row = model.toGrid().sheets[0].cells[0];
    expect(row[1]).toEqual({ v: 2, f: "A1+1" });
    expect(row[2]).toEqual({ v: "=A1+1", z: "@" });
  });

  test("formulas written are calculated; a file's uncalculated formula stays so until what it reads changes", async () => {
    // D1 models a file written by a tool: a formula with no cached value. fromGrid keeps it as given.
    const cells = [[{ v: 3 }, { v: 7, f: "A1+4" }, undefined, { v: undefined, f: "A1*2" }]];
    const { model, Excel } = setup([], "S", { sheets: [{ name: "S", cells, merges: [] }] });
    const row = () => model.toGrid().sheets[0].cells[0];
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("B1:C1").formulas = [["=A1+5", "=SUM(A1:B1)"]];
      await ctx.sync();
    });
    // 3 + 5 and 3 + 8; D1 reads nothing that changed.
    expect(row().slice(1)).toEqual([{ v: 8, f: "A1+5" }, { v: 11, f: "SUM(A1:B1)" }, { v: undefined, f: "A1*2" }]);
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("S");
      // A function the fake does not know: no value, rather than a guess; and nothing that reads it has one.
      sheet.getRange("E1:F1").formulas = [["=VLOOKUP(A1,A1:B1,2,FALSE)", "=E1+1"]];
      sheet.getRange("A1").values = [[10]];
      await ctx.sync();
    });
    expect(row().slice(1)).toEqual([
      { v: 15, f: "A1+5" },
      { v: 25, f: "SUM(A1:B1)" },
      { v: 20, f: "A1*2" },
      { v: undefined, f: "VLOOKUP(A1,A1:B1,2,FALSE)" },
      { v: undefined, f: "E1+1" },
    ]);
  });

  test("text, valueTypes and hyperlinks", async () => {
    const { model, Excel } = setup([[1234.5, "#DIV/0!", true, null]]);
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").numberFormat = [["#,##0.00"]];
      sheet.getRange("D1").hyperlink = { documentReference: `'${KOREAN}'!B7`, textToDisplay: "B7", screenTip: "go" };
      const r = sheet.getRange("A1:D1").load("text, valueTypes");
      const link = sheet.getRange("D1").load("hyperlink");
      await ctx.sync();
      expect(r.text).toEqual([["1,234.50", "#DIV/0!", "TRUE", "B7"]]);
      expect(r.valueTypes).toEqual([["Double", "Error", "Boolean", "String"]]);
      expect(link.hyperlink).toEqual({ documentReference: `'${KOREAN}'!B7`, textToDisplay: "B7", screenTip: "go" });
    });
    expect(model.sheets[0].cells.get(model.key(0, 3))?.hyperlink?.textToDisplay).toBe("B7");
  });
});

describe("formats", () => {
  test("fill colour: set, read back as #RRGGBB, null when cells differ, white with pattern None when cleared", async () => {
    const { model, Excel } = setup([[1, 2]]);
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").format.fill.color = "yellow";
      const a1 = sheet.getRange("A1").format.fill.load("color, pattern");
      const both = sheet.getRange("A1:B1").format.fill.load("color");
      const b1 = sheet.getRange("B1").format.fill.load(["color", "pattern"]);
      await ctx.sync();
      expect([a1.color, a1.pattern]).toEqual(["#FFFF00", "Solid"]);
      expect(both.color).toBeNull();
      expect([b1.color, b1.pattern]).toEqual(["#FFFFFF", "None"]);
      sheet.getRange("A1:B1").format.fill.clear();
      const cleared = sheet.getRange("A1:B1").format.fill.load("color, pattern");
      await ctx.sync();
      expect([cleared.color, cleared.pattern]).toEqual(["#FFFFFF", "None"]);
    });
    expect([...model.sheets[0].cells.values()].map((c) => c.fill)).toEqual([undefined, undefined]);
  });

  test("clear(Contents) keeps formats; clear() empties the whole sheet and unmerges", async () => {
    const { model, Excel } = setup([], "S", { sheets: [gridFromRows("S", [["a", "b"], [1, 2]], [{ r0: 0, c0: 0, r1: 0, c1: 1 }])] });
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("S");
      sheet.getRange("A2").format.font.bold = true;
      sheet.getRange("A2").clear(Excel.ClearApplyTo.contents);
      const bold = sheet.getRange("A2").format.font.load("bold");
      await ctx.sync();
      expect(bold.bold).toBe(true);
      expect(model.toGrid().sheets[0].cells[1]).toEqual([undefined, { v: 2 }]);
      sheet.getRange().clear();
      await ctx.sync();
    });
    expect(model.sheets[0].cells.size).toBe(0);
    expect(model.sheets[0].merges).toEqual([]);
  });
});

describe("settings and comments", () => {
  test("settings persist across Excel.run calls, as JSON round trips", async () => {
    const { model, Excel } = setup([[1]]);
    await Excel.run(async (ctx) => {
      ctx.workbook.settings.add("yesan.marks", { version: 1, when: new Date(Date.UTC(2021, 0, 2)) });
      await ctx.sync();
    });
    await Excel.run(async (ctx) => {
      const s = ctx.workbook.settings.getItem("yesan.marks");
      s.load("value, key");
      await ctx.sync();
      expect(s.key).toBe("yesan.marks");
      expect(s.value).toEqual({ version: 1, when: "2021-01-02T00:00:00.000Z" });
      s.delete();
      await ctx.sync();
    });
    expect(model.settings.size).toBe(0);
  });

  test("comments: add on one named cell, read, locate, delete", async () => {
    const { model, Excel } = setup([[1]], KOREAN);
    await Excel.run(async (ctx) => {
      const comments = ctx.workbook.comments;
      const added = comments.add(`'${KOREAN}'!B7`, "합계 확인");
      added.load("id, content");
      await ctx.sync();
      expect(model.comments.get(added.id)).toEqual({ address: "'06 국내·외 교류'!B7", content: "합계 확인" });
      comments.load("items/content");
      const byId = comments.getItemOrNullObject(added.id);
      const gone = comments.getItemOrNullObject("{nope}");
      await ctx.sync();
      expect(comments.items.map((c) => c.content)).toEqual(["합계 확인"]);
      expect([byId.isNullObject, gone.isNullObject]).toEqual([false, true]);
      const at = comments.items[0].getLocation().load("address");
      await ctx.sync();
      expect(at.address).toBe("'06 국내·외 교류'!B7");
      comments.items[0].delete();
      await ctx.sync();
    });
    expect(model.comments.size).toBe(0);
    for (const address of ["B7", `'${KOREAN}'!B7:C8`]) {
      const e = await rejection(
        Excel.run(async (ctx) => {
          ctx.workbook.comments.add(address, "x");
          await ctx.sync();
        }),
      );
      expect(e.code).toBe("InvalidArgument");
    }
  });
});

describe("Excel's refusals", () => {
  test("a read past the payload limits rejects with RequestPayloadSizeLimitExceeded and delivers nothing", async () => {
    const rows = [...Array(10)].map((_, r) => [...Array(10)].map((__, c) => r * 10 + c));
    const { model, Excel } = setup(rows);
    model.limits.maxCellsPerRead = 150; // values + formulas of 100 cells = 200
    await Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:J10");
      range.load("values, formulas");
      const e = await rejection(ctx.sync());
      expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
      expect(e.message).toMatch(/^The request payload size has exceeded the limit\./);
      expect(() => range.values).toThrow(FakeOfficeError);
      range.load("values");
      await ctx.sync();
      expect(range.values[9][9]).toBe(99);
    });
    model.limits.maxCellsPerRead = 5_000_000;
    model.limits.maxBytesPerResponse = 200;
    const e = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:J10").load("values");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    await Excel.run(async (ctx) => {
      const half = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:J3").load("values");
      await ctx.sync();
      expect(half.values).toHaveLength(3);
    });
  });

  test("a protected sheet refuses writes with AccessDenied, and nothing in the batch is applied", async () => {
    const grid = { sheets: [gridFromRows("Open", [[1]]), gridFromRows(KOREAN, [[1]])] };
    const { model, Excel } = setup([], "", grid);
    model.sheets[1].protected = true;
    const before = JSON.stringify([...model.sheets.map((s) => [...s.cells]), [...model.comments], [...model.settings]]);
    const writes: ((ws: Excel.Worksheet) => void)[] = [
      (ws) => (ws.getRange("A1").values = [[2]]),
      (ws) => (ws.getRange("A1").formulas = [["=1"]]),
      (ws) => (ws.getRange("A1").numberFormat = [["0"]]),
      (ws) => (ws.getRange("A1").format.fill.color = "#FFC7CE"),
      (ws) => (ws.getRange("A1").hyperlink = { address: "https://example.com" }),
      (ws) => ws.getRange("A1").clear(),
    ];
    for (const write of writes) {
      const e = await rejection(
        Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Open").getRange("A1").values = [[5]];
          ctx.workbook.settings.add("k", "v");
          ctx.workbook.comments.add("Open!A1", "note");
          write(ctx.workbook.worksheets.getItem(KOREAN));
          await ctx.sync();
        }),
      );
      expect(e.code).toBe("AccessDenied");
      expect(e.message).toBe("The cell or chart you're trying to change is protected.");
    }
    expect(JSON.stringify([...model.sheets.map((s) => [...s.cells]), [...model.comments], [...model.settings]])).toBe(before);
    await Excel.run(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem(KOREAN).protection.load("protected");
      await ctx.sync();
      expect(p.protected).toBe(true);
    });
  });

  test("cell edit mode: a sync fails without delayForCellEdit and waits with it", async () => {
    const { model, Excel } = setup([[1]]);
    model.cellEditMode = true;
    const e = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidOperationInCellEditMode");
    let finished = false;
    const waiting = Excel.run({ delayForCellEdit: true }, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[2]];
      await ctx.sync();
      finished = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(finished).toBe(false);
    expect(model.toGrid().sheets[0].cells[0][0]).toEqual({ v: 1 });
    model.cellEditMode = false;
    await waiting;
    expect(finished).toBe(true);
    expect(model.toGrid().sheets[0].cells[0][0]).toEqual({ v: 2 });
  });
});

describe("sheets, selection, charts", () => {
  test("add, activate, select, getActiveWorksheet, getSelectedRange, delete", async () => {
    const { model, Excel } = setup([[1]]);
    await Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      const added = sheets.add("검증결과");
      added.load("name, position");
      added.activate();
      added.getRange("C3").select();
      const active = sheets.getActiveWorksheet().load("name");
      const selected = ctx.workbook.getSelectedRange().load("address");
      const cell = ctx.workbook.getActiveCell().load("address");
      await ctx.sync();
      expect([added.name, added.position, active.name, selected.address, cell.address]).toEqual(["검증결과", 1, "검증결과", "검증결과!C3", "검증결과!C3"]);
      expect(model.selection).toEqual({ sheet: "검증결과", address: "C3" });
      const dup = sheets.add("검증결과");
      expect((await rejection(ctx.sync())).code).toBe("ItemAlreadyExists");
      expect(() => dup.name).toThrow(FakeOfficeError);
      sheets.getItem("검증결과").delete();
      await ctx.sync();
    });
    expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(model.activeSheet).toBe("Sheet1");
  });

  test("charts: add with Office's enums, title, position, list, delete", async () => {
    const { model, Excel } = setup([["사업", "미확보액"], ["02", 6468]]);
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      const chart = sheet.charts.add(Excel.ChartType.barClustered, sheet.getRange("A1:B2"), Excel.ChartSeriesBy.columns);
      chart.title.text = "부족재원";
      chart.setPosition("E2", "L20");
      chart.load("name");
      await ctx.sync();
      expect(chart.name).toBe("Chart 1");
      expect(model.sheets[0].charts).toEqual([{ name: "Chart 1", type: "BarClustered", source: "Sheet1!A1:B2", seriesBy: "Columns", title: "부족재원", position: { startCell: "E2", endCell: "L20" } }]);
      sheet.charts.load("items/name");
      await ctx.sync();
      expect(sheet.charts.items.map((c) => c.name)).toEqual(["Chart 1"]);
      sheet.charts.items[0].delete();
      await ctx.sync();
    });
    expect(model.sheets[0].charts).toEqual([]);
    expect(Excel.ChartType.columnClustered).toBe("ColumnClustered");
  });
});

describe("data validation, names, alignment, selected areas", () => {
  test("a whole-number rule with its error alert and prompt reads back as Office gives it; a mixed range is Inconsistent", async () => {
    const { model, Excel } = setup([[1, 2, 3], [4, 5, 6]]);
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      const dv = sheet.getRange("A1:B2").dataValidation;
      dv.rule = { wholeNumber: { formula1: 0, formula2: "100", operator: Excel.DataValidationOperator.between } };
      dv.errorAlert = { showAlert: true, style: "Stop", title: "입력 오류", message: "0에서 100 사이 정수" };
      dv.prompt = { showPrompt: true, title: "금액", message: "정수로 입력" };
      const same = sheet.getRange("A1:B2").dataValidation.load("type, rule, errorAlert, prompt, ignoreBlanks");
      const mixed = sheet.getRange("A1:C2").dataValidation.load("type, rule");
      const none = sheet.getRange("C1").dataValidation.load("type, rule, errorAlert");
      await ctx.sync();
      expect(same.type).toBe("WholeNumber");
      expect(same.rule).toEqual({ wholeNumber: { formula1: "=0", formula2: "=100", operator: "Between" } });
      expect(same.errorAlert).toEqual({ showAlert: true, style: "Stop", title: "입력 오류", message: "0에서 100 사이 정수" });
      expect(same.prompt).toEqual({ showPrompt: true, title: "금액", message: "정수로 입력" });
      expect(same.ignoreBlanks).toBe(true);
      expect([mixed.type, mixed.rule]).toEqual(["Inconsistent", null]);
      expect([none.type, none.rule, none.errorAlert]).toEqual(["None", {}, { showAlert: true, style: "Stop", title: "", message: "" }]);
    });
    // Four cells, one validation object shared by all of them.
    const kept = [...model.sheets[0].validations.values()];
    expect(kept).toHaveLength(4);
    expect(new Set(kept).size).toBe(1);
  });

  test("Excel's limits: a title over 32 characters, an error message over 225, a prompt over 255, a fractional whole-number bound, a reversed range", async () => {
    const { model, Excel } = setup([[1]]);
    const attempts: ((dv: Excel.DataValidation) => void)[] = [
      (dv) => (dv.errorAlert = { showAlert: true, style: "Stop", title: "가".repeat(33), message: "" }),
      (dv) => (dv.errorAlert = { showAlert: true, style: "Stop", title: "", message: "x".repeat(226) }),
      (dv) => (dv.prompt = { showPrompt: true, title: "", message: "x".repeat(256) }),
      (dv) => (dv.rule = { wholeNumber: { formula1: 0.5, operator: "GreaterThan" } }),
      (dv) => (dv.rule = { decimal: { formula1: 10, formula2: 1, operator: "Between" } }),
      (dv) => (dv.rule = { decimal: { formula1: 1, operator: "Around" as Excel.DataValidationOperator } }),
      (dv) => (dv.rule = { decimal: { formula1: 1, operator: "GreaterThan" }, wholeNumber: { formula1: 1, operator: "GreaterThan" } }),
    ];
    for (const attempt of attempts) {
      const e = await rejection(
        Excel.run(async (ctx) => {
          attempt(ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation);
          await ctx.sync();
        }),
      );
      expect(e.code).toBe("InvalidArgument");
    }
    expect(model.sheets[0].validations.size).toBe(0);
    // At the limits exactly: accepted.
    await Excel.run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation;
      dv.errorAlert = { showAlert: true, style: "Stop", title: "가".repeat(32), message: "x".repeat(225) };
      dv.prompt = { showPrompt: true, title: "", message: "x".repeat(255) };
      await ctx.sync();
    });
    const kept = model.sheets[0].validations.get(model.key(0, 0));
    expect([kept?.errorAlert.title.length, kept?.errorAlert.message.length, kept?.prompt.message.length]).toEqual([32, 225, 255]);
  });

  test("dataValidation.clear() and clear() remove validation, clearing formats keeps it; a protected sheet refuses", async () => {
    const { model, Excel } = setup([[1, 2]]);
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B1").dataValidation.rule = { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
      sheet.getRange("A1:B1").clear(Excel.ClearApplyTo.formats);
      await ctx.sync();
      expect(model.sheets[0].validations.size).toBe(2);
      sheet.getRange("A1").dataValidation.clear();
      await ctx.sync();
      expect([...model.sheets[0].validations.keys()]).toEqual([model.key(0, 1)]);
      sheet.getRange().clear();
      await ctx.sync();
    });
    expect(model.sheets[0].validations.size).toBe(0);
    model.sheets[0].protected = true;
    const e = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = { decimal: { formula1: 0, operator: "GreaterThan" } };
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("AccessDenied");
    expect(model.sheets[0].validations.size).toBe(0);
  });

  test("names: add over a range, found without regard to case, refused when taken or not a name; they follow their sheet", async () => {
    const { model, Excel } = setup([[1, 2], [3, 4]], KOREAN);
    await Excel.run(async (ctx) => {
      const names = ctx.workbook.names;
      const added = names.add("사업비_합계", ctx.workbook.worksheets.getItem(KOREAN).getRange("A1:B2"), "합계 범위");
      added.load("name, formula, type, value, comment");
      const found = names.getItemOrNullObject("사업비_합계".toUpperCase());
      const missing = names.getItemOrNullObject("없음");
      const range = names.getItem("사업비_합계").getRange().load("address");
      await ctx.sync();
      expect([added.name, added.formula, added.type, added.value, added.comment]).toEqual(["사업비_합계", `='${KOREAN}'!$A$1:$B$2`, "Range", `'${KOREAN}'!$A$1:$B$2`, "합계 범위"]);
      expect([found.isNullObject, missing.isNullObject]).toEqual([false, true]);
      expect(range.address).toBe(`'${KOREAN}'!A1:B2`);
      names.add("TOTAL", "=1");
      names.add("total", `='${KOREAN}'!$A$1`);
      const taken = await rejection(ctx.sync());
      expect(taken.code).toBe("ItemAlreadyExists");
      expect(taken.message).toBe("A resource with the same name or identifier already exists.");
      for (const bad of ["A1", "R1C1", "1st", "두 단어", "x".repeat(256)]) {
        names.add(bad, "=1");
        expect((await rejection(ctx.sync())).code).toBe("InvalidArgument");
      }
    });
    expect(model.names.map((n) => n.name)).toEqual(["사업비_합계"]);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(KOREAN).name = "Plan";
      await ctx.sync();
    });
    expect(model.names[0].formula).toBe("=Plan!$A$1:$B$2");
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.add("Other");
      ctx.workbook.worksheets.getItem("Plan").delete();
      ctx.workbook.names.load("items/name,items/type");
      await ctx.sync();
      expect(ctx.workbook.names.items.map((n) => [n.name, n.type])).toEqual([["사업비_합계", "Error"]]);
      ctx.workbook.names.getItem("사업비_합계").delete();
      await ctx.sync();
    });
    expect(model.names).toEqual([]);
  });

  test("horizontal alignment and standard widths", async () => {
    const { model, Excel } = setup([[1, 2]]);
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").format.horizontalAlignment = Excel.HorizontalAlignment.center;
      sheet.getRange("A:B").format.columnWidth = 90;
      const a1 = sheet.getRange("A1").format.load("horizontalAlignment");
      const both = sheet.getRange("A1:B1").format.load("horizontalAlignment, useStandardWidth");
      await ctx.sync();
      expect([a1.horizontalAlignment, both.horizontalAlignment, both.useStandardWidth]).toEqual(["Center", null, false]);
      sheet.getRange().format.useStandardWidth = true;
      sheet.getRange("A1").format.horizontalAlignment = "Sideways" as Excel.HorizontalAlignment;
      expect((await rejection(ctx.sync())).code).toBe("InvalidArgument");
      sheet.getRange().format.useStandardWidth = true;
      sheet.getRange().clear(Excel.ClearApplyTo.formats);
      await ctx.sync();
    });
    expect(model.sheets[0].columnWidths.size).toBe(0);
    expect([...model.sheets[0].cells.values()].map((c) => c.horizontalAlignment)).toEqual([undefined, undefined]);
  });

  test("several selected areas: getSelectedRange refuses with InvalidSelection, getSelectedRanges lists them", async () => {
    const { model, Excel } = setup([[1]], KOREAN);
    model.selection = { sheet: KOREAN, address: "B2:C3,E5" };
    await Excel.run(async (ctx) => {
      const areas = ctx.workbook.getSelectedRanges().load("address, areaCount");
      const first = ctx.workbook.getSelectedRanges().areas.getItemAt(0).load("address");
      const active = ctx.workbook.getActiveCell().load("address");
      await ctx.sync();
      expect([areas.address, areas.areaCount, first.address, active.address]).toEqual([`'${KOREAN}'!B2:C3,'${KOREAN}'!E5`, 2, `'${KOREAN}'!B2:C3`, `'${KOREAN}'!B2`]);
      ctx.workbook.getSelectedRange().load("address");
      const e = await rejection(ctx.sync());
      expect([e.code, e.message]).toEqual(["InvalidSelection", "The current selection is invalid for this operation."]);
    });
  });

  test("merge() keeps plain rectangles in the model, so snapshot() can describe them", async () => {
    const { model, Excel } = setup([["a", "b"]]);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").merge(false);
      await ctx.sync();
    });
    expect(model.sheets[0].merges).toStrictEqual([{ r0: 0, c0: 0, r1: 0, c1: 1 }]);
    expect(JSON.parse(model.snapshot()).sheets[0].merges).toEqual([{ r0: 0, c0: 0, r1: 0, c1: 1 }]);
  });

  test("snapshot() is equal exactly when nothing changed", async () => {
    const { model, Excel } = setup([[1]]);
    const before = model.snapshot();
    model.sheets[0].protected = true;
    await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.names.add("n", "=1");
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[2]];
        await ctx.sync();
      }),
    );
    model.sheets[0].protected = false;
    expect(model.snapshot()).toBe(before);
    await Excel.run(async (ctx) => {
      ctx.workbook.names.add("n", "=1");
      await ctx.sync();
    });
    expect(model.snapshot()).not.toBe(before);
  });
});

describe("stale objects and arguments", () => {
  test("a worksheet item used after its sheet was deleted fails with ItemNotFound; an unknown property with InvalidArgument", async () => {
    const { model, Excel } = setup([], "", { sheets: [gridFromRows("A", [[1]]), gridFromRows("B", [[2]])] });
    await Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      await ctx.sync();
      const b = sheets.items[1];
      const value = b.getRangeByIndexes(0, 0, 1, 1).load("values");
      await ctx.sync();
      expect(value.values).toEqual([[2]]);
      sheets.getItem("B").delete();
      await ctx.sync();
      b.getRange("A1").values = [[3]];
      expect((await rejection(ctx.sync())).code).toBe("ItemNotFound");
      sheets.getItem("A").getRange("A1").load("valuez");
      expect((await rejection(ctx.sync())).code).toBe("InvalidArgument");
    });
    expect(model.sheets.map((s) => s.name)).toEqual(["A"]);
  });

  test("one value written to a whole column or sheet touches only stored cells when it empties them", async () => {
    const { model, Excel } = setup([[1, 2], [3, 4]]);
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A:A").values = "" as unknown as string[][]; // Office accepts one value for every cell
      sheet.getRange().format.font.bold = false;
      await ctx.sync();
    });
    expect(model.toGrid().sheets[0].cells).toEqual([[undefined, { v: 2 }], [undefined, { v: 4 }]]);
  });

  test("more merged areas than Excel returns (512) fail", async () => {
    const merges = [...Array(3)].map((_, i) => ({ r0: i * 2, c0: 0, r1: i * 2, c1: 1 }));
    const { model, Excel } = setup([], "", { sheets: [gridFromRows("S", [[1]], merges)] });
    model.limits.maxMergedAreas = 2;
    const e = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:B6").getMergedAreasOrNullObject().load("address");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("GeneralException");
  });
});

describe("sync counting and change notifications", () => {
  test("every context.sync() counts; Excel.run's own final sync counts only when commands are queued", async () => {
    const { model, Excel } = setup([[1]]);
    await Excel.run(async (ctx) => {
      await ctx.sync(); // nothing queued: still a sync() call
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await ctx.sync();
    });
    expect(model.syncCount).toBe(2);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[2]]; // applied by run's final sync
      return Promise.resolve();
    });
    expect(model.syncCount).toBe(3);
    expect(model.toGrid().sheets[0].cells[0][0]).toEqual({ v: 2 });
  });

  test("listeners hear about syncs that change the workbook, not about reads; a manual RequestContext works", async () => {
    const { model, Excel } = setup([[1]]);
    const seen: number[] = [];
    const off = model.onChange((m) => seen.push(m.syncCount));
    const ctx = new Excel.RequestContext();
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
    await ctx.sync();
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[2]];
    await ctx.sync();
    off();
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[3]];
    await ctx.sync();
    expect(seen).toEqual([2]);
  });
});

test("fromGrid(toGrid()) keeps the sample workbook exactly", async () => {
  const grid = await readWorkbookGrid(SAMPLE);
  const model = FakeWorkbookModel.fromGrid(grid);
  expect(model.toGrid()).toStrictEqual(grid);
  expect(FakeWorkbookModel.fromGrid(model.toGrid()).toGrid()).toStrictEqual(grid);
  expect(model.sheets.some((s) => s.merges.length > 0)).toBe(true);
});
