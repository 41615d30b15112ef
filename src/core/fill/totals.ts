// The 계 row and the 합계 column of an input are checked against their parts. A disagreement is a warning only:
// the fill never writes totals (the sheet's formulas compute them), it copies the parts as the input states them,
// and the checker later shows the printed mistake in the sheet.
import type { Text } from "../cells/sheet-plan";
import { FILL_MSG, where } from "./messages";
import type { FillProblem, FillProblemCode, FundingInput, FundingLine, FundingValue } from "./types";
import { exactSum, sameAmount, summable } from "./values";

/** Problems after which a row of the input is missing. */
export const DROPS_ROW: ReadonlySet<FillProblemCode> = new Set<FillProblemCode>(["unknown-source", "duplicate-source", "ambiguous-row", "extra-cells"]);

function sumOf(values: (FundingValue | undefined)[]): number | undefined {
  const parts: number[] = [];
  for (const v of values) {
    if (v === undefined) return undefined; // the input says nothing there: no claim about the sum
    const n = summable(v);
    if (n === undefined) return undefined; // a part that is not a number: no claim about the sum
    parts.push(n);
  }
  return exactSum(parts);
}

function stated(v: FundingValue | undefined): number | undefined {
  return v !== undefined && v.value.kind === "number" && v.value.unit === undefined ? v.value.value : undefined;
}

/** The 계 of column j: "2021년 확보액 계", or just "계" for an input that names no year. */
function columnTotal(input: FundingInput, j: number): Text {
  const col = input.columns[j];
  if (col.year === undefined) return FILL_MSG.unnamedYearTotal();
  return FILL_MSG.columnTotal(`${col.year}년${col.label !== undefined && col.label !== "" ? ` ${col.label}` : ""}`);
}

/**
 * `partsComplete`: false when rows of the input were dropped (unknown or unplaceable): the 계 row then cannot be
 * compared with the sources, only each row's 합계 with its own years.
 */
export function checkTotals(input: FundingInput, partsComplete = true): FillProblem[] {
  const problems: FillProblem[] = [];
  const flagged = new Set<FundingValue>();
  const flag = (v: FundingValue, statedValue: number, sum: number, what: Text): void => {
    if (flagged.has(v)) return;
    flagged.add(v);
    problems.push({
      code: "total-mismatch",
      severity: "warning",
      origin: v.origin,
      message: FILL_MSG.totalMismatch(where(v.origin), statedValue, sum, input.unit, what),
    });
  };
  const subs = Math.max(1, ...input.columns.map((c) => c.sub + 1));

  // Each row's 합계 against its own years (also the 계 row's).
  const lines: FundingLine[] = [...(input.total === undefined ? [] : [input.total]), ...input.rows];
  for (const line of lines) {
    for (let s = 0; s < line.totals.length; s++) {
      const t = line.totals[s];
      const n = stated(t);
      if (t === undefined || n === undefined) continue;
      const parts = line.values.filter((_, j) => input.columns[j].sub === s);
      const sum = sumOf(parts);
      if (sum !== undefined && !sameAmount(n, sum)) flag(t, n, sum, FILL_MSG.rowTotal(line.label));
    }
  }
  if (input.total === undefined || input.rows.length === 0 || !partsComplete) return problems;
  const total = input.total;
  // The 계 row against the sources, year by year.
  input.columns.forEach((_, j) => {
    const t = total.values[j];
    const n = stated(t);
    if (t === undefined || n === undefined) return;
    const sum = sumOf(input.rows.map((r) => r.values[j]));
    if (sum !== undefined && !sameAmount(n, sum)) flag(t, n, sum, columnTotal(input, j));
  });
  // The grand total against the sources' own totals.
  for (let s = 0; s < Math.min(subs, total.totals.length); s++) {
    const t = total.totals[s];
    const n = stated(t);
    if (t === undefined || n === undefined) continue;
    const sum = sumOf(input.rows.map((r) => r.totals[s]));
    if (sum !== undefined && !sameAmount(n, sum)) flag(t, n, sum, FILL_MSG.rowTotal(total.label));
  }
  return problems;
}
