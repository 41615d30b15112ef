// CSV and JSON inputs: the seeds' tables in both, and the broken inputs officers and other systems produce, each
// reported with its place (CSV record/field/line, JSON path).
import { parseFundingCsv, readCsv } from "../../../src/core/fill/csv";
import { parseFundingJson } from "../../../src/core/fill/json";
import type { FillProblem, FundingParse, FundingValue } from "../../../src/core/fill/types";
import { printed, seedFundingTables, type Printed } from "./seed-tables";

const TABLES = seedFundingTables();

function asPrinted(v: FundingValue | undefined): Printed | undefined {
  if (v === undefined) return undefined;
  return v.value.kind === "number" ? { kind: "number", value: v.value.value } : v.value.kind === "empty" ? { kind: "empty", dash: v.value.dash } : { kind: "text", text: v.value.text };
}

/** RFC 4180 writing, done here by hand: quote a field holding a comma, a quote or a line break. */
const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const csv = (rows: string[][], eol = "\r\n"): string => rows.map((r) => r.map(csvField).join(",")).join(eol) + eol;

const codes = (p: FundingParse): string[] => p.problems.map((x) => x.code);
const only = (p: FundingParse, code: string): FillProblem[] => p.problems.filter((x) => x.code === code);

describe("CSV", () => {
  test.each(TABLES.map((t) => [t.sheet, t] as const))("%s: the table saved as CSV reads back as printed", (_n, t) => {
    const text = "\uFEFF" + csv([[`(단위 : ${t.unit})`], ...t.block.table]);
    const p = parseFundingCsv(text);
    expect(p.input.unit).toBe(t.unit);
    expect(p.input.columns.map((c) => c.year)).toEqual(t.years);
    for (const row of t.rows) {
      const line = row.key === "total" ? p.input.total : p.input.rows.find((r) => r.source === row.key);
      expect(line?.values.map(asPrinted)).toEqual(row.values.map(printed));
    }
    expect(p.problems.filter((x) => x.severity === "error")).toEqual([]);
  });

  test("figures that look like years (an export without thousands separators) are amounts in the body", () => {
    const p = parseFundingCsv(["재원별,2021,2022", "국비,2000,2021", "구비,1999,5"].join("\n"));
    expect(p.problems).toEqual([]);
    expect(p.input.years).toEqual([2021, 2022]);
    expect(p.input.rows.map((r) => r.values.map(asPrinted))).toEqual([
      [{ kind: "number", value: 2000 }, { kind: "number", value: 2021 }],
      [{ kind: "number", value: 1999 }, { kind: "number", value: 5 }],
    ]);
  });

  test("the reader: quotes, doubled quotes, line breaks in a field, CRLF, LF, a missing final line break", () => {
    const r = readCsv('a,"1,234","say ""hi""","two\nlines"\r\nb,,x\nc');
    expect(r.problems).toEqual([]);
    expect(r.records.map((rec) => rec.map((f) => f.text))).toEqual([["a", "1,234", 'say "hi"', "two\nlines"], ["b", "", "x"], ["c"]]);
    // The record after a two-line field starts on line 3.
    expect(r.records[1][0]).toMatchObject({ row: 2, col: 1, line: 3 });
    expect(r.records[0][1]).toMatchObject({ quoted: true, text: "1,234" });
  });

  const good = ["재원별,합계,2021년,2022년", '계,"3,000","1,000","2,000"', '국비,"1,000","1,000",-', '구비,"2,000",,"2,000"'];

  test('quoted "1,234" amounts are numbers; a blank and "-" are empty', () => {
    const p = parseFundingCsv(good.join("\n"));
    expect(p.problems).toEqual([]);
    const [nat, dist] = p.input.rows;
    expect(nat.values.map(asPrinted)).toEqual([{ kind: "number", value: 1000 }, { kind: "empty", dash: true }]);
    expect(dist.values.map(asPrinted)).toEqual([{ kind: "empty", dash: false }, { kind: "number", value: 2000 }]);
    expect(dist.values[1]?.origin).toEqual({ kind: "csv", row: 4, col: 4, line: 4 });
  });

  test("an unquoted thousands comma splits a field: the row is refused, naming its record", () => {
    const p = parseFundingCsv([...good.slice(0, 2), "국비,1,000,1,000,-", good[3]].join("\n"));
    const [x] = only(p, "extra-cells");
    expect(x.severity).toBe("error");
    expect(x.origin).toMatchObject({ kind: "csv", row: 3 });
    expect(x.message.ko).toContain("CSV 3행");
    expect(p.input.rows.map((r) => r.source)).toEqual(["district"]);
  });

  test('malformed figures ("24,00", "1,2345", "12.3.4") are reported with record and field, kept as text, never guessed', () => {
    const p = parseFundingCsv(["재원별,2021년,2022년,2023년", '국비,"24,00","1,2345",12.3.4'].join("\n"));
    const m = only(p, "malformed-number");
    expect(m.map((x) => x.origin)).toEqual([
      { kind: "csv", row: 2, col: 2, line: 2 },
      { kind: "csv", row: 2, col: 3, line: 2 },
      { kind: "csv", row: 2, col: 4, line: 2 },
    ]);
    expect(m.every((x) => x.severity === "warning")).toBe(true); // written as the text it is, never guessed
    expect(p.input.rows[0].values.map(asPrinted)).toEqual([
      { kind: "text", text: "24,00" },
      { kind: "text", text: "1,2345" },
      { kind: "text", text: "12.3.4" },
    ]);
  });

  test("an unterminated quote and a stray quote", () => {
    const p = parseFundingCsv(["재원별,2021년", "국비,1000", '구비,"500'].join("\n"));
    expect(only(p, "csv-syntax")).toEqual([expect.objectContaining({ severity: "error", origin: { kind: "csv", row: 3, col: 2, line: 3 } })]);
    const q = parseFundingCsv(["재원별,2021년", 'ab"c,1000'].join("\n"));
    expect(only(q, "csv-syntax")).toEqual([expect.objectContaining({ severity: "warning", origin: { kind: "csv", row: 2, col: 1, line: 2 } })]);
  });

  test("unknown and repeated sources are refused row by row", () => {
    const p = parseFundingCsv(["재원별,2021년", "국비,1000", "기타,5", "국 비,7", "구비,3"].join("\n"));
    expect(codes(p)).toEqual(["unknown-source", "duplicate-source"]);
    expect(p.problems[0].origin).toMatchObject({ row: 3 });
    expect(p.problems[1].origin).toMatchObject({ row: 4 });
    expect(p.input.rows.map((r) => [r.source, asPrinted(r.values[0])])).toEqual([
      ["national", { kind: "number", value: 1000 }],
      ["district", { kind: "number", value: 3 }],
    ]);
  });
});

describe("JSON", () => {
  test.each(TABLES.filter((t) => t.block.header === 2).map((t) => [t.sheet, t] as const))("%s: the by-source form gives the printed figures", (_n, t) => {
    const sources: Record<string, (number | string | null)[]> = {};
    const totals: Record<string, number | string | null> = {};
    for (const row of t.rows) {
      sources[row.label] = row.values.map((s) => (s === "" ? null : /^[\d,]+$/.test(s) ? Number(s.replace(/,/g, "")) : s));
      totals[row.label] = row.totals[0];
    }
    const p = parseFundingJson(JSON.stringify({ unit: t.unit, years: t.years, sources, totals }));
    expect(p.input.unit).toBe(t.unit);
    for (const row of t.rows) {
      const line = row.key === "total" ? p.input.total : p.input.rows.find((r) => r.source === row.key);
      expect(line?.values.map(asPrinted)).toEqual(row.values.map(printed));
    }
    // The printed mistakes are there as warnings, not errors.
    expect(p.problems.filter((x) => x.severity === "error")).toEqual([]);
  });

  test("the 09 table's printed total is a warning naming its JSON path", () => {
    const p = parseFundingJson(
      JSON.stringify({ unit: "천원", years: [2020, 2021, 2022, 2023], sources: { 계: [187840, 323400, 308400, 358400], 시비: [6000, 6000, 6000, 6000], 구비: [181840, 317400, 302400, 352400] }, totals: { 계: "1,279,440" } }),
    );
    expect(p.problems).toEqual([expect.objectContaining({ code: "total-mismatch", severity: "warning", origin: { kind: "json", path: "$.totals.계" } })]);
    expect(p.problems[0].message.ko).toContain("1,178,040");
  });

  test("the rows form; pairs not given stay unsaid (undefined), a repeated pair is refused", () => {
    const p = parseFundingJson(
      JSON.stringify({
        unit: "백만원",
        rows: [
          { source: "국비", year: 2021, amount: 1174 },
          { source: "city", year: 2022, amount: "1,785" },
          { source: "national", year: 2021, amount: 5 },
        ],
      }),
    );
    expect(p.input.years).toEqual([2021, 2022]);
    expect(p.input.rows.map((r) => [r.source, r.values.map(asPrinted)])).toEqual([
      ["national", [{ kind: "number", value: 1174 }, undefined]],
      ["city", [undefined, { kind: "number", value: 1785 }]],
    ]);
    expect(p.problems).toEqual([expect.objectContaining({ severity: "error", origin: { kind: "json", path: "$.rows[2]" } })]);
  });

  test("schema errors name their paths, in Korean first", () => {
    const p = parseFundingJson(JSON.stringify({ unit: "천원", years: [2021, "2022", 3000], sources: { 국비: [true, 1, 2] }, extra: 1 }));
    expect(p.problems.map((x) => x.origin)).toEqual([
      { kind: "json", path: "$.years[1]" },
      { kind: "json", path: "$.years[2]" },
      { kind: "json", path: "$.sources.국비[0]" },
      { kind: "json", path: "$" },
    ]);
    expect(p.problems.map((x) => x.message.ko)).toEqual([
      "JSON $.years[1]: 숫자이어야 합니다.",
      "JSON $.years[2]: 2099 이하여야 합니다 (연도는 1990~2099).",
      'JSON $.sources.국비[0]: 숫자, 문자열("1,234", "-") 또는 null이어야 합니다.',
      "JSON $: 알 수 없는 항목입니다: extra",
    ]);
  });

  test("wrong lengths, unknown sources and units, malformed strings, repeated years", () => {
    const p = parseFundingJson(JSON.stringify({ unit: "만원", years: [2021, 2022], sources: { 국비: [1], "기 타": [1, 2], 시비: ["1,2345", "-"] } }));
    expect(p.problems.map((x) => [x.code, x.origin])).toEqual([
      ["json-schema", { kind: "json", path: "$.unit" }],
      ["json-schema", { kind: "json", path: "$.sources.국비" }],
      ["unknown-source", { kind: "json", path: '$.sources["기 타"]' }],
      ["malformed-number", { kind: "json", path: "$.sources.시비[0]" }],
    ]);
    const d = parseFundingJson(JSON.stringify({ years: [2021, 2021], sources: { 국비: [1, 2] } }));
    expect(d.problems).toEqual([expect.objectContaining({ code: "bad-year", origin: { kind: "json", path: "$.years[1]" } })]);
  });

  test("a syntax error names the line and column", () => {
    const p = parseFundingJson('{\n  "years": [2021],\n  "sources": { "국비": [1,] }\n}');
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]).toMatchObject({ code: "json-syntax", severity: "error", origin: { kind: "text", line: 3 } });
  });
});
