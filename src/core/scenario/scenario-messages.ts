// Every sentence of the scenario engine, Korean first, English second: why an input was refused (shown next to
// the field in the pane and after the option on the command line), and the labels of the 시나리오 sheet.
import type { Text } from "../findings/messages";
import type { Lang } from "../findings/findings";
import { formatRate, type InputProblem, type Ppm } from "./exact";
export type { Text };

/** What a field takes; the "not a number" message gives an example of it. */
export type FieldKind = "amount" | "rate" | "rate-or-amount" | "year" | "rate-list" | "amount-list";

const EXAMPLE: Record<FieldKind, Text> = {
  amount: { ko: "예: 300억, 1,505,000천원", en: "e.g. 300억, 1,505,000천원" },
  rate: { ko: "예: 7%, 4.5%", en: "e.g. 7%, 4.5%" },
  "rate-or-amount": { ko: "예: 0.5% 또는 1억", en: "e.g. 0.5% or 1억" },
  year: { ko: "예: 2021", en: "e.g. 2021" },
  "rate-list": { ko: "예: 3.5%, 4.5%, 5.5%", en: "e.g. 3.5%, 4.5%, 5.5%" },
  "amount-list": { ko: "예: 200억, 300억", en: "e.g. 200억, 300억" },
};

const WHAT: Record<FieldKind, Text> = {
  amount: { ko: "금액", en: "an amount" },
  rate: { ko: "비율", en: "a rate" },
  "rate-or-amount": { ko: "비율이나 금액", en: "a rate or an amount" },
  year: { ko: "연도", en: "a year" },
  "rate-list": { ko: "비율", en: "a rate" },
  "amount-list": { ko: "금액", en: "an amount" },
};

/** Why `typed` was refused in a field of `kind`. */
export function problemText(problem: InputProblem, kind: FieldKind, typed: string): Text {
  const shown = typed.trim();
  switch (problem) {
    case "empty":
      return { ko: "값을 넣으세요.", en: "Enter a value." };
    case "not-a-number":
      return {
        ko: `"${shown}"은(는) ${WHAT[kind].ko}(으)로 읽을 수 없습니다. ${EXAMPLE[kind].ko}`,
        en: `"${shown}" is not ${WHAT[kind].en}; ${EXAMPLE[kind].en}.`,
      };
    case "negative":
      return { ko: `음수(${shown})는 넣을 수 없습니다.`, en: `Cannot be negative (${shown}).` };
    case "over-100":
      return { ko: `100%를 넘을 수 없습니다 (${shown}).`, en: `Cannot exceed 100% (${shown}).` };
    case "too-precise":
      return { ko: "비율은 소수점 넷째 자리(0.0001%)까지만 넣을 수 있습니다.", en: "Rates go to four decimals of a percent (0.0001%) at most." };
    case "fraction-of-won":
      return { ko: `원 미만의 금액은 넣을 수 없습니다 (${shown}).`, en: `Amounts go down to whole won only (${shown}).` };
    case "not-a-year":
      return { ko: `"${shown}"은(는) 연도가 아닙니다. ${EXAMPLE.year.ko}`, en: `"${shown}" is not a year; ${EXAMPLE.year.en}.` };
    case "too-large":
      return { ko: "1,000조원을 넘는 금액은 넣을 수 없습니다.", en: "Amounts above 1,000 trillion won are not accepted." };
  }
}

/** The same, for one item of a list field ("5%, x, 7%"): says which item. */
export function listItemText(problem: InputProblem, kind: FieldKind, item: string, index: number): Text {
  const inner = problemText(problem, kind, item);
  return { ko: `${index + 1}번째 값: ${inner.ko}`, en: `Item ${index + 1}: ${inner.en}` };
}

export const SCENARIO_MSG = {
  minAboveDiscount: (min: Ppm, discount: Ppm): Text => ({
    ko: `구비 의무 보전율(${formatRate(min)})이 할인율(${formatRate(discount)})보다 큽니다. 의무 보전율은 할인율 이하여야 합니다.`,
    en: `The district's mandatory minimum (${formatRate(min)}) is above the discount rate (${formatRate(discount)}); it must not exceed it.`,
  }),
  sweepBelowMin: (from: Ppm, min: Ppm): Text => ({
    ko: `시작 할인율(${formatRate(from)})이 구비 의무 보전율(${formatRate(min)})보다 낮습니다.`,
    en: `The first discount rate (${formatRate(from)}) is below the district's mandatory minimum (${formatRate(min)}).`,
  }),
  sweepOrder: (from: Ppm, to: Ppm): Text => ({
    ko: `끝 할인율(${formatRate(to)})이 시작 할인율(${formatRate(from)})보다 낮습니다.`,
    en: `The last discount rate (${formatRate(to)}) is below the first (${formatRate(from)}).`,
  }),
  stepZero: { ko: "간격은 0보다 커야 합니다.", en: "The step must be above zero." } satisfies Text,
  tooMany: (count: number, max: number): Text => ({
    ko: `값이 ${count}개입니다. ${max}개까지만 넣을 수 있습니다.`,
    en: `That is ${count} values; at most ${max} are allowed.`,
  }),
  noAmounts: { ko: "연도별 금액을 넣으세요.", en: "Enter the amounts by year." } satisfies Text,
  yearsTooWide: (span: number): Text => ({
    ko: `기준연도와 ${span}년 떨어진 금액이 있습니다. 100년 이내로 넣으세요.`,
    en: `An amount is ${span} years from the base year; keep within 100 years.`,
  }),
};

/** The 시나리오 sheet's words, in the language of the pane (or command line) that writes it. */
export interface SheetWords {
  title: string;
  note: (unit: string) => string;
  inputs: string;
  value: string;
  unitHeader: string;
  issuance: string;
  discountRate: string;
  nationalRate: string;
  nationalVolume: string;
  noLimit: string;
  cityRate: string;
  cityCap: string;
  noCap: string;
  districtMinRate: string;
  otherRate: string;
  otherAmount: string;
  budget: (source: string | undefined) => string;
  derivation: string;
  amount: (unit: string) => string;
  discountCost: string;
  districtMinimum: string;
  nationalEligible: string;
  nationalOffer: string;
  cityOffer: string;
  other: string;
  sources: string;
  national: string;
  city: string;
  district: string;
  total: string;
  districtShare: string;
  difference: string;
  verdict: string;
  surplus: string;
  shortfall: string;
  inputCheck: string;
  inputOk: string;
  minAboveDiscount: string;
  sweepTitle: (unit: string) => string;
  sweepCorner: string;
  chartTitle: string;
  pvTitle: string;
  pvRate: string;
  pvBaseYear: string;
  pvSource: string;
  pvYear: string;
  pvFactor: string;
  pvValue: (unit: string) => string;
  pvTotal: string;
  pvSensitivity: string;
  pvRateHeader: string;
  validation: { rateTitle: string; rate: string; amountTitle: string; amount: string; yearTitle: string; year: string };
}

export const SHEET_WORDS: Record<Lang, SheetWords> = {
  ko: {
    title: "상품권 할인 시나리오",
    note: (u) => `노란 칸은 입력 칸입니다. 값을 바꾸면 결과가 다시 계산됩니다. 금액 단위: ${u}, 원 단위 반올림.`,
    inputs: "입력",
    value: "값",
    unitHeader: "단위",
    issuance: "발행액",
    discountRate: "할인율",
    nationalRate: "국비 지원율 (발행액 대비)",
    nationalVolume: "국비 지원 발행한도",
    noLimit: "비우면 한도 없음",
    cityRate: "시비 지원율 (발행액 대비)",
    cityCap: "시비 지원 상한액",
    noCap: "비우면 상한 없음",
    districtMinRate: "구비 의무 보전율",
    otherRate: "기타 비용률 (수수료·인쇄 등)",
    otherAmount: "기타 비용 (금액)",
    budget: (s) => (s === undefined ? "구비 예산" : `구비 예산 (${s})`),
    derivation: "계산 과정",
    amount: (u) => `금액 (${u})`,
    discountCost: "할인 비용 (발행액 × 할인율)",
    districtMinimum: "구비 의무 보전액 (발행액 × 의무 보전율)",
    nationalEligible: "국비 지원 대상 발행액",
    nationalOffer: "국비 지원 가능액",
    cityOffer: "시비 지원 가능액",
    other: "기타 비용",
    sources: "재원별",
    national: "국비",
    city: "시비",
    district: "구비",
    total: "계",
    districtShare: "구비 부담률 (발행액 대비)",
    difference: "예산 대비 차액 (예산 − 구비)",
    verdict: "판정",
    surplus: "여유",
    shortfall: "부족",
    inputCheck: "입력 확인",
    inputOk: "정상",
    minAboveDiscount: "구비 의무 보전율이 할인율보다 큽니다",
    sweepTitle: (u) => `할인율별 구비 부담액 (${u})`,
    sweepCorner: "할인율 \\ 발행액",
    chartTitle: "할인율별 구비 부담액",
    pvTitle: "현재가치 (사회적 할인율)",
    pvRate: "사회적 할인율",
    pvBaseYear: "기준연도",
    pvSource: "자료",
    pvYear: "연도",
    pvFactor: "할인계수",
    pvValue: (u) => `현재가치 (${u})`,
    pvTotal: "현재가치 합계",
    pvSensitivity: "할인율별 현재가치 (민감도)",
    pvRateHeader: "할인율",
    validation: {
      rateTitle: "비율",
      rate: "0%에서 100% 사이의 비율을 넣으세요.",
      amountTitle: "금액",
      amount: "0 이상의 금액을 넣으세요.",
      yearTitle: "연도",
      year: "1900에서 2200 사이의 연도를 넣으세요.",
    },
  },
  en: {
    title: "Gift-certificate discount scenario",
    note: (u) => `Yellow cells are inputs; change them and the results recalculate. Amounts in ${u}, rounded to the won.`,
    inputs: "Inputs",
    value: "Value",
    unitHeader: "Unit",
    issuance: "Issuance",
    discountRate: "Discount rate",
    nationalRate: "National share (of issuance)",
    nationalVolume: "National supported volume",
    noLimit: "blank: no limit",
    cityRate: "City share (of issuance)",
    cityCap: "City cap",
    noCap: "blank: no cap",
    districtMinRate: "District mandatory minimum",
    otherRate: "Other costs rate (fees, printing)",
    otherAmount: "Other costs (amount)",
    budget: (s) => (s === undefined ? "District budget" : `District budget (${s})`),
    derivation: "Derivation",
    amount: (u) => `Amount (${u})`,
    discountCost: "Discount cost (issuance × rate)",
    districtMinimum: "District minimum (issuance × minimum)",
    nationalEligible: "Issuance eligible for national funds",
    nationalOffer: "National funds available",
    cityOffer: "City funds available",
    other: "Other costs",
    sources: "Source",
    national: "국비 (national)",
    city: "시비 (city)",
    district: "구비 (district)",
    total: "Total",
    districtShare: "District share of issuance",
    difference: "Budget − district cost",
    verdict: "Verdict",
    surplus: "surplus",
    shortfall: "shortfall",
    inputCheck: "Input check",
    inputOk: "OK",
    minAboveDiscount: "The mandatory minimum is above the discount rate",
    sweepTitle: (u) => `District cost by discount rate (${u})`,
    sweepCorner: "Rate \\ issuance",
    chartTitle: "District cost by discount rate",
    pvTitle: "Present value (social discount rate)",
    pvRate: "Social discount rate",
    pvBaseYear: "Base year",
    pvSource: "Data",
    pvYear: "Year",
    pvFactor: "Discount factor",
    pvValue: (u) => `Present value (${u})`,
    pvTotal: "Present value, total",
    pvSensitivity: "Present value by rate (sensitivity)",
    pvRateHeader: "Rate",
    validation: {
      rateTitle: "Rate",
      rate: "Enter a rate from 0% to 100%.",
      amountTitle: "Amount",
      amount: "Enter an amount of 0 or more.",
      yearTitle: "Year",
      year: "Enter a year from 1900 to 2200.",
    },
  },
};
