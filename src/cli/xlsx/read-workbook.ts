// An .xlsx file's bytes → the engine's grid, reading only what the checks use: the sheets in tab order, their
// cells' values, formulas and number formats, and merged areas. Each sheet part is inflated, read and let go in
// turn, so a department's workbook never sits in memory as XML and grid at once. Runs in Node and in the browser.
import type { SheetGrid, WorkbookGrid } from "../../core/cells/grid";
import { readSheetPart } from "./sheet-part";
import { folderOf, readRels, readSharedStrings, readStyles, readWorkbook, relsPathOf } from "./workbook-parts";
import { DEFAULT_ZIP_LIMITS, ZipParts, type ZipLimits } from "./zip-parts";
import { FileFault, READ_REASON, WORKBOOK_WHAT, ZIP_WHAT } from "./read-messages";
import { XmlSyntaxError } from "./xml-scan";

/** A zip that holds no workbook Excel would open: no workbook part, no list of sheets, no sheet part to read. */
const noWorkbook = (what: { ko: string; en: string }): FileFault => new FileFault(READ_REASON.badWorkbook(what));

/**
 * The workbook's worksheets. A workbook of chart sheets only has none, and reads as such; a sheet the list names
 * without its part is left out (as exceljs leaves it out), unless no sheet at all is left to read.
 */
export function readXlsxParts(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): WorkbookGrid {
  const zip = new ZipParts(bytes, limits);
  /** A part read by `parse`; XML that stops part-way is that part's fault, and the message names it. */
  const read = <T>(path: string, parse: (xml: string | undefined) => T): T => {
    const xml = zip.text(path);
    try {
      return parse(xml);
    } catch (e) {
      if (e instanceof XmlSyntaxError) throw new FileFault(READ_REASON.badZip(ZIP_WHAT.xml, path));
      throw e;
    }
  };
  const office = read("_rels/.rels", (xml) => (xml === undefined ? undefined : [...readRels(xml, "").values()].find((r) => r.type === "officeDocument")));
  const workbookPath = office?.target ?? "xl/workbook.xml";
  if (!zip.has(workbookPath)) throw noWorkbook(WORKBOOK_WHAT.noWorkbook(workbookPath));
  const rels = read(relsPathOf(workbookPath), (xml) => (xml === undefined ? new Map<string, { type: string; target: string }>() : readRels(xml, folderOf(workbookPath))));
  const info = read(workbookPath, (xml) => readWorkbook(xml ?? "", rels));
  const styles = info.stylesPath === undefined ? readStyles(undefined) : read(info.stylesPath, readStyles);
  const strings = info.sharedStringsPath === undefined ? readSharedStrings(undefined) : read(info.sharedStringsPath, readSharedStrings);
  // Not XML, or XML of something else: Excel saves no workbook without a sheet.
  if (info.listed === 0) throw noWorkbook(WORKBOOK_WHAT.noSheetList(workbookPath));
  const ctx = { strings, styles, date1904: info.date1904 };
  const sheets: SheetGrid[] = [];
  let missing: { sheet: string; path: string | undefined } | undefined = info.unresolved.length > 0 ? { sheet: info.unresolved[0], path: undefined } : undefined;
  for (const part of info.sheets) {
    if (!zip.has(part.path)) {
      missing ??= { sheet: part.name, path: part.path };
      continue;
    }
    sheets.push(read(part.path, (xml) => readSheetPart(part.name, xml ?? "", ctx)));
  }
  if (sheets.length === 0 && missing !== undefined) throw noWorkbook(WORKBOOK_WHAT.missingParts(missing.sheet, missing.path));
  return { sheets };
}
