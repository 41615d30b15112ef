// What every reader of a funding input does once it has its syntax behind it (the grid of a paste or CSV, the
// tokens of a space-separated paste, the JSON document): each row's label is a source or the 계 row, a source
// given twice keeps its first row (the repeat is reported), every amount is read with the same number rules,
// and at the end the input is made, its totals checked and a table without a source row said. The readers only
// find the rows, their labels and their values; this is the one place that puts them together.
import type { LabelClass, SourceKey } from "../layout/labels";
import { classifyCleaned } from "../layout/labels";
import type { Unit } from "../numbers/units";
import { FILL_MSG, where } from "./messages";
import { checkTotals, DROPS_ROW } from "./totals";
import type { FillProblem, FillProblemCode, FundingColumn, FundingInput, FundingLine, FundingParse, FundingRow, FundingValue, Origin } from "./types";
import { readFillValue } from "./values";

/** What a row label says: a source, or the 계 row (only checked, never written). */
export type RowLabel = { kind: "source"; source: SourceKey } | { kind: "total" };

/** A label's class as a row label; undefined for anything else (a year, a remark, a word). */
export function asRowLabel(k: LabelClass | undefined): RowLabel | undefined {
  if (k?.kind === "source") return { kind: "source", source: k.source };
  if (k?.kind === "total") return { kind: "total" };
  return undefined;
}

export const rowLabel = (text: string): RowLabel | undefined => asRowLabel(classifyCleaned(text));

const NOTHING: ReadonlySet<FillProblemCode> = new Set();

export class InputAssembly {
  /** Every problem of the reading, in the order met; the readers add their own syntax's here too. */
  readonly problems: FillProblem[] = [];
  readonly rows: FundingRow[] = [];
  total?: FundingLine;
  private readonly seen = new Map<SourceKey, Origin>();

  /** One amount as written, read with the engine's number rules; a malformed figure is reported, kept as text. */
  value(text: string, origin: Origin): FundingValue {
    const { value, problem } = readFillValue(text, origin);
    if (problem !== undefined) this.problems.push(problem);
    return value;
  }

  /** A row whose label is no funding source: reported, not filled. */
  unknownSource(origin: Origin, label: string): void {
    this.problems.push({ code: "unknown-source", severity: "error", origin, message: FILL_MSG.unknownSource(where(origin), label) });
  }

  /**
   * A row as read. The first 계 row is the total (a second one, or a 소계, is never written); a source already
   * given is reported and this row dropped. Returns the line now kept for the label (the rows form of JSON fills
   * its values one by one into it).
   */
  add(label: RowLabel, line: FundingLine): FundingLine {
    if (label.kind === "total") {
      this.total ??= line;
      return this.total;
    }
    const first = this.seen.get(label.source);
    if (first !== undefined) {
      this.problems.push({ code: "duplicate-source", severity: "error", origin: line.origin, message: FILL_MSG.duplicateSource(where(line.origin), label.source, where(first)) });
      return line;
    }
    this.seen.set(label.source, line.origin);
    const row: FundingRow = { ...line, source: label.source };
    this.rows.push(row);
    return row;
  }

  /** A source row with every cell blank: kept when the source is new; a repeat is dropped without a word (it holds nothing). */
  addBlank(source: SourceKey, line: FundingLine): void {
    if (this.seen.has(source)) return;
    this.seen.set(source, line.origin);
    this.rows.push({ ...line, source });
  }

  /**
   * The input, with the problems and the checks of its totals. No source row left is said, unless a problem of a
   * code in `explained` already says why the rows are missing. The 계 row is compared with the sources only when
   * no row was dropped (it would not add up without it).
   */
  finish(head: { unit?: Unit; columns: FundingColumn[] }, explained: ReadonlySet<FillProblemCode> = NOTHING): FundingParse {
    const { unit, columns } = head;
    const years = [...new Set(columns.flatMap((c) => (c.year === undefined ? [] : [c.year])))].sort((a, b) => a - b);
    const input: FundingInput = { ...(unit === undefined ? {} : { unit }), years, columns, rows: this.rows, ...(this.total === undefined ? {} : { total: this.total }) };
    if (this.rows.length === 0 && !this.problems.some((p) => explained.has(p.code))) this.problems.push({ code: "no-table", severity: "error", message: FILL_MSG.noSourceRows() });
    // A JSON entry refused by the schema is a dropped row as well.
    const dropped = this.problems.some((p) => DROPS_ROW.has(p.code) || p.code === "json-schema");
    return { input, problems: [...this.problems, ...checkTotals(input, !dropped)] };
  }
}
