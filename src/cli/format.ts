// How `yesan check` prints its results: text grouped by file, sheet and table (Korean by default), or JSON.
import type { CheckResult, TableSummary } from "../core/check-workbook";
import type { Finding, Lang, Severity } from "../core/findings/findings";
import { formatAmount } from "../core/numbers/numbers";
import { CLI_TEXT } from "./cli-messages";

/** A checked file, or why a file (or a folder, or a path) could not be: `error` in the output language. */
export type FileReport = { file: string; result: CheckResult } | { file: string; error: string };

const SEVERITY_MARK: Record<Severity, string> = { error: "✗", warning: "!", info: "i" };

/** Regions not checked are listed by name up to this many per file; the rest are counted. */
const MAX_REGIONS_LISTED = 5;

function value(v: number | string | undefined): string {
  if (v === undefined) return "";
  return typeof v === "number" ? formatAmount(v) : v;
}

/**
 * Control characters of cell text (a newline, a terminal escape) shown as escapes: a cell must not be able to forge
 * a line of the report, such as a fake "요약: … 오류 0".
 */
export function visible(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) => {
    const named: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };
    return named[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}

export function formatText(reports: FileReport[], lang: Lang): string {
  const t = CLI_TEXT[lang];
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let tables = 0;
  let notChecked = 0;
  let shortfalls = 0;
  for (const rep of reports) {
    lines.push(visible(rep.file));
    if ("error" in rep) {
      lines.push(`  ${t.unreadable}: ${rep.error}`, "");
      continue;
    }
    const { result } = rep;
    tables += result.tables.length;
    notChecked += result.notChecked.length;
    const book = result.book;
    if (book !== undefined) lines.push(...bookLines(book, lang));
    const sheets = [...new Set([...result.tables.map((x) => x.sheet), ...result.findings.map((f) => f.sheet)])];
    // "No findings" only where something was checked: a file of unconfirmed tables says it was not checked.
    const checkedSomething = result.tables.length > 0 || (book !== undefined && book.relations > 0);
    if (!checkedSomething) lines.push(`  ${t.nothingChecked}`);
    else if (result.findings.length === 0 && result.tables.length > 0) lines.push(`  ${t.noFindings(result.tables.length)}`);
    for (const sheet of sheets) {
      const fs = result.findings.filter((f) => f.sheet === sheet);
      if (fs.length === 0) continue;
      lines.push(`  [${visible(sheet)}]`);
      const byTable = new Map<string, Finding[]>();
      for (const f of fs) {
        // A finding of the budget book is grouped by its 세부사업 (its path down to that level).
        const k = f.path !== undefined ? `\u0000${f.path.slice(0, 4).join(" › ")}` : (f.table ?? "");
        byTable.set(k, [...(byTable.get(k) ?? []), f]);
      }
      for (const [range, group] of byTable) {
        const table = result.tables.find((x) => x.sheet === sheet && x.range === range);
        const heading = range.startsWith("\u0000") ? `${t.bookGroup} ${range.slice(1)}` : range === "" ? t.textLines : tableHeading(table, range, lang);
        lines.push(`    ${visible(heading)}`);
        for (const f of group) {
          if (f.severity === "error") errors++;
          else if (f.severity === "warning") warnings++;
          else infos++;
          if (f.rule === "shortfall") shortfalls++;
          lines.push(`      ${SEVERITY_MARK[f.severity]} ${f.cell} ${f.rule}: ${visible(f.message[lang])}`);
          if (f.expected !== undefined || f.actual !== undefined) {
            const unit = f.unit === undefined ? "" : ` (${t.unit}: ${f.unit})`;
            const parts = [f.expected !== undefined ? `${t.expected} ${value(f.expected)}` : "", f.actual !== undefined ? `${t.actual} ${value(f.actual)}` : ""].filter((x) => x !== "");
            lines.push(`        ${visible(parts.join(" / "))}${unit}`);
          }
        }
      }
    }
    if (result.notChecked.length > 0) {
      const shown = result.notChecked.slice(0, MAX_REGIONS_LISTED).map((n) => `[${n.sheet}] ${n.range} (${t.reasons[n.reason]})`);
      lines.push(`  ${t.notChecked(result.notChecked.length, shown.join(", "), result.notChecked.length - shown.length)}`);
    }
    lines.push("");
  }
  lines.push(t.summary(reports.length, tables, notChecked, errors, warnings, infos, shortfalls));
  return lines.join("\n") + "\n";
}

function bookLines(book: NonNullable<CheckResult["book"]>, lang: Lang): string[] {
  const t = CLI_TEXT[lang];
  const out = [`  ${t.book(book.pages.length, book.programs.length, book.relations)}`];
  if (book.missingRows.length > 0) {
    const shown = book.missingRows.slice(0, MAX_REGIONS_LISTED).map((m) => `[${m.sheet}] ${m.cell}`);
    out.push(`  ${t.bookMissing(book.missingRows.length, shown.join(", "), book.missingRows.length - shown.length)}`);
  }
  if (book.unconfirmed.length > 0) out.push(`  ${t.bookUnconfirmed(book.unconfirmed.map((k) => t.bookKinds[k] ?? k).join(", "))}`);
  return out;
}

function tableHeading(table: TableSummary | undefined, range: string, lang: Lang): string {
  const t = CLI_TEXT[lang];
  if (table === undefined) return `${t.table} ${range}`;
  const unit = table.unit === undefined ? "" : `, ${t.unit} ${table.unit}`;
  const title = table.title === undefined ? "" : ` ${table.title}`;
  return `${t.table} ${range} (${t.kinds[table.kind]}${unit})${title}`;
}

export function formatJson(reports: FileReport[], lang: Lang): string {
  const files = reports.map((rep) => {
    if ("error" in rep) return { file: rep.file, error: rep.error };
    return {
      file: rep.file,
      tables: rep.result.tables,
      ...(rep.result.book === undefined ? {} : { book: rep.result.book }),
      notChecked: rep.result.notChecked.map((n) => ({ ...n, message: CLI_TEXT[lang].reasons[n.reason] })),
      findings: rep.result.findings.map((f) => {
        const o: Record<string, unknown> = { rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, related: f.related };
        if (f.expected !== undefined) o.expected = f.expected;
        if (f.actual !== undefined) o.actual = f.actual;
        if (f.unit !== undefined) o.unit = f.unit;
        if (f.table !== undefined) o.table = f.table;
        if (f.share !== undefined) o.share = f.share;
        if (f.path !== undefined) o.path = f.path;
        o.message = f.message[lang];
        return o;
      }),
    };
  });
  return JSON.stringify({ files }, null, 2) + "\n";
}
