// Amounts as officers type or paste them into cells and headlines.
// A figure that looks like a number but is broken is reported as "malformed" with a reason,
// never repaired by guessing: "24,00" could be 2,400 or 24,000 and only the author knows.

import { WON_PER_UNIT, type Unit } from "./units";

export type MalformedReason = "grouping" | "decimal-points" | "repeated-unit" | "letters" | "sign" | "other"
  /** Beyond 2^53: a double cannot hold the figure exactly, nor sums over it. */
  | "too-large";

export type ParsedNumber =
  | { kind: "number"; value: number; unit?: Unit; negative: boolean; text: string }
  | { kind: "none"; text: string }
  | { kind: "non-budget"; text: string }
  | { kind: "malformed"; text: string; reason: MalformedReason }
  | { kind: "text"; text: string };

/**
 * Full-width ASCII (U+FF01..FF5E) to ASCII, ideographic space and zero-width characters to a space.
 * Deliberately not NFKC: NFKC turns "m²" into "m2" and "㎡" into "m2", which would make areas look
 * like digits with letters in them. Every UTF-16 unit maps to exactly one unit, so offsets into the
 * folded string are offsets into the original (headlines rely on that).
 */
export function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000\u200B-\u200D\u2060\uFEFF]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : " ";
  });
}

/** Unit words, longest first so that "천원" is not read as "천" + "원". "천" alone is not a unit ("5천만원"). */
export const UNIT_WORD_SOURCE = String.raw`(?:조\s*원|조|억\s*원|억|백만\s*원|백만|천\s*원|원)`;

/** "천 원" -> "천원", "억" -> "억원", "백만" -> "백만원"; undefined for anything else. */
export function unitFromWord(word: string): Unit | undefined {
  switch (word.replace(/\s+/g, "")) {
    case "원":
      return "원";
    case "천원":
      return "천원";
    case "백만":
    case "백만원":
      return "백만원";
    case "억":
    case "억원":
      return "억원";
    case "조":
    case "조원":
      return "조원";
    default:
      return undefined;
  }
}

// Either correctly grouped (first group 1-3 digits, no leading zero, then groups of exactly 3)
// or plain digits, where leading zeros are harmless ("007").
const NUM = String.raw`(?:[1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const SIMPLE_RE = new RegExp(String.raw`^(${NUM})(?:\s*(${UNIT_WORD_SOURCE}))?$`, "u");
// "1조 2,104억" is 12,104 억원: the value is given in the smallest unit named.
const COMPOUND_RE = new RegExp(String.raw`^(\d+|[1-9]\d{0,2}(?:,\d{3})+)\s*조\s*(${NUM})\s*(억\s*원|억)$`, "u");
const UNIT_RUN_RE = new RegExp(String.raw`(?<=[\d.,]\s*)${UNIT_WORD_SOURCE}(?:\s*${UNIT_WORD_SOURCE})*`, "gu");
const UNIT_ONE_RE = new RegExp(UNIT_WORD_SOURCE, "gu");

const DATE_SOURCE = String.raw`(?:(?:19|20)\d{2}|['‘’]\d{2})\s*\.\s*(?:0?[1-9]|1[0-2])(?:\s*\.\s*(?:0?[1-9]|[12]\d|3[01]))?\s*\.?`;
const DATE_END_SOURCE = String.raw`(?:${DATE_SOURCE}|(?:0?[1-9]|[12]\d|3[01])\s*\.(?:\s*\d{1,2}\s*\.?)?)?`;
const DATE_TEXT_RE = new RegExp(String.raw`^${DATE_SOURCE}(?:\s*~\s*${DATE_END_SOURCE})?$`, "u");
const DASH_ONLY_RE = /^[-‐‒–—―−ㅡ]+$/u; // "ㅡ" is the Hangul vowel officers type as a dash
const SIGN_CHARS = "△▲−-+";

export function parseNumber(text: string): ParsedNumber {
  const s = foldWidth(text).trim();
  if (s === "" || DASH_ONLY_RE.test(s)) return { kind: "none", text };
  if (s.replace(/\s+/g, "") === "비예산") return { kind: "non-budget", text };
  const strict = parseStrict(s, text);
  return strict ?? classifyBroken(s, text);
}

/** The accepted forms; undefined when the string is not one of them. */
function parseStrict(s: string, text: string): ParsedNumber | undefined {
  let body = s;
  let negative = false;
  if (body.startsWith("(") && body.endsWith(")")) {
    body = body.slice(1, -1).trim();
    negative = true;
  } else if (SIGN_CHARS.includes(body[0])) {
    negative = body[0] !== "+";
    body = body.slice(1).trim();
  }
  let digits: string;
  let unit: Unit | undefined;
  const compound = COMPOUND_RE.exec(body);
  if (compound !== null) {
    const combined = combineJoEok(compound[1], compound[2]);
    if (combined === undefined) return { kind: "malformed", text, reason: "other" };
    digits = combined;
    unit = "억원";
  } else {
    const simple = SIMPLE_RE.exec(body);
    if (simple === null) return undefined;
    digits = simple[1].replace(/,/g, "");
    unit = simple[2] === undefined ? undefined : unitFromWord(simple[2]);
  }
  const magnitude = Number(digits);
  // More significant digits than a double holds: reporting beats silently rounding.
  if (magnitude > Number.MAX_SAFE_INTEGER) return { kind: "malformed", text, reason: "too-large" };
  if (!holdsExactly(magnitude, canonicalDecimal(digits))) return { kind: "malformed", text, reason: "other" };
  const value = negative && magnitude !== 0 ? -magnitude : magnitude;
  return unit === undefined
    ? { kind: "number", value, negative, text }
    : { kind: "number", value, unit, negative, text };
}

/** "1" 조 + "2,104" 억 -> "12104" (억). undefined when the 억 part is 1조 or more (COMPOUND_RE keeps 조 whole). */
function combineJoEok(jo: string, eok: string): string | undefined {
  const [eokInt, eokFrac] = eok.replace(/,/g, "").split(".");
  const eokWhole = BigInt(eokInt);
  if (eokWhole >= 10_000n) return undefined;
  const whole = BigInt(jo.replace(/,/g, "")) * 10_000n + eokWhole;
  return eokFrac === undefined ? whole.toString() : `${whole}.${eokFrac}`;
}

/** Why a string that failed the strict forms is broken, or that it is just words. */
function classifyBroken(s: string, text: string): ParsedNumber {
  const malformed = (reason: MalformedReason): ParsedNumber => ({ kind: "malformed", text, reason });
  if (s.includes("%")) return { kind: "text", text };
  let repeated = false;
  const stripped = s.replace(UNIT_RUN_RE, (run) => {
    if ((run.match(UNIT_ONE_RE) ?? []).length > 1) repeated = true;
    return " ";
  });
  // Words, Hangul not used as a unit, symbols such as ㎡ or ²: prose, not a broken number.
  const rest = stripped.replace(/[△▲]/g, " ");
  if (/[\p{So}\p{No}\p{Sc}]|(?![A-Za-z])\p{L}/u.test(rest)) return { kind: "text", text };
  if (/[A-Za-z]/.test(rest)) return hasLettersInDigits(rest) ? malformed("letters") : { kind: "text", text };
  if (repeated) return malformed("repeated-unit");
  // Malformed means a figure gone wrong; without a digit there is no figure ("+" drawn between boxes).
  if (!/\d/.test(rest)) return { kind: "text", text };
  // Dates typed as text ("2007.5.2", "1996. 12. 6.", "2021.1.~ 2021.12.") are not broken numbers;
  // "12.3.4" is not a plausible date and stays malformed.
  if (DATE_TEXT_RE.test(s)) return { kind: "text", text };
  return malformed(structuralProblem(stripped.trim()));
}

/** "12a34", "1O0", "l,234": Latin letters typed into or in place of digits. */
function hasLettersInDigits(s: string): boolean {
  return s.split(/\s+/).some(
    (tok) => /\d[,.]?[A-Za-z]+[,.]?\d/.test(tok) || (/\d/.test(tok) && /^[\d,.OoIl]+$/.test(tok) && /[OoIl]/.test(tok)),
  );
}

/** Signs, parentheses and digit groups of a string made of digits, separators and signs only. */
function structuralProblem(t: string): MalformedReason {
  let i = 0;
  let marks = 0;
  let opens = 0;
  while (i < t.length && (SIGN_CHARS.includes(t[i]) || t[i] === "(" || /\s/.test(t[i]))) {
    if (t[i] === "(") opens++;
    else if (!/\s/.test(t[i])) marks++;
    i++;
  }
  let j = t.length;
  let closes = 0;
  while (j > i && (t[j - 1] === ")" || /\s/.test(t[j - 1]))) {
    if (t[j - 1] === ")") closes++;
    j--;
  }
  if (marks + opens > 1) return "sign";
  const core = t.slice(i, j);
  if ([...core].some((c) => SIGN_CHARS.includes(c))) return "sign";
  if (opens !== closes || /[()]/.test(core)) return "other";
  if (/[^\d,.\s]/.test(core)) return "other";
  for (const tok of core.split(/\s+/)) {
    const problem = tokenProblem(tok);
    if (problem !== undefined) return problem;
  }
  return "other";
}

function tokenProblem(tok: string): MalformedReason | undefined {
  const parts = tok.split(".");
  if (parts.length > 2) return "decimal-points";
  const [intPart, frac] = parts;
  if (frac !== undefined && frac.includes(",")) return "grouping";
  if (intPart.includes(",") && !/^[1-9]\d{0,2}(?:,\d{3})+$/.test(intPart)) return "grouping";
  if (intPart === "" || frac === "") return "other";
  return undefined;
}

// ---- exact decimal arithmetic -------------------------------------------------------------

interface Decimal {
  negative: boolean;
  /** All digits, no decimal point: value = digits / 10^scale. */
  digits: bigint;
  scale: number;
}

/** The shortest decimal that reads back as `value` (what String() prints), without exponent. */
function toDecimal(value: number): Decimal {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (m === null) throw new RangeError(`unexpected number form: ${value}`);
  const frac = m[3] ?? "";
  const scale = frac.length - Number(m[4] ?? "0");
  const all = BigInt(m[2] + frac);
  return scale >= 0
    ? { negative: m[1] === "-", digits: all, scale }
    : { negative: m[1] === "-", digits: all * 10n ** BigInt(-scale), scale: 0 };
}

/** Plain decimal text of digits / 10^scale, trailing fraction zeros removed. */
function decimalText(d: Decimal): string {
  let s = d.digits.toString().padStart(d.scale + 1, "0");
  if (d.scale > 0) s = `${s.slice(0, -d.scale)}.${s.slice(-d.scale)}`.replace(/\.?0+$/, "");
  return d.negative && d.digits !== 0n ? `-${s}` : s;
}

function plainString(value: number): string {
  return decimalText(toDecimal(value));
}

/**
 * Whether `value` stands for the decimal `exact` (canonical form) without rounding.
 * Integers must be the very same integer (so BigInt(value) is right; past 2^53 most are not).
 * Fractions can never be exact in binary; there the test is that the double reads back as that decimal.
 */
function holdsExactly(value: number, exact: string): boolean {
  if (!exact.includes(".")) return Number.isInteger(value) && BigInt(value) === BigInt(exact);
  return plainString(value) === exact;
}

/** "007.50" -> "7.5": the form plainString gives, to compare parsed digits with what a double kept. */
function canonicalDecimal(s: string): string {
  const [intPart, frac = ""] = s.split(".");
  const i = intPart.replace(/^0+(?=\d)/, "");
  const f = frac.replace(/0+$/, "");
  return f === "" ? i : `${i}.${f}`;
}

export function decimalsOf(value: number): number {
  // Almost every budget figure is whole: skip the exact decimal expansion for those.
  if (Number.isSafeInteger(value)) return 0;
  return toDecimal(value).scale;
}

/** log10 of a unit's size; every unit is a power of ten, which keeps conversions finite decimals. */
function exponentOf(unit: Unit): number {
  return WON_PER_UNIT[unit].toString().length - 1;
}

export function toWon(value: number, unit: Unit): bigint {
  const d = toDecimal(value);
  const scaled = d.digits * WON_PER_UNIT[unit];
  const divisor = 10n ** BigInt(d.scale);
  if (scaled % divisor !== 0n) throw new RangeError(`${value} ${unit} is not a whole number of 원`);
  const won = scaled / divisor;
  return d.negative ? -won : won;
}

export function convert(value: number, from: Unit, to: Unit): { value: number; exact: boolean } {
  const d = toDecimal(value);
  // value * 10^e(from) / 10^e(to): only the position of the decimal point moves.
  const shift = exponentOf(from) - exponentOf(to);
  const moved: Decimal =
    shift >= 0 ? { ...d, digits: d.digits * 10n ** BigInt(shift) } : { ...d, scale: d.scale - shift };
  const exactText = decimalText(moved);
  const result = Number(exactText);
  return { value: Object.is(result, -0) ? 0 : result, exact: holdsExactly(result, exactText) };
}

export function formatAmount(value: number): string {
  const s = plainString(value);
  const negative = s.startsWith("-");
  const [intPart, frac] = (negative ? s.slice(1) : s).split(".");
  const grouped = intPart.replace(/\B(?=(\d{3})+$)/g, ",");
  return `${negative ? "-" : ""}${grouped}${frac === undefined ? "" : `.${frac}`}`;
}

// Text with digits that is not a figure gone wrong: dates ("2001/02", "12/31/03", "30.09.2003"), ranges of years ("1991 - 1992",
// "2001-02"), times and durations ("1:30"), codes and expressions ("22131+60489", "117-019").
const NOT_A_FIGURE = [
  /\d\s*\/\s*\d/,
  /^\s*\d{1,4}\s*[.-]\s*\d{1,2}\s*[.-]\s*\d{2,4}\s*\.?\s*$/,
  /^\s*(?:19|20)\d\d\s*[-–~]\s*(?:\d{2}|(?:19|20)\d\d)\s*$/,
  /\d\s*:\s*\d/,
  /^\s*\d+(?:\s*[-+]\s*\d+)+\s*$/,
];

export function isNotAFigure(text: string): boolean {
  return NOT_A_FIGURE.some((re) => re.test(text));
}

// A figure gone wrong is made of digits and separators, between its sign and its unit: "24,00", "1,2345", "12.3.4",
// "3,000원원". Section numbers ("1."), references ("(51)-1, (52)") and expressions ("49743804*0.343") are not.
const FIGURE_SHAPE = /^[\s△▲+\-−(]*\d[\d,.\s]*\d[)\s]*[원천백만억조\s]*$/u;

/** A text that failed to read as a number but is shaped like one: a figure gone wrong, not a note or a code. */
export function looksLikeFigure(text: string): boolean {
  return FIGURE_SHAPE.test(text) && !isNotAFigure(text);
}
