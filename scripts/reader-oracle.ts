// exceljs's documented Cell API as the oracle for the grid reader (src/cli/xlsx/): what each cell shows, its
// formula and number format, and the merged areas, sheet by sheet. Used by test/cli/read-xlsx-oracle.test.ts on
// files from three writers and by `npm run corpus` on the real workbooks beside the project.
import ExcelJS from "exceljs";
import { a1, type Cell, type WorkbookGrid } from "../src/core/cells/grid";

export type OracleSheet = { name: string; cells: Record<string, Cell>; merges: string[] };

/** What exceljs's Cell API shows for a value, as the engine's scalar. */
function shown(value: ExcelJS.CellValue): Cell["v"] {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("error" in value) return value.error;
  if ("text" in value) return typeof value.text === "string" ? value.text : shown(value.text as ExcelJS.CellValue);
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}

export async function viaCellApi(bytes: Buffer): Promise<OracleSheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb.worksheets.map((ws) => {
    const cells: Record<string, Cell> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        let out: Cell;
        if (cell.type === ExcelJS.ValueType.Formula) {
          const r = cell.result as ExcelJS.CellValue;
          out = { v: r === undefined || r === null ? undefined : shown(r), f: cell.formula };
        } else {
          const v = shown(cell.value);
          if (v === null || v === "") return;
          out = { v };
        }
        if (cell.numFmt && cell.numFmt !== "General") out.z = cell.numFmt;
        cells[cell.address] = out;
      }),
    );
    return { name: ws.name, cells, merges: [...ws.model.merges].sort() };
  });
}

export function gridSheets(grid: WorkbookGrid): OracleSheet[] {
  return grid.sheets.map((s) => {
    const cells: Record<string, Cell> = {};
    s.cells.forEach((row, r) => row?.forEach((cell, c) => cell !== undefined && (cells[a1(r, c)] = cell)));
    const merges = s.merges.map((m) => (m.r0 === m.r1 && m.c0 === m.c1 ? a1(m.r0, m.c0) : `${a1(m.r0, m.c0)}:${a1(m.r1, m.c1)}`));
    return { name: s.name, cells, merges: merges.sort() };
  });
}

/** The cells (and sheets, and merges) where the two readings differ, as "sheet!A1: ours ≠ exceljs" lines. */
export function differences(ours: OracleSheet[], theirs: OracleSheet[]): string[] {
  const out: string[] = [];
  const names = (xs: OracleSheet[]): string => xs.map((s) => s.name).join(", ");
  if (names(ours) !== names(theirs)) out.push(`sheets: ${names(ours)} ≠ ${names(theirs)}`);
  for (const a of ours) {
    const b = theirs.find((s) => s.name === a.name);
    if (b === undefined) continue;
    if (a.merges.join(" ") !== b.merges.join(" ")) out.push(`${a.name}: merges differ`);
    for (const at of new Set([...Object.keys(a.cells), ...Object.keys(b.cells)])) {
      const x = JSON.stringify(a.cells[at] ?? null);
      const y = JSON.stringify(b.cells[at] ?? null);
      if (x !== y) out.push(`${a.name}!${at}: ${x} ≠ ${y}`);
    }
  }
  return out;
}
