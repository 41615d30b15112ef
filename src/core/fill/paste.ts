// Text pasted from a 한글/Word/PDF document. Copying a table out of 한글 or Word gives one line per row with the
// cells separated by tabs (the seeds' form); PDF viewers and retyped text give cells separated by spaces.
// Tab-separated text is read cell for cell (read-cells.ts); space-separated text has its own reader (spaced.ts),
// because there a space may sit inside a label ("국 비") and a blank cell leaves no trace.
import { foldWidth } from "../numbers/numbers";
import { readFundingCells, type CellGrid, type TextCell } from "./read-cells";
import { readSpacedText } from "./spaced";
import type { FundingParse } from "./types";

/** Tab-separated lines as cells; every row padded to the widest, padding placed just past the line's end. */
function tabGrid(lines: string[]): CellGrid {
  const grid: CellGrid = lines.map((line, i) => {
    const cells: TextCell[] = [];
    let column = 1;
    for (const part of line.split("\t")) {
      const lead = part.length - part.trimStart().length;
      cells.push({ text: part, origin: { kind: "text", line: i + 1, column: column + (part.trim() === "" ? 0 : lead) }, row: i });
      column += part.length + 1;
    }
    return cells;
  });
  // A loop, not Math.max(...): a paste of tens of thousands of rows would overflow the stack as arguments.
  const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
  grid.forEach((row, i) => {
    while (row.length < width) row.push({ text: "", origin: { kind: "text", line: i + 1, column: lines[i].length + 1 }, row: i });
  });
  return grid;
}

/**
 * Reads a funding table from pasted text: tab-separated when the text has tabs, else space-separated.
 * Full-width digits and ideographic spaces (common in 한글 documents) are folded first; foldWidth keeps every
 * character's position, so columns still point into the text as pasted.
 */
export function parseFundingText(text: string): FundingParse {
  const lines = foldWidth(text.replace(/^\uFEFF/, "")).split(/\r\n|\n|\r/);
  if (lines.some((l) => l.includes("\t"))) return readFundingCells(tabGrid(lines));
  return readSpacedText(lines);
}
