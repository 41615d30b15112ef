import { sheet } from "./core/helpers";
import { makeSheetView } from "../src/core/cells/sheet-view";
import { findTables } from "../src/core/layout/detect-tables";
import { decideLocally } from "../src/core/evidence/decide";
import { Pool } from "../src/core/evidence/pool";
import { tableValues } from "../src/core/evidence/values";
import { evaluate, instancesOf, totalCells } from "../src/core/evidence/instances";
import type { Scalar } from "../src/core/cells/grid";
export function explain(rows: Scalar[][], merges: string[] = []) {
  const v = makeSheetView(sheet(rows, merges));
  for (const t of findTables(v).tables) {
    console.log(JSON.stringify({ range: t.range, hr: t.model.headerRows, rows: t.model.rows.map((r) => [r.r, r.role, r.additive]), cols: t.model.cols.map((c) => [c.c, c.label, c.role, c.additive]) }));
    const values = tableValues(t.model, t.unit);
    for (const line of t.lines) {
      const d = decideLocally(v, t.model, values, line, new Pool());
      const inst = instancesOf(t.model, line); const tc = totalCells(v, t.model, line, inst);
      console.log(line.axis, line.total, d === undefined ? "none" : d === "zeros" ? "zeros" : "chosen" in d ? `${d.via} ${d.chosen.candidate.how} ${JSON.stringify(d.chosen.candidate.parts.map((p) => p.at))} amb=${[...d.ambiguous].join("")}` : "pending",
        line.candidates.map((c) => { const e = evaluate(values, line, c, inst, tc); return `${c.how}${JSON.stringify(c.parts.map((p) => p.at))} h${e.holds} f${e.fails} s${[...e.states].join("")}`; }).join(" | "));
    }
  }
}
test.skip("x", () => {
  explain([
    ["Region", "2002", null, "2003", null, "Total", null],
    [null, "Amount", "%", "Amount", "%", "Amount", "%"],
    ["North", 120, 40, 150, 50, 280, 45],
    ["South", 180, 60, 150, 50, 330, 55],
    ["Total", 300, 100, 300, 100, 600, 100],
  ], ["B1:C1", "D1:E1", "F1:G1", "A1:A2"]);
});
