// Which cells are wrong? Every failing check has a residual (total − Σ parts). A wrong cell moves the residual of
// every check it sits in by the same error, so we look for the fewest cells that explain all residuals:
//  1. a cell in two or more checks, all failing, all implying the same error (a grand total that fails its row
//     and its column, a year cell that breaks both its source row and its year column);
//  2. a failing total whose parts are in no other failing check (a source row's 합계 when its year cells agree
//     with 계): the total is the culprit, and the column of totals it unbalances follows from it;
//  3. what is left: the total of each failing check.
// Values are scaled integers, so "same error" is exact.
import type { Check } from "../candidates/checks";

export interface Blame {
  r: number;
  c: number;
  /** actual − expected, scaled like the values. */
  error: number;
  /** Indexes of the checks this cell was blamed for. */
  checks: number[];
}

interface Membership {
  k: number;
  /** +1 when the cell is the check's total, -sign when it is a part. */
  coef: number;
}

const key = (r: number, c: number): number => r * 16384 + c;

/** `residuals[k]` is undefined for checks that could not be computed (a malformed or unknown value). */
export function blameCells(checks: Check[], residuals: (number | undefined)[]): Blame[] {
  // A consistent table (the usual case) needs no index at all.
  if (residuals.every((v) => v === undefined || v === 0)) return [];
  const res = residuals.slice();
  const member = new Map<number, Membership[]>();
  const add = (r: number, c: number, m: Membership): void => {
    const k = key(r, c);
    const list = member.get(k);
    if (list === undefined) member.set(k, [m]);
    else list.push(m);
  };
  checks.forEach((ch, k) => {
    if (res[k] === undefined) return;
    add(ch.r, ch.c, { k, coef: 1 });
    for (const p of ch.parts) add(p.r, p.c, { k, coef: -p.sign });
  });
  const failing = (): number[] => res.flatMap((v, k) => (v !== undefined && v !== 0 ? [k] : []));
  const apply = (r: number, c: number, error: number): number[] => {
    const ms = member.get(key(r, c)) ?? [];
    for (const m of ms) res[m.k] = (res[m.k] as number) - m.coef * error;
    return ms.map((m) => m.k);
  };
  const blamed: Blame[] = [];
  for (let guard = 0; guard <= checks.length; guard++) {
    const open = failing();
    if (open.length === 0) break;
    const pick = pickConsistentCell(checks, open, member, res) ?? pickLoneTotal(checks, open, member, res);
    if (pick !== undefined) {
      blamed.push({ r: pick.r, c: pick.c, error: pick.error, checks: apply(pick.r, pick.c, pick.error) });
      continue;
    }
    // Nothing explains it better: the check is reported at its total, without moving the total's other checks
    // (they pass, so the total is likely right and one of its parts is not; which one the sheet cannot tell).
    const k = open[0];
    const ch = checks[k];
    const error = res[k] as number;
    res[k] = 0;
    blamed.push({ r: ch.r, c: ch.c, error, checks: [k] });
  }
  return merge(blamed);
}

function pickConsistentCell(checks: Check[], open: number[], member: Map<number, Membership[]>, res: (number | undefined)[]): { r: number; c: number; error: number } | undefined {
  let best: { r: number; c: number; error: number; n: number; total: boolean } | undefined;
  const seen = new Set<number>();
  for (const k of open) {
    const ch = checks[k];
    const cells = [{ r: ch.r, c: ch.c }, ...ch.parts];
    for (const { r, c } of cells) {
      const id = key(r, c);
      if (seen.has(id)) continue;
      seen.add(id);
      const ms = member.get(id) ?? [];
      if (ms.length < 2) continue;
      const error = (res[ms[0].k] as number) * ms[0].coef;
      if (error === 0 || !ms.every((m) => res[m.k] === m.coef * error)) continue;
      const total = ms.some((m) => m.coef === 1);
      // More checks explained wins; on a tie a total is the likelier typo than a part (totals are typed last).
      if (best === undefined || ms.length > best.n || (ms.length === best.n && total && !best.total)) best = { r, c, error, n: ms.length, total };
    }
  }
  return best;
}

function pickLoneTotal(checks: Check[], open: number[], member: Map<number, Membership[]>, res: (number | undefined)[]): { r: number; c: number; error: number } | undefined {
  const openSet = new Set(open);
  for (const k of open) {
    const ch = checks[k];
    const partsClean = ch.parts.every((p) => (member.get(key(p.r, p.c)) ?? []).every((m) => m.k === k || !openSet.has(m.k)));
    if (!partsClean) continue;
    const error = res[k] as number;
    // The total's other checks must fail in the direction this error explains (all the way or part of it,
    // when several totals feed one parent, like 시비 and 구비 합계 both off under 계).
    const others = (member.get(key(ch.r, ch.c)) ?? []).filter((m) => m.k !== k);
    const fits = others.every((m) => {
      const r = res[m.k] as number;
      const moved = m.coef * error;
      return r !== 0 && Math.sign(r) === Math.sign(moved) && Math.abs(moved) <= Math.abs(r);
    });
    if (fits) return { r: ch.r, c: ch.c, error };
  }
  return undefined;
}

/** One cell blamed twice (rare: two passes) is one finding with the summed error. */
function merge(blamed: Blame[]): Blame[] {
  const byCell = new Map<number, Blame>();
  for (const b of blamed) {
    const k = key(b.r, b.c);
    const prev = byCell.get(k);
    if (prev === undefined) byCell.set(k, { ...b, checks: [...b.checks] });
    else {
      prev.error += b.error;
      prev.checks.push(...b.checks);
    }
  }
  return [...byCell.values()].filter((b) => b.error !== 0);
}
