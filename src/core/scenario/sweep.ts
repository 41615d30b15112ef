// The district's cost over a grid of discount rates and issuance amounts: "what does a higher discount cost us?"
// at a glance, and the data of the sheet's chart. Every cell is the same computation as the single scenario.
import { computeGiftCert, type GiftCertInputs } from "./giftcert";
import type { Ppm } from "./exact";

/** More rows than this make neither a readable table nor a readable chart. */
export const MAX_SWEEP_RATES = 41;
export const MAX_SWEEP_ISSUANCES = 8;

export interface Sweep {
  rates: Ppm[];
  issuances: bigint[];
  /** district[i][j]: 구비 at rates[i] and issuances[j]. */
  district: bigint[][];
}

/** from, from + step, … up to and including `to` (exact: no step drifts past a bound). */
export function rateSteps(from: Ppm, to: Ppm, step: Ppm): Ppm[] {
  if (step <= 0n) throw new RangeError("rateSteps: the step must be positive");
  const out: Ppm[] = [];
  for (let r = from; r <= to; r += step) out.push(r);
  return out;
}

/** 구비 for every rate and issuance, the other inputs as in `base`. Rates below the mandatory minimum are refused. */
export function sweepDistrict(base: GiftCertInputs, rates: Ppm[], issuances: bigint[]): Sweep {
  const district = rates.map((discountRate) => issuances.map((issuance) => computeGiftCert({ ...base, discountRate, issuance }).district));
  return { rates, issuances, district };
}
