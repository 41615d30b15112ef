// Every word the task pane (and its browser preview) shows, Korean first, English second, in one table.
// The engine's own sentences (finding messages) live in src/core/messages.ts; this file holds only the UI's.
import type { Lang, RuleId, Severity } from "../core/findings";
import type { TableKind } from "../core/detect-tables";
import type { Unit } from "../core/units";

export type { Lang };

type Text = Record<Lang, string>;

// Placeholders are written {name} and filled by `t`; keeping every entry a plain pair of strings lets a
// translator read the whole table at once.
export const UI = {
  tabsLabel: { ko: "작업", en: "Tasks" },
  "tab.check": { ko: "검증", en: "Check" },
  "tab.shortfalls": { ko: "부족재원", en: "Shortfalls" },
  "tab.templates": { ko: "템플릿", en: "Templates" },
  "tab.scenarios": { ko: "시나리오", en: "Scenarios" },

  "templates.later": { ko: "템플릿 기능은 다음 버전에서 제공됩니다.", en: "Templates come in the next version." },
  "scenarios.later": { ko: "시나리오 기능은 다음 버전에서 제공됩니다.", en: "Scenarios come in the next version." },

  "check.workbook": { ko: "통합문서 검사", en: "Check workbook" },
  "check.selection": { ko: "선택 영역 검사", en: "Check selection" },
  "check.reading": { ko: "통합문서를 읽는 중…", en: "Reading the workbook…" },
  "check.readingSelection": { ko: "선택 영역을 읽는 중…", en: "Reading the selection…" },
  "check.progress": { ko: "시트 검사 중 ({done}/{total})", en: "Checking sheets ({done}/{total})" },
  "check.intro": {
    ko: "통합문서의 모든 표에서 합계, 연도별 합계, 소요예산 제목과 미확보액을 검사합니다.",
    en: "Checks every table of the workbook: totals, multi-year totals, budget headlines and gaps.",
  },
  "check.summaryCounts": { ko: "오류 {errors} · 경고 {warnings} · 정보 {infos}", en: "Errors {errors} · Warnings {warnings} · Info {infos}" },
  "check.summaryTables": { ko: "표 {tables}개 검사 · {seconds}초", en: "Tables checked: {tables} · {seconds} s" },
  "check.summarySelection": { ko: "선택 영역", en: "Selection" },
  "check.summaryWorkbook": { ko: "통합문서 전체", en: "Whole workbook" },
  "check.noFindings": { ko: "문제가 없습니다.", en: "No findings." },
  "check.noTables": {
    ko: "검사할 표를 찾지 못했습니다. 표의 제목과 머리글(재원, 연도, 합계)이 함께 선택되었는지 확인하세요.",
    en: "No tables were found. Make sure the table's title and headers (sources, years, total) are included.",
  },
  "check.textLines": { ko: "본문", en: "Text lines" },
  "check.table": { ko: "표 {range}", en: "Table {range}" },
  "check.findingsLabel": { ko: "검사 결과", en: "Findings" },
  "check.sheetCount": { ko: "{count}건", en: "Findings: {count}" },
  "check.expected": { ko: "기대값", en: "expected" },
  "check.actual": { ko: "실제값", en: "actual" },

  "action.mark": { ko: "시트에 표시", en: "Mark on sheet" },
  "action.clear": { ko: "표시 지우기", en: "Clear marks" },
  "action.report": { ko: "결과 시트 작성", en: "Write report sheet" },
  "action.chart": { ko: "차트 삽입", en: "Insert chart" },
  "action.dismiss": { ko: "닫기", en: "Dismiss" },
  "actionsLabel": { ko: "결과 작업", en: "Result actions" },

  "done.mark": { ko: "셀 {count}개를 표시했습니다.", en: "Cells marked: {count}." },
  "done.clear": { ko: "표시 {count}개를 지웠습니다.", en: "Marks cleared: {count}." },
  "done.report": { ko: "검증결과 시트를 작성했습니다.", en: "Wrote the 검증결과 (results) sheet." },
  "done.chart": { ko: "부족재원 차트를 삽입했습니다.", en: "Inserted the shortfall chart." },

  "fail.check": { ko: "통합문서를 읽지 못했습니다", en: "Could not read the workbook" },
  "fail.select": { ko: "셀로 이동하지 못했습니다", en: "Could not go to the cell" },
  "fail.mark": { ko: "시트에 표시하지 못했습니다", en: "Could not mark the sheet" },
  "fail.clear": { ko: "표시를 지우지 못했습니다", en: "Could not clear the marks" },
  "fail.report": { ko: "결과 시트를 작성하지 못했습니다", en: "Could not write the report sheet" },
  "fail.chart": { ko: "차트를 삽입하지 못했습니다", en: "Could not insert the chart" },

  "shortfall.runFirst": {
    ko: "먼저 검증 탭에서 통합문서 검사를 실행하세요. 부족재원(미확보액)은 검사 결과에서 모읍니다.",
    en: "Run the check on the Check tab first: shortfalls (unfunded amounts) are collected from its results.",
  },
  "shortfall.none": { ko: "미확보액이 있는 사업이 없습니다.", en: "No program has an unfunded amount." },
  "shortfall.intro": {
    ko: "사업별 미확보액 (괄호 안은 소요액 대비 비율)",
    en: "Unfunded amount per program (share of the need in brackets)",
  },
  "shortfall.total": { ko: "미확보액 합계", en: "Total unfunded" },
  "shortfall.totalAll": { ko: "모두 {unit}으로 환산", en: "All in {unit}" },
  "shortfall.noUnit": { ko: "단위 없음", en: "no unit" },
  "shortfall.noUnitNote": {
    ko: "단위를 알 수 없는 금액은 환산 합계에서 뺐습니다.",
    en: "Amounts with no known unit are left out of the combined total.",
  },
  "shortfall.count": { ko: "사업 {count}개", en: "Programs: {count}" },

  "severity.error": { ko: "오류", en: "Error" },
  "severity.warning": { ko: "경고", en: "Warning" },
  "severity.info": { ko: "정보", en: "Info" },

  "rule.total-mismatch": { ko: "합계 불일치", en: "Total mismatch" },
  "rule.formula-range": { ko: "수식 범위", en: "Formula range" },
  "rule.headline-mismatch": { ko: "제목 금액 불일치", en: "Headline mismatch" },
  "rule.malformed-number": { ko: "잘못된 숫자", en: "Malformed number" },
  "rule.number-as-text": { ko: "텍스트 숫자", en: "Number stored as text" },
  "rule.hardcoded-total": { ko: "직접 입력한 합계", en: "Typed-in total" },
  "rule.not-calculated": { ko: "계산 안 된 수식", en: "Formula not calculated" },
  "rule.shortfall": { ko: "부족재원", en: "Shortfall" },

  "kind.funding": { ko: "재원별 소요예산", en: "funding" },
  "kind.gap": { ko: "소요·확보·미확보", en: "need/secured/gap" },
  "kind.breakdown": { ko: "내역", en: "breakdown" },
  "kind.totals": { ko: "합계표", en: "totals" },

  "unit.원": { ko: "원", en: "won" },
  "unit.천원": { ko: "천원", en: "thousand won" },
  "unit.백만원": { ko: "백만원", en: "million won" },
  "unit.억원": { ko: "억원", en: "hundred million won" },
  "unit.조원": { ko: "조원", en: "trillion won" },

  "preview.open": { ko: "파일 열기", en: "Open file" },
  "preview.sample": { ko: "샘플 통합문서", en: "Sample workbook" },
  "preview.loading": { ko: "통합문서를 불러오는 중…", en: "Loading the workbook…" },
  "preview.openFailed": { ko: "{file}을(를) 열 수 없습니다", en: "Cannot open {file}" },
  "preview.kept": { ko: "지금 통합문서를 그대로 둡니다.", en: "The current workbook is kept." },
  "preview.sheetsLabel": { ko: "시트", en: "Sheets" },
  "preview.gridLabel": { ko: "{sheet} 시트의 셀", en: "Cells of sheet {sheet}" },
  "preview.empty": { ko: "빈 시트입니다.", en: "This sheet is empty." },
  "preview.noWorkbook": { ko: "열린 통합문서가 없습니다.", en: "No workbook is open." },
  "preview.paneLabel": { ko: "작업 창", en: "Task pane" },
  "preview.sheetLabel": { ko: "시트 보기", en: "Sheet view" },
  "preview.truncated": { ko: "처음 {rows}행, {cols}열까지만 보여 줍니다.", en: "Showing the first {rows} rows, up to column {cols}." },
  "preview.chart": { ko: "차트: {title} ({type}, 원본 {source})", en: "Chart: {title} ({type}, data {source})" },
  "preview.fileLabel": { ko: "열 .xlsx 파일", en: ".xlsx file to open" },
  "preview.fetchFailed": { ko: "내려받지 못했습니다 (HTTP {status}).", en: "It could not be downloaded (HTTP {status})." },
} satisfies Record<string, Text>;

export type UiKey = keyof typeof UI;

/** The UI string for `key` in `lang`, with {name} placeholders filled from `vars`. */
export function t(lang: Lang, key: UiKey, vars?: Record<string, string | number>): string {
  const text: string = UI[key][lang];
  if (vars === undefined) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export const ruleLabel = (rule: RuleId, lang: Lang): string => t(lang, `rule.${rule}`);
export const severityLabel = (severity: Severity, lang: Lang): string => t(lang, `severity.${severity}`);
export const kindLabel = (kind: TableKind, lang: Lang): string => t(lang, `kind.${kind}`);
export const unitLabel = (unit: Unit, lang: Lang): string => t(lang, `unit.${unit}`);

/** Office's display language ("ko-KR", "en-US", …) to the pane's: English for en*, Korean otherwise. */
export function langFromOffice(displayLanguage?: string): Lang {
  return displayLanguage !== undefined && /^en(?:$|[-_])/i.test(displayLanguage.trim()) ? "en" : "ko";
}
