// Both kinds of document in one workbook: the seed department's program sheets and the pages of a budget book.
// The seed's findings stay exactly what they are alone, and the book is read and checked beside them.
import path from "node:path";
import { readWorkbookGrid } from "../../src/cli/read-xlsx";
import { checkWorkbook } from "../../src/core/check-workbook";
import { buildBook, sampleDepartment } from "../../bench/budget-book";

test("a workbook of seed program sheets and budget book pages checks each as alone", async () => {
  const seed = await readWorkbookGrid(path.join(__dirname, "../../samples/2021-경제환경국-지역경제과.xlsx"));
  const alone = checkWorkbook(seed);
  const book = buildBook(sampleDepartment(), { rowsPerPage: 17, firstPage: 264 });
  // A wrong 예산액 on the book's second page, so that the book has a finding of its own.
  const wrongRow = book.rows.find((r) => r.sheet === "p265" && r.source === undefined && r.line.spec.level === 7);
  if (wrongRow === undefined) throw new Error("row");
  const pageCells = book.sheets[1].cells;
  const original = pageCells[wrongRow.r]?.[8]?.v as number;
  (pageCells[wrongRow.r] as { v: unknown }[])[8] = { v: original + 100 };
  const both = checkWorkbook({ sheets: [...seed.sheets.slice(0, 5), ...book.sheets, ...seed.sheets.slice(5)] });
  const seedSheets = new Set(seed.sheets.map((s) => s.name));
  expect(both.findings.filter((f) => seedSheets.has(f.sheet))).toEqual(alone.findings);
  expect(both.tables).toEqual(alone.tables);
  expect(both.notChecked).toEqual(alone.notChecked);
  expect(both.findings.filter((f) => !seedSheets.has(f.sheet)).map((f) => [f.sheet, f.cell, f.expected, f.actual])).toEqual([["p265", `I${wrongRow.r + 1}`, original, original + 100]]);
  expect(both.book?.pages).toEqual(book.sheets.map((s) => s.name));
});
