// Small pure helpers the task pane's views share: numbers, dates, errors and the Office theme.
import type { Finding, Lang } from "../core/findings/findings";
import { formatAmount } from "../core/numbers/numbers";
import { ExcelPortError } from "../excel/port";
import { t, unitLabel } from "./i18n";

/** A finding's expected or actual value as the sheet shows it: numbers grouped, text (e.g. "24,00") as typed. */
export function formatValue(v: number | string): string {
  return typeof v === "number" ? formatAmount(v) : v;
}

/** "기대값 509,400 / 실제값 527,900 천원", or undefined when the finding carries neither value. */
export function expectedActualLine(f: Finding, lang: Lang): string | undefined {
  const parts: string[] = [];
  if (f.expected !== undefined) parts.push(`${t(lang, "check.expected")} ${formatValue(f.expected)}`);
  if (f.actual !== undefined) parts.push(`${t(lang, "check.actual")} ${formatValue(f.actual)}`);
  if (parts.length === 0) return undefined;
  const unit = f.unit === undefined ? "" : ` ${unitLabel(f.unit, lang)}`;
  return parts.join(" / ") + unit;
}

/** The share of the need as a whole percentage, rounded the way the engine's messages round it. */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Today in the user's time zone as yyyy-mm-dd (toISOString would give the UTC day, off by one in Korea before 9 am). */
export function localDate(now: Date = new Date()): string {
  const mm = String(now.getMonth() + 1).padStart(2, "0");
  const dd = String(now.getDate()).padStart(2, "0");
  return `${now.getFullYear()}-${mm}-${dd}`;
}

function isText(x: unknown): x is Record<Lang, string> {
  return typeof x === "object" && x !== null && typeof (x as Record<string, unknown>).ko === "string" && typeof (x as Record<string, unknown>).en === "string";
}

/** What to tell the user about a failed port call: the adapter's bilingual text, else the error's own message. */
export function errorText(e: unknown, lang: Lang): string {
  if (e instanceof ExcelPortError) return e.text[lang];
  // A refusal of the pane's own (TabRefusal) carries its text in both languages.
  if (e instanceof Error && "text" in e && isText(e.text)) return e.text[lang];
  if (e instanceof Error) return e.message === "" ? e.name : e.message;
  return String(e);
}

/** True for a dark colour such as Office's "#262626" body background (relative luminance below one half). */
export function isDarkColor(color: string | undefined): boolean {
  if (color === undefined) return false;
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(color.trim());
  if (m === null) return false;
  const hex = m[1].length === 3 ? [...m[1]].map((ch) => ch + ch).join("") : m[1];
  const channel = (i: number): number => {
    const s = parseInt(hex.slice(i, i + 2), 16) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  return luminance < 0.5;
}

/** Office's body background colour, when the pane runs in an Office host that reports its theme. */
export function officeBodyBackground(): string | undefined {
  // Outside Office (tests, the preview before office.js loads) the global is missing or has no context.
  if (typeof Office === "undefined") return undefined;
  try {
    return Office.context?.officeTheme?.bodyBackgroundColor;
  } catch {
    // Some hosts throw on officeTheme when the API set is missing: the light theme is the safe default.
    return undefined;
  }
}
