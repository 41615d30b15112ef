// Which templates were inserted into this workbook, kept in the workbook itself (setting "yesan.templates") so
// that the 검증결과 sheet can say which template version a checked sheet was made from, also after reopening.
import type { CheckResult } from "../core/check-workbook";
import type { PlanTarget, ReportMeta } from "../excel/port";

export const TEMPLATES_SETTING = "yesan.templates";
export const CATALOG_URL_SETTING = "yesan.catalogUrl";

export interface TemplateRecord {
  id: string;
  version: string;
  /** The sheet written (differs from the plan's name when that was taken). */
  sheet: string;
  year: number;
  /** ISO 8601 time of the insertion. */
  insertedAt: string;
}

function isRecord(x: unknown): x is TemplateRecord {
  if (typeof x !== "object" || x === null) return false;
  const o = x as Record<string, unknown>;
  return typeof o.id === "string" && typeof o.version === "string" && typeof o.sheet === "string" && typeof o.year === "number" && typeof o.insertedAt === "string";
}

/** The setting's entries as stored (anything a JSON list holds), or [] when there is none or it is not a list. */
function rawEntries(text: string | undefined): unknown[] {
  if (text === undefined || text.trim() === "") return [];
  try {
    const json: unknown = JSON.parse(text);
    return Array.isArray(json) ? json : [];
  } catch {
    // Not ours to understand: a later insertion starts a new list (nothing in it could be read anyway).
    return [];
  }
}

/** The well-formed records of the setting's text, in insertion order. */
export function parseRecords(text: string | undefined): TemplateRecord[] {
  return rawEntries(text).filter(isRecord);
}

/** The setting's text with `record` appended; entries this version cannot read are kept as they are. */
export function appendRecord(text: string | undefined, record: TemplateRecord): string {
  return JSON.stringify([...rawEntries(text), record]);
}

/** The setting update that records an insertion, for writePlan's batch: the sheet is the one actually written. */
export function recordSetting(entry: Omit<TemplateRecord, "sheet">): NonNullable<PlanTarget["setting"]> {
  return {
    key: TEMPLATES_SETTING,
    update: (before, sheet) => appendRecord(before, { id: entry.id, version: entry.version, sheet, year: entry.year, insertedAt: entry.insertedAt }),
  };
}

export const recordLabel = (r: Pick<TemplateRecord, "id" | "version">): string => `${r.id}@${r.version}`;

/**
 * Per checked sheet, the id@version of the templates recorded for it (distinct, in insertion order; several when
 * templates were inserted into one sheet at different cells). Keys are the sheet names as the check gives them.
 */
export function templateVersionsBySheet(records: TemplateRecord[], result: CheckResult): Record<string, string> {
  const out: Record<string, string> = {};
  const sheets = new Set([...result.tables.map((t) => t.sheet), ...result.findings.map((f) => f.sheet)]);
  for (const sheet of sheets) {
    // Excel's sheet names are case-insensitive.
    const labels = [...new Set(records.filter((r) => r.sheet.toLowerCase() === sheet.toLowerCase()).map(recordLabel))];
    if (labels.length > 0) out[sheet] = labels.join(", ");
  }
  return out;
}

/**
 * The meta of the 검증결과 sheet: the date, and each checked sheet's template version, read from the workbook in
 * the report's own batch.
 */
export function reportMeta(result: CheckResult, date: string): ReportMeta {
  return { date, templateVersionsFrom: { key: TEMPLATES_SETTING, versions: (text) => templateVersionsBySheet(parseRecords(text), result) } };
}
