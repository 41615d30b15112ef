// Validation of templates and catalogs from untrusted JSON (a catalog URL, a file the officer picked).
// The result is the typed data or a list of problems, each naming the template (id, or position when the id is
// unreadable) and the field path, in Korean and English. Shape problems come from the zod schema; rules across
// fields (years in range, splits adding up, labels the checker recognises) run once the shape is right, since
// they need the fields to exist.
import type { $ZodIssue } from "zod/v4/core";
import { classifyLabel, SOURCE_NAMES } from "../layout/labels";
import { classifyCleaned } from "../layout/labels";
import { CatalogSchema, MAX_YEAR_SPAN, TemplateSchema, type Catalog, type PlanTemplate, type Template } from "./schema";
import { bookProblems } from "./validate-book";
import { FORMAT_KEYS, TEMPLATE_MSG, templateRef, type FormatKey, type Text } from "./messages";

export interface TemplateProblem {
  /** The template's id, or "#n" (1-based position in the catalog) when it has no valid id; "" for the catalog itself. */
  template: string;
  /** Field path inside the template (or catalog), e.g. "funding.sources[1].label"; "" for the whole object. */
  path: string;
  message: Text;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: TemplateProblem[] };

export function validateTemplate(json: unknown): Validated<Template> {
  return validateAt(json, undefined);
}

/** One template of a catalog with its own verdict, and where it sits. */
export interface CatalogEntry {
  /** 0-based position in the catalog's `templates`. */
  index: number;
  /** The template's id when it has a readable one (also when the template is invalid). */
  id?: string;
  result: Validated<Template>;
}

export type CatalogEntries = { ok: true; catalogVersion: string; entries: CatalogEntry[] } | { ok: false; problems: TemplateProblem[] };

/**
 * A catalog checked once: the envelope, then each template (shape, then the rules across fields), in catalog order.
 * The first valid template of an id wins; a later one with the same id is invalid ("id" named twice). Both
 * validateCatalog (all or nothing) and the catalog loader (keeps the good templates) read this one pass.
 */
export function validateCatalogEntries(json: unknown): CatalogEntries {
  const env = CatalogSchema.safeParse(json, { reportInput: true });
  if (!env.success) return { ok: false, problems: env.error.issues.map((i) => problemOf(i, "")) };
  const seen = new Set<string>();
  const entries = env.data.templates.map((item, index): CatalogEntry => {
    let result = validateAt(item, index);
    if (result.ok) {
      const id = result.value.id;
      if (seen.has(id)) result = { ok: false, problems: [{ template: id, path: "id", message: TEMPLATE_MSG.duplicateId(id) }] };
      seen.add(id);
    }
    const id = idOf(item);
    return id === undefined ? { index, result } : { index, id, result };
  });
  return { ok: true, catalogVersion: env.data.catalogVersion, entries };
}

export function validateCatalog(json: unknown): Validated<Catalog> {
  const read = validateCatalogEntries(json);
  if (!read.ok) return read;
  // Paths are inside the template; the catalog position is in `template` ("#3") or named by its id.
  const problems = read.entries.flatMap((e) => (e.result.ok ? [] : e.result.problems));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { catalogVersion: read.catalogVersion, templates: read.entries.flatMap((e) => (e.result.ok ? [e.result.value] : [])) } };
}

/** validateCatalog over the text of a catalog file: a JSON syntax error is a problem too. */
export function validateCatalogText(text: string): Validated<Catalog> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ template: "", path: "", message: TEMPLATE_MSG.notJson(e instanceof Error ? e.message : String(e)) }] };
  }
  return validateCatalog(json);
}

/** One line per problem: "템플릿 x · funding.unit: …". */
export function describeProblem(p: TemplateProblem, lang: "ko" | "en"): string {
  const who = p.template === "" ? (lang === "ko" ? "카탈로그" : "catalog") : p.template.startsWith("#") ? templateRef(undefined, Number(p.template.slice(1)) - 1)[lang] : templateRef(p.template, undefined)[lang];
  return p.path === "" ? `${who}: ${p.message[lang]}` : `${who} · ${p.path}: ${p.message[lang]}`;
}

function validateAt(json: unknown, index: number | undefined): Validated<Template> {
  // zod's records skip a "__proto__" key without a word (JSON.parse keeps it as an own key): an amount under it
  // would vanish from the template. Refuse the template and name the field instead.
  const reserved = reservedKeyPaths(json);
  if (reserved.length > 0) {
    const who = idOf(json) ?? (index === undefined ? "" : `#${index + 1}`);
    return { ok: false, problems: reserved.map((path) => ({ template: who, path: pathText(path), message: TEMPLATE_MSG.reservedKey("__proto__") })) };
  }
  // reportInput: tells a missing field (input undefined) from a wrong one in the messages.
  const parsed = TemplateSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    const who = idOf(json) ?? (index === undefined ? "" : `#${index + 1}`);
    return { ok: false, problems: parsed.error.issues.map((i) => problemOf(i, who)) };
  }
  const t = parsed.data;
  const problems = crossFieldProblems(t).map(({ path, message }) => ({ template: t.id, path, message }));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: t };
}

/** Paths of the own "__proto__" keys anywhere in `json`, walked without recursion (JSON can nest deeply). */
function reservedKeyPaths(json: unknown): PropertyKey[][] {
  const out: PropertyKey[][] = [];
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: json, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== "object" || value === null) continue;
    if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
      continue;
    }
    for (const key of Object.keys(value)) {
      if (key === "__proto__") out.push([...path, key]);
      else stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return out.reverse();
}

function idOf(json: unknown): string | undefined {
  if (typeof json !== "object" || json === null) return undefined;
  const id = (json as Record<string, unknown>).id;
  return typeof id === "string" && id.trim() !== "" ? id : undefined;
}

function crossFieldProblems(t: Template): { path: string; message: Text }[] {
  if ((t.funding === undefined) === (t.book === undefined)) return [{ path: "", message: TEMPLATE_MSG.fundingOrBook() }];
  if (t.book !== undefined) {
    const out = bookProblems(t.book);
    if (t.needTable !== undefined || t.breakdown !== undefined) out.push({ path: t.needTable !== undefined ? "needTable" : "breakdown", message: TEMPLATE_MSG.bookWithPlanTables() });
    return out;
  }
  return planProblems(t as PlanTemplate);
}

function planProblems(t: PlanTemplate): { path: string; message: Text }[] {
  const out: { path: string; message: Text }[] = [];
  const f = t.funding;
  if (f.lastYear < f.firstYear) out.push({ path: "funding.lastYear", message: TEMPLATE_MSG.yearOrder(f.firstYear, f.lastYear) });
  else if (f.lastYear - f.firstYear + 1 > MAX_YEAR_SPAN) out.push({ path: "funding.lastYear", message: TEMPLATE_MSG.yearSpan(f.firstYear, f.lastYear, MAX_YEAR_SPAN) });
  else if (t.fiscalYear < f.firstYear || t.fiscalYear > f.lastYear) out.push({ path: "fiscalYear", message: TEMPLATE_MSG.fiscalYearOutside(t.fiscalYear, f.firstYear, f.lastYear) });
  const seen = new Set<string>();
  f.sources.forEach((s, i) => {
    const at = `funding.sources[${i}]`;
    const name = SOURCE_NAMES[s.source].ko;
    if (seen.has(s.source)) out.push({ path: `${at}.source`, message: TEMPLATE_MSG.duplicateSource(name) });
    seen.add(s.source);
    if (s.label !== undefined) {
      const cls = classifyLabel(s.label);
      if (cls?.kind !== "source" || cls.source !== s.source) out.push({ path: `${at}.label`, message: TEMPLATE_MSG.labelNotSource(s.label, name) });
    }
    for (const key of Object.keys(s.amounts ?? {})) {
      const y = Number(key);
      if (y < f.firstYear || y > f.lastYear) out.push({ path: `${at}.amounts.${key}`, message: TEMPLATE_MSG.yearOutside(y, f.firstYear, f.lastYear) });
    }
  });
  const n = t.needTable;
  if (n !== undefined) {
    for (const role of ["need", "secured", "gap"] as const) {
      const h = n.headers?.[role];
      if (h !== undefined && classifyLabel(h)?.kind !== role) out.push({ path: `needTable.headers.${role}`, message: TEMPLATE_MSG.headerRole(h, role) });
    }
    if (n.itemHeader !== undefined && reserved(n.itemHeader)) out.push({ path: "needTable.itemHeader", message: TEMPLATE_MSG.headerReserved(n.itemHeader) });
    n.items.forEach((item, i) => {
      if (readsAsTotal(item.label)) out.push({ path: `needTable.items[${i}].label`, message: TEMPLATE_MSG.labelIsTotal(item.label) });
    });
  }
  const b = t.breakdown;
  if (b !== undefined) {
    const cols = new Set<string>();
    b.sources.forEach((s, i) => {
      if (cols.has(s)) out.push({ path: `breakdown.sources[${i}]`, message: TEMPLATE_MSG.duplicateSource(SOURCE_NAMES[s].ko) });
      cols.add(s);
    });
    if (b.itemHeader !== undefined && reserved(b.itemHeader)) out.push({ path: "breakdown.itemHeader", message: TEMPLATE_MSG.headerReserved(b.itemHeader) });
    b.items.forEach((item, i) => {
      const at = `breakdown.items[${i}]`;
      if (readsAsTotal(item.label)) out.push({ path: `${at}.label`, message: TEMPLATE_MSG.labelIsTotal(item.label) });
      let sum = 0;
      for (const [s, v] of Object.entries(item.splits ?? {})) {
        if (!cols.has(s)) out.push({ path: `${at}.splits.${s}`, message: TEMPLATE_MSG.splitNotInSources(SOURCE_NAMES[s as keyof typeof SOURCE_NAMES].ko) });
        sum += v ?? 0;
      }
      // The layout writes the amount as the sum of the splits; a lone source column takes the amount as its split.
      const implied = item.splits === undefined && b.sources.length === 1;
      if (item.amount !== undefined && !implied && item.amount !== sum) out.push({ path: `${at}.amount`, message: TEMPLATE_MSG.splitSum(item.amount, sum) });
    });
  }
  return out;
}

// The checker reads row labels after dropping bullets and a trailing note ("○ 계 (2021)" is a total row).
const readsAsTotal = (label: string): boolean => classifyCleaned(label)?.kind === "total";
// An item column header that reads as an amount role would make the checker misread the table.
const reserved = (header: string): boolean => {
  const k = classifyCleaned(header)?.kind;
  return k !== undefined && k !== "header";
};

const pathText = (path: readonly PropertyKey[]): string => {
  let s = "";
  for (const p of path) {
    if (typeof p === "number") s += `[${p}]`;
    else s += s === "" ? String(p) : `.${String(p)}`;
  }
  return s;
};

function problemOf(issue: $ZodIssue, template: string): TemplateProblem {
  return { template, path: pathText(issue.path), message: messageOf(issue) };
}

function messageOf(issue: $ZodIssue): Text {
  if ((FORMAT_KEYS as readonly string[]).includes(issue.message)) return TEMPLATE_MSG[issue.message as FormatKey]();
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? TEMPLATE_MSG.required() : issue.expected === "int" ? TEMPLATE_MSG.notInteger() : TEMPLATE_MSG.wrongType(issue.expected);
    case "too_small":
      return TEMPLATE_MSG.tooSmall(issue.origin, Number(issue.minimum));
    case "too_big":
      return TEMPLATE_MSG.tooBig(issue.origin, Number(issue.maximum));
    case "unrecognized_keys":
      return TEMPLATE_MSG.unknownKeys(issue.keys);
    case "invalid_value":
      return TEMPLATE_MSG.oneOf(issue.values.map((v) => String(v)));
    case "invalid_key":
    // A record key (or element) that failed: for year-keyed amounts the inner issue says which format.
    case "invalid_element":
      return issue.issues.length > 0 ? messageOf(issue.issues[0]) : TEMPLATE_MSG.invalid();
    default:
      return TEMPLATE_MSG.invalid();
  }
}
