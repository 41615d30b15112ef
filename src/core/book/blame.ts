// Which cell is wrong when the book's relations fail. One wrong figure breaks every relation it takes part in (a
// 세부사업's 예산액 typed wrong fails its rollup into the 단위사업, the sum of its 편성목, its 재원 lines and its
// 비교증감), so the cell to blame is the one whose correction mends the most failing relations while breaking
// none that hold. Where no single cell does (a line lost at a page break, two 재원 lines either of which could be
// wrong), the relation itself is reported, at its total, with nothing guessed.
import { diffOf, type Relation, type Term } from "./relations";

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
}

const cellKey = (t: { sheet: string; r: number; c: number }): string => `${t.sheet}\u0000${t.r}\u0000${t.c}`;
const EPS = 1e-6;

/** The value of `t` that makes `rel` hold. */
function mend(rel: Relation, t: Term, isTotal: boolean): number {
  const d = diffOf(rel);
  return isTotal ? t.value - d : t.value + t.sign * d;
}

export function blame(relations: Relation[], failing: Relation[]): BlameResult {
  // How many holding relations each cell takes part in: changing it breaks them all.
  const holdingOf = new Map<string, number>();
  const failingSet = new Set(failing);
  for (const rel of relations) {
    if (failingSet.has(rel)) continue;
    for (const t of [rel.total, ...rel.parts]) holdingOf.set(cellKey(t), (holdingOf.get(cellKey(t)) ?? 0) + 1);
  }
  interface Candidate {
    key: string;
    term: Term;
    value: number;
    relations: Relation[];
    score: number;
  }
  const candidates = new Map<string, Candidate>();
  const perRelation = new Map<Relation, Candidate[]>();
  for (const rel of failing) {
    const list: Candidate[] = [];
    const terms: [Term, boolean][] = [[rel.total, true], ...rel.parts.map((p): [Term, boolean] => [p, false])];
    for (const [t, isTotal] of terms) {
      if (t.virtual === true) continue;
      const value = mend(rel, t, isTotal);
      // Values are figures of the book: a mend is compared to the nearest millionth (amounts are whole 천원).
      const k = `${cellKey(t)}\u0000${Math.round(value * 1e6)}`;
      let c = candidates.get(k);
      if (c === undefined) {
        c = { key: cellKey(t), term: t, value, relations: [], score: 0 };
        candidates.set(k, c);
      }
      if (!c.relations.includes(rel)) c.relations.push(rel);
      list.push(c);
    }
    perRelation.set(rel, list);
  }
  for (const c of candidates.values()) c.score = c.relations.length - (holdingOf.get(c.key) ?? 0);

  const explained = new Set<Relation>();
  const culprits: Culprit[] = [];
  const ranked = [...candidates.values()].filter((c) => c.score >= 1).sort((a, b) => b.score - a.score || b.relations.length - a.relations.length);
  for (const c of ranked) {
    const open = c.relations.filter((r) => !explained.has(r));
    if (open.length === 0) continue;
    // The cell is to blame only where no other cell mends the same relations as well.
    const rival = open.some((r) => (perRelation.get(r) ?? []).some((o) => o.key !== c.key && o.score >= c.score));
    if (rival) continue;
    if (Math.abs(c.value - c.term.value) < EPS) continue;
    culprits.push({ term: c.term, value: c.value, relations: open });
    for (const r of open) explained.add(r);
  }
  return { culprits, unexplained: failing.filter((r) => !explained.has(r)) };
}
