import type { Unit } from "../numbers/units";

/** Rule ids are part of the command line's JSON output: keep these names. */
export type RuleId =
  | "total-mismatch"
  | "total-rounding"
  | "formula-range"
  | "headline-mismatch"
  | "malformed-number"
  // An Excel error value (#REF!, #N/A …) where a figure belongs: the figure is unknown.
  | "error-value"
  // Text that is no amount (a pasted "=HYPERLINK(…)", a note) where a confirmed sum takes a figure.
  | "text-amount"
  // The file declared something Excel would repair on opening (a merge over another one, a merge of no cells): read
  // as Excel repairs it, and said.
  | "file-repaired"
  | "number-as-text"
  | "hardcoded-total"
  | "not-calculated"
  | "shortfall"
  // The budget book (세출예산서): a level ≠ the sum of the levels below it; 재원 lines that do not add up; a
  // 산출기초 whose calculation is not the 예산액; a 비교증감 that is not 예산액 − 전년도예산액; amounts stored as text.
  | "rollup-mismatch"
  | "source-mismatch"
  | "basis-mismatch"
  | "change-mismatch"
  | "amounts-as-text";

export type Severity = "error" | "warning" | "info";

export type Lang = "ko" | "en";

export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** The cell to blame, A1. */
  cell: string;
  /** Cells the check involved or that follow from the blamed cell, A1 (same sheet). */
  related: string[];
  expected?: number | string;
  actual?: number | string;
  unit?: Unit;
  /** Range of the table the finding belongs to (A1), when it belongs to one. */
  table?: string;
  /** For shortfalls: the gap's share of the need, 0..1. */
  share?: number;
  /** In a budget book: 부서 › 정책사업 › 단위사업 › 세부사업 › 편성목 of the line. */
  path?: string[];
  message: Record<Lang, string>;
}
