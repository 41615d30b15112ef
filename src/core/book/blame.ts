// Which cell is wrong when the book's relations fail. One wrong figure breaks every relation it takes part in (a
// 세부사업's 예산액 typed wrong fails its rollup into the 단위사업, the sum of its 편성목, its 재원 lines and its
// 비교증감), so the cell to blame is the one whose correction mends the most relations and breaks the fewest. A
// correction is weighed over every relation the cell is in: each that goes from failing to holding counts for it,
// each that goes the other way against it (a one-sided relation, the 전년도 rollup, counts half for its slack).
// Where no single cell does best (a line lost at a page break, two 재원 lines either of which could be wrong), the
// relation itself is reported, at its total, with nothing guessed.
import { diffOf, strength, type Relation, type Term } from "./relations";

export interface Culprit {
  term: Term;
  /** The value that mends the relations. */
  value: number;
  relations: Relation[];
}

export interface BlameResult {
  culprits: Culprit[];
  /** Failing relations no single cell explains. */
  unexplained: Relation[];
  /** The relations the culprits mend (spared ones included). */
  explained: Set<Relation>;
}

const cellKey = (t: { sheet: string; r: number; c: number }): string => `${t.sheet}\u0000${t.r}\u0000${t.c}`;
const EPS = 1e-6;

/** The value of `t` that makes `rel` hold exactly. */
function mend(rel: Relation, t: Term, isTotal: boolean): number {
  const d = diffOf(rel);
  return isTotal ? t.value - d : t.value + t.sign * d;
}

/**
 * Each relation's difference and each cell's weight in it (+1 the total, −sign a part), worked out once: a line
 * with thousands of children would otherwise cost its children's count for each of them.
 */
class Weights {
  private readonly diffs = new Map<Relation, number>();
  private readonly coefs = new Map<Relation, Map<string, { coef: number; value: number }>>();
  diff(rel: Relation): number {
    let d = this.diffs.get(rel);
    if (d === undefined) {
      d = diffOf(rel);
      this.diffs.set(rel, d);
    }
    return d;
  }
  /** The relation's difference with the cell `key` set to `value`. */
  diffWith(rel: Relation, key: string, value: number): number {
    let m = this.coefs.get(rel);
    if (m === undefined) {
      m = new Map();
      const add = (k: string, coef: number, v: number): void => {
        const x = m?.get(k);
        if (x === undefined) m?.set(k, { coef, value: v });
        else x.coef += coef;
      };
      add(cellKey(rel.total), 1, rel.total.value);
      for (const p of rel.parts) add(cellKey(p), -p.sign, p.value);
      this.coefs.set(rel, m);
    }
    const w = m.get(key);
    return w === undefined ? this.diff(rel) : this.diff(rel) + w.coef * (value - w.value);
  }
}

interface Candidate {
  key: string;
  term: Term;
  value: number;
  /** The failing relations this value mends. */
  mends: Relation[];
  score: number;
}

/**
 * `failing`: the relations that fail and may be reported; `spared`: failing ones the file's lost rows may explain,
 * never reported, but mended by a culprit as any other (a 재원 line typed wrong fails its line's sum, which is
 * claimed, and its parent's rollup over a page break, which is not).
 */
export function blame(relations: Relation[], failing: Relation[], spared: Set<Relation> = new Set()): BlameResult {
  const byCell = new Map<string, Relation[]>();
  for (const rel of relations) {
    for (const t of [rel.total, ...rel.parts]) {
      const k = cellKey(t);
      const list = byCell.get(k);
      if (list === undefined) byCell.set(k, [rel]);
      else if (!list.includes(rel)) list.push(rel);
    }
  }
  const candidates = new Map<string, Candidate>();
  const perRelation = new Map<Relation, Candidate[]>();
  for (const rel of failing) {
    const list: Candidate[] = [];
    const terms: [Term, boolean][] = [[rel.total, true], ...rel.parts.map((p): [Term, boolean] => [p, false])];
    for (const [t, isTotal] of terms) {
      if (t.virtual === true) continue;
      const value = mend(rel, t, isTotal);
      if (Math.abs(value - t.value) < EPS) continue;
      // Values are figures of the book: a mend is compared to the nearest millionth (amounts are whole 천원).
      const k = `${cellKey(t)}\u0000${Math.round(value * 1e6)}`;
      let c = candidates.get(k);
      if (c === undefined) {
        c = { key: cellKey(t), term: t, value, mends: [], score: 0 };
        candidates.set(k, c);
      }
      list.push(c);
    }
    perRelation.set(rel, list);
  }
  const failingSet = new Set(failing);
  const weights = new Weights();
  for (const c of candidates.values()) {
    let score = 0;
    for (const rel of byCell.get(c.key) ?? []) {
      const before = strength(rel, weights.diff(rel));
      const after = strength(rel, weights.diffWith(rel, c.key, c.value));
      score += (after - before) / 2;
      if (after === 2 && (failingSet.has(rel) || spared.has(rel))) c.mends.push(rel);
    }
    c.score = score;
  }

  // Per relation, the best score of the cells that mend it and the best of the others: rivals in O(1).
  const best = new Map<Relation, { key: string; score: number; second: number }>();
  for (const [rel, list] of perRelation) {
    const b = { key: "", score: -Infinity, second: -Infinity };
    for (const o of list) {
      if (o.key === b.key) b.score = Math.max(b.score, o.score);
      else if (o.score > b.score) {
        b.second = b.score;
        b.key = o.key;
        b.score = o.score;
      } else if (o.score > b.second) b.second = o.score;
    }
    best.set(rel, b);
  }
  const rivalled = (r: Relation, c: Candidate): boolean => {
    const b = best.get(r);
    if (b === undefined) return false;
    return b.key === c.key ? b.second >= c.score : b.score >= c.score;
  };
  const explained = new Set<Relation>();
  const culprits: Culprit[] = [];
  const ranked = [...candidates.values()].filter((c) => c.score >= 1 && c.mends.some((r) => failingSet.has(r))).sort((a, b) => b.score - a.score || b.mends.length - a.mends.length);
  for (const c of ranked) {
    const open = c.mends.filter((r) => !explained.has(r));
    if (!open.some((r) => failingSet.has(r))) continue;
    // The cell is to blame only where no other cell mends the same relations as well.
    const rival = open.some((r) => rivalled(r, c));
    if (rival) continue;
    culprits.push({ term: c.term, value: c.value, relations: open });
    for (const r of open) explained.add(r);
  }
  return { culprits, unexplained: failing.filter((r) => !explained.has(r)), explained };
}
