// A 계 every third row down a long list (issue 12: 3,000 rows took 74 s, 10,000 ran out of memory): each 계 reads
// the lines since the one before, so the readings grow with the rows, not with their square; a table of a few 계
// still offers each the whole table, as before.
import { rowGroupCandidates } from "../../../src/core/candidates/header-candidates";
import { gridFromRows } from "../../../src/core/cells/grid";
import { checkWorkbook } from "../../../src/core/check-workbook";
import type { RowLine } from "../../../src/core/layout/table-model";

const line = (r: number, label: string, role: RowLine["role"]): RowLine => ({ r, label, role, additive: true });
const repeated = (groups: number): RowLine[] => Array.from({ length: groups * 3 }, (_, r) => (r % 3 === 2 ? line(r, "계", "total") : line(r, r % 3 === 0 ? "국비" : "시비", "item")));

test("1,000 groups of 국비/시비/계: each 계 over its own two lines, 2,000 parts in all", () => {
  const t = rowGroupCandidates(repeated(1000));
  expect(t).toHaveLength(1000);
  expect(t.reduce((n, x) => n + x.parts.length, 0)).toBe(2000);
  expect(t[500]).toEqual({ kind: "sum", total: 1502, parts: [{ at: 1500, sign: 1 }, { at: 1501, sign: 1 }] });
});

test("three 계 lines still each offer the whole table's items, as a short table's grand totals do", () => {
  const t = rowGroupCandidates(repeated(3));
  expect(t.map((x) => [x.total, x.parts.map((p) => p.at)])).toEqual([
    [2, [0, 1, 3, 4, 6, 7]],
    [5, [0, 1, 3, 4, 6, 7]],
    [8, [0, 1, 3, 4, 6, 7]],
  ]);
});

test("3,000 rows of 국비/시비/계 with one 계 wrong: that cell alone, with a bounded list of related cells", () => {
  const rows: (string | number)[][] = [["재원별", "2021년", "2022년"]];
  for (let g = 0; g < 1000; g++) rows.push(["국비", 10 + g, 20]), rows.push(["시비", 5, 7]), rows.push(["계", 15 + g, g === 700 ? 28 : 27]);
  const result = checkWorkbook({ sheets: [gridFromRows("재원", rows)] });
  const errors = result.findings.filter((f) => f.severity === "error");
  // Row 1 is the header, so group 700's 계 is on row 1 + 700·3 + 3 = 2104.
  expect(errors.map((f) => [f.cell, f.expected, f.actual])).toEqual([["C2104", 27, 28]]);
  expect(errors[0].related).toEqual(["C2102", "C2103"]);
});
