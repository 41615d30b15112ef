// The command line's own words, Korean first, English second.
import type { Lang } from "../core/findings/findings";
import type { TableKind } from "../core/layout/detect-tables";
import type { NotCheckedReason } from "../core/check-workbook";

export interface CliText {
  usage: string;
  unreadable: string;
  /** Why a path given on the command line was not checked (the report names the path). */
  notFound: string;
  noXlsx: string;
  /** A path that is no regular file (a FIFO, a device): never read, it could hang or never end. */
  notRegular: string;
  /** A folder that cannot be listed (permissions): named, and the other inputs still checked. */
  folderUnreadable: (code: string) => string;
  internal: string;
  noFindings: (tables: number) => string;
  /** A file where no table could be checked: never worded as a pass. */
  nothingChecked: string;
  /** The regions of figures that were not checked, listed after the findings. */
  notChecked: (count: number, list: string, more: number) => string;
  reasons: Record<NotCheckedReason, string>;
  textLines: string;
  table: string;
  unit: string;
  expected: string;
  actual: string;
  kinds: Record<TableKind, string>;
  summary: (files: number, tables: number, notChecked: number, errors: number, warnings: number, infos: number, shortfalls: number) => string;
  /** The budget book: pages read, 세부사업 found, relations checked. */
  book: (pages: number, programs: number, relations: number) => string;
  /** Totals of the book not checked because rows are missing from the file. */
  bookMissing: (count: number, list: string, more: number) => string;
  /** Kinds of the book's relations that its own figures did not confirm: not checked. */
  bookUnconfirmed: (kinds: string) => string;
  /** The book's relation kinds, in words. */
  bookKinds: Record<string, string>;
  /** Findings of the book are grouped by their 세부사업 (or the level above, where the line has none). */
  bookGroup: string;
}

const USAGE_KO = `사용법: yesan check <파일.xlsx|폴더>... [--format text|json] [--lang ko|en]

  엑셀 예산 파일의 모든 표(합계, 연도별 합계, 소요예산 제목, 내역, 미확보액)를 검사하고
  틀린 셀을 기대값·실제값과 함께 알려 줍니다.
  종료 코드: 0 오류 없음, 1 오류 있음, 2 읽을 수 없는 입력 있음.

다른 명령 (자세한 사용법은 --help):
  yesan template list|new ...   사업 템플릿 목록, 템플릿으로 새 예산 파일 만들기
  yesan scenario giftcert|pv ... 상품권 할인율 시나리오, 사회적 할인율 현재가치`;

const USAGE_EN = `Usage: yesan check <file.xlsx|folder>... [--format text|json] [--lang ko|en]

  Checks every table of Excel budget files (totals, multi-year totals, headlines, breakdowns, gaps)
  and points at each wrong cell with the expected and actual value.
  Exit code: 0 no error, 1 errors found, 2 an input could not be read.

Other commands (see --help):
  yesan template list|new ...    program templates; a new budget file from one
  yesan scenario giftcert|pv ... gift-certificate discount scenarios; present value at a social discount rate`;

/** "1 file", "2 files". */
const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;

export const CLI_TEXT: Record<Lang, CliText> = {
  ko: {
    usage: USAGE_KO,
    unreadable: "읽을 수 없음",
    notFound: "파일이나 폴더가 없습니다.",
    noXlsx: "폴더에 .xlsx 파일이 없습니다.",
    notRegular: "일반 파일이 아니어서 읽지 않았습니다 (파이프나 장치 파일).",
    folderUnreadable: (code) => `폴더를 열 수 없습니다${code}.`,
    internal: "검사 중 내부 오류가 났습니다. 이 메시지를 개발팀에 알려 주세요",
    noFindings: (n) => `문제 없음 (표 ${n}개 검사)`,
    nothingChecked: "검사하지 못함: 합계가 어떤 항목의 합인지 확인할 수 있는 표가 없습니다. 이 파일의 숫자는 검사되지 않았습니다.",
    notChecked: (n, list, more) => `검사하지 못한 영역 ${n}곳: ${list}${more > 0 ? ` 외 ${more}곳` : ""}`,
    reasons: { "no-total": "합계 줄 없음", unconfirmed: "합계의 구성을 확인할 수 없음", "some-totals": "일부 합계의 구성을 확인할 수 없음" },
    textLines: "본문",
    table: "표",
    unit: "단위",
    expected: "기대값",
    actual: "실제값",
    kinds: { funding: "재원별 소요예산", gap: "소요·확보·미확보", breakdown: "내역", totals: "합계표" },
    summary: (f, t, n, e, w, i, s) => `요약: 파일 ${f}개, 표 ${t}개${n > 0 ? ` (검사하지 못한 영역 ${n}곳)` : ""} — 오류 ${e}, 경고 ${w}, 정보 ${i} (부족재원 ${s})`,
    book: (p, n, r) => `세출예산서: 쪽 ${p}개, 세부사업 ${n}개 — 상하위 합계·재원·산출기초·비교증감 ${r}곳 검사`,
    bookMissing: (n, list, more) => `파일에 빠진 행이 있어 검사하지 못한 합계 ${n}곳 (쪽 경계): ${list}${more > 0 ? ` 외 ${more}곳` : ""}`,
    bookUnconfirmed: (kinds) => `이 예산서의 숫자로 확인되지 않아 검사하지 않은 관계: ${kinds}`,
    bookKinds: { rollup: "상하위 예산액 합계", "rollup-previous": "상하위 전년도예산액 합계", sources: "재원별 금액의 합", "source-rollup": "상하위 재원 합계", change: "비교증감", basis: "산출기초" },
    bookGroup: "세부사업",
  },
  en: {
    usage: USAGE_EN,
    unreadable: "cannot read",
    notFound: "No such file or folder.",
    noXlsx: "No .xlsx files in the folder.",
    notRegular: "Not a regular file (a pipe or a device); it was not read.",
    folderUnreadable: (code) => `The folder cannot be opened${code}.`,
    internal: "Internal error while checking; please report this message to the developers",
    noFindings: (n) => `No findings (${count(n, "table")} checked)`,
    nothingChecked: "Not checked: no table whose totals Yesan could confirm; none of this file's figures were checked.",
    notChecked: (n, list, more) => `Not checked, ${count(n, "region")}: ${list}${more > 0 ? ` and ${more} more` : ""}`,
    reasons: { "no-total": "no total line", unconfirmed: "what the totals add could not be confirmed", "some-totals": "what some of the totals add could not be confirmed" },
    textLines: "Text lines",
    table: "Table",
    unit: "unit",
    expected: "expected",
    actual: "actual",
    kinds: { funding: "funding", gap: "need/secured/gap", breakdown: "breakdown", totals: "totals" },
    summary: (f, t, n, e, w, i, s) =>
      `Summary: ${count(f, "file")}, ${count(t, "table")}${n > 0 ? ` (${count(n, "region")} not checked)` : ""} — ${count(e, "error")}, ${count(w, "warning")}, ${i} info (${count(s, "shortfall")})`,
    book: (p, n, r) => `Budget book (세출예산서): ${count(p, "page")}, ${count(n, "세부사업 program")}; ${r} level totals, funding sources, calculation bases and changes checked`,
    bookMissing: (n, list, more) => `Not checked, ${count(n, "total")} of the book over rows missing from the file (at page breaks): ${list}${more > 0 ? ` and ${more} more` : ""}`,
    bookUnconfirmed: (kinds) => `Not checked, as the book's own figures do not confirm them: ${kinds}`,
    bookKinds: { rollup: "level totals", "rollup-previous": "level totals of last year's amounts", sources: "funding sources", "source-rollup": "funding sources across levels", change: "changes", basis: "calculation bases" },
    bookGroup: "Program",
  },
};
