// The budget book checked as a whole: its pages read into one ledger (ledger.ts), the relations the book states
// (relations.ts), each kind claimed only where the book's own figures confirm it, the failing ones blamed on the
// cell that explains them (blame.ts), and the findings named by cell and path with expected and actual values.
import { a1 } from "../cells/grid";
import { errorValue } from "../cells/error-value";
import type { Finding } from "../findings/findings";
import { MSG, type BookCheck, type BookColumn } from "../findings/messages";
import type { Unit } from "../numbers/units";
import { blame, type Culprit } from "./blame";
import { pathOf, posOf, readLedger, type BookLine, type BookPage, type Ledger } from "./ledger";
import { LEVELS } from "./page";
import { bookRelations, confirmKinds, diffOf, holds, type Relation, type RelationKind } from "./relations";
import type { Rounding } from "./basis";

/** A 세부사업 of the book with its amounts, for the JSON output and the pane's grouping. */
export interface BookProgram {
  path: string[];
  sheet: string;
  cell: string;
  amount?: number;
  previous?: number;
  change?: number;
}

export interface BookSummary {
  /** The page sheets, first to last. */
  pages: string[];
  unit: Unit;
  programs: BookProgram[];
  /** The relations checked, by kind, and those the book's figures did not confirm (not checked). */
  checked: RelationKind[];
  unconfirmed: RelationKind[];
  /** How the book rounds 산출기초 to its unit, read from its own lines. */
  rounding?: Rounding;
  /** How many relations were checked. */
  relations: number;
  /** Totals whose disagreement reaches over rows missing from the file (at page breaks): not checked. */
  missingRows: { sheet: string; cell: string }[];
}

export interface BookResult {
  summary: BookSummary;
  findings: Finding[];
}

const MAX_RELATED = 20;

/** A whole figure past 2^53, as typed or stored: refused as too large rather than as badly written. */
const tooLarge = (text: string): boolean => /^\s*[-△]?[\d,]+\s*$/.test(text) && Number(text.replace(/[^\d]/g, "")) > Number.MAX_SAFE_INTEGER;

export function checkBook(pages: BookPage[]): BookResult {
  const unit = pages[0].cols.unit;
  const ledger = readLedger(pages);
  const { relations, rounding } = bookRelations(ledger, unit);
  const { confirmed, unconfirmed } = confirmKinds(relations);
  const confirmedRels = relations.filter((r) => confirmed.has(r.kind));
  // Disagreements the rows the export lost may explain are not claimed; they still speak for the cell to blame.
  const spared = new Set(confirmedRels.filter((r) => !holds(r) && overDamage(r, ledger)));
  const checked = confirmedRels.filter((r) => !spared.has(r));
  const failing = checked.filter((r) => !holds(r));
  const { culprits, unexplained, explained } = blame(confirmedRels, failing, spared);
  const missing = [...spared].filter((r) => !explained.has(r));
  const findings: Finding[] = [];
  for (const m of ledger.malformed) {
    const cell = a1(m.at.r, m.at.c);
    const code = errorValue(m.text);
    if (code !== undefined) findings.push({ rule: "error-value", severity: "error", sheet: m.at.sheet, cell, related: [], actual: code, unit, message: MSG.errorValue(cell, code) });
    else findings.push({ rule: "malformed-number", severity: "error", sheet: m.at.sheet, cell, related: [], actual: m.text, unit, message: tooLarge(m.text) ? MSG.tooLarge(cell, m.text) : MSG.malformed(cell, m.text) });
  }
  const supplementary = pages[0].cols.kind === "추경";
  for (const c of culprits) findings.push(culpritFinding(c, unit, supplementary));
  for (const group of sameGap(unexplained.filter((r) => r.total.virtual !== true))) {
    const f = relationFinding(group[0], unit, supplementary);
    for (const other of group.slice(1)) if (other.total.sheet === f.sheet) f.related.push(a1(other.total.r, other.total.c));
    findings.push(f);
  }
  if (ledger.textAmounts > 0) {
    findings.push({ rule: "amounts-as-text", severity: "info", sheet: ledger.pages[0], cell: "A1", related: [], message: MSG.bookTextAmounts(ledger.textAmounts, ledger.amounts) });
  }
  const summary: BookSummary = {
    pages: ledger.pages,
    unit,
    programs: programs(ledger),
    checked: [...confirmed].sort(),
    unconfirmed: unconfirmed.sort(),
    relations: checked.length,
    missingRows: missing.map((r) => ({ sheet: r.total.sheet, cell: a1(r.total.r, r.total.c) })),
  };
  if (rounding !== undefined) summary.rounding = rounding;
  return { summary, findings };
}

/** The end of a line's part of the book: its last 재원 line or its last descendant's. */
export function subtreeEnd(line: BookLine, pageOf: Map<string, number>): number {
  let end = posOf(line.page, line.r);
  for (const s of line.sources) end = Math.max(end, posOf(pageOf.get(s.sheet) ?? line.page, s.r));
  for (const k of line.children) end = Math.max(end, subtreeEnd(k, pageOf));
  return end;
}

/**
 * Whether a failing relation may be the file's loss rather than the book's error: its lines reach over a place
 * where the file is missing rows. Either way round: a lost line takes its amount from its parent's sum, and a lost
 * heading hands its lines to the heading before it, whose sum then runs over.
 */
export function overDamage(rel: Relation, ledger: Ledger): boolean {
  if (rel.kind === "change" || rel.kind === "basis") return false;
  const pageOf = new Map(ledger.pages.map((p, i) => [p, i]));
  const lo = posOf(rel.line.page, rel.line.r);
  const hi = (rel.kind === "sources" ? Math.max(lo, ...rel.parts.map((p) => posOf(pageOf.get(p.sheet) ?? 0, p.r))) : subtreeEnd(rel.line, pageOf)) + 1;
  return damageWithin(ledger.damage, lo, hi);
}

/** Whether the sorted damage marks hold one in [lo, hi] (a binary search: books have thousands of relations). */
export function damageWithin(damage: number[], lo: number, hi: number): boolean {
  let a = 0;
  let b = damage.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (damage[m] < lo) a = m + 1;
    else b = m;
  }
  return a < damage.length && damage[a] <= hi;
}

/**
 * Failing relations of neighbouring lines (one line, or a line and its parent) that are off by the same amount are
 * one disagreement seen twice (a 재원 line lost at a page break fails the line's 재원 sum and its parent's 재원
 * rollup): reported once, at the deepest line, the others named with it.
 */
function sameGap(rels: Relation[]): Relation[][] {
  const groups: Relation[][] = [];
  const near = (a: Relation, b: Relation): boolean => a.line === b.line || a.line.parent === b.line || b.line.parent === a.line;
  for (const r of [...rels].sort((a, b) => b.line.level - a.line.level)) {
    const gap = Math.abs(diffOf(r));
    const g = groups.find((x) => Math.abs(Math.abs(diffOf(x[0])) - gap) < 1e-6 && x.some((y) => near(y, r)));
    if (g === undefined) groups.push([r]);
    else g.push(r);
  }
  return groups;
}

function programs(ledger: Ledger): BookProgram[] {
  return ledger.lines
    .filter((l) => l.level === 3)
    .map((l) => {
      const p: BookProgram = { path: pathOf(l), sheet: l.sheet, cell: a1(l.r, l.labelCol) };
      if (l.amount !== undefined) p.amount = l.amount.value;
      if (l.previous !== undefined) p.previous = l.previous.value;
      if (l.change !== undefined) p.change = l.change.value;
      return p;
    });
}

const levelName = (line: BookLine): string => LEVELS[line.level];

function related(sheet: string, cells: { sheet: string; r: number; c: number }[], except: string): string[] {
  const out = new Set<string>();
  for (const t of cells) {
    if (t.sheet !== sheet) continue;
    const k = a1(t.r, t.c);
    if (k !== except) out.add(k);
    if (out.size >= MAX_RELATED) break;
  }
  return [...out];
}

/** Which line a cell of the ledger is, and which of its columns. */
function roleOf(c: Culprit): { line: BookLine; column: BookColumn | "basis" } {
  for (const rel of c.relations) {
    const terms = [rel.total, ...rel.parts];
    const t = terms.find((x) => x.sheet === c.term.sheet && x.r === c.term.r && x.c === c.term.c);
    if (t === undefined) continue;
    // The line whose row the cell is on: the relation's own line, or one of its children.
    const line = rowLine(rel, t.r, t.sheet);
    if (rel.kind === "basis" && t !== rel.total) return { line, column: "basis" };
    if (rel.kind === "sources" && t !== rel.total) return { line, column: "source" };
    if (rel.kind === "source-rollup") return { line, column: "source" };
    if (rel.kind === "change" && t === rel.total) return { line, column: "change" };
    if (rel.kind === "rollup-previous" || (rel.kind === "change" && t.sign === -1)) return { line, column: "previous" };
    return { line, column: "amount" };
  }
  return { line: c.relations[0].line, column: "amount" };
}

function rowLine(rel: Relation, r: number, sheet: string): BookLine {
  if (rel.line.r === r && rel.line.sheet === sheet) return rel.line;
  const child = rel.line.children.find((k) => k.r === r && k.sheet === sheet);
  if (child !== undefined) return child;
  // A 재원 line sits on a row of its own, under the line it funds.
  return rel.line.children.find((k) => k.sources.some((s) => s.r === r && s.sheet === sheet)) ?? rel.line;
}

function checksOf(c: Culprit, line: BookLine): BookCheck[] {
  const out = new Set<BookCheck>();
  for (const rel of c.relations) {
    const isTotal = rel.total.sheet === c.term.sheet && rel.total.r === c.term.r && rel.total.c === c.term.c;
    if (rel.kind === "rollup" || rel.kind === "rollup-previous") out.add(isTotal && rel.line === line ? "children" : "parent");
    else if (rel.kind === "sources") out.add("sources");
    else if (rel.kind === "source-rollup") out.add("source-rollup");
    else if (rel.kind === "basis") out.add("basis");
    else out.add("change");
  }
  return [...out];
}

function ruleOf(kinds: RelationKind[]): Finding["rule"] {
  if (kinds.some((k) => k === "rollup" || k === "rollup-previous")) return "rollup-mismatch";
  if (kinds.some((k) => k === "sources" || k === "source-rollup")) return "source-mismatch";
  if (kinds.includes("basis")) return "basis-mismatch";
  return "change-mismatch";
}

function culpritFinding(c: Culprit, unit: Unit, supplementary: boolean): Finding {
  const cell = a1(c.term.r, c.term.c);
  const role = roleOf(c);
  const line = role.line;
  const column = role.column === "previous" && supplementary ? "prior" : role.column;
  const others = c.relations.flatMap((r) => [r.total, ...r.parts]);
  const base = { severity: "error" as const, sheet: c.term.sheet, cell, related: related(c.term.sheet, others, cell), unit, path: pathOf(line) };
  if (column === "basis") {
    // The 산출기초 is what disagrees: its calculation against the amount the book's sums confirm.
    const text = line.basis?.text ?? "";
    return { ...base, rule: "basis-mismatch", expected: c.value, actual: c.term.value, message: MSG.bookBasis(cell, text.replace(/\s+/g, ""), c.term.value, c.value, unit) };
  }
  if (column === "change") return { ...base, rule: "change-mismatch", expected: c.value, actual: c.term.value, message: MSG.bookChange(cell, c.term.value, c.value, unit, supplementary) };
  if (column === "source") {
    const key = line.sources.find((s) => s.r === c.term.r && s.sheet === c.term.sheet)?.key ?? findKey(c) ?? "";
    return { ...base, rule: "source-mismatch", expected: c.value, actual: c.term.value, message: MSG.bookSourceLine(cell, key, c.term.value, c.value, unit) };
  }
  const rule = ruleOf(c.relations.map((r) => r.kind));
  return { ...base, rule, expected: c.value, actual: c.term.value, message: MSG.bookAmount(cell, levelName(line), column, c.term.value, c.value, unit, checksOf(c, line)) };
}

function findKey(c: Culprit): string | undefined {
  for (const r of c.relations) if (r.key !== undefined) return r.key;
  return undefined;
}

/** A failing relation no single cell explains: reported at its total, the parts' sum as what was expected. */
function relationFinding(rel: Relation, unit: Unit, supplementary: boolean): Finding {
  const cell = a1(rel.total.r, rel.total.c);
  const expected = rel.total.value - diffOf(rel);
  const actual = rel.total.value;
  const base = { severity: "error" as const, sheet: rel.total.sheet, cell, related: related(rel.total.sheet, rel.parts, cell), unit, expected, actual, path: pathOf(rel.line) };
  const level = levelName(rel.line);
  switch (rel.kind) {
    case "rollup":
      return { ...base, rule: "rollup-mismatch", message: MSG.bookRollup(cell, level, "amount", actual, expected, unit) };
    case "rollup-previous":
      return { ...base, rule: "rollup-mismatch", message: MSG.bookRollup(cell, level, supplementary ? "prior" : "previous", actual, expected, unit) };
    case "sources":
      return { ...base, rule: "source-mismatch", message: MSG.bookSources(cell, level, actual, expected, unit) };
    case "source-rollup":
      return { ...base, rule: "source-mismatch", message: MSG.bookSourceRollup(cell, rel.key ?? "", actual, expected, unit) };
    case "basis":
      return { ...base, rule: "basis-mismatch", expected: actual, actual: expected, message: MSG.bookBasis(cell, (rel.basisText ?? "").replace(/\s+/g, ""), expected, actual, unit) };
    case "change":
      return { ...base, rule: "change-mismatch", message: MSG.bookChange(cell, actual, expected, unit, supplementary) };
  }
}
