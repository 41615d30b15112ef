// The budget book on generated pages in e호조's layout: a consistent book is clean and fully read; every single
// fault planted in it (an 예산액 at any level, a 전년도예산액, a 비교증감, a 재원 line, a 산출기초, a malformed
// "24,00") is found at the planted cell with the value the book's other figures imply.
import { a1, type Cell, type SheetGrid, type WorkbookGrid } from "../../../src/core/cells/grid";
import { checkWorkbook } from "../../../src/core/check-workbook";
import { buildBook, sampleDepartment, type BuiltBook } from "../../support/budget-book";

const clone = (sheets: SheetGrid[]): SheetGrid[] => sheets.map((s) => ({ ...s, cells: s.cells.map((row) => (row === undefined ? undefined : row.map((c) => (c === undefined ? undefined : { ...c })))) as (Cell | undefined)[][] }));
const errors = (wb: WorkbookGrid): ReturnType<typeof checkWorkbook>["findings"] => checkWorkbook(wb).findings.filter((f) => f.severity === "error");

function withCell(book: BuiltBook, sheet: string, r: number, c: number, v: Cell["v"]): WorkbookGrid {
  const sheets = clone(book.sheets);
  const s = sheets.find((x) => x.name === sheet);
  if (s === undefined) throw new Error(sheet);
  const row = (s.cells[r] ??= []);
  row[c] = { v };
  return { sheets };
}

const numberAt = (book: BuiltBook, sheet: string, r: number, c: number): number => {
  const v = book.sheets.find((s) => s.name === sheet)?.cells[r]?.[c]?.v;
  if (typeof v === "number") return v;
  if (typeof v === "string") return Number(v.replace(/[^\d△-]/g, "").replace("△", "-"));
  throw new Error(`no number at ${sheet}!${a1(r, c)}`);
};

describe.each([
  ["numbers", false],
  ["text, as e호조 exports it", true],
])("a consistent book (amounts as %s)", (_name, asText) => {
  const book = buildBook(sampleDepartment(), { rowsPerPage: 17, asText });

  test("is read across its pages as one ledger and has no error", () => {
    expect(book.sheets.length).toBeGreaterThanOrEqual(4);
    const result = checkWorkbook({ sheets: book.sheets });
    expect(result.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(result.book?.pages).toEqual(book.sheets.map((s) => s.name));
    expect(result.book?.programs.map((p) => [p.path.join(" › "), p.amount])).toEqual(
      book.lines.filter((l) => l.spec.level === 3).map((l) => [`가정행복과 › 노인 복지 증진(사회복지/노인) › 노인활동지원 › ${l.spec.label}`, l.amount]),
    );
    expect(result.book?.checked).toEqual(["basis", "change", "rollup", "rollup-previous", "source-rollup", "sources"]);
    // 82,560원 × 10명 × 262일 = 216,307,200원 is 216,308천원 in the book: it rounds up.
    expect(result.book?.rounding).toBe("ceil");
    // No table of the seed kind is made of the book's pages, and none is left "not checked".
    expect(result.tables).toEqual([]);
    expect(result.notChecked).toEqual([]);
    const note = result.findings.filter((f) => f.rule === "amounts-as-text");
    expect(note).toHaveLength(asText ? 1 : 0);
  });

  // Every figure of the book, one at a time.
  const figures = book.rows.flatMap((row) => {
    const out: { what: string; sheet: string; r: number; c: number }[] = [];
    if (row.source !== undefined) out.push({ what: `재원 ${row.source} of ${row.line.spec.label}`, sheet: row.sheet, r: row.r, c: 8 });
    else {
      out.push({ what: `예산액 of ${row.line.spec.label}`, sheet: row.sheet, r: row.r, c: 8 });
      if (row.line.previous !== undefined && row.line.spec.level < 6) out.push({ what: `전년도예산액 of ${row.line.spec.label}`, sheet: row.sheet, r: row.r, c: 9 });
      if (row.line.previous !== undefined) out.push({ what: `비교증감 of ${row.line.spec.label}`, sheet: row.sheet, r: row.r, c: 10 });
    }
    return out;
  });

  test.each(figures.map((f) => [f.what, f] as const))("a wrong %s is found at its cell", (_what, f) => {
    const original = numberAt(book, f.sheet, f.r, f.c);
    // Off by 7천원: in a text book, typed as the export shows figures; a 재원 line keeps its name.
    const cell = book.sheets.find((s) => s.name === f.sheet)?.cells[f.r]?.[f.c]?.v;
    const wrong = original + 7;
    const v = typeof cell === "string" && /^[가-힣]/.test(cell) ? cell.replace(/[\d,]+$/, wrong.toLocaleString("en-US")) : asText ? wrong.toLocaleString("en-US") : wrong;
    const found = errors(withCell(book, f.sheet, f.r, f.c, v));
    expect(found.map((x) => [x.sheet, x.cell, x.expected, x.actual])).toEqual([[f.sheet, a1(f.r, f.c), original, wrong]]);
    expect(found[0].path?.[0]).toBe("가정행복과");
  });

  test.each(book.rows.filter((row) => row.source === undefined && row.line.spec.basis !== undefined).map((row) => [row.line.spec.label, row] as const))(
    "a wrong 산출기초 of %s is found at its cell",
    (_label, row) => {
      const found = errors(withCell(book, row.sheet, row.r, 7, "123,456원*2명"));
      expect(found.map((x) => [x.cell, x.rule, x.expected, x.actual])).toEqual([[a1(row.r, 7), "basis-mismatch", row.line.amount, 247]]);
    },
  );
});

test("a malformed amount (24,00) is reported at its cell and left out of the sums, with nothing else claimed", () => {
  const book = buildBook(sampleDepartment(), { rowsPerPage: 17 });
  const row = book.rows.find((x) => x.source === undefined && x.line.spec.label === "◎기본수용비");
  if (row === undefined) throw new Error("row");
  const found = errors(withCell(book, row.sheet, row.r, 8, "24,00"));
  expect(found.map((f) => [f.cell, f.rule, f.actual])).toEqual([[a1(row.r, 8), "malformed-number", "24,00"]]);
});

test("rows the file lost (a row skipped inside a page) are not claimed as errors, and the totals over them are listed", () => {
  const book = buildBook(sampleDepartment(), { rowsPerPage: 17 });
  const sheets = clone(book.sheets);
  // A 재원 line in the middle of the second page is gone, its row left empty, as the corpus's cell dump lost rows.
  const row = book.rows.find((x) => x.sheet === "p2" && x.source === "도" && x.r > 12);
  if (row === undefined) throw new Error("row");
  sheets[1].cells[row.r] = undefined as unknown as (Cell | undefined)[];
  const result = checkWorkbook({ sheets });
  expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(result.book?.missingRows.length).toBeGreaterThan(0);
  // The same loss with the row still there as a wrong figure is an error: the sparing is for missing rows only.
  expect(errors(withCell(book, "p2", row.r, 8, "도     1")).length).toBe(1);
});

test("a line lost at a page break whose 재원 lines open the next page is rebuilt from them", () => {
  const book = buildBook(sampleDepartment(), { rowsPerPage: 17 });
  const sheets = clone(book.sheets);
  // p1's last row is the line of 101 인건비; its 재원 lines open p2.
  expect(sheets[0].cells[sheets[0].cells.length - 1]?.[5]?.v).toBe("101 인건비");
  sheets[0].cells.length -= 1;
  const result = checkWorkbook({ sheets });
  expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  // Its 통계목 is still under it, so the 세부사업 above adds up: every rollup is checked.
  expect(result.book?.relations).toBeGreaterThan(0.9 * (checkWorkbook({ sheets: book.sheets }).book?.relations ?? 0));
});

test("the same book without its page breaks (one long sheet that repeats the header) reads the same", () => {
  const book = buildBook(sampleDepartment(), { rowsPerPage: 17 });
  const cells: (Cell | undefined)[][] = [];
  for (const s of book.sheets) for (const row of s.cells.slice(s === book.sheets[0] ? 0 : 8)) cells.push(row);
  const result = checkWorkbook({ sheets: [{ name: "예산서", cells, merges: [] }] });
  expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(result.book?.programs.length).toBe(2);
  expect(result.book?.relations).toBe(checkWorkbook({ sheets: book.sheets }).book?.relations);
});
