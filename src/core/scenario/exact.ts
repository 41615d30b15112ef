// Exact money and rates for scenarios. Amounts are whole 원 as bigint; rates are millionths (ppm: 7% = 70,000),
// so "300억 × 7%" is 30,000,000,000 × 70,000 / 1,000,000 = 2,100,000,000 원 with no floating drift. A product that
// is not a whole number of 원 is rounded once, half up (half away from zero), and only there.
import { foldWidth, parseNumber, toWon } from "../numbers/numbers";
import { WON_PER_UNIT, type Unit } from "../numbers/units";

/** A rate in millionths: 1% = 10,000; 100% = 1,000,000. Four decimals of a percent are exact. */
export type Ppm = bigint;

export const PPM = 1_000_000n;
const HUNDRED_PERCENT: Ppm = PPM;

/** num / den rounded to the nearest integer, halves away from zero. `den` must be positive. */
export function roundHalfUp(num: bigint, den: bigint): bigint {
  if (den <= 0n) throw new RangeError("roundHalfUp: the denominator must be positive");
  const neg = num < 0n;
  const n = neg ? -num : num;
  const q = (2n * n + den) / (2n * den);
  return neg ? -q : q;
}

/** won × rate, rounded to the nearest 원 (half up). */
export function ofRate(won: bigint, rate: Ppm): bigint {
  return roundHalfUp(won * rate, PPM);
}

export const minOf = (a: bigint, b: bigint): bigint => (a < b ? a : b);

/** The share `part` is of `whole`, as ppm rounded half up; 0 for a zero whole. */
export function shareOf(part: bigint, whole: bigint): Ppm {
  return whole === 0n ? 0n : roundHalfUp(part * PPM, whole);
}

// ---- reading what people type ---------------------------------------------------------------------------------

/** Why a typed value was refused; the message tables word each one. */
export type InputProblem =
  | "empty"
  | "not-a-number"
  | "negative"
  | "over-100"
  | "too-precise"
  | "fraction-of-won"
  | "not-a-year"
  | "too-large";

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: InputProblem };

const ok = <T,>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T,>(problem: InputProblem): Parsed<T> => ({ ok: false, problem });

// A rate: "7%", "7", "4.5 %", "0.5%p" (percentage points), "７％". A bare number is a percentage: the fields
// and options that take a rate say "%".
const RATE_RE = /^([+-]?)\s*(\d+)(?:\.(\d+))?\s*(?:%p|%|퍼센트|프로)?$/u;

/** A rate from 0% to 100%, exact to 1/10,000 of a percent. */
export function parseRate(text: string): Parsed<Ppm> {
  const s = foldWidth(text).trim().replace(/％/g, "%");
  if (s === "") return bad("empty");
  const m = RATE_RE.exec(s);
  if (m === null) return bad("not-a-number");
  const frac = m[3] ?? "";
  // ppm = percent × 10,000: four decimals of a percent are whole millionths; a fifth is refused, not rounded.
  const trimmed = frac.replace(/0+$/, "");
  if (trimmed.length > 4) return bad("too-precise");
  const ppm = BigInt(m[2]) * 10_000n + BigInt((trimmed + "0000").slice(0, 4));
  if (m[1] === "-" && ppm !== 0n) return bad("negative");
  if (ppm > HUNDRED_PERCENT) return bad("over-100");
  return ok(ppm);
}

/** Amounts beyond this (1,000조 = 10^15 원) are not budget figures, and past them doubles in Excel stop being exact. */
const MAX_WON = 1_000_000_000_000_000n;

/**
 * An amount: "300억", "1조 2,104억", "1,505,000천원", or a bare number in `unit`. Negative amounts are refused
 * (scenarios take issuance, caps and costs, none of which can be below zero); so are fractions of a 원.
 */
export function parseAmount(text: string, unit: Unit): Parsed<bigint> {
  const s = foldWidth(text).trim();
  if (s === "") return bad("empty");
  const p = parseNumber(s);
  if (p.kind !== "number") return bad("not-a-number");
  if (p.negative && p.value !== 0) return bad("negative");
  let won: bigint;
  try {
    won = toWon(p.value, p.unit ?? unit);
  } catch {
    return bad("fraction-of-won");
  }
  if (won > MAX_WON) return bad("too-large");
  return ok(won);
}

/** Either a rate ("0.5%") or an amount ("3억"): the text decides, by its "%". */
export type RateOrAmount = { kind: "rate"; rate: Ppm } | { kind: "amount"; won: bigint };

export function parseRateOrAmount(text: string, unit: Unit): Parsed<RateOrAmount> {
  const s = foldWidth(text).trim();
  if (/[%％]|퍼센트/.test(s)) {
    const r = parseRate(s);
    return r.ok ? ok({ kind: "rate", rate: r.value }) : r;
  }
  const a = parseAmount(s, unit);
  return a.ok ? ok({ kind: "amount", won: a.value }) : a;
}

export function parseYear(text: string): Parsed<number> {
  const s = foldWidth(text).trim().replace(/년$/, "");
  if (s === "") return bad("empty");
  if (!/^\d{4}$/.test(s)) return bad("not-a-year");
  const y = Number(s);
  return y >= 1900 && y <= 2200 ? ok(y) : bad("not-a-year");
}

/**
 * Items of a typed list: "5%, 6%, 7%", "200억; 300억", "355000 1505000". Whitespace and ";" separate; a comma
 * separates too unless it groups digits ("1,234,000" stays one amount, so "100,200" is one amount: type
 * "100, 200" or "100 200" for two).
 */
export function splitList(text: string): string[] {
  return foldWidth(text)
    .split(/[\s;]+|,(?!\d{3}(?:\D|$))|(?<=\D),/u)
    .map((x) => x.trim())
    .filter((x) => x !== "");
}

// ---- showing exact values ------------------------------------------------------------------------------------

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+$)/g, ",");

/** `won` in `unit`, exact: digits grouped, the fraction written out only as far as it goes ("15.05", "6"). */
export function formatWon(won: bigint, unit: Unit): string {
  const size = WON_PER_UNIT[unit];
  const neg = won < 0n;
  const w = neg ? -won : won;
  const whole = group((w / size).toString());
  const scale = size.toString().length - 1;
  const frac = scale === 0 ? "" : (w % size).toString().padStart(scale, "0").replace(/0+$/, "");
  return `${neg ? "-" : ""}${whole}${frac === "" ? "" : `.${frac}`}`;
}

/**
 * Decimals a computed amount (a present value) is shown with: none in 원 and 천원, as budget tables print them; two
 * in 백만원, 억원 and 조원 ("108.46억"). The exact figure stays in the JSON and on the sheet.
 */
export function shownDecimals(unit: Unit): number {
  return unit === "원" || unit === "천원" ? 0 : 2;
}

/**
 * An amount of 원 (a whole number, or an exact fraction such as a present value) in `unit`, rounded half away from
 * zero to `decimals` places once, from the exact value, all places written ("108.46", "5.10").
 */
export function formatWonRounded(won: bigint | { num: bigint; den: bigint }, unit: Unit, decimals: number = shownDecimals(unit)): string {
  const { num, den } = typeof won === "bigint" ? { num: won, den: 1n } : won;
  const places = 10n ** BigInt(decimals);
  // The value in units of 10^-decimals of `unit`: num × places / (den × size), rounded once.
  const scaled = roundHalfUp(num * places, den * WON_PER_UNIT[unit]);
  const abs = scaled < 0n ? -scaled : scaled;
  const whole = group((abs / places).toString());
  const frac = decimals === 0 ? "" : `.${(abs % places).toString().padStart(decimals, "0")}`;
  return `${scaled < 0n ? "-" : ""}${whole}${frac}`;
}

/** `won` in `unit` as a JavaScript number, for Excel cells (exact for every amount up to MAX_WON in any unit). */
export function wonToNumber(won: bigint, unit: Unit): number {
  return Number(formatWon(won, unit).replace(/,/g, ""));
}

/** "7%", "4.5%", "0.0125%". */
export function formatRate(rate: Ppm): string {
  const neg = rate < 0n;
  const r = neg ? -rate : rate;
  const whole = (r / 10_000n).toString();
  const frac = (r % 10_000n).toString().padStart(4, "0").replace(/0+$/, "");
  return `${neg ? "-" : ""}${whole}${frac === "" ? "" : `.${frac}`}%`;
}

/** The rate as the fraction Excel stores in a percent-formatted cell (7% → 0.07). */
export function rateToNumber(rate: Ppm): number {
  const neg = rate < 0n;
  const r = neg ? -rate : rate;
  const s = `${(r / PPM).toString()}.${(r % PPM).toString().padStart(6, "0")}`;
  return (neg ? -1 : 1) * Number(s);
}

/** A bigint as a JSON-friendly number when it is a safe integer, else its digits. */
export function jsonWon(won: bigint): number | string {
  return won <= BigInt(Number.MAX_SAFE_INTEGER) && won >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(won) : won.toString();
}
