// One pasted or typed amount read with the engine's own number rules (numbers.ts), and the exact sums the
// total checks need. A figure is never repaired here: "24,00" stays "24,00" and is reported.
import { decimalsOf, parseNumber } from "../numbers/numbers";
import { classifyCleaned } from "../layout/labels";
import { textAmount } from "../cells/text-amount";
import { FILL_MSG, where } from "./messages";
import type { FillProblem, FillValue, FundingValue, Origin } from "./types";

/** Reads one cell's text; the problem, if any, names the origin. */
export function readFillValue(text: string, origin: Origin): { value: FundingValue; problem?: FillProblem } {
  const p = parseNumber(text);
  const fv = (value: FillValue): FundingValue => ({ value, text, origin });
  switch (p.kind) {
    case "number":
      return { value: fv(p.unit === undefined ? { kind: "number", value: p.value } : { kind: "number", value: p.value, unit: p.unit }) };
    case "none":
      return { value: fv({ kind: "empty", dash: text.trim() !== "" }) };
    case "non-budget":
      return { value: fv({ kind: "text", text: text.trim(), malformed: false }) };
    case "malformed":
      // A warning, not an error: the figure is copied in as the text it is (never guessed), so the sheet shows what
      // the source said and the checker points at that cell; the officer sees it in the preview before writing.
      return {
        value: fv({ kind: "text", text: text.trim(), malformed: true }),
        problem: { code: "malformed-number", severity: "warning", origin, message: FILL_MSG.malformed(where(origin), text.trim(), p.reason) },
      };
    case "text":
      // A word for none ("없음") is the amount 0. Any other text is no amount: Excel's sums would pass over it, so
      // it is not written; the fill names the cell it was meant for (plan-fill.ts).
      if (textAmount(text) === "zero") {
        return { value: fv({ kind: "empty", dash: true }), problem: { code: "zero-word", severity: "info", origin, message: FILL_MSG.zeroWord(where(origin), text.trim()) } };
      }
      return { value: fv({ kind: "text", text: text.trim(), malformed: false, word: true }) };
  }
}

/**
 * A cell or token that holds an amount or stands for one: a number, a dash, a malformed figure, 비예산. In header
 * rows a bare 2021 is a year; in the body (`inBody`) it is an amount (a CSV export writes 2,021천원 as 2021).
 * The tab/CSV reader and the space-separated reader tell header from body with this one rule.
 */
export function amountish(text: string, inBody = false): boolean {
  if (text.trim() === "") return false;
  if (!inBody && classifyCleaned(text)?.kind === "year") return false;
  const p = parseNumber(text);
  return p.kind === "number" || p.kind === "malformed" || p.kind === "non-budget" || p.kind === "none";
}

/** A number value (no own unit) or an empty one counts in a sum; text (or a value in another unit) does not. */
export function summable(v: FundingValue | undefined): number | undefined {
  if (v === undefined) return 0;
  if (v.value.kind === "empty") return 0;
  if (v.value.kind === "number" && v.value.unit === undefined) return v.value.value;
  return undefined;
}

/** Exact sum of decimals (budget figures in 백만원 may carry decimals; floats would drift). */
export function exactSum(values: number[]): number {
  const scale = Math.max(0, ...values.map(decimalsOf));
  const f = 10n ** BigInt(scale);
  let total = 0n;
  for (const v of values) total += BigInt(Math.round(v * Number(f)));
  const neg = total < 0n;
  const abs = neg ? -total : total;
  const whole = abs / f;
  const frac = (abs % f).toString().padStart(scale, "0");
  return Number(`${neg ? "-" : ""}${whole}${scale > 0 ? `.${frac}` : ""}`);
}

/** Whether a number is the same amount as another, exactly. */
export function sameAmount(a: number, b: number): boolean {
  return exactSum([a, -b]) === 0;
}
