// Reads .xlsx files with exceljs into the engine's grid (src/core/grid.ts).
// The command line checks workbooks of up to ~100k rows, so the conversion walks exceljs's
// cells once and allocates nothing per cell beyond the grid's own Cell object.

import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import type { WorkbookGrid } from "../core/grid";
import { worksheetToGrid } from "./worksheet-grid";

export { worksheetToGrid };

export class XlsxReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${reason}`, options);
    this.name = "XlsxReadError";
  }
}

const NOT_XLSX = "xlsx 파일로 읽을 수 없습니다 / not a readable .xlsx file";
// Password-protected .xlsx files and legacy .xls files are OLE compound documents, not zips;
// saying so spares the user a hunt for a "broken" file that Excel opens fine.
const OLE_FILE = "암호가 걸린 파일이거나 예전 .xls 형식입니다 / password-protected or legacy .xls file";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** Reads a workbook from a path or from its bytes; `fileLabel` names it in errors. */
export async function readWorkbookGrid(input: string | Buffer, fileLabel?: string): Promise<WorkbookGrid> {
  const label = fileLabel ?? (typeof input === "string" ? input : "(xlsx)");
  let bytes: Buffer;
  if (typeof input === "string") {
    try {
      bytes = await readFile(input);
    } catch (cause) {
      const code = typeof cause === "object" && cause !== null && "code" in cause ? ` (${String(cause.code)})` : "";
      throw new XlsxReadError(label, `파일을 열 수 없습니다 / cannot open the file${code}`, { cause });
    }
  } else {
    bytes = input;
  }
  if (startsWith(bytes, OLE_MAGIC)) throw new XlsxReadError(label, OLE_FILE);
  // exceljs's zip reader reports a text file as a bare "End of data" error; check first.
  if (!startsWith(bytes, ZIP_MAGIC)) throw new XlsxReadError(label, NOT_XLSX);

  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input with its own Buffer interface; a Node Buffer is what it reads.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (cause) {
    throw new XlsxReadError(label, NOT_XLSX, { cause });
  }
  // A zip without a workbook part (a .docx, a zip of photos) loads as a workbook with no sheets.
  if (workbook.worksheets.length === 0) throw new XlsxReadError(label, NOT_XLSX);
  return { sheets: workbook.worksheets.map(worksheetToGrid) };
}
