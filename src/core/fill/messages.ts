// Every user-facing sentence of the fill, Korean first, English second, in one table.
import { SOURCE_NAMES, type SourceKey } from "../layout/labels";
import type { MalformedReason } from "../numbers/numbers";
import { formatAmount } from "../numbers/numbers";
import type { Text } from "../cells/sheet-plan";
import { UNIT_EN, type Unit } from "../numbers/units";
import type { Origin } from "./types";

const REASON: Record<MalformedReason, Text> = {
  grouping: { ko: "자릿수 구분 쉼표가 세 자리마다 있지 않습니다", en: "the thousands separators are not every three digits" },
  "decimal-points": { ko: "소수점이 두 개 이상입니다", en: "it has more than one decimal point" },
  "repeated-unit": { ko: "단위가 두 번 적혀 있습니다", en: "the unit is written twice" },
  letters: { ko: "숫자 사이에 글자가 있습니다", en: "letters are mixed into the digits" },
  sign: { ko: "부호가 잘못되었습니다", en: "the sign is misplaced" },
  other: { ko: "숫자 형식이 아닙니다", en: "it is not a number as written" },
  "too-large": { ko: "9,007,199,254,740,991보다 커서 정확히 계산할 수 없습니다", en: "it is beyond 9,007,199,254,740,991, past which sums cannot be exact" },
};

/** "붙여넣기 3행 12열" / "pasted text line 3, column 12" … */
export function where(o: Origin | undefined): Text {
  if (o === undefined) return { ko: "", en: "" };
  switch (o.kind) {
    case "text":
      return { ko: `붙여넣기 ${o.line}행 ${o.column}열`, en: `pasted text line ${o.line}, column ${o.column}` };
    case "csv":
      return { ko: `CSV ${o.row}행 ${o.col}열(${o.line}번째 줄)`, en: `CSV row ${o.row}, field ${o.col} (line ${o.line})` };
    case "json":
      return { ko: `JSON ${o.path}`, en: `JSON ${o.path}` };
    case "cell":
      return { ko: `'${o.sheet}'!${o.cell}`, en: `'${o.sheet}'!${o.cell}` };
    case "new-year":
      return { ko: `새 연도 ${o.year}년`, en: `new year ${o.year}` };
  }
}

const ko = (v: number, u?: Unit): string => (u === undefined ? formatAmount(v) : `${formatAmount(v)}${u}`);
const en = (v: number, u?: Unit): string => (u === undefined ? formatAmount(v) : `${formatAmount(v)} ${UNIT_EN[u]}`);
const src = (s: SourceKey): Text => SOURCE_NAMES[s];

export const FILL_MSG = {
  malformed: (w: Text, text: string, reason: MalformedReason): Text => ({
    ko: `${w.ko}: "${text}"은(는) 올바른 숫자가 아닙니다(${REASON[reason].ko}). 값을 추측하지 않습니다: 그대로 글자로 옮기거나 고쳐서 다시 붙여넣으세요.`,
    en: `${w.en}: "${text}" is not a well-formed number (${REASON[reason].en}). It is not guessed: it can only be copied as text; fix it and paste again.`,
  }),
  notANumber: (w: Text, cell: string, text: string): Text => ({
    ko: `${w.ko}: 금액 자리의 값(${text})은 숫자가 아니어서 ${cell}에 쓰지 않습니다. Excel 합계는 글자를 빈칸처럼 건너뜁니다. 금액을 숫자로 고쳐 다시 붙여넣으세요.`,
    en: `${w.en}: "${text}" stands where an amount belongs and is not a number, so it is not written into ${cell} (Excel's sums pass over text as if it were blank). Fix the amount and paste again.`,
  }),
  zeroWord: (w: Text, text: string): Text => ({
    ko: `${w.ko}: 값(${text})은 금액이 없다는 뜻으로 보고 0으로 씁니다.`,
    en: `${w.en}: "${text}" is read as no amount and written as 0.`,
  }),
  unknownSource: (w: Text, label: string): Text => ({
    ko: `${w.ko}: "${label}"은(는) 알 수 없는 재원입니다(국비, 시비, 도비, 구비, 군비, 기금, 민간, 자체). 이 행은 채우지 않습니다.`,
    en: `${w.en}: "${label}" is not a known funding source (national, city, province, district, county, fund, private, own); the row is not filled.`,
  }),
  duplicateSource: (w: Text, s: SourceKey, first: Text): Text => ({
    ko: `${w.ko}: ${src(s).ko} 행이 두 번 있습니다(처음: ${first.ko}). 처음 행만 씁니다.`,
    en: `${w.en}: the ${src(s).en} row appears twice (first at ${first.en}); only the first is used.`,
  }),
  totalMismatch: (w: Text, stated: number, sum: number, unit: Unit | undefined, what: Text): Text => ({
    ko: `${w.ko}: 적힌 ${what.ko}(${ko(stated, unit)})이(가) 구성 항목의 합(${ko(sum, unit)})과 다릅니다. 합계는 시트의 수식이 계산하므로 옮기지 않습니다.`,
    en: `${w.en}: the stated ${what.en}, ${en(stated, unit)}, differs from the sum of its parts, ${en(sum, unit)}. Totals are not copied: the sheet's formulas compute them.`,
  }),
  rowTotal: (s: string): Text => ({ ko: `${s}의 합계`, en: `total of ${s}` }),
  columnTotal: (col: string): Text => ({ ko: `${col} 계`, en: `${col} total` }),
  /** The 계 of an input whose one column names no year. */
  unnamedYearTotal: (): Text => ({ ko: "계", en: "total" }),
  noTable: (): Text => ({
    ko: "재원별·연도별 표를 찾지 못했습니다. 연도 머리행(예: 2021년)과 재원 행(계, 국비, 시비, 구비 …)을 함께 붙여넣으세요.",
    en: "No funding table found: paste the year header row (e.g. 2021) together with the source rows (계, 국비, 시비, 구비 …).",
  }),
  noSourceRows: (): Text => ({
    ko: "표에 재원 행(국비, 시비, 구비 …)이 없습니다.",
    en: "The table has no source rows (national, city, district …).",
  }),
  ambiguousRow: (w: Text, label: string, got: number, want: number): Text => ({
    ko: `${w.ko}: "${label}" 행의 값이 ${got}개인데 열은 ${want}개입니다. 띄어쓰기로 나뉜 글에서는 빈칸이 어느 연도인지 알 수 없어 이 행은 채우지 않습니다. 탭으로 나뉜 원본을 붙여넣거나 빈칸에 "-"를 넣으세요.`,
    en: `${w.en}: the "${label}" row has ${got} values for ${want} columns. In space-separated text a blank cell cannot be placed, so the row is not filled; paste the tab-separated original or put "-" in blank cells.`,
  }),
  extraCells: (w: Text, label: string, got: number, want: number): Text => ({
    ko: `${w.ko}: "${label}" 행의 칸이 ${got}개로 머리행(${want}개)보다 많습니다. 따옴표 없는 천 단위 쉼표("1,234")가 칸을 나눈 것일 수 있습니다. 이 행은 채우지 않습니다.`,
    en: `${w.en}: the "${label}" row has ${got} cells, more than the header's ${want}; an unquoted thousands comma ("1,234") may have split a field. The row is not filled.`,
  }),
  unitConflict: (w: Text, a: Unit, b: Unit): Text => ({
    ko: `${w.ko}: 단위가 ${a}와(과) ${b} 두 가지로 적혀 있습니다. ${a}을(를) 씁니다.`,
    en: `${w.en}: two units are stated, ${UNIT_EN[a]} and ${UNIT_EN[b]}; ${UNIT_EN[a]} is used.`,
  }),
  moreTables: (w: Text): Text => ({
    ko: `${w.ko}: 다른 표가 더 있습니다. 첫 번째 재원별 표만 읽었습니다.`,
    en: `${w.en}: another table follows; only the first funding table was read.`,
  }),
  csvUnterminated: (w: Text): Text => ({
    ko: `${w.ko}: 큰따옴표로 연 칸이 닫히지 않았습니다.`,
    en: `${w.en}: a quoted field is never closed.`,
  }),
  csvStrayQuote: (w: Text): Text => ({
    ko: `${w.ko}: 따옴표로 묶지 않은 칸 안에 큰따옴표가 있거나, 닫는 따옴표 뒤에 글자가 있습니다.`,
    en: `${w.en}: a double quote inside an unquoted field, or text after a closing quote.`,
  }),
  jsonSyntax: (w: Text, detail: string): Text => ({
    ko: `${w.ko}: JSON 문법 오류입니다 (${detail}).`,
    en: `${w.en}: not valid JSON (${detail}).`,
  }),
  jsonSchema: (path: string, detail: Text): Text => ({
    ko: `JSON ${path}: ${detail.ko}`,
    en: `JSON ${path}: ${detail.en}`,
  }),
  jsonWrongLength: (got: number, want: number): Text => ({
    ko: `값이 ${got}개인데 years는 ${want}개입니다.`,
    en: `${got} values for ${want} years.`,
  }),
  jsonBadUnit: (u: string): Text => ({
    ko: `"${u}"은(는) 단위가 아닙니다 (원, 천원, 백만원, 억원, 조원).`,
    en: `"${u}" is not a unit (원, 천원, 백만원, 억원, 조원).`,
  }),
  jsonDuplicateCell: (s: SourceKey, year: number, first: string): Text => ({
    ko: `${src(s).ko} ${year}년 값이 두 번 있습니다(처음: ${first}). 처음 값만 씁니다.`,
    en: `${src(s).en} ${year} is given twice (first at ${first}); only the first is used.`,
  }),
  noValue: (w: Text, formula: string): Text => ({
    ko: `${w.ko}: 수식 =${formula}에 계산된 값이 없어 옮기지 않습니다. Excel에서 다시 계산해 저장한 뒤 다시 하세요.`,
    en: `${w.en}: the formula =${formula} has no calculated value and is not carried over; recalculate and save in Excel, then try again.`,
  }),
  badYear: (w: Text, text: string): Text => ({
    ko: `${w.ko}: "${text}"은(는) 연도가 아닙니다 (1990~2099).`,
    en: `${w.en}: "${text}" is not a year (1990-2099).`,
  }),
  duplicateYear: (w: Text, year: number): Text => ({
    ko: `${w.ko}: ${year}년이 두 번 있습니다.`,
    en: `${w.en}: ${year} appears twice.`,
  }),
  // ---- planning the fill ----
  noBookPage: (sheet: string): Text => ({
    ko: `'${sheet}' 시트는 예산서(세출예산서 사업명세서) 쪽이 아닙니다.`,
    en: `Sheet '${sheet}' is not a page of the budget book.`,
  }),
  noBookSource: (): Text => ({
    ko: "지난해 예산서를 찾지 못했습니다. 부서·정책사업·단위사업·세부사업·편성목·산출내역·산출기초·예산액 머리행이 있는 시트나 행을 고르세요.",
    en: "No budget book found in the source: choose a sheet or rows with the book's header (부서 … 산출내역, 산출기초, 예산액).",
  }),
  bookUnits: (from: Unit, to: Unit): Text => ({
    ko: `지난해 예산서는 ${from} 단위이고 이 쪽은 ${to} 단위입니다. 단위가 같은 예산서에서 채우세요.`,
    en: `Last year's book is in ${UNIT_EN[from]}, this page in ${UNIT_EN[to]}: fill it from a book in the same unit.`,
  }),
  bookNothing: (): Text => ({
    ko: "채울 칸이 없습니다: 지난해 예산서에 이 쪽과 이름이 같은 통계목이나 산출내역이 없습니다.",
    en: "Nothing to fill: last year's book has no 통계목 or line named as on this page.",
  }),
  bookNotLastYear: (what: string): Text => ({
    ko: `지난해 예산서에 없습니다: ${what}. 이 줄은 채우지 않습니다.`,
    en: `Not in last year's book: ${what}. This line is not filled.`,
  }),
  bookBasisForm: (what: string, then: string, now: string): Text => ({
    ko: `${what}: 지난해 산출기초 "${then}", 이 쪽 산출기초 "${now}". 수량 단위나 개수가 달라 단가·수량을 옮기지 않습니다.`,
    en: `${what}: last year's 산출기초 "${then}" is not of this page's form "${now}" (count words or their number); its figures are not carried.`,
  }),
  bookFormula: (cell: string): Text => ({
    ko: `${cell}에는 수식이 있어 덮어쓰지 않습니다.`,
    en: `${cell} holds a formula; it is not written over.`,
  }),
  noFundingTable: (sheet: string): Text => ({
    ko: `'${sheet}' 시트에서 재원별·연도별 표를 찾지 못했습니다.`,
    en: `No funding table (sources by years) found on sheet '${sheet}'.`,
  }),
  ambiguousTable: (sheet: string, ranges: string[]): Text => ({
    ko: `'${sheet}' 시트에 재원별 표가 여러 개입니다(${ranges.join(", ")}). 채울 표 안의 셀을 선택하세요.`,
    en: `Sheet '${sheet}' has several funding tables (${ranges.join(", ")}); select a cell inside the one to fill.`,
  }),
  yearOutside: (w: Text, year: number, years: number[]): Text => ({
    ko: `${w.ko}: ${year}년은 대상 표(${years.map((y) => `${y}년`).join(", ")})에 없어 채우지 않습니다.`,
    en: `${w.en}: ${year} is not a year of the target table (${years.join(", ")}); not filled.`,
  }),
  yearNotInInput: (year: number): Text => ({
    ko: `대상 표의 ${year}년 열은 입력에 없어 그대로 둡니다.`,
    en: `The table's ${year} column is not in the input; it is left as it is.`,
  }),
  yearNotSelected: (transposed: boolean): Text => ({
    ko: `입력에 연도가 없어 어느 연도에 채울지 알 수 없습니다. 표에서 채울 연도의 ${transposed ? "행" : "열"}에 있는 셀을 선택하거나, 연도 머리행(예: 2021년)도 함께 붙여넣으세요.`,
    en: `The input names no year, so which year to fill is unclear. Select a cell in that year's ${transposed ? "row" : "column"} of the table, or paste the year header row (e.g. 2021) too.`,
  }),
  yearFromSelection: (year: number, sub: string | undefined, transposed: boolean): Text => ({
    ko: `입력에 연도가 없어 선택한 ${year}년${sub === undefined ? "" : ` ${sub}`} ${transposed ? "행" : "열"}에 채웁니다.`,
    en: `The input names no year: it fills the selected ${year}${sub === undefined ? "" : ` ${sub}`} ${transposed ? "row" : "column"}.`,
  }),
  sourceNotInTable: (w: Text, s: SourceKey): Text => ({
    ko: `${w.ko}: 대상 표에 ${src(s).ko} 행이 없어 채우지 않습니다. 표에 행을 추가한 뒤 다시 채우세요.`,
    en: `${w.en}: the target table has no ${src(s).en} row; not filled. Add the row to the table and fill again.`,
  }),
  sourceNotInInput: (cell: string, s: SourceKey): Text => ({
    ko: `대상 표의 ${src(s).ko} 행(${cell})은 입력에 없어 그대로 둡니다.`,
    en: `The table's ${src(s).en} row (${cell}) is not in the input; it is left as it is.`,
  }),
  sourceTwiceInTable: (cells: string[], s: SourceKey): Text => ({
    ko: `대상 표에 ${src(s).ko} 행이 여러 개입니다(${cells.join(", ")}). 어느 행인지 알 수 없어 채우지 않습니다.`,
    en: `The target table has several ${src(s).en} rows (${cells.join(", ")}); which one is meant is unclear, so none is filled.`,
  }),
  subColumnsDiffer: (year: number, got: number, want: number): Text => ({
    ko: `${year}년: 입력에는 열이 ${got}개, 대상 표에는 ${want}개(확보액·집행액 등)입니다. 이 연도는 채우지 않습니다.`,
    en: `${year}: the input has ${got} column(s), the table ${want} (secured, spent …); this year is not filled.`,
  }),
  subColumnLeftOut: (year: number, used: string, left: string[]): Text => ({
    ko: `${year}년: 대상 표에는 열이 하나뿐이라 입력의 "${used}"만 채우고 ${left.map((l) => `"${l}"`).join(", ")}은(는) 채우지 않습니다.`,
    en: `${year}: the table has one column, so the input's "${used}" fills it and ${left.map((l) => `"${l}"`).join(", ")} is left out.`,
  }),
  inexact: (w: Text, cell: string, value: number, from: Unit, exact: string, to: Unit): Text => ({
    ko: `${w.ko}: ${ko(value, from)}은(는) ${exact}${to}로, ${to} 단위 표(${cell})에 정수로 들어가지 않습니다. 반올림하지 않고 채우지 않습니다.`,
    en: `${w.en}: ${en(value, from)} is ${exact} ${UNIT_EN[to]}, not a whole number for the ${UNIT_EN[to]} table (${cell}); it is not rounded and not filled.`,
  }),
  unitAssumed: (u: Unit): Text => ({
    ko: `입력에 단위가 없어 대상 표의 단위(${u})로 봅니다.`,
    en: `The input states no unit; the table's unit (${UNIT_EN[u]}) is assumed.`,
  }),
  tableUnitUnknown: (u: Unit): Text => ({
    ko: `대상 표의 단위를 알 수 없어 입력 값(${u})을 그대로 씁니다.`,
    en: `The target table's unit is unknown; the input's values (${UNIT_EN[u]}) are written as they are.`,
  }),
  formulaOverwritten: (cell: string, formula: string): Text => ({
    ko: `${cell}의 수식 =${formula}을(를) 값으로 덮어씁니다.`,
    en: `The formula =${formula} in ${cell} would be replaced by a value.`,
  }),
  cellLabel: (s: SourceKey, year: number, sub?: string): Text => ({
    ko: `${src(s).ko} · ${year}년${sub === undefined ? "" : ` · ${sub}`}`,
    en: `${src(s).en} · ${year}${sub === undefined ? "" : ` · ${sub}`}`,
  }),
} as const;
