// `yesan template list|new`: the catalog's templates on the command line, and a new budget sheet from one of them.
import type { Lang } from "../core/findings/findings";
import { loadCatalog, type CatalogLoad, type FetchLike } from "../core/templates/catalog-source";
import { layoutTemplate, templateYears } from "../core/templates/layout";
import type { SheetPlan } from "../core/cells/sheet-plan";
import { MAX_YEAR, MIN_YEAR, type Catalog, type Template } from "../core/templates/schema";
import { describeProblem } from "../core/templates/validate";
import { BUNDLED_CATALOG } from "../core/templates/bundled";
import type { Command, Io } from "./io";
import { parseCommandLine } from "./options";
import { TEMPLATE_CLI_TEXT, type TemplateCliText } from "./template-messages";
import { writePlanXlsx } from "./write-plan-xlsx";
import { displayWidth } from "./sample-layout";

export interface TemplateCommandDeps {
  fetch: FetchLike;
  bundled: Catalog;
  /** Catalog fetch timeout; the default of catalog-source when absent. */
  timeoutMs?: number;
}

/** The command with its outside world given: tests pass a fetch that trusts their own https server. */
export function makeTemplateCommand(deps: TemplateCommandDeps): Command {
  return (argv, io) => run(argv, io, deps);
}

/** `argv` starts with "template"; resolves to the exit code (0 done, 2 bad input or unwritable file). */
export const templateCommand: Command = (argv, io) => run(argv, io, { fetch: (url, init) => fetch(url, init), bundled: BUNDLED_CATALOG });

async function run(argv: string[], io: Io, deps: TemplateCommandDeps): Promise<number> {
  const options = {
    year: { type: "string" },
    catalog: { type: "string" },
    out: { type: "string", short: "o" },
    force: { type: "boolean", default: false },
  } as const;
  const line = parseCommandLine(argv, io, "template", options, { ko: TEMPLATE_CLI_TEXT.ko.usage, en: TEMPLATE_CLI_TEXT.en.usage });
  if (typeof line === "number") return line;
  const { values, positionals, lang } = line;
  const t = TEMPLATE_CLI_TEXT[lang];
  const [, sub, ...rest] = positionals; // positionals[0] is "template"
  if (sub === undefined) {
    io.err(`${t.usage}\n`);
    return 2;
  }
  if (sub === "list") {
    if (rest.length > 0) return fail(io, t.extraArgs(rest));
    const load = await catalog(values.catalog, deps, io, lang);
    io.out(line.format === "json" ? listJson(load) : listText(load, t));
    return 0;
  }
  if (sub === "new") {
    const [id, ...extra] = rest;
    if (id === undefined) return fail(io, t.missingId);
    if (extra.length > 0) return fail(io, t.extraArgs(extra));
    if (values.out === undefined || values.out === "") return fail(io, t.missingOut);
    let year: number | undefined;
    if (values.year !== undefined) {
      year = /^\d{4}$/.test(values.year) ? Number(values.year) : NaN;
      if (!(year >= MIN_YEAR && year <= MAX_YEAR)) return fail(io, t.badYear(values.year, MIN_YEAR, MAX_YEAR));
    }
    const load = await catalog(values.catalog, deps, io, lang);
    const template = load.templates.find((x) => x.id === id);
    if (template === undefined) return fail(io, t.unknownId(id, nearMatches(id, load.templates)));
    return writeTemplate(template, year, values.out, values.force, io, t);
  }
  return fail(io, `${t.unknownSub(sub)}\n${t.usage}`);
}

function fail(io: Io, message: string): number {
  io.err(`${message}\n`);
  return 2;
}

/** The catalog, saying on stderr when it fell back or left templates out (the command still goes on). */
async function catalog(url: string | undefined, deps: TemplateCommandDeps, io: Io, lang: Lang): Promise<CatalogLoad> {
  const load = await loadCatalog(url, deps.fetch, deps.bundled, deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs });
  if (load.notice !== undefined) io.err(`${load.notice[lang]}\n`);
  if (load.invalid.length > 0) {
    io.err(`${TEMPLATE_CLI_TEXT[lang].invalidHeading(load.invalid.length)}\n`);
    for (const x of load.invalid) for (const p of x.problems) io.err(`  ${describeProblem(p, lang)}\n`);
  }
  return load;
}

async function writeTemplate(template: Template, year: number | undefined, out: string, force: boolean, io: Io, t: TemplateCliText): Promise<number> {
  let plan: SheetPlan;
  try {
    plan = layoutTemplate(template, year === undefined ? {} : { year });
  } catch (e) {
    return fail(io, t.cannotLayout(template.id, (e as Error).message));
  }
  try {
    // "wx" rather than a check before writing: nothing can slip a file in between.
    await writePlanXlsx([plan], out, { flag: force ? "w" : "wx" });
  } catch (e) {
    const code = typeof e === "object" && e !== null && "code" in e ? String(e.code) : undefined;
    if (code === "EEXIST") return fail(io, t.outExists(out));
    return fail(io, t.cannotWrite(out, code ?? (e as Error).message));
  }
  const years = templateYears(template, year);
  io.out(`${t.wrote(out, template.id, template.program, plan.sheet, years.first, years.last)}\n`);
  const charts = plan.charts?.length ?? 0;
  if (charts > 0) io.out(`${t.chartsSkipped(charts)}\n`);
  return 0;
}

function listJson(load: CatalogLoad): string {
  const templates = load.templates.map((x) => ({
    id: x.id,
    version: x.version,
    program: x.program,
    department: x.department,
    ...(x.team === undefined ? {} : { team: x.team }),
    kind: x.kind,
    fiscalYear: x.fiscalYear,
    layout: x.book === undefined ? "plan" : "book",
    years: templateYears(x),
  }));
  const invalid = load.invalid.map((x) => ({ ...(x.id === undefined ? {} : { id: x.id }), index: x.index, problems: x.problems }));
  const head = { source: load.source, ...(load.url === undefined ? {} : { url: load.url }), catalogVersion: load.catalogVersion };
  return JSON.stringify({ ...head, templates, invalid, ...(load.notice === undefined ? {} : { notice: load.notice }) }, null, 2) + "\n";
}

function listText(load: CatalogLoad, t: TemplateCliText): string {
  const c = t.columns;
  const rows = [[c.id, c.version, c.kind, c.years, c.department, c.program]];
  for (const x of load.templates) {
    const years = templateYears(x);
    rows.push([x.id, x.version, t.kinds[x.kind], t.years(years.first, years.last), x.department, x.program]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i]))));
  const lines = rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell + " ".repeat(widths[i] - displayWidth(cell)))).join("  "));
  return `${t.listHeading(load.templates.length, load.source, load.catalogVersion, load.url)}\n${lines.join("\n")}\n`;
}

/**
 * Up to five ids close to `query`: a typo in the id, a part of the id or of the program's name; only when there is
 * none of those, ids sharing a word with it ("animal-…").
 */
function nearMatches(query: string, templates: readonly Template[]): string[] {
  const q = query.toLowerCase().replace(/\s+/g, "");
  const close: { id: string; score: number }[] = [];
  const related: { id: string; score: number }[] = [];
  const queryWords = q.split(/[-_]/).filter((w) => w.length >= 3);
  for (const x of templates) {
    const id = x.id.toLowerCase();
    const program = x.program.replace(/\s+/g, "").toLowerCase();
    const d = editDistance(q, id);
    if (q.length >= 2 && (id.includes(q) || program.includes(q))) close.push({ id: x.id, score: 0 });
    else if (d <= Math.max(2, Math.floor(id.length / 4))) close.push({ id: x.id, score: d });
    else {
      const words = new Set(id.split("-"));
      const shared = queryWords.filter((w) => words.has(w)).length;
      if (shared > 0) related.push({ id: x.id, score: -shared });
    }
  }
  return (close.length > 0 ? close : related)
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, 5)
    .map((s) => s.id);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
