// The budget book on generated pages in e호조's layout: a consistent book is clean and fully read; every single
// fault planted in it (an 예산액 at any level, a 전년도예산액, a 비교증감, a 재원 line, a 산출기초, a malformed
// "24,00") is found at the planted cell with the value the book's other figures imply.
import { a1, type Cell, type SheetGrid, type WorkbookGrid } from "../../../src/core/cells/grid";
import { checkWorkbook } from "../../../src/core/check-workbook";
import { buildBook, sampleDepartment, type BuiltBook } from "../../../bench/budget-book";

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

test("an Excel error value (#REF!) in an 예산액 is reported as one, not as a malformed number, and nothing else claimed", () => {
  const book = buildBook(sampleDepartment(), { rowsPerPage: 17 });
  const row = book.rows.find((x) => x.source === undefined && x.line.spec.label === "◎기본수용비");
  if (row === undefined) throw new Error("row");
  const found = errors(withCell(book, row.sheet, row.r, 8, "#REF!"));
  expect(found.map((f) => [f.cell, f.rule, f.actual])).toEqual([[a1(row.r, 8), "error-value", "#REF!"]]);
});

test("an 예산액 past 2^53 (stored or typed) is refused as too large, not rounded into the sums", () => {
  const book = buildBook(sampleDepartment(), { rowsPerPage: 17 });
  const row = book.rows.find((x) => x.source === undefined && x.line.spec.label === "◎기본수용비");
  if (row === undefined) throw new Error("row");
  for (const v of [2 ** 53 + 2, "9,007,199,254,740,993"]) {
    const found = errors(withCell(book, row.sheet, row.r, 8, v));
    expect(found.map((f) => [f.cell, f.rule])).toEqual([[a1(row.r, 8), "malformed-number"]]);
    expect(found[0].message.ko).toContain("정확히 더할 수 없습니다");
  }
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

/** A page in the book's layout from rows of [label column, label, 산출기초, 예산액, 전년도, 비교증감] or 재원 lines. */
function page(name: string, lines: (readonly [number, string, string?, (number | string)?, (number | string)?, (number | string)?] | string)[]): SheetGrid {
  const cells: (Cell | undefined)[][] = [];
  cells[7] = [];
  cells[7][11] = { v: "(단위:천원)" };
  cells[8] = ["부서", "정책사업", "단위사업", "세부사업", "", "편성목", "산출내역", "산출기초", "예산액", "전년도예산액", "비교증감"].map((h) => (h === "" ? undefined : { v: h }));
  lines.forEach((l, i) => {
    const row: (Cell | undefined)[] = [];
    if (typeof l === "string") row[8] = { v: l };
    else {
      const [col, label, basis, amount, previous, change] = l;
      row[col] = { v: label };
      if (basis !== undefined && basis !== "") row[7] = { v: basis };
      if (amount !== undefined) row[8] = { v: amount };
      if (previous !== undefined) row[9] = { v: previous };
      if (change !== undefined) row[10] = { v: change };
    }
    cells[9 + i] = row;
  });
  return { name, cells, merges: [] };
}

test("successive 성립전 versions: the 통계목 shows the last, each version's items make up what it adds", () => {
  // 경제정책과 p346 and 자치행정과 p85 of the 홍성군 2026 book, as printed.
  const p = page("p1", [
    [3, "고유가 피해 지원", "", 88720, 36560, 52160],
    "국         88,720",
    [5, "101 인건비", "", 47840, 0, 47840],
    "국         47,840",
    [6, "04 기간제근로자등보수", "", 47840, 0, 47840],
    "국         47,840",
    [6, "추경 1회 성립전 6차", "", "(      47,774)", "(      0)", "(      47,774)"],
    "(국         47,774)",
    [6, "◎기간제근로자 운영(성립전)", "47,773,600원", "(      47,774)"],
    "(국         47,774)",
    [6, "추경 1회 성립전 7차", "", "(      47,840)", "(      47,774)", "(          66)"],
    "(국         47,840)",
    [6, "◎기간제근로자 운영(성립전)", "47,840,000원", "(      47,840)"],
    "(국         47,840)",
    [5, "201 일반운영비", "", 40880, 36560, 4320],
    "국         40,880",
    [6, "03 행사운영비", "", 40880, 36560, 4320],
    "국         40,880",
    [6, "본예산", "", 36560, 36560, 0],
    "국         36,560",
    [6, "◎평생학습 한마당", "36,560,000원", 36560],
    "국         36,560",
    [6, "추경 1회 성립전 5차", "", "(      40,880)", "(      36,560)", "(       4,320)"],
    "(국          4,320)",
    [6, "◎장애인 평생교육 관계자 연수(성립전)", "4,320,000원", "(       4,320)"],
    "(국          4,320)",
  ]);
  const result = checkWorkbook({ sheets: [p] });
  expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(result.book?.relations).toBeGreaterThan(15);
  // The stages are still checked: 7차 showing 47,800 instead of 47,840 is found, at its cell.
  const wrong = { ...p, cells: p.cells.map((r) => r?.slice()) };
  (wrong.cells[19] as Cell[])[8] = { v: "(      47,800)" };
  expect(errors({ sheets: [wrong] }).map((f) => f.cell)).toEqual(["I20"]);
});

test("the lines below a ○ without a mark are its sub-items, a heading among them a sibling once the ○ is made up", () => {
  // 은하면 p952 and 수도사업소 p869: "5급", "기사" under ○ headings; "기술업무수당가산금" heads its own.
  const p = page("p1", [
    [5, "101 인건비", "", 4080, 4080, 0],
    [6, "01 보수", "", 4080, 4080, 0],
    [6, "본예산", "", 4080, 4080, 0],
    [6, "◎특수업무수당", "", 4080],
    [6, "○기술업무수당", "", 3000],
    [6, "5급", "50,000원*1명*12월", 600],
    [6, "6·7급", "30,000원*3명*12월", 1080],
    [6, "8·9급", "20,000원*1명*12월", 240],
    [6, "기술업무수당가산금", "", 1080],
    [6, "기사", "30,000원*3명*12월", 1080],
    [6, "○민원업무수당", "", 1080],
    [6, "- 민원실", "30,000원*3명*12월", 1080],
  ]);
  expect(errors({ sheets: [p] })).toEqual([]);
  expect(checkWorkbook({ sheets: [p] }).book?.checked).toContain("rollup");
});

test("a 추경 book's columns (경정예산액, 기정예산액, 비교증감) are read the same way", () => {
  const p = page("p1", [
    [3, "경로당 운영 지원", "", 120000, 100000, 20000],
    [5, "307 민간이전", "", 120000, 100000, 20000],
    [6, "02 민간경상사업보조", "", 120000, 100000, 20000],
    [6, "◎경로당 운영비", "1,000,000원*100개소", 100000],
    [6, "◎경로당 냉난방비", "200,000원*100개소", 20000],
  ]);
  (p.cells[8] as Cell[])[8] = { v: "경정예산액" };
  (p.cells[8] as Cell[])[9] = { v: "기정예산액" };
  const result = checkWorkbook({ sheets: [p] });
  expect(result.book?.relations).toBeGreaterThan(4);
  const wrong = { ...p, cells: p.cells.map((r) => r?.slice()) };
  (wrong.cells[9] as Cell[])[10] = { v: 2000 };
  const found = errors({ sheets: [wrong] });
  expect(found.map((f) => [f.cell, f.rule, f.expected])).toEqual([["K10", "change-mismatch", 20000]]);
  // Its words are the 추경 book's own: the 기정 column is no 전년도.
  expect(found[0].message.ko).toBe("K10의 비교증감(2,000천원)이 경정예산액 − 기정예산액(20,000천원)과 다릅니다.");
});
