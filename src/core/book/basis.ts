// 산출기초: the calculation a budget line shows for its amount ("100,000원*6명*12월", "302,345,600원*11.6%",
// "22,670원*3명*30시간*12월+19,770원*1명*30시간*12월", "360대*500,000원*80/100"). Evaluated exactly, in
// rationals over BigInt: a product such as 37,270,000원 × 11.6% must not land a hair above a 천원 boundary and be
// rounded up to the next one. Hand-written because the grammar is the budget forms' own (numbers with unit words,
// ×/x/*/÷, %, one money unit per term), not an arithmetic language a library parses.
import { unitFromWord } from "../numbers/numbers";
import { WON_PER_UNIT } from "../numbers/units";

/** An exact fraction n/d (d > 0). */
export interface Ratio {
  n: bigint;
  d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
};
const norm = (n: bigint, d: bigint): Ratio => {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return { n: n / g, d: d / g };
};
const mul = (a: Ratio, b: Ratio): Ratio => norm(a.n * b.n, a.d * b.d);
const div = (a: Ratio, b: Ratio): Ratio | undefined => (b.n === 0n ? undefined : norm(a.n * b.d, a.d * b.n));
const add = (a: Ratio, b: Ratio): Ratio => norm(a.n * b.d + b.n * a.d, a.d * b.d);

/** "12,500.5" → 125005/10, exactly. */
function decimal(text: string): Ratio | undefined {
  const t = text.replace(/,/g, "");
  const m = /^(\d+)(?:\.(\d+))?$/.exec(t);
  if (m === null) return undefined;
  const frac = m[2] ?? "";
  return norm(BigInt(m[1] + frac), 10n ** BigInt(frac.length));
}

export interface Basis {
  /** The amount in 원, exactly. */
  won: Ratio;
}

const TIMES = new Set(["*", "×", "x", "X", "✕", "·"]);
const DIVIDE = new Set(["/", "÷"]);

/**
 * Evaluates a 산출기초 text; undefined where it is no calculation of money (a note, a text without 원, two money
 * factors in one product, a division by zero). Spaces are ignored: wrapped cells break words and even numbers
 * ("112,65     0원") with runs of spaces.
 */
export function evaluateBasis(text: string): Basis | undefined {
  const s = text.replace(/\s+/g, "");
  if (s === "" || !/\d/.test(s)) return undefined;
  const terms = s.split("+");
  let total: Ratio = { n: 0n, d: 1n };
  for (const term of terms) {
    const v = evaluateTerm(term);
    if (v === undefined) return undefined;
    total = add(total, v);
  }
  return { won: total };
}

/** One product: factors joined by ×, *, x or ÷ and /, exactly one of which is money (원, 천원 …). */
function evaluateTerm(term: string): Ratio | undefined {
  let i = 0;
  let value: Ratio = { n: 1n, d: 1n };
  let money = 0;
  let op: "*" | "/" = "*";
  while (i < term.length) {
    const m = /^(\d[\d,]*(?:\.\d+)?)([^\d*×xX✕·/÷%+]*)(%?)/.exec(term.slice(i));
    if (m === null) return undefined;
    let f = decimal(m[1]);
    if (f === undefined) return undefined;
    const word = m[2];
    if (word !== "") {
      const unit = moneyUnit(word);
      if (unit !== undefined) {
        money++;
        f = mul(f, { n: WON_PER_UNIT[unit], d: 1n });
      }
    }
    if (m[3] === "%") f = mul(f, { n: 1n, d: 100n });
    if (op === "*") value = mul(value, f);
    else {
      const q = div(value, f);
      if (q === undefined) return undefined;
      value = q;
    }
    i += m[0].length;
    if (i >= term.length) break;
    const ch = term[i];
    if (TIMES.has(ch)) op = "*";
    else if (DIVIDE.has(ch)) op = "/";
    else return undefined;
    i++;
  }
  // "50/100원": the 원 on a ratio's last figure is the writer's habit, not a second amount of money.
  return money >= 1 && money <= 2 && (money === 1 || /\/\d[\d,]*원$/.test(term)) ? value : undefined;
}

/** The money unit a word names (원, 천원, 백만원 …), or undefined for a count word (명, 회, 월, 개소, ha …). */
function moneyUnit(word: string): ReturnType<typeof unitFromWord> {
  return word.endsWith("원") ? unitFromWord(word) : undefined;
}

export type Rounding = "floor" | "ceil" | "round";

/** An amount in 원 as whole units of `perUnit` 원 (1,000 for 천원), rounded as the book rounds. */
export function inUnits(won: Ratio, perUnit: bigint, rounding: Rounding): bigint {
  const n = won.n;
  const d = won.d * perUnit;
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const neg = n < 0n;
  if (rounding === "floor") return neg ? q - 1n : q;
  if (rounding === "ceil") return neg ? q : q + 1n;
  // Half away from zero, as ROUND does.
  const twice = (r < 0n ? -r : r) * 2n;
  return twice >= d ? (neg ? q - 1n : q + 1n) : q;
}

/** Whether the amount is a whole number of units (then every rounding agrees). */
export const isWhole = (won: Ratio, perUnit: bigint): boolean => won.n % (won.d * perUnit) === 0n;
