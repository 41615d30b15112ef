// The pure part of the ribbon's "빠른 검증" (quick check): counting findings, the one-line summary in Korean and
// English, and the URL of the small result dialog. No Office.js here, so it is unit-tested directly.
//
// The dialog page (check-result.html) is a static page without a bundle, so it carries its own copy of
// `summaryText`; test/commands/summary.test.ts runs that page's script against this function to keep both in step.
import type { Finding, Lang } from "../core/findings/findings";

export interface CheckCounts {
  errors: number;
  /** Every warning, shortfalls included (the command line counts them the same way). */
  warnings: number;
  /** Shortfall (부족재원) findings, also counted in `warnings`. */
  shortfalls: number;
}

/** What the dialog shows: the counts, or why the workbook could not be checked. */
export type DialogContent = { kind: "counts"; counts: CheckCounts } | { kind: "error"; message: string };

/** Dialog size as a percentage of the screen: enough for two lines of text, small enough not to hide the sheet. */
export const DIALOG_OPTIONS = { height: 25, width: 30, displayInIframe: true } as const;

/** Error texts are cut here so a long Excel message cannot push the dialog URL past what hosts accept. */
const MAX_ERROR_CHARS = 500;

export function countFindings(findings: readonly Finding[]): CheckCounts {
  const counts: CheckCounts = { errors: 0, warnings: 0, shortfalls: 0 };
  for (const f of findings) {
    if (f.severity === "error") counts.errors++;
    else if (f.severity === "warning") counts.warnings++;
    if (f.rule === "shortfall") counts.shortfalls++;
  }
  return counts;
}

/**
 * The manifest's strings are Korean with en-US overrides, so Office shows English only to English-language users;
 * the dialog follows the same rule (a Japanese or German Excel gets the Korean default, like the ribbon). Same
 * rule as the task pane's langFromOffice (src/taskpane/i18n.ts), kept here so this chunk stays free of the pane.
 */
export function langFromDisplayLanguage(displayLanguage: string | undefined): Lang {
  return displayLanguage !== undefined && /^en(?:$|[-_])/i.test(displayLanguage.trim()) ? "en" : "ko";
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export function summaryText(c: CheckCounts, lang: Lang): string {
  const clean = c.errors === 0 && c.warnings === 0 && c.shortfalls === 0;
  if (lang === "en") {
    const counts = `${plural(c.errors, "error", "errors")}, ${plural(c.warnings, "warning", "warnings")}, ${plural(c.shortfalls, "shortfall", "shortfalls")}`;
    return clean ? `${counts} — nothing to fix` : `${counts} — see the checker pane for details`;
  }
  const counts = `오류 ${c.errors}건, 경고 ${c.warnings}건, 부족재원 ${c.shortfalls}건`;
  return clean ? `${counts} — 문제가 없습니다` : `${counts} — 자세한 내용은 검증 창에서 확인하세요`;
}

/** The text shown when a check fails for a reason that is not an ExcelPortError (those carry their own text). */
export function unexpectedErrorText(error: unknown, lang: Lang): string {
  const detail = error instanceof Error ? error.message : String(error);
  return lang === "en" ? `Yesan could not check this workbook: ${detail}` : `통합문서를 검사하지 못했습니다: ${detail}`;
}

/**
 * The dialog's address: `page` is check-result.html's absolute URL (resolved against the commands page, so a
 * deployment under a path prefix works too). Counts travel as numbers, not as text, so the page can word them in
 * its own language; an error travels as the already-translated text.
 */
export function resultDialogUrl(page: string, content: DialogContent, lang: Lang): string {
  const url = new URL(page);
  url.search = "";
  if (content.kind === "counts") {
    url.searchParams.set("errors", String(content.counts.errors));
    url.searchParams.set("warnings", String(content.counts.warnings));
    url.searchParams.set("shortfalls", String(content.counts.shortfalls));
  } else {
    const text = content.message.length > MAX_ERROR_CHARS ? `${content.message.slice(0, MAX_ERROR_CHARS - 1)}…` : content.message;
    url.searchParams.set("error", text);
  }
  url.searchParams.set("lang", lang);
  return url.href;
}
