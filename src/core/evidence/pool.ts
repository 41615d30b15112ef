// Evidence pooled across a workbook's tables: readings of the same shape (the same total label over the same kind of
// lines, proposed the same way) in repeated blocks, on other sheets of the same department, vote together. A
// two-line table whose one source row disagrees with its 합계 cannot confirm "합계 = the years" by itself; forty
// other tables of the same form can.
import type { CandidateEvidence } from "./instances";

/** Pooled confirmation asks for more than a table's own: three instances at least, three quarters of them agreeing. */
const MIN_SUPPORT = 3;
const SHARE = 3;

export class Pool {
  private readonly stats = new Map<string, { support: number; fails: number }>();

  /** Keyed at once: only the numbers are kept, never the table the evidence came from. */
  add(e: CandidateEvidence): void {
    const s = e.holds + e.near;
    if (s === 0 && e.fails === 0) return;
    const k = e.candidate.signature;
    const cur = this.stats.get(k);
    if (cur === undefined) this.stats.set(k, { support: s, fails: e.fails });
    else {
      cur.support += s;
      cur.fails += e.fails;
    }
  }


  /**
   * Confirmed overwhelmingly (ten instances and nine in ten agreeing): enough to hold a block to the reading even where
   * none of its own instances agree, when no other reading explains any of them either.
   */
  overwhelming(signature: string): boolean {
    const s = this.stats.get(signature);
    return s !== undefined && s.support >= 10 && s.support >= 9 * s.fails;
  }

  confirms(signature: string): boolean {
    const s = this.stats.get(signature);
    return s !== undefined && s.support >= MIN_SUPPORT && s.support >= SHARE * s.fails;
  }
}
