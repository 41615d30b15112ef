// Lays a template out on a sheet the way the seed documents print a program page: the program's title, its
// text sections down one column, then its tables, the budget headline and the funding table last.
//
// Every total is a live formula over exactly its parts (SUM over a contiguous run, or need − secured), in the
// form the checker's formula rule expects, so the engine finds nothing to report on a freshly laid out sheet and
// keeps finding nothing as the officer types amounts. Text that states a table's figure (the budget headline,
// the shortfall line of a need table) is a formula too, of the one text form the engine evaluates itself
// (src/core/formula.ts parseTextFormula): "literal"&TEXT(cell,"#,##0")&"literal".
//
// Amounts: the template's printed amounts are written into the input cells as defaults (`amounts: "empty"`
// leaves them blank). Amounts are tied to their year: a plan re-based to another year gets the template's amounts
// for the years both share, and the breakdown (the fiscal year's itemisation) gets defaults only in its own year.
import { a1, type Range } from "../cells/grid";
import { SOURCE_NAMES, type SourceKey } from "../layout/labels";
import { emptyPlan, type SheetPlan } from "../cells/sheet-plan";
import { isBookTemplate, SECTION_KEYS, SECTION_TITLES, type Breakdown, type NeedTable, type PlanTemplate, type Template } from "./schema";
import { LAYOUT_TEXT } from "./layout-text";
import { layoutBookTemplate } from "./layout-book";
import { AMOUNT_FORMAT, defaultSheetName, HEAD, tableName, TOTAL, Writer } from "./layout-writer";
export { defaultSheetName, tableName } from "./layout-writer";

export interface LayoutOptions {
  /** The plan year; default the template's fiscal year. The funding table's years move with it. */
  year?: number;
  /** Top-left cell of the layout, 0-based; default A1. */
  anchor?: { r: number; c: number };
  /** Worksheet name; default `defaultSheetName(template, year)`. */
  sheet?: string;
  /** "defaults" (default): the template's amounts in the input cells; "empty": input cells left blank. */
  amounts?: "defaults" | "empty";
}

/** Where a laid-out funding table's cells are (0-based, absolute on the sheet). */
export interface FundingCells {
  name: string;
  range: Range;
  /** The 계 row and the 합계 column. */
  totalRow: number;
  totalCol: number;
  years: { year: number; c: number }[];
  sources: { source: SourceKey; r: number }[];
  remarkCol?: number;
  /** The headline cell above the table. */
  headline: { r: number; c: number };
}

export interface NeedCells {
  name: string;
  range: Range;
  totalRow: number;
  needCol: number;
  securedCol: number;
  gapCol: number;
  items: { label: string; r: number }[];
  /** The live shortfall line above the table, when the template names what is needed. */
  titleLine?: { r: number; c: number };
}

export interface BreakdownCells {
  name: string;
  range: Range;
  totalRow: number;
  amountCol: number;
  sources: { source: SourceKey; c: number }[];
  items: { label: string; r: number }[];
}

export interface TemplateLayout {
  plan: SheetPlan;
  year: number;
  funding: FundingCells;
  need?: NeedCells;
  breakdown?: BreakdownCells;
}


/**
 * The sheet plan of a template: a program page (see layoutTemplateDetailed for where its tables landed), or a page
 * of the budget book (layout-book.ts).
 */
export function layoutTemplate(template: Template, options: LayoutOptions = {}): SheetPlan {
  if (isBookTemplate(template)) return layoutBookTemplate(template, options).plan;
  if (template.funding === undefined) throw new Error(`template ${template.id}: neither a funding table nor a book page`);
  return layoutTemplateDetailed(template as PlanTemplate, options).plan;
}

/** The years a template lays out for `year`: the funding table's, moved with it; a book page's own year. */
export function templateYears(template: Template, year: number = template.fiscalYear): { first: number; last: number } {
  const f = template.funding;
  if (f === undefined) return { first: year, last: year };
  const shift = year - template.fiscalYear;
  return { first: f.firstYear + shift, last: f.lastYear + shift };
}

export function layoutTemplateDetailed(template: PlanTemplate, options: LayoutOptions = {}): TemplateLayout {
  const year = options.year ?? template.fiscalYear;
  const shift = year - template.fiscalYear;
  const anchor = options.anchor ?? { r: 0, c: 0 };
  const withAmounts = (options.amounts ?? "defaults") === "defaults";
  const plan = emptyPlan(options.sheet ?? defaultSheetName(template, year));
  const w = new Writer(plan, anchor.c);
  let r = anchor.r;

  // Title and identity.
  w.text(r++, anchor.c, template.program, { bold: true });
  w.text(r++, anchor.c, [template.department, template.team].filter((x) => x !== undefined).join(" ") + ` · ${template.kind}`);
  r++;

  // Text sections down the anchor column.
  for (const key of SECTION_KEYS) {
    const lines = template.sections?.[key];
    if (lines === undefined || lines.length === 0) continue;
    w.text(r++, anchor.c, `□ ${template.sectionTitles?.[key] ?? SECTION_TITLES[key].ko}`, { bold: true });
    for (const line of lines) {
      if (line.trim() !== "") w.text(r, anchor.c, line);
      r++;
    }
    r++;
  }

  let need: NeedCells | undefined;
  if (template.needTable !== undefined) {
    need = layoutNeed(w, template, template.needTable, r, anchor.c, year, withAmounts);
    r = need.range.r1 + 2;
  }
  let breakdown: BreakdownCells | undefined;
  if (template.breakdown !== undefined) {
    breakdown = layoutBreakdown(w, template, template.breakdown, r, anchor.c, year, withAmounts && shift === 0);
    r = breakdown.range.r1 + 2;
  }
  const funding = layoutFunding(w, template, r, anchor.c, year, withAmounts);
  w.widths();
  const out: TemplateLayout = { plan, year, funding };
  if (need !== undefined) out.need = need;
  if (breakdown !== undefined) out.breakdown = breakdown;
  return out;
}

// ---- the funding table ------------------------------------------------------------------------------

function layoutFunding(w: Writer, t: PlanTemplate, top: number, c0: number, year: number, withAmounts: boolean): FundingCells {
  const f = t.funding;
  const shift = year - t.fiscalYear;
  const years: { year: number; c: number }[] = [];
  for (let y = f.firstYear; y <= f.lastYear; y++) years.push({ year: y + shift, c: c0 + 2 + (y - f.firstYear) });
  const lastYearCol = years[years.length - 1].c;
  const hasRemark = f.remark !== undefined || f.sources.some((s) => s.remark !== undefined);
  const remarkCol = hasRemark ? lastYearCol + 1 : undefined;
  const lastCol = remarkCol ?? lastYearCol;

  // "□ 2021년 소요예산 : 320,793천원", live; the unit label above the table's last column.
  const headlineRow = top;
  const h0 = top + 2; // header rows h0, h0 + 1
  const totalRow = h0 + 2;
  const firstSource = totalRow + 1;
  const lastSource = firstSource + f.sources.length - 1;
  const yearCol = years.find((y) => y.year === year)?.c as number;
  w.formula(headlineRow, c0, headlineFormula(`□ ${year}년 소요예산 : `, [[a1(totalRow, yearCol), f.unit]]), { bold: true });
  w.unitLabel(top + 1, lastCol, f.unit);

  w.text(h0, c0, LAYOUT_TEXT.sourceHeader, HEAD);
  w.merge({ r0: h0, c0, r1: h0 + 1, c1: c0 });
  w.text(h0, c0 + 1, LAYOUT_TEXT.sumHeader, HEAD);
  w.merge({ r0: h0, c0: c0 + 1, r1: h0 + 1, c1: c0 + 1 });
  w.text(h0, c0 + 2, LAYOUT_TEXT.yearsHeader, HEAD);
  if (years.length > 1) w.merge({ r0: h0, c0: c0 + 2, r1: h0, c1: lastYearCol });
  for (const y of years) w.text(h0 + 1, y.c, `${y.year}년`, HEAD);
  if (remarkCol !== undefined) {
    w.text(h0, remarkCol, LAYOUT_TEXT.remarkHeader, HEAD);
    w.merge({ r0: h0, c0: remarkCol, r1: h0 + 1, c1: remarkCol });
  }

  // 계 row: each column's sum over the source rows.
  w.text(totalRow, c0, LAYOUT_TEXT.total, { ...TOTAL, horizontalAlignment: "Center" });
  for (let c = c0 + 1; c <= lastYearCol; c++) w.amountFormula(totalRow, c, `SUM(${a1(firstSource, c)}:${a1(lastSource, c)})`, TOTAL);
  w.remark(totalRow, remarkCol, f.remark);

  const sources: { source: SourceKey; r: number }[] = [];
  f.sources.forEach((s, i) => {
    const r = firstSource + i;
    sources.push({ source: s.source, r });
    w.text(r, c0, s.label ?? SOURCE_NAMES[s.source].ko, { horizontalAlignment: "Center" });
    w.amountFormula(r, c0 + 1, `SUM(${a1(r, c0 + 2)}:${a1(r, lastYearCol)})`);
    for (const y of years) w.input(r, y.c, withAmounts ? s.amounts?.[String(y.year)] : undefined);
    w.remark(r, remarkCol, s.remark);
  });
  w.validation({ r0: firstSource, c0: c0 + 2, r1: lastSource, c1: lastYearCol }, f.unit);

  const range = { r0: h0, c0, r1: lastSource, c1: lastCol };
  const name = tableName(t.id, year, "funding");
  w.table(name, range, LAYOUT_TEXT.fundingComment(t.program, year), lastYearCol, remarkCol);
  const out: FundingCells = { name, range, totalRow, totalCol: c0 + 1, years, sources, headline: { r: headlineRow, c: c0 } };
  if (remarkCol !== undefined) out.remarkCol = remarkCol;
  return out;
}

// ---- the need / secured / gap table -----------------------------------------------------------------

function layoutNeed(w: Writer, t: Template, n: NeedTable, top: number, c0: number, year: number, withAmounts: boolean): NeedCells {
  const hasRemark = n.items.some((i) => i.remark !== undefined);
  const needCol = c0 + 1;
  const securedCol = c0 + 2;
  const gapCol = c0 + 3;
  const remarkCol = hasRemark ? c0 + 4 : undefined;
  const lastCol = remarkCol ?? gapCol;
  const titleRow = top;
  const hr = top + 2;
  const totalRow = hr + 1;
  const first = totalRow + 1;
  const last = first + n.items.length - 1;

  // "- 독산동우시장 그린푸줏간 조성비 29,324백만원 중 6,468백만원 부족", live: it states the table's own totals.
  const titleLine = n.title !== undefined && n.title.trim() !== "" ? { r: titleRow, c: c0 } : undefined;
  if (titleLine !== undefined) {
    w.formula(titleRow, c0, headlineFormula(`- ${n.title?.trim()} `, [[a1(totalRow, needCol), `${n.unit} 중 `], [a1(totalRow, gapCol), `${n.unit} 부족`]]));
  }
  w.unitLabel(top + 1, lastCol, n.unit);

  w.text(hr, c0, n.itemHeader ?? LAYOUT_TEXT.needItemHeader, HEAD);
  w.text(hr, needCol, n.headers?.need ?? LAYOUT_TEXT.needHeader, HEAD);
  w.text(hr, securedCol, n.headers?.secured ?? LAYOUT_TEXT.securedHeader, HEAD);
  w.text(hr, gapCol, n.headers?.gap ?? LAYOUT_TEXT.gapHeader, HEAD);
  if (remarkCol !== undefined) w.text(hr, remarkCol, LAYOUT_TEXT.remarkHeader, HEAD);

  w.text(totalRow, c0, LAYOUT_TEXT.grandTotal, { ...TOTAL, horizontalAlignment: "Center" });
  for (const c of [needCol, securedCol, gapCol]) w.amountFormula(totalRow, c, `SUM(${a1(first, c)}:${a1(last, c)})`, TOTAL);

  const items: { label: string; r: number }[] = [];
  n.items.forEach((item, i) => {
    const r = first + i;
    items.push({ label: item.label, r });
    w.text(r, c0, item.label);
    w.input(r, needCol, withAmounts ? item.need : undefined);
    w.input(r, securedCol, withAmounts ? item.secured : undefined);
    w.amountFormula(r, gapCol, `${a1(r, needCol)}-${a1(r, securedCol)}`);
    w.remark(r, remarkCol, item.remark);
  });
  w.validation({ r0: first, c0: needCol, r1: last, c1: securedCol }, n.unit);

  const range = { r0: hr, c0, r1: last, c1: lastCol };
  const name = tableName(t.id, year, "need");
  w.table(name, range, LAYOUT_TEXT.needComment(t.program, year), gapCol, remarkCol);
  const out: NeedCells = { name, range, totalRow, needCol, securedCol, gapCol, items };
  if (titleLine !== undefined) out.titleLine = titleLine;
  return out;
}

// ---- the breakdown ------------------------------------------------------------------------------------

function layoutBreakdown(w: Writer, t: Template, b: Breakdown, top: number, c0: number, year: number, withAmounts: boolean): BreakdownCells {
  const amountCol = c0 + 1;
  const sources = b.sources.map((s, i) => ({ source: s, c: c0 + 2 + i }));
  const lastSourceCol = c0 + 1 + b.sources.length;
  const hasRemark = b.items.some((i) => i.remark !== undefined);
  const remarkCol = hasRemark ? lastSourceCol + 1 : undefined;
  const lastCol = remarkCol ?? lastSourceCol;
  const hr = top + 2;
  const totalRow = hr + 1;
  const first = totalRow + 1;
  const last = first + b.items.length - 1;

  if (b.title !== undefined && b.title.trim() !== "") w.text(top, c0, b.title, { bold: true });
  w.unitLabel(top + 1, lastCol, b.unit);

  w.text(hr, c0, b.itemHeader ?? LAYOUT_TEXT.breakdownItemHeader, HEAD);
  w.text(hr, amountCol, LAYOUT_TEXT.amountHeader, HEAD);
  for (const s of sources) w.text(hr, s.c, SOURCE_NAMES[s.source].ko, HEAD);
  if (remarkCol !== undefined) w.text(hr, remarkCol, LAYOUT_TEXT.remarkHeader, HEAD);

  w.text(totalRow, c0, LAYOUT_TEXT.total, { ...TOTAL, horizontalAlignment: "Center" });
  for (let c = amountCol; c <= lastSourceCol; c++) w.amountFormula(totalRow, c, `SUM(${a1(first, c)}:${a1(last, c)})`, TOTAL);

  const items: { label: string; r: number }[] = [];
  b.items.forEach((item, i) => {
    const r = first + i;
    items.push({ label: item.label, r });
    w.text(r, c0, item.label);
    // The amount is the sum of its splits: a split typed in is the amount, never a second figure to reconcile.
    w.amountFormula(r, amountCol, `SUM(${a1(r, amountCol + 1)}:${a1(r, lastSourceCol)})`);
    const lone = item.splits === undefined && b.sources.length === 1 && item.amount !== undefined ? { [b.sources[0]]: item.amount } : item.splits;
    for (const s of sources) w.input(r, s.c, withAmounts ? lone?.[s.source] : undefined);
    w.remark(r, remarkCol, item.remark);
  });
  w.validation({ r0: first, c0: amountCol + 1, r1: last, c1: lastSourceCol }, b.unit);

  const range = { r0: hr, c0, r1: last, c1: lastCol };
  const name = tableName(t.id, year, "breakdown");
  w.table(name, range, LAYOUT_TEXT.breakdownComment(t.program, year), lastSourceCol, remarkCol);
  return { name, range, totalRow, amountCol, sources, items };
}

// ---- formulas ---------------------------------------------------------------------------------------

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** `"lead"&TEXT(ref,"#,##0")&"after"&TEXT(ref2,"#,##0")&"after2"`: the text form the engine evaluates. */
export function headlineFormula(lead: string, parts: [ref: string, after: string][]): string {
  return [quote(lead), ...parts.flatMap(([ref, after]) => [`TEXT(${ref},${quote(AMOUNT_FORMAT)})`, quote(after)])].join("&");
}
