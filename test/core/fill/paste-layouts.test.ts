// Pasted layouts the seeds do not show but officers produce: 합계 last, CRLF, full-width digits, a unit in a header
// cell, conflicting units, a blank line inside the table, notes after the figures, unknown rows.
import { parseFundingText } from "../../../src/core/fill/paste";
import type { FundingParse } from "../../../src/core/fill/types";

const brief = (p: FundingParse): [string, (string | undefined)[], (string | undefined)[]][] =>
  p.input.rows.map((r) => [r.source, r.values.map((v) => v?.text), r.totals.map((v) => v?.text)]);

test("합계 after the years, tab- or space-separated", () => {
  for (const sep of ["\t", " "]) {
    const text = [["구분", "2021년", "2022년", "합계"], ["계", "3", "4", "7"], ["국 비", "1", "2", "3"], ["구비", "2", "2", "4"]].map((r) => r.join(sep)).join("\n");
    const p = parseFundingText(text);
    expect(p.problems).toEqual([]);
    expect(brief(p)).toEqual([
      ["national", ["1", "2"], ["3"]],
      ["district", ["2", "2"], ["4"]],
    ]);
  }
});

test("CRLF line ends, full-width digits and an ideographic space from a 한글 document", () => {
  const p = parseFundingText("(단위\u3000:\u3000천원)\r\n재원별\t２０２１년\t2022년\r\n국비\t１,２３４\t-\r\n");
  expect(p.problems).toEqual([]);
  expect(p.input.unit).toBe("천원");
  expect(p.input.years).toEqual([2021, 2022]);
  expect(p.input.rows[0].values.map((v) => v?.value)).toEqual([{ kind: "number", value: 1234 }, { kind: "empty", dash: true }]);
  // Columns point into the text as pasted (the full-width digits are one character each, as they were).
  expect(p.input.rows[0].values[0]?.origin).toEqual({ kind: "text", line: 3, column: 4 });
});

test("the unit named in a header cell, and two units that disagree", () => {
  expect(parseFundingText("재원별\t합계(백만원)\t2021년\n국비\t5\t5").input.unit).toBe("백만원");
  for (const sep of ["\t", " "]) {
    const p = parseFundingText(["(단위 : 천원)", ["재원별", "합계(백만원)", "2021년"].join(sep), ["국비", "5", "5"].join(sep)].join("\n"));
    expect(p.input.unit).toBe("백만원");
    expect(p.problems.map((x) => [x.code, x.origin])).toEqual([["unit-conflict", { kind: "text", line: 1, column: 1 }]]);
  }
});

test("one blank line inside the table is skipped; notes after the figures (space-separated) are dropped", () => {
  const tab = parseFundingText("재원별\t2021년\n국비\t1\n\n구비\t2\n\n\n시비\t3");
  expect(brief(tab).map((r) => r[0])).toEqual(["national", "district"]);
  const spaced = parseFundingText("재원별 합계 2021년 2022년 비고\n구비 3 1 2 기업지원센터 : 51,072");
  expect(spaced.problems).toEqual([]);
  expect(brief(spaced)).toEqual([["district", ["1", "2"], ["3"]]]);
});

test("a row that is no funding source is refused with its line; the 계 row is then not compared with the rest", () => {
  const p = parseFundingText("재원별\t2021년\n계\t10\n국비\t1\n특별교부세\t9");
  expect(p.problems.map((x) => [x.code, x.origin])).toEqual([["unknown-source", { kind: "text", line: 4, column: 1 }]]);
  expect(p.problems[0].message.ko).toContain("특별교부세");
});

test("nothing that looks like a funding table", () => {
  for (const text of ["", "국비 1,000 천원 지원", "재원별\t국비\n계\t1"]) {
    expect(parseFundingText(text).problems.map((x) => x.code)).toEqual(["no-table"]);
  }
});
