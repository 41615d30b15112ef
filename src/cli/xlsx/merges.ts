// The merged areas a sheet part declares, kept the way Excel keeps them on repairing a damaged file: a ref that names
// no cells of a sheet ("ZZZZ:1", a row past 1,048,576) is dropped, and so is a merge that overlaps one declared
// before it (Excel cannot show a cell under two merges). Each one set aside is recorded, so the check says what was
// repaired instead of hiding cells in silence.
import { parseA1, rangeA1, type Range, type SheetRepair } from "../../core/cells/grid";

const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;
/** Rows per bucket of the overlap index; a merge spanning more than BIG buckets is checked against every merge. */
const BUCKET = 256;
const BIG = 64;

export function parseMergeRef(ref: string): Range | undefined {
  const [from, to = from, extra] = ref.split(":");
  if (extra !== undefined) return undefined;
  const a = parseA1(from);
  const b = parseA1(to);
  if (a === undefined || b === undefined) return undefined;
  const r = { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) };
  return r.r0 < 0 || r.c0 < 0 || r.r1 > MAX_ROW || r.c1 > MAX_COL ? undefined : r;
}

const overlaps = (a: Range, b: Range): boolean => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;

export function acceptMerges(refs: readonly string[]): { merges: Range[]; repairs: SheetRepair[] } {
  const merges: Range[] = [];
  const repairs: SheetRepair[] = [];
  // Bucketed by rows, so that thousands of merges are not each compared with all the others.
  const buckets = new Map<number, Range[]>();
  const big: Range[] = [];
  for (const ref of refs) {
    const m = parseMergeRef(ref);
    if (m === undefined) {
      repairs.push({ kind: "merge-invalid", ref });
      continue;
    }
    const b0 = Math.floor(m.r0 / BUCKET);
    const b1 = Math.floor(m.r1 / BUCKET);
    let clash = big.find((x) => overlaps(x, m));
    if (clash === undefined) {
      if (b1 - b0 >= BIG) clash = merges.find((x) => overlaps(x, m));
      else for (let b = b0; b <= b1 && clash === undefined; b++) clash = buckets.get(b)?.find((x) => overlaps(x, m));
    }
    if (clash !== undefined) {
      repairs.push({ kind: "merge-overlap", ref: rangeA1(m), with: rangeA1(clash) });
      continue;
    }
    merges.push(m);
    if (b1 - b0 >= BIG) big.push(m);
    else
      for (let b = b0; b <= b1; b++) {
        let list = buckets.get(b);
        if (list === undefined) buckets.set(b, (list = []));
        list.push(m);
      }
  }
  return { merges, repairs };
}
