// Moving a formula as Excel copies it. Expected formulas worked out by hand from Excel's rules (relative parts
// move with the cell, $ parts stay); test/cli/read-xlsx-oracle.test.ts checks the same against LibreOffice.
import { slideFormula } from "../../../src/core/cells/formula-slide";
import { parseA1 } from "../../../src/core/cells/grid";

function slide(formula: string, from: string, to: string): string {
  const a = parseA1(from);
  const b = parseA1(to);
  if (a === undefined || b === undefined) throw new Error(`${from} ${to}`);
  return slideFormula(formula, a, b);
}

test("a filled-down total: its row moves", () => {
  expect(slide("SUM(C5:F5)", "B5", "B6")).toBe("SUM(C6:F6)");
  expect(slide("C5+D5-E5", "B5", "B9")).toBe("C9+D9-E9");
  expect(slide("SUM(C5:F5)", "B5", "B5")).toBe("SUM(C5:F5)");
});

test("$ keeps its part: column, row or both", () => {
  expect(slide("$A$1+A$1+$A1+A1", "C3", "D5")).toBe("$A$1+B$1+$A3+B3");
});

test("whole columns move across, whole rows move down; with $ they stay", () => {
  expect(slide("SUM(A:A)", "D1", "E1")).toBe("SUM(B:B)");
  expect(slide("SUM(A:A)", "D1", "D2")).toBe("SUM(A:A)");
  expect(slide("SUM($A:B)", "D1", "E1")).toBe("SUM($A:C)");
  expect(slide("SUM(2:2)", "D1", "D3")).toBe("SUM(4:4)");
  expect(slide("SUM(2:$3)", "D1", "E3")).toBe("SUM(4:$3)");
});

test("strings, sheet names, function names, defined names, numbers and table columns are not references", () => {
  expect(slide('LEN("A1")&A1', "B1", "B2")).toBe('LEN("A1")&A2');
  expect(slide("'시트 A1'!A1+Sheet2!B2:C3", "D1", "E2")).toBe("'시트 A1'!B2+Sheet2!C3:D4");
  expect(slide("LOG10(A1)+국비_2021*2+1E+3+0.5", "B1", "C1")).toBe("LOG10(B1)+국비_2021*2+1E+3+0.5");
  expect(slide("Table1[[#This Row],[금액]]*A1", "B1", "B2")).toBe("Table1[[#This Row],[금액]]*A2");
  expect(slide("TRUE+XFE1", "B1", "C2")).toBe("TRUE+XFE1");
});

test("a reference moved off the sheet is #REF!, as in Excel", () => {
  expect(slide("A2+B1", "C2", "C1")).toBe("A1+#REF!");
  expect(slide("SUM(A:B)", "C1", "B1")).toBe("SUM(#REF!)");
});
