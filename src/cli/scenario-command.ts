// `yesan scenario giftcert …` and `yesan scenario pv …`: the 시나리오 tab's results for scripts and checks. The options
// are read as the pane's fields (core/scenario/scenario-form.ts) and computed by the same runScenario, so the two
// print the same numbers.
import { guessPlanYear } from "../core/check-workbook";
import type { Lang } from "../core/findings/findings";
import { classifyLabel } from "../core/layout/labels";
import type { Unit } from "../core/numbers/units";
import { formatRate, formatWon, formatWonRounded, jsonWon, parseYear, shownDecimals, wonToNumber } from "../core/scenario/exact";
import { unitFromWord } from "../core/numbers/numbers";
import { defaultYear, findFundingPrograms, matchPrograms, type FundingProgram, type LineKey } from "../core/scenario/funding-lines";
import { discountFactor, fractionText, presentValue, presentValueWon, type Fraction } from "../core/scenario/present-value";
import {
  DEFAULT_PV_FORM,
  DEFAULT_SWEEP_FORM,
  type GiftCertField,
  type GiftCertForm,
  type PvField,
  type PvForm,
  type SweepField,
  type SweepForm,
} from "../core/scenario/scenario-form";
import { runScenario, type ScenarioRun } from "../core/scenario/scenario-run";
import { SCENARIO_MSG, type Text } from "../core/scenario/scenario-messages";
import { readWorkbookGrid, XlsxReadError } from "./read-xlsx";
import type { Io } from "./io";
import { parseCommandLine } from "./options";
import { SCENARIO_CLI_TEXT, type ScenarioCliText } from "./scenario-messages";

/** Each form field and the option that fills it. */
const GIFT_OPTIONS: Record<GiftCertField, string> = {
  issuance: "issuance",
  discountRate: "rate",
  nationalRate: "national",
  nationalVolume: "national-volume",
  cityRate: "city",
  cityCap: "city-cap",
  districtMinRate: "min",
  other: "other",
};
const SWEEP_OPTIONS: Record<SweepField, string> = { sweepFrom: "sweep-from", sweepTo: "sweep-to", sweepStep: "sweep-step", sweepIssuances: "sweep-issuance" };
const PV_OPTIONS: Record<PvField, string> = { pvRate: "rate", pvBaseYear: "base", pvSensitivity: "sensitivity", pvAmounts: "amounts", pvStartYear: "start" };

const OPTIONS = {
  unit: { type: "string" },
  workbook: { type: "string" },
  program: { type: "string" },
  year: { type: "string" },
  line: { type: "string" },
  issuance: { type: "string" },
  rate: { type: "string" },
  national: { type: "string" },
  "national-volume": { type: "string" },
  city: { type: "string" },
  "city-cap": { type: "string" },
  min: { type: "string" },
  other: { type: "string" },
  "sweep-from": { type: "string" },
  "sweep-to": { type: "string" },
  "sweep-step": { type: "string" },
  "sweep-issuance": { type: "string" },
  amounts: { type: "string" },
  start: { type: "string" },
  base: { type: "string" },
  sensitivity: { type: "string" },
} as const;

type Values = Partial<Record<keyof typeof OPTIONS, string | boolean>>;

class InputError extends Error {}

/** `argv` starts with "scenario"; resolves to the exit code (0 done, 2 bad input or an unreadable workbook). */
export async function scenarioCommand(argv: string[], io: Io): Promise<number> {
  const parsed = parseCommandLine(argv, io, "scenario", OPTIONS, { ko: SCENARIO_CLI_TEXT.ko.usage, en: SCENARIO_CLI_TEXT.en.usage });
  if (typeof parsed === "number") return parsed;
  const values: Values = parsed.values;
  const { lang, format } = parsed;
  const t = SCENARIO_CLI_TEXT[lang];
  const [, kind] = parsed.positionals;
  if (kind === undefined || parsed.positionals.length > 2) {
    io.err(`${t.usage}\n`);
    return 2;
  }
  if (kind !== "giftcert" && kind !== "pv") {
    io.err(`${t.unknownKind(kind)}\n${t.usage}\n`);
    return 2;
  }
  try {
    const unit = readUnit(values.unit, kind === "giftcert" ? "억원" : "천원", t);
    const source = typeof values.workbook === "string" ? await readProgram(values, kind, t) : undefined;
    const run = runScenario({
      unit,
      giftcert: kind === "giftcert" ? giftForm(values) : SEED_EMPTY,
      sweep: sweepForm(values),
      pv: kind === "pv" ? pvForm(values) : DEFAULT_PV_FORM,
      ...(source !== undefined ? { program: source.program, year: source.year } : {}),
      ...(kind === "pv" && source !== undefined ? { pvLine: source.line } : {}),
    });
    const errors = kind === "giftcert" ? [...fieldErrors(run.errors.giftcert, GIFT_OPTIONS, lang), ...fieldErrors(run.errors.sweep, SWEEP_OPTIONS, lang)] : fieldErrors(run.errors.pv, PV_OPTIONS, lang);
    if (kind === "pv" && run.pv === undefined && errors.length === 0) errors.push(`--amounts: ${SCENARIO_MSG.noAmounts[lang]}`);
    if (errors.length > 0) {
      io.err(`${errors.join("\n")}\n`);
      return 2;
    }
    if (kind === "giftcert" && source !== undefined && run.budget === undefined) io.err(`${t.noBudget(source.program.id, source.year)}\n`);
    io.out(format === "json" ? `${JSON.stringify(kind === "giftcert" ? giftJson(run, lang) : pvJson(run, lang), null, 2)}\n` : kind === "giftcert" ? giftText(run, lang) : pvText(run, lang));
    return 0;
  } catch (e) {
    if (e instanceof XlsxReadError) {
      io.err(`${e.file}: ${e.reason[lang]}\n`);
      return 2;
    }
    if (e instanceof InputError) {
      io.err(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

const SEED_EMPTY: GiftCertForm = { issuance: "", discountRate: "", nationalRate: "", nationalVolume: "", cityRate: "", cityCap: "", districtMinRate: "", other: "" };

const str = (v: string | boolean | undefined): string => (typeof v === "string" ? v : "");

function giftForm(v: Values): GiftCertForm {
  const form = { ...SEED_EMPTY };
  for (const [field, option] of Object.entries(GIFT_OPTIONS) as [GiftCertField, keyof Values][]) form[field] = str(v[option]);
  return form;
}

function sweepForm(v: Values): SweepForm {
  const form = { ...DEFAULT_SWEEP_FORM };
  for (const [field, option] of Object.entries(SWEEP_OPTIONS) as [SweepField, keyof Values][]) if (typeof v[option] === "string") form[field] = str(v[option]);
  return form;
}

function pvForm(v: Values): PvForm {
  const form = { ...DEFAULT_PV_FORM };
  for (const [field, option] of Object.entries(PV_OPTIONS) as [PvField, keyof Values][]) if (typeof v[option] === "string") form[field] = str(v[option]);
  return form;
}

function fieldErrors<F extends string>(errors: Partial<Record<F, Text>>, options: Record<F, string>, lang: Lang): string[] {
  return (Object.entries(errors) as [F, Text][]).map(([field, text]) => `--${options[field]}: ${text[lang]}`);
}

function readUnit(v: string | boolean | undefined, fallback: Unit, t: ScenarioCliText): Unit {
  if (typeof v !== "string") return fallback;
  const found = unitFromWord(v);
  if (found === undefined) throw new InputError(t.unknownUnit(v));
  return found;
}

/** The program (by --program, else the one gift-certificate program), its budget year and, for pv, its line. */
async function readProgram(v: Values, kind: "giftcert" | "pv", t: ScenarioCliText): Promise<{ program: FundingProgram; year: number; line: LineKey }> {
  const file = str(v.workbook);
  const grid = await readWorkbookGrid(file, file);
  const programs = findFundingPrograms(grid);
  const query = typeof v.program === "string" ? v.program : "상품권";
  const found = matchPrograms(programs, query);
  if (found.length === 0) throw new InputError(t.noProgram(query, programs.map((p) => p.id)));
  if (found.length > 1) throw new InputError(t.manyPrograms(query, found.map((p) => p.id)));
  const program = found[0];
  let year: number;
  if (typeof v.year === "string") {
    const parsed = parseYear(v.year);
    year = parsed.ok ? parsed.value : NaN;
    if (!program.years.includes(year)) throw new InputError(t.noYear(program.id, v.year, program.years));
  } else {
    // A program has at least one year (findFundingPrograms keeps only tables with years).
    year = defaultYear(program, guessPlanYear(grid)) ?? program.years[0];
  }
  let line: LineKey = "total";
  if (kind === "pv" && typeof v.line === "string") {
    const cls = classifyLabel(v.line);
    if (cls?.kind === "total") line = "total";
    else if (cls?.kind === "source") line = cls.source;
    else throw new InputError(t.unknownLine(v.line));
    if (!program.lines.some((l) => l.key === line)) throw new InputError(t.unknownLine(v.line));
  }
  return { program, year, line };
}

// ---- output -------------------------------------------------------------------------------------------------

function giftText(run: ScenarioRun, lang: Lang): string {
  const t = SCENARIO_CLI_TEXT[lang];
  const x = run.inputs;
  const r = run.result;
  if (x === undefined || r === undefined) return "";
  const m = (won: bigint): string => formatWon(won, run.unit);
  const out: string[] = [t.giftTitle(run.unit)];
  out.push(
    t.inputsLine([
      `${t.issuance} ${m(x.issuance)}`,
      `${t.discountRate} ${formatRate(x.discountRate)}`,
      `${t.national} ${formatRate(x.nationalRate)}`,
      `${t.nationalVolume} ${x.nationalVolume === undefined ? t.noLimit : m(x.nationalVolume)}`,
      `${t.city} ${formatRate(x.cityRate)}`,
      `${t.cityCap} ${x.cityCap === undefined ? t.noLimit : m(x.cityCap)}`,
      `${t.districtMin} ${formatRate(x.districtMinRate)}`,
      `${t.other} ${x.otherRate > 0n ? formatRate(x.otherRate) : m(x.otherAmount)}`,
    ]),
  );
  out.push(`${t.discountCost}\t${m(r.discountCost)}`);
  out.push(`${t.districtMinimum}\t${m(r.districtMinimum)}`);
  out.push(`${t.sources.national}\t${m(r.national)}`);
  out.push(`${t.sources.city}\t${m(r.city)}`);
  out.push(`${t.sources.district}\t${m(r.district)}\t(${t.share(formatRate(r.districtShare))})`);
  out.push(`${t.sources.total}\t${m(r.total)}`);
  for (const key of ["nationalVolume", "cityCap", "districtMinimum"] as const) if (r.binding[key]) out.push(t.binding[key]);
  if (run.budget !== undefined) {
    const b = run.budget;
    out.push(t.budget(b.source[lang], b.cell, m(b.budget), m(b.district), m(b.difference), b.surplus));
  }
  if (run.sweep !== undefined) {
    out.push("", t.sweepTitle(run.unit), [t.sweepCorner, ...run.sweep.issuances.map(m)].join("\t"));
    run.sweep.rates.forEach((rate, i) => out.push([formatRate(rate), ...(run.sweep?.district[i] ?? []).map(m)].join("\t")));
  }
  return `${out.join("\n")}\n`;
}

function pvText(run: ScenarioRun, lang: Lang): string {
  const t = SCENARIO_CLI_TEXT[lang];
  const pv = run.pv;
  if (pv === undefined) return "";
  const m = (won: bigint): string => formatWon(won, run.unit);
  // Discounted amounts have many decimals in a large unit: shown rounded (the JSON keeps them exact).
  const shown = (won: bigint | Fraction): string => formatWonRounded(won, run.unit);
  const { flows, rate, baseYear } = pv.spec;
  const out: string[] = [t.pvTitle(formatRate(rate), baseYear, run.unit)];
  if (pv.source !== undefined) out.push(`${t.pvSource}: ${pv.source[lang]}`);
  out.push(t.pvHeader.join("\t"));
  for (const f of flows) {
    out.push([String(f.year), m(f.won), fractionText(discountFactor(rate, f.year, baseYear), 6), shown(presentValue([f], rate, baseYear))].join("\t"));
  }
  out.push(t.pvTotal(shown(pv.exact)), "", t.sensitivityTitle);
  for (const s of pv.sensitivity) out.push(`${formatRate(s.rate)}\t${shown(s.exact)}`);
  out.push("", t.rounding(run.unit, shownDecimals(run.unit)));
  return `${out.join("\n")}\n`;
}

/** An amount for scripts: exact 원 and the value in the chosen unit. */
const amountJson = (won: bigint, unit: Unit) => ({ won: jsonWon(won), value: wonToNumber(won, unit) });

function giftJson(run: ScenarioRun, lang: Lang) {
  const x = run.inputs;
  const r = run.result;
  if (x === undefined || r === undefined) return {};
  const a = (won: bigint) => amountJson(won, run.unit);
  return {
    unit: run.unit,
    inputs: {
      issuance: a(x.issuance),
      discountRate: formatRate(x.discountRate),
      nationalRate: formatRate(x.nationalRate),
      nationalVolume: x.nationalVolume === undefined ? null : a(x.nationalVolume),
      cityRate: formatRate(x.cityRate),
      cityCap: x.cityCap === undefined ? null : a(x.cityCap),
      districtMinRate: formatRate(x.districtMinRate),
      otherRate: formatRate(x.otherRate),
      otherAmount: a(x.otherAmount),
    },
    result: {
      discountCost: a(r.discountCost),
      districtMinimum: a(r.districtMinimum),
      national: a(r.national),
      city: a(r.city),
      district: a(r.district),
      total: a(r.total),
      districtShare: formatRate(r.districtShare),
      binding: r.binding,
    },
    budget:
      run.budget === undefined
        ? null
        : { program: run.budget.program, year: run.budget.year, cell: run.budget.cell, source: run.budget.source[lang], budget: a(run.budget.budget), difference: a(run.budget.difference), surplus: run.budget.surplus },
    sweep:
      run.sweep === undefined
        ? null
        : { rates: run.sweep.rates.map(formatRate), issuances: run.sweep.issuances.map(a), district: run.sweep.district.map((row) => row.map(a)) },
  };
}

function pvJson(run: ScenarioRun, lang: Lang) {
  const pv = run.pv;
  if (pv === undefined) return {};
  const { flows, rate, baseYear } = pv.spec;
  const a = (won: bigint) => amountJson(won, run.unit);
  return {
    unit: run.unit,
    rate: formatRate(rate),
    baseYear,
    source: pv.source?.[lang] ?? null,
    rounding: "half-up to the won, after exact computation",
    years: flows.map((f) => ({ year: f.year, amount: a(f.won), factor: fractionText(discountFactor(rate, f.year, baseYear), 9), presentValue: a(presentValueWon([f], rate, baseYear)) })),
    presentValue: a(pv.won),
    sensitivity: pv.sensitivity.map((s) => ({ rate: formatRate(s.rate), presentValue: a(s.won) })),
  };
}
