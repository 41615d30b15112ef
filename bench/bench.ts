// `npm run bench`: speed and memory of the engine and of `yesan check`, on generated department workbooks.
// Prints the figures as a Markdown table for BENCHMARKS.md. Timing lives here, never in tests.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { generatePrograms, workbookGrid, writeProgramsFile, type GenerateOptions } from "./generate";
import { checkWorkbook } from "../src/core/check-workbook";
import { readWorkbookGrid } from "../src/cli/read-xlsx";
import { formatText } from "../src/cli/format";

const gc = (globalThis as { gc?: () => void }).gc;
const MB = 1024 * 1024;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timed<T>(f: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await f();
  return { ms: performance.now() - t0, value };
}

async function coreBench(programs: number): Promise<{ tables: number; ms: number; heapMB: number; errors: number }> {
  const opts: GenerateOptions = { programs, seed: 2021, formulas: "cached" };
  const grid = workbookGrid(generatePrograms(opts), opts);
  const runs: number[] = [];
  let heapMB = 0;
  let tables = 0;
  let errors = 0;
  for (let i = 0; i < 5; i++) {
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const { ms, value } = await timed(() => checkWorkbook(grid));
    // Heap held by the check's own work and result (the grid itself is excluded).
    heapMB = Math.max(heapMB, (process.memoryUsage().heapUsed - before) / MB);
    runs.push(ms);
    tables = value.tables.length;
    errors = value.findings.filter((f) => f.severity === "error").length;
  }
  return { tables, ms: median(runs), heapMB, errors };
}

async function cliBench(programs: number, dir: string): Promise<{ file: string; bytes: number; loadMs: number; checkMs: number; errors: number }> {
  const file = path.join(dir, `dept-${programs}.xlsx`);
  const info = await writeProgramsFile(file, { programs, seed: 2021, formulas: "cached" });
  const loads: number[] = [];
  const checks: number[] = [];
  let errors = 0;
  // Side by side, alternating, so both see the same machine state.
  for (let i = 0; i < 3; i++) {
    gc?.();
    loads.push((await timed(() => new ExcelJS.Workbook().xlsx.readFile(file))).ms);
    gc?.();
    const { ms, value } = await timed(async () => {
      const result = checkWorkbook(await readWorkbookGrid(file, file));
      formatText([{ file, result }], "ko");
      return result;
    });
    checks.push(ms);
    errors = value.findings.filter((f) => f.severity === "error").length;
  }
  return { file, bytes: info.bytes, loadMs: median(loads), checkMs: median(checks), errors };
}

async function mainBench(): Promise<void> {
  if (gc === undefined) console.warn("(run with node --expose-gc for steadier memory figures)");
  const dir = mkdtempSync(path.join(tmpdir(), "yesan-bench-"));
  const c1 = await coreBench(1000);
  const c10 = await coreBench(10000);
  const f10 = await cliBench(10000, dir);
  const rssMB = process.memoryUsage().rss / MB;
  const rows = [
    ["core: check 1,000 programs (grid in memory)", `${c1.tables} tables`, `${c1.ms.toFixed(0)} ms`, `${c1.heapMB.toFixed(0)} MB heap`],
    ["core: check 10,000 programs (grid in memory)", `${c10.tables} tables`, `${c10.ms.toFixed(0)} ms`, `${c10.heapMB.toFixed(0)} MB heap`],
    ["core: cost per table, 1,000 → 10,000", "", `${((c1.ms / c1.tables) * 1000).toFixed(1)} µs → ${((c10.ms / c10.tables) * 1000).toFixed(1)} µs`, ""],
    [`exceljs alone: load the 10,000-program file (${(f10.bytes / MB).toFixed(1)} MB)`, "", `${f10.loadMs.toFixed(0)} ms`, ""],
    ["yesan check on that file (read + check + text report)", "", `${f10.checkMs.toFixed(0)} ms`, `ratio ${(f10.checkMs / f10.loadMs).toFixed(2)}×`],
    ["process peak RSS at the end", "", "", `${rssMB.toFixed(0)} MB`],
  ];
  console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; medians of 5 (core) and 3 (file) runs\n`);
  console.log("| measure | size | time | memory / ratio |\n|---|---|---|---|");
  for (const r of rows) console.log(`| ${r.join(" | ")} |`);
  const wrong = c1.errors + c10.errors + f10.errors;
  if (wrong > 0) {
    console.error(`\nThe generated workbooks are consistent, yet ${wrong} errors were reported: the engine is wrong.`);
    process.exitCode = 1;
  }
}

mainBench().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
