// Which reading of a total line does the sheet confirm? In order:
//  1. its own formulas: the part set most of the line's SUM/+ formulas state (unless most typed figures disagree);
//  2. its figures: the reading holds on at least two instances and on two thirds of those that say anything (or
//     on all of them, two figures at least not being zero);
//  3. the budget vocabulary: a 합계/계 over years or funding sources (or 소요액 − 확보액 = 미확보액) is taken at its
//     word unless it fails on two or more instances and on more than it holds;
//  4. the other axis: its failures are exactly what a confirmed reading of the other axis needs (cross.ts);
//  5. the workbook: the same shape of reading in other tables holds on three quarters of its instances there
//     (decided once the whole workbook is read; see pool.ts).
// A line with no confirmed reading is not checked. Where another reading that the figures support as well holds on
// an instance the chosen one fails, the sheet cannot tell which is meant: that instance is not claimed.
import type { SheetView } from "../cells/sheet-view";
import type { Candidate, TotalLine } from "../candidates/candidates";
import type { TableModel } from "../layout/table-model";
import { evaluate, formulaStates, instancesOf, STATE, totalCells, type CandidateEvidence, type TotalCells } from "./instances";
import type { Pool } from "./pool";
import type { TableValues } from "./values";

export type Via = "formula" | "majority" | "declared" | "cross" | "pooled";

export interface LineDecision {
  line: TotalLine;
  instances: number[];
  totals: TotalCells;
  chosen: CandidateEvidence;
  via: Via;
  /** 1 where a supported alternative holds while the chosen reading fails: not claimed. */
  ambiguous: Uint8Array;
}

/** A line the table alone cannot decide: its readings wait for the workbook's pooled evidence. */
export interface PendingLine {
  line: TotalLine;
  instances: number[];
  totals: TotalCells;
  evidence: CandidateEvidence[];
}

const support = (e: CandidateEvidence): number => e.holds + e.near;

/** Most instances agree (two at least, two thirds of those that say anything); or all do, not only by zeros. */
function majority(e: CandidateEvidence): boolean {
  // Totals that sit within their parts' range are not reported against a reading, but they speak against it.
  const against = e.fails + e.levels;
  if (against === 0 && e.near === 0 && e.strong >= 1) return true;
  return e.holds >= 1 && support(e) >= 2 && support(e) >= 2 * against;
}

function declaredStands(e: CandidateEvidence): boolean {
  return e.candidate.declared && !(e.fails >= 2 && e.fails > support(e));
}

/** Better evidence first: more instances agreeing, fewer failing, the vocabulary's own reading, the layout's rank. */
function better(a: CandidateEvidence, b: CandidateEvidence): number {
  return support(b) - support(a) || a.fails - b.fails || Number(b.candidate.declared) - Number(a.candidate.declared) || a.candidate.rank - b.candidate.rank;
}

/**
 * Decides a line from the table alone; a PendingLine when only the workbook can; "zeros" when every instance is all
 * zeros (consistent, nothing to confirm); undefined when no instance says anything (blank or unknown totals).
 */
export function decideLocally(view: SheetView, model: TableModel, values: TableValues, line: TotalLine, pool: Pool): LineDecision | PendingLine | "zeros" | undefined {
  const instances = instancesOf(model, line);
  const totals = totalCells(view, model, line, instances);
  // No total of the line states a figure of its own to compare (blank, worded, computed otherwise): nothing to read.
  if (!totals.kind.includes(255)) return undefined;
  // Where every total's formula states one and the same reading, the layout's other readings are not needed.
  let only: string | undefined;
  let unanimous = true;
  for (const k of totals.stated) {
    if (k === "" || k === "x") continue;
    if (only === undefined) only = k;
    else if (k !== only) unanimous = false;
  }
  if (!(unanimous && only !== undefined && line.candidates.some((c) => c.key === only))) line.expand();
  const byFormula = formulaReading(values, line, instances, totals);
  // Formulas that each add something else (a different measure per column: ROF, ROE, ROI): every cell says what
  // it is, and no reading of the line is the sheet's.
  if (byFormula === "split") return undefined;
  // A line no label calls a total is one only where its formulas make a pattern: one stray SUM in a row of typed
  // figures (a reference number, a scratch column) does not make the row a total.
  if (line.candidates.every((c) => c.origin === "formula") && (byFormula === undefined || totals.stated.filter((k) => k === byFormula.key).length < 2)) return undefined;
  if (byFormula !== undefined) {
    const e = evaluate(values, line, byFormula, instances, totals);
    // A formula or two among typed totals that all disagree with it is the odd one out, not the rule.
    // The sheet's formulas settle it: such a line adds nothing the pool needs (the pool is for typed tables).
    if (e.fails <= support(e)) {
      return { line, instances, totals, chosen: e, via: "formula", ambiguous: ownFormulas(values, line, instances, totals, byFormula) };
    }
  }
  line.expand();
  const evidence = line.candidates.map((c) => evaluate(values, line, c, instances, totals));
  for (const e of evidence) pool.add(e);
  const ok = evidence.filter((e) => majority(e) || declaredStands(e)).sort(better);
  if (ok.length > 0) return decision(line, instances, totals, ok[0], majority(ok[0]) ? "majority" : "declared", evidence);
  if (evidence.every((e) => support(e) === 0 && e.fails === 0)) return evidence.some((e) => e.states.includes(STATE.empty)) ? "zeros" : undefined;
  return { line, instances, totals, evidence };
}

/** Decides a pending line once every table of the workbook has added its evidence to the pool. */
export function decidePooled(p: PendingLine, pool: Pool): LineDecision | undefined {
  const unexplained = p.evidence.every((e) => e.holds === 0);
  // Other tables' agreement does not outvote a table's own: a reading that fails most of this table's instances
  // stays unconfirmed here, unless nothing else explains any of them and the workbook is overwhelmingly for it.
  const notOutvoted = (e: CandidateEvidence): boolean => e.fails <= support(e) + 1;
  const ok = p.evidence
    .filter(
      (e) =>
        pool.confirms(e.candidate.signature) &&
        ((notOutvoted(e) && (support(e) >= 1 || e.candidate.declared)) || (unexplained && pool.overwhelming(e.candidate.signature))),
    )
    .sort(better);
  if (ok.length === 0) return undefined;
  return decision(p.line, p.instances, p.totals, ok[0], "pooled", p.evidence);
}

function decision(line: TotalLine, instances: number[], totals: TotalCells, chosen: CandidateEvidence, via: Via, all: CandidateEvidence[]): LineDecision {
  const ambiguous = new Uint8Array(instances.length);
  if (chosen.fails + chosen.near > 0) {
    const rivals = all.filter((e) => e !== chosen && support(e) >= Math.max(1, support(chosen)));
    for (let i = 0; i < instances.length; i++) {
      const s = chosen.states[i];
      if (s !== STATE.fails && s !== STATE.near) continue;
      if (rivals.some((e) => e.states[i] === STATE.holds)) ambiguous[i] = 1;
    }
  }
  return { line, instances, totals, chosen, via, ambiguous };
}

/**
 * Cells whose own formula adds something else than a reading only one formula states exactly (and that no label
 * proposes) are not held to it: each formula of such a line says what its cell is ("Numerator" = a different sum
 * for ROF, ROE and ROI). A reading two formulas state exactly, or the labels give, is the line's rule.
 */
function ownFormulas(values: TableValues, line: TotalLine, instances: number[], totals: TotalCells, chosen: Candidate): Uint8Array {
  const out = new Uint8Array(instances.length);
  if (chosen.origin !== "formula") return out;
  const key = chosen.key;
  if (totals.stated.filter((k) => k === key).length >= 2) return out;
  for (let i = 0; i < instances.length; i++) {
    const k = totals.stated[i];
    if (k !== "" && k !== "x" && !formulaStates(values, line, instances[i], i, totals, chosen)) out[i] = 1;
  }
  return out;
}

/**
 * The reading most of the line's own formulas state (at least one), if it is one of the line's candidates;
 * "split" when no reading has more than half of them. Formulas
 * vote for every reading they add the same cells as (blank and zero cells aside): "=SUM(I4:I16)" under an empty I3 and
 * "=SUM(H3:H16)" both state the items from row 3.
 */
function formulaReading(values: TableValues, line: TotalLine, instances: number[], totals: TotalCells): Candidate | "split" | undefined {
  const counts = new Map<string, number>();
  let formulas = 0;
  for (const k of totals.stated) {
    if (k === "" || k === "x") continue;
    formulas++;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  if (formulas === 0) return undefined;
  let best: Candidate | undefined;
  let bestCount = 0;
  const unanimous = counts.size === 1;
  for (const c of line.candidates) {
    let n = counts.get(c.key) ?? 0;
    // All formulas alike: the exact reading is the one; otherwise count the formulas equivalent to each reading.
    if (!unanimous) {
      n = 0;
      for (let i = 0; i < instances.length; i++) if (formulaStates(values, line, instances[i], i, totals, c)) n++;
    }
    if (n > bestCount || (n === bestCount && n > 0 && best !== undefined && c.rank < best.rank)) {
      best = c;
      bestCount = n;
    }
  }
  // The reading must be what most of the formulas state, not just the largest of several minorities.
  if (formulas >= 2 && bestCount * 2 <= formulas) return "split";
  return best;
}
