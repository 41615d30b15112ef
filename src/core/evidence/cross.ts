// Corroboration across the two axes of one table. A reading that fails on most of its own instances is still
// confirmed when its failures are exactly what a confirmed reading of the other axis needs: 시비 and 구비 합계 off by
// 100,000 and 51,072 against their years, while the 계 row agrees with its years and the 합계 column of 계 is off
// against the sources by exactly 151,072. Taking the failing totals as wrong by their residuals must repair every
// confirmed check they touch and break none; an exact repair does not happen by chance.
import { cellOf, checkable, STATE, type CandidateEvidence } from "./instances";
import type { LineDecision, PendingLine } from "./decide";

const key = (r: number, c: number): number => r * 16384 + c;

export interface Touch {
  /** Index of the confirmed check. */
  k: number;
  coef: number;
}

/** The confirmed checks of a table, indexed by the cells they hold. */
export interface CrossIndex {
  residual: number[];
  member: Map<number, Touch[]>;
}

export function crossIndex(decided: LineDecision[]): CrossIndex {
  const residual: number[] = [];
  const member = new Map<number, Touch[]>();
  const add = (r: number, c: number, t: Touch): void => {
    const k = key(r, c);
    const list = member.get(k);
    if (list === undefined) member.set(k, [t]);
    else list.push(t);
  };
  for (const d of decided) {
    d.instances.forEach((inst, i) => {
      const s = d.chosen.states[i];
      if (d.ambiguous[i] === 1 || !checkable(s)) return;
      const k = residual.length;
      residual.push(s === STATE.fails || s === STATE.near ? d.chosen.residuals[i] : 0);
      const t = cellOf(d.line.axis, inst, d.line.total);
      add(t.r, t.c, { k, coef: 1 });
      for (const part of d.chosen.candidate.parts) {
        const q = cellOf(d.line.axis, inst, part.at);
        add(q.r, q.c, { k, coef: -part.sign });
      }
    });
  }
  return { residual, member };
}

/**
 * The first reading of the pending line that the table's confirmed readings corroborate, as a decision. `index` is
 * crossIndex of the same decisions, built once for all of a table's pending lines.
 */
export function corroborated(p: PendingLine, decided: LineDecision[], index: CrossIndex = crossIndex(decided)): LineDecision | undefined {
  if (decided.length === 0) return undefined;
  const { residual, member } = index;
  if (!residual.some((r) => r !== 0)) return undefined;
  const order = [...p.evidence].filter((e) => e.fails > 0 && (e.holds + e.near >= 1 || e.candidate.declared));
  for (const e of order) {
    if (repairs(e, p, residual, member)) {
      return { line: p.line, instances: p.instances, totals: p.totals, chosen: e, via: "cross", ambiguous: new Uint8Array(p.instances.length) };
    }
  }
  return undefined;
}

function repairs(e: CandidateEvidence, p: PendingLine, residual: number[], member: Map<number, Touch[]>): boolean {
  const moved = new Map<number, number>();
  for (let i = 0; i < p.instances.length; i++) {
    if (e.states[i] !== STATE.fails && e.states[i] !== STATE.near) continue;
    const t = cellOf(p.line.axis, p.instances[i], p.line.total);
    const touches = member.get(key(t.r, t.c)) ?? [];
    // Every failure must be accounted for by the other axis, not only some of them.
    if (touches.length === 0) return false;
    for (const x of touches) moved.set(x.k, (moved.get(x.k) ?? 0) + x.coef * e.residuals[i]);
  }
  let repaired = 0;
  for (const [k, d] of moved) {
    if (d === 0) continue;
    if (residual[k] - d !== 0) return false;
    repaired++;
  }
  return repaired > 0;
}
