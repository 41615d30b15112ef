// "24,000천원 (국비/시비/구비/민간) (16,800/2,880/1,920/2,400)", "사업비 : 2,811,000천원(국 1,686,600 / …)":
// an amount stated with its per-source split, in a table cell or a text line. The split must add up to it.
import type { Finding } from "./findings";
import type { SplitPart } from "../layout/headlines";
import { decimalsOf } from "../numbers/numbers";
import { MSG } from "./messages";
import type { Unit } from "../numbers/units";

const MAX_SCALE = 6;

/** A malformed part is reported (and nothing else: it is not guessed); else a split that does not add up. */
export function splitFindings(
  where: Pick<Finding, "sheet" | "table"> & { cell: string },
  amount: number,
  unit: Unit | undefined,
  splits: SplitPart[] | undefined,
): Finding[] {
  const { cell } = where;
  const parts = splits ?? [];
  const bad = parts.find((s) => s.parsed.kind === "malformed");
  if (bad !== undefined) {
    return [{ ...where, rule: "malformed-number", severity: "error", related: [], actual: bad.parsed.text, unit, message: MSG.malformed(cell, bad.parsed.text) }];
  }
  const values = parts.flatMap((s) => (s.parsed.kind === "number" ? [s.parsed.value] : []));
  if (values.length < 2 || values.length !== parts.length) return [];
  const f = 10 ** Math.min(MAX_SCALE, Math.max(decimalsOf(amount), ...values.map(decimalsOf)));
  const sum = values.reduce((s, v) => s + Math.round(v * f), 0);
  if (sum === Math.round(amount * f)) return [];
  return [{ ...where, rule: "total-mismatch", severity: "error", related: [], expected: sum / f, actual: amount, unit, message: MSG.splitMismatch(cell, amount, sum / f, unit) }];
}
