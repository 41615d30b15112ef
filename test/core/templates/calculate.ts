// "Calculates" a grid the way Excel would before saving: every formula cell gets its value cached. Numbers come
// from the engine's own evaluation of SUM/+/- (sheet-view), text headlines from formula.ts's text form. Used to
// check a laid-out sheet as the officer will see it after Excel recalculates, headlines included.
import { cellAt, type Cell, type SheetGrid } from "../../../src/core/cells/grid";
import { makeSheetView } from "../../../src/core/cells/sheet-view";
import { evaluateTextFormula, parseTextFormula } from "../../../src/core/cells/formula";

export function calculate(sheet: SheetGrid): SheetGrid {
  const view = makeSheetView(sheet);
  const numberAt = (r: number, c: number): number | undefined => {
    const cell = cellAt(sheet, r, c);
    if (cell === undefined || cell.v === null || cell.v === "") return cell?.f === undefined ? 0 : view.evaluated(r, c);
    if (cell.v === undefined) return view.evaluated(r, c);
    return typeof cell.v === "number" ? cell.v : undefined;
  };
  const cells = sheet.cells.map((row) => row?.slice());
  cells.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (cell?.f === undefined || cell.v !== undefined) return;
      const text = parseTextFormula(cell.f);
      const v = text !== undefined ? evaluateTextFormula(text, numberAt) : view.evaluated(r, c);
      if (v === undefined) throw new Error(`cannot calculate ${sheet.name}!R${r + 1}C${c + 1}: =${cell.f}`);
      const out: Cell = { ...cell, v };
      row[c] = out;
    });
  });
  return { name: sheet.name, cells, merges: sheet.merges };
}
