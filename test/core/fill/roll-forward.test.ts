// Roll forward: the 2021 plan's funding tables (samples/2021-경제환경국-지역경제과.xlsx, read as the CLI reads any
// workbook) become the input of the 2022 plan's tables, and fill a fresh 2022 table whose totals are formulas.
import path from "node:path";
import { readWorkbookGrid } from "../../../src/cli/read-xlsx";
import { planFill } from "../../../src/core/fill/plan-fill";
import { rollForward } from "../../../src/core/fill/roll-forward";
import type { FundingValue } from "../../../src/core/fill/types";
import { a1, cellAt, columnName, type SheetGrid, type WorkbookGrid } from "../../../src/core/cells/grid";
import { makeSheetView } from "../../../src/core/cells/sheet-view";
import { checkSheet } from "../../../src/core/check-workbook";
import { printed, ROOT, seedFundingTables, type Printed, type SeedFundingTable } from "./seed-tables";
import { applyPlan, fundingGrid } from "./target-grids";

const TABLES = seedFundingTables();
let plan: WorkbookGrid;
let card: WorkbookGrid;

beforeAll(async () => {
  plan = await readWorkbookGrid(path.join(ROOT, "samples/2021-경제환경국-지역경제과.xlsx"));
  card = await readWorkbookGrid(path.join(ROOT, "samples/2021-지역경제-15-도시형소공인.xlsx"));
});

const sheetOf = (t: SeedFundingTable): SheetGrid => {
  const wb = t.file === "2021-경제환경국-지역경제과.xlsx" ? plan : card;
  const s = wb.sheets.find((x) => x.name === t.sheet);
  if (s === undefined) throw new Error(t.sheet);
  return s;
};

function asPrinted(v: FundingValue | undefined): Printed | undefined {
  if (v === undefined) return undefined;
  return v.value.kind === "number" ? { kind: "number", value: v.value.value } : v.value.kind === "empty" ? { kind: "empty", dash: v.value.dash } : { kind: "text", text: v.value.text };
}

describe.each(TABLES.map((t) => [t.sheet, t] as const))("%s", (_n, t) => {
  test("rolls into next year's years: the finished year drops, the rest carry over, a new last year comes in empty", () => {
    const sheet = sheetOf(t);
    const { input, problems } = rollForward(sheet);
    expect(problems).toEqual([]);
    const printedYears = [...new Set(t.years)];
    const next = [...printedYears.slice(1), printedYears[printedYears.length - 1] + 1];
    expect(input.years).toEqual(next);
    expect(input.unit).toBe(t.unit);
    for (const row of t.rows.filter((r) => r.key !== "total")) {
      const got = input.rows.find((r) => r.source === row.key);
      expect(got).toBeDefined();
      input.columns.forEach((col, j) => {
        const v = got?.values[j];
        if (col.year === next[next.length - 1]) {
          expect(v?.value).toEqual({ kind: "empty", dash: false });
          expect(v?.origin).toEqual({ kind: "new-year", year: col.year });
          return;
        }
        // The printed value of that year and sub-column in last year's table.
        const k = t.years.findIndex((y, i) => y === col.year && t.years.slice(0, i).filter((x) => x === y).length === col.sub);
        expect(asPrinted(v)).toEqual(printed(row.values[k]));
        // And the origin names the cell that holds it.
        if (v?.origin.kind !== "cell") throw new Error("a rolled value names its cell");
        expect(v.origin.sheet).toBe(t.sheet);
        const ref = v.origin.cell;
        const cell = sheet.cells.flatMap((r, ri) => (r ?? []).map((c, ci) => ({ c, ref: a1(ri, ci) }))).find((x) => x.ref === ref);
        expect(cell?.c?.v ?? "").toEqual(printed(row.values[k]).kind === "number" ? Number(row.values[k].replace(/,/g, "")) : row.values[k]);
      });
    }
  });
});

describe.each(TABLES.filter((t) => t.block.header === 2).map((t) => [t.sheet, t] as const))("%s into a 2022 table", (_n, t) => {
  test("fills the carried years' source cells, never the formulas of 계 and 합계, and the sheet's totals come out as printed", () => {
    const { input } = rollForward(sheetOf(t));
    const sources = t.rows.filter((r) => r.key !== "total");
    const target = fundingGrid({ years: input.years, sources: sources.map((r) => r.label), unit: t.unit });
    const fill = planFill(target.grid, undefined, input);
    expect(fill.problems.filter((p) => p.severity !== "info")).toEqual([]);
    expect(fill.table).toEqual(target.range);
    // Expected writes, from the printed table: every carried-over non-zero figure, at its source row and year column.
    const expected: string[] = [];
    sources.forEach((row, i) => {
      input.years.forEach((year, j) => {
        const k = t.years.indexOf(year);
        if (k < 0) return;
        const p = printed(row.values[k]);
        if (p.kind === "number" && p.value !== 0) expected.push(`${columnName(target.yearCol0 + j)}${target.sourceRow0 + i + 1}=${p.value}`);
      });
    });
    expect(fill.plan.cells.map((c) => `${a1(c.r, c.c)}=${String(c.value)}`).sort()).toEqual(expected.sort());
    expect(fill.plan.cells.every((c) => c.formula === undefined && c.r >= target.sourceRow0 && c.c >= target.yearCol0)).toBe(true);
    expect(fill.overwrites).toEqual([]);
    // Apply it: the 계 row's SUM formulas (no cached values, as in a fresh file) now give the printed 계 figures.
    const filled = applyPlan(target.grid, fill.plan);
    const view = makeSheetView(filled);
    const total = t.rows.find((r) => r.key === "total");
    input.years.forEach((year, j) => {
      const k = t.years.indexOf(year);
      if (k < 0 || total === undefined) return;
      const p = printed(total.values[k]);
      expect(view.evaluated(target.totalRow, target.yearCol0 + j)).toBe(p.kind === "number" ? p.value : 0);
    });
    expect(cellAt(filled, target.totalRow, target.yearCol0)?.f).toBeDefined();
    // And the checker finds nothing wrong with the filled table.
    const checked = checkSheet(filled, { planYear: 2022 });
    expect(checked.tables.map((x) => x.kind)).toEqual(["funding"]);
    expect(checked.findings.filter((f) => f.rule === "total-mismatch" || f.rule === "not-calculated")).toEqual([]);
  });
});
