// The in-memory Excel calculates formulas as Excel does in automatic mode: what a sync writes, and everything that
// depends on it, has a value before anything is read. The expected values are worked out by hand from Excel's
// rules (operator precedence, blanks as 0, text compared without case, #DIV/0!), not taken from the evaluator.
import { readWorkbookGrid } from "../../src/excel/read";
import { checkWorkbook } from "../../src/core/check-workbook";
import { gridFromRows, type Scalar } from "../../src/core/cells/grid";
import { createFakeExcel } from "../../src/preview/fake-excel/excel";
import { FakeWorkbookModel } from "../../src/preview/fake-excel/model";

function setup(sheets: { name: string; rows: Scalar[][] }[] = [{ name: "Sheet1", rows: [] }]) {
  const model = FakeWorkbookModel.fromGrid({ sheets: sheets.map((s) => gridFromRows(s.name, s.rows)) });
  const fake = createFakeExcel(model);
  return { model, Excel: fake.Excel, excel: fake.Excel as unknown as typeof Excel };
}

/** Writes one formula per cell down column A of `sheet` and reads back values, text and value types. */
async function calc(formulas: string[], sheets?: { name: string; rows: Scalar[][] }[], sheet = "Sheet1") {
  const { Excel } = setup(sheets);
  return Excel.run(async (ctx) => {
    const range = ctx.workbook.worksheets.getItem(sheet).getRange(`A1:A${formulas.length}`);
    range.formulas = formulas.map((f) => [f]);
    range.load("values, text, valueTypes");
    await ctx.sync();
    return { values: range.values.map((r) => r[0]), text: range.text.map((r) => r[0]), types: range.valueTypes.map((r) => r[0]) };
  });
}

describe("operators", () => {
  test("precedence: ^ before * and / before + and -, unary minus before ^, & after +, comparisons last", async () => {
    const { values } = await calc(["=1+2*3", "=(1+2)*3", "=-2^2", "=2^3^2", "=10-2-3", "=8/2/2", "=2*50%", '="a"&1+2', "=1+2=3", "=2^-1", "=-(3-5)*2"]);
    // 2^3^2 is (2^3)^2 = 64 in Excel (left to right), -2^2 is (-2)^2 = 4.
    expect(values).toEqual([7, 9, 4, 64, 5, 2, 1, "a3", true, 0.5, 4]);
  });

  test("nesting as deep as Excel allows (64 levels of brackets or functions) is calculated; deeper is left alone", async () => {
    const brackets = (n: number): string => `=${"(".repeat(n)}1${")".repeat(n)}`;
    const ifs = (n: number): string => `=${"IF(TRUE,".repeat(n)}2${",0)".repeat(n)}`;
    const { values } = await calc([brackets(10), brackets(64), ifs(10), ifs(64), brackets(65)]);
    expect(values).toEqual([1, 1, 2, 2, null]);
  });

  test("blanks are 0 and text that reads as a number is one; other text is #VALUE!", async () => {
    // Row 1 of column A holds the first formula; the data is on row 8, to the right: blank, "12", "abc", TRUE.
    const rows: Scalar[][] = [[], [], [], [], [], [], [], [null, null, "12", "abc", true]];
    const { values } = await calc(["=B8+1", "=C8*2", "=D8+1", "=E8+1", '=" 1,234 "+1', '="10%"*100'], [{ name: "Sheet1", rows }]);
    expect(values).toEqual([1, 24, "#VALUE!", 2, 1235, 10]);
  });

  test("comparisons: text without regard to case, numbers below text, blank equal to 0 and to \"\"", async () => {
    const { values } = await calc(['="ABC"="abc"', '=3>"2"', "=B1=0", '=B1=""', "=0.1+0.2=0.3", '="a"<"B"', "=TRUE>1", "=1<>1"]);
    expect(values).toEqual([true, false, true, true, true, true, true, false]);
  });

  test("+ and - give exactly 0 when their operands cancel to 15 digits", async () => {
    // In binary 0.1 + 0.2 is 0.30000000000000004, and (0.1 + 0.2)·10 is 3.0000000000000004.
    const { values } = await calc(["=0.1+0.2-0.3", "=1.1-1-0.1", "=(0.1+0.2)*10-3", "=1-0.999999999"]);
    expect(values.slice(0, 3)).toEqual([0, 0, 0]);
    expect(values[3]).not.toBe(0); // a real difference, 1E-9, is kept
  });

  test("& joins text, numbers as shown to 15 digits, TRUE/FALSE and blanks as nothing", async () => {
    const { values } = await calc(['="합계 "&1234.5&"천원"', "=1/3&\"\"", '=TRUE&"/"&B1&"/"', '="a"&"b"&"c"']);
    expect(values).toEqual(["합계 1234.5천원", "0.333333333333333", "TRUE//", "abc"]);
  });
});

describe("errors", () => {
  test("division by zero is #DIV/0!, which reads as an Error and shows as itself; it travels through what reads it", async () => {
    const { values, text, types } = await calc(["=1/0", "=A1+1", "=SUM(A1,5)", "=IF(B9=0,0,1/B9)", "=B9/B9", '="x"&A1', "=ISBLANK(A1)"]);
    expect(values).toEqual(["#DIV/0!", "#DIV/0!", "#DIV/0!", 0, "#DIV/0!", "#DIV/0!", false]);
    expect(text[0]).toBe("#DIV/0!");
    expect(types.slice(0, 3)).toEqual(["Error", "Error", "Error"]);
    expect(types[3]).toBe("Double");
  });

  test("#NUM!, #VALUE! and error literals", async () => {
    const { values } = await calc(["=0^0", "=(-8)^(1/3)", "=0^-1", '="a"*2', "=#N/A+1", "=SUMPRODUCT(B1:B2,C1:C3)"]);
    expect(values).toEqual(["#NUM!", "#NUM!", "#DIV/0!", "#VALUE!", "#N/A", "#VALUE!"]);
  });
});

describe("functions", () => {
  const data = [{ name: "Sheet1", rows: [[], [100], [250.5], [-40], ["text"], [null], [true]] as Scalar[][] }];
  // Formulas from B1 down over A2:A7 = 100, 250.5, -40, "text", blank, TRUE.
  async function over(formulas: string[]) {
    const { Excel } = setup(data);
    return Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Sheet1").getRange(`B1:B${formulas.length}`);
      range.formulas = formulas.map((f) => [f]);
      range.load("values");
      await ctx.sync();
      return range.values.map((r) => r[0]);
    });
  }

  test("SUM, MIN and MAX count the numbers in a range; direct arguments are converted", async () => {
    const values = await over(["=SUM(A2:A7)", "=MIN(A2:A7)", "=MAX(A2:A7)", '=SUM(1,"2",TRUE)', "=MIN(A5:A6)", "=SUM(A:A)", "=SUM(A2,A3:A4,10)"]);
    expect(values).toEqual([310.5, -40, 250.5, 4, 0, 310.5, 320.5]);
  });

  test("IF evaluates only the branch it takes; ISBLANK is true only for an empty cell", async () => {
    const values = await over(['=IF(A2>100,"big","small")', "=IF(A6=0,1,1/0)", "=IF(FALSE,1)", "=IF(TRUE,,1)", "=ISBLANK(A6)", "=ISBLANK(A5)", '=ISBLANK("")', '=IF(ISBLANK(A6),"",A6)']);
    expect(values).toEqual(["small", 1, false, 0, true, false, false, ""]);
  });

  test("ROUND is half away from zero on the digits a number shows; ABS; TEXT with budget formats", async () => {
    const values = await over([
      "=ROUND(1.005,2)",
      "=ROUND(-2.5,0)",
      "=ROUND(2.5,0)",
      "=ROUND(1234.5678,-2)",
      "=ROUND(0.07*15.05*100000000,0)/100000000",
      "=ABS(A4)",
      '=TEXT(1234567.5,"#,##0")',
      '=TEXT(-1234.5,"#,##0")',
      '=TEXT(0.1234,"0.0%")',
      '=TEXT(A3,"#,##0.00")',
      '=TEXT("abc","0")',
    ]);
    // 1.005 is stored as 1.00499999999999989…, and Excel still rounds it to 1.01; 0.07 × 15.05 × 10^8 is
    // 105349999.99999999 in binary, shown (and rounded) as 105350000.
    expect(values).toEqual([1.01, -3, 3, 1200, 1.0535, 40, "1,234,568", "-1,235", "12.3%", "250.50", "abc"]);
  });

  test("SUMPRODUCT multiplies equal-size arrays element by element, also of array arithmetic", async () => {
    const values = await over(["=SUMPRODUCT(A2:A4,A2:A4)", "=SUMPRODUCT(A2:A3*2)", "=SUMPRODUCT(A2:A3/(1+0.1)^(A2:A3*0+1))", "=SUMPRODUCT(A2:A7)"]);
    // 100² + 250.5² + 40² = 74350.25; (100 + 250.5)·2 = 701; 350.5 / 1.1 = 318.636…; text, blank, TRUE count as 0.
    expect(values.slice(0, 2)).toEqual([74350.25, 701]);
    expect(values[2]).toBeCloseTo(350.5 / 1.1, 10);
    expect(values[3]).toBe(310.5);
  });

  test("a function, a name or a spill the fake does not know leaves the cell without a value, and its readers too", async () => {
    const values = await over(["=VLOOKUP(1,A2:A3,1,FALSE)", "=B1+1", "=국비_2021*2", "=A2:A3*2", "=SUM(B1,1)", "=A2+1"]);
    expect(values).toEqual([null, null, null, null, null, 101]);
  });
});

describe("references", () => {
  test("other sheets, quoted and not, and ranges across them", async () => {
    const sheets = [
      { name: "Sheet1", rows: [] },
      { name: "자료 1", rows: [[10, 20], [30, 40]] as Scalar[][] },
      { name: "입력", rows: [[5]] as Scalar[][] },
      { name: "O'Brien", rows: [[7]] as Scalar[][] },
    ];
    const { values } = await calc(["='자료 1'!A1*2", "=SUM('자료 1'!A1:B2)", "=입력!A1+'자료 1'!$B$2", "='O''Brien'!A1", "=SUM('자료 1'!A:A)", "=없는시트!A1"], sheets);
    expect(values).toEqual([20, 100, 45, 7, 40, null]);
  });

  test("dependents are calculated again when an input changes, across sheets, in the same sync and the next", async () => {
    const { model, Excel } = setup([
      { name: "Sheet1", rows: [[1]] },
      { name: "요약", rows: [] },
    ]);
    await Excel.run(async (ctx) => {
      const s1 = ctx.workbook.worksheets.getItem("Sheet1");
      s1.getRange("B1:D1").formulas = [["=A1*2", "=B1+1", "=SUM(A1:C1)"]];
      ctx.workbook.worksheets.getItem("요약").getRange("A1").formulas = [["=Sheet1!D1*10"]];
      const read = s1.getRange("B1:D1").load("values");
      await ctx.sync();
      expect(read.values).toEqual([[2, 3, 6]]);
      // A write and a read in one sync: the read sees the calculated values.
      s1.getRange("A1").values = [[5]];
      const again = s1.getRange("A1:D1").load("values");
      await ctx.sync();
      expect(again.values).toEqual([[5, 10, 11, 26]]);
    });
    expect(model.sheet("요약")?.cell(0, 0)?.value).toBe(260);
    // Cleared, the input is blank (0).
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").clear();
      await ctx.sync();
    });
    expect([0, 1, 2, 3].map((c) => model.sheet("Sheet1")?.cell(0, c)?.value ?? null)).toEqual([null, 0, 1, 1]);
    expect(model.sheet("요약")?.cell(0, 0)?.value).toBe(10);
  });

  test("a long chain is calculated in order without running out of stack; a circular reference gets no value", async () => {
    const n = 20_000;
    const { model, Excel } = setup([{ name: "Sheet1", rows: [[1]] }]);
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      // The lower half first, so the order of writing is not the order of calculation.
      const chain = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => [`=A${from + i - 1}+1`]);
      sheet.getRange(`A${n / 2 + 1}:A${n}`).formulas = chain(n / 2 + 1, n);
      sheet.getRange(`A2:A${n / 2}`).formulas = chain(2, n / 2);
      sheet.getRange("C1:D1").formulas = [["=D1+1", "=C1+1"]];
      await ctx.sync();
    });
    expect(model.sheet("Sheet1")?.cell(n - 1, 0)?.value).toBe(n);
    expect(model.sheet("Sheet1")?.cell(0, 2)?.value).toBeNull();
    expect(model.sheet("Sheet1")?.cell(0, 3)?.value).toBeNull();
  });

  test("a failed sync leaves the values as they were", async () => {
    const { model, Excel } = setup([{ name: "Sheet1", rows: [[1]] }]);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("B1").formulas = [["=A1*2"]];
      await ctx.sync();
    });
    const before = model.snapshot();
    await expect(
      Excel.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").values = [[50]];
        sheet.getRange("B1").load("values");
        sheet.getRange("ZZZ1").values = [[1]]; // not an address: the whole sync fails
        await ctx.sync();
      }),
    ).rejects.toThrow();
    expect(model.snapshot()).toBe(before);
    expect(model.sheet("Sheet1")?.cell(0, 1)?.value).toBe(2);
  });
});

describe("what the pane reads", () => {
  test("a formula's result shows in text with its number format; an empty text result is a String, not Empty", async () => {
    const { Excel } = setup([{ name: "Sheet1", rows: [[1234.5, null]] }]);
    const out = await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("C1:D1").numberFormat = [["#,##0", "0.00%"]];
      sheet.getRange("C1:E1").formulas = [["=A1*2", "=A1/10000", '=IF(ISBLANK(B1),"",1)']];
      const r = sheet.getRange("C1:E1").load("values, text, valueTypes");
      await ctx.sync();
      return { values: r.values, text: r.text, types: r.valueTypes };
    });
    expect(out.values).toEqual([[2469, 0.12345, ""]]);
    expect(out.text).toEqual([["2,469", "12.35%", ""]]);
    expect(out.types).toEqual([["Double", "Double", "String"]]);
  });

  test("the adapter reads calculated values, and the check sees them", async () => {
    const { excel } = setup([{ name: "Sheet1", rows: [["재원별", "2021년"], ["국비", 100], ["시비", 200]] }]);
    await excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A4:B4").formulas = [["계", "=MIN(B2:B3)+MAX(B2:B3)"]];
      await ctx.sync();
    });
    const { grid } = await readWorkbookGrid(excel);
    expect(grid.sheets[0].cells[3]?.[1]).toEqual({ v: 300, f: "MIN(B2:B3)+MAX(B2:B3)" });
    expect(checkWorkbook(grid).findings.filter((f) => f.rule === "not-calculated")).toEqual([]);
  });
});
