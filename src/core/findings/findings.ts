import type { Unit } from "../numbers/units";

/** Rule ids are part of the command line's JSON output: keep these names. */
export type RuleId =
  | "total-mismatch"
  | "total-rounding"
  | "formula-range"
  | "headline-mismatch"
  | "malformed-number"
  | "number-as-text"
  | "hardcoded-total"
  | "not-calculated"
  | "shortfall";

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
  message: Record<Lang, string>;
}
