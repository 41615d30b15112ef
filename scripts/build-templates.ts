// Builds the bundled template catalog (templates/catalog.json) from the seed documents as transcribed in
// samples/seed-plan.json: one template per program page (sheets 01–14 of the 2021 plan, and the 도시형소공인
// program card).
//
// What is taken from the seeds, and how:
// - identity: program name (the sheet's program), department (the document's), team (the 일반현황 duties table,
//   see TEAM_BY_SHEET), kind (the 주요사업 목록's 구분 column, or the card's 추진상황), period (the 사업기간 line);
// - text: the lines of each □ section, mapped onto the four template sections (see HEADINGS); tables inside the
//   sections are not carried (they are last year's facts, not the plan's structure);
// - the funding table, read by the engine's own reader (see "the funding table" below): its sources, years and
//   unit, and the printed per-source amounts as defaults. Printed totals are NOT carried: the layout writes them
//   as formulas. Where a printed total disagrees with its parts (a printed mistake, as the checker blames it), the
//   build says so in its notes; the template still holds only the parts;
// - a need/secured/gap table and a breakdown, where the page has one. A printed split part that is malformed
//   ("24,00") is restored from its amount only when exactly one part is broken, and the result must agree with
//   the funding table's per-source column of the fiscal year; otherwise the build fails.
//
// Regenerate after changing this script or the seeds:
//   UPDATE_TEMPLATES=1 npx jest test/core/templates/catalog-build.test.ts
// (the same test fails when the committed catalog is not what this script makes).
import { parseSeedPlan, isTableBlock, parseRelativeRange, tableCellValue, unitLabel, type SeedPlan, type SeedSheet, type SeedTableBlock } from "../src/cli/sample-layout";
import { classifyLabel, normalizeLabel, type SourceKey } from "../src/core/layout/labels";
import { parseNumber } from "../src/core/numbers/numbers";
import { parseHeadline } from "../src/core/layout/headlines";
import { gridFromRows, parseA1, type Scalar, type SheetGrid } from "../src/core/cells/grid";
import type { Unit } from "../src/core/numbers/units";
import { findFundingTarget, type FundingTarget } from "../src/core/fill/target";
import { checkTable } from "../src/core/check-workbook";
import {
  SOURCE_KEYS,
  type Breakdown,
  type BreakdownItem,
  type Catalog,
  type FundingSource,
  type NeedTable,
  type Period,
  type SectionKey,
  type Sections,
  type Template,
  type TemplateFunding,
} from "../src/core/templates/schema";
import { validateCatalog, validateTemplate } from "../src/core/templates/validate";

export const CATALOG_VERSION = "1.0.0";
const TEMPLATE_VERSION = "1.0.0";

interface ProgramMeta {
  id: string;
  /** From the 일반현황 table (팀 명 | 주요 업무) of the 2021 plan; absent where no document names the team. */
  team?: string;
}

// Sheet number → slug and team. Teams follow the duties each team lists in the 일반현황 table:
// 경제진흥팀 (전통시장 시설·경영 현대화, 제로페이·상품권, 소상공인), 기업지원팀 (금천G밸리 주요사업 및 지원시설,
// 중소기업 육성, 국내 및 해외 교류, 남북교류협력기금), 생활유통팀 (축산물 위생, 동물보호 및 복지),
// 사회적경제팀 (사회적경제허브센터, 사회적경제 활성화). The 도시형소공인 card names its department only.
const META: Record<string, ProgramMeta> = {
  "01": { id: "traditional-market-management", team: "경제진흥팀" },
  "02": { id: "traditional-market-facilities", team: "경제진흥팀" },
  "03": { id: "small-business-support", team: "경제진흥팀" },
  "04": { id: "gvalley-local-currency", team: "경제진흥팀" },
  "05": { id: "humanoid-startup-facility", team: "기업지원팀" },
  "06": { id: "domestic-international-exchange", team: "기업지원팀" },
  "07": { id: "inter-korean-cooperation-fund", team: "기업지원팀" },
  "08": { id: "business-support-facilities", team: "기업지원팀" },
  "09": { id: "sme-growth-support", team: "기업지원팀" },
  "10": { id: "cattle-market-meat-safety", team: "생활유통팀" },
  "11": { id: "animal-welfare", team: "생활유통팀" },
  "12": { id: "animal-protection", team: "생활유통팀" },
  "13": { id: "social-economy", team: "사회적경제팀" },
  "14": { id: "social-economy-hub-center", team: "사회적경제팀" },
  "지역경제-15": { id: "urban-artisan-cluster" },
};

/** The fiscal year of both seeds: the 2021 plan, and the card reporting on 2021. */
const FISCAL_YEAR = 2021;

type Mapping = { key: SectionKey; fold: boolean } | { key: undefined };

// Printed section headings → template sections. `fold`: the heading's lines go to the end of that section under
// a "○ heading" line (the section keeps its own heading). Headings mapped to nothing hold pictures or the budget
// headline, which the layout writes itself.
const HEADINGS: Record<string, Mapping> = {
  사업개요: { key: "overview", fold: false },
  사업필요성: { key: "overview", fold: true },
  정책목표: { key: "overview", fold: true },
  추진실적: { key: "results", fold: false },
  추진경과: { key: "results", fold: false },
  "국내·외교류도시현황": { key: "results", fold: true },
  문제점및개선방안: { key: "issues", fold: false },
  문제점: { key: "issues", fold: false },
  문제점및대응방안: { key: "issues", fold: false },
  문제점및개선사항: { key: "issues", fold: false },
  현황및문제점: { key: "issues", fold: false },
  추진계획: { key: "plan", fold: false },
  향후계획: { key: "plan", fold: false },
  연차별추진계획: { key: "plan", fold: true },
  기대효과: { key: "plan", fold: true },
  현장사진: { key: undefined },
  위치도: { key: undefined },
  "공간조성(안)": { key: undefined },
  "dkworks위치도및현장사진": { key: undefined },
  연차별투자수요및집행액: { key: undefined },
};

/** Headings the program card prints without "□". */
const BARE_HEADINGS = new Set(["정책목표", "사업개요", "연차별추진계획"]);

export interface BuildResult {
  catalog: Catalog;
  /** What the build noticed in the seeds (printed mistakes, restored figures), for the commit and the reader. */
  notes: string[];
}

/**
 * The catalog: a template per program page of the seeds, then the hand-written templates of `extra` (the budget
 * book's page for a new 세부사업, samples/book-templates.json), each validated like any catalog's.
 */
export function buildCatalog(json: unknown, extra: unknown[] = []): BuildResult {
  const plan: SeedPlan = parseSeedPlan(json);
  const notes: string[] = [];
  const templates: Template[] = [];
  for (const wb of plan.workbooks) {
    const department = departmentOf(wb.title, wb.sheets);
    const kinds = kindTable(wb.sheets);
    for (const sheet of wb.sheets) {
      if (sheet.program === undefined) continue;
      const num = /^(\S+)\s/.exec(sheet.name)?.[1] ?? "";
      const meta = META[num];
      if (meta === undefined) throw new Error(`build-templates: no id for sheet "${sheet.name}"`);
      templates.push(buildTemplate(sheet, num, meta, department, kinds, notes));
    }
  }
  for (const [i, x] of extra.entries()) {
    const v = validateTemplate(x);
    if (!v.ok) throw new Error(`build-templates: extra template #${i + 1}: ${v.problems.map((p) => `${p.path}: ${p.message.en}`).join("; ")}`);
    templates.push(v.value);
  }
  const catalog: Catalog = { catalogVersion: CATALOG_VERSION, templates };
  const checked = validateCatalog(JSON.parse(JSON.stringify(catalog)));
  if (!checked.ok) throw new Error(`build-templates: the built catalog is invalid:\n${checked.problems.map((p) => `${p.template} ${p.path}: ${p.message.en}`).join("\n")}`);
  return { catalog, notes };
}

function departmentOf(title: string, sheets: SeedSheet[]): string {
  // "2020. 주요업무 추진실적 및 2021. 주요업무계획 – 지역경제과"; the card says 추진부서 | 지역경제과 in its header table.
  const m = /[–-]\s*(\S+과)\s*$/.exec(title);
  if (m !== null) return m[1];
  for (const s of sheets) {
    for (const b of s.blocks) {
      if (!isTableBlock(b)) continue;
      for (const row of b.table) {
        const i = row.findIndex((x) => normalizeLabel(x) === "추진부서");
        if (i >= 0 && row[i + 1] !== undefined && row[i + 1] !== "") return row[i + 1].trim();
      }
    }
  }
  throw new Error(`build-templates: no department in "${title}"`);
}

/** 연번 → 구분 of the 주요사업 목록 table ("계속 (신규포함)" is 계속). */
function kindTable(sheets: SeedSheet[]): Map<string, Template["kind"]> {
  const out = new Map<string, Template["kind"]>();
  for (const s of sheets) {
    for (const b of s.blocks) {
      if (!isTableBlock(b) || b.table[0]?.[0] !== "연번" || !b.table[0].includes("구분")) continue;
      const k = b.table[0].indexOf("구분");
      for (const row of b.table.slice(1)) out.set(row[0].padStart(2, "0"), kindOf(row[k]));
    }
  }
  return out;
}

function kindOf(text: string): Template["kind"] {
  const t = text.replace(/\s/g, "");
  if (t.startsWith("신규")) return "신규";
  if (t.startsWith("계속") || t.includes("(계속)")) return "계속";
  throw new Error(`build-templates: unknown 구분 "${text}"`);
}

function buildTemplate(sheet: SeedSheet, num: string, meta: ProgramMeta, department: string, kinds: Map<string, Template["kind"]>, notes: string[]): Template {
  const where = sheet.name;
  const program = sheet.program as string;
  const fundingBlock = sheet.blocks.find((b): b is SeedTableBlock => isTableBlock(b) && b.table.slice(0, 3).some((r) => r.some((x) => normalizeLabel(x) === "재원별")));
  if (fundingBlock === undefined) throw new Error(`build-templates: ${where}: no 재원별 table`);
  const funding = fundingOf(fundingBlock, where, notes);

  const needIndex = sheet.blocks.findIndex((b) => isTableBlock(b) && needColumns(b) !== undefined);
  const needTitleLine = needIndex > 0 && !isTableBlock(sheet.blocks[needIndex - 1]) ? needIndex - 1 : undefined;
  const needTable = needIndex < 0 ? undefined : needTableOf(sheet.blocks[needIndex] as SeedTableBlock, needTitleLine === undefined ? undefined : (sheet.blocks[needTitleLine] as { text: string }).text, where);

  const fromTable = breakdownFromTable(sheet, funding, where, notes);
  // The lines above the need table and the breakdown become the tables' own title lines.
  const skip = new Set([needTitleLine, fromTable?.titleBlock].filter((i): i is number => i !== undefined));
  const { sections, titles, period } = sectionsOf(sheet, skip);
  const kind = kinds.get(num) ?? cardKind(sheet);

  const t: Template = {
    id: meta.id,
    version: TEMPLATE_VERSION,
    fiscalYear: FISCAL_YEAR,
    program,
    shortTitle: sheet.name.replace(/^\S+\s+/, ""),
    department,
    kind,
    funding,
  };
  if (meta.team !== undefined) t.team = meta.team;
  if (period !== undefined) t.period = period;
  if (Object.keys(sections).length > 0) t.sections = sections;
  if (Object.keys(titles).length > 0) t.sectionTitles = titles;
  if (needTable !== undefined) t.needTable = needTable;
  const breakdown = fromTable?.breakdown ?? breakdownFromRemarks(funding, where, notes);
  if (breakdown !== undefined) t.breakdown = breakdown;
  return t;
}

function cardKind(sheet: SeedSheet): Template["kind"] {
  for (const b of sheet.blocks) {
    if (!isTableBlock(b)) continue;
    for (const row of b.table) {
      const i = row.findIndex((x) => normalizeLabel(x) === "추진상황");
      if (i >= 0) return kindOf(row[i + 1]);
    }
  }
  throw new Error(`build-templates: ${sheet.name}: no 구분 or 추진상황`);
}

// ---- sections -------------------------------------------------------------------------------------

const DEFAULT_TITLES: Record<SectionKey, string> = { overview: "사업개요", results: "추진실적", issues: "문제점 및 개선방안", plan: "추진계획" };

function headingOf(text: string): string | undefined {
  const t = text.trim();
  if (t.startsWith("□")) return t.replace(/^□\s*/, "");
  return BARE_HEADINGS.has(normalizeLabel(t)) ? t : undefined;
}

function sectionsOf(sheet: SeedSheet, skip: ReadonlySet<number>): { sections: Sections; titles: Partial<Record<SectionKey, string>>; period?: Period } {
  const main: Partial<Record<SectionKey, string[]>> = {};
  const folded: Partial<Record<SectionKey, string[]>> = {};
  const titles: Partial<Record<SectionKey, string>> = {};
  let target: string[] | undefined;
  let period: Period | undefined;
  sheet.blocks.forEach((b, i) => {
    if (isTableBlock(b) || skip.has(i)) return;
    const heading = headingOf(b.text);
    if (heading !== undefined) {
      const norm = normalizeLabel(heading);
      // "□ 2021년 소요예산 : 320,793천원", "□ 소요예산 : …": the layout writes this headline as a formula.
      const m: Mapping = /소요예산/.test(norm) ? { key: undefined } : HEADINGS[norm];
      if (m === undefined) throw new Error(`build-templates: ${sheet.name}: unmapped heading "${heading}"`);
      if (m.key === undefined) {
        target = undefined;
        return;
      }
      if (m.fold || main[m.key] !== undefined) {
        const list = (folded[m.key] ??= []);
        list.push(`○ ${heading}`);
        target = list;
      } else {
        main[m.key] = [];
        target = main[m.key];
        if (heading !== DEFAULT_TITLES[m.key]) titles[m.key] = heading;
      }
      return;
    }
    if (target === undefined) return; // before the first heading (the card's header) or under a picture heading
    target.push(b.text);
    if (period === undefined && target === main.overview) period = periodOf(b.text);
  });
  const sections: Sections = {};
  for (const key of ["overview", "results", "issues", "plan"] as const) {
    const lines = [...(main[key] ?? []), ...(folded[key] ?? [])];
    if (lines.length > 0) sections[key] = lines;
  }
  return { sections, titles, period };
}

/** "- 사업기간 : 2021. 1. ~ 12." → 2021-01 … 2021-12; "2018. 10. ~ 2021. 10.(36개월)"; "2021. 1. ~" (open). */
export function periodOf(line: string): Period | undefined {
  const m = /사업기간\s*:\s*(.+)$/.exec(line);
  if (m === null) return undefined;
  const text = m[1].trim();
  const r = /^(\d{4})\.\s*(\d{1,2})\.\s*~\s*(?:(?:(\d{4})\.\s*)?(\d{1,2})\.)?/.exec(text);
  if (r === null) return { text };
  const ym = (y: string, mo: string): string => `${y}-${mo.padStart(2, "0")}`;
  const p: Period = { start: ym(r[1], r[2]), text };
  if (r[4] !== undefined) p.end = ym(r[3] ?? r[1], r[4]);
  return p;
}

// ---- the funding table ----------------------------------------------------------------------------
//
// Read by the engine, not here: the block is laid out as the sample sheet holds it (sample-layout's cell values,
// merges and unit label), and the fill's reader (findFundingTarget: the checker's own table detector) names each
// cell's source, year and sub-column, the table's unit and its 계 row; the checker's total rules (checkTable) find
// the printed totals that disagree with their parts. What is left here is the template's choice: which column of a
// year is the plan (확보액 / 투자 수요, not 집행액), and that every row is 계 or a source.

/** The seed block on a sheet of its own, as sample-layout lays it out: the unit label above its last column. */
function blockGrid(name: string, b: SeedTableBlock): SheetGrid {
  const top = b.unit === undefined ? 0 : 1;
  const rows: Scalar[][] = b.unit === undefined ? [] : [[...Array<Scalar>(b.table[0].length - 1).fill(null), unitLabel(b.unit)]];
  for (const row of b.table) rows.push(row.map((printed) => tableCellValue(printed).value));
  const merges = (b.merges ?? []).flatMap((m) => {
    const g = parseRelativeRange(m);
    return g === undefined ? [] : [{ r0: g.r0 + top, c0: g.c0, r1: g.r1 + top, c1: g.c1 }];
  });
  return gridFromRows(name, rows, merges);
}

/** A plan amount as the engine reads the cell: blank and "-" are none, "0" is 0, anything else stops the build. */
function cellAmount(t: FundingTarget, r: number, c: number, where: string): number | undefined {
  const a = t.table.model.amount(r, c);
  if (a.kind === "zero") return undefined;
  if (a.kind === "amount" && a.unit === undefined && a.second === undefined && Number.isInteger(a.value) && a.value >= 0) return a.value;
  throw new Error(`build-templates: ${where}: "${t.view.shownText(r, c)}" is not a plain amount`);
}

/** The columns of a year that hold the plan: the year's only column, else its 확보액 or 투자 수요 (not 집행액). */
function plannedSub(t: FundingTarget, year: number, where: string): number | undefined {
  const subs = t.subs.get(year) ?? [];
  if (subs.length === 1) return 0;
  const planned = subs.flatMap((s, i) => {
    const kind = s.label === undefined ? undefined : classifyLabel(s.label)?.kind;
    return kind === "secured" || kind === "need" ? [i] : [];
  });
  if (planned.length > 1) throw new Error(`build-templates: ${where}: ${year} has more than one planned column`);
  return planned[0];
}

function fundingOf(b: SeedTableBlock, where: string, notes: string[]): TemplateFunding {
  const found = findFundingTarget(blockGrid(where, b));
  const t = found.target;
  if (t === undefined) throw new Error(`build-templates: ${where}: ${found.problems.map((p) => p.message.en).join("; ")}`);
  const { model } = t.table;
  if (t.unit === undefined) throw new Error(`build-templates: ${where}: the funding table has no money unit`);
  if (t.repeated.size > 0) throw new Error(`build-templates: ${where}: a source labels more than one row (${[...t.repeated.keys()].join(", ")})`);
  for (const row of model.rows) {
    if (row.role !== "total" && row.source === undefined) throw new Error(`build-templates: ${where}: row "${row.label}" is neither 계 nor a source`);
  }
  const planned = new Map(t.years.flatMap((y) => {
    const sub = plannedSub(t, y, where);
    return sub === undefined ? [] : [[y, sub] as const];
  }));
  if (planned.size === 0) throw new Error(`build-templates: ${where}: funding table without years`);

  // 비고 is not an amount column, so the model leaves it out; its header names it.
  const range = t.table.range;
  let remarkCol: number | undefined;
  for (let c = range.c0; c <= range.c1 && remarkCol === undefined; c++) {
    if (model.headerRows.some((r) => classifyLabel(t.view.shownText(r, c))?.kind === "remark")) remarkCol = c;
  }
  const remarkOf = (r: number): string | undefined => {
    const text = remarkCol === undefined ? "" : t.view.shownText(r, remarkCol).trim();
    return text === "" ? undefined : text;
  };

  const sources: FundingSource[] = [];
  for (const cell of t.cells) {
    if (planned.get(cell.year) !== cell.sub) continue;
    let s = sources.find((x) => x.source === cell.source);
    if (s === undefined) {
      s = { source: cell.source, amounts: {} };
      const remark = remarkOf(cell.r);
      if (remark !== undefined) s.remark = remark;
      sources.push(s);
    }
    const v = cellAmount(t, cell.r, cell.c, where);
    if (v !== undefined) (s.amounts as Record<string, number>)[String(cell.year)] = v;
  }

  // Printed totals are not carried (the layout writes them as formulas); where one disagrees with its parts, the
  // checker's blame says which printed figure is wrong, and the build notes it.
  const rowLabel = (r: number): string => model.rows.find((x) => x.r === r)?.label ?? "";
  const colLabel = (c: number): string => model.cols.find((x) => x.c === c)?.label ?? "";
  const mismatches = checkTable(t.view, t.table)
    .filter((f) => f.rule === "total-mismatch")
    .map((f) => ({ f, at: parseA1(f.cell) as { r: number; c: number } }))
    .sort((x, y) => x.at.r - y.at.r || x.at.c - y.at.c);
  for (const { f, at } of mismatches) {
    const total = model.rows.some((x) => x.r === at.r && x.role === "total") || model.cols.some((x) => x.c === at.c && x.role === "total");
    const what = total ? "the layout computes it" : "the template keeps it as printed";
    notes.push(`${where}: printed ${colLabel(at.c)} of ${rowLabel(at.r)} is ${String(f.actual)}, its parts add up to ${String(f.expected)}; ${what}`);
  }

  const years = [...planned.keys()];
  const f: TemplateFunding = { sources, firstYear: Math.min(...years), lastYear: Math.max(...years), unit: t.unit };
  const totalRow = model.rows.find((x) => x.role === "total");
  const remark = totalRow === undefined ? undefined : remarkOf(totalRow.r);
  if (remark !== undefined) f.remark = remark;
  return f;
}

/** A figure of the need table or a 비고 itemisation: blank or "-" is none; anything but a plain amount stops the build. */
function amountOf(text: string, where: string): number | undefined {
  const p = parseNumber(text);
  if (p.kind === "none") return undefined; // blank or "-"
  if (p.kind !== "number" || p.unit !== undefined || !Number.isInteger(p.value) || p.value < 0) throw new Error(`build-templates: ${where}: "${text}" is not a plain amount`);
  return p.value;
}

// ---- the need/secured/gap table -------------------------------------------------------------------

function needColumns(b: SeedTableBlock | { text: string }): { need: number; secured: number; gap: number; remark: number } | undefined {
  if (!isTableBlock(b)) return undefined;
  const h = b.table[0];
  const find = (k: string): number => h.findIndex((x) => classifyLabel(x)?.kind === k);
  const need = find("need");
  const secured = find("secured");
  const gap = find("gap");
  return need > 0 && secured > 0 && gap > 0 ? { need, secured, gap, remark: find("remark") } : undefined;
}

function needTableOf(b: SeedTableBlock, titleLine: string | undefined, where: string): NeedTable {
  const cols = needColumns(b) as NonNullable<ReturnType<typeof needColumns>>;
  // "- 독산동우시장 그린푸줏간 조성비 29,324백만 원 중 6,468백만 원(22%) 부족": the subject and the unit of the
  // table's figures (the table prints none of its own).
  const h = titleLine === undefined ? undefined : parseHeadline(titleLine);
  if (h === undefined || h.kind !== "gap") throw new Error(`build-templates: ${where}: the need table has no shortfall line above it`);
  const subject = (titleLine as string).slice(0, (titleLine as string).search(/\d/)).replace(/^[\s\-–○·]+/, "").trim();
  const items = b.table.slice(1).filter((row) => classifyLabel(row[0])?.kind !== "total").map((row) => {
    const item: NeedTable["items"][number] = { label: row[0].trim() };
    const need = amountOf(row[cols.need], where);
    const secured = amountOf(row[cols.secured], where);
    if (need !== undefined) item.need = need;
    // "-" is a printed zero here: nothing secured yet.
    item.secured = secured ?? 0;
    if (cols.remark >= 0 && row[cols.remark].trim() !== "") item.remark = row[cols.remark].trim();
    return item;
  });
  return {
    title: subject,
    unit: h.need?.unit ?? h.amount.unit,
    itemHeader: b.table[0][0].trim(),
    headers: { need: b.table[0][cols.need].trim(), secured: b.table[0][cols.secured].trim(), gap: b.table[0][cols.gap].trim() },
    items,
  };
}

// ---- breakdowns -----------------------------------------------------------------------------------

/** Per-source amounts of the fiscal year in the funding table: what a breakdown of that year must add up to. */
function fiscalColumn(f: TemplateFunding): Map<SourceKey, number> {
  const m = new Map<SourceKey, number>();
  for (const s of f.sources) m.set(s.source, s.amounts?.[String(FISCAL_YEAR)] ?? 0);
  return m;
}

function reconcile(items: BreakdownItem[], f: TemplateFunding): boolean {
  const want = fiscalColumn(f);
  const got = new Map<SourceKey, number>();
  for (const it of items) for (const [s, v] of Object.entries(it.splits ?? {})) got.set(s as SourceKey, (got.get(s as SourceKey) ?? 0) + (v ?? 0));
  for (const [s, v] of got) if (want.get(s) !== v) return false;
  for (const [s, v] of want) if (v !== 0 && got.get(s) !== v) return false;
  return true;
}

function orderedSources(items: BreakdownItem[]): SourceKey[] {
  const used = new Set<string>();
  for (const it of items) for (const s of Object.keys(it.splits ?? {})) used.add(s);
  return SOURCE_KEYS.filter((s) => used.has(s));
}

/** A table of items whose budget cells state an amount with its split: "24,000천원 (국비/시비/구비/민간) (16,800/…)". */
function breakdownFromTable(sheet: SeedSheet, f: TemplateFunding, where: string, notes: string[]): { breakdown: Breakdown; titleBlock?: number } | undefined {
  for (let i = 0; i < sheet.blocks.length; i++) {
    const b = sheet.blocks[i];
    if (!isTableBlock(b)) continue;
    const h = b.table[0];
    const amountCol = h.findIndex((x) => normalizeLabel(x) === "사업예산");
    const labelCol = h.findIndex((x) => normalizeLabel(x) === "사업내용");
    if (amountCol < 0 || labelCol < 0 || !b.table.some((r) => classifyLabel(r[0])?.kind === "total" && /천원|백만원/.test(r[amountCol]))) continue;
    const remarkCol = h.findIndex((x) => classifyLabel(x)?.kind === "remark");
    let unit: Unit | undefined;
    const items: BreakdownItem[] = [];
    for (const row of b.table.slice(1)) {
      if (classifyLabel(row[0])?.kind === "total") {
        unit = parseHeadline(row[amountCol])?.amount.unit;
        continue;
      }
      const label = row[labelCol].replace(/^[\s○◦·•]+/, "").trim();
      const cell = row[amountCol].trim();
      const notesText = [remarkCol >= 0 ? row[remarkCol].trim() : "", ""].filter((x) => x !== "");
      const hl = parseHeadline(cell);
      const item: BreakdownItem = { label };
      if (hl === undefined || hl.kind !== "amount") {
        // "비예산", "뉴딜사업 (시비)", "공모사업 (시비)": no amount in the plan; the note stays as a remark.
        notesText.push(cell);
      } else {
        item.amount = hl.amount.value;
        item.splits = splitsOf(hl.amount.value, hl.splits ?? [], `${where} "${label}"`, notes);
      }
      if (notesText.length > 0) item.remark = notesText.join(" · ");
      items.push(item);
    }
    if (unit !== f.unit) throw new Error(`build-templates: ${where}: breakdown unit ${String(unit)} differs from the funding table's ${f.unit}`);
    if (!reconcile(items, f)) throw new Error(`build-templates: ${where}: the breakdown does not add up to the funding table's ${FISCAL_YEAR} column`);
    const prev = sheet.blocks[i - 1];
    const out: Breakdown = { unit: f.unit, itemHeader: "구분", sources: orderedSources(items), items };
    if (prev !== undefined && !isTableBlock(prev)) {
      out.title = prev.text;
      return { breakdown: out, titleBlock: i - 1 };
    }
    return { breakdown: out };
  }
  return undefined;
}

type SplitParts = NonNullable<ReturnType<typeof parseHeadline>>["splits"];

function splitsOf(amount: number, parts: NonNullable<SplitParts>, where: string, notes: string[]): Partial<Record<SourceKey, number>> {
  const out: Partial<Record<SourceKey, number>> = {};
  const broken = parts.filter((p) => p.parsed.kind !== "number");
  if (broken.length > 1) throw new Error(`build-templates: ${where}: more than one unreadable split part`);
  let known = 0;
  for (const p of parts) {
    if (p.source === undefined) throw new Error(`build-templates: ${where}: split part "${p.label}" names no source`);
    if (p.parsed.kind === "number") {
      out[p.source] = p.parsed.value;
      known += p.parsed.value;
    }
  }
  if (broken.length === 1) {
    const p = broken[0];
    const restored = amount - known;
    notes.push(`${where}: printed split part "${p.parsed.text}" (${p.label}) is malformed; restored as ${restored} = ${amount} − the other parts`);
    out[p.source as SourceKey] = restored;
  }
  return out;
}

/** "기업지원센터 : 51,072 기업시민청 : 100,000(매칭)": 비고 of the funding table that itemises the fiscal year. */
function breakdownFromRemarks(f: TemplateFunding, where: string, notes: string[]): Breakdown | undefined {
  const byLabel = new Map<string, BreakdownItem>();
  const add = (source: SourceKey, text: string): void => {
    for (const m of text.matchAll(/([^\s:•][^:•]*?)\s*:\s*(\d[\d,]*)(?:천원)?(?:\s*\(([^)]*)\))?/g)) {
      const label = m[1].trim();
      // Read by the engine's number rules: a malformed figure ("24,00") stops the build instead of becoming 2400.
      const v = amountOf(m[2], `${where} 비고 "${label}"`) ?? 0;
      const item = byLabel.get(label) ?? { label, splits: {} };
      (item.splits as Partial<Record<SourceKey, number>>)[source] = v;
      if (m[3] !== undefined) item.remark = m[3].trim();
      byLabel.set(label, item);
    }
  };
  for (const s of f.sources) if (s.remark !== undefined) add(s.source, s.remark);
  // The 계 row's note itemises the total; it names a source only when there is one.
  if (byLabel.size === 0 && f.remark !== undefined && f.sources.length === 1) add(f.sources[0].source, f.remark);
  if (byLabel.size === 0) return undefined;
  const items = [...byLabel.values()].map((it) => ({ ...it, amount: Object.values(it.splits ?? {}).reduce((a, v) => a + (v ?? 0), 0) }));
  if (!reconcile(items, f)) {
    notes.push(`${where}: the funding table's 비고 itemises amounts that do not add up to ${FISCAL_YEAR}; no breakdown`);
    return undefined;
  }
  return { title: "○ 소요예산 내역", unit: f.unit, itemHeader: "구분", sources: orderedSources(items), items };
}

/** The catalog as committed: stable key order, two-space indent, final newline. */
export function catalogText(catalog: Catalog): string {
  return `${JSON.stringify(catalog, null, 2)}\n`;
}
