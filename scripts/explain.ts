// Developer tool: how the engine reads each table of a sheet: its total lines, the readings proposed for each, the
// evidence for them, and which one it chose (or why none).
// node dist/scripts/explain.js FILE.xlsx SHEET [A1-range-filter] [--all]
import { readWorkbookGrid } from "../src/cli/read-xlsx";
import { a1, rangeA1, parseA1 } from "../src/core/cells/grid";
import { makeSheetView } from "../src/core/cells/sheet-view";
import { findTables } from "../src/core/layout/detect-tables";
import { decideLocally } from "../src/core/evidence/decide";
import { Pool } from "../src/core/evidence/pool";
import { tableValues } from "../src/core/evidence/values";
import { evaluate, instancesOf, totalCells } from "../src/core/evidence/instances";
import { checkWorkbook } from "../src/core/check-workbook";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const all = args.includes("--all");
  const [file, sheetName, at] = args.filter((a) => a !== "--all");
  const wb = await readWorkbookGrid(file);
  const sheet = wb.sheets.find((s) => s.name === sheetName) ?? wb.sheets[Number(sheetName)];
  const view = makeSheetView(sheet);
  const near = at === undefined ? undefined : parseA1(at.split(":")[0]);
  const { tables } = findTables(view);
  const pool = new Pool();
  for (const t of tables) {
    if (near !== undefined && !(near.r >= t.range.r0 - 2 && near.r <= t.range.r1 + 2)) continue;
    console.log(`== ${rangeA1(t.range)} ${t.kind} unit=${t.unit ?? "-"} header rows ${t.model.headerRows.map((r) => r + 1).join(",")} label cols ${t.model.labelCols.length}`);
    console.log(`   rows: ${t.model.rows.map((r) => `${r.r + 1}${r.role !== "item" ? `(${r.role})` : ""}${r.additive ? "" : "(na)"}`).join(" ")}`);
    console.log(`   cols: ${t.model.cols.map((c) => `${a1(0, c.c).replace(/\d+/, "")}[${c.label}]${c.role !== "item" ? `(${c.role})` : ""}${c.additive ? "" : "(na)"}`).join(" ")}`);
    const values = tableValues(t.model, t.unit);
    for (const line of t.lines) {
      const d = decideLocally(view, t.model, values, line, pool);
      const where = line.axis === "across" ? `col ${a1(0, line.total).replace(/\d+/, "")}` : `row ${line.total + 1}`;
      const verdict = d === undefined ? "nothing" : d === "zeros" ? "zeros" : "chosen" in d ? `${d.via}: ${d.chosen.candidate.how} [${d.chosen.candidate.parts.map((p) => (line.axis === "across" ? a1(0, p.at).replace(/\d+/, "") : String(p.at + 1))).join(",")}]` : "pending";
      console.log(`   ${line.axis} ${where}: ${verdict}`);
      if (!all && d !== undefined && d !== "zeros" && "chosen" in d) continue;
      const instances = instancesOf(t.model, line);
      const totals = totalCells(view, t.model, line, instances);
      for (const c of line.candidates) {
        const e = evaluate(values, line, c, instances, totals);
        console.log(`      ${c.how}${c.declared ? "*" : ""} [${c.parts.map((p) => (line.axis === "across" ? a1(0, p.at).replace(/\d+/, "") : String(p.at + 1))).join(",")}] holds ${e.holds} near ${e.near} fails ${e.fails} strong ${e.strong}  ${c.signature}`);
      }
    }
  }
  const res = checkWorkbook({ sheets: [sheet] });
  for (const f of res.findings) if (f.severity === "error") console.log(`finding ${f.cell} ${f.rule} ${String(f.actual)} → ${String(f.expected)}`);
  for (const n of res.notChecked) console.log(`not checked ${n.range} ${n.reason}`);
}
void main();
