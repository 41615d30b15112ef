// readWorkbookGrid reads the file's parts with a reader of our own (src/cli/xlsx/), not with exceljs. Here
// exceljs's documented Cell API is the oracle (scripts/reader-oracle.ts): on files from three writers (exceljs,
// LibreOffice, the sample builder) every cell must read the same both ways, shared formulas, merged areas, dates,
// hyperlinks and rich text included.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readWorkbookGrid } from "../../src/cli/read-xlsx";
import { gridSheets, viaCellApi, type OracleSheet } from "../../scripts/reader-oracle";
import { generatePrograms, writeProgramsWorkbook } from "../../bench/generate";
import { recalculate } from "../support/libreoffice";

async function viaGrid(bytes: Buffer): Promise<OracleSheet[]> {
  return gridSheets(await readWorkbookGrid(bytes, "oracle.xlsx"));
}

async function expectSameBothWays(bytes: Buffer): Promise<number> {
  const expected = await viaCellApi(bytes);
  expect(await viaGrid(bytes)).toEqual(expected);
  return expected.reduce((n, s) => n + Object.keys(s.cells).length, 0);
}

/** Every kind of cell exceljs distinguishes, and the shared-formula forms Excel writes. */
async function everyKind(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("종류");
  ws.getCell("A1").value = "연차별 소요재원";
  ws.mergeCells("A1:D1");
  ws.getCell("A2").value = 1234;
  ws.getCell("A2").numFmt = "#,##0";
  ws.getCell("B2").value = { richText: [{ text: "국", font: { bold: true } }, { text: "비" }] };
  ws.getCell("C2").value = new Date(Date.UTC(2021, 2, 31));
  ws.getCell("C2").numFmt = "yyyy-mm-dd";
  ws.getCell("D2").value = { text: "금천구", hyperlink: "https://www.geumcheon.go.kr" };
  ws.getCell("F2").value = { error: "#N/A" };
  ws.getCell("G2").value = false;
  for (let r = 3; r <= 8; r++) ws.getCell(`A${r}`).value = r * 100;
  // Relative, absolute and mixed references, slid down and across.
  ws.fillFormula("B3:B8", "A3*$A$3+A$3", (row) => row);
  ws.fillFormula("C3:E3", "SUM($A3:A3)", [1, 2, 3]);
  ws.getCell("F3").value = { formula: "B3+1", result: 0 };
  ws.getCell("F4").value = { formula: "SUM(F3:F3)" }; // no cached value
  ws.mergeCells("A10:C11");
  wb.addWorksheet("숨김", { state: "hidden" }).getCell("A1").value = "숨은 시트";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test("cells of every kind, written by exceljs", async () => {
  expect(await expectSameBothWays(await everyKind())).toBeGreaterThan(20);
});

test("the committed sample workbooks, and the department's saved by LibreOffice", async () => {
  for (const file of ["2021-경제환경국-지역경제과.xlsx", "2021-지역경제-15-도시형소공인.xlsx"]) {
    expect(await expectSameBothWays(readFileSync(path.join(__dirname, "../../samples", file)))).toBeGreaterThan(100);
  }
  // LibreOffice stores the sheets' parts in another order than their tabs: the grid keeps the tab order.
  const saved = readFileSync(recalculate(path.join(__dirname, "../../samples/2021-경제환경국-지역경제과.xlsx")));
  expect(await expectSameBothWays(saved)).toBeGreaterThan(1000);
  expect((await readWorkbookGrid(saved, "saved.xlsx")).sheets.map((s) => s.name.slice(0, 2))).toEqual(
    ["00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14"],
  );
}, 120000);

test("a generated department workbook, and the same saved by LibreOffice", async () => {
  const opts = { programs: 60, seed: 7, formulas: "cached" as const, programsPerSheet: 20 };
  const dir = mkdtempSync(path.join(tmpdir(), "yesan-oracle-"));
  const file = path.join(dir, "dept.xlsx");
  writeFileSync(file, Buffer.from(await writeProgramsWorkbook(generatePrograms(opts), opts).xlsx.writeBuffer()));
  expect(await expectSameBothWays(readFileSync(file))).toBeGreaterThan(1000);
  // LibreOffice writes its own way (inline styles, its own shared-formula and merge conventions).
  expect(await expectSameBothWays(readFileSync(recalculate(file)))).toBeGreaterThan(1000);
}, 120000);

test("values LibreOffice keeps in the hidden cells of a merged area stay hidden", async () => {
  // LibreOffice's merge can keep the hidden cells' contents, and writes them to the .xlsx; Excel shows only the
  // top-left cell, and so does exceljs's Cell API.
  const dir = mkdtempSync(path.join(tmpdir(), "yesan-oracle-"));
  const fods = path.join(dir, "merged.fods");
  writeFileSync(
    fods,
    `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet><table:table table:name="병합"><table:table-row>
<table:table-cell table:number-columns-spanned="3" table:number-rows-spanned="1" office:value-type="string"><text:p>연차별 소요재원</text:p></table:table-cell>
<table:covered-table-cell office:value-type="string"><text:p>숨은 값</text:p></table:covered-table-cell>
<table:covered-table-cell office:value-type="float" office:value="42"><text:p>42</text:p></table:covered-table-cell>
</table:table-row></table:table></office:spreadsheet></office:body></office:document>`,
  );
  const xlsx = readFileSync(recalculate(fods));
  expect(await expectSameBothWays(xlsx)).toBe(1);
  const [sheet] = (await readWorkbookGrid(xlsx, "merged.xlsx")).sheets;
  expect(sheet.cells[0]).toEqual([{ v: "연차별 소요재원" }, undefined, undefined]);
}, 120000);

/** An exceljs-written workbook with its parts edited as another writer would leave them. */
async function edited(edit: (zip: JSZip) => Promise<void>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("예산");
  ws.getRow(1).values = ["재원별", "2021년", "2022년"];
  ws.getRow(2).values = ["국비", 100, 200];
  ws.getRow(3).values = ["시비", 300, 400];
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  await edit(zip);
  return zip.generateAsync({ type: "nodebuffer" });
}

test("cells whose address is left out follow the previous cell, as the file format says", async () => {
  const bytes = await edited(async (zip) => {
    const part = "xl/worksheets/sheet1.xml";
    const xml = await zip.file(part)?.async("string");
    if (xml === undefined) throw new Error(part);
    // B2 and C2 without their "r": the next columns after A2.
    zip.file(part, xml.replace(/<c r="B2"/, "<c").replace(/<c r="C2"/, "<c"));
  });
  expect(await expectSameBothWays(bytes)).toBe(9);
  const [sheet] = (await readWorkbookGrid(bytes, "no-r.xlsx")).sheets;
  expect(sheet.cells[1]).toEqual([{ v: "국비" }, { v: 100 }, { v: 200 }]);
});

test("a sheet part the workbook does not list is not a sheet", async () => {
  const bytes = await edited(async (zip) => {
    const xml = await zip.file("xl/worksheets/sheet1.xml")?.async("string");
    if (xml === undefined) throw new Error("sheet1");
    zip.file("xl/worksheets/sheet9.xml", xml);
  });
  expect(await expectSameBothWays(bytes)).toBe(9);
  expect((await readWorkbookGrid(bytes, "orphan.xlsx")).sheets.map((s) => s.name)).toEqual(["예산"]);
});

test("shared formulas are slid as LibreOffice writes them out cell by cell, whole columns, rows and strings included", async () => {
  // exceljs's Cell API leaves SUM(A:A) and 2:2 where they were and moves the "A1" inside LEN("A1"): LibreOffice,
  // which writes each cell's formula out, is the judge here.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  for (let r = 1; r <= 4; r++) for (let c = 1; c <= 3; c++) ws.getCell(r, c).value = r * 10 + c;
  ws.fillFormula("D1:E3", 'SUM(A:A)+$B1+C$1+LEN("A1")+SUM(2:2)+S!A1+SUM(A1:B2)', () => 0);
  const dir = mkdtempSync(path.join(tmpdir(), "yesan-shared-"));
  const file = path.join(dir, "shared.xlsx");
  await wb.xlsx.writeFile(file);
  const ours = (await readWorkbookGrid(readFileSync(file), "shared.xlsx")).sheets[0];
  const theirs = (await readWorkbookGrid(readFileSync(recalculate(file)), "lo.xlsx")).sheets[0];
  const formulas = (s: typeof ours): (string | undefined)[] => [0, 1, 2].flatMap((r) => [3, 4].map((c) => s.cells[r]?.[c]?.f));
  expect(formulas(ours)).toEqual(formulas(theirs));
  expect(formulas(ours)[5]).toBe('SUM(B:B)+$B3+D$1+LEN("A1")+SUM(4:4)+S!B3+SUM(B3:C4)');
}, 120000);
