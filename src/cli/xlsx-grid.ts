// An .xlsx file's bytes → the engine's grid, through exceljs's parser. Shared by the command line (Node) and the
// browser preview, so it imports exceljs for its types only: the two load different builds of it (Node's and the
// browser bundle) and pass in a Workbook of their own.
//
// exceljs's `xlsx.load` parses every part of the file into one plain model, then hands it to `workbook.model = …`,
// whose setter builds the editable workbook (a Worksheet, Row and Cell object per cell, address caches, styles per
// cell). Reading needs none of that: on a department's workbook that second step took a third of the load time and
// about 60 MB (BENCHMARKS.md, 2026-11-29 second session). So the model is taken as it is handed over and converted
// by worksheet-grid.ts; test/cli/read-xlsx-oracle.test.ts holds the result to exceljs's Cell API, cell by cell.
import type ExcelJS from "exceljs";
import type { Lang } from "../core/findings/findings";
import type { SheetGrid, WorkbookGrid } from "../core/cells/grid";
import { ModelHandOverError, sheetModelToGrid, worksheetModels, type SheetModel } from "./worksheet-grid";

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
} as const;

/** A workbook of either exceljs build: what loading needs of it. */
export interface LoadableWorkbook {
  xlsx: { load(data: ExcelJS.Buffer): Promise<unknown> };
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/**
 * Reads a workbook's bytes (as the given exceljs build takes them) with a fresh exceljs Workbook; sheets in tab
 * order (chart sheets are not worksheets). Throws XlsxReadError naming `file` for anything that is not a workbook.
 */
export async function readXlsxGrid(workbook: LoadableWorkbook, bytes: Uint8Array, data: ExcelJS.Buffer, file: string): Promise<WorkbookGrid> {
  // Checked before exceljs sees them: its zip reader reports a text file as a bare "End of data".
  if (startsWith(bytes, OLE_MAGIC)) throw new XlsxReadError(file, READ_REASON.ole);
  if (!startsWith(bytes, ZIP_MAGIC)) throw new XlsxReadError(file, READ_REASON.notXlsx);
  let sheets: SheetGrid[];
  try {
    sheets = await loadSheets(workbook, data);
  } catch (cause) {
    if (cause instanceof ModelHandOverError) throw cause;
    throw new XlsxReadError(file, READ_REASON.notXlsx, { cause });
  }
  // A zip without a workbook part (a .docx, a zip of photos) loads as a workbook with no sheets.
  if (sheets.length === 0) throw new XlsxReadError(file, READ_REASON.notXlsx);
  return { sheets };
}

async function loadSheets(workbook: LoadableWorkbook, data: ExcelJS.Buffer): Promise<SheetGrid[]> {
  let model: unknown;
  // An own property on this one instance takes the model in place of the prototype's setter.
  Object.defineProperty(workbook, "model", {
    configurable: true,
    get: () => model,
    set: (value: unknown) => {
      model = value;
    },
  });
  await workbook.xlsx.load(data);
  const sheets: (SheetModel | undefined)[] = worksheetModels(model);
  model = undefined;
  const grids: SheetGrid[] = [];
  // Each sheet's model is let go once converted, so the model and the grid never both hold a whole department.
  for (let i = 0; i < sheets.length; i++) {
    const sheet = sheets[i];
    if (sheet === undefined) continue;
    grids.push(sheetModelToGrid(sheet));
    sheets[i] = undefined;
  }
  return grids;
}
