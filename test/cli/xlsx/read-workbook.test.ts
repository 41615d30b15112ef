// The reader on parts written by hand, as other writers leave them: namespace prefixes, inline and phonetic strings,
// ISO dates, the 1904 date system, chart sheets, entities, CDATA and DOCTYPEs, damaged and oversized parts. The
// files of real writers (exceljs, LibreOffice) are held to exceljs's Cell API in read-xlsx-oracle.test.ts.
import { NS, sheet, xlsx } from "../../support/hand-xlsx";
import { readXlsxGrid } from "../../../src/cli/xlsx-grid";
import { readFailure } from "../../support/read-failure";
import type { WorkbookGrid } from "../../../src/core/cells/grid";

const values = (grid: WorkbookGrid, i = 0): unknown[][] => grid.sheets[i].cells.map((row) => (row ?? []).map((c) => c?.v));

test("prefixed elements (<x:c>) read as the plain ones", () => {
  const xml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>국비</x:t></x:is></x:c><x:c r="B1"><x:v>100</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
  expect(values(readXlsxGrid(xlsx({ sheets: [{ name: "S", xml }] }), "p.xlsx"))).toEqual([["국비", 100]]);
});

test("shared and inline strings: rich runs joined, phonetic runs left out, entities and _x000D_ decoded", () => {
  const strings = `<si><t>재원&amp;구분</t></si><si><r><rPr><b/></rPr><t>국</t></r><r><t xml:space="preserve">비 </t></r><rPh sb="0" eb="1"><t>こく</t></rPh></si><si><t>줄_x000D_바꿈</t></si><si/>`;
  const data = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>9</v></c></row>` +
    `<row r="2"><c r="A2" t="inlineStr"><is><r><t>시</t></r><r><t>비</t></r><rPh><t>し</t></rPh></is></c><c r="B2" t="str"><v>&lt;b&gt; &#54633;&#xACC4;</v></c></row>`;
  expect(values(readXlsxGrid(xlsx({ sheets: [{ name: "S", xml: sheet(data) }], strings }), "s.xlsx"))).toEqual([
    ["재원&구분", "국비 ", "줄\r바꿈"],
    ["시비", "<b> 합계"],
  ]);
});

test("booleans, errors, ISO dates and date serials by their format, in either date system", () => {
  const styles = `<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;년&quot;\\ m&quot;월&quot;"/></numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="3"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs><dxfs><dxf><numFmt numFmtId="165" formatCode="0%"/></dxf></dxfs>`;
  const data = `<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="e"><v>#REF!</v></c><c r="C1" t="d"><v>2021-03-31T00:00:00</v></c><c r="D1" s="2"><v>44286</v></c><c r="E1" s="1"><v>1234.5</v></c><c r="F1" s="3"><f>D1+1</f><v>44287</v></c></row>`;
  const book = { sheets: [{ name: "S", xml: sheet(data) }], styles };
  const grid = readXlsxGrid(xlsx(book), "d.xlsx");
  expect(grid.sheets[0].cells[0]).toEqual([
    { v: true },
    { v: "#REF!" },
    { v: "2021-03-31" },
    { v: "2021-03-31", z: 'yyyy"년" m"월"' },
    { v: 1234.5, z: "#,##0" },
    { v: "2021-04-01", f: "D1+1", z: "mm-dd-yy" },
  ]);
  // The 1904 system counts days from 1904-01-01: the same serial is four years and a day later.
  const mac = readXlsxGrid(xlsx({ ...book, workbookPr: '<workbookPr date1904="1"/>' }), "mac.xlsx");
  expect(mac.sheets[0].cells[0]?.[3]?.v).toBe("2025-04-01");
});

test("shared formulas slide from their first cell, in whatever order the cells come; array formulas stay", () => {
  const data = `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" si="0"/><v>2</v></c></row>` +
    `<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" ref="B1:B3" si="0">A2*2</f><v>4</v></c></row>` +
    `<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>6</v></c><c r="C3"><f t="array" ref="C3">SUM(A1:A3*2)</f><v>12</v></c></row>`;
  const [s] = readXlsxGrid(xlsx({ sheets: [{ name: "S", xml: sheet(data) }] }), "f.xlsx").sheets;
  expect([0, 1, 2].map((r) => s.cells[r]?.[1]?.f)).toEqual(["A1*2", "A2*2", "A3*2"]);
  expect(s.cells[2]?.[2]).toEqual({ v: 12, f: "SUM(A1:A3*2)" });
});

test("rows and cells without an address follow the previous one; merged-away values are hidden", () => {
  const data = `<row><c><v>1</v></c><c><v>2</v></c></row><row r="4"><c r="C4"><v>3</v></c><c><v>4</v></c></row>`;
  const merges = `<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="C3:C1048576"/></mergeCells>`;
  const [s] = readXlsxGrid(xlsx({ sheets: [{ name: "S", xml: sheet(data, merges) }] }), "m.xlsx").sheets;
  expect(s.cells[0]).toEqual([{ v: 1 }, undefined]);
  // C4 lies under the whole-column merge from C3: hidden.
  expect(s.cells[3]).toEqual([undefined, undefined, undefined, { v: 4 }]);
  expect(s.merges).toEqual([{ r0: 0, c0: 0, r1: 0, c1: 1 }, { r0: 2, c0: 2, r1: 1048575, c1: 2 }]);
});

test("chart sheets are no worksheets; tab order is the workbook's list", () => {
  const book = {
    sheets: [
      { name: "둘째", xml: sheet(`<row r="1"><c r="A1"><v>2</v></c></row>`) },
      { name: "차트", xml: `<chartsheet ${NS}/>`, kind: "chartsheet" as const },
      { name: "첫째 &amp; 끝", xml: sheet(`<row r="1"><c r="A1"><v>1</v></c></row>`) },
    ],
  };
  expect(readXlsxGrid(xlsx(book), "c.xlsx").sheets.map((s) => s.name)).toEqual(["둘째", "첫째 & 끝"]);
});

test("a DOCTYPE's entities are never expanded, comments and CDATA are read as XML says", () => {
  const lol = `<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>`;
  const xml = `<?xml version="1.0"?>${lol}<worksheet ${NS}><!-- <row r="9"> --><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c><c r="B1" t="inlineStr"><is><t><![CDATA[<계> & 합]]></t></is></c></row></sheetData></worksheet>`;
  expect(values(readXlsxGrid(xlsx({ sheets: [{ name: "S", xml }] }), "e.xlsx"))).toEqual([["&b;", "<계> & 합"]]);
});

const failure = readFailure;

test("a sheet part cut short is a damaged file, not a shorter sheet", () => {
  const cut = sheet(`<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>`).slice(0, -40);
  const e = failure(() => readXlsxGrid(xlsx({ sheets: [{ name: "S", xml: cut }] }), "잘림.xlsx"));
  expect(e.file).toBe("잘림.xlsx");
  expect(e.reason.en).toBe("Its part xl/worksheets/sheet1.xml cannot be read: its XML is incomplete (cut off, or a part of another kind).");
  expect(e.reason.ko).toBe("xl/worksheets/sheet1.xml 부분을 읽을 수 없습니다: XML이 온전하지 않습니다(중간에 끊겼거나 다른 종류의 부분입니다).");
});

test("parts past the limits are refused before they are inflated, naming the part and the limit", () => {
  // 20 MB of one repeated row compresses about 300 to 1 (a zip bomb in miniature).
  const row = `<row><c t="inlineStr"><is><t>계</t></is></c></row>`;
  const big = sheet(row.repeat(Math.ceil((20 * 1024 * 1024) / row.length)));
  const bytes = xlsx({ sheets: [{ name: "S", xml: big }] });
  expect(bytes.length).toBeLessThan(1024 * 1024);
  const byRatio = failure(() => readXlsxGrid(bytes, "폭탄.xlsx"));
  expect(byRatio.reason.ko).toMatch(/^xl\/worksheets\/sheet1\.xml 부분이 너무 큽니다: 풀면 [\d.]+MB로, 한도 [\d.]+MB를 넘습니다\.$/);
  const byPart = failure(() => readXlsxGrid(bytes, "큰.xlsx", { part: 1024 * 1024, total: 1e9, ratio: 1e9, ratioFrom: 1e9 }));
  expect(byPart.reason.en).toMatch(/^Its part xl\/worksheets\/sheet1\.xml is too large: [\d.]+ MB when expanded, over the limit of 1 MB\.$/);
});

test("a row numbered past Excel's last is refused with its reason, not dropped", () => {
  const data = `<row r="1"><c r="A1"><v>1</v></c></row><row r="99999999999"><c><v>2</v></c></row>`;
  const e = failure(() => readXlsxGrid(xlsx({ sheets: [{ name: "예산", xml: sheet(data) }] }), "큰행.xlsx"));
  expect(e.reason.ko).toBe('"예산" 시트를 읽을 수 없습니다: 99999999999행에 셀이 있습니다. Excel의 마지막 행·열(1,048,576행, XFD열)을 넘습니다.');
  expect(e.reason.en).toBe(`Its sheet "예산" cannot be read: it has a cell at row 99999999999, past Excel's last row and column (1,048,576, XFD).`);
  // The last row itself is fine.
  const last = `<row r="1048576"><c r="XFD1048576"><v>3</v></c></row>`;
  expect(readXlsxGrid(xlsx({ sheets: [{ name: "S", xml: sheet(last) }] }), "끝.xlsx").sheets[0].cells[1_048_575]?.[16_383]).toEqual({ v: 3 });
});

test("an integer a double cannot hold is kept as written, not as the neighbour a double rounds it to", () => {
  const data = `<row r="1"><c r="A1"><v>9007199254740993</v></c><c r="B1"><v>9007199254740992</v></c><c r="C1"><v>1E+20</v></c><c r="D1"><v>12345</v></c></row>`;
  expect(values(readXlsxGrid(xlsx({ sheets: [{ name: "S", xml: sheet(data) }] }), "big.xlsx"))).toEqual([["9007199254740993", 9007199254740992, 1e20, 12345]]);
});

test("merges read as Excel repairs them: one over an earlier merge and refs that name no cells are set aside and recorded", () => {
  const data = `<row r="1"><c r="A1" t="inlineStr"><is><t>제목</t></is></c></row><row r="3"><c r="C3"><v>7</v></c></row>`;
  const after = `<mergeCells count="6"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/><mergeCell ref="ZZZZ:1"/><mergeCell ref="A0:B1"/><mergeCell ref="A1:B2:C3"/><mergeCell ref="D1:E1048577"/><mergeCell ref="d5:e6"/></mergeCells>`;
  const grid = readXlsxGrid(xlsx({ sheets: [{ name: "S", xml: sheet(data, after) }] }), "m.xlsx");
  const s = grid.sheets[0];
  // The overlapping B2:C3 is not applied: C3's 7 stays readable. Lowercase refs are Excel's own refs all the same.
  expect(s.cells[2]?.[2]?.v).toBe(7);
  expect(s.merges).toEqual([{ r0: 0, c0: 0, r1: 1, c1: 1 }, { r0: 4, c0: 3, r1: 5, c1: 4 }]);
  expect(s.repairs).toEqual([
    { kind: "merge-overlap", ref: "B2:C3", with: "A1:B2" },
    { kind: "merge-invalid", ref: "ZZZZ:1" },
    { kind: "merge-invalid", ref: "A0:B1" },
    { kind: "merge-invalid", ref: "A1:B2:C3" },
    { kind: "merge-invalid", ref: "D1:E1048577" },
  ]);
});

test("thousands of merges side by side are all kept, none taken for an overlap", () => {
  const refs = Array.from({ length: 5000 }, (_, i) => `<mergeCell ref="A${2 * i + 1}:C${2 * i + 2}"/>`).join("");
  const grid = readXlsxGrid(xlsx({ sheets: [{ name: "S", xml: sheet("", `<mergeCells>${refs}<mergeCell ref="B1:B1048576"/></mergeCells>`) }] }), "many.xlsx");
  expect(grid.sheets[0].merges).toHaveLength(5000);
  expect(grid.sheets[0].repairs).toEqual([{ kind: "merge-overlap", ref: "B1:B1048576", with: "A1:C2" }]);
});
