// The active sheet and the selected range, in one sync.
import { parseA1 } from "../core/grid";
import type { Selection } from "./port";
import { runExcel, type ExcelApi } from "./run";

export async function getSelection(excel: ExcelApi): Promise<Selection> {
  return runExcel(excel, {}, async (b) => {
    const range = b.context.workbook.getSelectedRange();
    range.load(["address", "values", "formulas"]);
    range.worksheet.load("name");
    await b.sync();
    // "'Sheet 1'!B3:D7" → "B3:D7"; a selection of whole rows or columns has no cell to anchor at.
    const local = range.address.slice(range.address.lastIndexOf("!") + 1);
    const [first, last = first] = local.split(":");
    const a = parseA1(first);
    const z = parseA1(last);
    if (a === undefined || z === undefined) throw new Error(`unexpected selection address: ${range.address}`);
    const empty = (range.formulas as unknown[][]).every((row) => row.every((v) => v === "" || v === null));
    return { sheet: range.worksheet.name, range: { r0: a.r, c0: a.c, r1: z.r, c1: z.c }, empty };
  });
}
