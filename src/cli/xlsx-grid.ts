// An .xlsx file's bytes → the engine's grid, through the reader in xlsx/ (fflate for the zip, a scanner of our
// own for the few elements a sheet uses). Shared by the command line (Node) and the browser preview. exceljs stays
// where Yesan writes files; test/cli/read-xlsx-oracle.test.ts holds this reader to exceljs's Cell API, cell by cell.
import type { Lang } from "../core/findings/findings";
import type { WorkbookGrid } from "../core/cells/grid";
import { readXlsxParts } from "./xlsx/read-workbook";
import type { ZipLimits } from "./xlsx/zip-parts";
import { FileFault, READ_REASON } from "./xlsx/read-messages";

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

export { READ_REASON };

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
    if (cause instanceof FileFault) throw new XlsxReadError(file, cause.reason, { cause });
    throw new XlsxReadError(file, READ_REASON.notXlsx, { cause });
  }
  return grid;
}
