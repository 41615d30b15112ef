// What an Excel number format does to a figure on the page: how many decimals it shows, whether it shows thousands
// (a trailing comma: "#,##0," prints 19,609,399.89 as 19,609) or a percentage. Totals are checked as printed: a
// 5,078.141 shown as 5,078 over parts shown as 128, 0, 2,868, 1,365 and 717 adds up on the page.
// Hand-written because only this much of the format language matters here (numfmt, which the preview uses to render
// cells, formats strings and does not expose the rounding), and unknown forms leave the figure as stored.

export interface Shown {
  decimals: number;
  /** The figure is shown divided by this (1000 per trailing comma). */
  divisor: number;
  /** Shown as a percentage (× 100). */
  percent: boolean;
}

const memo = new Map<string, Shown | undefined>();

/**
 * How a format shows figures (a negative one by the format's second section, when it has one); undefined for
 * General, text, dates and anything not understood (no rounding).
 */
export function shownBy(format: string | undefined, negative = false): Shown | undefined {
  if (format === undefined || format === "" || /^general$/i.test(format)) return undefined;
  const k = negative ? `-${format}` : format;
  if (memo.has(k)) return memo.get(k);
  const sections = splitSections(format);
  const shown = parse(negative && sections.length > 1 && sections[1].trim() !== "" ? sections[1] : sections[0]);
  if (memo.size > 5000) memo.clear();
  memo.set(k, shown);
  return shown;
}

function splitSections(format: string): string[] {
  const out = [""];
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) out.push("");
    else out[out.length - 1] += ch;
  }
  return out;
}

function parse(section: string): Shown | undefined {
  const plain = section
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/[_*]./g, "");
  if (/[yYdDhHsSeE@]/.test(plain) || /[mM]/.test(plain)) return undefined;
  if (!/[0#?]/.test(plain)) return undefined;
  const dot = plain.indexOf(".");
  const decimals = dot < 0 ? 0 : (plain.slice(dot + 1).match(/[0#?]/g) ?? []).length;
  const last = Math.max(plain.lastIndexOf("0"), plain.lastIndexOf("#"), plain.lastIndexOf("?"));
  let commas = 0;
  for (let i = last + 1; i < plain.length && plain[i] === ","; i++) commas++;
  return { decimals: Math.min(decimals, 10), divisor: 1000 ** commas, percent: plain.includes("%") };
}

/** The figure as the format prints it (rounded as Excel rounds: half away from zero), in the figure's own terms. */
export function asShown(value: number, shown: Shown | undefined): number {
  if (shown === undefined || !Number.isFinite(value)) return value;
  const k = (shown.percent ? 100 : 1) / shown.divisor;
  const f = 10 ** shown.decimals;
  const printed = Math.sign(value) * Math.round(Math.abs(value) * k * f + 1e-9) / f;
  return printed / k;
}
