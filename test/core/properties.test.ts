// Property tests: random consistent funding tables in random layouts give no finding; one corrupted cell is
// found and blamed exactly, with the original value as the expected one.
import fc from "fast-check";
import { a1, type Scalar, type SheetGrid } from "../../src/core/cells/grid";
import { checkSheet } from "../../src/core/check-workbook";
import { formatAmount } from "../../src/core/numbers/numbers";
import { sheet } from "./helpers";

type Layout = "standard" | "transposed" | "with-remarks" | "no-total-column";
const SOURCES = ["국비", "시비", "구비", "민간", "기금"];

interface Spec {
  layout: Layout;
  sources: string[];
  years: number[];
  amounts: number[][]; // [source][year]
  unit: "천원" | "백만원";
  dashZero: boolean;
  blankLine: boolean;
}

const specArb: fc.Arbitrary<Spec> = fc
  .record({
    layout: fc.constantFrom<Layout>("standard", "transposed", "with-remarks", "no-total-column"),
    sourceMask: fc.subarray(SOURCES, { minLength: 1 }),
    firstYear: fc.integer({ min: 2018, max: 2022 }),
    yearCount: fc.integer({ min: 2, max: 5 }),
    unit: fc.constantFrom<"천원" | "백만원">("천원", "백만원"),
    dashZero: fc.boolean(),
    blankLine: fc.boolean(),
    seedAmounts: fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50_000_000 })), { minLength: 5, maxLength: 5 }), { minLength: 5, maxLength: 5 }),
  })
  .map((x) => ({
    layout: x.layout,
    sources: x.sourceMask,
    years: Array.from({ length: x.yearCount }, (_, i) => x.firstYear + i),
    amounts: x.sourceMask.map((_, s) => x.seedAmounts[s].slice(0, x.yearCount)),
    unit: x.unit,
    dashZero: x.dashZero,
    blankLine: x.blankLine,
  }));

interface Built {
  grid: SheetGrid;
  /** Cells that hold numbers, with the role they play. */
  cells: { r: number; c: number; total: boolean; value: number }[];
}

function build(spec: Spec): Built {
  const { sources, years, amounts } = spec;
  const yearTotals = years.map((_, y) => sources.reduce((s, _src, i) => s + amounts[i][y], 0));
  const srcTotals = sources.map((_, i) => amounts[i].reduce((s, v) => s + v, 0));
  const grand = srcTotals.reduce((s, v) => s + v, 0);
  const plan = years.includes(2021) ? 2021 : years[0];
  const cellValue = (v: number): Scalar => (v === 0 && spec.dashZero ? "-" : v);
  const rows: Scalar[][] = [[`□ ${plan}년 소요예산 : ${formatAmount(yearTotals[years.indexOf(plan)])}${spec.unit}`], []];
  const cells: Built["cells"] = [];
  const top = 3; // first header row (0-based), after the unit line
  if (spec.layout === "transposed") {
    rows.push([null, null, null, null, `(단위 : ${spec.unit})`], ["연도", "계", ...sources]);
    years.forEach((year, y) => {
      const r = rows.length;
      rows.push([`${year}년`, yearTotals[y], ...sources.map((_, i) => cellValue(amounts[i][y]))]);
      cells.push({ r, c: 1, total: true, value: yearTotals[y] }, ...sources.map((_, i) => ({ r, c: 2 + i, total: false, value: amounts[i][y] })));
    });
    const r = rows.length;
    rows.push(["합계", grand, ...srcTotals]);
    cells.push({ r, c: 1, total: true, value: grand }, ...srcTotals.map((v, i) => ({ r, c: 2 + i, total: true, value: v })));
    return { grid: sheet(rows), cells };
  }
  const withTotal = spec.layout !== "no-total-column";
  const remarks = spec.layout === "with-remarks";
  const first = withTotal ? 2 : 1;
  const width = first + years.length + (remarks ? 1 : 0);
  const unitRow: Scalar[] = Array(width).fill(null);
  unitRow[width - 1] = `(단위 : ${spec.unit})`;
  rows.push(unitRow);
  const h1: Scalar[] = ["재원별", ...(withTotal ? ["합계"] : []), "연차별 소요재원", ...Array(years.length - 1).fill(null), ...(remarks ? ["비고"] : [])];
  const h2: Scalar[] = [null, ...(withTotal ? [null] : []), ...years.map((y) => `${y}년`), ...(remarks ? [null] : [])];
  rows.push(h1, h2);
  const merges = [`A${top + 1}:A${top + 2}`, `${a1(top, first)}:${a1(top, first + years.length - 1)}`];
  if (withTotal) merges.push(`B${top + 1}:B${top + 2}`);
  const bodyRow = (label: string, total: number, values: number[], isTotalRow: boolean): void => {
    const r = rows.length;
    rows.push([label, ...(withTotal ? [total] : []), ...values.map((v) => (isTotalRow ? v : cellValue(v))), ...(remarks ? [isTotalRow ? "매칭 사업" : null] : [])]);
    if (withTotal) cells.push({ r, c: 1, total: true, value: total });
    values.forEach((v, y) => cells.push({ r, c: first + y, total: isTotalRow, value: v }));
  };
  bodyRow("계", grand, yearTotals, true);
  if (spec.blankLine) rows.push([]);
  sources.forEach((s, i) => bodyRow(s, srcTotals[i], amounts[i], false));
  return { grid: sheet(rows, merges), cells };
}

function setValue(g: SheetGrid, r: number, c: number, v: number): void {
  (g.cells[r] ??= [])[c] = { v };
}

test("random consistent funding tables in random layouts give no finding", () => {
  fc.assert(
    fc.property(specArb, (spec) => {
      const res = checkSheet(build(spec).grid, { planYear: 2021 });
      expect(res.findings).toEqual([]);
      expect(res.tables).toHaveLength(1);
      expect(res.tables[0].kind).toBe("funding");
      expect(res.tables[0].unit).toBe(spec.unit);
    }),
    { numRuns: 300 },
  );
});

test("one corrupted cell is found and blamed exactly", () => {
  fc.assert(
    fc.property(specArb, fc.nat(), fc.integer({ min: -5_000_000, max: 5_000_000 }).filter((d) => d !== 0), (spec, pick, delta) => {
      const built = build(spec);
      // Without a 합계 column a source cell sits in one check only: the sheet cannot tell it from its 계 cell.
      const candidates = spec.layout === "no-total-column" ? built.cells.filter((x) => x.total) : built.cells;
      const target = candidates[pick % candidates.length];
      setValue(built.grid, target.r, target.c, target.value + delta);
      const res = checkSheet(built.grid, { planYear: 2021 });
      const errors = res.findings.filter((f) => f.severity === "error");
      expect(errors.map((f) => [f.rule, f.cell, f.actual, f.expected])).toEqual([["total-mismatch", a1(target.r, target.c), target.value + delta, target.value]]);
    }),
    { numRuns: 500 },
  );
});
