// Why a file could not be read, in both languages: one table for the reader's messages (the zip, the workbook's
// structure, a sheet), so each names the file's fault the way the user can act on it.
type Text = { ko: string; en: string };

/**
 * The file's own fault, found while reading it: the reason as the user reads it (READ_REASON), built where the
 * fault is found, which knows the part, the sheet or the limit. readXlsxGrid adds the file's name.
 */
export class FileFault extends Error {
  constructor(readonly reason: Text) {
    super(reason.en);
    this.name = "FileFault";
  }
}

const mb = (bytes: number): string => (bytes / (1024 * 1024)).toLocaleString("en-US", { maximumFractionDigits: 1 });
const n = (x: number): string => x.toLocaleString("en-US");

export const READ_REASON = {
  notXlsx: { ko: "xlsx 파일로 읽을 수 없습니다.", en: "It is not a readable .xlsx file." },
  // Password-protected .xlsx files and legacy .xls files are OLE compound documents, which Excel opens fine:
  // saying so spares the user a hunt for a "broken" file.
  ole: { ko: "암호가 걸린 파일이거나 예전 .xls 형식입니다.", en: "It is password-protected or a legacy .xls file." },
  cannotOpen: (code: string): Text => ({ ko: `파일을 열 수 없습니다${code}.`, en: `The file cannot be opened${code}.` }),
  badSheet: (sheet: string, what: Text): Text => ({ ko: `"${sheet}" 시트를 읽을 수 없습니다: ${what.ko}`, en: `Its sheet "${sheet}" cannot be read: ${what.en}` }),
  // A part past a limit is refused before it is inflated (a zip bomb, or a sheet larger than any real one).
  tooLarge: (part: string, size: number, limit: number): Text => ({
    ko: `${part} 부분이 너무 큽니다: 풀면 ${mb(size)}MB로, 한도 ${mb(limit)}MB를 넘습니다.`,
    en: `Its part ${part} is too large: ${mb(size)} MB when expanded, over the limit of ${mb(limit)} MB.`,
  }),
  /** The zip itself, or one of its parts, is damaged. */
  badZip: (what: Text, part?: string): Text =>
    part === undefined
      ? { ko: `xlsx 파일로 읽을 수 없습니다: ${what.ko}.`, en: `It is not a readable .xlsx file: ${what.en}.` }
      : { ko: `${part} 부분을 읽을 수 없습니다: ${what.ko}.`, en: `Its part ${part} cannot be read: ${what.en}.` },
  /** The zip reads, but what it holds is no workbook Excel would open. */
  badWorkbook: (what: Text): Text => ({ ko: `Excel 통합 문서로 읽을 수 없습니다: ${what.ko}.`, en: `It cannot be read as an Excel workbook: ${what.en}.` }),
} as const;

export const ZIP_WHAT = {
  damaged: { ko: "zip 구조가 손상되었습니다(파일이 잘렸을 수 있습니다)", en: "its zip structure is damaged (the file may be cut short)" },
  encrypted: { ko: "zip 안에서 암호화되어 있습니다", en: "it is encrypted inside the zip" },
  method: (m: number): Text => ({ ko: `Excel이 쓰지 않는 방식(${m}번)으로 압축되어 있습니다`, en: `it is compressed by a method Excel does not use (method ${m})` }),
  longer: (size: number): Text => ({ ko: `머리말에 적힌 크기(${n(size)}바이트)보다 많이 풀립니다`, en: `it expands past the size its header declares (${n(size)} bytes)` }),
  shorter: (got: number, size: number): Text => ({ ko: `머리말에 적힌 크기보다 짧게 풀립니다(${n(got)} / ${n(size)}바이트)`, en: `it expands to less than its header declares (${n(got)} of ${n(size)} bytes)` }),
  corrupt: { ko: "압축된 내용이 손상되었습니다", en: "its compressed content is damaged" },
  xml: { ko: "XML이 온전하지 않습니다(중간에 끊겼거나 다른 종류의 부분입니다)", en: "its XML is incomplete (cut off, or a part of another kind)" },
} as const;

export const WORKBOOK_WHAT = {
  noWorkbook: (path: string): Text => ({ ko: `통합 문서 부분(${path})이 없습니다. .docx나 다른 zip 파일일 수 있습니다`, en: `it has no workbook part (${path}); it may be a .docx or another kind of zip` }),
  noSheetList: (path: string): Text => ({ ko: `통합 문서 부분(${path})에 시트 목록이 없습니다`, en: `its workbook part (${path}) lists no sheets` }),
  missingParts: (sheet: string, path: string | undefined): Text =>
    path === undefined
      ? { ko: `"${sheet}" 시트가 가리키는 부분이 파일에 없고, 읽을 수 있는 시트가 없습니다`, en: `sheet "${sheet}" points at no part of the file, and no sheet can be read` }
      : { ko: `"${sheet}" 시트의 부분(${path})이 파일에 없고, 읽을 수 있는 시트가 없습니다`, en: `the part of sheet "${sheet}" (${path}) is missing, and no sheet can be read` },
} as const;

export const SHEET_WHAT = {
  pastLastCell: (row: number | undefined, col: number | undefined): Text => {
    const at = row !== undefined ? { ko: `${row}행`, en: `row ${row}` } : { ko: `${col}번째 열`, en: `column ${col}` };
    return { ko: `${at.ko}에 셀이 있습니다. Excel의 마지막 행·열(1,048,576행, XFD열)을 넘습니다.`, en: `it has a cell at ${at.en}, past Excel's last row and column (1,048,576, XFD).` };
  },
} as const;
