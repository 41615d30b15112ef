// Golden test: the sample workbook built from the seeds, checked end to end (exceljs file → grid → engine).
// Every expected figure below was worked out by hand from the seed text; cell addresses are not copied from
// the engine: each finding's cell is checked to sit in the named row and column of the built sheet.
import path from "node:path";
import { readFileSync } from "node:fs";
import { buildSampleWorkbooks } from "../../scripts/build-samples";
import { parseSeedPlan } from "../../src/cli/sample-layout";
import { readWorkbookGrid } from "../../src/cli/read-xlsx";
import { checkWorkbook, type CheckResult } from "../../src/core/check-workbook";
import { cellAt, parseA1, type WorkbookGrid } from "../../src/core/cells/grid";
import type { Finding } from "../../src/core/findings/findings";

const plan = parseSeedPlan(JSON.parse(readFileSync(path.join(__dirname, "../../samples/seed-plan.json"), "utf8")) as unknown);
let grids: WorkbookGrid[];
let results: CheckResult[];

beforeAll(async () => {
  const built = await buildSampleWorkbooks(plan);
  // Through the file format, as a user's file is read.
  grids = await Promise.all(built.map(async (b) => readWorkbookGrid(Buffer.from(await b.workbook.xlsx.writeBuffer()), b.file)));
  results = grids.map((g) => checkWorkbook(g));
}, 60000);

function text(grid: WorkbookGrid, sheet: string, r: number, c: number): string {
  const s = grid.sheets.find((x) => x.name === sheet);
  const v = s === undefined ? undefined : cellAt(s, r, c)?.v;
  return v === undefined || v === null ? "" : String(v).replace(/\s/g, "");
}

/** The label at the start of the finding's row, and the column header (searching up for a non-number). */
function where(grid: WorkbookGrid, f: Finding): { row: string; col: string } {
  const p = parseA1(f.cell);
  if (p === undefined) throw new Error(f.cell);
  let col = "";
  for (let r = p.r - 1; r >= 0 && col === ""; r--) {
    const t = text(grid, f.sheet, r, p.c);
    if (t !== "" && !/^[\d,.-]+$/.test(t)) col = t;
  }
  return { row: text(grid, f.sheet, p.r, 0), col };
}

test("the plan's printed mistakes come out as errors on the right cells", () => {
  const errors = results[0].findings.filter((f) => f.severity === "error");
  const got = errors.map((f) => {
    const p = parseA1(f.cell) ?? { r: 0, c: 0 };
    // A text amount cell is identified by its own printed text, a table number by its row and column labels.
    const at = f.rule === "malformed-number" ? { cell: text(grids[0], f.sheet, p.r, p.c) } : where(grids[0], f);
    return { sheet: f.sheet, rule: f.rule, actual: f.actual, expected: f.expected, unit: f.unit, ...at };
  });
  expect(got).toEqual([
    // 핵심역량 강화 사업: (국비/시비/구비/민간) (16,800/2,880/1,920/24,00): 24,00 is not a number (2,400 was meant)
    { sheet: "01 전통시장 경영현대화", rule: "malformed-number", actual: "24,00", expected: undefined, unit: "천원", cell: "24,000천원(국비/시비/구비/민간)(16,800/2,880/1,920/24,00)" },
    // 국내·외 교류: 계 합계 527,900 but 127,800+114,600+133,500+133,500 = 509,400 (= 구비 합계)
    { sheet: "06 국내·외 교류", rule: "total-mismatch", actual: 527900, expected: 509400, unit: "천원", row: "계", col: "합계" },
    // 기업지원시설: 시비 556,436+600,000+100,000×3 = 1,456,436; 구비 268,172+258,972+258,072×3 = 1,301,360
    { sheet: "08 기업지원시설 운영", rule: "total-mismatch", actual: 1556436, expected: 1456436, unit: "천원", row: "시비", col: "합계" },
    { sheet: "08 기업지원시설 운영", rule: "total-mismatch", actual: 1352432, expected: 1301360, unit: "천원", row: "구비", col: "합계" },
    // 중소기업 육성: 187,840+323,400+308,400+358,400 = 1,178,040 (= 24,000 + 1,154,040)
    { sheet: "09 중소기업 육성", rule: "total-mismatch", actual: 1279440, expected: 1178040, unit: "천원", row: "계", col: "합계" },
    // 동물복지: 28,000+30,200×3 = 118,600 (= 구 비 합계)
    { sheet: "11 동물복지사업", rule: "total-mismatch", actual: 28000, expected: 118600, unit: "천원", row: "계", col: "합계" },
  ]);
});

test("the 그린푸줏간 6,468백만원 is the plan's one shortfall, 22% of 29,324백만원", () => {
  const shortfalls = results[0].findings.filter((f) => f.rule === "shortfall");
  expect(shortfalls.map((f) => [f.sheet, f.actual, f.unit, where(grids[0], f).row, where(grids[0], f).col])).toEqual([["02 전통시장 시설현대화", 6468, "백만원", "합계", "미확보금액"]]);
  expect(shortfalls[0].share).toBeCloseTo(6468 / 29324, 12);
  expect(shortfalls[0].message.ko).toContain("29,324백만원 중 6,468백만원(22%)");
});

test("nothing else is reported: no warnings or notes on the plan, nothing on the program card", () => {
  expect(results[0].findings.filter((f) => f.severity !== "error" && f.rule !== "shortfall")).toEqual([]);
  expect(results[1].findings).toEqual([]);
});

test("every funding table of both seeds is found, with its unit and headline", () => {
  const funding = results.flatMap((r) => r.tables.filter((t) => t.kind === "funding"));
  // 14 programs' "□ … 소요예산" tables + the card's 투자수요 table
  expect(funding).toHaveLength(15);
  expect(funding.every((t) => t.unit === "천원" || t.unit === "백만원")).toBe(true);
  const headlines = funding.map((t) => t.title ?? "");
  expect(headlines.filter((h) => /소요예산/.test(h))).toHaveLength(14);
  expect(results[0].tables.filter((t) => t.kind === "gap")).toHaveLength(1);
});

test("the committed samples/*.xlsx are exactly what the builder makes from samples/seed-plan.json", async () => {
  for (const [i, wb] of plan.workbooks.entries()) {
    const committed = await readWorkbookGrid(path.join(__dirname, "../../samples", wb.file));
    expect(committed).toEqual(grids[i]);
  }
});
