// Reads an .xlsx file in the browser (an opened file or the fetched sample) into the engine's grid, with the
// command line's own reader (src/cli/xlsx-grid.ts).
import type { WorkbookGrid } from "../core/cells/grid";
import { readXlsxGrid, XlsxReadError } from "../cli/xlsx-grid";

export { XlsxReadError };

/** Reads a workbook from its bytes; `file` names it in errors (XlsxReadError, in both languages). */
export async function readXlsxBytes(bytes: Uint8Array, file: string): Promise<WorkbookGrid> {
  return Promise.resolve().then(() => readXlsxGrid(bytes, file));
}
