// An .xlsx file's bytes → the engine's grid, reading only what the checks use: the sheets in tab order, their
// cells' values, formulas and number formats, and merged areas. Each sheet part is inflated, read and let go in
// turn, so a department's workbook never sits in memory as XML and grid at once. Runs in Node and in the browser.
import type { SheetGrid, WorkbookGrid } from "../../core/cells/grid";
import { readSheetPart } from "./sheet-part";
import { folderOf, readRels, readSharedStrings, readStyles, readWorkbook, relsPathOf } from "./workbook-parts";
import { DEFAULT_ZIP_LIMITS, ZipParts, type ZipLimits } from "./zip-parts";

/** The zip holds no workbook part (a .docx, a zip of photos): no sheets. */
export function readXlsxParts(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): WorkbookGrid {
  const zip = new ZipParts(bytes, limits);
  const rootRels = zip.text("_rels/.rels");
  const office = rootRels === undefined ? undefined : [...readRels(rootRels, "").values()].find((r) => r.type === "officeDocument");
  const workbookPath = office?.target ?? "xl/workbook.xml";
  const workbookXml = zip.text(workbookPath);
  if (workbookXml === undefined) return { sheets: [] };
  const relsXml = zip.text(relsPathOf(workbookPath));
  const info = readWorkbook(workbookXml, relsXml === undefined ? new Map() : readRels(relsXml, folderOf(workbookPath)));
  const styles = readStyles(info.stylesPath === undefined ? undefined : zip.text(info.stylesPath));
  const strings = readSharedStrings(info.sharedStringsPath === undefined ? undefined : zip.text(info.sharedStringsPath));
  const ctx = { strings, styles, date1904: info.date1904 };
  const sheets: SheetGrid[] = [];
  for (const part of info.sheets) {
    const xml = zip.text(part.path);
    // A sheet the workbook lists without its part is no sheet to read (as exceljs leaves it out).
    if (xml === undefined) continue;
    sheets.push(readSheetPart(part.name, xml, ctx));
  }
  return { sheets };
}
