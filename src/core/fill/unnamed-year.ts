// Officers often copy only the source column and one amount column of a table ("국비⇥1,686,600", "시 비 674,640"),
// without the year row. Such an input names no year: it is read as one column whose year planFill takes from the
// selection. The tab/CSV and the space-separated readers each find the rows in their own syntax; this makes them
// into the input, so the 계 line, a repeated source and malformed amounts are handled as for any other table.
import { findUnitLabel } from "../numbers/unit-label";
import type { Unit } from "../numbers/units";
import { InputAssembly, type RowLabel } from "./assemble";
import { FILL_MSG, where } from "./messages";
import type { FundingParse, Origin } from "./types";

/** A source or 계 label and the one amount after it ("" for a blank cell or a label with nothing after it). */
export interface AmountRow {
  label: RowLabel;
  text: string;
  origin: Origin;
  amount: { text: string; origin: Origin };
}

export interface UnitLine {
  unit: Unit;
  origin: Origin;
}

/**
 * A line that only declares the unit ("(단위 : 천원)"). It may not hold a digit: a year or an amount there would
 * make the paste something other than sources with one amount each.
 */
export function unitLine(text: string): Unit | undefined {
  return /\d/.test(text) ? undefined : findUnitLabel(text);
}

/**
 * The input from the rows, the unit from the unit lines above them (the nearest one; another that disagrees is
 * said). Undefined when no row has an amount: a lone "국비" is not a table.
 */
export function readUnnamedYear(rows: AmountRow[], units: UnitLine[]): FundingParse | undefined {
  if (!rows.some((r) => r.amount.text.trim() !== "")) return undefined;
  const assembly = new InputAssembly();
  for (const r of rows) {
    assembly.add(r.label, { label: r.text, origin: r.origin, values: [assembly.value(r.amount.text, r.amount.origin)], totals: [] });
  }
  const unit = units[units.length - 1]?.unit;
  const other = units.find((u) => u.unit !== unit);
  if (unit !== undefined && other !== undefined) {
    assembly.problems.push({ code: "unit-conflict", severity: "warning", origin: other.origin, message: FILL_MSG.unitConflict(where(other.origin), unit, other.unit) });
  }
  return assembly.finish({ ...(unit === undefined ? {} : { unit }), columns: [{ sub: 0 }] });
}
