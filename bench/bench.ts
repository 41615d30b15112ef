// `npm run bench`: speed and memory of the engine and of `yesan check`, on generated department workbooks.
// Prints the figures as a Markdown table for BENCHMARKS.md. Timing lives here, never in tests.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generatePrograms, workbookGrid, writeProgramsFile, type GenerateOptions } from "./generate";
import { checkWorkbook } from "../src/core/check-workbook";
import { adapterCheck, firstRenderMs, pageBundleBytes, previewCheck } from "./bench-addin";
import { readWorkbookGrid } from "../src/cli/read-xlsx";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { buildBook, largeDepartment } from "./budget-book";
import type { SheetGrid } from "../src/core/cells/grid";

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

async function coreBench(programs: number): Promise<{ tables: number; ms: number; firstMs: number; heapMB: number; errors: number }> {
  const opts: GenerateOptions = { programs, seed: 2021, formulas: "cached" };
  const grid = workbookGrid(generatePrograms(opts), opts);
  const runs: number[] = [];
  let firstMs = 0;
  let heapMB = 0;
  let tables = 0;
  let errors = 0;
  for (let i = 0; i < 5; i++) {
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const { ms, value } = await timed(() => checkWorkbook(grid));
    // Heap held by the check's own work and result (the grid itself is excluded).
    heapMB = Math.max(heapMB, (process.memoryUsage().heapUsed - before) / MB);
    if (i === 0) firstMs = ms;
    runs.push(ms);
    tables = value.tables.length;
    errors = value.findings.filter((f) => f.severity === "error").length;
  }
  return { tables, ms: median(runs), firstMs, heapMB, errors };
}

/** Wall time of a command in a fresh Node process (so JIT warm-up and start-up count, as for a user). */
function timeProcess(args: string[], okCodes: number[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"] });
  if (!okCodes.includes(r.status ?? -1)) throw new Error(`${args.join(" ")} exited ${String(r.status)}`);
  return performance.now() - t0;
}

async function cliBench(programs: number, dir: string): Promise<{ file: string; bytes: number; loadMs: number; checkMs: number; errors: number }> {
  const file = path.join(dir, `dept-${programs}.xlsx`);
  const info = await writeProgramsFile(file, { programs, seed: 2021, formulas: "cached" });
  const loadOnly = path.join(dir, "load-only.js");
  // The project's own exceljs, by path (webpack turns any require or resolve of "exceljs" here into a module id).
  const exceljs = JSON.stringify(path.resolve(__dirname, "../../node_modules/exceljs"));
  writeFileSync(loadOnly, `new (require(${exceljs}).Workbook)().xlsx.readFile(process.argv[2]).catch((e) => { console.error(e); process.exit(3); });`);
  const yesan = path.resolve(__dirname, "../../bin/yesan.js");
  const loads: number[] = [];
  const checks: number[] = [];
  // Side by side, alternating, each in a fresh process: exceljs loading the file vs the whole `yesan check`.
  for (let i = 0; i < 5; i++) {
    loads.push(timeProcess([loadOnly, file], [0]));
    checks.push(timeProcess([yesan, "check", file], [0])); // the generated workbook is consistent: exit 0
  }
  const result = checkWorkbook(await readWorkbookGrid(file, file));
  const errors = result.findings.filter((f) => f.severity === "error").length;
  return { file, bytes: info.bytes, loadMs: median(loads), checkMs: median(checks), errors };
}

/** Writes page sheets (values only, as e호조 exports them) to an .xlsx file. */
async function writePages(file: string, sheets: SheetGrid[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const names = new Set<string>();
  for (const s of sheets) {
    let name = s.name;
    for (let k = 2; names.has(name); k++) name = `${s.name} (${k})`;
    names.add(name);
    const ws = wb.addWorksheet(name);
    s.cells.forEach((row, r) => row?.forEach((c, col) => {
      if (c !== undefined && c.v !== null && c.v !== undefined) ws.getCell(r + 1, col + 1).value = c.v;
    }));
  }
  await wb.xlsx.writeFile(file);
}

/** `yesan check` on a budget book in a fresh process (median of 3): its pages, 세부사업 and errors. */
async function bookBench(file: string): Promise<{ pages: number; programs: number; ms: number; errors: number }> {
  const yesan = path.resolve(__dirname, "../../bin/yesan.js");
  const runs = [0, 1, 2].map(() => timeProcess([yesan, "check", file], [0, 1]));
  const result = checkWorkbook(await readWorkbookGrid(file, file));
  return { pages: result.book?.pages.length ?? 0, programs: result.book?.programs.length ?? 0, ms: median(runs), errors: result.findings.filter((f) => f.severity === "error").length };
}

/** Budget books: generated ones of a department's and a whole 군's size; the corpus books when they are beside us. */
async function bookBenches(dir: string): Promise<{ label: string; pages: number; programs: number; ms: number; errors: number; generated: boolean }[]> {
  const out: { label: string; pages: number; programs: number; ms: number; errors: number; generated: boolean }[] = [];
  for (const [label, programs] of [["a department of 114 세부사업", 114], ["a whole 군's book, 900 세부사업", 900]] as const) {
    const file = path.join(dir, `book-${programs}.xlsx`);
    await writePages(file, buildBook(largeDepartment(programs), { rowsPerPage: 42 }).sheets);
    out.push({ label: `generated ${label}`, generated: true, ...(await bookBench(file)) });
  }
  const corpus = path.resolve(__dirname, "../../../shared/corpus/hongseong-2026/as-exported");
  if (existsSync(corpus)) {
    const files = readdirSync(corpus).filter((f) => f.endsWith(".xlsx")).sort();
    const health = files.find((f) => f.includes("보건소"));
    if (health !== undefined) out.push({ label: `corpus: ${health}`, generated: false, ...(await bookBench(path.join(corpus, health))) });
    // All 34 departments as one book, their pages in the printed order.
    const sheets: SheetGrid[] = [];
    for (const f of files) sheets.push(...(await readWorkbookGrid(path.join(corpus, f), f)).sheets);
    sheets.sort((a, b) => Number(a.name.slice(1)) - Number(b.name.slice(1)));
    const all = path.join(dir, "hongseong-all.xlsx");
    await writePages(all, sheets);
    out.push({ label: "corpus: the 34 departments of 홍성군 as one book", generated: false, ...(await bookBench(all)) });
  }
  return out;
}

async function mainBench(): Promise<void> {
  if (gc === undefined) console.warn("(run with node --expose-gc for steadier memory figures)");
  const dir = mkdtempSync(path.join(tmpdir(), "yesan-bench-"));
  const cold = await coreBench(10000); // the first check in this process: JIT still cold, as in one CLI run
  const c1 = await coreBench(1000);
  const c10 = await coreBench(10000);
  const f10 = await cliBench(10000, dir);
  const pane = pageBundleBytes("taskpane.html");
  const render = await firstRenderMs();
  const viaAdapter = await adapterCheck(10000);
  const inPreview = await previewCheck(f10.file);
  const books = await bookBenches(dir);
  const rssMB = process.memoryUsage().rss / MB;
  const rows = [
    ["core: check 10,000 programs, first run in a fresh process", `${cold.tables} tables`, `${cold.firstMs.toFixed(0)} ms`, ""],
    ["core: check 1,000 programs (grid in memory)", `${c1.tables} tables`, `${c1.ms.toFixed(0)} ms`, `${c1.heapMB.toFixed(0)} MB heap`],
    ["core: check 10,000 programs (grid in memory)", `${c10.tables} tables`, `${c10.ms.toFixed(0)} ms`, `${c10.heapMB.toFixed(0)} MB heap`],
    ["core: cost per table, 1,000 → 10,000", "", `${((c1.ms / c1.tables) * 1000).toFixed(1)} µs → ${((c10.ms / c10.tables) * 1000).toFixed(1)} µs`, ""],
    [`exceljs alone: load the 10,000-program file (${(f10.bytes / MB).toFixed(1)} MB), fresh process`, "", `${f10.loadMs.toFixed(0)} ms`, ""],
    ["`yesan check` on that file, fresh process", "", `${f10.checkMs.toFixed(0)} ms`, `ratio ${(f10.checkMs / f10.loadMs).toFixed(2)}×`],
    [`add-in: task pane bundle (${pane.files.length} scripts, Office.js excluded)`, `${(pane.raw / 1024).toFixed(0)} KB`, "", `${(pane.gzip / 1024).toFixed(0)} KB gzipped`],
    ["add-in: first render of the pane (preview page, headless Chromium)", "", `${render.toFixed(0)} ms`, ""],
    ["add-in: 10,000 programs read through the adapter (in-memory Excel, in Node) and checked", `${viaAdapter.tables} tables`, `${viaAdapter.ms.toFixed(0)} ms`, `${viaAdapter.syncs} context.sync() calls`],
    ["add-in: the same file opened in the preview (Chromium), checked from the pane", `${inPreview.tables} tables`, `${inPreview.ms.toFixed(0)} ms (click to result ${inPreview.wallMs.toFixed(0)} ms)`, `${inPreview.syncs} context.sync() calls`],
    ...books.map((b) => [`budget book, \`yesan check\` in a fresh process: ${b.label}`, `${b.pages} pages, ${b.programs} 세부사업`, `${b.ms.toFixed(0)} ms`, b.generated ? "" : `${b.errors} errors`]),
    ["this benchmark process, RSS at the end", "", "", `${rssMB.toFixed(0)} MB`],
  ];
  console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; medians of 5 runs (core in this process, files in fresh processes)\n`);
  console.log("| measure | size | time | memory / ratio |\n|---|---|---|---|");
  for (const r of rows) console.log(`| ${r.join(" | ")} |`);
  const wrong = cold.errors + c1.errors + c10.errors + f10.errors + viaAdapter.errors + books.filter((b) => b.generated).reduce((n, b) => n + b.errors, 0);
  if (wrong > 0) {
    console.error(`\nThe generated workbooks are consistent, yet ${wrong} errors were reported: the engine is wrong.`);
    process.exitCode = 1;
  }
}

mainBench().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
