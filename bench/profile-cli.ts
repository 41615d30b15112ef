// Profiling aid: the phases of `yesan check` in a fresh process (cold JIT), on one file.
import ExcelJS from "exceljs";
import { worksheetToGrid } from "../src/cli/read-xlsx";
import { checkWorkbook } from "../src/core/check-workbook";
import { formatText } from "../src/cli/format";

async function run(file: string): Promise<void> {
  let t0 = performance.now();
  let wb: ExcelJS.Workbook | undefined = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const load = performance.now() - t0;
  t0 = performance.now();
  const grid = { sheets: wb.worksheets.map(worksheetToGrid) };
  wb = undefined; // as in readWorkbookGrid: exceljs's model is garbage once converted
  const convert = performance.now() - t0;
  t0 = performance.now();
  const result = checkWorkbook(grid);
  const check = performance.now() - t0;
  t0 = performance.now();
  formatText([{ file, result }], "ko");
  const format = performance.now() - t0;
  console.log(`load ${load.toFixed(0)}  convert ${convert.toFixed(0)}  check ${check.toFixed(0)}  format ${format.toFixed(0)} ms`);
}

void run(process.argv[2] ?? "dept.xlsx");
