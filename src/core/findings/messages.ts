// Every user-facing sentence of the engine, Korean first, English second, in one table.
import type { Lang } from "./findings";
import { formatAmount } from "../numbers/numbers";
import { UNIT_EN, type Unit } from "../numbers/units";

export type Text = Record<Lang, string>;

const n = (v: number): string => formatAmount(v);
const ko = (v: number, u?: Unit): string => (u === undefined ? n(v) : `${n(v)}${u}`);
const en = (v: number, u?: Unit): string => (u === undefined ? n(v) : `${n(v)} ${UNIT_EN[u]}`);

/** The totals that add the wrong cell and are off with it by the same amount: named, not reported on their own. */
function withFollowers(t: Text, followers: string[]): Text {
  if (followers.length === 0) return t;
  const list = followers.join(", ");
  return {
    ko: `${t.ko} 이 값을 더한 ${list}도 같은 만큼 틀립니다.`,
    en: `${t.en} ${list}, which ${followers.length === 1 ? "adds" : "add"} it, ${followers.length === 1 ? "is" : "are"} off by the same amount.`,
  };
}

export const MSG = {
  totalMismatch: (cell: string, actual: number, expected: number, unit: Unit | undefined, role: "total" | "part", rounding = false, followers: string[] = []): Text => {
    const base: Text =
      role === "total"
        ? {
            ko: `${cell}의 합계(${ko(actual, unit)})가 구성 항목의 합(${ko(expected, unit)})과 다릅니다. 차이: ${ko(actual - expected, unit)}${rounding ? " (항목을 하나씩 반올림해 생긴 차이로 보이지만, 인쇄된 숫자끼리는 맞지 않습니다)" : ""}`,
            en: `The total in ${cell}, ${en(actual, unit)}, differs from the sum of its parts, ${en(expected, unit)} (off by ${en(actual - expected, unit)}${rounding ? ", likely parts rounded one by one, but the printed figures do not add up" : ""}).`,
          }
        : {
            ko: `${cell}의 값(${ko(actual, unit)})이 행 합계와도 열 합계와도 맞지 않습니다. 합계에 맞는 값: ${ko(expected, unit)}`,
            en: `The value in ${cell}, ${en(actual, unit)}, disagrees with both its row and its column total; the totals imply ${en(expected, unit)}.`,
          };
    return followers.length === 0 ? base : withFollowers(base, followers);
  },
  printRounding: (cell: string, actual: number, expected: number, unit: Unit | undefined): Text => ({
    ko: `${cell}에 인쇄되는 합계(${ko(actual, unit)})가 인쇄되는 구성 항목의 합(${ko(expected, unit)})과 다릅니다. 저장된 값끼리는 맞지만 항목을 하나씩 반올림해 보여 주기 때문입니다. 인쇄본에서 맞추려면 항목을 ROUND로 반올림하세요.`,
    en: `The total printed in ${cell}, ${en(actual, unit)}, differs from the sum of its printed parts, ${en(expected, unit)}: the stored figures agree, but each is rounded for display. ROUND the parts for the printed figures to agree.`,
  }),
  gapMismatch: (cell: string, actual: number, expected: number, unit: Unit | undefined, followers: string[] = []): Text =>
    withFollowers(
      {
        ko: `${cell}의 미확보액(${ko(actual, unit)})이 소요액 − 확보액(${ko(expected, unit)})과 다릅니다.`,
        en: `The gap in ${cell}, ${en(actual, unit)}, differs from need − secured = ${en(expected, unit)}.`,
      },
      followers,
    ),
  splitMismatch: (cell: string, stated: number, sum: number, unit: Unit | undefined): Text => ({
    ko: `${cell}에 적힌 금액(${ko(stated, unit)})이 재원별 내역의 합(${ko(sum, unit)})과 다릅니다.`,
    en: `The amount stated in ${cell}, ${en(stated, unit)}, differs from the sum of its per-source split, ${en(sum, unit)}.`,
  }),
  tooLarge: (cell: string, text: string): Text => ({
    ko: `${cell}의 값(${text})은 9,007,199,254,740,991보다 커서 정확히 더할 수 없습니다. 반올림해 검사하지 않고 이 칸이 들어가는 합계는 검사하지 못했습니다.`,
    en: `${text} in ${cell} is beyond 9,007,199,254,740,991, past which sums cannot be exact. It was not rounded; the totals it is part of were not checked.`,
  }),
  malformed: (cell: string, text: string): Text => ({
    ko: `${cell}의 값 "${text}"은(는) 올바른 숫자가 아닙니다 (자릿수 구분 쉼표나 소수점을 확인하세요). 값을 추측하지 않고 검사에서 뺐습니다.`,
    en: `"${text}" in ${cell} is not a well-formed number (check the thousands separators and decimal point). It was not guessed and is left out of the checks.`,
  }),
  errorValue: (cell: string, code: string): Text => ({
    ko: `${cell}에 Excel 오류 값(${code})이 들어 있어 이 칸의 금액을 알 수 없습니다. 이 칸이 들어가는 합계는 검사하지 못했습니다. 수식이 가리키는 칸을 확인하세요.`,
    en: `${cell} holds the Excel error ${code}: its amount is unknown, and the totals it is part of were not checked. Check the cells its formula refers to.`,
  }),
  mergeOverlap: (ref: string, other: string): Text => ({
    ko: `병합 범위(${ref})가 앞의 병합 범위(${other})와 겹칩니다. Excel이 파일을 복구할 때처럼 이 병합을 빼고 읽었으므로, 그 아래 칸의 값도 검사했습니다. 파일을 Excel에서 열어 병합을 확인하세요.`,
    en: `The merged area ${ref} overlaps the merged area ${other} declared before it. It was left out, as Excel does when it repairs the file, so the cells under it were read and checked. Open the file in Excel and check its merges.`,
  }),
  mergeInvalid: (ref: string): Text => ({
    ko: `병합 범위(${ref})가 시트의 칸을 가리키지 않습니다. Excel이 파일을 복구할 때처럼 빼고 읽었습니다.`,
    en: `The merged area "${ref}" names no cells of a sheet. It was left out, as Excel does when it repairs the file.`,
  }),
  formulaAsText: (cell: string, text: string, total: string): Text => ({
    ko: `${cell}에 수식(${text})이 계산되지 않고 글자로 들어 있습니다. Excel 합계는 이 칸을 빈칸처럼 건너뛰므로 이 칸이 들어가는 합계(${total})는 검사하지 못했습니다. 셀 서식을 '일반'으로 바꾸고 수식을 다시 입력하거나 금액을 숫자로 적으세요.`,
    en: `${cell} holds a formula kept as text (${text}), never calculated. Excel's sums pass over it as if it were blank, so the total it is part of (${total}) was not checked. Set the cell's format to General and enter the formula again, or write the amount as a number.`,
  }),
  textAmount: (cell: string, text: string, total: string): Text => ({
    ko: `${cell}의 값(${text})은 금액이 아닌 글자입니다. Excel 합계처럼 0으로 셈해 합계(${total})를 검사했습니다. 금액이 있다면 숫자로 적으세요.`,
    en: `${cell} holds the text "${text}" where an amount belongs. It was counted as 0, as Excel's sums count it, in checking the total (${total}). If there is an amount, write it as a number.`,
  }),
  numberAsText: (cell: string, text: string): Text => ({
    ko: `${cell}의 값 "${text}"은(는) 숫자가 텍스트로 저장되어 있습니다. Excel 수식이 이 값을 더하지 않을 수 있습니다.`,
    en: `"${text}" in ${cell} is a number stored as text; Excel formulas may not add it.`,
  }),
  hardcodedTotal: (cell: string): Text => ({
    ko: `${cell}의 합계는 직접 입력한 값입니다. 같은 표의 다른 합계는 수식이므로 수식으로 바꾸는 것이 안전합니다.`,
    en: `The total in ${cell} is typed in while the table's other totals are formulas; a formula would keep it right.`,
  }),
  notCalculated: (cell: string, formula: string): Text => ({
    ko: `${cell}의 수식 =${formula}에 계산된 값이 없고 Yesan이 직접 계산할 수 없습니다. Excel에서 열어 다시 계산한 뒤 저장하세요.`,
    en: `The formula =${formula} in ${cell} has no calculated value and Yesan cannot compute it; recalculate and save the file in Excel.`,
  }),
  formulaMissing: (cell: string, missing: string[]): Text => ({
    ko: `${cell}의 합계 수식이 ${missing.join(", ")}을(를) 빠뜨렸습니다.`,
    en: `The total formula in ${cell} leaves out ${missing.join(", ")}.`,
  }),
  formulaTwice: (cell: string, twice: string[]): Text => ({
    ko: `${cell}의 합계 수식이 ${twice.join(", ")}을(를) 두 번 더합니다.`,
    en: `The total formula in ${cell} counts ${twice.join(", ")} twice.`,
  }),
  formulaExtra: (cell: string, extra: string[]): Text => ({
    ko: `${cell}의 합계 수식이 구성 항목이 아닌 ${extra.join(", ")}을(를) 더합니다.`,
    en: `The total formula in ${cell} adds ${extra.join(", ")}, which is not one of its parts.`,
  }),
  headlineMismatch: (cell: string, stated: number, statedUnit: Unit, table: number, tableUnit: Unit | undefined, where: string): Text => ({
    ko: `${cell}에 적힌 금액(${ko(stated, statedUnit)})이 표의 ${where} 값(${ko(table, tableUnit)})과 다릅니다.`,
    en: `${cell} states ${en(stated, statedUnit)} but the table (${where}) has ${en(table, tableUnit)}.`,
  }),
  percentMismatch: (cell: string, stated: number, actual: number): Text => ({
    ko: `${cell}에 적힌 비율(${stated}%)이 실제 비율(${actual}%)과 다릅니다.`,
    en: `${cell} states ${stated}% but the figures give ${actual}%.`,
  }),
  shortfall: (cell: string, gap: number, need: number | undefined, unit: Unit | undefined, share: number | undefined): Text => ({
    ko:
      need === undefined || share === undefined
        ? `부족재원: ${ko(gap, unit)} 미확보 (${cell})`
        : `부족재원: 소요액 ${ko(need, unit)} 중 ${ko(gap, unit)}(${Math.round(share * 100)}%) 미확보 (${cell})`,
    en:
      need === undefined || share === undefined
        ? `Shortfall: ${en(gap, unit)} is not yet funded (${cell}).`
        : `Shortfall: ${en(gap, unit)} (${Math.round(share * 100)}%) of the ${en(need, unit)} needed is not yet funded (${cell}).`,
  }),
  // The budget book. Levels are named in Korean in both languages (부서, 세부사업 … are the book's own words).
  bookAmount: (cell: string, level: string, column: BookColumn, actual: number, expected: number, unit: Unit | undefined, against: BookCheck[]): Text => {
    const list = against.map((a) => CHECK_KO[a]).join(", ");
    return {
      ko: `${cell}의 ${level} ${COLUMN_KO[column]}(${ko(actual, unit)})이 ${list}${hasBatchim(list.slice(-1)) ? "과" : "와"} 맞지 않습니다. 맞는 값: ${ko(expected, unit)}`,
      en: `The ${COLUMN_EN[column]} of the ${level} in ${cell}, ${en(actual, unit)}, disagrees with ${against.map((a) => CHECK_EN[a]).join(", ")}; they imply ${en(expected, unit)}.`,
    };
  },
  bookRollup: (cell: string, level: string, column: BookColumn, actual: number, expected: number, unit: Unit | undefined): Text => ({
    ko: `${cell}의 ${level} ${COLUMN_KO[column]}(${ko(actual, unit)})이 하위 항목 ${COLUMN_KO[column]}의 합(${ko(expected, unit)})과 다릅니다. 차이: ${ko(actual - expected, unit)}`,
    en: `The ${COLUMN_EN[column]} of the ${level} in ${cell}, ${en(actual, unit)}, differs from the sum of the lines below it, ${en(expected, unit)} (off by ${en(actual - expected, unit)}).`,
  }),
  bookSources: (cell: string, level: string, actual: number, expected: number, unit: Unit | undefined): Text => ({
    ko: `${cell}의 ${level} 예산액(${ko(actual, unit)})이 재원별 금액의 합(${ko(expected, unit)})과 다릅니다. 차이: ${ko(actual - expected, unit)}`,
    en: `The amount of the ${level} in ${cell}, ${en(actual, unit)}, differs from the sum of its funding sources, ${en(expected, unit)} (off by ${en(actual - expected, unit)}).`,
  }),
  bookSourceRollup: (cell: string, key: string, actual: number, expected: number, unit: Unit | undefined): Text => ({
    ko: `${cell}의 재원 ${key} 금액(${ko(actual, unit)})이 하위 항목의 ${key} 금액의 합(${ko(expected, unit)})과 다릅니다.`,
    en: `The ${key} funding in ${cell}, ${en(actual, unit)}, differs from the ${key} funding of the lines below it, ${en(expected, unit)}.`,
  }),
  bookSourceLine: (cell: string, key: string, actual: number, expected: number, unit: Unit | undefined): Text => ({
    ko: `${cell}의 재원 ${key} 금액(${ko(actual, unit)})이 예산액과 상하위 재원에 맞지 않습니다. 맞는 값: ${ko(expected, unit)}`,
    en: `The ${key} funding in ${cell}, ${en(actual, unit)}, disagrees with the line's amount and the funding above and below it; they imply ${en(expected, unit)}.`,
  }),
  bookBasis: (cell: string, basis: string, computed: number, amount: number, unit: Unit | undefined): Text => ({
    ko: `${cell}의 산출기초(${basis})로 계산한 금액(${ko(computed, unit)})이 예산액(${ko(amount, unit)})과 다릅니다.`,
    en: `The calculation basis in ${cell}, ${basis}, comes to ${en(computed, unit)}, but the amount is ${en(amount, unit)}.`,
  }),
  bookChange: (cell: string, actual: number, expected: number, unit: Unit | undefined, supplementary = false): Text => ({
    ko: `${cell}의 비교증감(${ko(actual, unit)})이 ${supplementary ? "경정예산액 − 기정예산액" : "예산액 − 전년도예산액"}(${ko(expected, unit)})과 다릅니다.`,
    en: `The change in ${cell}, ${en(actual, unit)}, differs from ${supplementary ? "the revised amount minus the amount before the revision" : "the amount minus last year's"}, ${en(expected, unit)}.`,
  }),
  bookTextAmounts: (count: number, total: number): Text => ({
    ko: `예산서 금액 ${total.toLocaleString("en-US")}개 중 ${count.toLocaleString("en-US")}개가 텍스트로 저장되어 있습니다 (e호조에서 내려받은 그대로). 숫자로 읽어 검사했습니다.`,
    en: `${count.toLocaleString("en-US")} of the book's ${total.toLocaleString("en-US")} amounts are stored as text (as e호조 exports them); they were read as numbers and checked.`,
  }),
} as const;

/** "prior": the 기정예산액 of a 추경 book, where the book's own 전년도 column holds the amount before the revision. */
export type BookColumn = "amount" | "previous" | "prior" | "change" | "source";
export type BookCheck = "children" | "parent" | "sources" | "basis" | "change" | "source-rollup";

const COLUMN_KO: Record<BookColumn, string> = { amount: "예산액", previous: "전년도예산액", prior: "기정예산액", change: "비교증감", source: "재원 금액" };
const COLUMN_EN: Record<BookColumn, string> = { amount: "amount", previous: "previous year's amount", prior: "amount before the revision", change: "change", source: "funding" };
const CHECK_KO: Record<BookCheck, string> = { children: "하위 항목의 합", parent: "상위 항목의 합", sources: "재원별 금액의 합", basis: "산출기초", change: "비교증감", "source-rollup": "상하위 재원" };
const CHECK_EN: Record<BookCheck, string> = { children: "the sum of the lines below it", parent: "its line's total above", sources: "the sum of its funding sources", basis: "its calculation basis", change: "the change column", "source-rollup": "the funding above and below" };

/** Whether a Hangul syllable ends in a final consonant (받침): 합 yes, 기초 no. */
function hasBatchim(syllable: string): boolean {
  const code = syllable.charCodeAt(0) - 0xac00;
  return code >= 0 && code <= 11171 && code % 28 !== 0;
}
