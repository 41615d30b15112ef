// The 시나리오 sheet as a SheetPlan: the scenario's inputs as input cells (with validation), every result as an Excel
// formula over them, so a planner can go on changing the inputs in Excel; the sweep table (formulas too) and its
// chart; and, when asked, the present value of a program's funding with its sensitivity table.
//
// The formulas are the engine's rules written in Excel (see giftcert.ts): each product of a rate and an amount is
// rounded to the nearest 원 with ROUND(x·K, 0)/K, K being the 원 in one unit, so the sheet and the engine agree to
// the 원. The blocks are kept apart by two blank rows, as the check's table detector expects; only the 재원별 block
// (국비, 시비, 구비, 계) reads as a table, and its 계 is a SUM of exactly its parts, so checking the sheet finds no error.
// Before Excel calculates, the check reports the MIN formulas of 국비 and 시비 as "not calculated" (it evaluates
// only SUM and +/−); once calculated, nothing.
import type { Lang } from "../findings/findings";
import { a1, columnName, type Range } from "../cells/grid";
import { emptyPlan, type PlanCell, type PlanChart, type PlanValidation, type SheetPlan } from "../cells/sheet-plan";
import { UNIT_EN, WON_PER_UNIT, type Unit } from "../numbers/units";
import { rateToNumber, shownDecimals, wonToNumber } from "./exact";
import type { GiftCertInputs } from "./giftcert";
import type { PvSpec, SweepSpec } from "./scenario-form";
import { SHEET_WORDS, type SheetWords, type Text } from "./scenario-messages";

export const SCENARIO_SHEET = "시나리오";

export interface ScenarioSheetInput {
  lang: Lang;
  unit: Unit;
  giftcert: GiftCertInputs;
  sweep: SweepSpec;
  /** The district's budget for the program and year, and where it was read ("04 G밸리사랑상품권 2021년 구비"). */
  budget?: { won: bigint; source: string };
  pv?: PvSpec & { source?: string };
}

/** Where the results are, A1 on the sheet: for the tests that recalculate it, and for the pane's message. */
export interface ScenarioCells {
  discountCost: string;
  national: string;
  city: string;
  district: string;
  total: string;
  districtShare: string;
  difference: string;
  /** sweep[i][j]: 구비 at the i-th rate and j-th issuance. */
  sweep: string[][];
  pvTotal?: string;
  /** One per sensitivity rate. */
  sensitivity?: string[];
}

export interface ScenarioLayout {
  plan: SheetPlan;
  cells: ScenarioCells;
}

const INPUT_FILL = "#FFF2CC";
const HEADER_FILL = "#D9E1F2";
const RATE_FORMAT = "0.00%";

/** A sheet word in both languages: chart titles and validation texts travel with the workbook, whoever opens it. */
const inBoth = (pick: (w: SheetWords) => string): Text => ({ ko: pick(SHEET_WORDS.ko), en: pick(SHEET_WORDS.en) });

/** Amount cells show as many decimals as the pane and the command line (6억 "6.00", 15.05억 "15.05", 천원 none). */
function amountFormat(unit: Unit): string {
  const decimals = shownDecimals(unit);
  return decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(decimals)}`;
}

export function layoutScenarioSheet(x: ScenarioSheetInput): ScenarioLayout {
  const w: SheetWords = SHEET_WORDS[x.lang];
  // Korean names the unit itself (억원), English spells it out (hundred million won).
  const unitWord = x.lang === "ko" ? x.unit : UNIT_EN[x.unit];
  // Column headers name the unit as budget tables do, "(억원)", in both languages: that is how the check (and a
  // reader) knows the unit of the 재원별 table.
  const unitSymbol = x.unit;
  const K = Number(WON_PER_UNIT[x.unit]);
  const money = amountFormat(x.unit);
  // The product of a rate and an amount (both cell expressions), to the nearest 원, in the sheet's unit.
  const won = (expr: string): string => (K === 1 ? `ROUND(${expr},0)` : `ROUND(${expr}*${K},0)/${K}`);
  const amount = (v: bigint): number => wonToNumber(v, x.unit);

  const plan = emptyPlan(SCENARIO_SHEET);
  const put = (cell: PlanCell): void => {
    plan.cells.push(cell);
  };
  const text = (r: number, c: number, value: string, extra: Partial<PlanCell> = {}): void => put({ r, c, value, ...extra });
  const header = (r: number, labels: string[]): void => labels.forEach((v, c) => text(r, c, v, { bold: true, fill: HEADER_FILL }));
  const formula = (r: number, c: number, f: string, numberFormat?: string, extra: Partial<PlanCell> = {}): string => {
    put({ r, c, formula: f, ...(numberFormat !== undefined ? { numberFormat } : {}), ...extra });
    return a1(r, c);
  };
  const input = (r: number, c: number, value: number | undefined, numberFormat: string): void =>
    put({ r, c, ...(value !== undefined ? { value } : {}), numberFormat, input: true, fill: INPUT_FILL });
  const validations: { kind: "rate" | "amount" | "year"; r: number; c: number }[] = [];

  // ---- inputs: A4:C14 ----
  text(0, 0, w.title, { bold: true });
  text(1, 0, w.note(unitWord));
  header(3, [w.inputs, w.value, w.unitHeader]);
  const g = x.giftcert;
  const rows: { label: string; value: number | undefined; kind: "rate" | "amount"; note?: string }[] = [
    { label: w.issuance, value: amount(g.issuance), kind: "amount", note: unitWord },
    { label: w.discountRate, value: rateToNumber(g.discountRate), kind: "rate" },
    { label: w.nationalRate, value: rateToNumber(g.nationalRate), kind: "rate" },
    { label: w.nationalVolume, value: g.nationalVolume === undefined ? undefined : amount(g.nationalVolume), kind: "amount", note: `${unitWord} · ${w.noLimit}` },
    { label: w.cityRate, value: rateToNumber(g.cityRate), kind: "rate" },
    { label: w.cityCap, value: g.cityCap === undefined ? undefined : amount(g.cityCap), kind: "amount", note: `${unitWord} · ${w.noCap}` },
    { label: w.districtMinRate, value: rateToNumber(g.districtMinRate), kind: "rate" },
    { label: w.otherRate, value: rateToNumber(g.otherRate), kind: "rate" },
    { label: w.otherAmount, value: amount(g.otherAmount), kind: "amount", note: unitWord },
    { label: w.budget(x.budget?.source), value: x.budget === undefined ? undefined : amount(x.budget.won), kind: "amount", note: unitWord },
  ];
  rows.forEach((row, i) => {
    const r = 4 + i;
    text(r, 0, row.label);
    input(r, 1, row.value, row.kind === "rate" ? RATE_FORMAT : money);
    if (row.note !== undefined) text(r, 2, row.note);
    validations.push({ kind: row.kind, r, c: 1 });
  });
  const [I, RATE, NRATE, NVOL, CRATE, CCAP, MINRATE, ORATE, OAMT, BUDGET] = rows.map((_, i) => `B${5 + i}`);
  const abs = (ref: string): string => ref.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");

  // ---- derivation: A17:B23 ----
  header(16, [w.derivation, w.amount(unitSymbol)]);
  const derivation: [string, string][] = [
    [w.discountCost, won(`${I}*${RATE}`)],
    [w.districtMinimum, won(`${I}*${MINRATE}`)],
    [w.nationalEligible, `MIN(${I},${NVOL})`],
    [w.nationalOffer, won(`${NRATE}*B20`)],
    [w.cityOffer, `MIN(${won(`${CRATE}*${I}`)},${CCAP})`],
    [w.other, `${won(`${I}*${ORATE}`)}+${OAMT}`],
  ];
  derivation.forEach(([label, f], i) => {
    text(17 + i, 0, label);
    formula(17 + i, 1, f, money);
  });
  const [D, DMIN, , NOFFER, COFFER, OTHER] = derivation.map((_, i) => `B${18 + i}`);

  // ---- 재원별: A26:B30, the one block the check reads as a table ----
  header(25, [w.sources, w.amount(unitSymbol)]);
  text(26, 0, w.national);
  const national = formula(26, 1, `MIN(${NOFFER},${D}-${DMIN})`, money);
  text(27, 0, w.city);
  const city = formula(27, 1, `MIN(${COFFER},${D}-${DMIN}-${national})`, money);
  text(28, 0, w.district);
  const district = formula(28, 1, `${D}-${national}-${city}+${OTHER}`, money);
  text(29, 0, w.total, { bold: true });
  const total = formula(29, 1, `SUM(${national}:${district})`, money, { bold: true });

  // ---- share, comparison with the budget, input check: A33:B36 ----
  text(32, 0, w.districtShare);
  const districtShare = formula(32, 1, `IF(${I}=0,0,${district}/${I})`, RATE_FORMAT);
  text(33, 0, w.difference);
  const difference = formula(33, 1, `IF(ISBLANK(${BUDGET}),"",${BUDGET}-${district})`, money);
  text(34, 0, w.verdict);
  formula(34, 1, `IF(ISBLANK(${BUDGET}),"",IF(${difference}>=0,"${w.surplus}","${w.shortfall}"))`);
  text(35, 0, w.inputCheck);
  formula(35, 1, `IF(${MINRATE}>${RATE},"${w.minAboveDiscount}","${w.inputOk}")`);

  // ---- sweep: title on row 39, table from row 40 ----
  const sweepTop = 39;
  text(sweepTop - 1, 0, w.sweepTitle(unitSymbol), { bold: true });
  text(sweepTop, 0, w.sweepCorner, { bold: true, fill: HEADER_FILL });
  x.sweep.issuances.forEach((iss, j) => {
    input(sweepTop, 1 + j, amount(iss), money);
    validations.push({ kind: "amount", r: sweepTop, c: 1 + j });
  });
  const sweep: string[][] = x.sweep.rates.map((rate, i) => {
    const r = sweepTop + 1 + i;
    input(r, 0, rateToNumber(rate), RATE_FORMAT);
    validations.push({ kind: "rate", r, c: 0 });
    return x.sweep.issuances.map((_, j) => {
      const iss = `${columnName(1 + j)}$${sweepTop + 1}`;
      const rt = `$A${r + 1}`;
      // max(Dmin, D − a − b) + other: the closed form of the split (giftcert.ts), cell by cell.
      const f =
        `MAX(${won(`${iss}*${abs(MINRATE)}`)},${won(`${iss}*${rt}`)}-${won(`${abs(NRATE)}*MIN(${iss},${abs(NVOL)})`)}` +
        `-MIN(${won(`${abs(CRATE)}*${iss}`)},${abs(CCAP)}))+${won(`${iss}*${abs(ORATE)}`)}+${abs(OAMT)}`;
      return formula(r, 1 + j, f, money);
    });
  });
  const sweepBottom = sweepTop + x.sweep.rates.length;
  const charts: PlanChart[] = [];
  if (x.sweep.rates.length > 0 && x.sweep.issuances.length > 0) {
    charts.push({
      kind: "line",
      title: inBoth((w) => w.chartTitle),
      data: { r0: sweepTop, c0: 0, r1: sweepBottom, c1: x.sweep.issuances.length },
      seriesBy: "columns",
      at: { r: 3, c: 4 },
    });
  }
  plan.charts = charts;

  // ---- present value ----
  const cells: ScenarioCells = { discountCost: D, national, city, district, total, districtShare, difference, sweep };
  if (x.pv !== undefined && x.pv.flows.length > 0) {
    const pv = x.pv;
    const top = sweepBottom + 3;
    text(top, 0, w.pvTitle, { bold: true });
    text(top + 1, 0, w.pvRate);
    input(top + 1, 1, rateToNumber(pv.rate), RATE_FORMAT);
    validations.push({ kind: "rate", r: top + 1, c: 1 });
    text(top + 2, 0, w.pvBaseYear);
    input(top + 2, 1, pv.baseYear, "0");
    validations.push({ kind: "year", r: top + 2, c: 1 });
    if (pv.source !== undefined) {
      text(top + 3, 0, w.pvSource);
      text(top + 3, 1, pv.source);
    }
    const PVRATE = `$B$${top + 2}`;
    const BASE = `$B$${top + 3}`;
    const tableTop = top + 6;
    header(tableTop, [w.pvYear, w.amount(unitSymbol), w.pvFactor, w.pvValue(unitSymbol)]);
    pv.flows.forEach((f, i) => {
      const r = tableTop + 1 + i;
      input(r, 0, f.year, "0");
      validations.push({ kind: "year", r, c: 0 });
      input(r, 1, amount(f.won), money);
      validations.push({ kind: "amount", r, c: 1 });
      formula(r, 2, `1/(1+${PVRATE})^(A${r + 1}-${BASE})`, "0.000000");
      formula(r, 3, `B${r + 1}*C${r + 1}`, money);
    });
    const first = tableTop + 2;
    const last = tableTop + 1 + pv.flows.length;
    const totalRow = last + 2;
    text(totalRow, 0, w.pvTotal, { bold: true });
    cells.pvTotal = formula(totalRow, 1, `SUM(D${first}:D${last})`, money);
    const sTop = totalRow + 3;
    text(sTop, 0, w.pvSensitivity, { bold: true });
    header(sTop + 1, [w.pvRateHeader, w.pvValue(unitSymbol)]);
    cells.sensitivity = pv.sensitivity.map((rate, i) => {
      const r = sTop + 2 + i;
      input(r, 0, rateToNumber(rate), RATE_FORMAT);
      validations.push({ kind: "rate", r, c: 0 });
      return formula(r, 1, `SUMPRODUCT($B$${first}:$B$${last}/(1+A${r + 1})^($A$${first}:$A$${last}-${BASE}))`, money);
    });
  }

  plan.validations = mergeValidations(validations);
  plan.columnWidths = [
    { c: 0, width: 36 },
    { c: 1, width: 16 },
    { c: 2, width: 22 },
    ...Array.from({ length: Math.max(0, x.sweep.issuances.length - 2) }, (_, i) => ({ c: 3 + i, width: 14 })),
  ];
  return { plan, cells };
}

const RULES: Record<"rate" | "amount" | "year", PlanValidation["rule"]> = {
  rate: { kind: "decimal", min: 0, max: 1 },
  amount: { kind: "decimal", min: 0 },
  year: { kind: "wholeNumber", min: 1900, max: 2200 },
};

/** One validation per run of cells of one kind in a column (B5:B6, B7), Korean and English texts. */
function mergeValidations(cells: { kind: "rate" | "amount" | "year"; r: number; c: number }[]): PlanValidation[] {
  const sorted = [...cells].sort((p, q) => p.c - q.c || p.r - q.r);
  const runs: { kind: "rate" | "amount" | "year"; range: Range }[] = [];
  for (const cell of sorted) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.kind === cell.kind && last.range.c0 === cell.c && last.range.r1 === cell.r - 1) last.range.r1 = cell.r;
    else runs.push({ kind: cell.kind, range: { r0: cell.r, c0: cell.c, r1: cell.r, c1: cell.c } });
  }
  const titleKey = { rate: "rateTitle", amount: "amountTitle", year: "yearTitle" } as const;
  return runs.map((run) => ({
    range: run.range,
    rule: RULES[run.kind],
    title: inBoth((w) => w.validation[titleKey[run.kind]]),
    message: inBoth((w) => w.validation[run.kind]),
  }));
}
