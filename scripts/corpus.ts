// `npm run corpus [folder …]`: the engine over real workbooks nobody on this project wrote (../shared/corpus, see its
// README), each error finding held against the ledger of errors checked by hand (test/corpus/ledger.json).
// Per folder: files, tables checked, regions not checked, findings by rule, and every error's status:
//   ✓ in the ledger (checked by hand: really wrong, with this expected value)
//   ≠ in the ledger, but the expected value differs from the one checked by hand
//   ? not in the ledger: either a real error to check by hand and add, or a misreading to fix
// and, at the end, the ledger's entries the engine no longer finds. Precision = ✓ / errors.
// `--json FILE` also writes every finding for study. Each file is also read by exceljs's Cell API and compared
// with the grid cell by cell (scripts/reader-oracle.ts): the differences are counted per folder and the first shown.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readWorkbookGrid } from "../src/cli/read-xlsx";
import { differences, gridSheets, viaCellApi } from "./reader-oracle";
import { FAULT_KINDS, plantFaults, rng, type PlantResult } from "./plant-book-faults";
import { checkWorkbook, type CheckResult } from "../src/core/check-workbook";

interface LedgerEntry {
  folder: string;
  file: string;
  sheet: string;
  cell: string;
  rule: string;
  expected?: number | string;
  actual?: number | string;
  /** One line: why this cell is really wrong, checked by hand. */
  reason: string;
}

const ROOT = path.resolve(__dirname, "../..");
const LEDGER = path.join(ROOT, "test/corpus/ledger.json");

function folders(args: string[]): string[] {
  if (args.length > 0) return args.map((a) => path.resolve(a));
  const base = path.resolve(ROOT, "../shared/corpus");
  const out: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    const entries = readdirSync(dir).sort();
    if (entries.some((e) => e.toLowerCase().endsWith(".xlsx"))) out.push(dir);
    for (const e of entries) {
      const p = path.join(dir, e);
      if (statSync(p).isDirectory() && e !== "labels") walk(p);
    }
  };
  walk(base);
  out.push(path.join(ROOT, "samples"));
  return out;
}

const folderName = (dir: string): string => {
  const rel = path.relative(path.resolve(ROOT, "../shared/corpus"), dir);
  return rel.startsWith("..") ? path.relative(ROOT, dir) : rel;
};

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const jsonAt = argv.indexOf("--json");
  const jsonOut = jsonAt >= 0 ? argv[jsonAt + 1] : undefined;
  const args = jsonAt < 0 ? argv : argv.filter((_, i) => i !== jsonAt && i !== jsonAt + 1);
  const ledger: LedgerEntry[] = existsSync(LEDGER) ? (JSON.parse(readFileSync(LEDGER, "utf8")) as LedgerEntry[]) : [];
  const byKey = new Map(ledger.map((e) => [`${e.folder}|${e.file}|${e.sheet}|${e.cell}|${e.rule}`, e]));
  const seen = new Set<string>();
  const dump: unknown[] = [];
  let allErrors = 0;
  let allConfirmed = 0;
  for (const dir of folders(args)) {
    const name = folderName(dir);
    const files = readdirSync(dir).filter((f) => f.toLowerCase().endsWith(".xlsx")).sort();
    let tables = 0;
    let notChecked = 0;
    let unreadable = 0;
    const byRule = new Map<string, number>();
    const lines: string[] = [];
    let errors = 0;
    let confirmed = 0;
    const started = Date.now();
    let readTime = 0;
    let sheetsAll = 0;
    let bookPages = 0;
    let bookRelations = 0;
    let bookMissing = 0;
    let programs = 0;
    const unconfirmedKinds = new Set<string>();
    const planted: PlantResult[] = [];
    const random = rng(2026);
    let cellsCompared = 0;
    const readerDiffs: string[] = [];
    for (const file of files) {
      let result: CheckResult;
      const bytes = readFileSync(path.join(dir, file));
      try {
        const t0 = Date.now();
        const grid = await readWorkbookGrid(bytes, file);
        readTime += Date.now() - t0;
        result = checkWorkbook(grid);
        sheetsAll += grid.sheets.length;
        if (result.book !== undefined) {
          bookPages += result.book.pages.length;
          bookRelations += result.book.relations;
          bookMissing += result.book.missingRows.length;
          programs += result.book.programs.length;
          for (const k of result.book.unconfirmed) unconfirmedKinds.add(k);
          // Faults planted one at a time in copies of the book, each to be found at its cell (issue 11).
          planted.push(...plantFaults(grid, random, 2).map((p) => ({ ...p, sheet: `${file} [${p.sheet}]` })));
        }
        const ours = gridSheets(grid);
        cellsCompared += ours.reduce((n, s) => n + Object.keys(s.cells).length, 0);
        for (const d of differences(ours, await viaCellApi(bytes))) readerDiffs.push(`${file} ${d}`);
      } catch (e) {
        unreadable++;
        lines.push(`  ! ${file}: ${(e as Error).message}`);
        continue;
      }
      tables += result.tables.length;
      notChecked += result.notChecked.length;
      dump.push({ folder: name, file, ...result });
      for (const f of result.findings) {
        const k = `${f.severity}:${f.rule}`;
        byRule.set(k, (byRule.get(k) ?? 0) + 1);
        if (f.severity !== "error") continue;
        errors++;
        const key = `${name}|${file}|${f.sheet}|${f.cell}|${f.rule}`;
        const entry = byKey.get(key);
        seen.add(key);
        const mark = entry === undefined ? "?" : entry.expected !== undefined && entry.expected !== f.expected ? "≠" : "✓";
        if (mark === "✓") confirmed++;
        const ev = f.expected === undefined ? "" : ` expected ${String(f.expected)}`;
        lines.push(`  ${mark} ${file} [${f.sheet}] ${f.cell} ${f.rule}: actual ${String(f.actual)}${ev}${entry !== undefined ? ` — ${entry.reason}` : ""}`);
      }
    }
    allErrors += errors;
    allConfirmed += confirmed;
    const rules = [...byRule].sort().map(([k, n]) => `${k} ${n}`).join(", ");
    console.log(`${name}: ${files.length} files${unreadable > 0 ? ` (${unreadable} unreadable)` : ""}, ${tables} tables checked, ${notChecked} regions not checked, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`  findings: ${rules === "" ? "none" : rules}`);
    if (bookPages > 0) {
      const unconf = unconfirmedKinds.size > 0 ? `; not confirmed in some books: ${[...unconfirmedKinds].sort().join(", ")}` : "";
      console.log(`  budget book: ${bookPages} of ${sheetsAll} sheets read as book pages, ${programs} 세부사업, ${bookRelations} relations checked, ${bookMissing} not checked over missing rows${unconf}`);
      const byKind = FAULT_KINDS.map((k) => {
        const xs = planted.filter((p) => p.kind === k);
        return `${k} ${xs.filter((p) => p.found).length}/${xs.length}`;
      });
      console.log(`  planted faults found at their cell (one per copy): ${byKind.join(", ")}`);
      for (const p of planted.filter((x) => !x.found)) console.log(`    missed ${p.kind} at ${p.sheet} ${p.cell}: ${p.got.length === 0 ? "nothing reported" : p.got.join("; ")}`);
    }
    console.log(`  reader: ${cellsCompared} cells read in ${(readTime / 1000).toFixed(1)} s; against exceljs's Cell API ${readerDiffs.length === 0 ? "all the same" : `${readerDiffs.length} differences`}`);
    for (const d of readerDiffs.slice(0, Number(process.env.YESAN_DIFFS ?? 10))) console.log(`    ≠ ${d}`);
    console.log(`  errors in the ledger: ${confirmed} of ${errors}${errors > 0 ? ` (${((100 * confirmed) / errors).toFixed(1)}%)` : ""}`);
    for (const l of lines) console.log(l);
  }
  const missed = ledger.filter((e) => !seen.has(`${e.folder}|${e.file}|${e.sheet}|${e.cell}|${e.rule}`) && folders(args).some((d) => folderName(d) === e.folder));
  if (missed.length > 0) {
    console.log(`ledger entries no longer found: ${missed.length}`);
    for (const e of missed) console.log(`  - ${e.folder} ${e.file} [${e.sheet}] ${e.cell} ${e.rule}: ${e.reason}`);
  }
  console.log(`all folders: ${allConfirmed} of ${allErrors} errors in the ledger${allErrors > 0 ? ` (${((100 * allConfirmed) / allErrors).toFixed(1)}%)` : ""}`);
  if (jsonOut !== undefined) writeFileSync(jsonOut, JSON.stringify(dump, null, 1));
}

void main();
