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

  // A page of the budget book (the 세출예산서 사업명세서's own headers, which the book reader finds by label).
  bookTitle: (year: number): string => `${year}년도 세출예산 사업명세서`,
  bookUnit: "(단위:천원)",
  bookHeaders: ["부서", "정책사업", "단위사업", "세부사업", "편성목", "산출내역", "산출기초", "예산액", "전년도예산액", "비교증감"] as const,
  bookVersion: "본예산",
  // The input columns beside the page: what the 산출기초 and 재원 lines are made of.
  bookSourceInput: "재원 금액(천원)",
  bookPriceInput: "단가(원)",
  bookFactorInput: (i: number): string => `수량·비율 ${i}`,
  /** The 재원 as the book's 재원 lines name them ("국   74,376,005"). */
  bookSourceNames: { national: "국", city: "시", province: "도", district: "구", county: "군", fund: "기금", private: "민간", own: "자체" } as const,
  priceTitle: { ko: "단가 입력", en: "Unit price" } satisfies Text,
  priceMessage: { ko: "0 이상의 정수를 원 단위로 입력하세요.", en: "Enter a whole number of 0 or more, in won." } satisfies Text,
  countTitle: { ko: "수량 입력", en: "Count" } satisfies Text,
  countMessage: { ko: "0 이상의 정수를 입력하세요.", en: "Enter a whole number of 0 or more." } satisfies Text,
  rateTitle: { ko: "비율 입력", en: "Rate" } satisfies Text,
  rateMessage: { ko: "0%에서 1000% 사이의 비율을 입력하세요 (예: 11.6%).", en: "Enter a rate between 0% and 1000% (e.g. 11.6%)." } satisfies Text,

  // Defined-name comments (one string in Excel: Korean / English).
  fundingComment: (program: string, year: number): string => `${program} ${year}년 재원별 소요예산 / ${year} funding by source`,
  needComment: (program: string, year: number): string => `${program} 소요액·확보액·미확보액 (${year}) / need, secured and gap (${year})`,
  breakdownComment: (program: string, year: number): string => `${program} ${year}년 사업별 내역 / ${year} breakdown by item`,
  bookComment: (program: string, year: number): string => `${program} ${year}년도 세출예산 사업명세서 / ${year} budget book page`,
} as const;
