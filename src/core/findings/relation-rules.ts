// Findings from the confirmed readings of a table: totals that disagree with their parts (blaming the fewest cells),
// residues of 1 or 2 from rounding, total formulas that leave out, repeat or add a figure their siblings do not,
// and typed totals among formula totals. Only confirmed readings are checked; an instance where another supported
// reading holds is not claimed.
import { a1 } from "../cells/grid";
import type { SheetView } from "../cells/sheet-view";
import { blameCells, type Check } from "../blame/blame";
import type { LineDecision } from "../evidence/decide";
import { cellOf, checkable, evaluate, formulaStates, STATE } from "../evidence/instances";
import { tableValues, type TableValues } from "../evidence/values";
import type { FoundTable } from "../layout/detect-tables";
import type { Finding } from "./findings";
import { MSG } from "./messages";
import { append } from "../arrays";
import { textFindings } from "./text-rules";

type Base = Pick<Finding, "sheet" | "table" | "unit">;

/** How many cells a finding lists as related, at most: a total of 10,000 rows must not list them all. */
const MAX_RELATED = 50;

export function relationFindings(view: SheetView, t: FoundTable, decisions: LineDecision[], base: Base, values: TableValues = tableValues(t.model, t.unit)): Finding[] {
  if (decisions.length === 0) return [];
  const out: Finding[] = textFindings(t.model, values, decisions, base);
  append(out, mismatchFindings(decisions, values, base, false));
  // Tables of pairs ("27(27)") are checked twice: once on the first figures, once on the figures in brackets.
  if (values.pairs) {
    const second = tableValues(t.model, t.unit, true);
    const again = decisions.map((d) => ({ ...d, chosen: evaluate(second, d.line, d.chosen.candidate, d.instances, d.totals) }));
    append(out, mismatchFindings(again, second, base, true));
  }
  append(out, formulaFindings(view, t, decisions, values, base));
  return out;
}

function mismatchFindings(decisions: LineDecision[], values: TableValues, base: Base, second: boolean): Finding[] {
  const out: Finding[] = [];
  // A table whose confirmed readings all hold (the usual case) has nothing to blame.
  if (decisions.every((d) => d.chosen.fails === 0 && d.chosen.near === 0 && !d.chosen.states.includes(STATE.print))) return out;
  const checks: Check[] = [];
  const residuals: (number | undefined)[] = [];
  // Totals whose reading is ambiguous: a failing check of the other axis through them could be explained by
  // either reading, and is not claimed either.
  const unsure = new Set<number>();
  for (const d of decisions) {
    d.instances.forEach((inst, i) => {
      if (d.ambiguous[i] !== 1) return;
      const t = cellOf(d.line.axis, inst, d.line.total);
      unsure.add(t.r * 16384 + t.c);
    });
  }
  for (const d of decisions) {
    const { chosen, line } = d;
    d.instances.forEach((inst, i) => {
      const s = chosen.states[i];
      if (d.ambiguous[i] === 1 || !checkable(s)) return;
      const total = cellOf(line.axis, inst, line.total);
      const parts = chosen.candidate.parts.map((p) => ({ ...cellOf(line.axis, inst, p.at), sign: p.sign }));
      if ((s === STATE.fails || s === STATE.near) && unsure.size > 0 && [total, ...parts].some((q) => unsure.has(q.r * 16384 + q.c))) return;
      checks.push({ r: total.r, c: total.c, parts, follows: formulaStates(values, line, inst, i, d.totals, chosen.candidate) });
      // A residue of 1 or 2 is a real disagreement of the printed figures: it is blamed like any other.
      residuals.push(s === STATE.fails || s === STATE.near ? chosen.residuals[i] : 0);
      if (s === STATE.print && !second) {
        // The stored figures add up; the page does not (parts rounded one by one for printing).
        const cell = a1(total.r, total.c);
        const actual = (values.printed(total.r, total.c) as number) / values.factor;
        const expected = actual - chosen.residuals[i] / values.factor;
        out.push({ ...base, rule: "total-rounding", severity: "warning", cell, related: cap(parts.map((p) => a1(p.r, p.c))), expected, actual, message: MSG.printRounding(cell, actual, expected, base.unit) });
      }
    });
  }
  for (const b of blameCells(checks, residuals)) {
    const cell = a1(b.r, b.c);
    const actualScaled = values.at(b.r, b.c) as number;
    const actual = actualScaled / values.factor;
    const expected = (actualScaled - b.error) / values.factor;
    const isTotal = b.checks.some((k) => checks[k].r === b.r && checks[k].c === b.c);
    const gap = decisions.some((d) => d.chosen.candidate.kind === "gap" && b.checks.some((k) => checks[k].r === b.r && checks[k].c === b.c) && (d.line.axis === "across" ? d.line.total === b.c : d.line.total === b.r));
    const followers = cap(b.followers.map((f) => a1(f.r, f.c)), 5);
    // Built up to its cap: a total of 10,000 rows blamed a thousand times must not list them all each time.
    const related = new Set<string>();
    const add = (r: number, c: number): void => {
      if (related.size <= MAX_RELATED && !(r === b.r && c === b.c)) related.add(a1(r, c));
    };
    for (const f of b.followers) add(f.r, f.c);
    for (const k of b.checks) {
      const ch = checks[k];
      add(ch.r, ch.c);
      for (const p of ch.parts) {
        if (related.size > MAX_RELATED) break;
        add(p.r, p.c);
      }
    }
    out.push({
      ...base,
      rule: "total-mismatch",
      severity: "error",
      cell,
      related: cap([...related]),
      expected,
      actual,
      message: gap ? MSG.gapMismatch(cell, actual, expected, base.unit, followers) : MSG.totalMismatch(cell, actual, expected, base.unit, isTotal ? "total" : "part", roundingResidue(b.error, actualScaled), followers),
    });
  }
  return out;
}

/** 1 or 2 in the last unit of a large figure: most likely parts rounded one by one (still a disagreement). */
function roundingResidue(error: number, actualScaled: number): boolean {
  return Math.abs(error) <= 2 && Math.abs(actualScaled) >= 500 * Math.abs(error);
}

function cap(cells: string[], max = MAX_RELATED): string[] {
  return cells.length <= max ? cells : cells.slice(0, max);
}

/**
 * A total formula that differs from the reading its line's other formulas confirm: it leaves out, repeats or adds a
 * figure (a skipped cell that is empty changes nothing and is not reported). A typed total among formula totals is
 * noted.
 */
function formulaFindings(view: SheetView, t: FoundTable, decisions: LineDecision[], values: TableValues, base: Base): Finding[] {
  const out: Finding[] = [];
  for (const d of decisions) {
    const { chosen, line } = d;
    // Every total's formula states the reading: nothing differs, nothing is typed among formulas.
    if (d.totals.stated.every((k) => k === chosen.candidate.key)) continue;
    const want = chosen.candidate.parts;
    const key = chosen.candidate.key;
    // A typed total is worth a note only among a pattern of formula totals (two or more state the reading).
    const exactFormulas = d.totals.stated.filter((k) => k === key).length;
    d.instances.forEach((inst, i) => {
      const stated = d.totals.stated[i];
      const total = cellOf(line.axis, inst, line.total);
      const ref = a1(total.r, total.c);
      if (stated === "" && d.via === "formula" && exactFormulas >= 2 && d.totals.kind[i] === 255) {
        const v = view.cell(total.r, total.c)?.v;
        if (typeof v === "number") out.push({ ...base, rule: "hardcoded-total", severity: "info", cell: ref, related: [], actual: v, message: MSG.hardcodedTotal(ref) });
        return;
      }
      if (stated === "" || stated === "x" || stated === key || d.ambiguous[i] === 1) return;
      if (formulaStates(values, line, inst, i, d.totals, chosen.candidate)) return;
      // Where the reading does not apply (its parts are all blank here, the cell is another kind of figure), the
      // cell's own formula is all there is to go by.
      if (!checkable(chosen.states[i])) return;
      const lf = view.linear(total.r, total.c);
      if (lf === undefined) return;
      const got = lf.terms.map((term) => ({ at: line.axis === "across" ? term.c : term.r, sign: term.sign }));
      const nonzero = (at: number): boolean => {
        const p = cellOf(line.axis, inst, at);
        const v = values.at(p.r, p.c);
        return v === undefined || v !== 0;
      };
      // A formula that adds other cells to the same figure (the items instead of their 소계 lines) is another way
      // of writing the same total: only one whose figure differs from the reading's is wrong.
      const sumOf = (ps: { at: number; sign: number }[]): number | undefined => {
        let s = 0;
        for (const p of ps) {
          const q = cellOf(line.axis, inst, p.at);
          const v = values.at(q.r, q.c);
          if (v === undefined) return undefined;
          s += p.sign * v;
        }
        return s;
      };
      const wantSum = sumOf(want);
      const gotSum = sumOf(got);
      if (wantSum === undefined || gotSum === undefined || wantSum === gotSum) return;
      const diff = compare(want, got);
      const missing = diff.missing.filter(nonzero);
      const twice = diff.twice.filter(nonzero);
      const extra = diff.extra.filter(nonzero);
      if (missing.length + twice.length + extra.length === 0) return;
      const name = (at: number): string => { const p = cellOf(line.axis, inst, at); return a1(p.r, p.c); };
      const [m, tw, ex] = [missing.map(name), twice.map(name), extra.map(name)];
      const message = m.length > 0 ? MSG.formulaMissing(ref, m) : tw.length > 0 ? MSG.formulaTwice(ref, tw) : MSG.formulaExtra(ref, ex);
      out.push({ ...base, rule: "formula-range", severity: "error", cell: ref, related: cap([...m, ...tw, ...ex]), actual: `=${view.cell(total.r, total.c)?.f ?? ""}`, message });
    });
  }
  return out;
}

/** Parts of `want` that `got` lacks (missing) or repeats (twice), and what `got` adds that `want` never has (extra). */
function compare(want: { at: number; sign: number }[], got: { at: number; sign: number }[]): { missing: number[]; twice: number[]; extra: number[] } {
  const count = (xs: { at: number; sign: number }[]): Map<string, { at: number; n: number }> => {
    const m = new Map<string, { at: number; n: number }>();
    for (const x of xs) {
      const k = `${x.sign}:${x.at}`;
      const cur = m.get(k);
      if (cur === undefined) m.set(k, { at: x.at, n: 1 });
      else cur.n++;
    }
    return m;
  };
  const w = count(want);
  const g = count(got);
  const missing: number[] = [];
  const twice: number[] = [];
  const extra: number[] = [];
  for (const [k, x] of w) {
    const have = g.get(k)?.n ?? 0;
    if (have < x.n) missing.push(x.at);
    else if (have > x.n) twice.push(x.at);
  }
  for (const [k, x] of g) if (!w.has(k)) extra.push(x.at);
  return { missing, twice, extra };
}
