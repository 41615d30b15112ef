// Reads .xlsx files with exceljs into the engine's grid (src/core/grid.ts), for the command line (Node).

import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import type { WorkbookGrid } from "../core/grid";
import { fileKind, loadWorkbookGrid, ModelHandOverError } from "./worksheet-grid";

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
const OLE_FILE = "암호가 걸린 파일이거나 예전 .xls 형식입니다 / password-protected or legacy .xls file";

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
  const kind = fileKind(bytes);
  if (kind !== "zip") throw new XlsxReadError(label, kind === "ole" ? OLE_FILE : NOT_XLSX);
  let sheets;
  try {
    // exceljs types its input with its own Buffer interface; a Node Buffer is what it reads.
    sheets = await loadWorkbookGrid(new ExcelJS.Workbook(), bytes as unknown as ExcelJS.Buffer);
  } catch (cause) {
    if (cause instanceof ModelHandOverError) throw cause;
    throw new XlsxReadError(label, NOT_XLSX, { cause });
  }
  // A zip without a workbook part (a .docx, a zip of photos) loads as a workbook with no sheets.
  if (sheets.length === 0) throw new XlsxReadError(label, NOT_XLSX);
  return { sheets };
}
