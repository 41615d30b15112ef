// The adapter's words, Korean first, English second: errors from Excel, the report sheet, marks and the chart.
import type { Lang } from "../core/findings/findings";
import type { PortErrorCode } from "./port";

export const PORT_ERRORS: Record<PortErrorCode, Record<Lang, string>> = {
  // The adapter replaces this general line with one naming the occupied cells.
  occupied: {
    ko: "쓰려는 위치에 이미 값이 있어 아무것도 쓰지 않았습니다. 빈 곳을 선택하세요.",
    en: "The target cells are not empty, so nothing was written. Select an empty place.",
  },
  "cell-edit-mode": {
    ko: "셀을 편집하는 중이라 Excel이 요청을 받지 않습니다. 편집을 마친 뒤(Enter 또는 Esc) 다시 시도하세요.",
    en: "Excel is in cell-edit mode and will not take the request. Finish editing (Enter or Esc) and try again.",
  },
  "payload-too-large": {
    ko: "한 번에 주고받을 수 있는 데이터 한도를 넘었습니다. 더 작은 범위를 선택해 검사하세요.",
    en: "The data exceeds Excel's request size limit. Select a smaller range and check it.",
  },
  protected: {
    ko: "보호된 시트라 변경할 수 없습니다. 시트 보호를 해제하거나 다른 위치를 선택하세요.",
    en: "The sheet is protected, so it cannot be changed. Unprotect it or choose another place.",
  },
  "not-found": {
    ko: "시트나 셀을 찾을 수 없습니다. 검사 뒤 이름이 바뀌었거나 삭제되었을 수 있습니다. 다시 검사하세요.",
    en: "The sheet or cell was not found; it may have been renamed or deleted since the check. Check again.",
  },
  unsupported: {
    ko: "이 Excel 버전에서 지원하지 않는 기능입니다 (ExcelApi 1.13 이상 필요).",
    en: "This version of Excel does not support the feature (ExcelApi 1.13 or later is needed).",
  },
  other: {
    ko: "Excel이 요청을 처리하지 못했습니다.",
    en: "Excel could not carry out the request.",
  },
};

/** writePlan's refusals, naming the sheet and cells (the general lines are in PORT_ERRORS). */
export const PLAN_ERRORS: Record<Lang, { occupied(sheet: string, cells: string[], more: number): string; missing(sheet: string): string; protectedSheet(sheet: string): string }> = {
  ko: {
    occupied: (sheet, cells, more) =>
      `'${sheet}' 시트의 ${cells.join(", ")}${more > 0 ? ` 외 ${more}개 셀` : ""}에 이미 값이 있어 아무것도 쓰지 않았습니다. 덮어쓸지 확인하거나 빈 곳을 선택하세요.`,
    missing: (sheet) => `'${sheet}' 시트가 없어 아무것도 쓰지 않았습니다. 이름이 바뀌었거나 삭제되었을 수 있습니다.`,
    protectedSheet: (sheet) => `'${sheet}' 시트가 보호되어 있어 아무것도 쓰지 않았습니다. 시트 보호를 해제하거나 다른 위치를 선택하세요.`,
  },
  en: {
    occupied: (sheet, cells, more) => {
      const one = cells.length + more === 1 && !cells[0].includes(":");
      return `${cells.join(", ")}${more > 0 ? ` and ${more} more cell${more === 1 ? "" : "s"}` : ""} on sheet '${sheet}' already ${one ? "holds a value" : "hold values"}, so nothing was written. Confirm overwriting ${one ? "it" : "them"} or select an empty place.`;
    },
    missing: (sheet) => `There is no sheet '${sheet}', so nothing was written. It may have been renamed or deleted.`,
    protectedSheet: (sheet) => `Sheet '${sheet}' is protected, so nothing was written. Unprotect it or choose another place.`,
  },
};

export const REPORT_SHEET = "검증결과";
export const SHORTFALL_SHEET = "부족재원";
/** Every note Yesan adds starts with this, so "clear marks" removes only its own. */
export const NOTE_MARK = "[예산 검증 Yesan]";

export const REPORT_TEXT: Record<Lang, { headers: string[]; severity: Record<string, string> }> = {
  ko: {
    headers: ["번호", "시트", "셀", "규칙", "심각도", "기대값", "실제값", "단위", "설명", "검사일", "템플릿 버전"],
    severity: { error: "오류", warning: "경고", info: "정보" },
  },
  en: {
    headers: ["No.", "Sheet", "Cell", "Rule", "Severity", "Expected", "Actual", "Unit", "Message", "Checked on", "Template version"],
    severity: { error: "error", warning: "warning", info: "info" },
  },
};

export const CHART_TEXT: Record<Lang, { headers: string[]; title: string }> = {
  ko: { headers: ["사업(시트)", "미확보액(백만원)", "소요액 대비 비율"], title: "사업별 부족재원 (백만원)" },
  en: { headers: ["Program (sheet)", "Unfunded (million won)", "Share of need"], title: "Shortfall by program (million won)" },
};
