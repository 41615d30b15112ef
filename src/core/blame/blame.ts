// Which cells are wrong? Every failing check (a confirmed reading on one instance) has a residual total − Σ parts.
// A wrong cell moves the residual of every check it sits in by the same error, so we look for the fewest cells that
// explain all residuals. A total whose own formula adds exactly its check's parts follows them: when a part is
// wrong, that total is wrong with it, by the same amount, and is listed with the culprit rather than blamed itself
// (a SUM over a wrong year total; a grand total that agrees with its column but not its row).
//  1. a cell whose error, followed through such formulas, zeroes two or more failing checks and breaks none (a
//     grand total that fails its row and its column, a year cell that breaks both its source row and its column);
//     failing that, the same where a typed total that agrees with the wrong part today is taken to follow it too
//     (the Total of a Total column that adds the wrong row total exactly: it was added up from it);
//  2. a failing total whose parts sit in no other failing check: the total is the culprit, and the totals it
//     unbalances follow from it (all the way, or part of it when several wrong totals feed one parent);
//  3. what is left: the total of each failing check, alone.
// Values are scaled integers, so "same error" is exact.
import { append } from "../arrays";

export interface CheckPart {
  r: number;
  c: number;
  sign: 1 | -1;
}

export interface Check {
  /** The total cell. */
  r: number;
  c: number;
  parts: CheckPart[];
  /** The total's own formula adds exactly these parts: its value follows them. */
  follows: boolean;
}

export interface Blame {
  r: number;
  c: number;
  /** actual − expected, scaled like the values. */
  error: number;
  /** Indexes of the checks this cell's error explains (through the totals that follow it). */
  checks: number[];
  /** Totals that follow the culprit by formula: wrong with it, not on their own. */
  followers: { r: number; c: number }[];
}

interface Membership {
  k: number;
  /** +1 when the cell is the check's total, -sign when it is a part. */
  coef: number;
}

const key = (r: number, c: number): number => r * 16384 + c;

interface Footprint {
  deltas: Map<number, number>;
  followers: { r: number; c: number }[];
}

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

  /**
   * What an error of `error` in (r, c) does to the residuals, following formula totals; `soft` also follows a typed
   * total whose check holds today, which can only be because it was added up from the wrong part.
   */
  const footprint = (r: number, c: number, error: number, soft = false): Footprint => {
    const deltas = new Map<number, number>();
    const followers: { r: number; c: number }[] = [];
    const seen = new Set<number>([key(r, c)]);
    // Checks a follower was moved through: they stay balanced, whichever of their cells is visited.
    const through = new Set<number>();
    const queue: { r: number; c: number; e: number }[] = [{ r, c, e: error }];
    while (queue.length > 0) {
      const x = queue.shift() as { r: number; c: number; e: number };
      for (const m of member.get(key(x.r, x.c)) ?? []) {
        if (through.has(m.k)) continue;
        const ch = checks[m.k];
        if (m.coef !== 1 && (ch.follows || (soft && res[m.k] === 0 && !deltas.has(m.k)))) {
          through.add(m.k);
          // The total adds this cell by its formula: it moves with it, and its own check stays balanced.
          const fk = key(ch.r, ch.c);
          if (!seen.has(fk)) {
            seen.add(fk);
            followers.push({ r: ch.r, c: ch.c });
            queue.push({ r: ch.r, c: ch.c, e: -m.coef * x.e });
          }
          continue;
        }
        deltas.set(m.k, (deltas.get(m.k) ?? 0) + m.coef * x.e);
      }
    }
    return { deltas, followers };
  };

  const failing = (): number[] => res.flatMap((v, k) => (v !== undefined && v !== 0 ? [k] : []));
  const blamed: Blame[] = [];
  const commit = (r: number, c: number, error: number, fp: Footprint): void => {
    const explained: number[] = [];
    for (const [k, d] of fp.deltas) {
      if (d === 0) continue;
      res[k] = (res[k] as number) - d;
      explained.push(k);
    }
    blamed.push({ r, c, error, checks: explained, followers: fp.followers });
  };

  // A table with many failing checks (a column of wrong row totals) is explained in one sweep per stage instead of
  // one cell at a time: searching again after each cell would grow with the square of the failures.
  if (failing().length > BATCH_FROM) {
    for (const soft of [false, true]) {
      for (const cand of consistentCells(checks, failing(), member, res, footprint, soft)) {
        const fp = footprint(cand.r, cand.c, cand.error, soft);
        if (explainsCleanly(fp, res) >= 2) commit(cand.r, cand.c, cand.error, fp);
      }
    }
    const open = failing();
    const openSet = new Set(open);
    for (const k of open) {
      if (res[k] === 0) continue;
      const pick = pickLoneTotal(checks, open, member, res, footprint, k, openSet);
      if (pick !== undefined) commit(pick.r, pick.c, pick.error, pick.fp);
    }
    // What is left is reported at its total, as below.
    for (const k of failing()) {
      const ch = checks[k];
      blamed.push({ r: ch.r, c: ch.c, error: res[k] as number, checks: [k], followers: [] });
      res[k] = 0;
    }
    return merge(blamed);
  }

  for (let guard = 0; guard <= checks.length; guard++) {
    const open = failing();
    if (open.length === 0) break;
    const pick =
      pickConsistentCell(checks, open, member, res, footprint, false) ??
      pickConsistentCell(checks, open, member, res, footprint, true) ??
      pickLoneTotal(checks, open, member, res, footprint);
    if (pick !== undefined) {
      commit(pick.r, pick.c, pick.error, pick.fp);
      continue;
    }
    // Nothing explains it better: the check is reported at its total, without moving the total's other checks
    // (they pass, so the total is likely right and one of its parts is not; which one the sheet cannot tell).
    const k = open[0];
    const ch = checks[k];
    const error = res[k] as number;
    res[k] = 0;
    blamed.push({ r: ch.r, c: ch.c, error, checks: [k], followers: [] });
  }
  return merge(blamed);
}

type FootprintOf = (r: number, c: number, error: number, soft?: boolean) => Footprint;
interface Pick {
  r: number;
  c: number;
  error: number;
  fp: Footprint;
}

/** The error of (r, c) that its failing memberships imply, one per distinct value. */
function impliedErrors(ms: Membership[], res: (number | undefined)[]): number[] {
  const out: number[] = [];
  for (const m of ms) {
    const v = res[m.k];
    if (v === undefined || v === 0) continue;
    const e = v / m.coef;
    if (!out.includes(e)) out.push(e);
  }
  return out;
}

/** Failing checks a footprint zeroes, or 0 when it breaks a check or leaves one it touches failing. */
function explainsCleanly(fp: Footprint, res: (number | undefined)[]): number {
  let n = 0;
  for (const [j, d] of fp.deltas) {
    if (d === 0) continue;
    if ((res[j] as number) - d !== 0) return 0;
    n++;
  }
  return n;
}

/** Above this many failing checks, blame sweeps once per stage (see blameCells). */
const BATCH_FROM = 64;

interface Consistent extends Pick {
  rank: number;
}

/**
 * Every cell whose error explains two or more failing checks and breaks none, best first: more checks explained;
 * on a tie a typed total (totals are typed last, and a total that adds its parts by formula is computed, the last
 * to suspect).
 */
function consistentCells(checks: Check[], open: number[], member: Map<number, Membership[]>, res: (number | undefined)[], footprint: FootprintOf, soft: boolean): Consistent[] {
  const out: Consistent[] = [];
  const seen = new Set<number>();
  for (const k of open) {
    const ch = checks[k];
    for (const { r, c } of [{ r: ch.r, c: ch.c }, ...ch.parts]) {
      const id = key(r, c);
      if (seen.has(id)) continue;
      seen.add(id);
      const ms = member.get(id) ?? [];
      for (const error of impliedErrors(ms, res)) {
        const fp = footprint(r, c, error, soft);
        const n = explainsCleanly(fp, res);
        if (n < 2) continue;
        const total = ms.some((m) => m.coef === 1);
        const formula = ms.some((m) => m.coef === 1 && checks[m.k].follows);
        out.push({ r, c, error, fp, rank: n * 4 + (formula ? 0 : 2) + (total ? 1 : 0) });
      }
    }
  }
  // Stable: among equals, the first found (the order of the checks) goes first.
  return out.map((x, i) => ({ x, i })).sort((a, b) => b.x.rank - a.x.rank || a.i - b.i).map((y) => y.x);
}

function pickConsistentCell(checks: Check[], open: number[], member: Map<number, Membership[]>, res: (number | undefined)[], footprint: FootprintOf, soft: boolean): Pick | undefined {
  return consistentCells(checks, open, member, res, footprint, soft)[0];
}

function pickLoneTotal(
  checks: Check[],
  open: number[],
  member: Map<number, Membership[]>,
  res: (number | undefined)[],
  footprint: FootprintOf,
  only?: number,
  openSet: Set<number> = new Set(open),
): Pick | undefined {
  for (const k of only === undefined ? open : [only]) {
    const ch = checks[k];
    if (ch.follows) continue; // a computed total is right about its own parts
    const partsClean = ch.parts.every((p) => (member.get(key(p.r, p.c)) ?? []).every((m) => m.k === k || !openSet.has(m.k)));
    if (!partsClean) continue;
    const error = res[k] as number;
    const fp = footprint(ch.r, ch.c, error);
    // The total's other checks must fail in the direction this error explains (all the way or part of it, when
    // several totals feed one parent, like 시비 and 구비 합계 both off under 계).
    let fits = true;
    for (const [j, d] of fp.deltas) {
      if (j === k || d === 0) continue;
      const r = res[j] as number;
      if (r === 0 || Math.sign(r) !== Math.sign(d) || Math.abs(d) > Math.abs(r)) fits = false;
    }
    if (fits) return { r: ch.r, c: ch.c, error, fp };
  }
  return undefined;
}

/** One cell blamed twice (rare: two passes) is one finding with the summed error. */
function merge(blamed: Blame[]): Blame[] {
  const byCell = new Map<number, Blame>();
  for (const b of blamed) {
    const k = key(b.r, b.c);
    const prev = byCell.get(k);
    if (prev === undefined) byCell.set(k, { ...b, checks: [...b.checks], followers: [...b.followers] });
    else {
      prev.error += b.error;
      append(prev.checks, b.checks);
      append(prev.followers, b.followers);
    }
  }
  return [...byCell.values()].filter((b) => b.error !== 0);
}
