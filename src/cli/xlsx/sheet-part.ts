// One worksheet part's XML → the engine's grid: values as Excel shows them (shared strings, booleans, errors,
// dates by their number format), formulas (a shared formula slid from its first cell to each follower), number
// formats, merged areas. The choices follow exceljs's reading, which the grid was built on and which
// test/cli/read-xlsx-oracle.test.ts holds this reader to; where exceljs misreads, the comments say what is done.
import { acceptMerges } from "./merges";
import { slideFormula } from "../../core/cells/formula-slide";
import { parseA1, type Cell, type Scalar, type SheetGrid } from "../../core/cells/grid";
import { StringItem, type CellStyles } from "./workbook-parts";
import { attr, decodeText, scanXml, XmlSyntaxError } from "./xml-scan";
import { FileFault, READ_REASON, SHEET_WHAT } from "./read-messages";

/** Excel's grid: 1,048,576 rows, 16,384 columns (XFD). */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export interface SheetContext {
  strings: string[];
  styles: CellStyles;
  date1904: boolean;
}

const DAY_MS = 24 * 3600 * 1000;

/** A date serial as its day ("2021-03-31"), or null outside the dates JavaScript can hold (as exceljs's Date). */
export function serialDay(serial: number, date1904: boolean): string | null {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS));
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

type Current = "none" | "f" | "v" | "is";

export function readSheetPart(name: string, xml: string, ctx: SheetContext): SheetGrid {
  const cells: (Cell | undefined)[][] = [];
  const mergeRefs: string[] = [];
  const followers: { cell: Cell; r: number; c: number; si: string }[] = [];
  // A shared formula's group ("si") → its first cell and formula.
  const masters = new Map<string, { r: number; c: number; f: string }>();
  const inline = new StringItem();

  let row = -1;
  let col = -1;
  // The cell being read.
  let type: string | undefined;
  let style = 0;
  let isFormula = false;
  let fText = "";
  let fShared = false;
  let fRef = false;
  let fSi: string | undefined;
  let vText: string | undefined;
  let inlineText: string | undefined;
  let current: Current = "none";
  let ended = false;

  const finishCell = (): void => {
    // A row numbered past Excel's last (99999999999) is not dropped without a word: the file is refused, named.
    if (row >= MAX_ROWS || col >= MAX_COLS || row < 0 || col < 0) {
      throw new FileFault(READ_REASON.badSheet(name, row >= MAX_ROWS || row < 0 ? SHEET_WHAT.pastLastCell(row + 1, undefined) : SHEET_WHAT.pastLastCell(undefined, col + 1)));
    }
    const cell = makeCell();
    if (cell === undefined) return;
    let out = cells[row];
    if (out === undefined) {
      out = [];
      cells[row] = out;
    }
    out[col] = cell;
    if (!isFormula || !fShared || fSi === undefined) return;
    if (fRef && fText !== "") masters.set(fSi, { r: row, c: col, f: fText });
    else if (fText === "") followers.push({ cell, r: row, c: col, si: fSi });
  };

  const makeCell = (): Cell | undefined => {
    const format = style > 0 ? ctx.styles.format[style] : undefined;
    const date = style > 0 && ctx.styles.date[style] === true;
    if (isFormula) {
      const out: Cell = { v: vText === undefined || vText === "" ? undefined : typed(vText, type, date) };
      out.f = decodeText(fText);
      if (format !== undefined) out.z = format;
      return out;
    }
    let v: Scalar | undefined;
    if (type === "inlineStr") v = inlineText;
    else if (vText === undefined) return undefined;
    else if (type === "s") v = ctx.strings[parseInt(vText, 10)];
    else v = typed(vText, type, date);
    // An empty string is how some writers store a blank cell; the engine treats it as empty.
    if (v === undefined || v === null || v === "") return undefined;
    const out: Cell = { v };
    if (format !== undefined) out.z = format;
    return out;
  };

  const typed = (raw: string, t: string | undefined, date: boolean): Scalar => {
    const text = decodeText(raw);
    switch (t) {
      case "str":
      case "inlineStr":
      case "s":
        return text;
      case "b":
        return parseInt(text, 10) !== 0;
      case "e":
        return text;
      case "d": {
        // An ISO date (strict files): shown by its day.
        const ms = Date.parse(text);
        return Number.isNaN(ms) ? text : new Date(ms).toISOString().slice(0, 10);
      }
      default: {
        const n = Number(text);
        // Not a number at all: kept as the text it is, never NaN in a sum.
        if (text.trim() === "" || !Number.isFinite(n)) return text;
        // An integer a double cannot hold ("9007199254740993" becomes …992): kept as written, for the engine to refuse
        // with the figure the file holds rather than a neighbour of it.
        if (Math.abs(n) > Number.MAX_SAFE_INTEGER && /^\s*-?\d+\s*$/.test(text) && BigInt(text.trim()) !== BigInt(n)) return text.trim();
        return date ? serialDay(n, ctx.date1904) : n;
      }
    }
  };

  scanXml(xml, {
    open(tag, attrs, selfClosing) {
      switch (tag) {
        case "row": {
          // A row or a cell may leave out its address ("r"): it then follows the previous one (ECMA-376 §18.3.1.73).
          const r = parseInt(attr(attrs, "r") ?? "", 10);
          row = Number.isInteger(r) && r > 0 ? r - 1 : row + 1;
          col = -1;
          return;
        }
        case "c": {
          const ref = attr(attrs, "r");
          const at = ref === undefined ? undefined : parseA1(ref);
          if (at !== undefined) {
            row = at.r;
            col = at.c;
          } else {
            col++;
          }
          type = attr(attrs, "t");
          style = parseInt(attr(attrs, "s") ?? "0", 10) || 0;
          isFormula = false;
          fText = "";
          fShared = false;
          fRef = false;
          fSi = undefined;
          vText = undefined;
          inlineText = undefined;
          current = "none";
          return;
        }
        case "f": {
          const t = attr(attrs, "t");
          // A <f> with a formula, or a follower of a shared one (<f t="shared" si="0"/>), makes a formula cell.
          isFormula = t !== undefined || isFormula;
          fShared = t === "shared";
          fRef = attr(attrs, "ref") !== undefined;
          fSi = attr(attrs, "si");
          current = selfClosing ? "none" : "f";
          return;
        }
        case "v":
          current = selfClosing ? "none" : "v";
          return;
        case "is":
          current = "is";
          return;
        case "mergeCell": {
          mergeRefs.push(attr(attrs, "ref") ?? "");
          return;
        }
        default:
          if (current === "is") inline.open(tag);
      }
    },
    close(tag) {
      switch (tag) {
        case "c":
          finishCell();
          current = "none";
          return;
        case "f":
        case "v":
          current = "none";
          return;
        case "is":
          inlineText = inline.take();
          current = "none";
          return;
        case "worksheet":
          ended = true;
          return;
        default:
          if (current === "is") inline.close(tag);
      }
    },
    text(raw) {
      if (current === "f") {
        fText += raw;
        if (raw !== "") isFormula = true;
      } else if (current === "v") vText = vText === undefined ? raw : vText + raw;
      else inline.text(raw);
    },
    wantsText: () => current === "f" || current === "v" || (current === "is" && inline.wantsText),
  });
  // A part cut short (a damaged zip entry, or one whose declared size was too small for it) is not read as a sheet.
  if (!ended) throw new XmlSyntaxError(`sheet part "${name}" ends before </worksheet>`, xml.length);

  // A shared formula is stored once, on its first cell; each follower's is that formula slid to its place.
  for (const f of followers) {
    const m = masters.get(f.si);
    if (m !== undefined) f.cell.f = slideFormula(decodeText(m.f), { r: m.r, c: m.c }, { r: f.r, c: f.c });
  }
  const { merges, repairs } = acceptMerges(mergeRefs);
  for (const range of merges) {
    // Only the top-left cell of a merged area shows; a value left in another (some writers keep one) is hidden.
    // Bounded by the cells present: a merge over whole columns walks only the rows the sheet has.
    const last = Math.min(range.r1, cells.length - 1);
    for (let r = range.r0; r <= last; r++) {
      const cellsOfRow = cells[r];
      if (cellsOfRow === undefined) continue;
      const end = Math.min(range.c1, cellsOfRow.length - 1);
      for (let c = range.c0; c <= end; c++) if ((r !== range.r0 || c !== range.c0) && cellsOfRow[c] !== undefined) cellsOfRow[c] = undefined;
    }
  }
  return repairs.length === 0 ? { name, cells, merges } : { name, cells, merges, repairs };
}

