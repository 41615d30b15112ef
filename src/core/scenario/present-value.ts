// Present value of a multi-year funding plan at a social discount rate.
//
// 4.5% is the real social discount rate of Korea's preliminary feasibility studies (예비타당성조사, KDI's general
// guidelines) since 2017; it was 5.5% before. Each year's amount is discounted to the base year:
//   PV = Σ amount_t / (1 + r)^(t − base)
// (years before the base are compounded forward). The sum is computed exactly, as a fraction of bigints, and
// rounded to the nearest 원 (half up) only when shown; the sheet computes the same sum in Excel's doubles and
// shows it through a number format, so the two agree within half a 원.
import { PPM, roundHalfUp, type Ppm } from "./exact";

export const SOCIAL_DISCOUNT_RATE: Ppm = 45_000n;

/** Rates of the default sensitivity table: the current rate, the previous 5.5%, and a point either side. */
export const DEFAULT_SENSITIVITY: readonly Ppm[] = [25_000n, 35_000n, 45_000n, 55_000n, 65_000n];

export interface YearAmount {
  year: number;
  won: bigint;
}

export interface Fraction {
  num: bigint;
  den: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

/** The exact present value, a reduced fraction of 원. */
export function presentValue(flows: readonly YearAmount[], rate: Ppm, baseYear: number): Fraction {
  if (rate < 0n) throw new RangeError("presentValue: negative rate");
  let num = 0n;
  let den = 1n;
  for (const f of flows) {
    const factor = discountFactor(rate, f.year, baseYear);
    num = num * factor.den + f.won * factor.num * den;
    den = den * factor.den;
    const g = gcd(num, den);
    if (g > 1n) {
      num /= g;
      den /= g;
    }
  }
  return { num, den };
}

/** The present value rounded to the nearest 원, half up: what the pane and the command line show. */
export function presentValueWon(flows: readonly YearAmount[], rate: Ppm, baseYear: number): bigint {
  const pv = presentValue(flows, rate, baseYear);
  return roundHalfUp(pv.num, pv.den);
}

export interface Sensitivity {
  rate: Ppm;
  /** Rounded to the 원. */
  won: bigint;
  /** Exact: what a rounding to a coarser unit starts from (rounding the 원 first could round twice). */
  exact: Fraction;
}

export function sensitivity(flows: readonly YearAmount[], rates: readonly Ppm[], baseYear: number): Sensitivity[] {
  return rates.map((rate) => {
    const exact = presentValue(flows, rate, baseYear);
    return { rate, won: roundHalfUp(exact.num, exact.den), exact };
  });
}

/**
 * 1 / (1 + r)^(year − base) as an exact fraction (the factor each year's amount is multiplied by):
 * PPM^k / (PPM + rate)^k, or (PPM + rate)^|k| / PPM^|k| for years before the base.
 */
export function discountFactor(rate: Ppm, year: number, baseYear: number): Fraction {
  const k = year - baseYear;
  const growth = PPM + rate;
  return k >= 0 ? { num: PPM ** BigInt(k), den: growth ** BigInt(k) } : { num: growth ** BigInt(-k), den: PPM ** BigInt(-k) };
}

/** A fraction as a decimal with `digits` places, rounded half up: "0.956938". */
export function fractionText(f: Fraction, digits: number): string {
  const scaled = roundHalfUp(f.num * 10n ** BigInt(digits), f.den);
  const neg = scaled < 0n;
  const s = (neg ? -scaled : scaled).toString().padStart(digits + 1, "0");
  return `${neg ? "-" : ""}${digits === 0 ? s : `${s.slice(0, -digits)}.${s.slice(-digits)}`}`;
}
