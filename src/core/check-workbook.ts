// The engine's entry point: a workbook grid in, its tables and findings out. Pure and synchronous,
// so the command line, the add-in and the tests all run exactly the same checks.
import { rangeA1, type SheetGrid, type WorkbookGrid } from "./cells/grid";
import type { Finding } from "./findings/findings";
import { makeSheetView } from "./cells/sheet-view";
import { scanTables, type FoundTable, type TableKind } from "./layout/detect-tables";
import { checkTable } from "./findings/table-rules";
import { checkHeadlines, shortfallFindings, tableFacts, type TableFacts } from "./findings/headline-rules";
import { parseA1 } from "./cells/grid";
import type { Unit } from "./numbers/units";

export interface TableSummary {
  sheet: string;
  range: string;
  kind: TableKind;
  unit?: Unit;
  title?: string;
}

export interface CheckResult {
  tables: TableSummary[];
  findings: Finding[];
}

export interface CheckOptions {
  /** The plan year for headlines that name none; found from the workbook's headlines when not given. */
  planYear?: number;
}

export function checkWorkbook(wb: WorkbookGrid, options: CheckOptions = {}): CheckResult {
  const planYear = options.planYear ?? guessPlanYear(wb);
  const tables: TableSummary[] = [];
  const findings: Finding[] = [];
  // Sheet by sheet, so each sheet's table models can be dropped before the next (a department has thousands).
  for (const sheet of wb.sheets) {
    const view = makeSheetView(sheet);
    const sheetFindings: Finding[] = [];
    const facts: TableFacts[] = [];
    const lines = scanTables(view, (t) => {
      tables.push(summary(t));
      sheetFindings.push(...checkTable(view, t));
      facts.push(tableFacts(t));
    });
    sheetFindings.push(...checkHeadlines({ sheet: sheet.name, lines, tables: facts, planYear, blamed: sheetFindings }));
    sheetFindings.push(...shortfallFindings(facts));
    findings.push(...sortFindings(sheetFindings));
  }
  return { tables, findings };
}

export function checkSheet(sheet: SheetGrid, options: CheckOptions = {}): CheckResult {
  return checkWorkbook({ sheets: [sheet] }, options);
}

function summary(t: FoundTable): TableSummary {
  const s: TableSummary = { sheet: t.sheet, range: rangeA1(t.range), kind: t.kind };
  if (t.unit !== undefined) s.unit = t.unit;
  if (t.title !== undefined) s.title = t.title;
  return s;
}

const PLAN_HEADLINE = /((?:19|20)\d\d)\s*년\s*소요예산/;

/** The year most budget headlines name ("□ 2021년 소요예산 : …"), from the workbook's text cells. */
export function guessPlanYear(wb: WorkbookGrid): number | undefined {
  const counts = new Map<number, number>();
  for (const sheet of wb.sheets) {
    for (const row of sheet.cells) {
      if (row === undefined) continue;
      for (const cell of row) {
        const v = cell?.v;
        if (typeof v !== "string") continue;
        const m = PLAN_HEADLINE.exec(v);
        if (m === null) continue;
        const year = Number(m[1]);
        counts.set(year, (counts.get(year) ?? 0) + 1);
      }
    }
  }
  let best: number | undefined;
  for (const [y, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = y;
  return best;
}

function sortFindings(fs: Finding[]): Finding[] {
  const pos = (f: Finding): number => {
    const p = parseA1(f.cell);
    return p === undefined ? 0 : p.r * 16384 + p.c;
  };
  return fs.map((f, i) => ({ f, i, p: pos(f) })).sort((a, b) => a.p - b.p || a.i - b.i).map((x) => x.f);
}
