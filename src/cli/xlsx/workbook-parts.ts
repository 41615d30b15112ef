// The small parts a sheet's cells need: the workbook's list of sheets (tab order, names, their parts), the 1904
// date system, the number formats of the cell styles, and the shared strings. Read as exceljs reads them, so the
// grid stays what it was (test/cli/read-xlsx-oracle.test.ts compares both, cell by cell).
import { attr, decodeText, scanXml, type XmlHandler } from "./xml-scan";

export interface SheetPart {
  name: string;
  /** The part's path in the zip ("xl/worksheets/sheet1.xml"). */
  path: string;
}

export interface WorkbookInfo {
  sheets: SheetPart[];
  /** The <sheet> entries of the list, of every kind, and those whose relationship names no part of this file. */
  listed: number;
  unresolved: string[];
  date1904: boolean;
  stylesPath: string | undefined;
  sharedStringsPath: string | undefined;
}

/** A handler that only opens tags (most small parts need no text). */
const opener = (open: (name: string, attrs: string) => void): XmlHandler => ({ open, close: () => undefined, text: () => undefined, wantsText: () => false });

/** The relationships of a part: id → { type's last word, target path resolved against the part's folder }. */
export function readRels(xml: string, folder: string): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  scanXml(
    xml,
    opener((name, attrs) => {
      if (name !== "Relationship") return;
      const id = attr(attrs, "Id");
      const target = attr(attrs, "Target");
      const type = attr(attrs, "Type") ?? "";
      if (id === undefined || target === undefined || attr(attrs, "TargetMode") === "External") return;
      out.set(id, { type: type.slice(type.lastIndexOf("/") + 1), target: resolvePath(folder, target) });
    }),
  );
  return out;
}

/** A target as a zip path: "/xl/a.xml" from the root, "worksheets/s.xml" and "../x.xml" from the part's folder. */
export function resolvePath(folder: string, target: string): string {
  const parts = target.startsWith("/") ? [] : folder.split("/").filter((p) => p !== "");
  for (const p of target.split("/")) {
    if (p === "" || p === ".") continue;
    if (p === "..") parts.pop();
    else parts.push(p);
  }
  return parts.join("/");
}

export const folderOf = (path: string): string => path.slice(0, path.lastIndexOf("/") + 1);
export const relsPathOf = (path: string): string => `${folderOf(path)}_rels/${path.slice(path.lastIndexOf("/") + 1)}.rels`;

/** The workbook part: its sheets in tab order (worksheets only: chart and dialog sheets hold no cells). */
export function readWorkbook(xml: string, rels: Map<string, { type: string; target: string }>): WorkbookInfo {
  const sheets: SheetPart[] = [];
  const unresolved: string[] = [];
  let listed = 0;
  let date1904 = false;
  scanXml(
    xml,
    opener((name, attrs) => {
      if (name === "workbookPr") {
        const v = attr(attrs, "date1904");
        date1904 = v === "1" || v === "true";
      } else if (name === "sheet") {
        const sheetName = attr(attrs, "name");
        const rel = rels.get(attr(attrs, "id") ?? "");
        listed++;
        if (rel === undefined) unresolved.push(sheetName ?? "");
        else if (sheetName !== undefined && rel.type === "worksheet") sheets.push({ name: sheetName, path: rel.target });
      }
    }),
  );
  const target = (type: string): string | undefined => [...rels.values()].find((r) => r.type === type)?.target;
  return { sheets, listed, unresolved, date1904, stylesPath: target("styles"), sharedStringsPath: target("sharedStrings") };
}

// Excel's built-in number formats that carry a code of their own (ECMA-376 §18.8.30); the others (27-36, 50-81)
// depend on the locale and, as in exceljs, give no format.
const BUILT_IN: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?",
  13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
  20: "h:mm", 21: "h:mm:ss", 22: 'm/d/yy "h":mm', 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0",
  48: "##0.0E+0", 49: "@",
};

/** A number format that shows a date or a time: any of y m d h s b outside quotes and brackets (as exceljs). */
export function isDateFormat(fmt: string): boolean {
  return /[ymdhMsb]/.test(fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

export interface CellStyles {
  /** The number format of each cell style (index: the cell's "s"), undefined for General. */
  format: (string | undefined)[];
  date: boolean[];
}

/** The number format of each cell style: <numFmts> by id, <cellXfs> in order (other <xf> lists are not cells'). */
export function readStyles(xml: string | undefined): CellStyles {
  const codes = new Map<number, string>();
  const ids: number[] = [];
  if (xml !== undefined) {
    let inFormats = false;
    let inCellXfs = false;
    scanXml(xml, {
      open: (name, attrs, selfClosing) => {
        if (name === "numFmts") inFormats = !selfClosing;
        else if (name === "cellXfs") inCellXfs = !selfClosing;
        else if (name === "numFmt" && inFormats) {
          const id = parseInt(attr(attrs, "numFmtId") ?? "", 10);
          // exceljs unescapes backslashes in the code (\- → -): the grid's formats stay as they were.
          const code = attr(attrs, "formatCode");
          if (Number.isInteger(id) && code !== undefined) codes.set(id, code.replace(/[\\](.)/g, "$1"));
        } else if (name === "xf" && inCellXfs) {
          ids.push(parseInt(attr(attrs, "numFmtId") ?? "0", 10) || 0);
        }
      },
      close: (name) => {
        if (name === "numFmts") inFormats = false;
        else if (name === "cellXfs") inCellXfs = false;
      },
      text: () => undefined,
      wantsText: () => false,
    });
  }
  const format = ids.map((id) => {
    const code = id === 0 ? undefined : (codes.get(id) ?? BUILT_IN[id]);
    return code === undefined || code === "" || code === "General" ? undefined : code;
  });
  return { format, date: format.map((f) => f !== undefined && isDateFormat(f)) };
}

/** Excel's escapes for characters XML cannot hold (_x000D_ for a carriage return). */
const unescapeX = (s: string): string => (s.includes("_x") ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s);

/**
 * Collects the text of <si> (shared strings) or <is> (an inline string): plain <t>, or the <t> of each rich-text
 * run <r>; phonetic runs (<rPh>, furigana over Japanese text) are not part of the shown text.
 */
export class StringItem {
  private parts: string[] = [];
  private inT = false;
  private phonetic = 0;
  open(name: string): void {
    if (name === "rPh") this.phonetic++;
    else if (name === "t" && this.phonetic === 0) this.inT = true;
  }
  close(name: string): void {
    if (name === "rPh") this.phonetic--;
    else if (name === "t") this.inT = false;
  }
  get wantsText(): boolean {
    return this.inT;
  }
  text(raw: string): void {
    this.parts.push(raw);
  }
  take(): string {
    const s = this.parts.length === 1 ? this.parts[0] : this.parts.join("");
    this.parts = [];
    this.inT = false;
    this.phonetic = 0;
    return unescapeX(decodeText(s));
  }
}

export function readSharedStrings(xml: string | undefined): string[] {
  const out: string[] = [];
  if (xml === undefined) return out;
  const item = new StringItem();
  let inSi = false;
  scanXml(xml, {
    open: (name, _attrs, selfClosing) => {
      if (name === "si") {
        inSi = true;
        if (selfClosing) return;
      } else if (inSi) item.open(name);
    },
    close: (name) => {
      if (name === "si") {
        out.push(item.take());
        inSi = false;
      } else if (inSi) item.close(name);
    },
    text: (raw) => item.text(raw),
    wantsText: () => inSi && item.wantsText,
  });
  return out;
}
