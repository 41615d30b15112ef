// The words a laid-out template puts on the sheet. Table labels are the document's own Korean labels (the
// checker reads them: 재원별, 합계, 계, 비고 …); what speaks to the user (input messages, name comments) is Korean
// first, English second.
import type { Text } from "../cells/sheet-plan";
import { UNIT_EN, type Unit } from "../numbers/units";

export const LAYOUT_TEXT = {
  // Table labels (Korean documents; the checker classifies these).
  sourceHeader: "재원별",
  sumHeader: "합계",
  yearsHeader: "연차별 소요재원",
  remarkHeader: "비고",
  total: "계",
  grandTotal: "합계",
  needItemHeader: "세부사업명",
  needHeader: "사업비",
  securedHeader: "확보액",
  gapHeader: "미확보액",
  breakdownItemHeader: "구분",
  amountHeader: "사업예산",

  // Shown by Excel when an input cell is given something else (kept under Excel's 32 / 225 character limits).
  validationTitle: { ko: "금액 입력", en: "Amount" } satisfies Text,
  validationMessage: (unit: Unit): Text => ({
    ko: `0 이상의 정수를 ${unit} 단위로 입력하세요.`,
    en: `Enter a whole number of 0 or more, in ${UNIT_EN[unit]}.`,
  }),

  // Defined-name comments (one string in Excel: Korean / English).
  fundingComment: (program: string, year: number): string => `${program} ${year}년 재원별 소요예산 / ${year} funding by source`,
  needComment: (program: string, year: number): string => `${program} 소요액·확보액·미확보액 (${year}) / need, secured and gap (${year})`,
  breakdownComment: (program: string, year: number): string => `${program} ${year}년 사업별 내역 / ${year} breakdown by item`,
} as const;
