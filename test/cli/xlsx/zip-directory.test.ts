// Zips damaged or built to mislead, each named for what is wrong with it (issue 12: they all read "not a readable
// .xlsx file", and a bomb that declared 4 KB inflated its whole gigabyte before failing).
import { strToU8 } from "fflate";
import { readXlsxGrid } from "../../../src/cli/xlsx-grid";
import { NS, sheet, xlsx } from "../../support/hand-xlsx";
import { deflateBomb, rawWorkbook, rawZip, SHEET_REL, type RawEntry } from "../../support/hostile-zip";
import { readFailure } from "../../support/read-failure";

/** A one-sheet workbook whose sheet entry is `entry`; `target` replaces the sheet's relationship. */
const bookWith = (entry: Omit<RawEntry, "name">, sheetRels?: string): Uint8Array => rawWorkbook(entry, { sheetRels });
const failure = readFailure;

const plain = sheet(`<row r="1"><c r="A1"><v>7</v></c></row>`);

test("a stored zip built here reads, so the failures below are the entries' own", () => {
  const grid = readXlsxGrid(bookWith({ stored: strToU8(plain) }), "ok.xlsx");
  expect(grid.sheets.map((s) => [s.name, s.cells[0]?.[0]])).toEqual([["예산", { v: 7 }]]);
});

test("a part that inflates past the size it declares is stopped there and named", () => {
  const bomb = deflateBomb(plain.replace("</sheetData>", "<!-- "), 256 * 1024 * 1024, " --></sheetData></worksheet>");
  const started = process.cpuUsage();
  const e = failure(() => readXlsxGrid(bookWith({ stored: bomb.stored, method: 8, size: 4096, crc: 0 }), "거짓.xlsx"));
  expect(e.reason).toEqual({
    ko: "xl/worksheets/sheet1.xml 부분을 읽을 수 없습니다: 머리말에 적힌 크기(4,096바이트)보다 많이 풀립니다.",
    en: "Its part xl/worksheets/sheet1.xml cannot be read: it expands past the size its header declares (4,096 bytes).",
  });
  // Stopped within its first chunk: far less CPU than inflating 256 MB, which takes seconds (not a timing of speed,
  // a sign of where it stopped; the hostile set in test/cli records the times).
  const used = process.cpuUsage(started);
  expect(used.user + used.system).toBeLessThan(1_000_000);
});

test("a part that yields less than it declares is damaged, not a shorter sheet", () => {
  const e = failure(() => readXlsxGrid(bookWith({ stored: strToU8(plain), size: plain.length + 10 }), "짧음.xlsx"));
  expect(e.reason.en).toBe("Its part xl/worksheets/sheet1.xml cannot be read: its zip structure is damaged (the file may be cut short).");
  const deflated = deflateBomb(plain.slice(0, -1), 0, ">");
  const short = failure(() => readXlsxGrid(bookWith({ stored: deflated.stored, method: 8, size: deflated.size + 100 }), "짧음.xlsx"));
  expect(short.reason.en).toBe(`Its part xl/worksheets/sheet1.xml cannot be read: it expands to less than its header declares (${deflated.size.toLocaleString("en-US")} of ${(deflated.size + 100).toLocaleString("en-US")} bytes).`);
});

test("an entry encrypted inside the zip, or compressed by a method .xlsx never uses, is named as such", () => {
  expect(failure(() => readXlsxGrid(bookWith({ stored: strToU8(plain), flags: 1 }), "e.xlsx")).reason.ko).toBe("xl/worksheets/sheet1.xml 부분을 읽을 수 없습니다: zip 안에서 암호화되어 있습니다.");
  expect(failure(() => readXlsxGrid(bookWith({ stored: strToU8(plain), method: 12, size: 5000 }), "b.xlsx")).reason.en).toBe("Its part xl/worksheets/sheet1.xml cannot be read: it is compressed by a method Excel does not use (method 12).");
  expect(failure(() => readXlsxGrid(bookWith({ stored: Uint8Array.from([0xff, 0xff, 0xff, 0xff]), method: 8, size: 100 }), "c.xlsx")).reason.en).toBe("Its part xl/worksheets/sheet1.xml cannot be read: its compressed content is damaged.");
});

test("a zip with no workbook part, a workbook part that lists no sheet, or sheets whose parts are all missing", () => {
  const good = xlsx({ sheets: [{ name: "S", xml: plain }] });
  const docx = rawZip([{ name: "word/document.xml", stored: strToU8("<w:document/>") }]);
  expect(failure(() => readXlsxGrid(docx, "문서.xlsx")).reason.ko).toBe("Excel 통합 문서로 읽을 수 없습니다: 통합 문서 부분(xl/workbook.xml)이 없습니다. .docx나 다른 zip 파일일 수 있습니다.");
  const notXml = rawZip([{ name: "xl/workbook.xml", stored: strToU8('{"sheets": []}') }]);
  expect(failure(() => readXlsxGrid(notXml, "j.xlsx")).reason.en).toBe("It cannot be read as an Excel workbook: its workbook part (xl/workbook.xml) lists no sheets.");
  expect(failure(() => readXlsxGrid(bookWith({ stored: strToU8(plain) }, SHEET_REL("../../../evil.xml")), "t.xlsx")).reason.en).toBe(
    'It cannot be read as an Excel workbook: the part of sheet "예산" (evil.xml) is missing, and no sheet can be read.',
  );
  expect(failure(() => readXlsxGrid(bookWith({ stored: strToU8(plain) }, SHEET_REL("https://example.invalid/s.xml", true)), "x.xlsx")).reason.ko).toBe(
    'Excel 통합 문서로 읽을 수 없습니다: "예산" 시트가 가리키는 부분이 파일에 없고, 읽을 수 있는 시트가 없습니다.',
  );
  expect(readXlsxGrid(good, "g.xlsx").sheets).toHaveLength(1);
});

test("a workbook of chart sheets only reads as a workbook without worksheets", () => {
  expect(readXlsxGrid(xlsx({ sheets: [{ name: "차트", xml: `<chartsheet ${NS}/>`, kind: "chartsheet" }] }), "c.xlsx")).toEqual({ sheets: [] });
});

test("a part in UTF-16, with its byte order mark, reads as the same sheet in UTF-8", () => {
  const utf16 = Buffer.from(`\ufeff${sheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>계</t></is></c><c r="B1"><v>12</v></c></row>`)}`, "utf16le");
  const grid = readXlsxGrid(bookWith({ stored: utf16 }), "u.xlsx");
  expect(grid.sheets[0].cells[0]).toEqual([{ v: "계" }, { v: 12 }]);
});
