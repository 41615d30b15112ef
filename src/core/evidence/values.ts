// A table's figures as the evidence and blame stages compare them: in the table's unit, scaled to integers so that
// "adds up" is exact (0.1 + 0.2 is 0.3 here), undefined where the figure is unknown (malformed, not calculated,
// "…" or "n/a"), which voids every comparison it takes part in.
import { amountIn, type AmountCell } from "../cells/amount-cell";
import type { TableModel } from "../layout/table-model";
import { decimalsOf } from "../numbers/numbers";
import type { Unit } from "../numbers/units";

const MAX_SCALE = 6;

/** Text that stands for a figure nobody knows; any other text in a figure's place counts as no amount (0). */
const UNKNOWN_MARK = /^\s*(…|\.{2,}|n\/?a|n\.a\.?|na|nd|\?+|x)\s*$/i;

export interface TableValues {
  /** Scaled value at (r, c); undefined when unknown. */
  at(r: number, c: number): number | undefined;
  /** The scale: stored values are value × factor. */
  factor: number;
  /** Some figure had more decimals than the scale keeps: sums may be off by rounding of the last unit. */
  capped: boolean;
  /** Nothing is written in the cell (not even 0 or a dash). */
  blank(r: number, c: number): boolean;
  /** Half a unit of the last decimal the cell's figure is written with, scaled: what rounding to it can move. */
  halfUnit(r: number, c: number): number;
}

export function valueOf(a: AmountCell, unit: Unit | undefined, second: boolean): number | undefined {
  switch (a.kind) {
    case "amount":
      return second && a.second !== undefined ? a.second : amountIn(a, unit);
    case "malformed":
    case "not-calculated":
      return undefined;
    case "text":
      return UNKNOWN_MARK.test(a.text) ? undefined : 0;
    default:
      return 0;
  }
}

export function tableValues(model: TableModel, unit: Unit | undefined, second = false): TableValues {
  let scale = 0;
  let capped = false;
  for (const row of model.rows) {
    for (const col of model.cols) {
      const a = model.amount(row.r, col.c);
      if (a.kind !== "amount") continue;
      const d = decimalsOf(amountIn(a, unit));
      if (d > MAX_SCALE) capped = true;
      if (d > scale) scale = Math.min(MAX_SCALE, d);
    }
  }
  const factor = 10 ** scale;
  return {
    factor,
    capped,
    at(r, c) {
      const v = valueOf(model.amount(r, c), unit, second);
      return v === undefined ? undefined : Math.round(v * factor);
    },
    blank(r, c) {
      const a = model.amount(r, c);
      return a.kind === "zero" && !a.dash;
    },
    halfUnit(r, c) {
      const a = model.amount(r, c);
      const d = a.kind === "amount" ? Math.min(MAX_SCALE, decimalsOf(amountIn(a, unit))) : 0;
      return (0.5 * factor) / 10 ** d;
    },
  };
}

/** True when the table holds "27(27)"-style pairs: its relations are checked on the first and the second figures. */
export function hasPairs(model: TableModel): boolean {
  return model.rows.some((row) => model.cols.some((col) => { const a = model.amount(row.r, col.c); return a.kind === "amount" && a.second !== undefined; }));
}
