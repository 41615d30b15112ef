// Lines that are never added up although they hold figures: shares and their parts, identifier columns (codes,
// serial and note numbers, years), percentage columns. Telling them apart from amounts is what keeps a share or a
// code column from being checked as a sum.
import type { SheetView } from "../cells/sheet-view";
import type { AmountCell } from "../cells/amount-cell";
import { cleanLabel, isCheckLabel, isIdentifierLabel } from "./labels";
import type { ColLine, RowLine } from "./table-model";

export function isYearLike(v: number): boolean {
  return Number.isInteger(v) && v >= 1990 && v <= 2099;
}

/**
 * The parts of a share are shares: the lines a non-additive line adds by its own formulas ("Pro Forma Operating
 * Margin" = SUM of the margin and its adjustments below "GAAP Operating Margin") do not add up across either.
 */
export function propagateNonAdditive(view: SheetView, rows: RowLine[], cols: ColLine[]): void {
  // A line with the position of its cells: rows along the columns, columns along the rows.
  type Line = { at: number; line: RowLine | ColLine };
  const rowLines: Line[] = rows.map((x) => ({ at: x.r, line: x }));
  const colLines: Line[] = cols.map((x) => ({ at: x.c, line: x }));
  /** Marks the lines that a non-additive line of `mine` adds by its formulas, crossing `other`. */
  const spread = (mine: Line[], other: Line[], down: boolean): boolean => {
    const byAt = new Map(mine.map((x) => [x.at, x.line]));
    let changed = false;
    for (const m of mine) {
      if (m.line.additive || isCheckLabel(m.line.label)) continue;
      for (const o of other) {
        const [r, c] = down ? [m.at, o.at] : [o.at, m.at];
        const lf = view.cell(r, c)?.f === undefined ? undefined : view.linear(r, c);
        if (lf === undefined || lf.terms.length < 2 || !lf.terms.every((t) => (down ? t.c === c : t.r === r))) continue;
        for (const t of lf.terms) {
          const part = byAt.get(down ? t.r : t.c);
          if (part !== undefined && part.additive) {
            part.additive = false;
            changed = true;
          }
        }
      }
    }
    return changed;
  };
  for (let guard = 0; guard < rows.length + cols.length; guard++) {
    const a = spread(rowLines, colLines, true);
    const b = spread(colLines, rowLines, false);
    if (!a && !b) break;
  }
}

/**
 * A column that names rows rather than counting anything: its header says so (Code, No., 연번, Year), or its
 * figures are whole numbers typed as text beside columns of real numbers (codes), or run 1, 2, 3 … (serial numbers),
 * or are all years.
 */
export function identifierColumn(view: SheetView, body: number[], c: number, path: { text: string }[], rest: number[], amount: (r: number, c: number) => AmountCell): boolean {
  if (path.some((p) => isIdentifierLabel(cleanLabel(p.text)))) return true;
  let n = 0;
  let asText = 0;
  let years = 0;
  let small = 0;
  let serial = true;
  let prev: number | undefined;
  for (const r of body) {
    const a = amount(r, c);
    if (a.kind !== "amount") continue;
    n++;
    if (a.asText && Number.isInteger(a.value) && !/[,.]/.test(String(view.cell(r, c)?.v ?? ""))) asText++;
    if (isYearLike(a.value)) years++;
    if (Number.isInteger(a.value) && a.value >= 1 && a.value <= 99) small++;
    if (!Number.isInteger(a.value) || (prev === undefined ? a.value > 1 : a.value !== prev + 1)) serial = false;
    prev = a.value;
  }
  if (n < 2) return false;
  if (years === n || (serial && n >= 3)) return true;
  // Note numbers (3, 5, 12 …) without a header, beside amounts in the tens of thousands: references, not figures.
  if (path.length === 0 && n >= 3 && small === n && rest.some((k) => body.some((r) => { const a = amount(r, k); return a.kind === "amount" && Math.abs(a.value) >= 10000; }))) return true;
  if (asText < n) return false;
  // Text-stored whole numbers are codes only beside columns whose figures are real numbers.
  return rest.some((k) => body.some((r) => { const a = amount(r, k); return a.kind === "amount" && !a.asText; }));
}

/** Most of the column's figures are shown as percentages (a "0%" number format). */
export function percentColumn(view: SheetView, body: number[], c: number): boolean {
  let n = 0;
  let pct = 0;
  for (const r of body) {
    const cell = view.cell(r, c);
    if (cell === undefined || typeof cell.v !== "number") continue;
    n++;
    if (cell.z !== undefined && cell.z.includes("%")) pct++;
  }
  return n > 0 && pct * 2 > n;
}
