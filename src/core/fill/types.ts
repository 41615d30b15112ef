// What every fill source (pasted text, CSV, JSON, last year's sheet) is read into: one normalised funding input.
// Each value keeps where it came from, so a problem can name the line and column of a paste, the CSV field,
// the JSON path or the sheet cell, and the pane can show the officer exactly what it is about to write.
import type { Severity } from "../findings/findings";
import type { SourceKey } from "../layout/labels";
import type { Text } from "../cells/sheet-plan";
import type { Unit } from "../numbers/units";

export type Origin =
  /** Pasted text: 1-based line, and 1-based character column where the value starts. */
  | { kind: "text"; line: number; column: number }
  /** A CSV file: 1-based record and field, and the physical line the field starts on (quoted fields span lines). */
  | { kind: "csv"; row: number; col: number; line: number }
  /** A JSON document: "$.sources.국비[1]". */
  | { kind: "json"; path: string }
  /** A sheet cell, A1 without "$". */
  | { kind: "cell"; sheet: string; cell: string }
  /** Made by Yesan, not read: the empty new year of a roll-forward. */
  | { kind: "new-year"; year: number };

/**
 * One amount as the input states it. Nothing is repaired: a malformed figure stays its own text, so that the fill
 * can copy it as text (the checker then flags it in the sheet) or the pane can refuse it, but never guesses it.
 */
export type FillValue =
  /** `unit` only when the value named its own ("4,800천원"); otherwise it is in the input's unit. */
  | { kind: "number"; value: number; unit?: Unit }
  /** A blank cell or a dash ("-", "ㅡ"): no amount, i.e. 0. */
  | { kind: "empty"; dash: boolean }
  /**
   * Anything else, kept verbatim: "비예산", a malformed figure ("24,00", "1,2345", "12.3.4"), or text that is no
   * amount at all (`word`: "abc", a pasted "=HYPERLINK(…)"), which is never written into an amount cell.
   */
  | { kind: "text"; text: string; malformed: boolean; word?: boolean };

export interface FundingValue {
  value: FillValue;
  /** The text as read ("" for a blank cell; String(n) for a number cell or a JSON number). */
  text: string;
  origin: Origin;
}

/** One value column: a year, and which of that year's columns (확보액 / 집행액 pairs) it is. */
export interface FundingColumn {
  /**
   * Absent when the input does not name the year: sources pasted with one amount each and no year row
   * ("국비⇥1,686,600"). Such an input has that one column only; planFill puts it in the year column the selection
   * is in, and refuses when the selection is in none.
   */
  year?: number;
  /** 0 for the first (often only) column of the year. */
  sub: number;
  /** The column's own header under the year ("확보액", "집행액"), when the input had one. */
  label?: string;
}

export interface FundingLine {
  /** The row label as the input wrote it ("국 비", "national", "계"). */
  label: string;
  origin: Origin;
  /** Aligned with `FundingInput.columns`; undefined where the input says nothing (leave the cell as it is). */
  values: (FundingValue | undefined)[];
  /** The 합계 column(s) of this row, aligned with the subs (index 0: 확보액/the only total; 1: 집행액 …). */
  totals: (FundingValue | undefined)[];
}

export interface FundingRow extends FundingLine {
  source: SourceKey;
}

export interface FundingInput {
  /** The unit the input declares ("(단위 : 천원)", "unit": "천원"); absent when it declares none. */
  unit?: Unit;
  /** Distinct years of `columns`, ascending (none when the input does not name its year). */
  years: number[];
  columns: FundingColumn[];
  /** One row per source, in input order (a repeated source is reported and its later rows dropped). */
  rows: FundingRow[];
  /** The 계 row as given: only checked against the parts, never written (the sheet's formulas compute it). */
  total?: FundingLine;
  /** True when the input had years down and sources across. */
  transposed?: boolean;
}

export type FillProblemCode =
  // reading the input
  | "malformed-number"
  | "not-a-number"
  | "zero-word"
  | "unknown-source"
  | "duplicate-source"
  | "total-mismatch"
  | "no-table"
  | "ambiguous-row"
  | "extra-cells"
  | "unit-conflict"
  | "more-tables"
  | "csv-syntax"
  | "json-syntax"
  | "json-schema"
  | "bad-year"
  | "no-value"
  // planning the fill
  | "no-funding-table"
  | "ambiguous-table"
  | "year-outside"
  | "year-not-in-input"
  | "year-not-selected"
  | "year-from-selection"
  | "source-not-in-table"
  | "source-not-in-input"
  | "source-twice-in-table"
  | "sub-columns-differ"
  | "sub-column-left-out"
  | "inexact-conversion"
  | "unit-assumed"
  | "table-unit-unknown"
  | "formula-overwritten";

export interface FillProblem {
  code: FillProblemCode;
  /** error: that value or row is not written; warning: written, but look; info: said so the officer knows. */
  severity: Severity;
  /** Where in the input, when the problem is about one place of it. */
  origin?: Origin;
  /** The target cell (A1), for problems of the fill plan. */
  cell?: string;
  message: Text;
}

export interface FundingParse {
  input: FundingInput;
  problems: FillProblem[];
}
