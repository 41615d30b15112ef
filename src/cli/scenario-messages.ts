// The words of `yesan scenario`, Korean first, English second.
import type { Lang } from "../core/findings/findings";
import { UNIT_EN, type Unit } from "../core/numbers/units";
import { SHEET_WORDS, type SheetWords } from "../core/scenario/scenario-messages";

// The words the 시나리오 sheet also prints are taken from its table (core), so the two say the same.
const sourceWords = (w: SheetWords) => ({ national: w.national, city: w.city, district: w.district, total: w.total });

export interface ScenarioCliText {
  usage: string;
  unknownKind: (kind: string) => string;
  unknownUnit: (unit: string) => string;
  unknownLine: (line: string) => string;
  noProgram: (query: string, ids: string[]) => string;
  manyPrograms: (query: string, ids: string[]) => string;
  noYear: (program: string, year: string, years: number[]) => string;
  noBudget: (program: string, year: number) => string;
  pvSource: string;
  giftTitle: (unit: string) => string;
  inputsLine: (parts: string[]) => string;
  issuance: string;
  discountRate: string;
  national: string;
  nationalVolume: string;
  city: string;
  cityCap: string;
  districtMin: string;
  other: string;
  noLimit: string;
  discountCost: string;
  districtMinimum: string;
  sources: { national: string; city: string; district: string; total: string };
  share: (rate: string) => string;
  binding: { nationalVolume: string; cityCap: string; districtMinimum: string };
  budget: (source: string, cell: string, budget: string, district: string, diff: string, surplus: boolean) => string;
  sweepTitle: (unit: string) => string;
  sweepCorner: string;
  pvTitle: (rate: string, base: number, unit: string) => string;
  pvHeader: string[];
  pvTotal: (value: string) => string;
  rounding: (unit: Unit, decimals: number) => string;
  sensitivityTitle: string;
}

const USAGE_KO = `사용법:
  yesan scenario giftcert --issuance <금액> --rate <할인율> [--city <%>] [--city-cap <금액>]
        [--national <%>] [--national-volume <금액>] [--min <%>] [--other <% 또는 금액>]
        [--sweep-from 5%] [--sweep-to 10%] [--sweep-step 1%] [--sweep-issuance "200억 300억"]
        [--workbook <파일.xlsx> [--program <시트·사업명>] [--year <연도>]]
        [--unit 억원] [--format text|json] [--lang ko|en]
  yesan scenario pv (--amounts "<금액> <금액> ..." --start <첫 해> |
        --workbook <파일.xlsx> [--program <시트·사업명>] [--line 계|국비|시비|구비])
        [--rate 4.5%] [--base <기준연도>] [--sensitivity "2.5% 3.5% 4.5% 5.5% 6.5%"]
        [--unit 천원] [--format text|json] [--lang ko|en]

  giftcert: 지역사랑상품권 할인 비용을 국비·시비·구비로 나누고(구비 = max(의무 보전액, 할인 비용 − 국비 − 시비)
            + 기타 비용), 통합문서의 재원별 표에 있는 그 해 구비 예산과 비교하며, 할인율별 구비 부담액을 보여 줍니다.
  pv:       사업의 연도별 재원(계 또는 한 재원)을 사회적 할인율(기본 4.5%)로 기준연도 현재가치로 바꾸고,
            할인율별 민감도를 보여 줍니다. 현재가치는 정확히 계산한 뒤 백만원·억원·조원은 소수점 아래 2자리,
            천원·원은 그 단위로 반올림해 보여 줍니다(JSON에는 원 단위까지).
  단위 없는 금액은 --unit 단위로 읽습니다. 금액 목록은 공백이나 ;로 나눕니다(쉼표는 자릿수 구분).
  종료 코드: 0 정상, 2 잘못된 입력이나 읽을 수 없는 파일.`;

const USAGE_EN = `Usage:
  yesan scenario giftcert --issuance <amount> --rate <discount> [--city <%>] [--city-cap <amount>]
        [--national <%>] [--national-volume <amount>] [--min <%>] [--other <% or amount>]
        [--sweep-from 5%] [--sweep-to 10%] [--sweep-step 1%] [--sweep-issuance "200억 300억"]
        [--workbook <file.xlsx> [--program <sheet or program>] [--year <year>]]
        [--unit 억원] [--format text|json] [--lang ko|en]
  yesan scenario pv (--amounts "<amount> <amount> ..." --start <first year> |
        --workbook <file.xlsx> [--program <sheet or program>] [--line 계|국비|시비|구비])
        [--rate 4.5%] [--base <base year>] [--sensitivity "2.5% 3.5% 4.5% 5.5% 6.5%"]
        [--unit 천원] [--format text|json] [--lang ko|en]

  giftcert: splits a local gift certificate's discount between national, city and district funds
            (district = max(mandatory minimum, discount − national − city) + other costs), compares the district's
            cost with the year's 구비 in the workbook's funding table, and sweeps discount rates.
  pv:       present value of a program's funding by year (its 계 or one source) at a social discount rate
            (4.5% by default) with a sensitivity table. Computed exactly; shown to 2 decimals in 백만원, 억원 and 조원,
            to the whole unit in 천원 and 원 (the JSON keeps them to the won).
  Amounts without a unit are read in --unit. Separate listed amounts with spaces or ";" (commas group digits).
  Exit code: 0 done, 2 bad input or unreadable file.`;

export const SCENARIO_CLI_TEXT: Record<Lang, ScenarioCliText> = {
  ko: {
    usage: USAGE_KO,
    unknownKind: (k) => `알 수 없는 시나리오입니다: ${k} (giftcert 또는 pv)`,
    unknownUnit: (u) => `--unit: 알 수 없는 단위입니다: ${u} (원, 천원, 백만원, 억원, 조원)`,
    unknownLine: (l) => `--line: 재원 행이 아닙니다: ${l} (계, 국비, 시비, 구비 …)`,
    noProgram: (q, ids) => `--program: "${q}"에 맞는 재원별 표가 없습니다. 있는 사업: ${ids.join(", ") || "없음"}`,
    manyPrograms: (q, ids) => `--program: "${q}"에 맞는 사업이 여럿입니다: ${ids.join(", ")}`,
    noYear: (p, y, ys) => `--year: ${p}의 재원별 표에 ${y}년이 없습니다 (있는 연도: ${ys.join(", ")})`,
    noBudget: (p, y) => `${p}의 재원별 표에 ${y}년 구비가 없어 예산과 비교하지 않았습니다.`,
    pvSource: SHEET_WORDS.ko.pvSource,
    giftTitle: (u) => `상품권 할인 시나리오 (금액 단위: ${u})`,
    inputsLine: (parts) => `입력: ${parts.join(" · ")}`,
    issuance: "발행액",
    discountRate: "할인율",
    national: "국비 지원율",
    nationalVolume: "국비 지원 발행한도",
    city: "시비 지원율",
    cityCap: "시비 상한액",
    districtMin: "구비 의무 보전율",
    other: "기타 비용",
    noLimit: "없음",
    discountCost: "할인 비용",
    districtMinimum: "구비 의무 보전액",
    sources: sourceWords(SHEET_WORDS.ko),
    share: (r) => `발행액의 ${r}`,
    binding: {
      nationalVolume: "국비 지원 발행한도를 넘었습니다: 한도까지만 국비가 지원됩니다.",
      cityCap: "시비 상한액에 걸렸습니다.",
      districtMinimum: "구비 의무 보전율이 적용되었습니다: 국비·시비는 의무 보전액을 뺀 나머지만 부담합니다.",
    },
    budget: (s, c, b, d, diff, ok) => `예산 비교 (${s}, ${c}): 예산 ${b} − 구비 ${d} = ${diff} ${ok ? "여유" : "부족"}`,
    sweepTitle: SHEET_WORDS.ko.sweepTitle,
    sweepCorner: "할인율\\발행액",
    pvTitle: (r, b, u) => `현재가치 (사회적 할인율 ${r}, 기준연도 ${b}, 금액 단위: ${u})`,
    pvHeader: ["연도", "금액", "할인계수", "현재가치"],
    pvTotal: (v) => `${SHEET_WORDS.ko.pvTotal}: ${v}`,
    rounding: (u, d) => `현재가치는 정확히 계산한 뒤 ${d === 0 ? `${u} 단위로` : `${u} 소수점 아래 ${d}자리까지`} 반올림해 보여 줍니다(JSON에는 원 단위까지 그대로).`,
    sensitivityTitle: SHEET_WORDS.ko.pvSensitivity,
  },
  en: {
    usage: USAGE_EN,
    unknownKind: (k) => `Unknown scenario: ${k} (giftcert or pv)`,
    unknownUnit: (u) => `--unit: unknown unit ${u} (원, 천원, 백만원, 억원, 조원)`,
    unknownLine: (l) => `--line: not a funding row: ${l} (계, 국비, 시비, 구비 …)`,
    noProgram: (q, ids) => `--program: no funding table matches "${q}". Programs: ${ids.join(", ") || "none"}`,
    manyPrograms: (q, ids) => `--program: "${q}" matches several programs: ${ids.join(", ")}`,
    noYear: (p, y, ys) => `--year: ${p}'s funding table has no ${y} (years: ${ys.join(", ")})`,
    noBudget: (p, y) => `${p}'s funding table has no 구비 for ${y}: no budget comparison.`,
    pvSource: SHEET_WORDS.en.pvSource,
    giftTitle: (u) => `Gift-certificate discount scenario (amounts in ${u})`,
    inputsLine: (parts) => `Inputs: ${parts.join(" · ")}`,
    issuance: "issuance",
    discountRate: "discount",
    national: "national share",
    nationalVolume: "national volume",
    city: "city share",
    cityCap: "city cap",
    districtMin: "district minimum",
    other: "other costs",
    noLimit: "none",
    discountCost: "Discount cost",
    districtMinimum: "District minimum",
    sources: sourceWords(SHEET_WORDS.en),
    share: (r) => `${r} of issuance`,
    binding: {
      nationalVolume: "The national supported volume is exceeded: national funds cover only up to it.",
      cityCap: "The city's cap applies.",
      districtMinimum: "The district's mandatory minimum applies: national and city funds cover only what lies above it.",
    },
    budget: (s, c, b, d, diff, ok) => `Budget (${s}, ${c}): budget ${b} − district ${d} = ${diff} ${ok ? "surplus" : "shortfall"}`,
    sweepTitle: SHEET_WORDS.en.sweepTitle,
    sweepCorner: "rate\\issuance",
    pvTitle: (r, b, u) => `Present value (social discount rate ${r}, base year ${b}, amounts in ${u})`,
    pvHeader: ["Year", "Amount", "Factor", "Present value"],
    pvTotal: (v) => `${SHEET_WORDS.en.pvTotal}: ${v}`,
    rounding: (u, d) => `Present values are computed exactly and shown rounded to ${d === 0 ? `whole ${UNIT_EN[u]}` : `${d} decimals of ${UNIT_EN[u]}`} (the JSON keeps them to the won).`,
    sensitivityTitle: SHEET_WORDS.en.pvSensitivity,
  },
};
