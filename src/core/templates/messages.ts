// Every user-facing sentence about templates and catalogs, Korean first, English second, in one table.
// Schema problems name the field path themselves (see validate.ts); these sentences say what is wrong with it.
import type { Text } from "../findings/messages";
import { UNITS } from "../numbers/units";
export type { Text };

const list = (xs: readonly (string | number)[]): string => xs.map((x) => String(x)).join(", ");

export const TEMPLATE_MSG = {
  // Shapes and types (from the zod issue codes).
  required: (): Text => ({ ko: "필수 항목이 없습니다.", en: "This field is required." }),
  wrongType: (expected: string): Text => ({
    ko: `형식이 맞지 않습니다 (${TYPE_KO[expected] ?? expected} 필요).`,
    en: `Wrong type (expected ${expected}).`,
  }),
  unknownKeys: (keys: readonly string[]): Text => ({
    ko: `알 수 없는 항목입니다: ${list(keys)}`,
    en: `Unknown field(s): ${list(keys)}`,
  }),
  tooSmall: (origin: string, minimum: number): Text =>
    origin === "array"
      ? { ko: `항목이 ${minimum}개 이상 있어야 합니다.`, en: `Needs at least ${minimum} item(s).` }
      : origin === "string"
        ? { ko: "비어 있으면 안 됩니다.", en: "Must not be empty." }
        : { ko: `${minimum} 이상이어야 합니다.`, en: `Must be at least ${minimum}.` },
  tooBig: (origin: string, maximum: number): Text =>
    origin === "array"
      ? { ko: `항목이 ${maximum}개 이하여야 합니다.`, en: `At most ${maximum} item(s).` }
      : origin === "string"
        ? { ko: `${maximum}자 이하여야 합니다.`, en: `At most ${maximum} characters.` }
        : { ko: `${maximum} 이하여야 합니다.`, en: `Must be at most ${maximum}.` },
  notInteger: (): Text => ({ ko: "정수여야 합니다.", en: "Must be a whole number." }),
  oneOf: (values: readonly (string | number)[]): Text => ({
    ko: `다음 중 하나여야 합니다: ${list(values)}`,
    en: `Must be one of: ${list(values)}`,
  }),
  invalid: (): Text => ({ ko: "값이 올바르지 않습니다.", en: "Invalid value." }),
  notJson: (detail: string): Text => ({ ko: `JSON으로 읽을 수 없습니다: ${detail}`, en: `Not valid JSON: ${detail}` }),

  // Formats (the schema passes these keys as the issue message).
  slug: (): Text => ({
    ko: "id는 영문 소문자·숫자와 '-'로 된 슬러그여야 합니다 (예: traditional-market-management).",
    en: "The id must be a slug of lower-case letters, digits and '-' (e.g. traditional-market-management).",
  }),
  semver: (): Text => ({ ko: "버전은 1.0.0 같은 semver 형식이어야 합니다.", en: "The version must be a semver string such as 1.0.0." }),
  yearMonth: (): Text => ({ ko: "연월은 2021 또는 2021-01 형식이어야 합니다.", en: "Use 2021 or 2021-01 for a year or year-month." }),
  reservedKey: (key: string): Text => ({
    ko: `"${key}"는 JavaScript가 객체의 원형으로 읽는 이름이라 키로 쓸 수 없습니다.`,
    en: `"${key}" cannot be a key: JavaScript takes it for the object's prototype.`,
  }),
  yearKey: (): Text => ({ ko: "연도 키는 2021처럼 네 자리여야 합니다.", en: "Year keys are four digits, e.g. 2021." }),
  unit: (): Text => TEMPLATE_MSG.oneOf(UNITS),

  // Rules across fields (custom issues carry one of these keys and their values in `params`).
  yearOrder: (first: number, last: number): Text => ({
    ko: `마지막 연도(${last})가 첫 연도(${first})보다 앞섭니다.`,
    en: `The last year (${last}) is before the first year (${first}).`,
  }),
  yearSpan: (first: number, last: number, max: number): Text => ({
    ko: `연차 범위 ${first}~${last}년이 너무 깁니다 (최대 ${max}년).`,
    en: `The years ${first}–${last} span too long (at most ${max} years).`,
  }),
  fiscalYearOutside: (year: number, first: number, last: number): Text => ({
    ko: `회계연도 ${year}년이 재원 표의 연차(${first}~${last}년) 밖에 있습니다.`,
    en: `The fiscal year ${year} lies outside the funding table's years (${first}–${last}).`,
  }),
  yearOutside: (year: number, first: number, last: number): Text => ({
    ko: `${year}년 금액이 표의 연차(${first}~${last}년) 밖에 있습니다.`,
    en: `An amount for ${year} lies outside the table's years (${first}–${last}).`,
  }),
  duplicateSource: (source: string): Text => ({
    ko: `재원 ${source}이(가) 두 번 나옵니다.`,
    en: `The source ${source} appears twice.`,
  }),
  labelNotSource: (label: string, source: string): Text => ({
    ko: `표시 이름 "${label}"은(는) 재원 ${source}(으)로 읽히지 않습니다. 검사기가 이 행을 재원 행으로 알아보도록 ${source}의 이름(예: 국비, 시비, 구비)을 쓰세요.`,
    en: `The display label "${label}" does not read as the source ${source}; use a name the checker recognises as that source (e.g. 국비, 시비, 구비).`,
  }),
  splitNotInSources: (source: string): Text => ({
    ko: `재원 ${source}은(는) 이 표의 재원 열에 없습니다.`,
    en: `The source ${source} is not one of this table's source columns.`,
  }),
  splitSum: (amount: number, sum: number): Text => ({
    ko: `금액(${amount})이 재원별 내역의 합(${sum})과 다릅니다.`,
    en: `The amount (${amount}) differs from the sum of its per-source split (${sum}).`,
  }),
  headerRole: (header: string, role: "need" | "secured" | "gap"): Text => ({
    ko: `열 이름 "${header}"은(는) ${ROLE_KO[role]} 열로 읽히지 않습니다 (예: ${ROLE_EXAMPLES[role]}).`,
    en: `The column header "${header}" does not read as the ${role} column (e.g. ${ROLE_EXAMPLES[role]}).`,
  }),
  labelIsTotal: (label: string): Text => ({
    ko: `항목 이름 "${label}"은(는) 합계 행으로 읽힙니다. 다른 이름을 쓰세요 (합계 행은 자동으로 만들어집니다).`,
    en: `The item label "${label}" reads as a total row; use another name (the layout adds the total row itself).`,
  }),
  headerReserved: (header: string): Text => ({
    ko: `항목 열 이름 "${header}"은(는) 재원·연도·합계 이름이라 쓸 수 없습니다.`,
    en: `The item column header "${header}" is a source, year or total name and cannot be used.`,
  }),
  duplicateId: (id: string): Text => ({ ko: `템플릿 id "${id}"가 카탈로그에 두 번 나옵니다.`, en: `The template id "${id}" appears twice in the catalog.` }),
  emptyLabel: (): Text => ({ ko: "항목 이름이 비어 있습니다.", en: "The item label is empty." }),

  // Book templates (a page of the 세출예산서; see book-schema.ts).
  fundingOrBook: (): Text => ({
    ko: "템플릿에는 재원 표(funding)와 예산서 서식(book) 가운데 하나만 있어야 합니다.",
    en: "A template has either a funding table (funding) or a budget-book page (book), not both or neither.",
  }),
  bookWithPlanTables: (): Text => ({
    ko: "예산서 서식 템플릿에는 소요액 표나 내역 표를 둘 수 없습니다.",
    en: "A budget-book template has no need table or breakdown.",
  }),
  bookLastSource: (): Text => ({
    ko: "마지막 재원의 금액은 세부사업 예산액에서 다른 재원을 뺀 나머지로 계산되므로 적지 않습니다.",
    en: "The last source takes what the other sources leave of the program's amount; it has no amount of its own.",
  }),
  bookSourcesOver: (typed: number, total: number): Text => ({
    ko: `재원 금액의 합 ${typed.toLocaleString("en-US")}천원이 산출기초로 계산한 예산액 ${total.toLocaleString("en-US")}천원보다 큽니다.`,
    en: `The sources add up to ${typed.toLocaleString("en-US")} thousand won, more than the ${total.toLocaleString("en-US")} the 산출기초 make.`,
  }),
  bookObjectLabel: (label: string): Text => ({
    ko: `편성목 "${label}": "201 일반운영비"처럼 세 자리 코드와 이름으로 적으세요.`,
    en: `편성목 "${label}": write a three-digit code and the name, as in "201 일반운영비".`,
  }),
  bookStatLabel: (label: string): Text => ({
    ko: `통계목 "${label}": "01 사무관리비"처럼 두 자리 코드와 이름으로 적으세요.`,
    en: `통계목 "${label}": write a two-digit code and the name, as in "01 사무관리비".`,
  }),
  bookHeadingWithBasis: (): Text => ({
    ko: "○ 세부 항목이 있는 ◎ 항목에는 단가와 수량을 적지 않습니다 (금액은 세부 항목의 합입니다).",
    en: "A ◎ item with ○ sub-items has no 단가 or counts of its own (its amount is their sum).",
  }),
  bookFactorUnit: (unit: string): Text => ({
    ko: `수량 단위 "${unit}": 명, 월, 회, 개소처럼 숫자·연산자·공백 없이 8자 이하로 적고, 원으로 끝나지 않게 하세요 (비율은 %).`,
    en: `Count word "${unit}": up to 8 characters without figures, operators or spaces, not ending in 원 (use % for a rate).`,
  }),
} as const;

const ROLE_KO = { need: "소요액", secured: "확보액", gap: "미확보액" } as const;
const ROLE_EXAMPLES = { need: "사업비, 건립비, 총사업비", secured: "확보액, 확보금액", gap: "미확보액, 부족액" } as const;

const TYPE_KO: Record<string, string> = {
  string: "문자열",
  number: "숫자",
  int: "정수",
  boolean: "참/거짓",
  array: "배열",
  object: "객체",
  record: "객체",
};

/** Keys of TEMPLATE_MSG that a zod check can name as its message (format checks without parameters). */
export type FormatKey = "slug" | "semver" | "yearMonth" | "yearKey" | "unit";
export const FORMAT_KEYS: readonly FormatKey[] = ["slug", "semver", "yearMonth", "yearKey", "unit"];

/** The text the problem list prints for "which template": its id, or its position when it has no readable id. */
export const templateRef = (id: string | undefined, index: number | undefined): Text =>
  id !== undefined
    ? { ko: `템플릿 ${id}`, en: `template ${id}` }
    : index !== undefined
      ? { ko: `템플릿 #${index + 1}`, en: `template #${index + 1}` }
      : { ko: "템플릿", en: "template" };
