// Footnoted figures. A statistics table marks a column whose figures are defined otherwise with a note number in its
// header ("Foetal deaths 3)") and explains it below ("3) Total figures of foetal deaths for 1948–49 include …"). A
// total that disagrees with such a column's parts may be exactly what the note says; Yesan cannot read the note, so
// it does not claim those disagreements.
import type { SheetView } from "../cells/sheet-view";
import type { TextLine } from "./blocks";
import type { TableModel } from "./table-model";

const MARK_AT_END = /(?:^|[\s(])(\d{1,2})\)\s*$/;

/** The note numbers the sheet's text lines explain ("3)Figures of …", "Note; 1) Excluding …"). */
export function explainedNotes(lines: TextLine[]): Set<string> {
  const out = new Set<string>();
  for (const l of lines) {
    const m = /^\s*(?:notes?\s*[;:.]?\s*)?(\d{1,2})\)/i.exec(l.text);
    if (m !== null) out.add(m[1]);
  }
  return out;
}

/** Columns of the table whose header carries a note number that the sheet explains. */
export function footnotedColumns(view: SheetView, model: TableModel, notes: Set<string>): Set<number> {
  const out = new Set<number>();
  if (notes.size === 0) return out;
  for (const col of model.cols) {
    for (const h of model.headerRows) {
      const m = MARK_AT_END.exec(view.shownText(h, col.c).trim());
      if (m !== null && notes.has(m[1])) out.add(col.c);
    }
  }
  return out;
}
