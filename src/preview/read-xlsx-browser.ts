// Reads an .xlsx file in the browser (an opened file or the fetched sample) into the engine's grid, with the
// command line's own converter (src/cli/worksheet-grid.ts) over exceljs's browser build.
import ExcelJS from "exceljs/dist/exceljs.min.js";
import type { WorkbookGrid } from "../core/grid";
import { fileKind, loadWorkbookGrid, ModelHandOverError } from "../cli/worksheet-grid";
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
const OLE_FILE = { ko: "암호가 걸린 파일이거나 예전 .xls 형식입니다.", en: "It is password-protected or a legacy .xls file." };

/** Reads a workbook from its bytes; `file` names it in errors (XlsxOpenError, in both languages). */
export async function readXlsxBytes(bytes: Uint8Array, file: string): Promise<WorkbookGrid> {
  const kind = fileKind(bytes);
  if (kind !== "zip") throw new XlsxOpenError(file, kind === "ole" ? OLE_FILE : NOT_XLSX);
  let sheets;
  try {
    // exceljs's browser build takes an ArrayBuffer; copy out exactly this view's bytes.
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    sheets = await loadWorkbookGrid(new ExcelJS.Workbook(), buffer as unknown as ExcelJS.Buffer);
  } catch (cause) {
    if (cause instanceof ModelHandOverError) throw cause;
    throw new XlsxOpenError(file, NOT_XLSX, { cause });
  }
  // A zip without a workbook part (a .docx, a zip of photos) loads as a workbook with no sheets.
  if (sheets.length === 0) throw new XlsxOpenError(file, NOT_XLSX);
  return { sheets };
}
