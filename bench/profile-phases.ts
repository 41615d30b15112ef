// Profiling aid: time of each engine phase on a 10,000-program grid.
import { generatePrograms, workbookGrid } from "./generate";
import { makeSheetView } from "../src/core/cells/sheet-view";
import { findLayout } from "../src/core/layout/blocks";
import { readTableModel } from "../src/core/layout/table-model";
import { tableCandidates } from "../src/core/candidates/candidates";
import { findTables } from "../src/core/layout/detect-tables";
import { checkTable } from "../src/core/check-workbook";
import { checkHeadlines, tableFacts } from "../src/core/findings/headline-rules";

const opts = { programs: 10000, seed: 2021, formulas: "cached" as const };
const grid = workbookGrid(generatePrograms(opts), opts);
for (let run = 0; run < 3; run++) {
  const t: Record<string, number> = { view: 0, layout: 0, model: 0, candidates: 0, find: 0, rules: 0, headlines: 0 };
  for (const sheet of grid.sheets) {
    let t0 = performance.now();
    const view = makeSheetView(sheet);
    t.view += performance.now() - t0;
    t0 = performance.now();
    const layout = findLayout(view);
    t.layout += performance.now() - t0;
    t0 = performance.now();
    const models = layout.blocks.map((b) => readTableModel(view, b.range));
    t.model += performance.now() - t0;
    t0 = performance.now();
    for (const m of models) if (m) tableCandidates(view, m);
    t.candidates += performance.now() - t0;
    t0 = performance.now();
    const found = findTables(makeSheetView(sheet));
    t.find += performance.now() - t0;
    t0 = performance.now();
    const fs = found.tables.flatMap((x) => checkTable(view, x));
    t.rules += performance.now() - t0;
    t0 = performance.now();
    checkHeadlines({ sheet: sheet.name, lines: found.lines, tables: found.tables.map(tableFacts), planYear: 2021, blamed: fs });
    t.headlines += performance.now() - t0;
  }
  console.log(Object.entries(t).map(([k, v]) => `${k} ${v.toFixed(0)}`).join("  "));
}
