// The funding tables of a workbook (재원별 연차별 소요예산: 계 and one row per source, one column per year), read
// as exact amounts: what a program budgets for the district in a year, and the series present values are taken of.
// The tables are found by the same detector the check uses, so a table the check reads is a table found here.
import { scanTables, type FoundTable } from "../layout/detect-tables";
import { a1, rangeA1, type WorkbookGrid } from "../cells/grid";
import type { SourceKey } from "../layout/labels";
import { amountIn } from "../cells/amount-cell";
import { toWon } from "../numbers/numbers";
import { makeSheetView } from "../cells/sheet-view";
import type { Unit } from "../numbers/units";

export type LineKey = "total" | SourceKey;

export interface FundingAmount {
  year: number;
  won: bigint;
  /** The cell it was read from, A1 on the program's sheet. */
  cell: string;
}

export interface FundingLine {
  key: LineKey;
  /** The row's (or column's) label as printed: "계", "구비", "구 비". */
  label: string;
  /** In year order; a year whose cell is not a usable amount (broken, not calculated) is left out. */
  amounts: FundingAmount[];
}

export interface FundingProgram {
  /** Sheet name, and the table's range when the sheet has several funding tables: how the program is named. */
  id: string;
  sheet: string;
  range: string;
  title?: string;
  unit: Unit;
  years: number[];
  /** 계 first when the table has one, then the sources in the table's order. */
  lines: FundingLine[];
}

/** Every funding table with a known money unit (amounts without a unit cannot be compared with 원). */
export function findFundingPrograms(wb: WorkbookGrid): FundingProgram[] {
  const out: FundingProgram[] = [];
  for (const sheet of wb.sheets) {
    const found: FundingProgram[] = [];
    scanTables(makeSheetView(sheet), (t) => {
      const p = readProgram(t);
      if (p !== undefined) found.push(p);
    });
    for (const p of found) out.push(found.length > 1 ? { ...p, id: `${p.sheet} · ${p.range}` } : p);
  }
  return out;
}

function readProgram(t: FoundTable): FundingProgram | undefined {
  if (t.kind !== "funding" || t.unit === undefined) return undefined;
  const unit = t.unit;
  const { model } = t;
  // Years across (the usual layout) or down (a transposed table: years as rows, sources as columns).
  const across = !t.transposed;
  const rows = model.rows.map((x) => ({ ...x, at: x.r }));
  const cols = model.cols.map((x) => ({ ...x, at: x.c }));
  const yearLines = (across ? cols : rows).filter((x) => x.year !== undefined);
  const keyLines = (across ? rows : cols).filter((x) => x.role === "total" || x.source !== undefined);
  if (yearLines.length === 0 || keyLines.length === 0) return undefined;
  const lines: FundingLine[] = [];
  for (const k of keyLines) {
    const key: LineKey = k.source ?? "total";
    if (lines.some((l) => l.key === key)) continue; // the first row of a source is its line
    const amounts: FundingAmount[] = [];
    for (const y of yearLines) {
      const [r, c] = across ? [k.at, y.at] : [y.at, k.at];
      const won = wonAt(t, r, c, unit);
      if (won !== undefined && y.year !== undefined) amounts.push({ year: y.year, won, cell: a1(r, c) });
    }
    lines.push({ key, label: k.label, amounts: amounts.sort((a, b) => a.year - b.year) });
  }
  lines.sort((a, b) => (a.key === "total" ? -1 : b.key === "total" ? 1 : 0));
  const years = [...new Set(yearLines.flatMap((y) => (y.year === undefined ? [] : [y.year])))].sort((a, b) => a - b);
  const range = rangeA1(t.range);
  const p: FundingProgram = { id: t.sheet, sheet: t.sheet, range, unit, years, lines };
  if (t.title !== undefined) p.title = t.title;
  return p;
}

function wonAt(t: FoundTable, r: number, c: number, unit: Unit): bigint | undefined {
  const a = t.model.amount(r, c);
  if (a.kind === "zero") return 0n;
  if (a.kind !== "amount") return undefined;
  try {
    return toWon(amountIn(a, unit), unit);
  } catch {
    return undefined; // a fraction of a 원: not an amount a budget states
  }
}

/** The program's line (계 or a source) amount for `year`, when the table has it. */
export function lineAmount(p: FundingProgram, key: LineKey, year: number): FundingAmount | undefined {
  return p.lines.find((l) => l.key === key)?.amounts.find((a) => a.year === year);
}

/**
 * Programs matching what a user typed: the exact id or sheet name first, else every program whose sheet name or
 * title contains it (spaces ignored). Used by the command line's --program and to preselect a gift-certificate
 * program in the pane.
 */
export function matchPrograms(programs: readonly FundingProgram[], query: string): FundingProgram[] {
  const q = query.replace(/\s+/g, "");
  const exact = programs.filter((p) => p.id === query || p.sheet === query);
  if (exact.length > 0) return exact;
  return programs.filter((p) => p.sheet.replace(/\s+/g, "").includes(q) || (p.title ?? "").replace(/\s+/g, "").includes(q));
}

/** The year a scenario looks at by default: the workbook's plan year when the program has it, else its last year. */
export function defaultYear(p: FundingProgram | undefined, planYear: number | undefined): number | undefined {
  if (p === undefined) return undefined;
  return planYear !== undefined && p.years.includes(planYear) ? planYear : p.years[p.years.length - 1];
}
