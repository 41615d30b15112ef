// The active sheet and the selected range (its first area when several are selected), in one sync.
// Emptiness is asked of Excel (the used range inside the selection) rather than read cell by cell, so selecting
// whole columns or the whole sheet costs no more than selecting one cell.
import type { Selection } from "./port";
import { runExcel, type ExcelApi } from "./run";

export async function getSelection(excel: ExcelApi): Promise<Selection> {
  return runExcel(excel, {}, async (b) => {
    // getSelectedRange() fails when several areas are selected; getSelectedRanges() (ExcelApi 1.9) never does.
    const range = b.context.workbook.getSelectedRanges().areas.getItemAt(0);
    range.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
    range.worksheet.load("name");
    // Values only: a formatted but empty cell is still a place to write.
    const used = range.getUsedRangeOrNullObject(true);
    used.load("address");
    await b.sync();
    return {
      sheet: range.worksheet.name,
      range: { r0: range.rowIndex, c0: range.columnIndex, r1: range.rowIndex + range.rowCount - 1, c1: range.columnIndex + range.columnCount - 1 },
      empty: used.isNullObject,
    };
  });
}
