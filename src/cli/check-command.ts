// `yesan check <file.xlsx|folder>... [--format text|json] [--lang ko|en]`
import { promises as fs } from "node:fs";
import path from "node:path";
import { checkWorkbook } from "../core/check-workbook";
import type { Lang } from "../core/findings/findings";
import { readWorkbookGrid, XlsxReadError } from "./read-xlsx";
import { formatJson, formatText, type FileReport } from "./format";
import { CLI_TEXT } from "./cli-messages";
import type { Io } from "./io";
import { parseCommandLine } from "./options";

/** `argv` starts with "check"; resolves to the exit code (0 clean, 1 errors found, 2 an input could not be read). */
export async function checkCommand(argv: string[], io: Io): Promise<number> {
  const line = parseCommandLine(argv, io, "check", {}, { ko: CLI_TEXT.ko.usage, en: CLI_TEXT.en.usage });
  if (typeof line === "number") return line;
  const { lang, format, positionals } = line;
  const [command, ...inputs] = positionals;
  if (command !== "check" || inputs.length === 0) {
    io.err(`${CLI_TEXT[lang].usage}\n`);
    return 2;
  }
  const reports: FileReport[] = [];
  for (const input of inputs) reports.push(...(await checkInput(input, lang)));
  io.out(format === "json" ? formatJson(reports, lang) : formatText(reports, lang));
  for (const r of reports) if ("error" in r) io.err(`${r.file}: ${r.error}\n`);
  if (reports.some((r) => "error" in r)) return 2;
  return reports.some((r) => "result" in r && r.result.findings.some((f) => f.severity === "error")) ? 1 : 0;
}

async function checkInput(input: string, lang: Lang): Promise<FileReport[]> {
  const t = CLI_TEXT[lang];
  let stat;
  try {
    stat = await fs.stat(input);
  } catch {
    return [{ file: input, error: t.notFound }];
  }
  if (!stat.isDirectory()) return [stat.isFile() ? await checkFile(input, lang) : { file: input, error: t.notRegular }];
  const { files, unreadable } = await listXlsx(input);
  const out: FileReport[] = unreadable.map((u) => ({ file: u.dir, error: t.folderUnreadable(u.code) }));
  if (files.length === 0 && unreadable.length === 0) return [{ file: input, error: t.noXlsx }];
  for (const f of files) out.push(await checkFile(f, lang));
  return out;
}

async function isRegularFile(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isFile();
  } catch {
    return false;
  }
}

type ReadDir = (dir: string) => Promise<import("node:fs").Dirent[]>;
const readDir: ReadDir = (dir) => fs.readdir(dir, { withFileTypes: true });

/**
 * The regular .xlsx files under a folder, and the subfolders that could not be listed (each named with its error
 * code; the rest are still listed). Only regular files: a FIFO or a device named .xlsx is never read.
 */
export async function listXlsx(dir: string, read: ReadDir = readDir): Promise<{ files: string[]; unreadable: { dir: string; code: string }[] }> {
  const files: string[] = [];
  const unreadable: { dir: string; code: string }[] = [];
  const walk = async (d: string): Promise<void> => {
    let entries;
    try {
      entries = await read(d);
    } catch (cause) {
      const code = typeof cause === "object" && cause !== null && "code" in cause ? ` (${String(cause.code)})` : "";
      unreadable.push({ dir: d, code });
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      // "~$name.xlsx" is Excel's lock file for an open workbook, not a workbook.
      const wanted = /\.xlsx$/i.test(e.name) && !e.name.startsWith("~$");
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && wanted) files.push(p);
      // A link to a workbook is followed (a link to a folder is not, so a loop of links cannot trap the walk); a
      // broken link is passed over as any other non-file.
      else if (e.isSymbolicLink() && wanted && (await isRegularFile(p))) files.push(p);
    }
  };
  await walk(dir);
  return { files: files.sort(), unreadable };
}

async function checkFile(file: string, lang: Lang): Promise<FileReport> {
  try {
    const grid = await readWorkbookGrid(file, file);
    return { file, result: checkWorkbook(grid) };
  } catch (e) {
    if (e instanceof XlsxReadError) return { file, error: e.reason[lang] };
    // An engine failure on one file must not hide the others' results; it is reported, never swallowed.
    return { file, error: `${CLI_TEXT[lang].internal}: ${(e as Error).stack ?? String(e)}` };
  }
}
