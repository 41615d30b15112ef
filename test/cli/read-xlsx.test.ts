import ExcelJS from "exceljs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { cellAt, type SheetGrid } from "../../src/core/cells/grid";
import { readWorkbookGrid, XlsxReadError } from "../../src/cli/read-xlsx";

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function sheetNamed(sheets: SheetGrid[], name: string): SheetGrid {
  const sheet = sheets.find((s) => s.name === name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  return sheet;
}

async function sampleWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("예산");
  ws.getCell("A1").value = "재원별";
  ws.getCell("B1").value = "합계";
  ws.getCell("A2").value = "계";
  ws.getCell("B2").value = 766023;
  ws.getCell("B2").numFmt = "#,##0";
  ws.getCell("C2").value = 60.58;
  ws.getCell("A3").value = { richText: [{ text: "국", font: { bold: true } }, { text: "비" }] };
  ws.getCell("B3").value = { formula: "B2-B4", result: 120000 };
  ws.getCell("B4").value = { formula: "SUM(B5:B6)" }; // no cached result
  ws.getCell("B5").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  ws.getCell("B6").value = { formula: "B2-B2", result: 0 };
  ws.getCell("C3").value = true;
  ws.getCell("C4").value = new Date(Date.UTC(2021, 0, 15));
  ws.getCell("C4").numFmt = "yyyy-mm-dd";
  ws.getCell("C5").value = { text: "금천구청", hyperlink: "https://www.geumcheon.go.kr" };
  ws.getCell("C6").value = { error: "#REF!" };
  ws.getCell("D1").value = "연차별 소요자원";
  ws.mergeCells("D1:F1");
  ws.mergeCells("A8:B9"); // an empty merged area still counts as a merge
  ws.getCell("E3").value = "   ";

  // A shared formula: E10 holds the master, E11:E12 refer to it.
  ws.getCell("D10").value = 1;
  ws.getCell("D11").value = 2;
  ws.getCell("D12").value = 3;
  ws.fillFormula("E10:E12", "D10*2", [2, 4, 6]);

  const other = wb.addWorksheet("빈 시트");
  other.getCell("A1").value = "";
  return toBuffer(wb);
}

describe("readWorkbookGrid", () => {
  let grid: Awaited<ReturnType<typeof readWorkbookGrid>>;
  let sheet: SheetGrid;

  beforeAll(async () => {
    grid = await readWorkbookGrid(await sampleWorkbook(), "sample.xlsx");
    sheet = sheetNamed(grid.sheets, "예산");
  });

  it("keeps the sheets in workbook order", () => {
    expect(grid.sheets.map((s) => s.name)).toEqual(["예산", "빈 시트"]);
  });

  it("reads numbers, strings and number formats", () => {
    expect(cellAt(sheet, 0, 0)).toEqual({ v: "재원별" });
    expect(cellAt(sheet, 1, 1)).toEqual({ v: 766023, z: "#,##0" });
    expect(cellAt(sheet, 1, 2)).toEqual({ v: 60.58 });
    expect(cellAt(sheet, 2, 4)).toEqual({ v: "   " });
  });

  it("concatenates rich text", () => {
    expect(cellAt(sheet, 2, 0)).toEqual({ v: "국비" });
  });

  it("reads formulas with their cached result", () => {
    expect(cellAt(sheet, 2, 1)).toEqual({ v: 120000, f: "B2-B4" });
    expect(cellAt(sheet, 5, 1)).toEqual({ v: 0, f: "B2-B2" });
  });

  it("marks a formula without cached result with v undefined", () => {
    const cell = cellAt(sheet, 3, 1);
    expect(cell).toBeDefined();
    expect(cell?.f).toBe("SUM(B5:B6)");
    expect(cell?.v).toBeUndefined();
    expect(cell !== undefined && "v" in cell).toBe(true);
  });

  it("turns error results and error values into their text", () => {
    expect(cellAt(sheet, 4, 1)).toEqual({ v: "#DIV/0!", f: "1/0" });
    expect(cellAt(sheet, 5, 2)).toEqual({ v: "#REF!" });
  });

  it("reads booleans, dates (as yyyy-mm-dd) and hyperlinks (as their text)", () => {
    expect(cellAt(sheet, 2, 2)).toEqual({ v: true });
    expect(cellAt(sheet, 3, 2)).toEqual({ v: "2021-01-15", z: "yyyy-mm-dd" });
    expect(cellAt(sheet, 4, 2)).toEqual({ v: "금천구청" });
  });

  it("translates shared formulas to each cell", () => {
    expect(cellAt(sheet, 9, 4)).toEqual({ v: 2, f: "D10*2" });
    expect(cellAt(sheet, 10, 4)).toEqual({ v: 4, f: "D11*2" });
    expect(cellAt(sheet, 11, 4)).toEqual({ v: 6, f: "D12*2" });
  });

  it("reads merges and leaves merged-away cells empty", () => {
    const merges = [...sheet.merges].sort((a, b) => a.r0 - b.r0);
    expect(merges).toEqual([
      { r0: 0, c0: 3, r1: 0, c1: 5 },
      { r0: 7, c0: 0, r1: 8, c1: 1 },
    ]);
    expect(cellAt(sheet, 0, 3)).toEqual({ v: "연차별 소요자원" });
    expect(cellAt(sheet, 0, 4)).toBeUndefined();
    expect(cellAt(sheet, 0, 5)).toBeUndefined();
    expect(cellAt(sheet, 7, 0)).toBeUndefined();
  });

  it("leaves empty cells and rows undefined", () => {
    expect(cellAt(sheet, 6, 0)).toBeUndefined();
    expect(sheet.cells[6]).toBeUndefined();
    expect(cellAt(sheet, 0, 2)).toBeUndefined();
    const empty = sheetNamed(grid.sheets, "빈 시트");
    expect(empty.cells.filter((row) => row !== undefined)).toEqual([]);
    expect(empty.merges).toEqual([]);
  });

  it("reads from a path", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "yesan-read-"));
    try {
      const file = path.join(dir, "예산.xlsx");
      await writeFile(file, await sampleWorkbook());
      const fromPath = await readWorkbookGrid(file);
      expect(cellAt(sheetNamed(fromPath.sheets, "예산"), 1, 1)?.v).toBe(766023);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("unreadable files", () => {
  async function failure(p: Promise<unknown>): Promise<XlsxReadError> {
    try {
      await p;
    } catch (e) {
      if (e instanceof XlsxReadError) return e;
      throw e;
    }
    throw new Error("expected an XlsxReadError");
  }

  it("rejects a text file named .xlsx", async () => {
    const e = await failure(readWorkbookGrid(Buffer.from("재원별,합계\n계,766023\n", "utf8"), "가짜.xlsx"));
    expect(e.file).toBe("가짜.xlsx");
    expect(e.message).toContain("가짜.xlsx");
    expect(e.reason).toEqual({ ko: "xlsx 파일로 읽을 수 없습니다.", en: "It is not a readable .xlsx file." });
  });

  it("rejects a truncated xlsx", async () => {
    const whole = await sampleWorkbook();
    const e = await failure(readWorkbookGrid(whole.subarray(0, Math.floor(whole.length / 2)), "잘린파일.xlsx"));
    expect(e.message).toContain("잘린파일.xlsx");
    expect(e.reason).toEqual({ ko: "xlsx 파일로 읽을 수 없습니다: zip 구조가 손상되었습니다(파일이 잘렸을 수 있습니다).", en: "It is not a readable .xlsx file: its zip structure is damaged (the file may be cut short)." });
  });

  it("rejects an empty buffer", async () => {
    const e = await failure(readWorkbookGrid(Buffer.alloc(0), "빈파일.xlsx"));
    expect(e.message).toContain("빈파일.xlsx");
  });

  it("names password-protected and .xls files", async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const e = await failure(readWorkbookGrid(ole, "암호.xlsx"));
    expect(e.reason.en).toContain("password-protected or a legacy .xls");
  });

  it("reports a missing file with its path", async () => {
    const missing = path.join(tmpdir(), "yesan-no-such-dir", "없음.xlsx");
    const e = await failure(readWorkbookGrid(missing));
    expect(e.file).toBe(missing);
    expect(e.reason.ko).toContain("ENOENT");
  });
});

describe("readWorkbookGrid on a large sheet", () => {
  // Speed is measured by `npm run bench`, not asserted here; this checks the conversion is complete.
  it("converts every row, formula and merge of a 20,000-row sheet", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("큰 시트");
    const rows = 20000;
    for (let r = 1; r <= rows; r++) {
      ws.getRow(r).values = [`사업 ${r}`, "구비", r * 1000, r * 10, r * 990];
      ws.getCell(r, 6).value = { formula: `C${r}-D${r}`, result: r * 990 };
    }
    ws.mergeCells(1, 8, 2, 9);
    const [grid] = (await readWorkbookGrid(await toBuffer(wb), "큰.xlsx")).sheets;
    expect(grid.cells).toHaveLength(rows);
    expect(cellAt(grid, rows - 1, 5)).toEqual({ v: rows * 990, f: `C${rows}-D${rows}` });
    expect(cellAt(grid, 9999, 2)).toEqual({ v: 10000 * 1000 });
    expect(grid.merges).toEqual([{ r0: 0, c0: 7, r1: 1, c1: 8 }]);
  }, 60000);
});
