// The fill, from the pane's side: read the chosen source into a funding input (src/core/fill), find the funding
// table at (or around) the selection, and plan the writes. Nothing is written here; the pane shows the plan and
// writes it only when the officer confirms (and, for non-empty cells, confirms the overwrite list).
import {
  bookFromText,
  findFundingTarget,
  isBookPage,
  parseFundingCsv,
  parseFundingJson,
  parseFundingText,
  planBookFill,
  planFill,
  rollForward,
  type FillPlan,
  type FillProblem,
  type FundingParse,
  type PreviewLine,
} from "../core/fill";
import { rangeA1, type Range, type SheetGrid, type WorkbookGrid } from "../core/cells/grid";
import type { PlanWritten, WorkbookPort } from "../excel/port";
import { both, t } from "./i18n";
import { TabRefusal } from "./template-action";

/** How text (pasted or from a file) is read. */
export type TextFormat = "auto" | "table" | "csv" | "json";

export type FillSource =
  | { kind: "text"; text: string; format: TextFormat }
  /** Last year's sheet: its funding table, rolled forward one year. */
  | { kind: "sheet"; sheet: string };


/**
 * "auto": JSON when the text starts with { (the fill's JSON forms are objects), else a pasted table (tab- or
 * space-separated). CSV is never guessed: a space-separated paste holds commas too ("1,234"), so CSV is chosen
 * by the file's name or by the officer.
 */
export function resolveFormat(text: string, format: TextFormat, fileName?: string): Exclude<TextFormat, "auto"> {
  if (format !== "auto") return format;
  const ext = fileName?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === "json") return "json";
  if (ext === "csv") return "csv";
  if (ext === "tsv" || ext === "txt") return "table";
  return text.trimStart().startsWith("{") ? "json" : "table";
}

export function parseText(text: string, format: Exclude<TextFormat, "auto">): FundingParse {
  switch (format) {
    case "json":
      return parseFundingJson(text);
    case "csv":
      return parseFundingCsv(text);
    case "table":
      return parseFundingText(text);
  }
}

/**
 * A file's bytes as text: UTF-8 (Excel's "CSV UTF-8", JSON), else CP949/EUC-KR, what Korean Excel writes for a
 * plain "CSV" and what older systems export. A UTF-8 file with a broken byte is not silently mangled: it is read
 * as CP949 and its strange labels show up as problems in the preview.
 */
export function decodeBytes(bytes: ArrayBuffer): { text: string; encoding: "utf-8" | "euc-kr" } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("euc-kr").decode(bytes), encoding: "euc-kr" };
  }
}

/** The sheets of the workbook that hold a funding table or are a page of the budget book (the choices for "last year's sheet"). */
export function sheetsWithFunding(grid: WorkbookGrid): string[] {
  return grid.sheets
    .filter((s) => {
      if (isBookPage(s)) return true;
      const found = findFundingTarget(s);
      return found.target !== undefined || found.problems.some((p) => p.code === "ambiguous-table");
    })
    .map((s) => s.name);
}

const sheetNamed = (grid: WorkbookGrid, name: string): SheetGrid | undefined => grid.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());

export interface FillTarget {
  sheet: string;
  /** The funding table's range (also where a re-plan looks for it). */
  at: Range;
  /** For an input that names no year: the year column it fills, where a re-plan looks instead to place it the same way. */
  yearAt?: Range;
}

export interface PreparedFill {
  target: FillTarget | undefined;
  /** The source's problems, then the plan's. */
  problems: FillProblem[];
  plan: FillPlan<PreviewLine>;
}

/** Reads the selection, the sheets the fill needs (the target's, last year's), the source, and plans the fill. */
export async function prepareFill(port: WorkbookPort, source: FillSource, fixed?: FillTarget): Promise<PreparedFill> {
  let where: FillTarget;
  if (fixed !== undefined) where = fixed;
  else {
    const sel = await port.getSelection();
    where = { sheet: sel.sheet, at: sel.range };
  }
  // Only those sheets: a department's workbook has hundreds, and the preview is read again before writing.
  const { grid } = await port.readWorkbook({ sheets: source.kind === "sheet" ? [where.sheet, source.sheet] : [where.sheet] });
  // The table the selection touches, else the sheet's only one (findFundingTarget, inside planFill).
  const sheet = sheetNamed(grid, where.sheet);
  if (sheet === undefined) throw new TabRefusal(both((l) => t(l, "fill.sheetGone", { sheet: where.sheet })));
  // A page of the budget book is filled from last year's book (its 전년도예산액, 단가 and counts).
  if (isBookPage(sheet)) return prepareBookFill(grid, sheet, source);
  let parsed: FundingParse;
  if (source.kind === "sheet") {
    const last = sheetNamed(grid, source.sheet);
    if (last === undefined) throw new TabRefusal(both((l) => t(l, "fill.sheetGone", { sheet: source.sheet })));
    parsed = rollForward(last);
  } else {
    parsed = parseText(source.text, resolveFormat(source.text, source.format));
  }
  const plan = planFill(sheet, where.yearAt ?? where.at, parsed.input);
  const target = plan.table === undefined ? undefined : { sheet: sheet.name, at: plan.table, ...(plan.unnamedYear === undefined ? {} : { yearAt: plan.unnamedYear.range }) };
  return { target, problems: [...parsed.problems, ...plan.problems], plan };
}

function prepareBookFill(grid: WorkbookGrid, sheet: SheetGrid, source: FillSource): PreparedFill {
  let from: SheetGrid;
  if (source.kind === "sheet") {
    const last = sheetNamed(grid, source.sheet);
    if (last === undefined) throw new TabRefusal(both((l) => t(l, "fill.sheetGone", { sheet: source.sheet })));
    from = last;
  } else {
    const format = resolveFormat(source.text, source.format);
    if (format === "json") throw new TabRefusal(both((l) => t(l, "fill.bookNoJson")));
    from = bookFromText(source.text, format);
  }
  const plan = planBookFill(sheet, [from]);
  return { target: plan.table === undefined ? undefined : { sheet: sheet.name, at: plan.table }, problems: plan.problems, plan };
}

/** Two preparations write the same cells with the same values and would overwrite the same cells. */
export function samePlan(a: PreparedFill, b: PreparedFill): boolean {
  return JSON.stringify([a.plan.plan, a.plan.overwrites]) === JSON.stringify([b.plan.plan, b.plan.overwrites]);
}

/**
 * Writes a prepared fill after re-planning it on the workbook as it is now: when anything changed since the
 * preview (a cell typed in, the source edited), nothing is written and the new preparation is returned to show.
 */
export async function writeFill(
  port: WorkbookPort,
  source: FillSource,
  shown: PreparedFill,
  overwriteConfirmed: boolean,
): Promise<{ written: PlanWritten; cells: number } | { changed: PreparedFill }> {
  if (shown.target === undefined || shown.plan.plan.cells.length === 0) throw new TabRefusal(both((l) => t(l, "fill.nothingToWrite")));
  const now = await prepareFill(port, source, shown.target);
  if (!samePlan(now, shown)) return { changed: now };
  if (now.plan.overwrites.length > 0 && !overwriteConfirmed) throw new TabRefusal(both((l) => t(l, "fill.confirmFirst")));
  const written = await port.writePlan(now.plan.plan, { mode: "existing-sheet", overwrite: now.plan.overwrites.length > 0, activate: true });
  return { written, cells: now.plan.plan.cells.length };
}

export const targetRange = (t: FillTarget): string => rangeA1(t.at);
