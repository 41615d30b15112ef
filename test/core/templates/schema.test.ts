// The template schema: every bundled template is accepted; broken templates are rejected with the template and
// the field named, in Korean and in English.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describeProblem, validateCatalog, validateCatalogText, validateTemplate, type TemplateProblem } from "../../../src/core/templates/validate";
import { summarize, type Template } from "../../../src/core/templates/schema";

const root = path.resolve(__dirname, "../../..");
const raw: { catalogVersion: string; templates: Record<string, unknown>[] } = JSON.parse(readFileSync(path.join(root, "templates/catalog.json"), "utf8"));
const seeds: { workbooks: { sheets: { name: string; program?: string }[] }[] } = JSON.parse(readFileSync(path.join(root, "samples/seed-plan.json"), "utf8"));

// A small valid template, written by hand from the seed's 동물보호사업 page (sheet 12): 국·시·구비, 2020–2023, 천원.
const BASE = {
  id: "animal-protection",
  version: "1.0.0",
  fiscalYear: 2021,
  program: "동물보호사업 안정화",
  department: "지역경제과",
  team: "생활유통팀",
  kind: "계속",
  funding: {
    sources: [
      { source: "national", amounts: { "2021": 8661 } },
      { source: "city", amounts: { "2021": 39770 } },
      { source: "district", amounts: { "2021": 48907 } },
    ],
    firstYear: 2020,
    lastYear: 2023,
    unit: "천원",
  },
};

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function problems(json: unknown): TemplateProblem[] {
  const r = validateTemplate(json);
  if (r.ok) throw new Error("expected problems, got a valid template");
  return r.problems;
}

test("every bundled template is valid, and the catalog as a whole", () => {
  expect(raw.templates).toHaveLength(16);
  for (const t of raw.templates) {
    const r = validateTemplate(t);
    expect(r.ok ? [] : r.problems.map((p) => describeProblem(p, "en"))).toEqual([]);
  }
  const c = validateCatalog(raw);
  expect(c.ok).toBe(true);
});

test("the catalog has one template per program of the seeds, ids unique, fiscal year 2021; then the book page", () => {
  const all = validateCatalog(raw);
  if (!all.ok) throw new Error("invalid");
  // The 16th is hand-written (samples/book-templates.json): the budget book's page for a new 세부사업.
  expect(all.value.templates.slice(15).map((t) => [t.id, t.book !== undefined, t.funding === undefined])).toEqual([["book-new-program", true, true]]);
  const c = { value: { templates: all.value.templates.slice(0, 15) } };
  const programs = seeds.workbooks.flatMap((wb) => wb.sheets.flatMap((s) => (s.program === undefined ? [] : [s.program])));
  expect(programs).toHaveLength(15); // sheets 01–14 and the 도시형소공인 card
  expect(c.value.templates.map((t) => t.program)).toEqual(programs);
  expect(new Set(c.value.templates.map((t) => t.id)).size).toBe(15);
  expect(c.value.templates.every((t) => t.fiscalYear === 2021)).toBe(true);
  // The kind column of the plan's 주요사업 목록: only 5 (휴머노이드) is 신규.
  expect(c.value.templates.filter((t) => t.kind === "신규").map((t) => t.program)).toEqual(["휴머노이드 기술창업 지원시설 구축을 통한 금천G밸리 경쟁력 강화"]);
});

test("the hand-written base template is valid and summarises to its listing line", () => {
  const r = validateTemplate(BASE);
  expect(r.ok).toBe(true);
  if (r.ok) expect(summarize(r.value)).toEqual({ id: "animal-protection", version: "1.0.0", title: "동물보호사업 안정화", fiscalYear: 2021, department: "지역경제과", team: "생활유통팀", kind: "계속" });
});

// Each case breaks one field; the problem must name the template and that field's path.
const BROKEN: { what: string; edit: (t: Record<string, any>) => void; path: string; ko: RegExp; en: RegExp }[] = [
  { what: "id not a slug", edit: (t) => (t.id = "Animal Protection"), path: "id", ko: /슬러그/, en: /slug/ },
  { what: "version not semver", edit: (t) => (t.version = "1.0"), path: "version", ko: /semver/, en: /semver/ },
  { what: "fiscal year not a year", edit: (t) => (t.fiscalYear = 21), path: "fiscalYear", ko: /1990 이상/, en: /at least 1990/ },
  { what: "program missing", edit: (t) => delete t.program, path: "program", ko: /필수/, en: /required/ },
  { what: "kind unknown", edit: (t) => (t.kind = "완료"), path: "kind", ko: /계속, 신규/, en: /계속, 신규/ },
  { what: "unit not a money unit", edit: (t) => (t.funding.unit = "개소"), path: "funding.unit", ko: /천원/, en: /천원/ },
  { what: "source unknown", edit: (t) => (t.funding.sources[1].source = "city-hall"), path: "funding.sources[1].source", ko: /national/, en: /national/ },
  { what: "amount with a fraction", edit: (t) => (t.funding.sources[2].amounts["2021"] = 48907.5), path: "funding.sources[2].amounts.2021", ko: /정수/, en: /whole number/ },
  { what: "negative amount", edit: (t) => (t.funding.sources[0].amounts["2021"] = -1), path: "funding.sources[0].amounts.2021", ko: /0 이상/, en: /at least 0/ },
  { what: "amount as text", edit: (t) => (t.funding.sources[0].amounts["2021"] = "8,661"), path: "funding.sources[0].amounts.2021", ko: /숫자/, en: /number/ },
  { what: "year key of two digits", edit: (t) => (t.funding.sources[0].amounts = { "21": 8661 }), path: "funding.sources[0].amounts.21", ko: /네 자리/, en: /four digits/ },
  { what: "unknown field", edit: (t) => (t.funding.total = 387614), path: "funding", ko: /알 수 없는 항목.*total/, en: /Unknown field.*total/ },
  { what: "no sources", edit: (t) => (t.funding.sources = []), path: "funding.sources", ko: /1개 이상/, en: /at least 1/ },
  { what: "years reversed", edit: (t) => (t.funding.lastYear = 2019), path: "funding.lastYear", ko: /2019.*2020/, en: /2019.*2020/ },
  { what: "fiscal year outside the table", edit: (t) => (t.fiscalYear = 2025), path: "fiscalYear", ko: /2025/, en: /2025/ },
  { what: "amount outside the years", edit: (t) => (t.funding.sources[0].amounts["2024"] = 1), path: "funding.sources[0].amounts.2024", ko: /2024/, en: /2024/ },
  { what: "source twice", edit: (t) => (t.funding.sources[2].source = "city"), path: "funding.sources[2].source", ko: /시비.*두 번/, en: /시비.*twice/ },
  { what: "label the checker reads as another source", edit: (t) => (t.funding.sources[0].label = "시비"), path: "funding.sources[0].label", ko: /국비/, en: /국비/ },
  { what: "period not a year-month", edit: (t) => (t.period = { start: "2021.1" }), path: "period.start", ko: /2021-01/, en: /2021-01/ },
  {
    what: "breakdown amount disagreeing with its split",
    edit: (t) => (t.breakdown = { unit: "천원", sources: ["national", "city"], items: [{ label: "유기동물 보호", amount: 40000, splits: { national: 8661, city: 30000 } }] }),
    path: "breakdown.items[0].amount",
    ko: /40000.*38661/,
    en: /40000.*38661/,
  },
  {
    what: "split on a source the breakdown has no column for",
    edit: (t) => (t.breakdown = { unit: "천원", sources: ["city"], items: [{ label: "유기동물 보호", splits: { district: 10 } }] }),
    path: "breakdown.items[0].splits.district",
    ko: /구비/,
    en: /구비/,
  },
  {
    what: "breakdown item named like a total",
    edit: (t) => (t.breakdown = { unit: "천원", sources: ["city"], items: [{ label: "○ 합 계" }] }),
    path: "breakdown.items[0].label",
    ko: /합계 행/,
    en: /total row/,
  },
  {
    what: "need table header that does not read as secured",
    edit: (t) => (t.needTable = { unit: "백만원", headers: { secured: "집행액" }, items: [{ label: "시설현대화", need: 14729, secured: 13256 }] }),
    path: "needTable.headers.secured",
    ko: /확보액/,
    en: /secured/,
  },
];

test.each(BROKEN)("rejects: $what", ({ edit, path: field, ko, en }) => {
  const t = clone(BASE) as Record<string, any>;
  edit(t);
  const ps = problems(t);
  const p = ps.find((x) => x.path === field);
  expect(p).toBeDefined();
  const named = typeof t.id === "string" ? t.id : "";
  expect(p?.template).toBe(named);
  expect(p?.message.ko).toMatch(ko);
  expect(p?.message.en).toMatch(en);
  // Korean first: the Korean text is Korean.
  expect(p?.message.ko).toMatch(/[가-힣]/);
  expect(describeProblem(p as TemplateProblem, "ko")).toContain(`템플릿 ${named}`);
  expect(describeProblem(p as TemplateProblem, "en")).toContain(`template ${named} · ${field}:`);
});

test("in a catalog, a template without a readable id is named by its position", () => {
  const noId = clone(BASE) as Record<string, any>;
  delete noId.id;
  const r = validateCatalog({ catalogVersion: "1.0.0", templates: [clone(BASE), noId] });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.problems).toEqual([{ template: "#2", path: "id", message: expect.objectContaining({ en: "This field is required." }) }]);
  expect(describeProblem(r.problems[0], "ko")).toBe("템플릿 #2 · id: 필수 항목이 없습니다.");
});

test("a catalog names every broken template and drops none silently; duplicate ids are a problem", () => {
  const bad = clone(BASE) as Record<string, any>;
  bad.id = "broken-one";
  bad.funding.unit = "달러";
  const r = validateCatalog({ catalogVersion: "1.0.0", templates: [clone(BASE), bad, clone(BASE)] });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.problems.map((p) => `${p.template} ${p.path}`)).toEqual(["broken-one funding.unit", "animal-protection id"]);
  expect(r.problems[1].message.en).toMatch(/twice/);
});

test("the catalog envelope: version and templates are checked, bad JSON is a problem", () => {
  const r = validateCatalog({ catalogVersion: "one", templates: {} });
  expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(["catalogVersion", "templates"]);
  const t = validateCatalogText("{ \"catalogVersion\": \"1.0.0\", ");
  expect(t.ok).toBe(false);
  if (!t.ok) {
    expect(t.problems[0].message.ko).toMatch(/JSON/);
    expect(describeProblem(t.problems[0], "en")).toMatch(/^catalog: Not valid JSON/);
  }
  const ok = validateCatalogText(JSON.stringify({ catalogVersion: "2.1.0", templates: [BASE] }));
  expect(ok.ok && ok.value.templates[0].id).toBe("animal-protection");
});

test("validation returns the data typed, unchanged", () => {
  const r = validateTemplate(raw.templates[0]);
  expect(r.ok).toBe(true);
  const t = (r as { ok: true; value: Template }).value;
  expect(t).toEqual(raw.templates[0]);
});

test("a \"__proto__\" key (kept by JSON.parse, skipped by zod's records) refuses the template and names the field", () => {
  const text = JSON.stringify({ catalogVersion: "1.0.0", templates: [BASE] }).replace('"amounts":{"2021":39770}', '"amounts":{"2021":39770,"__proto__":5000}');
  expect(text).toContain("__proto__");
  const r = validateCatalogText(text);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.problems).toEqual([{ template: "animal-protection", path: "funding.sources[1].amounts.__proto__", message: expect.objectContaining({ en: expect.stringMatching(/prototype/) }) }]);
  expect(describeProblem(r.problems[0], "ko")).toMatch(/^템플릿 animal-protection · funding\.sources\[1\]\.amounts\.__proto__: "__proto__"는 /);
  // Deep in a list too, and wherever it sits the rest of the template is not read as valid.
  const nested = JSON.parse('{"breakdown": {"items": [{"label": "x", "__proto__": {"amount": 1}}]}}');
  expect(problems({ ...clone(BASE), ...nested }).map((p) => p.path)).toEqual(["breakdown.items[0].__proto__"]);
});
