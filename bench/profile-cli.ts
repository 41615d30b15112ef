// Profiling aid: the phases of `yesan check` in a fresh process (cold JIT), on one file.
import { readWorkbookGrid } from "../src/cli/read-xlsx";
import { checkWorkbook } from "../src/core/check-workbook";
import { formatText } from "../src/cli/format";

async function run(file: string): Promise<void> {
  let t0 = performance.now();
  const grid = await readWorkbookGrid(file, file);
  const read = performance.now() - t0;
  t0 = performance.now();
  const result = checkWorkbook(grid);
  const check = performance.now() - t0;
  t0 = performance.now();
  formatText([{ file, result }], "ko");
  const format = performance.now() - t0;
  console.log(`read ${read.toFixed(0)}  check ${check.toFixed(0)}  format ${format.toFixed(0)} ms`);
}

void run(process.argv[2] ?? "dept.xlsx");
