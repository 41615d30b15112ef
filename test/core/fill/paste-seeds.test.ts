// Every funding table of the seeds, pasted as the documents print it (tab-separated), as a PDF copy gives it
// (space-separated), with labels spaced out, and transposed: the fill must read back the printed figures,
// printed mistakes included (it copies them; the checker flags them in the sheet).
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseFundingText } from "../../../src/core/fill/paste";
import type { FundingLine, FundingParse, FundingValue } from "../../../src/core/fill/types";
import { printed, printedMismatches, renderSpaces, renderTabs, seedFundingTables, SEEDS, spaceOut, type ExpectedRow, type Printed, type SeedFundingTable } from "./seed-tables";

const TABLES = seedFundingTables();

/** What the fill read, in the test's own terms. */
function asPrinted(v: FundingValue | undefined): Printed | undefined {
  if (v === undefined) return undefined;
  switch (v.value.kind) {
    case "number":
      return { kind: "number", value: v.value.value };
    case "empty":
      return { kind: "empty", dash: v.value.dash };
    case "text":
      return { kind: "text", text: v.value.text };
  }
}

function lineOf(p: FundingParse, key: string): FundingLine | undefined {
  return key === "total" ? p.input.total : p.input.rows.find((r) => r.source === key);
}

function expectRow(p: FundingParse, row: ExpectedRow): void {
  const line = lineOf(p, row.key);
  expect(line).toBeDefined();
  expect(line?.values.map(asPrinted)).toEqual(row.values.map(printed));
  expect(line?.totals.map(asPrinted)).toEqual(row.totals.map(printed));
}

/** The table cell a problem points at: the paste has the unit line and a blank line above the table. */
function cellOf(t: SeedFundingTable, text: string, line: number, column: number): { r: number; c: number } {
  const l = text.split("\n")[line - 1];
  return { r: line - 3, c: (l.slice(0, column - 1).match(/\t/g) ?? []).length };
}

function mismatchIds(t: SeedFundingTable, text: string, p: FundingParse): string[] {
  return p.problems
    .filter((x) => x.code === "total-mismatch")
    .map((x) => {
      if (x.origin?.kind !== "text") throw new Error("a paste problem names its line and column");
      const { r, c } = cellOf(t, text, x.origin.line, x.origin.column);
      const row = t.rows.find((e) => e.row === r);
      const s = t.totalCols.indexOf(c);
      return s >= 0 ? `${row?.key} 합계 ${s}` : `${row?.key} ${t.valueCols.indexOf(c)}`;
    });
}

test("the seeds hold fourteen funding tables and the card's", () => {
  // 13 program pages of the plan with a 재원별 table (00 and 11 … counted from the document), and the card.
  expect(TABLES.map((t) => t.sheet)).toEqual([
    "01 전통시장 경영현대화",
    "02 전통시장 시설현대화",
    "03 소상공인 지원",
    "04 G밸리사랑상품권",
    "05 휴머노이드 기술창업",
    "06 국내·외 교류",
    "07 남북교류협력기금",
    "08 기업지원시설 운영",
    "09 중소기업 육성",
    "10 우시장 축산물 안전관리",
    "11 동물복지사업",
    "12 동물보호사업",
    "13 사회적경제 활성화",
    "14 사회적경제허브센터",
    "지역경제-15 도시형소공인",
  ]);
});

describe.each(TABLES.map((t) => [t.sheet, t] as const))("%s", (_name, t) => {
  test("tab-separated, as printed: every figure, the unit, the years, the printed mistakes", () => {
    const text = renderTabs(t);
    const p = parseFundingText(text);
    expect(p.input.unit).toBe(t.unit);
    expect(p.input.columns.map((c) => c.year)).toEqual(t.years);
    expect(p.input.columns.map((c) => c.label)).toEqual(t.subs);
    for (const row of t.rows) expectRow(p, row);
    expect(p.input.rows.map((r) => r.source)).toEqual(t.rows.filter((r) => r.key !== "total").map((r) => r.key));
    expect(mismatchIds(t, text, p).sort()).toEqual(printedMismatches(t).sort());
    // Nothing else is wrong with a printed table.
    expect(p.problems.filter((x) => x.code !== "total-mismatch")).toEqual([]);
  });

  test("tab-separated with spaced-out labels (재 원 별, 합 계, 국 비)", () => {
    const p = parseFundingText(renderTabs(t, (s, r, c) => (t.labelCols.includes(c) || r < (t.block.header ?? 1) ? spaceOut(s) : s)));
    for (const row of t.rows) expectRow(p, row);
    expect(p.input.unit).toBe(t.unit);
  });

  test("space-separated (a PDF copy): full rows read back, rows with blank cells reported, never placed by guess", () => {
    for (const map of [(s: string) => s, (s: string) => spaceOut(s)]) {
      const text = renderSpaces(t, map);
      const p = parseFundingText(text);
      expect(p.input.unit).toBe(t.unit);
      expect(p.input.years).toEqual([...new Set(t.years)]);
      for (const row of t.rows) {
        const full = [...row.values, ...row.totals].every((s) => s.trim() !== "");
        if (full) {
          expectRow(p, row);
        } else {
          expect(lineOf(p, row.key)).toBeUndefined();
          const line = text.split("\n").findIndex((l) => l.startsWith(map(row.label)) || l.includes(` ${map(row.label)} `)) + 1;
          expect(p.problems).toContainEqual(expect.objectContaining({ code: "ambiguous-row", severity: "error", origin: expect.objectContaining({ line }) }));
        }
      }
      // With a row left out, the 계 row cannot be compared with the sources; each full row's 합계 still is.
      const anyDropped = t.rows.some((r) => [...r.values, ...r.totals].some((s) => s.trim() === ""));
      if (!anyDropped) expect(p.problems.filter((x) => x.code === "total-mismatch")).toHaveLength(printedMismatches(t).length);
    }
  });
});

// The plan's tables (one column per year) pasted with years down; the card's 확보액/집행액 pairs stay across.
describe.each(TABLES.filter((t) => t.block.header === 2).map((t) => [t.sheet, t] as const))("%s", (_name, t) => {
  test("transposed (years down, sources across)", () => {
    const body = t.block.table.slice(2);
    const lines = [
      ["구분", ...body.map((r) => r[0])].join("\t"),
      ["합계", ...body.map((r) => r[1])].join("\t"),
      ...t.years.map((y, j) => [`${y}년`, ...body.map((r) => r[t.valueCols[j]])].join("\t")),
    ];
    const p = parseFundingText([`(단위 : ${t.unit})`, ...lines].join("\n"));
    expect(p.input.transposed).toBe(true);
    expect(p.input.unit).toBe(t.unit);
    for (const row of t.rows) expectRow(p, row);
  });
});

describe("the seed documents themselves", () => {
  /** Each funding table of a seed text: from its unit line to the first blank line after the table. */
  function seedPastes(file: string): string[] {
    const lines = readFileSync(path.join(SEEDS, file), "utf8").split("\n");
    const out: string[] = [];
    lines.forEach((l, i) => {
      if (!/^(재\s*원\s*별|구 분\t재원별)\t/.test(l)) return;
      let end = i + 1;
      while (end < lines.length && lines[end].trim() !== "") end++;
      out.push(lines.slice(i - 2, end).join("\n"));
    });
    return out;
  }

  test("pasted straight from the seeds, every table reads as seed-plan.json transcribes it", () => {
    const pastes = [...seedPastes("000_539d6d1fdbe54fb1.txt"), ...seedPastes("002_bafcc29ad79939b1.txt")];
    expect(pastes).toHaveLength(TABLES.length);
    pastes.forEach((text, i) => {
      const p = parseFundingText(text);
      const t = TABLES[i];
      expect(p.input.unit).toBe(t.unit);
      expect(p.input.columns.map((c) => c.year)).toEqual(t.years);
      for (const row of t.rows) expectRow(p, row);
    });
  });

  test("a whole document pasted: the first funding table is read and the rest is said", () => {
    const text = readFileSync(path.join(SEEDS, "000_539d6d1fdbe54fb1.txt"), "utf8");
    const p = parseFundingText(text);
    for (const row of TABLES[0].rows) expectRow(p, row);
    expect(p.problems.map((x) => x.code)).toContain("more-tables");
  });
});
