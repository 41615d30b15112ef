// A program template: what a budget officer starts a year's plan from. It holds the program's identity, the text
// sections of the plan document and the STRUCTURE of its tables (sources, years, unit), with the printed amounts
// as optional defaults. Totals are never stored: the layout writes them as formulas (see layout.ts), so a
// template cannot carry a printed arithmetic mistake forward.
//
// Catalog format (templates/catalog.json, and what a catalog URL serves):
//   { "catalogVersion": "1.0.0", "templates": [ <Template>, … ] }
// A catalog holds FULL templates, not summaries: the bundled catalog is small (15 programs, ~60 kB), and a
// fetcher then needs one request and one validation. Template ids are unique within a catalog; a new revision of
// a template replaces the old one and bumps its `version`.
import { z } from "zod";
import { UNITS, type Unit } from "../numbers/units";
import { BookSchema } from "./book-schema";
import { SourceKeySchema } from "./source-schema";
export { SOURCE_KEYS, SourceKeySchema } from "./source-schema";

/** Years a plan can name; the engine's year labels use the same window. */
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2099;
/** A funding table spans at most this many years (the seeds print 2 to 6). */
export const MAX_YEAR_SPAN = 15;

const year = z.int().min(MIN_YEAR).max(MAX_YEAR);
// Amounts are whole numbers ≥ 0 in the table's unit: the input cells' validation accepts the same.
const amount = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const text = z.string().trim().min(1);
const lines = z.array(z.string());

export const UnitSchema = z.enum(UNITS as readonly Unit[] as [Unit, ...Unit[]], { error: "unit" });
/** "2021" → amount, in the table's unit. */
export const YearAmountsSchema = z.record(z.string().regex(/^\d{4}$/, { error: "yearKey" }), amount);

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// semver 2.0.0 core with optional pre-release and build (the official regex, without named groups).
export const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const YEAR_MONTH = /^\d{4}(?:-(?:0[1-9]|1[0-2]))?$/;

export const PeriodSchema = z.strictObject({
  /** "2021" or "2021-01". */
  start: z.string().regex(YEAR_MONTH, { error: "yearMonth" }).optional(),
  /** "2021" or "2021-12"; absent for an open-ended program. */
  end: z.string().regex(YEAR_MONTH, { error: "yearMonth" }).optional(),
  /** As printed: "2021. 1. ~ 12.". */
  text: z.string().optional(),
});

/** The four text sections of a program page, in the order the seeds print them. */
export const SectionsSchema = z.strictObject({
  /** 사업개요 */
  overview: lines.optional(),
  /** 추진실적 */
  results: lines.optional(),
  /** 문제점 및 개선방안 */
  issues: lines.optional(),
  /** 추진계획 */
  plan: lines.optional(),
});
export type SectionKey = keyof z.infer<typeof SectionsSchema>;
/** Headings as the program printed them where they differ from SECTION_TITLES ("추진경과", "향후계획"). */
export const SectionTitlesSchema = z.strictObject({
  overview: text.optional(),
  results: text.optional(),
  issues: text.optional(),
  plan: text.optional(),
});
export const SECTION_KEYS: readonly SectionKey[] = ["overview", "results", "issues", "plan"];
/** Section headings as the seeds print them ("□ 사업개요"). */
export const SECTION_TITLES: Record<SectionKey, { ko: string; en: string }> = {
  overview: { ko: "사업개요", en: "Overview" },
  results: { ko: "추진실적", en: "Results" },
  issues: { ko: "문제점 및 개선방안", en: "Problems and improvements" },
  plan: { ko: "추진계획", en: "Plan" },
};

export const FundingSourceSchema = z.strictObject({
  source: SourceKeySchema,
  /** Shown instead of the source's Korean name (e.g. "국고"); must still read as that source. */
  label: text.optional(),
  /** Printed amounts per year, as defaults for the input cells. */
  amounts: YearAmountsSchema.optional(),
  /** 비고 */
  remark: z.string().optional(),
});

/** 재원별 | 합계 | 연차별 소요재원 (years…): one row per source; the 계 row and 합계 column are formulas. */
export const FundingSchema = z.strictObject({
  sources: z.array(FundingSourceSchema).min(1),
  firstYear: year,
  lastYear: year,
  unit: UnitSchema,
  /** 비고 of the 계 row. */
  remark: z.string().optional(),
});

export const NeedItemSchema = z.strictObject({
  label: text,
  need: amount.optional(),
  secured: amount.optional(),
  /** 비고 */
  remark: z.string().optional(),
});

/** 항목 | 총사업비 | 확보액 | 미확보액: the gap column is a formula (need − secured). */
export const NeedTableSchema = z.strictObject({
  /** What is needed, e.g. "독산동우시장 그린푸줏간 조성비": the layout states "<title> N 중 M 부족" above the table, live. */
  title: z.string().optional(),
  unit: UnitSchema,
  /** Header of the item column (default 세부사업명). */
  itemHeader: text.optional(),
  /** Column headers as printed (defaults 사업비, 확보액, 미확보액); each must read as its role to the checker. */
  headers: z.strictObject({ need: text.optional(), secured: text.optional(), gap: text.optional() }).optional(),
  items: z.array(NeedItemSchema).min(1),
});

export const BreakdownItemSchema = z.strictObject({
  label: text,
  /** The printed amount; the layout writes the amount as the sum of the splits, this only has to agree with them. */
  amount: amount.optional(),
  splits: z.partialRecord(SourceKeySchema, amount).optional(),
  remark: z.string().optional(),
});

/** 구분 | 금액 | one column per source: each item's amount is a formula over its splits; a 계 row sums the items. */
export const BreakdownSchema = z.strictObject({
  /** The line above the table, e.g. "○ 핵심역량 강화 사업". */
  title: z.string().optional(),
  unit: UnitSchema,
  /** Header of the item column (default 구분). */
  itemHeader: text.optional(),
  sources: z.array(SourceKeySchema).min(1),
  items: z.array(BreakdownItemSchema).min(1),
});

export const TemplateSchema = z.strictObject({
  id: z.string().regex(SLUG, { error: "slug" }).max(60),
  version: z.string().regex(SEMVER, { error: "semver" }),
  fiscalYear: year,
  /** 사업명 */
  program: text,
  /** A short name for sheet names and lists (e.g. "전통시장 경영현대화"). */
  shortTitle: text.optional(),
  /** 부서 (e.g. 지역경제과) */
  department: text,
  /** 팀 (e.g. 경제진흥팀); absent where the source document does not say. */
  team: text.optional(),
  kind: z.enum(["계속", "신규"]),
  period: PeriodSchema.optional(),
  sections: SectionsSchema.optional(),
  sectionTitles: SectionTitlesSchema.optional(),
  /** The program page's funding table; a book template (below) has none. One of `funding` and `book` is given. */
  funding: FundingSchema.optional(),
  needTable: NeedTableSchema.optional(),
  breakdown: BreakdownSchema.optional(),
  /** A 세부사업 as the budget book (세출예산서) prints it, laid out as a page of the book (see book-schema.ts). */
  book: BookSchema.optional(),
});

export type Template = z.infer<typeof TemplateSchema>;
/** A template of a program page, with its funding table. */
export type PlanTemplate = Template & { funding: TemplateFunding };
/** A template of a page of the budget book. */
export type BookTemplate = Template & { book: NonNullable<Template["book"]> };
export const isBookTemplate = (t: Template): t is BookTemplate => t.book !== undefined;
export const isPlanTemplate = (t: Template): t is PlanTemplate => t.funding !== undefined;
export type TemplateFunding = z.infer<typeof FundingSchema>;
export type FundingSource = z.infer<typeof FundingSourceSchema>;
export type NeedTable = z.infer<typeof NeedTableSchema>;
export type NeedItem = z.infer<typeof NeedItemSchema>;
export type Breakdown = z.infer<typeof BreakdownSchema>;
export type BreakdownItem = z.infer<typeof BreakdownItemSchema>;
export type Period = z.infer<typeof PeriodSchema>;
export type Sections = z.infer<typeof SectionsSchema>;

export const CatalogSchema = z.strictObject({
  catalogVersion: z.string().regex(SEMVER, { error: "semver" }),
  templates: z.array(z.unknown()),
});

export interface Catalog {
  catalogVersion: string;
  templates: Template[];
}

/** The short line a catalog listing shows; derived, not stored. */
export interface TemplateSummary {
  id: string;
  version: string;
  title: string;
  shortTitle?: string;
  fiscalYear: number;
  department: string;
  team?: string;
  kind: Template["kind"];
}

export function summarize(t: Template): TemplateSummary {
  const s: TemplateSummary = { id: t.id, version: t.version, title: t.program, fiscalYear: t.fiscalYear, department: t.department, kind: t.kind };
  if (t.team !== undefined) s.team = t.team;
  if (t.shortTitle !== undefined) s.shortTitle = t.shortTitle;
  return s;
}
