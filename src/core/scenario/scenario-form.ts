// What a planner types (in the pane's fields or as command-line options) to exact scenario inputs, or a message
// per field saying what is wrong with it. The pane and the command line both read their text through here, so
// they accept and refuse exactly the same things.
import type { Unit } from "../numbers/units";
import { formatRate, parseAmount, parseRate, parseRateOrAmount, parseYear, splitList, type Parsed, type Ppm } from "./exact";
import type { GiftCertInputs } from "./giftcert";
import { DEFAULT_SENSITIVITY, SOCIAL_DISCOUNT_RATE, type YearAmount } from "./present-value";
import { listItemText, problemText, SCENARIO_MSG, type FieldKind, type Text } from "./scenario-messages";
import { MAX_SWEEP_ISSUANCES, MAX_SWEEP_RATES, rateSteps } from "./sweep";

export type FieldErrors<F extends string> = Partial<Record<F, Text>>;

/** Either the inputs, or the errors (never both): a form with any error gives no inputs, so nothing is computed. */
export type FormRead<F extends string, T> = { ok: true; value: T } | { ok: false; errors: FieldErrors<F> };

class Reader<F extends string> {
  readonly errors: FieldErrors<F> = {};
  constructor(private readonly form: Record<F, string>) {}

  private take<T>(field: F, kind: FieldKind, r: Parsed<T>): T | undefined {
    if (r.ok) return r.value;
    this.errors[field] ??= problemText(r.problem, kind, this.form[field]);
    return undefined;
  }

  /** A required field (empty is an error) or, with `fallback`, an optional one. */
  rate(field: F, fallback?: Ppm): Ppm | undefined {
    if (fallback !== undefined && this.form[field].trim() === "") return fallback;
    return this.take(field, "rate", parseRate(this.form[field]));
  }

  amount(field: F, unit: Unit): bigint | undefined {
    return this.take(field, "amount", parseAmount(this.form[field], unit));
  }

  /** An optional amount: empty means "none" (no limit, no cap). */
  optionalAmount(field: F, unit: Unit): { value: bigint | undefined } | undefined {
    if (this.form[field].trim() === "") return { value: undefined };
    const v = this.amount(field, unit);
    return v === undefined ? undefined : { value: v };
  }

  /** An optional rate or amount ("0.5%" or "1억"), split into its rate and amount parts; empty is neither. */
  rateOrAmount(field: F, unit: Unit): { rate: Ppm; amount: bigint } | undefined {
    if (this.form[field].trim() === "") return { rate: 0n, amount: 0n };
    const v = this.take(field, "rate-or-amount", parseRateOrAmount(this.form[field], unit));
    return v === undefined ? undefined : v.kind === "rate" ? { rate: v.rate, amount: 0n } : { rate: 0n, amount: v.won };
  }

  year(field: F): number | undefined {
    return this.take(field, "year", parseYear(this.form[field]));
  }

  list<T>(field: F, kind: FieldKind, parse: (item: string) => Parsed<T>, max: number): T[] | undefined {
    const items = splitList(this.form[field]);
    const out: T[] = [];
    for (const [i, item] of items.entries()) {
      const r = parse(item);
      if (!r.ok) {
        this.errors[field] ??= listItemText(r.problem, kind, item, i);
        return undefined;
      }
      out.push(r.value);
    }
    if (out.length > max) {
      this.errors[field] ??= SCENARIO_MSG.tooMany(out.length, max);
      return undefined;
    }
    return out;
  }

  fail(field: F, text: Text): void {
    this.errors[field] ??= text;
  }

  get clean(): boolean {
    return Object.keys(this.errors).length === 0;
  }
}

// ---- the gift-certificate scenario ----------------------------------------------------------------------------

export type GiftCertField = "issuance" | "discountRate" | "nationalRate" | "nationalVolume" | "cityRate" | "cityCap" | "districtMinRate" | "other";
export type GiftCertForm = Record<GiftCertField, string>;

/** The seed's scenario: 300억 at 7%, the city covering 5 points, the district's mandatory 2%. */
export const SEED_GIFTCERT_FORM: GiftCertForm = {
  issuance: "300억",
  discountRate: "7%",
  nationalRate: "",
  nationalVolume: "",
  cityRate: "5%",
  cityCap: "",
  districtMinRate: "2%",
  other: "",
};

/** Issuance and discount rate are required; empty rates are 0%, an empty volume or cap is no limit. */
export function readGiftCertForm(form: GiftCertForm, unit: Unit): FormRead<GiftCertField, GiftCertInputs> {
  const r = new Reader<GiftCertField>(form);
  const issuance = r.amount("issuance", unit);
  const discountRate = r.rate("discountRate");
  const nationalRate = r.rate("nationalRate", 0n);
  const nationalVolume = r.optionalAmount("nationalVolume", unit);
  const cityRate = r.rate("cityRate", 0n);
  const cityCap = r.optionalAmount("cityCap", unit);
  const districtMinRate = r.rate("districtMinRate", 0n);
  const other = r.rateOrAmount("other", unit);
  if (discountRate !== undefined && districtMinRate !== undefined && districtMinRate > discountRate) {
    r.fail("districtMinRate", SCENARIO_MSG.minAboveDiscount(districtMinRate, discountRate));
  }
  if (
    !r.clean ||
    issuance === undefined ||
    discountRate === undefined ||
    nationalRate === undefined ||
    nationalVolume === undefined ||
    cityRate === undefined ||
    cityCap === undefined ||
    districtMinRate === undefined ||
    other === undefined
  ) {
    return { ok: false, errors: r.errors };
  }
  const inputs: GiftCertInputs = { issuance, discountRate, nationalRate, cityRate, districtMinRate, otherRate: other.rate, otherAmount: other.amount };
  if (nationalVolume.value !== undefined) inputs.nationalVolume = nationalVolume.value;
  if (cityCap.value !== undefined) inputs.cityCap = cityCap.value;
  return { ok: true, value: inputs };
}

// ---- the sweep -------------------------------------------------------------------------------------------------

export type SweepField = "sweepFrom" | "sweepTo" | "sweepStep" | "sweepIssuances";
export type SweepForm = Record<SweepField, string>;

/** 5% to 10% by one point, at the scenario's own issuance (an empty list). */
export const DEFAULT_SWEEP_FORM: SweepForm = { sweepFrom: "5%", sweepTo: "10%", sweepStep: "1%", sweepIssuances: "" };

export interface SweepSpec {
  rates: Ppm[];
  issuances: bigint[];
}

/**
 * The sweep's rates and issuances. An empty issuance list sweeps the scenario's own issuance. With `base` (valid
 * scenario inputs) the first rate must not be below the district's mandatory minimum.
 */
export function readSweepForm(form: SweepForm, unit: Unit, base: GiftCertInputs | undefined): FormRead<SweepField, SweepSpec> {
  const r = new Reader<SweepField>(form);
  const from = r.rate("sweepFrom");
  const to = r.rate("sweepTo");
  const step = r.rate("sweepStep");
  const listed = r.list("sweepIssuances", "amount-list", (s) => parseAmount(s, unit), MAX_SWEEP_ISSUANCES);
  if (step === 0n) r.fail("sweepStep", SCENARIO_MSG.stepZero);
  if (from !== undefined && to !== undefined && to < from) r.fail("sweepTo", SCENARIO_MSG.sweepOrder(from, to));
  if (from !== undefined && base !== undefined && from < base.districtMinRate) r.fail("sweepFrom", SCENARIO_MSG.sweepBelowMin(from, base.districtMinRate));
  if (from !== undefined && to !== undefined && step !== undefined && step > 0n && to >= from) {
    const count = (to - from) / step + 1n;
    if (count > BigInt(MAX_SWEEP_RATES)) r.fail("sweepStep", SCENARIO_MSG.tooMany(Number(count), MAX_SWEEP_RATES));
  }
  if (!r.clean || from === undefined || to === undefined || step === undefined || listed === undefined) return { ok: false, errors: r.errors };
  const issuances = listed.length > 0 ? listed : base !== undefined ? [base.issuance] : [];
  return { ok: true, value: { rates: rateSteps(from, to, step), issuances } };
}

// ---- present value ---------------------------------------------------------------------------------------------

export type PvField = "pvRate" | "pvBaseYear" | "pvSensitivity" | "pvAmounts" | "pvStartYear";
export type PvForm = Record<PvField, string>;

export const DEFAULT_PV_FORM: PvForm = {
  pvRate: "4.5%",
  pvBaseYear: "",
  pvSensitivity: DEFAULT_SENSITIVITY.map(formatRate).join(", "),
  pvAmounts: "",
  pvStartYear: "",
};

export interface PvSpec {
  flows: YearAmount[];
  rate: Ppm;
  baseYear: number;
  sensitivity: Ppm[];
}

const MAX_SENSITIVITY = 12;
const MAX_YEARS_FROM_BASE = 100;

/**
 * The present value's inputs. `flows` given: the amounts come from the workbook (a program's line) and the typed
 * amounts and start year are not read. Otherwise "pvAmounts" lists one amount per year from "pvStartYear". An
 * empty base year is the first year; an empty rate is the social discount rate (4.5%).
 */
export function readPvForm(form: PvForm, unit: Unit, flows?: readonly YearAmount[]): FormRead<PvField, PvSpec> {
  const r = new Reader<PvField>(form);
  const rate = r.rate("pvRate", SOCIAL_DISCOUNT_RATE);
  const sensitivity = r.list("pvSensitivity", "rate-list", parseRate, MAX_SENSITIVITY);
  let series: YearAmount[] | undefined;
  if (flows !== undefined) series = [...flows];
  else {
    const amounts = r.list("pvAmounts", "amount-list", (s) => parseAmount(s, unit), MAX_YEARS_FROM_BASE);
    const start = r.year("pvStartYear");
    if (amounts !== undefined && amounts.length === 0) r.fail("pvAmounts", SCENARIO_MSG.noAmounts);
    if (amounts !== undefined && start !== undefined) series = amounts.map((won, i) => ({ year: start + i, won }));
  }
  const first = series?.[0]?.year;
  const baseYear = form.pvBaseYear.trim() === "" ? first : r.year("pvBaseYear");
  if (series !== undefined && baseYear !== undefined) {
    const span = Math.max(0, ...series.map((f) => Math.abs(f.year - baseYear)));
    if (span > MAX_YEARS_FROM_BASE) r.fail("pvBaseYear", SCENARIO_MSG.yearsTooWide(span));
  }
  if (flows !== undefined && flows.length === 0) r.fail("pvAmounts", SCENARIO_MSG.noAmounts);
  if (!r.clean || rate === undefined || sensitivity === undefined || series === undefined || baseYear === undefined) return { ok: false, errors: r.errors };
  return { ok: true, value: { flows: series, rate, baseYear, sensitivity } };
}
