// exceljs worksheet → the engine's grid. Shared by the command line (Node) and the browser preview, so it
// imports exceljs for its types only: the two load different builds of it (Node's and the browser bundle).
import type ExcelJS from "exceljs";
import type { Cell, Range, Scalar, SheetGrid } from "../core/grid";

// exceljs's ValueType enum values (checked against the library in test/cli/read-xlsx.test.ts).
export const VALUE_TYPE = { Merge: 1, Formula: 6 } as const;
const MERGE = VALUE_TYPE.Merge;
const FORMULA = VALUE_TYPE.Formula;

export function worksheetToGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const cells: (Cell | undefined)[][] = [];
  // Merges are rebuilt from the merged-away cells, each of which points at its top-left cell:
  // ws.model would serialise every row of the sheet just to list them.
  const merges = new Map<ExcelJS.Cell, Range>();

  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    let out: (Cell | undefined)[] | undefined;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      if (cell.type === MERGE) {
        extendMerge(merges, cell.master, r, c);
        return;
      }
      const converted = convertCell(cell);
      if (converted === undefined) return;
      if (out === undefined) {
        out = [];
        cells[r] = out;
      }
      out[c] = converted;
    });
  });

  return { name: ws.name, cells, merges: [...merges.values()] };
}

function extendMerge(merges: Map<ExcelJS.Cell, Range>, master: ExcelJS.Cell, r: number, c: number): void {
  let range = merges.get(master);
  if (range === undefined) {
    // exceljs types row/col as strings (from its Address type); at run time they are numbers.
    const mr = Number(master.row) - 1;
    const mc = Number(master.col) - 1;
    range = { r0: mr, c0: mc, r1: mr, c1: mc };
    merges.set(master, range);
  }
  if (r < range.r0) range.r0 = r;
  if (c < range.c0) range.c0 = c;
  if (r > range.r1) range.r1 = r;
  if (c > range.c1) range.c1 = c;
}

function convertCell(cell: ExcelJS.Cell): Cell | undefined {
  let v: Scalar | undefined;
  let f: string | undefined;
  if (cell.type === FORMULA) {
    f = cell.formula;
    // cell.result, not cell.value.result: exceljs's value copy drops falsy results such as 0.
    const result: unknown = cell.result;
    v = result === undefined || result === null ? undefined : scalarOf(result);
  } else {
    v = scalarOf(cell.value);
    // An empty string is how some writers store a blank cell; the engine treats it as empty.
    if (v === null || v === "") return undefined;
  }
  const fmt = cell.numFmt;
  const out: Cell = { v };
  if (f !== undefined) out.f = f;
  if (fmt !== undefined && fmt !== "" && fmt !== "General") out.z = fmt;
  return out;
}

/** The value Excel shows for a cell value or a formula result. */
function scalarOf(value: unknown): Scalar {
  switch (typeof value) {
    case "number":
    case "string":
    case "boolean":
      return value;
    case "object":
      break;
    default:
      return null;
  }
  if (value === null) return null;
  if (value instanceof Date) {
    // A date is compared and shown by its day; an out-of-range serial yields an invalid Date.
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  }
  if ("richText" in value) return richTextOf(value.richText);
  if ("error" in value && typeof value.error === "string") return value.error;
  // A hyperlink: its text is what the sheet shows (and may itself be rich text).
  if ("text" in value) {
    const text = value.text;
    if (typeof text === "string") return text;
    if (typeof text === "object" && text !== null && "richText" in text) return richTextOf(text.richText);
  }
  return null;
}

function richTextOf(runs: unknown): string {
  if (!Array.isArray(runs)) return "";
  let s = "";
  for (const run of runs) {
    if (typeof run === "object" && run !== null && "text" in run && typeof run.text === "string") s += run.text;
  }
  return s;
}
