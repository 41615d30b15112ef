// JSON input for the fill (from another system, or written by hand). Two forms, told apart by a "rows" key:
//
//   by source (one array per source, aligned with "years"):
//     { "unit": "천원", "years": [2021, 2022],
//       "sources": { "국비": [1000, "2,000"], "시비": [null, "-"], "계": [1000, 2000] },
//       "totals": { "국비": 3000 } }                       // optional 합계 column, checked only
//   rows (one object per value; pairs not listed are left as they are in the sheet):
//     { "unit": "백만원", "rows": [ { "source": "국비", "year": 2021, "amount": 1174 }, … ] }
//
// Source names: the sheet's labels ("국비", "국 비", "국고", "자부담" …) or the engine's keys ("national", "city",
// "province", "district", "county", "fund", "private", "own"); "계"/"합계" is the total row, checked, never written.
// Amounts: a number, a string read like a typed cell ("1,234", "-", "△500"), or null for a blank. A malformed
// string ("24,00") is reported and kept as text, never guessed. "unit" is optional: 원, 천원, 백만원, 억원, 조원.
import { z } from "zod";
import { unitFromWord } from "../numbers/numbers";
import type { Text } from "../cells/sheet-plan";
import type { Unit } from "../numbers/units";
import { InputAssembly, rowLabel, type RowLabel } from "./assemble";
import { FILL_MSG, where } from "./messages";
import { DROPS_ROW } from "./totals";
import type { FillProblemCode, FundingColumn, FundingInput, FundingLine, FundingParse, FundingValue, Origin } from "./types";
import { lineColumn, syntaxErrorOffset } from "./json-syntax";

const Amount = z.union([z.number(), z.string(), z.null()]);
const Year = z.int().min(1990).max(2099);

export const FundingBySourceSchema = z.strictObject({
  unit: z.string().optional(),
  years: z.array(Year).min(1),
  sources: z.record(z.string(), z.array(Amount)),
  totals: z.record(z.string(), Amount).optional(),
});

export const FundingRowsSchema = z.strictObject({
  unit: z.string().optional(),
  rows: z
    .array(z.strictObject({ source: z.string(), year: Year, amount: Amount }))
    .min(1),
});

export type FundingBySourceJson = z.infer<typeof FundingBySourceSchema>;
export type FundingRowsJson = z.infer<typeof FundingRowsSchema>;

/** "$.sources.국비[1]", '$.sources["국 비"]'. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let s = "$";
  for (const p of path) {
    if (typeof p === "number") s += `[${p}]`;
    else if (typeof p === "string" && /^[\p{L}_][\p{L}\p{N}_]*$/u.test(p)) s += `.${p}`;
    else s += `[${JSON.stringify(String(p))}]`;
  }
  return s;
}

const EXPECTED_KO: Record<string, string> = { number: "숫자", int: "정수", string: "문자열", array: "배열", object: "객체", null: "null" };

function issueText(issue: z.core.$ZodIssue): Text {
  switch (issue.code) {
    case "invalid_type":
      return { ko: `${EXPECTED_KO[issue.expected] ?? issue.expected}이어야 합니다.`, en: `expected ${issue.expected}.` };
    case "invalid_union":
      return { ko: "숫자, 문자열(\"1,234\", \"-\") 또는 null이어야 합니다.", en: 'expected a number, a string ("1,234", "-") or null.' };
    case "too_small":
      return issue.origin === "array"
        ? { ko: `항목이 ${String(issue.minimum)}개 이상이어야 합니다.`, en: `needs at least ${String(issue.minimum)} item(s).` }
        : { ko: `${String(issue.minimum)} 이상이어야 합니다 (연도는 1990~2099).`, en: `must be at least ${String(issue.minimum)} (years: 1990-2099).` };
    case "too_big":
      return { ko: `${String(issue.maximum)} 이하여야 합니다 (연도는 1990~2099).`, en: `must be at most ${String(issue.maximum)} (years: 1990-2099).` };
    case "unrecognized_keys":
      return { ko: `알 수 없는 항목입니다: ${issue.keys.join(", ")}`, en: `unknown key(s): ${issue.keys.join(", ")}` };
    default:
      return { ko: `형식이 맞지 않습니다 (${issue.message}).`, en: issue.message };
  }
}

/** A row refused by the schema or dropped as unknown or repeated is reported as that; no "no source rows" on top. */
const EXPLAINED: ReadonlySet<FillProblemCode> = new Set<FillProblemCode>([...DROPS_ROW, "json-schema"]);

export function parseFundingJson(text: string): FundingParse {
  const empty: FundingInput = { years: [], columns: [], rows: [] };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const lc = lineColumn(text, syntaxErrorOffset(text.replace(/^\uFEFF/, "")) + (text.startsWith("\uFEFF") ? 1 : 0));
    const origin: Origin = { kind: "text", ...lc };
    return { input: empty, problems: [{ code: "json-syntax", severity: "error", origin, message: FILL_MSG.jsonSyntax(where(origin), msg) }] };
  }
  return readFundingJson(data);
}

/** The same, from a value already parsed (a settings object, a fetch response). */
export function readFundingJson(data: unknown): FundingParse {
  const empty: FundingInput = { years: [], columns: [], rows: [] };
  const rowsForm = typeof data === "object" && data !== null && !Array.isArray(data) && "rows" in data;
  const schemaProblems = (issues: z.core.$ZodIssue[]): FundingParse => ({
    input: empty,
    problems: issues.map((issue) => {
      const path = jsonPath(issue.path);
      return { code: "json-schema", severity: "error", origin: { kind: "json", path }, message: FILL_MSG.jsonSchema(path, issueText(issue)) };
    }),
  });
  const assembly = new InputAssembly();
  let unit: Unit | undefined;
  const readUnit = (u: string | undefined): void => {
    if (u === undefined) return;
    unit = unitFromWord(u);
    if (unit === undefined) assembly.problems.push({ code: "json-schema", severity: "error", origin: { kind: "json", path: "$.unit" }, message: FILL_MSG.jsonSchema("$.unit", FILL_MSG.jsonBadUnit(u)) });
  };
  const value = (v: number | string | null, path: string): FundingValue => {
    const origin: Origin = { kind: "json", path };
    if (v === null) return { value: { kind: "empty", dash: false }, text: "", origin };
    if (typeof v === "number") return { value: { kind: "number", value: v }, text: String(v), origin };
    return assembly.value(v, origin);
  };
  const label = (name: string, path: string): RowLabel | undefined => {
    const k = rowLabel(name);
    if (k === undefined) assembly.unknownSource({ kind: "json", path }, name);
    return k;
  };

  let columns: FundingColumn[];
  if (rowsForm) {
    const parsed = FundingRowsSchema.safeParse(data);
    if (!parsed.success) return schemaProblems(parsed.error.issues);
    readUnit(parsed.data.unit);
    const years = [...new Set(parsed.data.rows.map((r) => r.year))].sort((a, b) => a - b);
    columns = years.map((year) => ({ year, sub: 0 }));
    // Lines by label, in order of first appearance; each row of the JSON fills one value.
    const lines = new Map<string, FundingLine>();
    const firstAt = new Map<string, string>();
    parsed.data.rows.forEach((r, i) => {
      const path = `$.rows[${i}]`;
      const k = label(r.source, `${path}.source`);
      if (k === undefined) return;
      const key = k.kind === "total" ? "total" : k.source;
      let line = lines.get(key);
      if (line === undefined) {
        line = assembly.add(k, { label: r.source, origin: { kind: "json", path }, values: years.map(() => undefined), totals: [] });
        lines.set(key, line);
      }
      const j = years.indexOf(r.year);
      const cellKey = `${key}:${r.year}`;
      const first = firstAt.get(cellKey);
      if (first !== undefined) {
        const origin: Origin = { kind: "json", path };
        assembly.problems.push({ code: k.kind === "total" ? "json-schema" : "duplicate-source", severity: "error", origin, message: k.kind === "total" ? FILL_MSG.jsonSchema(path, FILL_MSG.duplicateYear({ ko: "계", en: "total" }, r.year)) : FILL_MSG.jsonSchema(path, FILL_MSG.jsonDuplicateCell(k.source, r.year, first)) });
        return;
      }
      firstAt.set(cellKey, path);
      line.values[j] = value(r.amount, `${path}.amount`);
    });
  } else {
    const parsed = FundingBySourceSchema.safeParse(data);
    if (!parsed.success) return schemaProblems(parsed.error.issues);
    readUnit(parsed.data.unit);
    const years = parsed.data.years;
    const dup = years.findIndex((y, i) => years.indexOf(y) !== i);
    if (dup >= 0) {
      const origin: Origin = { kind: "json", path: `$.years[${dup}]` };
      assembly.problems.push({ code: "bad-year", severity: "error", origin, message: FILL_MSG.duplicateYear(where(origin), years[dup]) });
      return { input: empty, problems: assembly.problems };
    }
    columns = years.map((year) => ({ year, sub: 0 }));
    const totals = parsed.data.totals ?? {};
    for (const [name, amounts] of Object.entries(parsed.data.sources)) {
      const path = jsonPath(["sources", name]);
      const k = label(name, path);
      if (k === undefined) continue;
      if (amounts.length !== years.length) {
        const origin: Origin = { kind: "json", path };
        assembly.problems.push({ code: "json-schema", severity: "error", origin, message: FILL_MSG.jsonSchema(path, FILL_MSG.jsonWrongLength(amounts.length, years.length)) });
        continue;
      }
      const t = totals[name];
      assembly.add(k, {
        label: name,
        origin: { kind: "json", path },
        values: amounts.map((amount, i) => value(amount, `${path}[${i}]`)),
        totals: t === undefined ? [] : [value(t, jsonPath(["totals", name]))],
      });
    }
    for (const name of Object.keys(totals)) {
      if (!(name in parsed.data.sources)) {
        assembly.unknownSource({ kind: "json", path: jsonPath(["totals", name]) }, name);
      }
    }
  }
  return assembly.finish({ ...(unit === undefined ? {} : { unit }), columns }, EXPLAINED);
}
