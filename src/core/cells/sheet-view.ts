// A read-only view of one sheet that the detectors share: merged cells resolved to their anchor,
// and formula results the engine had to compute itself (files written by tools have none cached).
import { cellAt, parseA1, type Cell, type Range, type SheetGrid } from "./grid";
import { parseLinearFormula, evaluateLinear, parseTextFormula, evaluateTextFormula, type LinearFormula } from "./formula";
import { parseNumber } from "../numbers/numbers";

export interface SheetView {
  sheet: SheetGrid;
  rows: number;
  cols: number;
  cell(r: number, c: number): Cell | undefined;
  /** The merge that covers (r, c), if any. */
  mergeAt(r: number, c: number): Range | undefined;
  /** Text shown at (r, c), taking merges into account (a merged header reads the same in every column it spans). */
  shownText(r: number, c: number): string;
  /** The engine's own result for a formula without a cached value; undefined when it cannot compute it. */
  evaluated(r: number, c: number): number | undefined;
  /** True for a SUM or +/- formula: the engine can compute it once its inputs are known. */
  isLinear(r: number, c: number): boolean;
  /** The cell's formula read as a SUM or +/- chain (parsed once per cell), if it is one. */
  linear(r: number, c: number): LinearFormula | undefined;
  /**
   * What the cell's formula adds along its row ("across") or its column ("down"): a plain SUM or +/- chain of two or
   * more cells of that line, without a constant; worked out once per cell.
   */
  statement(r: number, c: number): Statement | undefined;
}

/** A sum a formula states along one line: the other cells' positions on the line, with signs, and as text. */
export interface Statement {
  axis: "across" | "down";
  /** Worked out when asked (a plain SUM over a range is known by its key alone). */
  readonly parts: { at: number; sign: 1 | -1 }[];
  /** The parts in line order as text ("-3,5,6"): two statements of the same sum have the same key. */
  key: string;
  /** No cell is added twice. */
  distinct: boolean;
}

/** Parts as canonical text: by position, then sign; a run of added neighbours as "lo..hi" (=SUM(C5:C9) is "4..8"). */
export function termsKey(parts: readonly { at: number; sign: number }[]): string {
  let sorted = true;
  for (let i = 1; i < parts.length && sorted; i++) if (parts[i].at < parts[i - 1].at || (parts[i].at === parts[i - 1].at && parts[i].sign < parts[i - 1].sign)) sorted = false;
  const ps = sorted ? parts : [...parts].sort((a, b) => a.at - b.at || a.sign - b.sign);
  let out = "";
  for (let i = 0; i < ps.length; ) {
    let j = i;
    while (j + 1 < ps.length && ps[i].sign > 0 && ps[j + 1].sign > 0 && ps[j + 1].at === ps[j].at + 1) j++;
    if (out !== "") out += ",";
    out += j > i ? runKey(ps[i].at, ps[j].at) : ps[i].sign < 0 ? `-${ps[i].at}` : `${ps[i].at}`;
    i = j + 1;
  }
  return out;
}

const runKey = (lo: number, hi: number): string => `${lo}..${hi}`;

/** =SUM(C5:C9) along its line: known by its range; the parts are listed only when asked. */
class RangeStatement implements Statement {
  private list: { at: number; sign: 1 | -1 }[] | undefined;
  readonly key: string;
  readonly distinct = true;
  constructor(
    readonly axis: "across" | "down",
    private readonly lo: number,
    private readonly hi: number,
  ) {
    this.key = lo === hi ? `${lo}` : runKey(lo, hi);
  }
  get parts(): { at: number; sign: 1 | -1 }[] {
    if (this.list === undefined) {
      this.list = [];
      for (let at = this.lo; at <= this.hi; at++) this.list.push({ at, sign: 1 });
    }
    return this.list;
  }
}

const key = (r: number, c: number): number => r * 16384 + c;

/** Merged areas larger than this are kept as rectangles, not cell by cell. */
const MAX_MERGE_CELLS = 100_000;
/** How far past the last column with a value a merged area may widen the sheet's view. */
const MAX_MERGE_REACH = 256;

const SIMPLE_SUM = /^\s*=?\s*SUM\(\s*(\$?[A-Za-z]{1,3}\$?\d{1,7})\s*(?::\s*(\$?[A-Za-z]{1,3}\$?\d{1,7})\s*)?\)\s*$/i;

export function makeSheetView(sheet: SheetGrid): SheetView {
  let cols = 0;
  for (const row of sheet.cells) if (row !== undefined && row.length > cols) cols = row.length;
  // Merged areas by cell, for the usual small ones; a large one (a whole column, A1:XFD1048576 in a hostile file)
  // is looked up as a rectangle instead, so the work follows the cells present, never the area.
  const merges = new Map<number, Range>();
  const large: Range[] = [];
  const dataCols = cols;
  for (const m of sheet.merges) {
    if ((m.r1 - m.r0 + 1) * (m.c1 - m.c0 + 1) > MAX_MERGE_CELLS) large.push(m);
    else for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) merges.set(key(r, c), m);
    // A merged header may reach past the last column of figures; one that reaches to XFD does not widen the sheet.
    const reach = Math.min(m.c1 + 1, dataCols + MAX_MERGE_REACH);
    if (reach > cols) cols = reach;
  }
  const mergeAt = (r: number, c: number): Range | undefined => {
    const m = merges.size === 0 ? undefined : merges.get(key(r, c));
    if (m !== undefined || large.length === 0) return m;
    return large.find((x) => r >= x.r0 && r <= x.r1 && c >= x.c0 && c <= x.c1);
  };
  const memo = new Map<number, number | undefined>();
  const parsed = new Map<number, LinearFormula | undefined>();
  const linear = (r: number, c: number): LinearFormula | undefined => {
    const f = cellAt(sheet, r, c)?.f;
    if (f === undefined) return undefined;
    const k = key(r, c);
    if (parsed.has(k)) return parsed.get(k);
    const lf = parseLinearFormula(f, sheet.name);
    parsed.set(k, lf);
    return lf;
  };
  const visiting = new Set<number>();

  const numberAt = (r: number, c: number): number | undefined => {
    const cell = cellAt(sheet, r, c);
    if (cell === undefined || cell.v === null) return cell?.f === undefined ? 0 : evaluated(r, c);
    if (cell.v === undefined) return evaluated(r, c);
    if (typeof cell.v === "number") return cell.v;
    if (typeof cell.v === "string") {
      const p = parseNumber(cell.v);
      if (p.kind === "number" && p.unit === undefined) return p.value;
      if (p.kind === "none") return 0;
    }
    return undefined;
  };

  function evaluated(r: number, c: number): number | undefined {
    const k = key(r, c);
    if (memo.has(k)) return memo.get(k);
    const cell = cellAt(sheet, r, c);
    if (cell?.f === undefined || cell.v !== undefined) return undefined;
    if (visiting.has(k)) return undefined; // a circular reference has no value
    visiting.add(k);
    const lf = linear(r, c);
    const result = lf === undefined ? undefined : evaluateLinear(lf, numberAt);
    visiting.delete(k);
    memo.set(k, result);
    return result;
  }

  // A headline Yesan writes is a live formula ("□ 2021년 소요예산 : "&TEXT(C9,"#,##0")&"천원"); on a sheet nobody has
  // calculated yet (the preview, files written by tools) the engine shows the text Excel would show.
  const texts = new Map<number, string>();
  const formulaText = (r: number, c: number, f: string): string => {
    const k = key(r, c);
    const known = texts.get(k);
    if (known !== undefined) return known;
    const tf = parseTextFormula(f);
    const text = (tf === undefined ? undefined : evaluateTextFormula(tf, numberAt)) ?? "";
    texts.set(k, text);
    return text;
  };

  const statements = new Map<number, Statement | undefined>();
  const statement = (r: number, c: number): Statement | undefined => {
    const k = key(r, c);
    if (statements.has(k)) return statements.get(k);
    let st: Statement | undefined;
    const f = cellAt(sheet, r, c)?.f;
    // The usual total, =SUM(C5:C7) down a column or along a row: read straight off the text.
    const simple = f === undefined ? null : SIMPLE_SUM.exec(f);
    if (simple !== null) {
      const a = parseA1(simple[1]);
      const b = parseA1(simple[2] ?? simple[1]);
      if (a !== undefined && b !== undefined && (a.r === b.r || a.c === b.c) && !(a.r === r && a.c === c)) {
        const across = a.r === b.r && (a.c !== b.c || a.r === r);
        if (across ? a.r === r : a.c === c) {
          const lo = across ? Math.min(a.c, b.c) : Math.min(a.r, b.r);
          const hi = across ? Math.max(a.c, b.c) : Math.max(a.r, b.r);
          const self = across ? c : r;
          // SUM over one cell is still a total's formula (a table of one source); a bare =C34 is a link, below.
          if (hi >= lo && hi - lo < 100_000 && (self < lo || self > hi)) {
            st = new RangeStatement(across ? "across" : "down", lo, hi);
            statements.set(k, st);
            return st;
          }
        }
      }
    }
    const lf = f === undefined ? undefined : linear(r, c);
    if (lf !== undefined && lf.constant === 0 && lf.terms.length >= 2) {
      const across = lf.terms.every((t) => t.r === r);
      const down = !across && lf.terms.every((t) => t.c === c);
      if (across || down) {
        const parts = lf.terms.map((t) => ({ at: across ? t.c : t.r, sign: t.sign })).sort((a, b) => a.at - b.at || a.sign - b.sign);
        let distinct = true;
        for (let i = 1; i < parts.length; i++) if (parts[i].at === parts[i - 1].at) distinct = false;
        st = { axis: across ? "across" : "down", parts, key: termsKey(parts), distinct };
      }
    }
    statements.set(k, st);
    return st;
  };

  return {
    sheet,
    statement,
    rows: sheet.cells.length,
    cols,
    cell: (r, c) => cellAt(sheet, r, c),
    mergeAt,
    shownText(r, c) {
      const m = mergeAt(r, c);
      const [ar, ac] = m === undefined ? [r, c] : [m.r0, m.c0];
      const cell = cellAt(sheet, ar, ac);
      const v = cell?.v;
      if (v === undefined && cell?.f !== undefined) return formulaText(ar, ac, cell.f);
      return v === undefined || v === null ? "" : String(v);
    },
    evaluated,
    isLinear: (r, c) => linear(r, c) !== undefined,
    linear,
  };
}
