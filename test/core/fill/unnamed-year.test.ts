// A paste without the year row: the source column and one amount column, as officers copy them. Read as one year's
// amounts whose year the input does not name, and filled into the year column the selection is in, on the card's
// funding table (samples/2021-지역경제-15-도시형소공인.xlsx, built from samples/seed-plan.json).
//
// Worked out by hand from the seed: the card's table is printed under "(단위 : 백만원)" with three header rows
// (구 분 | 재원별 | 합 계 | 연차별 투자수요 및 집행액; the years, two columns each; 확보액 | 집행액), then 계, 국 비, 시 비,
// 구 비. Its 2019년 columns hold 확보액 527 / 905 / 130 (계 1,562) and 집행액 527 / 605 / 130 (계 1,262). The sample
// sheet puts the table at A36: 계 on row 39, 국 비 40, 시 비 41, 구 비 42; columns A 구 분, B 재원별, C:D 합 계,
// E:F 2018년, G:H 2019년 (G 확보액, H 집행액) … M:N 2022년 (checked first below).
import path from "node:path";
import { readWorkbookGrid } from "../../../src/cli/read-xlsx";
import { parseFundingCsv } from "../../../src/core/fill/csv";
import { parseFundingText } from "../../../src/core/fill/paste";
import { planFill, type FillPlan } from "../../../src/core/fill/plan-fill";
import { a1, cellAt, parseA1, type Range, type SheetGrid } from "../../../src/core/cells/grid";
import { ROOT } from "./seed-tables";
import { yearsDownGrid } from "./target-grids";

let card: SheetGrid;

beforeAll(async () => {
  const wb = await readWorkbookGrid(path.join(ROOT, "samples/2021-지역경제-15-도시형소공인.xlsx"));
  card = wb.sheets[0];
});

/** "G40" or "G40:H40" as a selection. */
function sel(ref: string): Range {
  const [from, to = from] = ref.split(":");
  const p = parseA1(from);
  const q = parseA1(to);
  if (p === undefined || q === undefined) throw new Error(ref);
  return { r0: p.r, c0: p.c, r1: q.r, c1: q.c };
}

const shown = (ref: string): unknown => {
  const p = parseA1(ref);
  return p === undefined ? undefined : cellAt(card, p.r, p.c)?.v;
};

/** The card sheet with some cells emptied (a table still to fill). */
function cleared(...refs: string[]): SheetGrid {
  const g: SheetGrid = { name: card.name, cells: card.cells.map((r) => (r === undefined ? r : r.map((c) => (c === undefined ? c : { ...c })))), merges: card.merges };
  for (const ref of refs) {
    const p = parseA1(ref);
    if (p !== undefined) g.cells[p.r][p.c] = undefined;
  }
  return g;
}

const writes = (fill: FillPlan): string[] => fill.plan.cells.map((x) => `${a1(x.r, x.c)}=${String(x.value)}`);
const codes = (fill: FillPlan): string[] => fill.problems.map((p) => p.code);

/** The three sources of 2019 (확보액), as the card prints them, without the year row. */
const TAB_2019 = "국 비\t527\n시 비\t905\n구 비\t130";

test("the sample sheet is laid out as the header comment says", () => {
  expect([shown("B36"), shown("G37"), shown("G38"), shown("H38")]).toEqual(["재원별", "2019년", "확보액", "집행액"]);
  expect([shown("B39"), shown("B40"), shown("B41"), shown("B42")]).toEqual(["계", "국 비", "시 비", "구 비"]);
  expect([shown("G40"), shown("G41"), shown("G42"), shown("H41")]).toEqual([527, 905, 130, 605]);
});

describe("reading", () => {
  test("tab-separated: one column, no year, the amounts as printed", () => {
    const p = parseFundingText(TAB_2019);
    expect(p.problems).toEqual([]);
    expect(p.input.years).toEqual([]);
    expect(p.input.columns).toEqual([{ sub: 0 }]);
    expect(p.input.rows.map((r) => [r.source, r.label, r.values.map((v) => v?.value)])).toEqual([
      ["national", "국 비", [{ kind: "number", value: 527 }]],
      ["city", "시 비", [{ kind: "number", value: 905 }]],
      ["district", "구 비", [{ kind: "number", value: 130 }]],
    ]);
    // Each amount names where it was pasted: line 2, after "시 비" and the tab.
    expect(p.input.rows[1].values[0]?.origin).toEqual({ kind: "text", line: 2, column: 5 });
  });

  test("space-separated and CSV read the same, spaced-out labels, units and a blank amount included", () => {
    const spaced = parseFundingText("(단위 : 천원)\n\n국 비 527,000\n시비 905,000\n구 비 -");
    const csv = parseFundingCsv('(단위 : 천원)\r\n국비,"527,000"\r\n시 비,"905,000"\r\n구비,-\r\n');
    for (const p of [spaced, csv]) {
      expect(p.problems).toEqual([]);
      expect(p.input.unit).toBe("천원");
      expect(p.input.columns).toEqual([{ sub: 0 }]);
      expect(p.input.rows.map((r) => [r.source, r.values.map((v) => v?.value)])).toEqual([
        ["national", [{ kind: "number", value: 527000 }]],
        ["city", [{ kind: "number", value: 905000 }]],
        ["district", [{ kind: "empty", dash: true }]],
      ]);
    }
    expect(csv.input.rows[1].values[0]?.origin).toEqual({ kind: "csv", row: 3, col: 2, line: 3 });
  });

  test("a repeated source, a malformed amount and a 계 that disagrees are said as for any table", () => {
    const p = parseFundingText("계\t1,600\n국비\t527\n시비\t9,05\n국 비\t1");
    expect(p.problems.map((x) => [x.code, x.severity, x.origin])).toEqual([
      ["malformed-number", "warning", { kind: "text", line: 3, column: 4 }],
      ["duplicate-source", "error", { kind: "text", line: 4, column: 1 }],
    ]);
    // With a row dropped the 계 is not compared with the rest; without it, it is.
    const q = parseFundingText("계\t1,600\n국비\t527\n시비\t905\n구비\t130");
    expect(q.problems.map((x) => [x.code, x.severity, x.origin])).toEqual([["total-mismatch", "warning", { kind: "text", line: 1, column: 3 }]]);
    expect(q.problems[0].message.ko).toBe("붙여넣기 1행 3열: 적힌 계(1,600)이(가) 구성 항목의 합(1,562)과 다릅니다. 합계는 시트의 수식이 계산하므로 옮기지 않습니다.");
    expect(q.problems[0].message.en).toBe("pasted text line 1, column 3: the stated total, 1,600, differs from the sum of its parts, 1,562. Totals are not copied: the sheet's formulas compute them.");
    expect(parseFundingText("계 1,562\n국비 527\n시비 905\n구비 130").problems).toEqual([]);
  });

  test("an amount that looks like a year (Excel copies 2,021 without its comma) is an amount, not the year row", () => {
    for (const text of ["국비\t2021\n시비\t905", "국 비 2021\n시 비 905"]) {
      const p = parseFundingText(text);
      expect([text, p.problems]).toEqual([text, []]);
      expect(p.input.columns).toEqual([{ sub: 0 }]);
      expect(p.input.rows.map((r) => [r.source, r.values.map((v) => v?.value)])).toEqual([
        ["national", [{ kind: "number", value: 2021 }]],
        ["city", [{ kind: "number", value: 905 }]],
      ]);
    }
    // With the year row above, the same figure is read under its year.
    const dated = parseFundingText("재원별\t2022년\n국비\t2021\n시비\t905");
    expect(dated.input.years).toEqual([2022]);
    expect(dated.input.rows.map((r) => r.values.map((v) => v?.value))).toEqual([[{ kind: "number", value: 2021 }], [{ kind: "number", value: 905 }]]);
  });

  test("a minus triangle spaced apart from its figure belongs to it, as with a tab", () => {
    for (const text of ["국비 △ 527\n시비 905", "국비\t△ 527\n시비\t905"]) {
      const p = parseFundingText(text);
      expect([text, p.problems]).toEqual([text, []]);
      expect(p.input.rows.map((r) => r.values.map((v) => v?.value))).toEqual([[{ kind: "number", value: -527 }], [{ kind: "number", value: 905 }]]);
    }
    // With the year row too.
    const dated = parseFundingText("재원별 2021년 2022년\n국비 △ 527 100");
    expect(dated.input.rows.map((r) => r.values.map((v) => v?.value))).toEqual([[{ kind: "number", value: -527 }, { kind: "number", value: 100 }]]);
  });

  test("anything more or less is not such a paste", () => {
    for (const text of [
      "국비\t527\t905", // two amounts: which years?
      "국비 527 905",
      "국비\t2019년", // a year
      "국비\t527\n(단위 : 천원)", // the unit line comes above the figures
      "국비\t527\n특별교부세\t3", // a row that is no source
      "재원별\t금액\n국비\t527", // a header without a year
      "국비\n시비", // labels only, no amount
      "국비 527 백만원 지원",
    ]) {
      expect([text, parseFundingText(text).problems.map((x) => x.code)]).toEqual([text, ["no-table"]]);
    }
    expect(parseFundingCsv("국비,527,905").problems.map((x) => x.code)).toEqual(["no-table"]);
  });
});

describe("filling the card's table at the selection", () => {
  test("the 2019 확보액 column selected: its three source cells are written, nothing else", () => {
    const sheet = cleared("G40", "G41", "G42");
    const input = parseFundingText(TAB_2019).input;
    const fill = planFill(sheet, sel("G41"), input);
    expect(writes(fill)).toEqual(["G40=527", "G41=905", "G42=130"]);
    expect(fill.overwrites).toEqual([]);
    expect(fill.problems.filter((p) => p.severity !== "info")).toEqual([]);
    expect(fill.problems.find((p) => p.code === "year-from-selection")?.message).toEqual({
      ko: "입력에 연도가 없어 선택한 2019년 확보액 열에 채웁니다.",
      en: "The input names no year: it fills the selected 2019 확보액 column.",
    });
    // No word about the table's other years: the input speaks of one.
    expect(codes(fill)).not.toContain("year-not-in-input");
    expect(fill.preview.map((p) => [p.cell, p.label.ko, p.year, p.sub])).toEqual([
      ["G40", "국비 · 2019년 · 확보액", 2019, 0],
      ["G41", "시비 · 2019년 · 확보액", 2019, 0],
      ["G42", "구비 · 2019년 · 확보액", 2019, 0],
    ]);
    // Planning again at the column it reports places it the same way (the pane does this before writing).
    expect(fill.unnamedYear).toEqual({ year: 2019, sub: 0, range: sel("G36:G42") });
    expect(planFill(sheet, sel("G36:G42"), input).plan).toEqual(fill.plan);
    // Any cell of that column will do, a header cell or the 계 row too, or several rows of it.
    for (const at of ["G37", "G38", "G39", "G40:G42"]) expect(writes(planFill(sheet, sel(at), input))).toEqual(["G40=527", "G41=905", "G42=130"]);
  });

  test("the 집행액 column in 천원, space-separated: converted to 백만원; a changed figure is an overwrite to confirm", () => {
    const input = parseFundingText("(단위 : 천원)\n국비 527,000\n시비 600,000\n구비 130,000").input;
    const fill = planFill(card, sel("H42"), input);
    expect(fill.inputUnit).toBe("천원");
    expect(fill.tableUnit).toBe("백만원");
    // H40 and H42 already hold 527 and 130; H41's 605 would become 600.
    expect(fill.preview.map((p) => [p.cell, p.before, p.after, p.changed])).toEqual([
      ["H40", 527, 527, false],
      ["H41", 605, 600, true],
      ["H42", 130, 130, false],
    ]);
    expect(writes(fill)).toEqual(["H41=600"]);
    expect(fill.overwrites).toEqual(["H41"]);
    expect(fill.unnamedYear).toEqual({ year: 2019, sub: 1, range: sel("H36:H42") });
  });

  test("CSV, with a 계 line that disagrees: the parts are written, the 계 only said, never written", () => {
    const sheet = cleared("K41", "K42");
    // 2021 확보액 as printed: 국 비 -, 시 비 470, 구 비 88 (계 558); the 계 line says 588.
    const parsed = parseFundingCsv(["계,588", "국 비,-", "시 비,470", "구 비,88"].join("\r\n"));
    expect(parsed.problems.map((p) => [p.code, p.origin])).toEqual([["total-mismatch", { kind: "csv", row: 1, col: 2, line: 1 }]]);
    expect(parsed.problems[0].message.ko).toContain("적힌 계(588)이(가) 구성 항목의 합(558)과 다릅니다");
    const fill = planFill(sheet, sel("K40"), parsed.input);
    // "-" is no amount, and K40 already shows "-": the same, not written.
    expect(fill.preview.map((p) => [p.cell, p.after, p.changed])).toEqual([
      ["K40", 0, false],
      ["K41", 470, true],
      ["K42", 88, true],
    ]);
    expect(writes(fill)).toEqual(["K41=470", "K42=88"]);
    expect(fill.plan.cells.some((x) => x.r === 38)).toBe(false); // row 39, the 계 row
  });

  test("a selection that is not one year column: nothing is planned, and the preview says what to do, Korean first", () => {
    const input = parseFundingText(TAB_2019).input;
    // B41 the label column, C40 the 합계 column, G40:H40 both columns of 2019, G37:H37 the merged 2019년 header,
    // E40:G40 several years, and no selection at all.
    for (const at of [sel("B41"), sel("C40"), sel("G40:H40"), sel("G37:H37"), sel("E40:G40"), undefined]) {
      const fill = planFill(card, at, input);
      expect(fill.problems).toEqual([
        {
          code: "year-not-selected",
          severity: "error",
          message: {
            ko: "입력에 연도가 없어 어느 연도에 채울지 알 수 없습니다. 표에서 채울 연도의 열에 있는 셀을 선택하거나, 연도 머리행(예: 2021년)도 함께 붙여넣으세요.",
            en: "The input names no year, so which year to fill is unclear. Select a cell in that year's column of the table, or paste the year header row (e.g. 2021) too.",
          },
        },
      ]);
      expect(fill.plan.cells).toEqual([]);
      expect(fill.preview).toEqual([]);
      expect(fill.unnamedYear).toBeUndefined();
      expect(fill.table).toEqual(sel("A36:N42"));
    }
  });

  test("a selection beside the table (touching none) does not pick a year either", () => {
    const fill = planFill(card, sel("G50"), parseFundingText(TAB_2019).input);
    expect(codes(fill)).toEqual(["year-not-selected"]);
  });
});

test("a table with years down: the selected year's row", () => {
  const grid = yearsDownGrid();
  const input = parseFundingText("국비 10\n구비 5").input;
  const fill = planFill(grid, sel("C4"), input);
  expect(writes(fill)).toEqual(["C4=10", "D4=5"]);
  expect(fill.problems.find((p) => p.code === "year-from-selection")?.message.ko).toBe("입력에 연도가 없어 선택한 2022년 행에 채웁니다.");
  expect(planFill(grid, sel("C3:C4"), input).problems.map((p) => p.message.en)).toEqual([
    "The input names no year, so which year to fill is unclear. Select a cell in that year's row of the table, or paste the year header row (e.g. 2021) too.",
  ]);
});
