// Budget book layouts a review found misread, each rebuilt here and held to what the book really says: no claim
// where the figures agree, the planted fault at its cell where they do not.
import type { Cell, SheetGrid } from "../../../src/core/cells/grid";
import { checkWorkbook } from "../../../src/core/check-workbook";
import { buildBook, sampleDepartment } from "../../../bench/budget-book";

type Row = readonly [number, string, string?, (number | string)?, (number | string)?, (number | string)?] | string;
const HEADER = ["부서", "정책사업", "단위사업", "세부사업", "", "편성목", "산출내역", "산출기초", "예산액", "전년도예산액", "비교증감"];

function page(name: string, lines: Row[], header: string[] = HEADER): SheetGrid {
  const cells: (Cell | undefined)[][] = [];
  cells[7] = [];
  cells[7][11] = { v: "(단위:천원)" };
  cells[8] = header.map((h) => (h === "" ? undefined : { v: h }));
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

const errors = (sheets: SheetGrid[]): string[] =>
  checkWorkbook({ sheets }).findings.filter((f) => f.severity === "error").map((f) => `${f.sheet}!${f.cell} ${f.rule}`);
const clone = (sheets: SheetGrid[]): SheetGrid[] => sheets.map((s) => ({ ...s, cells: s.cells.map((row) => (row === undefined ? undefined : row.map((c) => (c === undefined ? undefined : { ...c })))) as (Cell | undefined)[][] }));
const book = (): SheetGrid[] => buildBook(sampleDepartment(), { rowsPerPage: 17 }).sheets;

test("page numbers in a level column, and a title above each repeated header, open no level", () => {
  const sheets = clone(book());
  sheets.forEach((s, i) => ((s.cells[26] ??= [])[0] = { v: `- ${i + 1} -` }));
  expect(errors(sheets)).toEqual([]);
  const cells: (Cell | undefined)[][] = [];
  for (const s of book()) {
    cells.push([{ v: "2026년도 세출예산사업명세서" }]);
    for (const row of s.cells.slice(7)) cells.push(row);
  }
  expect(errors([{ name: "예산서", cells, merges: [] }])).toEqual([]);
});

test("a page that could not be read as one (its header far down) leaves a gap nothing is claimed over", () => {
  const sheets = clone(book());
  sheets[2].cells = [[{ v: "사업 개요" }], ...(new Array<undefined>(60).fill(undefined) as unknown as (Cell | undefined)[][]), ...sheets[2].cells];
  expect(errors(sheets)).toEqual([]);
});

test("a summary table headed 세부사업 | 편성목 | 통계목 | 예산액 (no 산출기초) is a table, checked as one", () => {
  const rows: (string | number)[][] = [["세부사업", "편성목", "통계목", "예산액"], ["가", "201 일반운영비", "01 사무관리비", 10000], ["", "", "02 공공운영비", 4612], ["합계", "", "", 60000]];
  const s: SheetGrid = { name: "요약", cells: rows.map((r) => r.map((v) => (v === "" ? undefined : ({ v }) as Cell))), merges: [] };
  const alone = checkWorkbook({ sheets: [s] });
  expect(alone.book).toBeUndefined();
  expect(errors([...book(), s])).toEqual(errors([s]));
});

test("versions named 제1회 추경 or 1회 추경 are versions; a text that only reads like one is an item", () => {
  for (const version of ["제1회 추경", "1회 추경", "추경 1회 성립전 1차"]) {
    const rows: Row[] = [
      [3, "경로당", "", 123000, 100000, 23000],
      [5, "307 민간이전", "", 123000, 100000, 23000],
      [6, "02 민간경상사업보조", "", 120000, 100000, 20000],
      [6, "본예산", "", 120000, 100000, 20000],
      [6, "◎운영비", "1,000,000원*100개소", 100000],
      [6, "◎냉난방비", "200,000원*100개소", 20000],
      [6, "03 민간행사보조", "", 3000, 0, 3000],
      [6, version, "", 3000, 0, 3000],
      [6, "◎행사", "1,000천원*3회", 3000],
    ];
    expect(errors([page("p1", rows)])).toEqual([]);
  }
  const item: Row[] = [[5, "201 일반운영비", "", 5000, 5000, 0], [6, "01 사무관리비", "", 5000, 5000, 0], [6, "경정비 지원", "", 2000], [6, "◎소모품", "3,000,000원", 3000]];
  expect(errors([page("p1", item)])).toEqual([]);
});

test("an unmarked leaf whose 산출기초 was left blank does not take the next leaves as its own", () => {
  const p = page("p1", [
    [5, "101 인건비", "", 4080, 4080, 0],
    [6, "01 보수", "", 4080, 4080, 0],
    [6, "본예산", "", 4080, 4080, 0],
    [6, "◎특수업무수당", "", 4080],
    [6, "○기술업무수당", "", 3000],
    [6, "5급", "50,000원*1명*12월", 600],
    [6, "6·7급", "", 1080],
    [6, "8·9급", "20,000원*1명*12월", 240],
    [6, "기사", "30,000원*3명*12월", 1080],
    [6, "○민원업무수당", "", 1080],
    [6, "- 민원실", "30,000원*3명*12월", 1080],
  ]);
  expect(errors([p])).toEqual([]);
});

test("통계목 and 산출내역 in columns of their own", () => {
  const header = ["부서", "정책사업", "단위사업", "세부사업", "편성목", "통계목", "산출내역", "산출기초", "예산액", "전년도예산액", "비교증감"];
  const program = (n: string, first: number): Row[] => [
    [3, n, "", 120000, 100000, 20000],
    "군        120,000",
    [4, "307 민간이전", "", 120000, 100000, 20000],
    "군        120,000",
    [5, "02 민간경상사업보조", "", 120000, 100000, 20000],
    "군        120,000",
    [6, "◎운영비", "1,000,000원*100개소", first],
    `군        ${first.toLocaleString("en-US")}`,
    [6, "◎냉난방비", "200,000원*100개소", 20000],
    "군         20,000",
  ];
  expect(errors([page("p1", [[2, "단위", "", 240000, 200000, 40000], "군        240,000", ...program("가", 100000), ...program("나", 100000)], header)])).toEqual([]);
  const checked = checkWorkbook({ sheets: [page("p1", [[2, "단위", "", 240000, 200000, 40000], "군        240,000", ...program("가", 100000), ...program("나", 100000)], header)] });
  expect(checked.book?.checked).toEqual(expect.arrayContaining(["basis", "rollup", "sources"]));
});

test("a malformed 재원 line is reported alone; its line's 재원 are not checked", () => {
  const sheets = clone(book());
  const row = sheets[0].cells.findIndex((r) => typeof r?.[8]?.v === "string" && String(r[8]?.v).startsWith("국"));
  const cell = sheets[0].cells[row]?.[8];
  if (cell === undefined) throw new Error("row");
  cell.v = String(cell.v).replace(/,(\d{3})$/, ",$10");
  expect(errors(sheets)).toEqual([`p1!I${row + 1} malformed-number`]);
});

test("a line with thousands of children is blamed in linear time (one wrong ○ among 8,000)", () => {
  const k = 8000;
  const rows: Row[] = [
    [5, "307 민간이전", "", k * 1000 + 2000, k * 1000 + 2000, 0],
    [6, "01 사무관리비", "", 1000, 1000, 0],
    [6, "본예산", "", 1000, 1000, 0],
    [6, "◎a", "", 1000],
    [6, "○a", "1,000,000원", 1000],
    [6, "03 행사관리비", "", 1000, 1000, 0],
    [6, "본예산", "", 1000, 1000, 0],
    [6, "◎b", "", 1000],
    [6, "○b", "1,000,000원", 1000],
    [6, "02 민간경상사업보조", "", k * 1000, k * 1000, 0],
    [6, "본예산", "", k * 1000, k * 1000, 0],
    [6, "◎마을 지원", "", k * 1000],
  ];
  for (let i = 0; i < k; i++) rows.push([6, `○마을${i}`, "1,000,000원", i === 7 ? 1005 : 1000]);
  // The wrong ○ disagrees with its 산출기초 and its ◎'s sum: it alone is blamed.
  expect(errors([page("p1", rows)])).toEqual(["p1!I29 rollup-mismatch"]);
});

test("a 재원 line at a page's top typed with an extra digit is that line's wrong figure, not a lost line's", () => {
  const sheets = clone(book());
  const cell = sheets[5].cells[9]?.[8];
  expect(cell?.v).toBe("국           306");
  if (cell === undefined) throw new Error("cell");
  cell.v = "국         3,060";
  expect(errors(sheets)).toEqual(["p6!I10 source-mismatch"]);
});
