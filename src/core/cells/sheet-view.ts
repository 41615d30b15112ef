// A read-only view of one sheet that the detectors share: merged cells resolved to their anchor,
// and formula results the engine had to compute itself (files written by tools have none cached).
import { cellAt, type Cell, type Range, type SheetGrid } from "./grid";
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
}

const key = (r: number, c: number): number => r * 16384 + c;

export function makeSheetView(sheet: SheetGrid): SheetView {
  let cols = 0;
  for (const row of sheet.cells) if (row !== undefined && row.length > cols) cols = row.length;
  const merges = new Map<number, Range>();
  for (const m of sheet.merges) {
    for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) merges.set(key(r, c), m);
    if (m.c1 + 1 > cols) cols = m.c1 + 1;
  }
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

  return {
    sheet,
    rows: sheet.cells.length,
    cols,
    cell: (r, c) => cellAt(sheet, r, c),
    mergeAt: (r, c) => (merges.size === 0 ? undefined : merges.get(key(r, c))),
    shownText(r, c) {
      const m = merges.size === 0 ? undefined : merges.get(key(r, c));
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
