// The engine's entry point: a workbook grid in, its tables, findings and the regions it could not check out. Pure
// and synchronous per step, so the command line, the add-in and the tests all run exactly the same checks.
//
// The pipeline, sheet by sheet: cells (cells/) → layout: blocks, header tree, labels (layout/) → candidate readings
// of every total line (candidates/) → evidence: which reading the sheet confirms (evidence/) → blame: the fewest
// wrong cells (blame/) → findings (findings/). A line that only the workbook can decide (a small table whose own
// figures disagree) waits until every sheet has added its evidence to the pool; the rest of a sheet is settled, and
// its table models dropped, as soon as it is read (a department has thousands of tables).
import { parseA1, rangeA1, type SheetGrid, type SheetRepair, type WorkbookGrid, type Range } from "./cells/grid";
import { MSG } from "./findings/messages";
import type { Finding } from "./findings/findings";
import { makeSheetView, type SheetView } from "./cells/sheet-view";
import { scanTables, type FoundTable, type TableKind } from "./layout/detect-tables";
import type { TextLine } from "./layout/blocks";
import { checkHeadlines, shortfallFindings, tableFacts, type TableFacts } from "./findings/headline-rules";
import { cellFindings } from "./findings/cell-rules";
import { relationFindings } from "./findings/relation-rules";
import { decideLocally, decidePooled, type LineDecision, type PendingLine } from "./evidence/decide";
import { Pool } from "./evidence/pool";
import { corroborated, crossIndex } from "./evidence/cross";
import { tableValues, type TableValues } from "./evidence/values";
import { STATE } from "./evidence/instances";
import { explainedNotes, footnotedColumns } from "./layout/notes";
import type { Unit } from "./numbers/units";
import { append } from "./arrays";
import { findBookColumns } from "./book/page";
import { checkBook, type BookSummary } from "./book/check-book";
import type { BookPage } from "./book/ledger";

export interface TableSummary {
  sheet: string;
  range: string;
  kind: TableKind;
  unit?: Unit;
  title?: string;
}

/** Why a region of figures was not checked. */
export type NotCheckedReason =
  /** No line reads as a total: no 합계/계/Total label and no SUM formula (a list, a matrix of data). */
  | "no-total"
  /** Totals are there, but no reading of their parts holds on enough of the figures to be sure what they add. */
  | "unconfirmed"
  /** The table was checked, but some of its totals could not be confirmed and were left out. */
  | "some-totals";

export interface NotChecked {
  sheet: string;
  range: string;
  reason: NotCheckedReason;
}

export interface CheckResult {
  /** The tables whose totals were checked (at least one reading confirmed). */
  tables: TableSummary[];
  findings: Finding[];
  /** Regions of figures that Yesan could not check: never a pass. */
  notChecked: NotChecked[];
  /** The budget book (세출예산서) in the workbook, when its pages are there: read as one ledger, not as tables. */
  book?: BookSummary;
}

export interface CheckOptions {
  /** The plan year for headlines that name none; found from the workbook's headlines when not given. */
  planYear?: number;
}

interface TableState {
  table: FoundTable;
  decided: LineDecision[];
  pending: PendingLine[];
  /** Lines whose every instance is all zeros: consistent, with nothing to confirm. */
  zeros: number;
  values: TableValues;
  cellFindings: Finding[];
}

interface SheetState {
  name: string;
  view: SheetView;
  tables: TableState[];
  lines: TextLine[];
  facts: TableFacts[];
  regions: Range[];
}

interface SheetResult {
  tables: TableSummary[];
  findings: Finding[];
  notChecked: NotChecked[];
}

/** A workbook check run one sheet at a time (the pane yields to the browser between steps). */
export interface WorkbookCheck {
  /** Checks the next sheet; false once every sheet is read. */
  step(): boolean;
  readonly sheets: number;
  readonly done: number;
  /** Settles what waited for the whole workbook and returns everything, in sheet order. */
  result(): CheckResult;
}

export function startCheck(wb: WorkbookGrid, options: CheckOptions = {}): WorkbookCheck {
  const planYear = options.planYear ?? guessPlanYear(wb);
  const pool = new Pool();
  const results: (SheetResult | SheetState)[] = [];
  const bookPages: BookPage[] = [];
  const repaired: Finding[] = [];
  let next = 0;
  return {
    sheets: wb.sheets.length,
    get done() {
      return next;
    },
    step() {
      if (next >= wb.sheets.length) return false;
      const sheet = wb.sheets[next];
      if (sheet.repairs !== undefined) append(repaired, repairFindings(sheet.name, sheet.repairs));
      const view = makeSheetView(sheet);
      next++;
      // A page of the budget book is part of one ledger across pages, checked once all are read.
      const cols = findBookColumns(view);
      if (cols !== undefined) {
        bookPages.push({ view, cols, index: next - 1 });
        return next < wb.sheets.length;
      }
      const state = readSheet(view, pool);
      results.push(state.tables.some((t) => t.pending.length > 0) ? state : settle(state, planYear, pool));
      return next < wb.sheets.length;
    },
    result() {
      while (next < wb.sheets.length) this.step();
      // What the reader repaired comes first: it is about the file, before any table in it.
      const out: CheckResult = { tables: [], findings: [...repaired], notChecked: [] };
      for (const r of results) {
        const s = "view" in r ? settle(r, planYear, pool) : r;
        append(out.tables, s.tables);
        append(out.findings, s.findings);
        append(out.notChecked, s.notChecked);
      }
      if (bookPages.length > 0) {
        const book = checkBook(bookPages);
        out.book = book.summary;
        const order = new Map(wb.sheets.map((sh, i) => [sh.name, i]));
        append(out.findings, sortFindings(book.findings).sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0)));
      }
      return out;
    },
  };
}

export function checkWorkbook(wb: WorkbookGrid, options: CheckOptions = {}): CheckResult {
  return startCheck(wb, options).result();
}

export function checkSheet(sheet: SheetGrid, options: CheckOptions = {}): CheckResult {
  return checkWorkbook({ sheets: [sheet] }, options);
}

/** One table checked on its own figures, with nothing to pool with: for tools that look at a single table. */
export function checkTable(view: SheetView, t: FoundTable): Finding[] {
  const pool = new Pool();
  const values = tableValues(t.model, t.unit);
  const decided: LineDecision[] = [];
  const pending: PendingLine[] = [];
  for (const line of t.lines) {
    const d = decideLocally(view, t.model, values, line, pool);
    if (d === undefined || d === "zeros") continue;
    if ("chosen" in d) decided.push(d);
    else pending.push(d);
  }
  settleByOtherAxis(decided, pending);
  for (const p of pending) {
    const d = decidePooled(p, pool);
    if (d !== undefined) decided.push(d);
  }
  return [...cellFindings(view, t), ...relationFindings(view, t, decided, { sheet: t.sheet, table: rangeA1(t.range), unit: t.unit }, values)];
}

/** Pending lines that the table's confirmed readings corroborate are decided now (moved from pending to decided). */
function settleByOtherAxis(decided: LineDecision[], pending: PendingLine[]): void {
  if (pending.length === 0 || decided.length === 0) return;
  // One index of the confirmed checks for all pending lines; rebuilt only when a line joins them.
  let index = crossIndex(decided);
  for (let i = 0; i < pending.length; ) {
    const d = corroborated(pending[i], decided, index);
    if (d === undefined) i++;
    else {
      decided.push(d);
      pending.splice(i, 1);
      index = crossIndex(decided);
    }
  }
}

function readSheet(view: SheetView, pool: Pool): SheetState {
  const sheet = view.sheet;
  const tables: TableState[] = [];
  const facts: TableFacts[] = [];
  const regions: Range[] = [];
  const lines = scanTables(
    view,
    (t) => {
      const values = tableValues(t.model, t.unit);
      const decided: LineDecision[] = [];
      const pending: PendingLine[] = [];
      let zeros = 0;
      for (const line of t.lines) {
        const d = decideLocally(view, t.model, values, line, pool);
        if (d === undefined) continue;
        if (d === "zeros") zeros++;
        else if ("chosen" in d) decided.push(d);
        else pending.push(d);
      }
      settleByOtherAxis(decided, pending);
      tables.push({ table: t, decided, pending, zeros, values, cellFindings: cellFindings(view, t) });
      facts.push(tableFacts(t));
    },
    (region) => regions.push(region.range),
  );
  return { name: sheet.name, view, tables, lines, facts, regions };
}

/** Disagreements of a reading that involves a footnoted column are not claimed (the note may explain them). */
function spareFootnoted(view: SheetView, t: FoundTable, decisions: LineDecision[], notes: () => Map<string, number[]>): void {
  if (decisions.every((d) => d.chosen.fails === 0 && d.chosen.near === 0)) return;
  const marked = footnotedColumns(view, t.model, notes());
  if (marked.size === 0) return;
  for (const d of decisions) {
    const cols = d.line.axis === "across" ? [d.line.total, ...d.chosen.candidate.parts.map((p) => p.at)] : undefined;
    d.instances.forEach((inst, i) => {
      const involved = cols === undefined ? marked.has(inst) : cols.some((c) => marked.has(c));
      if (involved && (d.chosen.states[i] === STATE.fails || d.chosen.states[i] === STATE.near)) d.ambiguous[i] = 1;
    });
  }
}

function settle(s: SheetState, planYear: number | undefined, pool: Pool): SheetResult {
  // Notes matter only where a reading fails somewhere: read the sheet's notes then.
  let notesRead: Map<string, number[]> | undefined;
  const notes = (): Map<string, number[]> => (notesRead ??= explainedNotes(s.lines));
  const tables: TableSummary[] = [];
  const notChecked: NotChecked[] = s.regions.map((range) => ({ sheet: s.name, range: rangeA1(range), reason: "no-total" }));
  const findings: Finding[] = [];
  for (const ts of s.tables) {
    const decisions = [...ts.decided];
    let undecided = 0;
    for (const p of ts.pending) {
      const d = decidePooled(p, pool);
      if (d !== undefined) decisions.push(d);
      else undecided++;
    }
    const t = ts.table;
    const base = { sheet: t.sheet, table: rangeA1(t.range), unit: t.unit };
    spareFootnoted(s.view, t, decisions, notes);
    append(append(findings, ts.cellFindings), relationFindings(s.view, t, decisions, base, ts.values));
    // A table of zeros adds up; it is checked, with nothing to find.
    if (decisions.length > 0 || (ts.zeros > 0 && ts.pending.length === 0)) {
      tables.push(summary(t));
      // Checked in part: the totals that could not be confirmed are not passed as fine either.
      if (undecided > 0) notChecked.push({ sheet: t.sheet, range: rangeA1(t.range), reason: "some-totals" });
    } else notChecked.push({ sheet: t.sheet, range: rangeA1(t.range), reason: "unconfirmed" });
  }
  append(findings, checkHeadlines({ sheet: s.name, lines: s.lines, tables: s.facts, planYear, blamed: findings }));
  append(findings, shortfallFindings(s.facts));
  return { tables, findings: sortFindings(findings), notChecked };
}

function repairFindings(sheet: string, repairs: SheetRepair[]): Finding[] {
  return repairs.map((x) =>
    x.kind === "merge-overlap"
      ? { rule: "file-repaired", severity: "warning", sheet, cell: x.ref.split(":")[0], related: [x.with.split(":")[0]], message: MSG.mergeOverlap(x.ref, x.with) }
      : { rule: "file-repaired", severity: "warning", sheet, cell: "A1", related: [], message: MSG.mergeInvalid(x.ref) },
  );
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
        // Most texts name no plan year: a substring test spares the regular expression.
        if (typeof v !== "string" || !v.includes("소요예산")) continue;
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
