// Developer tool: prints a sheet's cells (address, value, formula) so a layout can be studied by hand.
// node dist/scripts/dump-sheet.js FILE.xlsx [SHEET] [A1:H40]
import { readWorkbookGrid } from "../src/cli/read-xlsx";
import { a1, columnIndex } from "../src/core/cells/grid";

async function main(): Promise<void> {
  const showFormats = process.argv.includes("--formats");
  const [file, sheetName, range] = process.argv.slice(2).filter((a) => a !== "--formats");
  const wb = await readWorkbookGrid(file);
  if (sheetName === undefined) {
    for (const s of wb.sheets) console.log(`${s.name}\t${s.cells.length} rows\t${s.merges.length} merges`);
    return;
  }
  const sheet = wb.sheets.find((s) => s.name === sheetName) ?? wb.sheets[Number(sheetName)];
  let r0 = 0, r1 = sheet.cells.length - 1, c0 = 0, c1 = 100;
  const m = range === undefined ? null : /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (m !== null) { c0 = columnIndex(m[1]); r0 = Number(m[2]) - 1; c1 = columnIndex(m[3]); r1 = Number(m[4]) - 1; }
  for (let r = r0; r <= r1; r++) {
    const row = sheet.cells[r];
    if (row === undefined) continue;
    const parts: string[] = [];
    for (let c = c0; c <= Math.min(c1, row.length - 1); c++) {
      const cell = row[c];
      if (cell === undefined || (cell.v === null && cell.f === undefined)) continue;
      const v = typeof cell.v === "string" ? JSON.stringify(cell.v.slice(0, 40)) : String(cell.v);
      parts.push(`${a1(r, c)}=${v}${cell.f !== undefined ? ` {=${cell.f.slice(0, 40)}}` : ""}${showFormats && cell.z !== undefined ? ` [${cell.z}]` : ""}`);
    }
    if (parts.length > 0) console.log(parts.join("  "));
  }
  const ms = sheet.merges.filter((g) => g.r0 >= r0 && g.r0 <= r1).map((g) => `${a1(g.r0, g.c0)}:${a1(g.r1, g.c1)}`);
  if (ms.length > 0) console.log("merges:", ms.join(" "));
}
void main();
