// Figures stated in text lines: "□ 2021년 소요예산 : 320,793천원" must equal the funding table below it;
// "사업비 : 2,811,000천원(국 1,686,600 / 시 674,640 / 구 449,760)" must add up; a stated shortfall
// ("29,324백만 원 중 6,468백만 원(22%) 부족") must match the gap table.
import { a1 } from "../cells/grid";
import type { Finding } from "./findings";
import type { FoundTable, TableKind } from "../layout/detect-tables";
import type { Range } from "../cells/grid";
import { linesBetween, type TextLine } from "../layout/blocks";
import { parseHeadline, type Headline } from "../layout/headlines";
import { amountIn } from "../cells/amount-cell";
import { toWon, convert } from "../numbers/numbers";
import { WON_PER_UNIT, type Unit } from "../numbers/units";
import { MSG } from "./messages";
import { splitFindings } from "./split-rule";
import { rangeA1 } from "../cells/grid";

export interface HeadlineContext {
  sheet: string;
  lines: TextLine[];
  tables: TableFacts[];
  /** The plan's budget year, for headlines that name none ("□ 소요예산 : 358,072천원"). */
  planYear?: number;
  /** total-mismatch findings of this sheet's tables: a headline that agrees with a blamed cell's expected value follows from it. */
  blamed: Finding[];
}

interface CellValue {
  r: number;
  c: number;
  value: number;
}

export interface GapTotals {
  r: number;
  needCol: number;
  gapCol: number;
  need: number;
  gap: number;
}

/** What the headline and shortfall rules need of a table, kept after its cells are dropped. */
export interface TableFacts {
  sheet: string;
  range: Range;
  kind: TableKind;
  unit?: FoundTable["unit"];
  /** The 계 of each year of a funding table. */
  yearTotals: Map<number, CellValue>;
  gap?: GapTotals;
}

export function tableFacts(t: FoundTable): TableFacts {
  const yearTotals = new Map<number, CellValue>();
  if (t.kind === "funding") {
    const years = new Set<number>();
    for (const c of t.model.cols) if (c.year !== undefined) years.add(c.year);
    for (const r of t.model.rows) if (r.year !== undefined) years.add(r.year);
    for (const y of years) {
      const v = yearTotal(t, y);
      if (v !== undefined) yearTotals.set(y, v);
    }
  }
  return { sheet: t.sheet, range: t.range, kind: t.kind, unit: t.unit, yearTotals, gap: t.kind === "gap" ? gapTotals(t) : undefined };
}

/** The year's total of a funding table: the 계 row at the year column (or the year row's total, transposed). */
function yearTotal(t: FoundTable, year: number): CellValue | undefined {
  const m = t.model;
  let r: number | undefined;
  let c: number | undefined;
  const yearCol = m.cols.find((x) => x.year === year);
  const yearRow = m.rows.find((x) => x.year === year);
  if (yearCol !== undefined) {
    c = yearCol.c;
    const totals = m.rows.filter((x) => x.role === "total");
    const items = m.rows.filter((x) => x.role === "item");
    r = totals[0]?.r ?? (items.length === 1 ? items[0].r : undefined);
  } else if (yearRow !== undefined) {
    r = yearRow.r;
    const totals = m.cols.filter((x) => x.role === "total");
    c = totals[0]?.c ?? (m.cols.length === 1 ? m.cols[0].c : undefined);
  }
  if (r === undefined || c === undefined) return undefined;
  const a = m.amount(r, c);
  if (a.kind === "zero") return { r, c, value: 0 };
  if (a.kind !== "amount") return undefined;
  return { r, c, value: amountIn(a, t.unit) };
}

/** Stated and table amounts agree when equal in 원, or, in different units, when rounding explains the gap. */
function agrees(stated: number, statedUnit: Unit, table: number, tableUnit: Unit): boolean {
  const s = toWonSafe(stated, statedUnit);
  const t = toWonSafe(table, tableUnit);
  if (s === undefined || t === undefined) return true;
  if (s === t) return true;
  if (statedUnit === tableUnit) return false;
  const coarse = WON_PER_UNIT[statedUnit] > WON_PER_UNIT[tableUnit] ? WON_PER_UNIT[statedUnit] : WON_PER_UNIT[tableUnit];
  const diff = s > t ? s - t : t - s;
  return diff * 2n <= coarse;
}

function toWonSafe(v: number, u: Unit): bigint | undefined {
  try {
    return toWon(v, u);
  } catch {
    return undefined; // a fraction of a 원 cannot be compared exactly; say nothing rather than guess
  }
}

const MAYBE_HEADLINE = /\d[\s\S]*[원억조]|[원억조][\s\S]*\d/;

/** A stated amount always has digits and a unit word: most lines (titles, unit labels, prose) are skipped cheaply. */
function headlineOf(text: string): Headline | undefined {
  return MAYBE_HEADLINE.test(text) ? parseHeadline(text) : undefined;
}

/** The first table starting below row r (tables are in row order). */
function firstTableBelow(tables: TableFacts[], r: number): TableFacts | undefined {
  let lo = 0;
  let hi = tables.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tables[mid].range.r0 <= r) lo = mid + 1;
    else hi = mid;
  }
  return tables[lo];
}

export function checkHeadlines(ctx: HeadlineContext): Finding[] {
  const out: Finding[] = [];
  for (const line of ctx.lines) {
    const h = headlineOf(line.text);
    if (h === undefined) continue;
    const cell = a1(line.r, line.c);
    out.push(...splitFindings({ sheet: ctx.sheet, cell }, h.amount.value, h.amount.unit, h.splits));
    if (h.kind === "gap") out.push(...gapHeadline(ctx, cell, h));
    else out.push(...budgetHeadline(ctx, line, cell, h));
  }
  return out;
}

function budgetHeadline(ctx: HeadlineContext, line: TextLine, cell: string, h: Headline): Finding[] {
  // Only a yearly budget headline promises a specific table figure; other amounts ("사업규모") are context.
  if (!/소요예산|소요재원|예산/.test(h.subject)) return [];
  const year = h.year ?? ctx.planYear;
  if (year === undefined) return [];
  const table = firstTableBelow(ctx.tables, line.r);
  if (table === undefined || table.kind !== "funding" || table.range.r0 - line.r > 6) return [];
  const between = linesBetween(ctx.lines, line.r + 1, table.range.r0).some((l) => headlineOf(l.text) !== undefined);
  if (between) return [];
  const total = table.yearTotals.get(year);
  if (total === undefined) return [];
  const tableUnit = table.unit ?? h.amount.unit;
  if (agrees(h.amount.value, h.amount.unit, total.value, tableUnit)) return [];
  const blamed = ctx.blamed.find((f) => f.rule === "total-mismatch" && f.cell === a1(total.r, total.c) && typeof f.expected === "number");
  if (blamed !== undefined && agrees(h.amount.value, h.amount.unit, blamed.expected as number, tableUnit)) {
    // The headline is right and the table's total is the wrong cell: the headline is evidence, not a second error.
    blamed.related.push(cell);
    return [];
  }
  const expected = convert(total.value, tableUnit, h.amount.unit).value;
  const where = `${a1(total.r, total.c)}`;
  return [
    {
      rule: "headline-mismatch",
      severity: "error",
      sheet: ctx.sheet,
      cell,
      related: [where],
      expected,
      actual: h.amount.value,
      unit: h.amount.unit,
      table: rangeA1(table.range),
      message: MSG.headlineMismatch(cell, h.amount.value, h.amount.unit, total.value, table.unit, where),
    },
  ];
}

/** The total row's need and gap of a gap table (or its only row). */
function gapTotals(t: FoundTable): GapTotals | undefined {
  const m = t.model;
  // The gap reading the labels give (소요액 − 확보액 = 미확보액): a shortfall is read off the labels, not inferred.
  const gapReading = t.lines.flatMap((l) => l.candidates).find((c) => c.kind === "gap");
  if (gapReading === undefined) return undefined;
  const gapCol = gapReading.total;
  const needCol = gapReading.parts.find((p) => p.sign === 1)?.at;
  if (needCol === undefined) return undefined;
  const totalRow = m.rows.find((x) => x.role === "total") ?? (m.rows.length === 1 ? m.rows[0] : undefined);
  if (totalRow === undefined) return undefined;
  const read = (c: number): number | undefined => {
    const a = m.amount(totalRow.r, c);
    return a.kind === "amount" ? amountIn(a, t.unit) : a.kind === "zero" ? 0 : undefined;
  };
  const need = read(needCol);
  const gap = read(gapCol);
  if (need === undefined || gap === undefined) return undefined;
  return { r: totalRow.r, needCol, gapCol, need, gap };
}

function gapHeadline(ctx: HeadlineContext, cell: string, h: Headline): Finding[] {
  const out: Finding[] = [];
  const table = ctx.tables.find((t) => t.gap !== undefined);
  const need = h.need;
  if (table === undefined) {
    // No table to hold it against: the text itself states a shortfall.
    const share = need !== undefined && need.value > 0 ? convert(h.amount.value, h.amount.unit, need.unit).value / need.value : undefined;
    out.push({ rule: "shortfall", severity: "warning", sheet: ctx.sheet, cell, related: [], actual: h.amount.value, unit: h.amount.unit, share, message: MSG.shortfall(cell, h.amount.value, need?.value, h.amount.unit, share) });
    return out;
  }
  const g = table.gap;
  if (g === undefined) return out;
  const tableUnit = table.unit ?? h.amount.unit;
  const gapCell = a1(g.r, g.gapCol);
  const needCell = a1(g.r, g.needCol);
  if (!agrees(h.amount.value, h.amount.unit, g.gap, tableUnit)) {
    out.push({ rule: "headline-mismatch", severity: "error", sheet: ctx.sheet, cell, related: [gapCell], expected: convert(g.gap, tableUnit, h.amount.unit).value, actual: h.amount.value, unit: h.amount.unit, table: rangeA1(table.range), message: MSG.headlineMismatch(cell, h.amount.value, h.amount.unit, g.gap, table.unit, gapCell) });
  }
  if (need !== undefined && !agrees(need.value, need.unit, g.need, tableUnit)) {
    out.push({ rule: "headline-mismatch", severity: "error", sheet: ctx.sheet, cell, related: [needCell], expected: convert(g.need, tableUnit, need.unit).value, actual: need.value, unit: need.unit, table: rangeA1(table.range), message: MSG.headlineMismatch(cell, need.value, need.unit, g.need, table.unit, needCell) });
  }
  if (h.percent !== undefined && g.need > 0) {
    const actual = Math.round((g.gap / g.need) * 100);
    if (actual !== Math.round(h.percent)) {
      out.push({ rule: "headline-mismatch", severity: "error", sheet: ctx.sheet, cell, related: [gapCell, needCell], expected: actual, actual: h.percent, message: MSG.percentMismatch(cell, h.percent, actual) });
    }
  }
  return out;
}

export function shortfallFindings(tables: TableFacts[]): Finding[] {
  const out: Finding[] = [];
  for (const t of tables) {
    if (t.kind !== "gap") continue;
    const g = t.gap;
    if (g === undefined || g.gap <= 0) continue;
    const cell = a1(g.r, g.gapCol);
    const share = g.need > 0 ? g.gap / g.need : undefined;
    out.push({
      rule: "shortfall",
      severity: "warning",
      sheet: t.sheet,
      cell,
      related: [a1(g.r, g.needCol)],
      actual: g.gap,
      unit: t.unit,
      table: rangeA1(t.range),
      share,
      message: MSG.shortfall(cell, g.gap, g.need, t.unit, share),
    });
  }
  return out;
}
