// The funding tables of the seeds (samples/seed-plan.json) with what a reader must get out of them, worked out
// here from the printed strings and the transcribed merges alone (not from the code under test).
import { readFileSync } from "node:fs";
import path from "node:path";
import { isTableBlock, parseRelativeRange, parseSeedPlan, type SeedTableBlock } from "../../../src/cli/sample-layout";

export const ROOT = path.resolve(__dirname, "../../..");
export { SEEDS } from "../../support/paths";

/** A printed cell as the fill must read it. */
export type Printed = { kind: "number"; value: number } | { kind: "empty"; dash: boolean } | { kind: "text"; text: string };

/** Parsed independently of src/core: "" blank, "-" dash, "1,234" or "0" a number, anything else text. */
export function printed(s: string): Printed {
  const t = s.trim();
  if (t === "") return { kind: "empty", dash: false };
  if (t === "-") return { kind: "empty", dash: true };
  if (/^(0|[1-9]\d{0,2}(,\d{3})*)$/.test(t)) return { kind: "number", value: Number(t.replace(/,/g, "")) };
  return { kind: "text", text: t };
}

const SOURCE_WORDS: Record<string, string> = { 국비: "national", 시비: "city", 도비: "province", 구비: "district", 민간: "private" };
const squash = (s: string): string => s.replace(/\s+/g, "");

export interface ExpectedRow {
  /** Table row index. */
  row: number;
  label: string;
  /** "national" …, or "total" for 계. */
  key: string;
  values: string[];
  totals: string[];
}

export interface SeedFundingTable {
  sheet: string;
  /** The program (단위사업) of the sheet, as seed-plan.json names it. */
  program?: string;
  file: string;
  unit: string;
  block: SeedTableBlock;
  /** Table columns of the 합계 group, of the year values, and of labels. */
  totalCols: number[];
  valueCols: number[];
  labelCols: number[];
  /** Year of each value column, and its sub-column header (확보액/집행액) when the year has several. */
  years: number[];
  subs: (string | undefined)[];
  rows: ExpectedRow[];
}

/** Cell (r, c) of a table is covered by a merge anchored at (r0, c0): returns the anchor. */
function anchorOf(block: SeedTableBlock, r: number, c: number): { r: number; c: number } {
  for (const m of block.merges ?? []) {
    const g = parseRelativeRange(m);
    if (g !== undefined && r >= g.r0 && r <= g.r1 && c >= g.c0 && c <= g.c1) return { r: g.r0, c: g.c0 };
  }
  return { r, c };
}

export function seedFundingTables(): SeedFundingTable[] {
  const plan = parseSeedPlan(JSON.parse(readFileSync(path.join(ROOT, "samples/seed-plan.json"), "utf8")) as unknown);
  const out: SeedFundingTable[] = [];
  for (const wb of plan.workbooks) {
    for (const sheet of wb.sheets) {
      for (const block of sheet.blocks) {
        if (!isTableBlock(block)) continue;
        const header = block.header ?? 1;
        const t = block.table;
        // A funding table: a year header and source rows (국비, 시 비 …) in the body.
        const yearRow = t.slice(0, header).findIndex((row) => row.some((c) => /^\d{4}년$/.test(squash(c))));
        const body = t.slice(header);
        if (yearRow < 0 || !body.some((row) => row.some((c) => squash(c) in SOURCE_WORDS))) continue;
        const width = t[0].length;
        const head = (c: number): string => {
          const a = anchorOf(block, 0, c);
          return squash(t[a.r][a.c]);
        };
        const totalCols = [...Array(width).keys()].filter((c) => head(c) === "합계");
        const valueCols: number[] = [];
        const years: number[] = [];
        const subs: (string | undefined)[] = [];
        for (let c = 0; c < width; c++) {
          const a = anchorOf(block, yearRow, c);
          const m = /^(\d{4})년$/.exec(squash(t[a.r][a.c]));
          if (m === null) continue;
          valueCols.push(c);
          years.push(Number(m[1]));
          subs.push(header > yearRow + 1 ? t[yearRow + 1][c] : undefined);
        }
        const labelCols = [...Array(Math.min(...totalCols, ...valueCols)).keys()];
        const rows: ExpectedRow[] = [];
        body.forEach((row, i) => {
          const label = labelCols.map((c) => row[c]).find((s) => squash(s) === "계" || squash(s) in SOURCE_WORDS);
          if (label === undefined) return;
          rows.push({
            row: header + i,
            label,
            key: squash(label) === "계" ? "total" : SOURCE_WORDS[squash(label)],
            values: valueCols.map((c) => row[c]),
            totals: totalCols.map((c) => row[c]),
          });
        });
        out.push({ sheet: sheet.name, ...(sheet.program === undefined ? {} : { program: sheet.program }), file: wb.file, unit: block.unit ?? "", block, totalCols, valueCols, labelCols, years, subs, rows });
      }
    }
  }
  return out;
}

/** As the seed documents print a table: the unit line, a blank line, then one line per row, cells joined by tabs. */
export function renderTabs(t: SeedFundingTable, map: (cell: string, r: number, c: number) => string = (s) => s): string {
  return [`(단위 : ${t.unit})`, "", ...t.block.table.map((row, r) => row.map((c, i) => map(c, r, i)).join("\t"))].join("\n");
}

/** The same as a PDF copy gives it: cells separated by single spaces, blank cells gone. */
export function renderSpaces(t: SeedFundingTable, map: (cell: string, r: number, c: number) => string = (s) => s): string {
  return [`(단위 : ${t.unit})`, "", ...t.block.table.map((row, r) => row.map((c, i) => map(c, r, i)).filter((c) => c.trim() !== "").join(" "))].join("\n");
}

/** Labels spaced out the way officers lay them out: "국 비", "합 계", "재 원 별". */
export function spaceOut(label: string): string {
  return /^[가-힣]{2,3}$/.test(label) ? [...label].join(" ") : label;
}

/** The sums a printed total should equal: undefined when a part is not a number. */
export function sumPrinted(parts: string[]): number | undefined {
  let sum = 0;
  for (const p of parts) {
    const v = printed(p);
    if (v.kind === "text") return undefined;
    if (v.kind === "number") sum += v.value;
  }
  return sum;
}

/** Printed totals that disagree with their parts, as [row label, kind, index] — the seeds' printed mistakes. */
export function printedMismatches(t: SeedFundingTable): string[] {
  const out: string[] = [];
  const total = t.rows.find((r) => r.key === "total");
  const sources = t.rows.filter((r) => r.key !== "total");
  const nSubs = t.totalCols.length;
  for (const row of t.rows) {
    row.totals.forEach((tot, s) => {
      const v = printed(tot);
      const parts = row.values.filter((_, j) => j % nSubs === s);
      const sum = sumPrinted(parts);
      if (v.kind === "number" && sum !== undefined && sum !== v.value) out.push(`${row.key} 합계 ${s}`);
    });
  }
  if (total !== undefined) {
    total.values.forEach((tv, j) => {
      const v = printed(tv);
      const sum = sumPrinted(sources.map((r) => r.values[j]));
      if (v.kind === "number" && sum !== undefined && sum !== v.value) out.push(`total ${j}`);
    });
    total.totals.forEach((tv, s) => {
      const v = printed(tv);
      const sum = sumPrinted(sources.map((r) => r.totals[s]));
      if (v.kind === "number" && sum !== undefined && sum !== v.value && !out.includes(`total 합계 ${s}`)) out.push(`total 합계 ${s}`);
    });
  }
  return out;
}
