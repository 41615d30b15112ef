// The fill meets the templates: each program's 2022 template laid out empty (src/core/templates), filled by rolling
// the program's 2021 sheet forward. The fill must find the template's funding table, write the carried figures at
// the template's own source × year cells, and leave its 계/합계 formulas alone.
import path from "node:path";
import { readWorkbookGrid } from "../../../src/cli/read-xlsx";
import { planFill } from "../../../src/core/fill/plan-fill";
import { rollForward } from "../../../src/core/fill/roll-forward";
import { a1, type WorkbookGrid } from "../../../src/core/cells/grid";
import { planToGrid } from "../../../src/core/cells/sheet-plan";
import { BUNDLED_CATALOG } from "../../../src/core/templates/bundled";
import { layoutTemplateDetailed } from "../../../src/core/templates/layout";
import { isPlanTemplate } from "../../../src/core/templates/schema";
import { printed, ROOT, seedFundingTables } from "./seed-tables";

const TABLES = seedFundingTables();
let books: WorkbookGrid[];

beforeAll(async () => {
  books = [
    await readWorkbookGrid(path.join(ROOT, "samples/2021-경제환경국-지역경제과.xlsx")),
    await readWorkbookGrid(path.join(ROOT, "samples/2021-지역경제-15-도시형소공인.xlsx")),
  ];
});

const PROGRAMS = TABLES.map((t) => [t.sheet, t] as const);

test.each(PROGRAMS)("%s: the 2022 template filled from the 2021 sheet", (_n, t) => {
  const sheet = books.flatMap((b) => b.sheets).find((s) => s.name === t.sheet);
  if (sheet === undefined) throw new Error(t.sheet);
  const rolled = rollForward(sheet).input;
  const template = BUNDLED_CATALOG.templates.filter(isPlanTemplate).find((x) => x.program === t.program);
  expect(template).toBeDefined();
  if (template === undefined) return;
  const layout = layoutTemplateDetailed(template, { year: 2022, amounts: "empty" });
  const target = planToGrid(layout.plan);
  const fill = planFill(target, layout.funding.range, rolled);
  expect(fill.problems.filter((p) => p.severity === "error")).toEqual([]);
  // Expected: each carried year's non-zero printed figure at the template's (source row, year column).
  const expected: string[] = [];
  for (const row of t.rows.filter((r) => r.key !== "total")) {
    const r = layout.funding.sources.find((s) => s.source === row.key)?.r;
    for (const { year, c } of layout.funding.years) {
      const k = t.years.indexOf(year);
      if (k < 0 || r === undefined) continue;
      const p = printed(row.values[k]);
      if (p.kind === "number" && p.value !== 0) expected.push(`${a1(r, c)}=${p.value}`);
    }
  }
  expect(fill.plan.cells.map((c) => `${a1(c.r, c.c)}=${String(c.value)}`).sort()).toEqual(expected.sort());
  expect(fill.plan.cells.some((c) => c.r === layout.funding.totalRow || c.c === layout.funding.totalCol)).toBe(false);
  // The card's 확보액/집행액 pairs go into the template's one column per year: 확보액 (or 투자수요) fills it, 집행액 is said.
  const paired = t.subs.some((x) => x !== undefined);
  const shared = layout.funding.years.filter((y) => rolled.years.includes(y.year)).length;
  expect(fill.problems.filter((p) => p.code === "sub-column-left-out")).toHaveLength(paired ? shared : 0);
  expect(shared).toBeGreaterThan(0);
});
