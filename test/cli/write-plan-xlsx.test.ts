// The exceljs writer of SheetPlans, checked through an independent engine: LibreOffice opens the file, calculates
// the formulas and saves it; exceljs reads that copy back. Expected totals are added up by hand below.
import ExcelJS from "exceljs";
// exceljs's own zip library, to look at the XML parts themselves.
import JSZip from "jszip";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildPlanWorkbook, PlanWriteError, writePlanXlsx } from "../../src/cli/write-plan-xlsx";
import type { SheetPlan } from "../../src/core/cells/sheet-plan";
import { recalculate } from "../support/libreoffice";

const INJECTIONS = ["=cmd|' /C calc'!A0", "=1+2", "+3", "-4+5", "@SUM(1,1)"];

// A funding table as the templates lay it out: sources down, years across, a 합계 column and a 계 row.
//          A        B (합계)          C (2021)  D (2022)  E (2023)
//   1  재원별      합계              2021년    2022년    2023년
//   2  계          =SUM(C2:E2)       =SUM(C3:C5) ...
//   3  국비        =SUM(C3:E3)       100       200       300
//   4  시비        =SUM(C4:E4)       40        50        60
//   5  구비        =SUM(C5:E5)       7         8         9
function fundingPlan(sheet: string, namePrefix = ""): SheetPlan {
  const head = ["재원별", "합계", "2021년", "2022년", "2023년"].map((value, c) => ({ r: 0, c, value, bold: true, horizontalAlignment: "Center" as const, fill: "#D9E1F2" }));
  const amounts = [
    ["국비", 100, 200, 300],
    ["시비", 40, 50, 60],
    ["구비", 7, 8, 9],
  ] as const;
  const cells: SheetPlan["cells"] = [...head, { r: 1, c: 0, value: "계", bold: true }, { r: 1, c: 1, formula: "SUM(C2:E2)", numberFormat: "#,##0", bold: true }];
  for (const c of [2, 3, 4]) cells.push({ r: 1, c, formula: `SUM(${"CDE"[c - 2]}3:${"CDE"[c - 2]}5)`, numberFormat: "#,##0", bold: true });
  amounts.forEach(([label, ...xs], i) => {
    const r = i + 2;
    cells.push({ r, c: 0, value: label }, { r, c: 1, formula: `SUM(C${r + 1}:E${r + 1})`, numberFormat: "#,##0" });
    xs.forEach((value, j) => cells.push({ r, c: 2 + j, value, numberFormat: "#,##0", input: true, fill: "#FFF2CC" }));
  });
  INJECTIONS.forEach((value, i) => cells.push({ r: 7 + i, c: 0, value }));
  cells.push({ r: 13, c: 0, value: "(단위 : 천원)", horizontalAlignment: "Right" });
  return {
    sheet,
    cells,
    merges: [{ r0: 13, c0: 0, r1: 13, c1: 4 }],
    validations: [
      {
        range: { r0: 2, c0: 2, r1: 4, c1: 4 },
        rule: { kind: "wholeNumber", min: 0, max: 100000000 },
        title: { ko: "금액 확인", en: "Amount" },
        message: { ko: "0 이상의 정수(천원)를 입력하세요.", en: "Enter a whole number of thousand won, 0 or more." },
      },
      { range: { r0: 12, c0: 1, r1: 12, c1: 1 }, rule: { kind: "decimal", min: 0 }, title: { ko: "비율", en: "Share" }, message: { ko: "0 이상의 수", en: "0 or more" } },
    ],
    names: [
      { name: `${namePrefix}재원_국비`, range: { r0: 2, c0: 2, r1: 2, c1: 4 } },
      { name: `${namePrefix}총계`, range: { r0: 1, c0: 1, r1: 1, c1: 1 } },
    ],
    columnWidths: [{ c: 0, width: 24 }, { c: 1, width: 14 }],
    charts: [{ kind: "columnClustered", title: { ko: "재원별", en: "By source" }, data: { r0: 0, c0: 0, r1: 4, c1: 4 }, seriesBy: "rows", at: { r: 15, c: 0 } }],
  };
}

async function part(file: string, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const entry = zip.file(name);
  if (entry === null) throw new Error(`no part ${name} in ${file}`);
  return entry.async("string");
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function sheetOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (ws === undefined) throw new Error(`no sheet ${name}`);
  return ws;
}

const SHEET_A = "06 국내·외 교류";
const SHEET_B = "사업'2 (안)";

describe("writePlanXlsx", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "yesan-plan-"));
  const file = path.join(dir, "plan.xlsx");
  let raw: ExcelJS.Workbook;
  let lo: ExcelJS.Workbook;
  let recalculated: string;

  beforeAll(async () => {
    await writePlanXlsx([fundingPlan(SHEET_A), fundingPlan(SHEET_B, "B_")], file);
    raw = await load(file);
    recalculated = recalculate(file);
    lo = await load(recalculated);
  }, 120000);

  test("one worksheet per plan, in order", () => {
    expect(raw.worksheets.map((w) => w.name)).toEqual([SHEET_A, SHEET_B]);
  });

  test("formulas are written without a cached result, and the workbook asks Excel to calculate on open", async () => {
    const ws = sheetOf(raw, SHEET_A);
    expect(ws.getCell("B2").formula).toBe("SUM(C2:E2)");
    expect(ws.getCell("B2").result).toBeUndefined();
    expect(ws.getCell("C2").formula).toBe("SUM(C3:C5)");
    const sheetXml = await part(file, "xl/worksheets/sheet1.xml");
    expect(sheetXml).toMatch(/<c r="B2" s="\d+"><f>SUM\(C2:E2\)<\/f><\/c>/);
    expect(await part(file, "xl/workbook.xml")).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
  });

  test("LibreOffice computes the totals added up by hand", () => {
    for (const name of [SHEET_A, SHEET_B]) {
      const ws = sheetOf(lo, name);
      const v = (a: string): unknown => ws.getCell(a).result ?? ws.getCell(a).value;
      // column totals: 100+40+7, 200+50+8, 300+60+9
      expect([v("C2"), v("D2"), v("E2")]).toEqual([147, 258, 369]);
      // row totals: 100+200+300, 40+50+60, 7+8+9
      expect([v("B3"), v("B4"), v("B5")]).toEqual([600, 150, 24]);
      // grand total: 147+258+369 = 600+150+24
      expect(v("B2")).toBe(774);
    }
  });

  test("text that looks like a formula stays text, in the file and after LibreOffice opened it", async () => {
    // exceljs writes strings as shared strings (t="s"): the <si> entries hold the text verbatim.
    const sheetXml = await part(file, "xl/worksheets/sheet1.xml");
    expect(sheetXml).toMatch(/<c r="A8" s="\d+" t="s"><v>\d+<\/v><\/c>/);
    expect(await part(file, "xl/sharedStrings.xml")).toContain("<t>=cmd|&apos; /C calc&apos;!A0</t>");
    const ws = sheetOf(raw, SHEET_A);
    INJECTIONS.forEach((text, i) => {
      const cell = ws.getCell(8 + i, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
      expect(cell.numFmt).toBe("@");
      const back = sheetOf(lo, SHEET_A).getCell(8 + i, 1);
      expect(back.formula).toBeUndefined();
      expect(back.value).toBe(text);
    });
  });

  test("formats, bold, alignment, fills, merges and column widths", () => {
    for (const wb of [raw, lo]) {
      const ws = sheetOf(wb, SHEET_A);
      expect(ws.getCell("C3").numFmt).toBe("#,##0");
      expect(ws.getCell("A1").font?.bold).toBe(true);
      expect(ws.getCell("A1").alignment?.horizontal).toBe("center");
      expect(ws.getCell("A14").alignment?.horizontal).toBe("right");
      const fill = ws.getCell("C3").fill;
      expect(fill?.type === "pattern" ? fill.fgColor?.argb : undefined).toBe("FFFFF2CC");
      expect(ws.getCell("E14").isMerged).toBe(true);
      expect(ws.getCell("E14").master.address).toBe("A14");
      expect(ws.getColumn(1).width).toBeCloseTo(24, 0);
    }
  });

  test("data validations survive LibreOffice: kind, bounds, error title and message, error shown", () => {
    for (const wb of [raw, lo]) {
      const ws = sheetOf(wb, SHEET_A);
      for (const a of ["C3", "E5"]) {
        expect(ws.getCell(a).dataValidation).toMatchObject({
          type: "whole",
          operator: "between",
          formulae: [0, 100000000],
          showErrorMessage: true,
          errorTitle: "금액 확인 / Amount",
          error: "0 이상의 정수(천원)를 입력하세요. / Enter a whole number of thousand won, 0 or more.",
        });
      }
      const share = ws.getCell("B13").dataValidation;
      expect(share).toMatchObject({ type: "decimal", operator: "greaterThanOrEqual", showErrorMessage: true, errorTitle: "비율 / Share" });
      expect(share.formulae[0]).toBe(0);
      expect(ws.getCell("F3").dataValidation).toBeUndefined();
    }
  });

  test("defined names are workbook-scoped and survive LibreOffice", async () => {
    for (const f of [file, recalculated]) expect(await part(f, "xl/workbook.xml")).not.toContain("localSheetId");
    for (const wb of [raw, lo]) {
      const names = Object.fromEntries(wb.definedNames.model.map((n) => [n.name, n.ranges]));
      expect(names["재원_국비"]).toEqual(["'06 국내·외 교류'!$C$3:$E$3"]);
      expect(names["총계"]).toEqual(["'06 국내·외 교류'!$B$2"]);
      expect(names["B_총계"]).toEqual(["'사업''2 (안)'!$B$2"]);
    }
  });

  test("a name used in a formula computes in LibreOffice", async () => {
    const f = path.join(dir, "named.xlsx");
    const plan = fundingPlan("표");
    plan.cells.push({ r: 15, c: 1, formula: "SUM(재원_국비)" });
    await writePlanXlsx([plan], f);
    const ws = sheetOf(await load(recalculate(f)), "표");
    expect(ws.getCell("B16").result).toBe(100 + 200 + 300);
  }, 120000);

  test("charts are not written: exceljs cannot, the Excel adapter inserts them", async () => {
    const zip = await JSZip.loadAsync(Buffer.from(await buildPlanWorkbook([fundingPlan("표")]).xlsx.writeBuffer()));
    const parts = Object.keys(zip.files);
    expect(parts).toContain("xl/worksheets/sheet1.xml");
    expect(parts.filter((p) => p.startsWith("xl/charts/") || p.startsWith("xl/drawings/"))).toEqual([]);
  });

  test("the wx flag refuses to replace an existing file", async () => {
    const f = path.join(dir, "exists.xlsx");
    writeFileSync(f, "keep me");
    await expect(writePlanXlsx([fundingPlan("표")], f, { flag: "wx" })).rejects.toMatchObject({ code: "EEXIST" });
    expect(readFileSync(f, "utf8")).toBe("keep me");
  });

  test("plans Excel could not open are refused, naming the sheet and cell", () => {
    const merged = fundingPlan("표");
    merged.cells.push({ r: 13, c: 2, value: "lost" });
    expect(() => buildPlanWorkbook([merged])).toThrow(/표!C14/);
    expect(() => buildPlanWorkbook([{ ...fundingPlan("표"), names: [{ name: "A1", range: { r0: 0, c0: 0, r1: 0, c1: 0 } }] }])).toThrow(PlanWriteError);
    expect(() => buildPlanWorkbook([{ ...fundingPlan("표"), names: [{ name: "두 단어", range: { r0: 0, c0: 0, r1: 0, c1: 0 } }] }])).toThrow(/두 단어/);
    expect(() => buildPlanWorkbook([fundingPlan("가".repeat(32))])).toThrow(/31/);
    expect(() => buildPlanWorkbook([fundingPlan("a/b")])).toThrow(/a\/b/);
    expect(() => buildPlanWorkbook([{ ...fundingPlan("표"), cells: [{ r: 0, c: 0, value: 1, fill: "yellow" }] }])).toThrow(/yellow/);
    expect(() => buildPlanWorkbook([fundingPlan("표"), fundingPlan("표2")])).toThrow(/재원_국비.*표/);
    const long = fundingPlan("표");
    long.validations[0].message = { ko: "가".repeat(226), en: "x" };
    expect(() => buildPlanWorkbook([long])).toThrow(/225/);
  });
});
