// 시나리오 inputs as a planner types them, shared by the tests that recalculate the 시나리오 sheet in LibreOffice
// (the CLI's .xlsx and the preview's in-memory Excel): the seed's, caps and volumes that bind, odd amounts that need
// rounding to the 원, a 0% case, in both languages and several units.
import path from "node:path";
import { readWorkbookGrid } from "../../src/cli/read-xlsx";
import type { Lang } from "../../src/core/findings/findings";
import { findFundingPrograms, matchPrograms, type FundingProgram } from "../../src/core/scenario/funding-lines";
import { DEFAULT_PV_FORM, DEFAULT_SWEEP_FORM, SEED_GIFTCERT_FORM, type GiftCertForm, type PvForm, type SweepForm } from "../../src/core/scenario/scenario-form";
import type { ScenarioRequest } from "../../src/core/scenario/scenario-run";
import type { Unit } from "../../src/core/numbers/units";

const SAMPLE = path.join(__dirname, "../../samples/2021-경제환경국-지역경제과.xlsx");

export interface ScenarioCase {
  name: string;
  lang: Lang;
  unit: Unit;
  giftcert: Partial<GiftCertForm>;
  sweep?: Partial<SweepForm>;
  pv?: Partial<PvForm>;
  /** Compare with the sample's gift-certificate program (its 2021 구비, and its 계 for the present value). */
  program?: boolean;
}

export const SCENARIO_CASES: ScenarioCase[] = [
  { name: "the seed at 7%, with the program's budget and present value", lang: "ko", unit: "억원", giftcert: {}, program: true },
  { name: "the seed at 10%, in English", lang: "en", unit: "억원", giftcert: { discountRate: "10%" }, sweep: { sweepIssuances: "100억 200억 300억" }, program: true },
  {
    name: "caps and the national volume binding, other costs, in 천원",
    lang: "ko",
    unit: "천원",
    giftcert: { discountRate: "10%", nationalRate: "4%", nationalVolume: "200억", cityCap: "10억", other: "0.5%" },
    sweep: { sweepFrom: "7%", sweepTo: "12%", sweepStep: "0.5%", sweepIssuances: "150억; 200억; 300억" },
  },
  {
    name: "odd amounts that need rounding to the 원, in 원",
    lang: "en",
    unit: "원",
    giftcert: { issuance: "12,345,678,901", discountRate: "7.25%", nationalRate: "2.5%", nationalVolume: "5,000,000,000", cityRate: "3.3333%", districtMinRate: "1.1%", other: "123,457" },
    sweep: { sweepFrom: "1.1%", sweepTo: "9.1%", sweepStep: "2%", sweepIssuances: "999,999,999 12,345,678,901" },
    pv: { pvAmounts: "1,000,003 2,500,001 777,777 3", pvStartYear: "2021", pvBaseYear: "2022", pvRate: "4.5%", pvSensitivity: "0% 3.3% 4.5% 12.75%" },
  },
  { name: "the minimum binding at 6%, a city cap above the share, in 백만원", lang: "ko", unit: "백만원", giftcert: { discountRate: "6%", cityCap: "20억" } },
  { name: "0% discount and minimum", lang: "ko", unit: "억원", giftcert: { discountRate: "0%", districtMinRate: "0%" }, sweep: { sweepFrom: "0%", sweepTo: "3%" } },
];

/** The sample workbook's gift-certificate program (지역사랑상품권), as the 시나리오 finds it. */
export async function sampleGiftcertProgram(): Promise<FundingProgram | undefined> {
  return matchPrograms(findFundingPrograms(await readWorkbookGrid(SAMPLE)), "상품권")[0];
}

/** The case's forms over the seed's and the defaults, with the program's 2021 budget and 계 when it asks for them. */
export function scenarioRequest(c: ScenarioCase, program: FundingProgram | undefined): ScenarioRequest {
  return {
    unit: c.unit,
    giftcert: { ...SEED_GIFTCERT_FORM, ...c.giftcert },
    sweep: { ...DEFAULT_SWEEP_FORM, ...c.sweep },
    pv: { ...DEFAULT_PV_FORM, ...c.pv },
    ...(c.program === true ? { program, year: 2021, pvLine: "total" as const } : {}),
  };
}
