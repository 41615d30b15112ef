// A table's figures as the evidence and blame stages compare them: in the table's unit, scaled to integers so that
// "adds up" is exact (0.1 + 0.2 is 0.3 here), undefined where the figure is unknown (malformed, not calculated, "…"
// or "n/a"), which voids every comparison it takes part in. Each figure also as printed (rounded by its number
// format): a typed total of 5,078 over parts stored as 128.4, 2,867.8 … adds up on the page, and a formula total
// that prints one more than its printed parts does not.
import { amountIn, type AmountCell } from "../cells/amount-cell";
import { textAmount } from "../cells/text-amount";
import type { TableModel } from "../layout/table-model";
import { decimalsOf } from "../numbers/numbers";
import type { Unit } from "../numbers/units";
import { asShown, shownBy } from "../numbers/number-format";

const MAX_SCALE = 6;

// Text in a figure's place: an error value, a mark for a figure not known yet ("…", 미정) and a formula kept as text
// ("=HYPERLINK(…)") are unknown, voiding the sums they are in. Other text ("없음", "Zero", a note such as "공모사업
// (시비)" or "consolidated into line 8") counts as 0, as Excel's sums count it: notes where no figure is are common in
// real tables, and reading them as unknown would leave their tables unchecked (text-rules.ts names them).

export interface TableValues {
  /** Scaled value at (r, c), as stored; undefined when unknown. */
  at(r: number, c: number): number | undefined;
  /** Scaled value at (r, c) as its number format prints it. */
  printed(r: number, c: number): number | undefined;
  /** How the cell's format prints figures ("" for General): figures compare as printed only under the same one. */
  shown(r: number, c: number): string;
  /** The scale: stored values are value × factor. */
  factor: number;
  /** Some figure had more decimals than the scale keeps: sums may be off by rounding of the last unit. */
  capped: boolean;
  /** Some figure prints otherwise than it is stored (rounded, in thousands): comparing as printed can differ. */
  printedDiffers: boolean;
  /** Some cell holds a pair of figures ("27(27)"): the readings are checked on the second figures too. */
  pairs: boolean;
  /** The cell's column or row has amounts written as text ("4,800천원 (구비)"): a word there is its notation. */
  prose(r: number, c: number): boolean;
  /** Nothing is written in the cell (not even 0 or a dash). */
  blank(r: number, c: number): boolean;
  /** Half a unit of the last decimal the cell's figure is written with, scaled: what rounding to it can move. */
  halfUnit(r: number, c: number): number;
}

export function valueOf(a: AmountCell, unit: Unit | undefined, second: boolean, format?: string): number | undefined {
  switch (a.kind) {
    case "amount":
      if (second && a.second !== undefined) return a.second;
      // Printed: a number with a number format reads rounded as the page shows it; text shows as typed.
      return amountIn(format === undefined || a.asText || a.unit !== undefined ? a : { ...a, value: asShown(a.value, shownBy(format, a.value < 0)) }, unit);
    case "malformed":
    case "not-calculated":
      return undefined;
    case "text": {
      const kind = textAmount(a.text);
      return kind === "zero" || kind === "other" ? 0 : undefined;
    }
    default:
      return 0;
  }
}

export function tableValues(model: TableModel, unit: Unit | undefined, second = false): TableValues {
  let scale = 0;
  let capped = false;
  let printedDiffers = false;
  let pairs = false;
  const prose = proseLines(model);
  for (const row of model.rows) {
    for (const col of model.cols) {
      const a = model.amount(row.r, col.c);
      if (a.kind !== "amount") continue;
      if (a.second !== undefined) pairs = true;
      const raw = valueOf(a, unit, false) as number;
      const d = decimalsOf(raw);
      if (!printedDiffers && !a.asText) {
        // Printed otherwise than stored: fewer decimals shown, thousands, a percentage.
        const shown = shownBy(model.format(row.r, col.c), raw < 0);
        if (shown !== undefined && (shown.divisor !== 1 || shown.percent || shown.decimals < d)) printedDiffers = true;
      }
      if (d > MAX_SCALE) capped = true;
      if (d > scale) scale = Math.min(MAX_SCALE, d);
    }
  }
  const factor = 10 ** scale;
  return {
    factor,
    capped,
    printedDiffers,
    pairs,
    prose: (r, c) => prose.rows.has(r) || prose.cols.has(c),
    at(r, c) {
      const v = valueOf(model.amount(r, c), unit, second);
      return v === undefined ? undefined : Math.round(v * factor);
    },
    printed(r, c) {
      const v = valueOf(model.amount(r, c), unit, second, model.format(r, c));
      return v === undefined ? undefined : Math.round(v * factor);
    },
    shown(r, c) {
      const a = model.amount(r, c);
      const f = a.kind === "amount" && !a.asText ? shownBy(model.format(r, c), a.value < 0) : undefined;
      return f === undefined ? "" : `${f.decimals}/${f.divisor}/${f.percent ? "%" : ""}`;
    },
    blank(r, c) {
      const a = model.amount(r, c);
      return a.kind === "zero" && !a.dash;
    },
    halfUnit(r, c) {
      const a = model.amount(r, c);
      const d = a.kind === "amount" ? Math.min(MAX_SCALE, decimalsOf(valueOf(a, unit, false, model.format(r, c)) as number)) : 0;
      return (0.5 * factor) / 10 ** d;
    },
  };
}

/**
 * Cells whose column or row has amounts typed as text ("0", "1,700", "4,800천원 (구비)"): that line's writer types
 * the figures, and a word there ("Zero", "공모사업 (시비)") is the writer's notation, not a stray.
 */
function proseLines(model: TableModel): { rows: Set<number>; cols: Set<number> } {
  const rows = new Set<number>();
  const cols = new Set<number>();
  for (const col of model.cols) {
    for (const row of model.rows) {
      const a = model.amount(row.r, col.c);
      if (a.kind === "amount" && (a.asText || a.unit !== undefined || a.splits !== undefined)) {
        rows.add(row.r);
        cols.add(col.c);
      }
    }
  }
  return { rows, cols };
}
