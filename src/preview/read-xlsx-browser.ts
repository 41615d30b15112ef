// Reads an .xlsx file in the browser (an opened file or the fetched sample) into the engine's grid, with the
// command line's own reader (src/cli/xlsx-grid.ts) over exceljs's browser build.
import ExcelJS from "exceljs/dist/exceljs.min.js";
import type { WorkbookGrid } from "../core/cells/grid";
import { readXlsxGrid, XlsxReadError } from "../cli/xlsx-grid";

export { XlsxReadError };

/** Reads a workbook from its bytes; `file` names it in errors (XlsxReadError, in both languages). */
export async function readXlsxBytes(bytes: Uint8Array, file: string): Promise<WorkbookGrid> {
  // exceljs's browser build takes an ArrayBuffer; copy out exactly this view's bytes.
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return readXlsxGrid(new ExcelJS.Workbook(), bytes, buffer as unknown as ExcelJS.Buffer, file);
}
