// Writes a SheetPlan through Office.js in one Excel.run with two syncs, whatever the plan's size:
//  1. a read: the sheet names, the target sheet (its protection, its occupied cells under the plan, its charts
//     when it is to be replaced), the workbook's defined names and the setting to update;
//  2. every write: cells as one range per run of adjacent cells in a row, formats, merges, widths, validations,
//     names, charts, the selection, and the setting that records the write when one is asked for.
// A refusal (occupied cells, a protected or missing sheet) is decided after the read, before anything is queued,
// so nothing at all changes. Text cells get the "@" format before their value, so "=cmd", "+1" or "-" stay text.
import { a1, rangeA1, type Range } from "../core/cells/grid";
import { planBounds, type PlanCell, type SheetPlan, type Text } from "../core/cells/sheet-plan";
import { PLAN_ERRORS } from "./excel-messages";
import { ExcelPortError, type PlanTarget, type PlanWritten } from "./port";
import { runExcel, type ExcelApi } from "./run";
import { settingText } from "./settings";

const MAX_SHEET_NAME = 31;
// Excel refuses "History" as a sheet name (it is kept for the change history).
const RESERVED_SHEET_NAMES = new Set(["history"]);
// Excel's limits for validation texts (its dialog, and ECMA-376: titles 32, error message 225, prompt 255).
const MAX_TITLE = 32;
const MAX_ERROR_MESSAGE = 225;
const MAX_PROMPT_MESSAGE = 255;
// A validation without a bound still needs both: ±10^15 is beyond any budget amount (in 원 too) and exact in
// Excel's 15 digits. The same as the command line's writer (src/cli/write-plan-xlsx.ts).
const UNBOUNDED = 1e15;
/** How many occupied cells (or runs of them) the refusal names before "and N more". */
const NAMED_IN_REFUSAL = 8;

export async function writePlan(excel: ExcelApi, plan: SheetPlan, target: PlanTarget): Promise<PlanWritten> {
  const bounds = planBounds(plan);
  const topLeft = bounds ?? { r0: 0, c0: 0, r1: 0, c1: 0 };
  return runExcel(excel, { delayForCellEdit: true }, async (b) => {
    const wb = b.context.workbook;
    const sheets = wb.worksheets;
    // 1. What the plan depends on, in one sync.
    sheets.load("items/name");
    const wanted = target.mode === "existing-sheet" ? plan.sheet : cleanSheetName(plan.sheet);
    const existing = target.mode === "new-sheet" ? undefined : sheets.getItemOrNullObject(wanted);
    existing?.load("name");
    existing?.protection.load("protected");
    if (target.mode === "replace-sheet") existing?.charts.load("items/name");
    // The cells under the plan: what they hold (refusals), and their formats now: a number the plan gives no format
    // keeps the officer's ("#,##0", red negatives), unless it is text ("@"), under which Excel would store it as text.
    const formatsNow = target.mode === "existing-sheet" && bounds !== undefined ? existing?.getRange(rangeA1(bounds)) : undefined;
    formatsNow?.load("numberFormat");
    const used = formatsNow?.getUsedRangeOrNullObject(true);
    used?.load(["rowIndex", "columnIndex", "formulas"]);
    if (plan.names.length > 0) wb.names.load("items/name,items/formula");
    const setting = target.setting === undefined ? undefined : wb.settings.getItemOrNullObject(target.setting.key);
    setting?.load("value");
    await b.sync();

    // 2. Decide: the sheet, refusals, the names. Nothing is queued before this point is passed.
    const found = existing !== undefined && !existing.isNullObject ? existing : undefined;
    if (target.mode === "existing-sheet" && found === undefined) throw planError("not-found", (t) => t.missing(plan.sheet));
    if (found !== undefined && found.protection.protected) throw planError("protected", (t) => t.protectedSheet(found.name));
    if (found !== undefined && used !== undefined && !used.isNullObject && target.overwrite !== true) {
      const occupied = occupiedUnderPlan(plan, used.rowIndex, used.columnIndex, used.formulas as unknown[][]);
      if (occupied.length > 0) throw occupiedError(found.name, occupied);
    }
    const sheetName = found?.name ?? freeSheetName(wanted, new Set(sheets.items.map((s) => s.name.toLowerCase())));
    const names = chooseNames(plan, target.mode === "replace-sheet" ? sheetName : undefined, plan.names.length > 0 ? wb.names.items : []);

    // 3. Every write, in one sync.
    const ws = found ?? sheets.add(sheetName);
    if (target.mode === "replace-sheet" && found !== undefined) {
      for (const c of found.charts.items) c.delete();
      const all = ws.getRange();
      all.unmerge();
      all.clear(excel.ClearApplyTo.all);
      all.dataValidation.clear();
      all.format.useStandardWidth = true;
    }
    const formatAt =
      formatsNow === undefined || bounds === undefined
        ? undefined
        : (r: number, c: number): unknown => (formatsNow.numberFormat as unknown[][])[r - bounds.r0]?.[c - bounds.c0];
    writeCells(ws, plan.cells, names.renamed, formatAt);
    for (const m of plan.merges) ws.getRange(rangeA1(m)).merge(false);
    for (const w of plan.columnWidths ?? []) ws.getRangeByIndexes(0, w.c, 1, 1).format.columnWidth = widthToPoints(w.width);
    for (const v of plan.validations) {
      const dv = ws.getRange(rangeA1(v.range)).dataValidation;
      dv.clear(); // a rule replaces whatever validation the cells had
      dv.rule = validationRule(v.rule);
      dv.errorAlert = { showAlert: true, style: "Stop", title: bilingual(v.title, MAX_TITLE), message: bilingual(v.message, MAX_ERROR_MESSAGE) };
      dv.prompt = { showPrompt: true, title: bilingual(v.title, MAX_TITLE), message: bilingual(v.message, MAX_PROMPT_MESSAGE) };
    }
    for (const item of names.replaced) item.delete();
    plan.names.forEach((n, i) => {
      const range = ws.getRange(rangeA1(n.range));
      if (n.comment === undefined) wb.names.add(names.used[i], range);
      else wb.names.add(names.used[i], range, n.comment);
    });
    for (const ch of plan.charts ?? []) {
      const chart = ws.charts.add(excel.ChartType[ch.kind], ws.getRange(rangeA1(ch.data)), excel.ChartSeriesBy[ch.seriesBy]);
      chart.title.text = bilingual(ch.title, 255);
      chart.setPosition(a1(ch.at.r, ch.at.c));
    }
    if (target.setting !== undefined && setting !== undefined) {
      wb.settings.add(target.setting.key, target.setting.update(setting.isNullObject ? undefined : settingText(setting.value), sheetName));
    }
    if (target.activate === true) {
      ws.activate();
      ws.getRange(a1(topLeft.r0, topLeft.c0)).select();
    }
    await b.sync();
    return { sheet: sheetName, range: rangeA1(topLeft), names: names.used };
  });
}

function planError(code: "not-found" | "protected", text: (t: (typeof PLAN_ERRORS)["ko"]) => string): ExcelPortError {
  return new ExcelPortError(code, { ko: text(PLAN_ERRORS.ko), en: text(PLAN_ERRORS.en) });
}

/**
 * The cells the plan would overwrite that hold something now: every cell it gives a value, formula or number
 * format, and every cell of its merges (merging empties all but the top-left cell). Labels between the plan's
 * cells (a fill plan inside a user's table) are not among them: the plan never touches those.
 */
function occupiedUnderPlan(plan: SheetPlan, row0: number, col0: number, formulas: unknown[][]): { r: number; c: number }[] {
  const touched = new Set<string>();
  for (const x of plan.cells) if (x.value !== undefined || x.formula !== undefined || x.numberFormat !== undefined) touched.add(`${x.r},${x.c}`);
  for (const m of plan.merges) for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) touched.add(`${r},${c}`);
  const out: { r: number; c: number }[] = [];
  formulas.forEach((row, i) =>
    row.forEach((v, j) => {
      // Blank is what the officer sees as blank: a cell of spaces is empty here as in the fill's preview.
      const blank = v === null || v === undefined || (typeof v === "string" && v.trim() === "");
      if (!blank && touched.has(`${row0 + i},${col0 + j}`)) out.push({ r: row0 + i, c: col0 + j });
    }),
  );
  return out;
}

/** "B3:D3, F7": the occupied cells as runs within rows, the first few named, the rest counted. */
function occupiedError(sheet: string, cells: { r: number; c: number }[]): ExcelPortError {
  const runs: Range[] = [];
  for (const { r, c } of [...cells].sort((p, q) => p.r - q.r || p.c - q.c)) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.r0 === r && last.c1 === c - 1) last.c1 = c;
    else runs.push({ r0: r, c0: c, r1: r, c1: c });
  }
  const named = runs.slice(0, NAMED_IN_REFUSAL);
  const more = runs.slice(NAMED_IN_REFUSAL).reduce((n, x) => n + x.c1 - x.c0 + 1, 0);
  const list = named.map(rangeA1);
  return new ExcelPortError("occupied", { ko: PLAN_ERRORS.ko.occupied(sheet, list, more), en: PLAN_ERRORS.en.occupied(sheet, list, more) });
}

/** Characters Excel refuses in a sheet name become "_"; at most 31 characters; no quote at either end. */
function cleanSheetName(name: string): string {
  const s = trimQuotes(name.replace(/[[\]:*?/\\]/g, "_").trim());
  return s === "" ? "Sheet" : trimQuotes(truncate(s, MAX_SHEET_NAME));
}

/** The name itself when free, else the first free "name (2)", "name (3)"…, the name shortened to fit 31. */
function freeSheetName(name: string, taken: Set<string>): string {
  const free = (n: string): boolean => !taken.has(n.toLowerCase()) && !RESERVED_SHEET_NAMES.has(n.toLowerCase());
  if (free(name)) return name;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const candidate = `${truncate(name, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
    if (free(candidate)) return candidate;
  }
}

function trimQuotes(s: string): string {
  return s.replace(/^'+/, "").replace(/'+$/, "");
}

/** The first `max` UTF-16 units, never splitting a surrogate pair. */
function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

interface ChosenNames {
  /** The name used for each of the plan's names, in order. */
  used: string[];
  /** Plan name (lower case) → the name used, when they differ: the plan's formulas are rewritten with it. */
  renamed: Map<string, string>;
  /** Existing names that a replaced sheet's plan adds again: deleted and added anew over the new cells. */
  replaced: Excel.NamedItem[];
}

/**
 * Defined names are workbook-wide and compared without case. A name taken elsewhere gets the first free
 * "name_2", "name_3"… (a space or parentheses are not allowed in names). When a sheet is replaced, the names it
 * had defined itself (same name, referring to that sheet) are taken over rather than duplicated.
 */
function chooseNames(plan: SheetPlan, replacedSheet: string | undefined, existing: Excel.NamedItem[]): ChosenNames {
  const taken = new Map(existing.map((n) => [n.name.toLowerCase(), n]));
  const replaced: Excel.NamedItem[] = [];
  if (replacedSheet !== undefined) {
    for (const n of plan.names) {
      const item = taken.get(n.name.toLowerCase());
      if (item !== undefined && formulaSheet(String(item.formula))?.toLowerCase() === replacedSheet.toLowerCase()) {
        replaced.push(item);
        taken.delete(n.name.toLowerCase());
      }
    }
  }
  const inUse = new Set(taken.keys());
  const renamed = new Map<string, string>();
  const used = plan.names.map((n) => {
    let name = n.name;
    for (let k = 2; inUse.has(name.toLowerCase()); k++) name = `${n.name}_${k}`;
    inUse.add(name.toLowerCase());
    if (name !== n.name) renamed.set(n.name.toLowerCase(), name);
    return name;
  });
  return { used, renamed, replaced };
}

/** The sheet a name's formula refers to: "='Sheet 1'!$A$1" → "Sheet 1"; undefined when it names none. */
function formulaSheet(formula: string): string | undefined {
  const m = /^=(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(formula);
  if (m === null) return undefined;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

/**
 * A formula with the plan's renamed names replaced: whole identifiers only, outside "strings" and 'sheet names',
 * and not a function name (followed by "(") or a sheet name (followed by "!").
 */
function renameInFormula(formula: string, renamed: Map<string, string>): string {
  if (renamed.size === 0) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A quoted string or sheet name; a doubled quote stays inside.
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const id = /^[\p{L}_\\][\p{L}\p{N}_.\\]*/u.exec(formula.slice(i));
    const prev = i > 0 ? formula[i - 1] : "";
    if (id !== null && !/[\p{L}\p{N}_.$]/u.test(prev)) {
      const next = formula.slice(i + id[0].length).trimStart()[0];
      const to = renamed.get(id[0].toLowerCase());
      out += to !== undefined && next !== "(" && next !== "!" ? to : id[0];
      i += id[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/**
 * What a plan cell writes. `now` is the cell's number format before the write, when the sheet existed: a number or
 * formula without a format of its own keeps it, unless it is text ("@"); on a new sheet "General" is what it has.
 */
function contentOf(x: PlanCell, renamed: Map<string, string>, now: unknown): { content?: string | number; format?: string } {
  const numberFormat = x.numberFormat ?? (now === undefined || now === "@" ? "General" : undefined);
  if (x.formula !== undefined) return { content: `=${renameInFormula(x.formula.replace(/^=/, ""), renamed)}`, format: numberFormat };
  // Text is text whatever the plan's format says: "@" is what keeps "=cmd" or "+1" from becoming a formula.
  if (typeof x.value === "string") return { content: x.value, format: "@" };
  if (typeof x.value === "number") return { content: x.value, format: numberFormat };
  return { format: x.numberFormat };
}

/**
 * Runs of adjacent cells in a row that all have a defined `key` (and, for formats, the same one): one range each.
 * Cells the plan does not name lie outside every run, so nothing (not even "") is written into them.
 */
function runs<V>(cells: PlanCell[], key: (x: PlanCell) => V | undefined, sameValue: boolean): { r: number; c: number; values: V[] }[] {
  const out: { r: number; c: number; values: V[] }[] = [];
  for (const x of cells) {
    const v = key(x);
    if (v === undefined) continue;
    const last = out[out.length - 1];
    if (last !== undefined && last.r === x.r && last.c + last.values.length === x.c && (!sameValue || last.values[0] === v)) last.values.push(v);
    else out.push({ r: x.r, c: x.c, values: [v] });
  }
  return out;
}

function writeCells(ws: Excel.Worksheet, cells: PlanCell[], renamed: Map<string, string>, formatAt?: (r: number, c: number) => unknown): void {
  // The last of several entries for one cell wins, as if written one after another.
  const byKey = new Map<string, PlanCell>();
  for (const x of cells) byKey.set(`${x.r},${x.c}`, x);
  const sorted = [...byKey.values()].sort((p, q) => p.r - q.r || p.c - q.c);
  const written = new Map(sorted.map((x) => [x, contentOf(x, renamed, formatAt?.(x.r, x.c))]));
  const at = (r: number, c: number, n: number): Excel.Range => ws.getRangeByIndexes(r, c, 1, n);
  // Every number format before any content, so each text cell is "@" when its text arrives.
  for (const run of runs(sorted, (x) => written.get(x)?.format, false)) at(run.r, run.c, run.values.length).numberFormat = [run.values];
  for (const run of runs(sorted, (x) => written.get(x)?.content, false)) at(run.r, run.c, run.values.length).formulas = [run.values];
  for (const run of runs(sorted, (x) => x.bold, true)) at(run.r, run.c, run.values.length).format.font.bold = run.values[0];
  for (const run of runs(sorted, (x) => x.horizontalAlignment, true)) at(run.r, run.c, run.values.length).format.horizontalAlignment = run.values[0];
  for (const run of runs(sorted, (x) => x.fill, true)) at(run.r, run.c, run.values.length).format.fill.color = run.values[0];
}

/**
 * Office.js sets column widths in points; the plan gives Excel's own "width" (characters of the default font's
 * digit, padding included: what the file stores and what exceljs writes for the command line). Excel draws a
 * width w as trunc(((256·w + trunc(128/7)) / 256) · 7) pixels for Calibri 11 (7-pixel digits), and a pixel is
 * 3/4 of a point at 96 dpi: Excel's default 9.140625 → 64 px → 48 pt.
 */
function widthToPoints(width: number): number {
  const pixels = Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
  return (Math.max(0, pixels) * 3) / 4;
}

function validationRule(rule: SheetPlan["validations"][number]["rule"]): Excel.DataValidationRule {
  const { min, max } = rule;
  let basic: Excel.BasicDataValidation;
  if (min !== undefined && max !== undefined) basic = { formula1: min, formula2: max, operator: "Between" };
  else if (min !== undefined) basic = { formula1: min, operator: "GreaterThanOrEqualTo" };
  else if (max !== undefined) basic = { formula1: max, operator: "LessThanOrEqualTo" };
  else basic = { formula1: -UNBOUNDED, formula2: UNBOUNDED, operator: "Between" };
  return rule.kind === "wholeNumber" ? { wholeNumber: basic } : { decimal: basic };
}

/**
 * Korean first; English after " / " when Excel's limit leaves room (one line, as the command line writes it);
 * Korean alone otherwise, shortened with "…" only if even that does not fit.
 */
function bilingual(t: Text, max: number): string {
  const both = t.ko === t.en ? t.ko : `${t.ko} / ${t.en}`;
  if (both.length <= max) return both;
  return t.ko.length <= max ? t.ko : `${truncate(t.ko, max - 1)}…`;
}
