// Profiling aid: time of each engine phase on a 10,000-program grid (`node dist/bench/profile-phases.js`).
import { generatePrograms, workbookGrid } from "./generate";
import { makeSheetView } from "../src/core/cells/sheet-view";
import { findLayout } from "../src/core/layout/blocks";
import { readTableModel } from "../src/core/layout/table-model";
import { tableCandidates } from "../src/core/candidates/candidates";
import { decideLocally } from "../src/core/evidence/decide";
import { Pool } from "../src/core/evidence/pool";
import { tableValues } from "../src/core/evidence/values";
import { cellFindings } from "../src/core/findings/cell-rules";
import { findTables } from "../src/core/layout/detect-tables";
import { checkWorkbook } from "../src/core/check-workbook";

const opts = { programs: 10000, seed: 2021, formulas: "cached" as const };
const grid = workbookGrid(generatePrograms(opts), opts);
for (let run = 0; run < 3; run++) {
  const t: Record<string, number> = { view: 0, layout: 0, model: 0, candidates: 0, values: 0, decide: 0, cells: 0, detect: 0, whole: 0 };
  for (const sheet of grid.sheets) {
    let t0 = performance.now();
    const view = makeSheetView(sheet);
    t.view += performance.now() - t0;
    t0 = performance.now();
    const layout = findLayout(view);
    t.layout += performance.now() - t0;
    for (const b of layout.blocks) {
      t0 = performance.now();
      const m = readTableModel(view, b.range);
      t.model += performance.now() - t0;
      if (m === undefined) continue;
      t0 = performance.now();
      const lines = tableCandidates(view, m);
      t.candidates += performance.now() - t0;
      t0 = performance.now();
      const values = tableValues(m, undefined);
      t.values += performance.now() - t0;
      t0 = performance.now();
      for (const l of lines) decideLocally(view, m, values, l, new Pool());
      t.decide += performance.now() - t0;
    }
    t0 = performance.now();
    const found = findTables(makeSheetView(sheet));
    t.detect += performance.now() - t0;
    t0 = performance.now();
    for (const x of found.tables) cellFindings(view, x);
    t.cells += performance.now() - t0;
  }
  const t0 = performance.now();
  checkWorkbook(grid);
  t.whole = performance.now() - t0;
  console.log(Object.entries(t).map(([k, v]) => `${k} ${v.toFixed(0)}`).join("  "));
}
