// How the engine reads one cell of a table: as an amount, a zero, a marker, a label or something broken.
// Excel gives numbers as numbers; officers also type or paste amounts as text ("766,023", "4,800천원 (구비)"),
// so text is parsed with the same rules as pasted input.
import type { Cell } from "./grid";
import { parseNumber, type ParsedNumber } from "../numbers/numbers";
import { parseHeadline, type SplitPart } from "../layout/headlines";
import { convert } from "../numbers/numbers";
import type { Unit } from "../numbers/units";

export type AmountCell =
  /** A usable amount. `value` is in `unit` when the cell names one, else in the table's unit. */
  | { kind: "amount"; value: number; unit?: Unit; asText: boolean; splits?: SplitPart[]; formula?: string; evaluated?: boolean; /** "27(27)": 정원(현원), planned(actual) pairs */ second?: number }
  /** Blank or a dash: no amount. Counts as 0 in sums. */
  | { kind: "zero"; dash: boolean }
  | { kind: "non-budget" }
  | { kind: "malformed"; text: string; reason: string }
  /** A formula whose value is unknown (no cached result and not a SUM/+ we can evaluate). */
  | { kind: "not-calculated"; formula: string; /** a SUM/+ whose inputs are unknown: reported at its root instead */ dependent: boolean }
  | { kind: "text"; text: string };

/** Reads a cell. `evaluated` is the engine's own result for a formula without a cached value. */
export function readAmountCell(cell: Cell | undefined, evaluated?: number, linear = false): AmountCell {
  if (cell === undefined) return { kind: "zero", dash: false };
  const v = cell.v;
  if (v === undefined) {
    if (cell.f === undefined) return { kind: "zero", dash: false };
    if (evaluated === undefined) return { kind: "not-calculated", formula: cell.f, dependent: linear };
    return { kind: "amount", value: evaluated, asText: false, formula: cell.f, evaluated: true };
  }
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { kind: "malformed", text: String(v), reason: "other" };
    // Past 2^53 a double skips integers, and a sum over the figure is not exact: refused, never rounded silently.
    if (Math.abs(v) > Number.MAX_SAFE_INTEGER) return { kind: "malformed", text: String(v), reason: "too-large" };
    return { kind: "amount", value: v, asText: false, formula: cell.f };
  }
  if (v === null) return { kind: "zero", dash: false };
  if (typeof v === "boolean") return { kind: "text", text: String(v) };
  return readAmountText(v);
}

/** "27(27)", "4(6)": two counts in one cell (정원 and 현원), a common notation in staffing and plan tables. */
const PAIR = /^\s*(\d{1,3}(?:,\d{3})*|\d+)\s*\(\s*(\d{1,3}(?:,\d{3})*|\d+)\s*\)\s*$/;

const HAS_DIGIT = /[0-9０-９]/;
const HAS_UNIT = /[원억조]/;

// Budget sheets repeat the same strings in every table ("2021년", "-", "계", "비예산"): read each once.
// The cells returned are shared, so nothing may change them.
const textMemo = new Map<string, AmountCell>();

export function readAmountText(text: string): AmountCell {
  let a = textMemo.get(text);
  if (a === undefined) {
    a = readAmountTextOnce(text);
    if (textMemo.size > 50000) textMemo.clear(); // bounded
    textMemo.set(text, a);
  }
  return a;
}

function readAmountTextOnce(text: string): AmountCell {
  // Labels ("계", "국비", "재원별") hold no digit: only a dash, 비예산 or words, and most cells are labels or numbers.
  if (!HAS_DIGIT.test(text)) {
    const p = parseNumber(text);
    return p.kind === "none" ? { kind: "zero", dash: p.text.trim() !== "" } : p.kind === "non-budget" ? { kind: "non-budget" } : { kind: "text", text };
  }
  const pair = PAIR.exec(text);
  if (pair !== null) {
    return { kind: "amount", value: Number(pair[1].replace(/,/g, "")), second: Number(pair[2].replace(/,/g, "")), asText: false };
  }
  const p: ParsedNumber = parseNumber(text);
  switch (p.kind) {
    case "number":
      return { kind: "amount", value: p.value, unit: p.unit, asText: p.unit === undefined };
    case "none":
      return { kind: "zero", dash: p.text.trim() !== "" };
    case "non-budget":
      return { kind: "non-budget" };
    case "malformed":
      return { kind: "malformed", text, reason: p.reason };
    case "text": {
      // "4,800천원 (구비)", "공모 선정 24,000천원 (국비/시비/구비/민간) (16,800/…)": an amount with a note.
      const h = HAS_UNIT.test(text) ? parseHeadline(text) : undefined;
      if (h !== undefined && h.kind === "amount" && !text.includes(":")) {
        return { kind: "amount", value: h.amount.value, unit: h.amount.unit, asText: false, splits: h.splits };
      }
      return { kind: "text", text };
    }
  }
}

/** The cell's amount in the table's unit (unitless amounts are already in it). */
export function amountIn(cell: AmountCell & { kind: "amount" }, tableUnit: Unit | undefined): number {
  if (cell.unit === undefined || tableUnit === undefined || cell.unit === tableUnit) return cell.value;
  return convert(cell.value, cell.unit, tableUnit).value;
}
