// Footnoted figures. A statistics table marks a column whose figures are defined otherwise with a note number in its
// header ("Foetal deaths 3)") and explains it below ("3) Total figures of foetal deaths for 1948–49 include …"). A
// total that disagrees with such a column's parts may be exactly what the note says; Yesan cannot read the note, so
// it does not claim those disagreements.
import type { SheetView } from "../cells/sheet-view";
import type { TextLine } from "./blocks";
import type { TableModel } from "./table-model";

const MARK_AT_END = /(?:^|[\s(])(\d{1,2})\)\s*$/;

/** The note numbers the sheet's text lines explain ("3)Figures of …", "Note; 1) Excluding …"), with their rows. */
export function explainedNotes(lines: TextLine[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const l of lines) {
    const m = /^\s*(?:notes?\s*[;:.]?\s*)?(\d{1,2})\)/i.exec(l.text);
    if (m !== null) out.set(m[1], [...(out.get(m[1]) ?? []), l.r]);
  }
  return out;
}

/**
 * Columns of the table whose header carries a note number that the sheet explains below the table (a numbered
 * section heading above it, "1) 사업개요", is no footnote).
 */
export function footnotedColumns(view: SheetView, model: TableModel, noteRows: Map<string, number[]>): Set<number> {
  const out = new Set<number>();
  if (noteRows.size === 0) return out;
  const notes = new Set([...noteRows].filter(([, rows]) => rows.some((r) => r > model.range.r1)).map(([n]) => n));
  if (notes.size === 0) return out;
  for (const col of model.cols) {
    for (const h of model.headerRows) {
      const m = MARK_AT_END.exec(view.shownText(h, col.c).trim());
      if (m !== null && notes.has(m[1])) out.add(col.c);
    }
  }
  return out;
}
