// Which templates were inserted into this workbook, kept in the workbook itself (setting "yesan.templates") so
// that the 검증결과 sheet can say which template version a checked sheet was made from, also after reopening.
import type { CheckResult } from "../core/check-workbook";
import type { ReportMeta, WorkbookPort } from "../excel/port";

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

export async function recordInsertion(port: WorkbookPort, record: TemplateRecord): Promise<void> {
  const before = await port.getSetting(TEMPLATES_SETTING);
  await port.setSetting(TEMPLATES_SETTING, appendRecord(before, record));
}

export const recordLabel = (r: Pick<TemplateRecord, "id" | "version">): string => `${r.id}@${r.version}`;

/**
 * The report's template version: "id@version" of the templates recorded for the sheets the check covered (a
 * template sheet always holds its funding table, so it is among the result's tables), distinct, in insertion
 * order; undefined when no checked sheet came from a template. The report has one such column for all its rows
 * (ReportMeta.templateVersion), so a workbook made from several templates lists them all.
 */
export function templateVersionFor(records: TemplateRecord[], result: CheckResult): string | undefined {
  const checked = new Set([...result.tables.map((t) => t.sheet), ...result.findings.map((f) => f.sheet)].map((s) => s.toLowerCase()));
  const labels = [...new Set(records.filter((r) => checked.has(r.sheet.toLowerCase())).map(recordLabel))];
  return labels.length === 0 ? undefined : labels.join(", ");
}

/** The meta of the 검증결과 sheet: the date, and the template versions read from the workbook's record. */
export async function reportMeta(port: WorkbookPort, result: CheckResult, date: string): Promise<ReportMeta> {
  const version = templateVersionFor(parseRecords(await port.getSetting(TEMPLATES_SETTING)), result);
  return version === undefined ? { date } : { date, templateVersion: version };
}
