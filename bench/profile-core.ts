// Profiling aid (`node --cpu-prof dist/bench/profile-core.js`): checks a 10,000-program grid a few times.
import { generatePrograms, workbookGrid } from "./generate";
import { checkWorkbook } from "../src/core/check-workbook";

const opts = { programs: 10000, seed: 2021, formulas: "cached" as const };
const grid = workbookGrid(generatePrograms(opts), opts);
// `node dist/bench/profile-core.js 1` for one cold run, as the command line does.
const runs = Number(process.argv[2] ?? "3");
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const r = checkWorkbook(grid);
  console.log(`${r.tables.length} tables in ${(performance.now() - t0).toFixed(0)} ms`);
}
