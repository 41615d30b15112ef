// Candidate relations: for every line that may be a total (a labelled 합계/계/Total, or a line whose formulas add
// the cells beside it), the sets of lines it may add up. A layout allows several readings, and the sheet decides
// between them later (evidence/): all the columns, the year columns only, "Appr. to date" + the last stage, the
// items since the last 소계, the 소계 lines only … Nothing here is a claim yet.
import type { TableModel, ColLine, RowLine } from "../layout/table-model";
import { termsKey, type SheetView } from "../cells/sheet-view";
import { classifyTableLabel, cleanLabel, normalizeLabel } from "../layout/labels";
import { headerCandidates, MAX_GRAND_TOTALS, rowGroupCandidates } from "./header-candidates";

/** "across": a total column adding columns of its own row (instances: rows); "down": a total row adding rows. */
export type Axis = "across" | "down";

export interface Part {
  /** The part's column (across) or row (down). */
  at: number;
  /** +1: added; -1: subtracted (the secured amount of a gap). */
  sign: 1 | -1;
}

export type Origin = "header" | "layout" | "formula";

export interface Candidate {
  axis: Axis;
  kind: "sum" | "gap";
  /** The total's column (across) or row (down). */
  total: number;
  parts: Part[];
  origin: Origin;
  /**
   * Stated by the budget vocabulary itself: a 합계/계 over lines that are all years or all funding sources, or
   * 소요액 − 확보액 = 미확보액. Checked unless the table contradicts it; every other reading needs the sheet's
   * confirmation (its formulas, or agreement on most instances).
   */
  declared: boolean;
  /** Readings of the same shape in other tables share evidence through this key (worked out when first asked). */
  readonly signature: string;
  /** The parts as canonical text (partsKey), worked out once. */
  readonly key: string;
  /** How the layout proposed it ("all", "years", "above" …): part of the signature. */
  how: string;
  /** Tie-break between readings the data cannot tell apart: lower first. */
  rank: number;
}

/** One possible total line and its readings. */
export interface TotalLine {
  axis: Axis;
  total: number;
  candidates: Candidate[];
  /** The readings' keys (kind and parts), for adding each reading once. */
  keys: Set<string>;
  /**
   * Adds the layout's other readings (all the columns, the years only, the items above …) to every line of the table.
   * Most lines are settled by their own formulas and never need them; the first line that does adds them.
   */
  expand(): void;
}

interface Context {
  model: TableModel;
  lines: Lines;
}

/** A reading; its pooling key and parts key are worked out when first asked (most lines never ask). */
class Reading implements Candidate {
  private sig: string | undefined;
  private text: string | undefined;
  constructor(
    private readonly ctx: Context,
    readonly axis: Axis,
    readonly kind: "sum" | "gap",
    readonly total: number,
    readonly parts: Part[],
    readonly origin: Origin,
    readonly how: string,
    readonly rank: number,
    readonly declared: boolean,
  ) {}
  get signature(): string {
    return (this.sig ??= signatureOf(this.ctx.model, this.ctx.lines, this.axis, this.kind, this.total, this.parts, this.how));
  }
  get key(): string {
    return (this.text ??= key(this.parts));
  }
}

/** The parts as a canonical text (in line order), so that two readings, or a reading and a formula, compare. */
const key = (parts: Part[]): string => termsKey(parts);

/** Adds a reading unless the line already has one with the same parts (the earlier, better-ranked, stays). */
export function addCandidate(line: TotalLine, c: Candidate): void {
  if (c.parts.length === 0 || c.parts.some((p) => p.at === c.total)) return;
  const k = `${c.kind}:${c.key}`;
  if (line.keys.has(k)) return;
  line.keys.add(k);
  line.candidates.push(c);
}

export const partsKey = key;

const shapes = new Map<string, string>();
/** A label with its digits abstracted ("2021년" → "#년"), memoised: the same few labels recur in every table. */
function shape(label: string): string {
  let s = shapes.get(label);
  if (s === undefined) {
    s = normalizeLabel(label).replace(/\d+/g, "#");
    if (shapes.size > 20000) shapes.clear();
    shapes.set(label, s);
  }
  return s;
}

/** The shape of a set of part lines for pooling: their label classes, or their labels with digits abstracted. */
function partsShape(lines: (RowLine | ColLine)[]): string {
  if (lines.length > 0 && lines.every((l) => l.year !== undefined)) return "year";
  if (lines.length > 0 && lines.every((l) => l.source !== undefined)) return "source";
  return [...new Set(lines.map((l) => shape(l.label)))].sort().join("|");
}

interface Lines {
  byCol: { get(c: number): ColLine | undefined };
  byRow: { get(r: number): RowLine | undefined };
}

/** The table's lines by position; the maps are built when first asked (most tables ask for a column or two). */
class LineIndex implements Lines {
  private cols: Map<number, ColLine> | undefined;
  private rows: Map<number, RowLine> | undefined;
  constructor(private readonly model: TableModel) {}
  readonly byCol = { get: (c: number): ColLine | undefined => (this.cols ??= new Map(this.model.cols.map((x) => [x.c, x]))).get(c) };
  readonly byRow = { get: (r: number): RowLine | undefined => (this.rows ??= new Map(this.model.rows.map((x) => [x.r, x]))).get(r) };
}

export function signatureOf(model: TableModel, lines: Lines, axis: Axis, kind: string, total: number, parts: Part[], how: string): string {
  if (axis === "across") {
    const t = lines.byCol.get(total);
    const ps = parts.flatMap((p) => lines.byCol.get(p.at) ?? []);
    return `A|${kind}|${shape(t?.label ?? "")}|${partsShape(ps)}|${how}`;
  }
  const t = lines.byRow.get(total);
  const ps = parts.flatMap((p) => lines.byRow.get(p.at) ?? []);
  const cls = ps.every((l) => l.year !== undefined) ? "year" : ps.every((l) => l.source !== undefined) ? "source" : ps.every((l) => l.role === "subtotal") ? "subtotals" : "items";
  return `D|${kind}|${shape(t?.label ?? "")}|${cls}|${how}`;
}

const isTotalRole = (l: RowLine | ColLine): boolean => l.role === "total" || l.role === "subtotal";
const isTotalWord = (label: string): boolean => classifyTableLabel(label)?.kind === "total";

/** Parts that are all years or all funding sources: the budget table's own dimensions. */
const vocabularyParts = (ps: (RowLine | ColLine)[]): boolean => ps.length > 0 && (ps.every((l) => l.year !== undefined) || ps.every((l) => l.source !== undefined));

/**
 * The budget forms' own total words (계, 합계, 소계, 총계) as the label of a line the form's structure groups: the
 * header group it heads or closes, the 소계 closing its items. Korean budget documents state their sums this way;
 * an English "Total" is a word many tables use for other things, and needs the figures' confirmation.
 */
const BUDGET_TOTAL = /^(계|합계|소계|총계|총합계)$/;
const budgetMemo = new Map<string, boolean>();
function budgetTotal(label: string): boolean {
  let v = budgetMemo.get(label);
  if (v === undefined) {
    v = label.split(" / ").some((part) => BUDGET_TOTAL.test(normalizeLabel(cleanLabel(part))));
    if (budgetMemo.size > 20000) budgetMemo.clear();
    budgetMemo.set(label, v);
  }
  return v;
}
const MAX_RUNS = 12;

/** Every possible total line of the table with its readings. */
export function tableCandidates(view: SheetView, model: TableModel): TotalLine[] {
  const lines = new LineIndex(model);
  const out = new Map<number, TotalLine>();
  let expanded = false;
  const expand = (): void => {
    if (expanded) return;
    expanded = true;
    layoutReadings();
  };
  const lineOf = (axis: Axis, total: number): TotalLine => {
    const k = axis === "across" ? -1 - total : total;
    let l = out.get(k);
    if (l === undefined) {
      l = { axis, total, candidates: [], keys: new Set(), expand };
      out.set(k, l);
    }
    return l;
  };
  const ctx: Context = { model, lines };
  const make = (axis: Axis, kind: "sum" | "gap", total: number, parts: Part[], origin: Origin, how: string, rank: number, declared = false): Candidate =>
    new Reading(ctx, axis, kind, total, parts, origin, how, rank, declared);
  const plus = (ats: number[]): Part[] => ats.map((at) => ({ at, sign: 1 as const }));

  // 1. What the header tree and the row labels say (the budget tables' own structure).
  for (const h of headerCandidates(model)) {
    const t = lines.byCol.get(h.total);
    const ps = h.parts.flatMap((p) => lines.byCol.get(p.at) ?? []);
    const declared = h.kind === "gap" || (t !== undefined && isTotalRole(t) && (vocabularyParts(ps) || budgetTotal(t.label)));
    addCandidate(lineOf("across", h.total), make("across", h.kind, h.total, h.parts, "header", "header", 0, declared));
  }
  for (const g of rowGroupCandidates(model.rows)) {
    const t = lines.byRow.get(g.total);
    const ps = g.parts.flatMap((p) => lines.byRow.get(p.at) ?? []);
    const declared = vocabularyParts(ps) || (t !== undefined && budgetTotal(t.label));
    addCandidate(lineOf("down", g.total), make("down", "sum", g.total, g.parts, "header", "header", 0, declared));
  }

  // 2. Other readings the layout allows, for every labelled total column and row (added when a line needs them; the
  //    lines themselves exist from the start).
  const valueCols = model.cols.filter((c) => c.additive);
  const bodyRows = model.rows.filter((r) => r.additive);
  for (const t of valueCols.filter(isTotalRole)) lineOf("across", t.c);
  for (const t of bodyRows.filter(isTotalRole)) lineOf("down", t.r);
  function layoutReadings(): void {
    for (const t of valueCols.filter(isTotalRole)) {
      const others = valueCols.filter((c) => c.c !== t.c && !isTotalRole(c));
      const totals = valueCols.filter(isTotalRole).map((c) => c.c);
      const before = others.filter((c) => c.c < t.c && c.c > Math.max(-1, ...totals.filter((x) => x < t.c)));
      const after = others.filter((c) => c.c > t.c && c.c < Math.min(Infinity, ...totals.filter((x) => x > t.c)));
      const line = lineOf("across", t.c);
      const leaf = t.label.split(" / ").pop() ?? "";
      addCandidate(line, make("across", "sum", t.c, plus(others.map((c) => c.c)), "layout", "all", 1));
      addCandidate(line, make("across", "sum", t.c, plus(before.map((c) => c.c)), "layout", "before", 2));
      addCandidate(line, make("across", "sum", t.c, plus(after.map((c) => c.c)), "layout", "after", 2));
      // Under a two-level header (합계 | 2021년 … each over 확보액 | 집행액): the leaves of the same name.
      if (leaf !== "" && leaf !== t.label) {
        const same = others.filter((c) => (c.label.split(" / ").pop() ?? "") === leaf);
        addCandidate(line, make("across", "sum", t.c, plus(same.map((c) => c.c)), "layout", "same-leaf", 2));
      }
      // The same measure under every group (Total / affecté over Bac L / affecté, Bac ES / affecté …).
      const measure = t.label.split(" / ").filter((x) => x !== "" && !isTotalWord(x));
      if (measure.length > 0) {
        const same = others.filter((c) => { const path = c.label.split(" / "); return measure.every((m) => path.includes(m)); });
        if (same.length >= 2) addCandidate(line, make("across", "sum", t.c, plus(same.map((c) => c.c)), "layout", "same-measure", 2));
      }
      const years = others.filter((c) => c.year !== undefined);
      if (years.length >= 2) addCandidate(line, make("across", "sum", t.c, plus(years.map((c) => c.c)), "layout", "years", 3));
      // Successive stages of the same money (Agency → … → Ordinance of Estimates): what was there plus the last stage.
      if (before.length >= 3) addCandidate(line, make("across", "sum", t.c, plus([before[0].c, before[before.length - 1].c]), "layout", "first-last", 4));
      // The columns right before the total, however many (a table that adds only its last few columns).
      for (let k = 2; k < Math.min(before.length, MAX_RUNS); k++) {
        addCandidate(line, make("across", "sum", t.c, plus(before.slice(before.length - k).map((c) => c.c)), "layout", `last${k}`, 5));
      }
    }
    const items = bodyRows.filter((r) => !isTotalRole(r));
    const allSubs = bodyRows.filter((r) => r.role === "subtotal");
    const grandTotals = bodyRows.filter((r) => r.role === "total").length;
    const index = new Map(bodyRows.map((r, i) => [r.r, i]));
    for (const t of bodyRows.filter(isTotalRole)) {
      const idx = index.get(t.r) as number;
      const line = lineOf("down", t.r);
      const isBreak = (r: RowLine): boolean => isTotalRole(r);
      let from = idx;
      while (from > 0 && !isBreak(bodyRows[from - 1])) from--;
      const above = bodyRows.slice(from, idx);
      let to = idx + 1;
      while (to < bodyRows.length && !isBreak(bodyRows[to])) to++;
      const below = bodyRows.slice(idx + 1, to);
      const subs = allSubs.filter((r) => r.r !== t.r);
      addCandidate(line, make("down", "sum", t.r, plus(above.map((r) => r.r)), "layout", "above", 1));
      addCandidate(line, make("down", "sum", t.r, plus(below.map((r) => r.r)), "layout", "below", 1));
      // Readings over the whole table only for a grand total, and only where there are few: a 소계 every ten rows of
      // a long table would otherwise make as many table-long readings as it has 소계 lines.
      if (t.role !== "total" || grandTotals > MAX_GRAND_TOTALS) continue;
      addCandidate(line, make("down", "sum", t.r, plus(items.map((r) => r.r)), "layout", "items", 2));
      if (subs.length >= 2) {
        const subsAbove = subs.filter((r) => r.r < t.r);
        addCandidate(line, make("down", "sum", t.r, plus(subsAbove.map((r) => r.r)), "layout", "subtotals", 2));
        addCandidate(line, make("down", "sum", t.r, plus(subs.map((r) => r.r)), "layout", "all-subtotals", 3));
      }
      const itemsAbove = items.filter((r) => r.r < t.r);
      addCandidate(line, make("down", "sum", t.r, plus(itemsAbove.map((r) => r.r)), "layout", "items-above", 3));
    }

  }

  // 3. What the sheet's own formulas add: a SUM or + chain over cells of the same row (or column) proposes the
  //    reading it states, for labelled lines and for unlabelled ones (a SUM row without a label).
  formulaCandidates(view, model, lines, lineOf, make);

  const labelled = (l: TotalLine): boolean => { const x = l.axis === "across" ? lines.byCol.get(l.total) : lines.byRow.get(l.total); return x !== undefined && isTotalRole(x); };
  // A share, a rate or a check line is no total, whatever its formula adds.
  const additive = (l: TotalLine): boolean => (l.axis === "across" ? lines.byCol.get(l.total)?.additive : lines.byRow.get(l.total)?.additive) ?? true;
  return [...out.values()].filter((l) => additive(l) && (l.candidates.length > 0 || labelled(l)));
}

type Maker = (axis: Axis, kind: "sum" | "gap", total: number, parts: Part[], origin: Origin, how: string, rank: number, declared?: boolean) => Candidate;

function formulaCandidates(view: SheetView, model: TableModel, lines: Lines, lineOf: (axis: Axis, total: number) => TotalLine, make: Maker): void {
  for (const row of model.rows) {
    for (const col of model.cols) {
      if (view.cell(row.r, col.c)?.f === undefined) continue;
      const st = view.statement(row.r, col.c);
      if (st === undefined || !st.distinct) continue;
      const line = st.axis === "across" ? lineOf("across", col.c) : lineOf("down", row.r);
      // Most formulas of a line state the same sum: only a new one makes a reading.
      if (line.keys.has(`sum:${st.key}`)) continue;
      addCandidate(line, make(st.axis, "sum", line.total, st.parts, "formula", "formula", 6));
    }
  }
}
