// How a candidate reading fares on each of its instances (each row of a total column, each column of a total row):
// it holds, holds but for a rounding residue, fails, or says nothing (a blank or worded total, a total computed by
// some other formula, an unknown figure, all zeros). Also what the total cell's own formula states, if anything.
import type { SheetView } from "../cells/sheet-view";
import type { Candidate, Part, TotalLine } from "../candidates/candidates";
import { partsKey } from "../candidates/candidates";
import type { TableModel } from "../layout/table-model";
import type { TableValues } from "./values";

export const STATE = { blank: 0, other: 1, unknown: 2, empty: 3, holds: 4, near: 5, fails: 6, print: 7 } as const;

/** The instance says something about the reading: it holds (also only in the stored figures), or it fails. */
export const checkable = (s: number): boolean => s === STATE.holds || s === STATE.empty || s === STATE.fails || s === STATE.near || s === STATE.print;
export type State = (typeof STATE)[keyof typeof STATE];

/** A residual of 1 or 2 in the last unit of large figures: parts rounded one by one. */
const ROUNDING_UNITS = 2;
const ROUNDING_MAGNITUDE = 500;

export interface CandidateEvidence {
  candidate: Candidate;
  states: Uint8Array;
  /** total − Σ parts, scaled like the values; 0 where the instance says nothing. */
  residuals: Float64Array;
  holds: number;
  near: number;
  fails: number;
  /** Holding instances with two or more figures that are not zero: no accident of zeros. */
  strong: number;
  /** Instances where the total lies within its parts' range (a level or an average): against this reading. */
  levels: number;
}

/** The instances of a line: the rows of a total column, the columns of a total row (lines that add up only). */
export function instancesOf(model: TableModel, line: TotalLine): number[] {
  return line.axis === "across" ? model.rows.filter((r) => r.additive).map((r) => r.r) : model.cols.filter((c) => c.additive).map((c) => c.c);
}

export const cellOf = (axis: TotalLine["axis"], instance: number, at: number): { r: number; c: number } =>
  axis === "across" ? { r: instance, c: at } : { r: at, c: instance };

/** What the total cell of each instance says by itself: nothing, a blank, another kind of formula, or a sum it states. */
export interface TotalCells {
  /** STATE.blank, STATE.other, or 255 (a value to compare). */
  kind: Uint8Array;
  /** The parts key a total's SUM or + chain states along this line; "" none, "x" a formula of another shape. */
  stated: string[];
  /** The parts that formula adds, where there is one. */
  terms: (Part[] | undefined)[];
  /**
   * The lines a formula in the instance adds together with the total cell (=SUM(F362:F364) adds F364 with F362 and
   * F363): in that instance the cell is their fellow item, never their total.
   */
  summedWith(i: number): Set<number> | undefined;
}

/**
 * Does the total's own formula state this reading? Exactly, or but for cells that are blank or 0 in this instance
 * (=SUM(I4:I16) under an empty I3 adds what =SUM(I3:I16) adds).
 */
export function formulaStates(values: TableValues, line: TotalLine, inst: number, i: number, totals: TotalCells, reading: Candidate): boolean {
  const stated = totals.stated[i];
  if (stated === "" || stated === "x") return false;
  if (stated === reading.key) return true;
  const parts = reading.parts;
  const terms = totals.terms[i];
  if (terms === undefined) return false;
  const filled = (ps: Part[]): string =>
    partsKey(ps.filter((p) => { const q = cellOf(line.axis, inst, p.at); return values.at(q.r, q.c) !== 0; }));
  return filled(terms) === filled(parts);
}

export function totalCells(view: SheetView, model: TableModel, line: TotalLine, instances: number[]): TotalCells {
  const kind = new Uint8Array(instances.length);
  const stated: string[] = new Array<string>(instances.length).fill("");
  const terms: (Part[] | undefined)[] = new Array<Part[] | undefined>(instances.length).fill(undefined);
  instances.forEach((inst, i) => {
    const { r, c } = cellOf(line.axis, inst, line.total);
    const a = model.amount(r, c);
    // A blank or worded total ("3개 시장", "n/a") states nothing to check.
    if ((a.kind === "zero" && !a.dash) || a.kind === "text" || a.kind === "non-budget") {
      kind[i] = STATE.blank;
      return;
    }
    const f = view.cell(r, c)?.f;
    if (f !== undefined) {
      // Computed by something other than a sum (a share, an average, a rounding): not an instance of any sum.
      const st = view.statement(r, c);
      if (st === undefined && view.linear(r, c) === undefined) {
        kind[i] = STATE.other;
        return;
      }
      if (st !== undefined && st.axis === line.axis) {
        stated[i] = st.key;
        terms[i] = st.parts;
      } else {
        // A sum of another shape (the other axis, the column beside it, plus a constant) or a link to one cell
        // (=C34): the cell says itself what it is, and it is not this line's to check.
        kind[i] = STATE.other;
        stated[i] = "x";
        return;
      }
    }
    kind[i] = 255;
  });
  // Looked up only for instances that would fail: the usual table never needs it.
  const lookup = (i: number): Set<number> | undefined => fellowsAlong(view, model, line.axis, instances[i]).get(line.total);
  return { kind, stated, terms, summedWith: lookup };
}

/** Per table, axis and instance: for each line, the lines a formula of the instance adds together with it. */
const fellowsCache = new WeakMap<TableModel, Map<string, Map<number, Set<number>>>>();

/**
 * The fellows of every line of one instance (a column for "down", a row for "across"), worked out once per instance
 * and table: every total line of the table asks, and scanning the instance's formulas again for each would grow with
 * the square of the rows.
 */
function fellowsAlong(view: SheetView, model: TableModel, axis: TotalLine["axis"], inst: number): Map<number, Set<number>> {
  let byKey = fellowsCache.get(model);
  if (byKey === undefined) fellowsCache.set(model, (byKey = new Map()));
  const k = `${axis}${inst}`;
  let out = byKey.get(k);
  if (out !== undefined) return out;
  out = new Map();
  const along = axis === "across" ? model.cols.map((c) => c.c) : model.rows.map((r) => r.r);
  for (const at of along) {
    const cell = cellOf(axis, inst, at);
    if (view.cell(cell.r, cell.c)?.f === undefined) continue;
    const lf = view.linear(cell.r, cell.c);
    if (lf === undefined || lf.terms.length < 2) continue;
    const ats = lf.terms.flatMap((t) => (axis === "across" ? (t.r === cell.r ? [t.c] : []) : t.c === cell.c ? [t.r] : []));
    // A formula of a thousand terms does not make each of them everyone's fellow: only short lists are kept.
    if (ats.length > 64) continue;
    for (const a of ats) {
      let set = out.get(a);
      if (set === undefined) out.set(a, (set = new Set()));
      for (const b of ats) if (b !== a) set.add(b);
    }
  }
  byKey.set(k, out);
  return out;
}

/**
 * total − Σ parts as printed, when every figure of the instance that is not zero prints with the same number format
 * (else undefined: a part printed another way cannot be compared on the page).
 */
function printedResidual(values: TableValues, line: TotalLine, inst: number, candidate: Candidate): number | undefined {
  const t = cellOf(line.axis, inst, candidate.total);
  let key = "";
  let res = values.printed(t.r, t.c);
  if (res === undefined) return undefined;
  const same = (r: number, c: number, v: number): boolean => {
    if (v === 0) return true;
    const k = values.shown(r, c);
    if (key === "") key = k;
    return k !== "" && k === key;
  };
  if (!same(t.r, t.c, res)) return undefined;
  for (const p of candidate.parts) {
    const q = cellOf(line.axis, inst, p.at);
    const v = values.printed(q.r, q.c);
    if (v === undefined || !same(q.r, q.c, v)) return undefined;
    res -= p.sign * v;
  }
  return key === "" ? undefined : res;
}

export function evaluate(values: TableValues, line: TotalLine, candidate: Candidate, instances: number[], totals: TotalCells): CandidateEvidence {
  const n = instances.length;
  const states = new Uint8Array(n);
  const residuals = new Float64Array(n);
  let holds = 0;
  let near = 0;
  let fails = 0;
  let strong = 0;
  let levels = 0;
  for (let i = 0; i < n; i++) {
    if (totals.kind[i] !== 255) {
      states[i] = totals.kind[i];
      continue;
    }
    const inst = instances[i];
    const at = cellOf(line.axis, inst, candidate.total);
    const total = values.at(at.r, at.c);
    let sum = 0;
    let nonzero = 0;
    let allZero = total === 0;
    let unknown = total === undefined;
    let allBlank = true;
    let maxPart = 0;
    let signs = 0;
    for (const p of candidate.parts) {
      if (unknown) break;
      const q = cellOf(line.axis, inst, p.at);
      const v = values.at(q.r, q.c);
      if (v === undefined) unknown = true;
      else {
        sum += p.sign * v;
        if (allBlank && !values.blank(q.r, q.c)) allBlank = false;
        if (v !== 0) {
          allZero = false;
          nonzero++;
          maxPart = Math.max(maxPart, Math.abs(v));
          signs |= p.sign * v > 0 ? 1 : 2;
        }
      }
    }
    if (unknown || total === undefined) {
      states[i] = STATE.unknown;
      continue;
    }
    if (allZero) {
      states[i] = STATE.empty;
      continue;
    }
    // A total over parts nobody filled in (its figures sit in another column): this reading does not apply here.
    if (allBlank) {
      states[i] = STATE.blank;
      continue;
    }
    const res = total - sum;
    const slack = values.capped ? candidate.parts.length + 1 : 0;
    // A cell a formula adds together with these parts is their fellow item there, not their total.
    if (Math.abs(res) > slack) {
      const fellows = totals.summedWith(i);
      if (fellows !== undefined && candidate.parts.some((p) => fellows.has(p.at))) {
        states[i] = STATE.other;
        continue;
      }
    }
    const page = values.printedDiffers ? printedResidual(values, line, inst, candidate) : undefined;
    if (Math.abs(res) <= slack || page === 0) {
      // The stored figures add up, or the printed ones do (5,078 over parts stored with decimals that print as
      // 128, 2,868, …): the reading holds. Stored figures that add up under printed ones that do not are a
      // rounding difference on the page, noted apart.
      states[i] = Math.abs(res) <= slack && page !== undefined && page !== 0 ? STATE.print : STATE.holds;
      if (states[i] === STATE.print) residuals[i] = page as number;
      holds++;
      if (nonzero >= 2) strong++;
    } else if (candidate.parts.length >= 2 && Math.abs(res) <= ROUNDING_UNITS && Math.abs(total) >= ROUNDING_MAGNITUDE * Math.abs(res) && !values.capped) {
      states[i] = STATE.near;
      residuals[i] = res;
      near++;
    } else if (!candidate.declared && nonzero >= 1 && signs !== 3 && total !== 0 && (total > 0) === (signs === 1) && Math.abs(total) <= maxPart + values.halfUnit(at.r, at.c)) {
      // Within the range of like-signed parts: a level or an average (cash at the latest quarter, a margin, an
      // average headcount), never a sum of them. Not this reading's instance.
      states[i] = STATE.other;
      levels++;
    } else {
      states[i] = STATE.fails;
      residuals[i] = res;
      fails++;
    }
  }
  return { candidate, states, residuals, holds, near, fails, strong, levels };
}
