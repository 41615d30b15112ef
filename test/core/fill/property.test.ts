// Property: any consistent funding table, printed the way the seeds print one (tab-separated, commas, "-" or a
// blank for nothing, labels maybe spaced out) or copied out of a PDF (spaces), parses back to its own figures,
// with no problem reported.
import fc from "fast-check";
import { parseFundingText } from "../../../src/core/fill/paste";
import type { FundingValue } from "../../../src/core/fill/types";

const SOURCES: [string, string][] = [
  ["국비", "national"],
  ["시비", "city"],
  ["도비", "province"],
  ["구비", "district"],
  ["군비", "county"],
  ["기금", "fund"],
  ["민간", "private"],
  ["자체", "own"],
];

const withCommas = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ",");
const amountOf = (v: FundingValue | undefined): number | undefined =>
  v === undefined ? undefined : v.value.kind === "number" ? v.value.value : v.value.kind === "empty" ? 0 : undefined;

const table = fc.record({
  start: fc.integer({ min: 2000, max: 2090 }),
  years: fc.integer({ min: 1, max: 6 }),
  sources: fc.subarray(SOURCES, { minLength: 1 }),
  // Every seventh (or fifth) figure becomes 0, printed as the zero form: whole rows of nothing come up too.
  // Some figures look like years (2021): printed without commas they must still be amounts in the body.
  amounts: fc.array(fc.oneof(fc.integer({ min: 0, max: 9_999_999_999 }), fc.integer({ min: 1990, max: 2099 })), { minLength: 48, maxLength: 48 }),
  commas: fc.boolean(),
  zero: fc.constantFrom("-", "0", ""),
  spaced: fc.boolean(),
  unit: fc.constantFrom("천원", "백만원", "원"),
});

test("tab-separated: every figure, total and unit comes back", () => {
  fc.assert(
    fc.property(table, (t) => {
      const grouped = (n: number): string => (t.commas ? withCommas(n) : String(n));
      const years = Array.from({ length: t.years }, (_, i) => t.start + i);
      const rows = t.sources.map((_, i) => years.map((_, j) => (t.amounts[i * 6 + j] % 7 === 0 ? 0 : t.amounts[i * 6 + j])));
      const show = (n: number): string => (n === 0 ? t.zero : grouped(n));
      const label = (s: string): string => (t.spaced ? [...s].join(" ") : s);
      const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
      const colTotals = years.map((_, j) => sum(rows.map((r) => r[j])));
      const text = [
        `(단위 : ${t.unit})`,
        "",
        [label("재원별"), label("합계"), "연차별 소요재원", ...years.slice(1).map(() => "")].join("\t"),
        ["", "", ...years.map((y) => `${y}년`)].join("\t"),
        ["계", grouped(sum(colTotals)), ...colTotals.map(grouped)].join("\t"),
        ...t.sources.map(([s], i) => [label(s), show(sum(rows[i])), ...rows[i].map(show)].join("\t")),
      ].join("\n");
      const p = parseFundingText(text);
      expect(p.problems).toEqual([]);
      expect(p.input.unit).toBe(t.unit);
      expect(p.input.years).toEqual(years);
      expect(p.input.rows.map((r) => r.source)).toEqual(t.sources.map(([, k]) => k));
      p.input.rows.forEach((r, i) => {
        expect(r.values.map(amountOf)).toEqual(rows[i]);
        expect(r.totals.map(amountOf)).toEqual([sum(rows[i])]);
      });
      expect(p.input.total?.values.map(amountOf)).toEqual(colTotals);
    }),
    { numRuns: 300 },
  );
});

test("space-separated with a dash in every blank: the same figures", () => {
  fc.assert(
    fc.property(table, (t) => {
      const grouped = (n: number): string => (t.commas ? withCommas(n) : String(n));
      const years = Array.from({ length: t.years }, (_, i) => t.start + i);
      const rows = t.sources.map((_, i) => years.map((_, j) => (t.amounts[i * 6 + j] % 5 === 0 ? 0 : t.amounts[i * 6 + j])));
      const show = (n: number): string => (n === 0 ? "-" : grouped(n));
      const label = (s: string): string => (t.spaced ? [...s].join(" ") : s);
      const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
      const colTotals = years.map((_, j) => sum(rows.map((r) => r[j])));
      const text = [
        `(단위 : ${t.unit})`,
        `${label("재원별")} ${label("합계")} 연차별 소요재원`,
        years.map((y) => `${y}년`).join(" "),
        [label("계"), grouped(sum(colTotals)), ...colTotals.map(grouped)].join(" "),
        ...t.sources.map(([s], i) => [label(s), show(sum(rows[i])), ...rows[i].map(show)].join(" ")),
      ].join("\n");
      const p = parseFundingText(text);
      expect(p.problems).toEqual([]);
      expect(p.input.unit).toBe(t.unit);
      expect(p.input.rows.map((r) => r.source)).toEqual(t.sources.map(([, k]) => k));
      p.input.rows.forEach((r, i) => {
        expect(r.values.map(amountOf)).toEqual(rows[i]);
        expect(r.totals.map(amountOf)).toEqual([sum(rows[i])]);
      });
    }),
    { numRuns: 300 },
  );
});
