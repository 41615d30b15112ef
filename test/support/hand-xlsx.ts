// Workbooks written part by part, as other writers (and broken or hostile files) leave them: what a test needs to
// build an input exceljs would never write.
import { strToU8, zipSync } from "fflate";

export const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface Book {
  sheets: { name: string; xml: string; kind?: "worksheet" | "chartsheet" }[];
  strings?: string;
  styles?: string;
  workbookPr?: string;
}

export function xlsx(book: Book): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "_rels/.rels": strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
  };
  const rels: string[] = [];
  const list: string[] = [];
  book.sheets.forEach((s, i) => {
    const kind = s.kind ?? "worksheet";
    const folder = kind === "worksheet" ? "worksheets" : "chartsheets";
    files[`xl/${folder}/sheet${i + 1}.xml`] = strToU8(s.xml);
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/${kind}" Target="${folder}/sheet${i + 1}.xml"/>`);
    list.push(`<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  });
  if (book.strings !== undefined) {
    files["xl/sharedStrings.xml"] = strToU8(`<sst ${NS}>${book.strings}</sst>`);
    rels.push(`<Relationship Id="rS" Type="${REL}/sharedStrings" Target="/xl/sharedStrings.xml"/>`);
  }
  if (book.styles !== undefined) {
    files["xl/styles.xml"] = strToU8(`<styleSheet ${NS}>${book.styles}</styleSheet>`);
    rels.push(`<Relationship Id="rT" Type="${REL}/styles" Target="styles.xml"/>`);
  }
  files["xl/_rels/workbook.xml.rels"] = strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`);
  files["xl/workbook.xml"] = strToU8(`<workbook ${NS}>${book.workbookPr ?? ""}<sheets>${list.join("")}</sheets></workbook>`);
  return zipSync(files);
}

export const sheet = (data: string, after = ""): string => `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${data}</sheetData>${after}</worksheet>`;
