// `yesan template new book-new-program`: the budget book's page for a new 세부사업, written by the command line,
// calculated by LibreOffice as an independent engine, and checked by `yesan check` before and after. The file
// carries the values the layout worked out; LibreOffice must calculate every formula to the same value. Then the
// page is edited as an officer would (a 단가 changed, a figure typed over a formula) and recalculated.
import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readWorkbookGrid } from "../../src/cli/read-xlsx";
import type { SheetGrid } from "../../src/core/cells/grid";
import { recalculate } from "../support/libreoffice";
import { run } from "../support/run-cli";

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(tmpdir(), "yesan-book-template-"));

interface Checked {
  code: number;
  findings: { rule: string; cell: string; expected?: number; actual?: number; path?: string[] }[];
  book?: { programs: { path: string[]; amount: number; previous?: number; change?: number }[]; checked: string[] };
}

async function check(file: string): Promise<Checked> {
  const { code, out } = await run("check", file, "--format", "json");
  const json = JSON.parse(out) as { files: (Omit<Checked, "code"> & { error?: string })[] };
  expect(json.files[0].error).toBeUndefined();
  return { code, findings: json.files[0].findings ?? [], ...(json.files[0].book === undefined ? {} : { book: json.files[0].book }) };
}

/** The row (1-based, as Excel numbers it) whose 산출내역 reads `label`. */
function rowOf(sheet: SheetGrid, label: string): number {
  const r = sheet.cells.findIndex((row) => row?.[5]?.v === label);
  if (r < 0) throw new Error(`${label} not on ${sheet.name}`);
  return r + 1;
}

async function edit(file: string, out: string, change: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  change(wb.worksheets[0]);
  await wb.xlsx.writeFile(out);
  return recalculate(out);
}

const PATH = ["지역경제과", "지역경제 활성화(국토및지역개발/지역및도시)", "전통시장 육성", "전통시장 디지털 전환 지원"];

test("written, calculated by LibreOffice to the values the file carries, and clean before and after", async () => {
  const file = path.join(dir, "book.xlsx");
  const r = await run("template", "new", "book-new-program", "--out", file);
  expect(r).toMatchObject({ code: 0, err: "" });
  expect(r.out).toContain('시트 "2027 세부사업 예산서(신규)", 2027년');

  const fresh = await check(file);
  expect(fresh.findings).toEqual([]);
  expect(fresh.code).toBe(0);
  // 53,206천원 as worked out by hand in test/core/templates/layout-book.test.ts.
  expect(fresh.book?.programs).toEqual([expect.objectContaining({ path: PATH, amount: 53206, previous: 0, change: 53206 })]);
  expect(fresh.book?.checked).toEqual(["basis", "change", "rollup", "rollup-previous", "source-rollup", "sources"]);

  const lo = recalculate(file);
  const [mine] = (await readWorkbookGrid(file)).sheets;
  const [theirs] = (await readWorkbookGrid(lo)).sheets;
  let formulas = 0;
  mine.cells.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (cell?.f === undefined) return;
      formulas++;
      expect([r, c, theirs.cells[r]?.[c]?.v]).toEqual([r, c, cell.v]);
    }),
  );
  expect(formulas).toBeGreaterThan(80);
  expect(theirs.cells[rowOf(theirs, "○제보험") - 1]?.[6]?.v).toBe("26,620,000원*11.6%");
  expect((await check(lo)).findings).toEqual([]);
});

test("a 단가 changed: 산출기초, 예산액, the sums and the last 재원 follow; still nothing to report", async () => {
  const file = path.join(dir, "price.xlsx");
  expect(await run("template", "new", "book-new-program", "--out", file)).toMatchObject({ code: 0 });
  const [sheet] = (await readWorkbookGrid(file)).sheets;
  const basic = rowOf(sheet, "○기본급");
  const lo = await edit(file, path.join(dir, "price-edited.xlsx"), (ws) => {
    ws.getCell(`M${basic}`).value = 90000;
  });
  const [after] = (await readWorkbookGrid(lo)).sheets;
  // 90,000원 × 1명 × 249일 = 22,410,000원 = 22,410천원, in place of 20,558: 53,206 − 20,558 + 22,410 = 55,058.
  expect([after.cells[basic - 1]?.[6]?.v, after.cells[basic - 1]?.[7]?.v]).toEqual(["90,000원*1명*249일", 22410]);
  const checked = await check(lo);
  expect(checked.findings).toEqual([]);
  expect(checked.book?.programs.map((p) => p.amount)).toEqual([55058]);
  // 구 takes the rest: 55,058 − 20,000.
  expect(after.cells.flat().filter((c) => c?.v === "구   35,058")).toHaveLength(4);
});

test("a figure typed over a formula: the line's 산출기초 and 예산액 disagree, found on that line with both figures", async () => {
  const file = path.join(dir, "typed.xlsx");
  expect(await run("template", "new", "book-new-program", "--out", file)).toMatchObject({ code: 0 });
  const [sheet] = (await readWorkbookGrid(file)).sheets;
  const basic = rowOf(sheet, "○기본급");
  const lo = await edit(file, path.join(dir, "typed-edited.xlsx"), (ws) => {
    ws.getCell(`H${basic}`).value = 20000;
  });
  const checked = await check(lo);
  expect(checked.code).toBe(1);
  // The sums above took the typed 20,000 in (LibreOffice recalculated them), so they agree with it: the one
  // disagreement left is the line's own, blamed on its 산출기초 (the figure no sum confirms).
  expect(checked.findings.map((f) => [f.rule, f.cell])).toEqual([["basis-mismatch", `G${basic}`]]);
  expect(checked.findings[0]).toMatchObject({ path: [...PATH, "101 인건비"], message: `G${basic}의 산출기초(82,560원*1명*249일)로 계산한 금액(20,558천원)이 예산액(20,000천원)과 다릅니다.` });
});
