// Reads an .xlsx file in the browser (an opened file or the fetched sample) into the engine's grid, with the
// command line's own converter (src/cli/worksheet-grid.ts) over exceljs's browser build.
import ExcelJS from "exceljs/dist/exceljs.min.js";
import type { WorkbookGrid } from "../core/grid";
import { worksheetToGrid } from "../cli/worksheet-grid";
import type { Lang } from "../core/findings";

export class XlsxOpenError extends Error {
  constructor(
    readonly file: string,
    readonly reason: Record<Lang, string>,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${reason.ko} / ${reason.en}`, options);
    this.name = "XlsxOpenError";
  }
}

const NOT_XLSX = { ko: "xlsx 파일로 읽을 수 없습니다.", en: "It is not a readable .xlsx file." };
// Password-protected .xlsx files and legacy .xls files are OLE compound documents, not zips.
const OLE_FILE = { ko: "암호가 걸린 파일이거나 예전 .xls 형식입니다.", en: "It is password-protected or a legacy .xls file." };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** Reads a workbook from its bytes; `file` names it in errors (XlsxOpenError, in both languages). */
export async function readXlsxBytes(bytes: Uint8Array, file: string): Promise<WorkbookGrid> {
  if (startsWith(bytes, OLE_MAGIC)) throw new XlsxOpenError(file, OLE_FILE);
  // exceljs's zip reader reports a text file as a bare "End of data" error; check first.
  if (!startsWith(bytes, ZIP_MAGIC)) throw new XlsxOpenError(file, NOT_XLSX);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's browser build takes an ArrayBuffer; copy out exactly this view's bytes.
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch (cause) {
    throw new XlsxOpenError(file, NOT_XLSX, { cause });
  }
  // A zip without a workbook part (a .docx, a zip of photos) loads as a workbook with no sheets.
  if (workbook.worksheets.length === 0) throw new XlsxOpenError(file, NOT_XLSX);
  return { sheets: workbook.worksheets.map(worksheetToGrid) };
}
