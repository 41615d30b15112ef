// An .xlsx file's bytes → the engine's grid, through the reader in xlsx/ (fflate for the zip, a scanner of our
// own for the few elements a sheet uses). Shared by the command line (Node) and the browser preview. exceljs stays
// where Yesan writes files; test/cli/read-xlsx-oracle.test.ts holds this reader to exceljs's Cell API, cell by cell.
import type { Lang } from "../core/findings/findings";
import type { WorkbookGrid } from "../core/cells/grid";
import { readXlsxParts } from "./xlsx/read-workbook";
import { ZipLimitError, type ZipLimits } from "./xlsx/zip-parts";
import { SheetStructureError } from "./xlsx/sheet-part";

/** A file that cannot be read as a workbook; `reason` in both languages, `file` as the user named it. */
export class XlsxReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: Record<Lang, string>,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${reason.ko} / ${reason.en}`, options);
    this.name = "XlsxReadError";
  }
}

export const READ_REASON = {
  notXlsx: { ko: "xlsx 파일로 읽을 수 없습니다.", en: "It is not a readable .xlsx file." },
  // Password-protected .xlsx files and legacy .xls files are OLE compound documents, which Excel opens fine:
  // saying so spares the user a hunt for a "broken" file.
  ole: { ko: "암호가 걸린 파일이거나 예전 .xls 형식입니다.", en: "It is password-protected or a legacy .xls file." },
  cannotOpen: (code: string) => ({ ko: `파일을 열 수 없습니다${code}.`, en: `The file cannot be opened${code}.` }),
  badSheet: (sheet: string, what: { ko: string; en: string }) => ({ ko: `"${sheet}" 시트를 읽을 수 없습니다: ${what.ko}`, en: `Its sheet "${sheet}" cannot be read: ${what.en}` }),
  // A part past a limit is refused before it is inflated (a zip bomb, or a sheet larger than any real one).
  tooLarge: (part: string, size: number, limit: number) => ({
    ko: `${part} 부분이 너무 큽니다: 풀면 ${mb(size)}MB로, 한도 ${mb(limit)}MB를 넘습니다.`,
    en: `Its part ${part} is too large: ${mb(size)} MB when expanded, over the limit of ${mb(limit)} MB.`,
  }),
} as const;

const mb = (bytes: number): string => (bytes / (1024 * 1024)).toLocaleString("en-US", { maximumFractionDigits: 1 });

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/**
 * Reads a workbook's bytes; sheets in tab order (chart sheets are not worksheets). Throws XlsxReadError naming
 * `file` for anything that is not a workbook, or whose parts are past the limits.
 */
export function readXlsxGrid(bytes: Uint8Array, file: string, limits?: ZipLimits): WorkbookGrid {
  if (startsWith(bytes, OLE_MAGIC)) throw new XlsxReadError(file, READ_REASON.ole);
  if (!startsWith(bytes, ZIP_MAGIC)) throw new XlsxReadError(file, READ_REASON.notXlsx);
  let grid: WorkbookGrid;
  try {
    grid = readXlsxParts(bytes, limits);
  } catch (cause) {
    if (cause instanceof ZipLimitError) throw new XlsxReadError(file, READ_REASON.tooLarge(cause.part, cause.size, cause.limit), { cause });
    if (cause instanceof SheetStructureError) throw new XlsxReadError(file, READ_REASON.badSheet(cause.sheet, cause.what), { cause });
    throw new XlsxReadError(file, READ_REASON.notXlsx, { cause });
  }
  // A zip without a workbook part (a .docx, a zip of photos) has no sheets.
  if (grid.sheets.length === 0) throw new XlsxReadError(file, READ_REASON.notXlsx);
  return grid;
}
