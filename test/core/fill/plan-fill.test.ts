// planFill onto funding tables in grids: the right cells, never the totals, the overwrites to ask about, exact unit
// conversion, text that can never become a formula, and the problems of a fill that does not fit its table.
import { readFileSync } from "node:fs";
import path from "node:path";
import { readWorkbookGrid } from "../../../src/cli/read-xlsx";
import { parseFundingJson } from "../../../src/core/fill/json";
import { parseFundingText } from "../../../src/core/fill/paste";
import { planFill } from "../../../src/core/fill/plan-fill";
import { a1, gridFromRows, type SheetGrid } from "../../../src/core/cells/grid";
import { planToGrid } from "../../../src/core/cells/sheet-plan";
import { printed, ROOT, SEEDS, seedFundingTables } from "./seed-tables";
import { fundingGrid, yearsDownGrid } from "./target-grids";

const CARD_TABLE = seedFundingTables().find((t) => t.sheet === "지역경제-15 도시형소공인");
if (CARD_TABLE === undefined) throw new Error("the card's funding table is in seed-plan.json");
const card = CARD_TABLE;

/** The card's funding table as the seed document prints it, from its unit line to the blank line after it. */
function cardPaste(): string {
  const lines = readFileSync(path.join(SEEDS, "002_bafcc29ad79939b1.txt"), "utf8").split("\n");
  const start = lines.findIndex((l) => l.startsWith("(단위 : 백만원)"));
  let end = start + 2;
  while (lines[end].trim() !== "") end++;
  return lines.slice(start, end).join("\n");
}

let cardSheet: SheetGrid;
/** Sheet row of each source of the card's table (found by its printed label in column B). */
const rowOf = (label: string): number => cardSheet.cells.findIndex((r) => r?.[1]?.v === label);

beforeAll(async () => {
  const wb = await readWorkbookGrid(path.join(ROOT, "samples/2021-지역경제-15-도시형소공인.xlsx"));
  cardSheet = wb.sheets[0];
});

function copyGrid(g: SheetGrid): SheetGrid {
  return { name: g.name, cells: g.cells.map((r) => (r === undefined ? r : r.map((c) => (c === undefined ? c : { ...c })))), merges: g.merges };
}

describe("the card (확보액/집행액 pairs, 백만원)", () => {
  test("filling an emptied table from the seed's own text writes every printed figure at its cell, and no total", () => {
    const cleared = copyGrid(cardSheet);
    const sources = card.rows.filter((r) => r.key !== "total");
    for (const row of sources) for (const c of card.valueCols) cleared.cells[rowOf(row.label)][c] = undefined;
    const parsed = parseFundingText(cardPaste());
    expect(parsed.problems).toEqual([]);
    const fill = planFill(cleared, undefined, parsed.input);
    expect(fill.problems).toEqual([]);
    expect(fill.tableUnit).toBe("백만원");
    const expected: string[] = [];
    for (const row of sources) {
      card.valueCols.forEach((c, k) => {
        const p = printed(row.values[k]);
        if (p.kind === "number") expected.push(`${a1(rowOf(row.label), c)}=${p.value}`);
      });
    }
    expect(fill.plan.cells.map((x) => `${a1(x.r, x.c)}=${String(x.value)}`).sort()).toEqual(expected.sort());
    const totalRow = rowOf("계");
    expect(fill.plan.cells.some((x) => x.r === totalRow || card.totalCols.includes(x.c))).toBe(false);
    expect(fill.overwrites).toEqual([]);
    // The preview names each cell by source, year and sub-column.
    const g41 = fill.preview.find((p) => p.cell === a1(rowOf("시 비"), card.valueCols[3]));
    expect(g41?.label).toEqual({ ko: "시비 · 2019년 · 집행액", en: "City · 2019 · 집행액" });
    expect(g41).toMatchObject({ before: undefined, after: 605, changed: true });
  });

  test("a changed figure over the filled table: one write, listed as an overwrite, the rest unchanged", () => {
    const text = cardPaste().replace("\t시 비\t1,785\t1,485\t-\t-\t905\t", "\t시 비\t1,785\t1,485\t-\t-\t900\t");
    const fill = planFill(cardSheet, undefined, parseFundingText(text).input);
    const cell = a1(rowOf("시 비"), card.valueCols[2]);
    expect(fill.plan.cells).toEqual([{ r: rowOf("시 비"), c: card.valueCols[2], value: 900 }]);
    expect(fill.overwrites).toEqual([cell]);
    expect(fill.preview.filter((p) => p.changed)).toEqual([expect.objectContaining({ cell, before: 905, after: 900 })]);
    expect(fill.preview).toHaveLength(3 * 10);
  });

  test("천원 into the 백만원 table: converted exactly; a figure that is not whole in 백만원 is refused, not rounded", () => {
    const text = cardPaste()
      .replace("(단위 : 백만원)", "(단위 : 천원)")
      .replace(/\t(\d{1,3}(?:,\d{3})*)(?=\t|$)/gm, (_m, n: string) => `\t${(Number(n.replace(/,/g, "")) * 1000).toLocaleString("en-US")}`)
      .replace("\t130,000\t130,000\t100,000", "\t130,000\t130,500\t100,000");
    const fill = planFill(cardSheet, undefined, parseFundingText(text).input);
    expect(fill.inputUnit).toBe("천원");
    const bad = a1(rowOf("구 비"), card.valueCols[3]);
    expect(fill.problems).toEqual([expect.objectContaining({ code: "inexact-conversion", severity: "error", cell: bad })]);
    expect(fill.problems[0].message.ko).toContain("130.5백만원");
    // Every other figure equals the sheet's: nothing to write.
    expect(fill.plan.cells).toEqual([]);
    expect(fill.preview.find((p) => p.cell === bad)).toBeUndefined();
  });

  test("a one-column-per-year paste cannot fill the pairs", () => {
    const fill = planFill(cardSheet, undefined, parseFundingText("재원별\t2019년\t2020년\n국비\t1\t2").input);
    expect(fill.problems.filter((p) => p.severity === "error").map((p) => p.code)).toEqual(["sub-columns-differ", "sub-columns-differ"]);
    expect(fill.plan.cells).toEqual([]);
  });
});

describe("a 2022 table with SUM totals", () => {
  const years = [2021, 2022, 2023, 2024];
  const target = (values?: (number | string | null)[][]) => fundingGrid({ years, sources: ["국비", "시비", "구비"], unit: "천원", ...(values === undefined ? {} : { values }) });

  test("the totals are never written, even when the input states them, and the input's 계 is only checked", () => {
    const t = target();
    const text = ["재원별\t합계\t2021년\t2022년\t2023년\t2024년", "계\t999\t10\t20\t30\t40", "국비\t100\t10\t20\t30\t40"].join("\n");
    const parsed = parseFundingText(text);
    expect(parsed.problems.map((p) => p.code)).toEqual(["total-mismatch"]);
    const fill = planFill(t.grid, undefined, parsed.input);
    expect(fill.plan.cells.map((c) => a1(c.r, c.c))).toEqual(["C7", "D7", "E7", "F7"]);
    expect(fill.plan.cells.every((c) => c.r !== t.totalRow && c.c !== t.totalCol)).toBe(true);
    // Sources the input does not give stay as they are, and the officer is told.
    expect(fill.problems.filter((p) => p.code === "source-not-in-input").map((p) => p.cell)).toEqual(["A8", "A9"]);
  });

  test("a selection beside the sheet's only table (touching no table) fills that table", () => {
    const t = target();
    const input = parseFundingText("재원별\t2022년\n국비\t7").input;
    const beside = planFill(t.grid, { r0: 40, c0: 10, r1: 42, c1: 12 }, input);
    expect(beside.plan.cells.map((c) => [a1(c.r, c.c), c.value])).toEqual([["D7", 7]]);
    expect(beside.plan.cells).toEqual(planFill(t.grid, undefined, input).plan.cells);
  });

  test("text that is no amount (formula-looking or a word) is not written, and named at its cell; other text never becomes a formula", () => {
    const t = target([[5, 5, 5, 5], [null, null, null, null], [1, 1, 1, 1]]);
    const input = parseFundingJson(
      JSON.stringify({ years, sources: { 국비: ["=1+1", "@x", "+82", "-"], 시비: ['=HYPERLINK("http://x","y")', "=SUM(A1:A9)", "-1+2", "비예산"], 구비: ["없음", 3, 4, 5] } }),
    ).input;
    const fill = planFill(t.grid, undefined, input);
    const byCell = Object.fromEntries(fill.plan.cells.map((c) => [a1(c.r, c.c), c]));
    expect(Object.keys(byCell).sort()).toEqual(["C7", "C9", "D9", "E7", "E8", "E9", "F7", "F8", "F9"]);
    // "=1+1" reads as a badly written figure: copied as the text it is (reported as malformed), never as a formula.
    expect(byCell.C7).toEqual({ r: 6, c: 2, value: "=1+1", numberFormat: "@" });
    expect(byCell.E7).toEqual({ r: 6, c: 4, value: 82 }); // "+82" is the number 82 (a sign), written as a number
    expect(byCell.F7).toEqual({ r: 6, c: 5, value: 0 }); // "-" is no amount: the 5 there becomes 0
    expect(byCell.E8).toEqual({ r: 7, c: 4, value: "-1+2", numberFormat: "@" }); // malformed: copied as the text it is
    expect(byCell.F8).toEqual({ r: 7, c: 5, value: "비예산", numberFormat: "@" });
    // "없음" is the amount 0, and the 1 already in C9 says otherwise: it becomes 0.
    expect(fill.preview.find((p) => p.cell === "C9")?.after).toBe(0);
    expect(fill.problems.filter((p) => p.code === "not-a-number").map((p) => [p.severity, p.cell])).toEqual([
      ["error", "D7"],
      ["error", "C8"],
      ["error", "D8"],
    ]);
    expect(fill.problems.find((p) => p.cell === "C8")?.message.ko).toBe('JSON $.sources.시비[0]: 금액 자리의 값(=HYPERLINK("http://x","y"))은 숫자가 아니어서 C8에 쓰지 않습니다. Excel 합계는 글자를 빈칸처럼 건너뜁니다. 금액을 숫자로 고쳐 다시 붙여넣으세요.');
    expect(fill.plan.cells.some((c) => c.formula !== undefined)).toBe(false);
    // The grid the plan produces has no formula anywhere.
    expect(planToGrid(fill.plan).cells.flat().some((c) => c?.f !== undefined)).toBe(false);
  });

  test("years outside the table and sources it lacks are reported and not written; its other years stay", () => {
    const t = target();
    const parsed = parseFundingText(["재원별\t2024년\t2025년", "국비\t1\t2", "민간\t3\t4"].join("\n"));
    const fill = planFill(t.grid, undefined, parsed.input);
    expect(fill.plan.cells.map((c) => `${a1(c.r, c.c)}=${String(c.value)}`)).toEqual(["F7=1"]);
    expect(fill.problems.filter((p) => p.severity !== "info").map((p) => [p.code, p.origin])).toEqual([
      ["year-outside", { kind: "text", line: 2, column: 6 }],
      ["source-not-in-table", { kind: "text", line: 3, column: 1 }],
    ]);
    expect(fill.problems.filter((p) => p.code === "year-not-in-input").map((p) => p.message.en)).toEqual([
      "The table's 2021 column is not in the input; it is left as it is.",
      "The table's 2022 column is not in the input; it is left as it is.",
      "The table's 2023 column is not in the input; it is left as it is.",
    ]);
  });

  test("a formula in a source cell is an overwrite and a warning", () => {
    const t = target();
    t.grid.cells[6][3] = { v: 10, f: "C7*2" };
    const fill = planFill(t.grid, undefined, parseFundingText("재원별\t2022년\n국비\t30").input);
    expect(fill.overwrites).toEqual(["D7"]);
    expect(fill.problems.map((p) => [p.code, p.cell])).toContainEqual(["formula-overwritten", "D7"]);
  });

  test("no unit in the paste: the table's is assumed and said", () => {
    const fill = planFill(target().grid, undefined, parseFundingText("재원별\t2022년\n국비\t30").input);
    expect(fill.problems.find((p) => p.code === "unit-assumed")?.message.ko).toBe("입력에 단위가 없어 대상 표의 단위(천원)로 봅니다.");
  });

  test("백만원 with decimals into 천원: exact", () => {
    const fill = planFill(target().grid, undefined, parseFundingText("(단위 : 백만원)\n재원별\t2022년\t2023년\n국비\t1.5\t0.001").input);
    expect(fill.plan.cells.map((c) => c.value)).toEqual([1500, 1]);
  });
});

describe("choosing the table", () => {
  const two = (): { grid: SheetGrid; second: number } => {
    const a = fundingGrid({ years: [2021, 2022], sources: ["국비"], unit: "천원" });
    const b = fundingGrid({ years: [2021, 2022], sources: ["국비"], unit: "천원", top: 12 });
    const cells = [...a.grid.cells];
    b.grid.cells.forEach((row, r) => {
      if (r >= 12) cells[r] = row;
    });
    return { grid: { name: "두 표", cells, merges: [...a.grid.merges, ...b.grid.merges] }, second: b.sourceRow0 };
  };

  test("two funding tables: without a selection it asks; a selection inside one picks it", () => {
    const { grid, second } = two();
    const input = parseFundingText("재원별\t2022년\n국비\t7").input;
    expect(planFill(grid, undefined, input).problems.map((p) => p.code)).toEqual(["ambiguous-table"]);
    const fill = planFill(grid, { r0: second, c0: 2, r1: second, c1: 2 }, input);
    expect(fill.plan.cells).toEqual([{ r: second, c: 3, value: 7 }]);
  });

  test("no funding table at all", () => {
    const fill = planFill(gridFromRows("빈 시트", [["제목"], ["가", "나"], [1, 2]]), undefined, parseFundingText("재원별\t2022년\n국비\t7").input);
    expect(fill.problems.map((p) => p.code)).toEqual(["no-funding-table"]);
    expect(fill.plan.cells).toEqual([]);
  });

  test("a transposed table (years down) is filled at the right cells", () => {
    const fill = planFill(yearsDownGrid(), undefined, parseFundingText("재원별\t2021년\t2022년\n국비\t1\t2\n구비\t3\t4").input);
    expect(fill.problems.filter((p) => p.severity !== "info")).toEqual([]);
    expect(fill.plan.cells.map((c) => `${a1(c.r, c.c)}=${String(c.value)}`).sort()).toEqual(["C3=1", "C4=2", "D3=3", "D4=4"]);
  });
});
