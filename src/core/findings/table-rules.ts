// Runs the rules on one found table: malformed numbers, numbers stored as text, formulas without values,
// totals that disagree with their parts (blaming the fewest cells), total formulas that miss or repeat a part,
// typed totals among formulas, and per-source splits written inside an amount cell.
import { a1, rangeA1 } from "../cells/grid";
import type { Finding } from "./findings";
import type { FoundTable } from "../layout/detect-tables";
import type { SheetView } from "../cells/sheet-view";
import { amountIn, type AmountCell } from "../cells/amount-cell";
import { blameCells } from "../blame/blame";
import { decimalsOf } from "../numbers/numbers";
import { MSG } from "./messages";
import { splitFindings } from "./split-rule";
import type { Check } from "../candidates/checks";

const MAX_SCALE = 6;

export function checkTable(view: SheetView, t: FoundTable): Finding[] {
  const out: Finding[] = [];
  const table = rangeA1(t.range);
  const sheet = t.sheet;
  const base = { sheet, table, unit: t.unit };
  const { model } = t;

  // Values in the table's unit. Unknown (malformed, not calculated) stays undefined and voids its checks.
  const valueOf = (a: AmountCell): number | undefined => {
    switch (a.kind) {
      case "amount":
        return amountIn(a, t.unit);
      case "malformed":
      case "not-calculated":
        return undefined;
      default:
        return 0;
    }
  };

  let scale = 0;
  for (const row of model.rows) {
    for (const col of model.cols) {
      const a = model.amount(row.r, col.c);
      const cell = a1(row.r, col.c);
      if (a.kind === "malformed") {
        out.push({ ...base, rule: "malformed-number", severity: "error", cell, related: [], actual: a.text, message: MSG.malformed(cell, a.text) });
      } else if (a.kind === "not-calculated" && !a.dependent) {
        out.push({ ...base, rule: "not-calculated", severity: "warning", cell, related: [], message: MSG.notCalculated(cell, a.formula) });
      } else if (a.kind === "amount") {
        if (a.asText) {
          const text = String(view.cell(row.r, col.c)?.v ?? "");
          out.push({ ...base, rule: "number-as-text", severity: "warning", cell, related: [], actual: text, message: MSG.numberAsText(cell, text) });
        }
        if (a.splits !== undefined) out.push(...splitFindings({ sheet, table, cell }, a.value, a.unit ?? t.unit, a.splits));
        scale = Math.max(scale, Math.min(MAX_SCALE, decimalsOf(amountIn(a, t.unit))));
      }
    }
  }

  const factor = 10 ** scale;
  const paired = model.rows.some((row) => model.cols.some((col) => { const a = model.amount(row.r, col.c); return a.kind === "amount" && a.second !== undefined; }));
  // Tables of pairs ("27(27)") are checked twice: once on the first figures, once on the figures in brackets.
  for (const second of paired ? [false, true] : [false]) {
    out.push(...totalFindings(t, base, (r, c) => {
      const a = model.amount(r, c);
      const v = second && a.kind === "amount" && a.second !== undefined ? a.second : valueOf(a);
      return v === undefined ? undefined : Math.round(v * factor);
    }, factor));
  }
  out.push(...formulaFindings(view, t, base));
  return out;
}

function totalFindings(t: FoundTable, base: Pick<Finding, "sheet" | "table" | "unit">, scaled: (r: number, c: number) => number | undefined, factor: number): Finding[] {
  const out: Finding[] = [];
  const { model } = t;
  const totalIsBlank = (ch: Check): boolean => {
    const a = model.amount(ch.r, ch.c);
    return (a.kind === "zero" && !a.dash) || a.kind === "text";
  };
  const residuals = t.checks.map((ch) => {
    // A blank or worded total ("3개 시장") states nothing to check.
    if (totalIsBlank(ch)) return undefined;
    const total = scaled(ch.r, ch.c);
    if (total === undefined) return undefined;
    let sum = 0;
    for (const p of ch.parts) {
      const v = scaled(p.r, p.c);
      if (v === undefined) return undefined;
      sum += p.sign * v;
    }
    return total - sum;
  });

  for (const b of blameCells(t.checks, residuals)) {
    const cell = a1(b.r, b.c);
    const actualScaled = scaled(b.r, b.c) as number;
    const actual = actualScaled / factor;
    const expected = (actualScaled - b.error) / factor;
    const isTotal = b.checks.some((k) => t.checks[k].r === b.r && t.checks[k].c === b.c);
    const gap = b.checks.some((k) => t.checks[k].kind === "gap" && t.checks[k].r === b.r && t.checks[k].c === b.c);
    const related = new Set<string>();
    for (const k of b.checks) {
      const ch = t.checks[k];
      related.add(a1(ch.r, ch.c));
      for (const p of ch.parts) related.add(a1(p.r, p.c));
    }
    related.delete(cell);
    out.push({
      ...base,
      rule: "total-mismatch",
      severity: "error",
      cell,
      related: [...related],
      expected,
      actual,
      message: gap ? MSG.gapMismatch(cell, actual, expected, t.unit) : MSG.totalMismatch(cell, actual, expected, t.unit, isTotal ? "total" : "part"),
    });
  }
  return out;
}

/** Formula checks on total cells: the formula must add exactly the parts of one of the cell's checks. */
function formulaFindings(view: SheetView, t: FoundTable, base: Pick<Finding, "sheet" | "table" | "unit">): Finding[] {
  const out: Finding[] = [];
  const byTotal = new Map<number, Check[]>();
  let anyFormula = false;
  for (const ch of t.checks) {
    const k = ch.r * 16384 + ch.c;
    const list = byTotal.get(k);
    if (list === undefined) {
      byTotal.set(k, [ch]);
      if (view.cell(ch.r, ch.c)?.f !== undefined) anyFormula = true;
    } else list.push(ch);
  }
  // (cell, sign) as one number: twice the cell key, plus one for a subtracted term.
  const termKey = (r: number, c: number, sign: number): number => (r * 16384 + c) * 2 + (sign < 0 ? 1 : 0);
  const cellOf = (k: number): string => {
    const cell = Math.floor(k / 2);
    return a1(Math.floor(cell / 16384), cell % 16384);
  };
  for (const chs of byTotal.values()) {
    const { r, c } = chs[0];
    const cell = view.cell(r, c);
    if (cell?.f === undefined) {
      if (anyFormula && typeof cell?.v === "number") {
        const ref = a1(r, c);
        out.push({ ...base, rule: "hardcoded-total", severity: "info", cell: ref, related: [], actual: cell.v, message: MSG.hardcodedTotal(ref) });
      }
      continue;
    }
    // The usual total is SUM over one contiguous run of its parts: compare the text before parsing anything.
    const formula = cell.f.replace(/\$/g, "").toUpperCase();
    if (chs.some((ch) => formula === contiguousSum(ch))) continue;
    const lf = view.linear(r, c);
    if (lf === undefined) continue; // not a SUM/+ chain: nothing to compare
    // Compare as sorted lists of (cell, sign) keys: duplicates show as repeats, no maps per check.
    const got = lf.terms.map((term) => termKey(term.r, term.c, term.sign)).sort((a, b) => a - b);
    let best: { missing: number[]; twice: number[]; extra: number[] } | undefined;
    for (const ch of chs) {
      const want = ch.parts.map((p) => termKey(p.r, p.c, p.sign)).sort((a, b) => a - b);
      if (want.length === got.length && want.every((k, i) => k === got[i])) {
        best = undefined;
        break;
      }
      const diff = compareSorted(want, got);
      const size = diff.missing.length + diff.twice.length + diff.extra.length;
      if (best === undefined || size < best.missing.length + best.twice.length + best.extra.length) best = diff;
    }
    if (best === undefined) continue;
    const ref = a1(r, c);
    const missing = best.missing.map(cellOf);
    const twice = best.twice.map(cellOf);
    const extra = best.extra.map(cellOf);
    const message = missing.length > 0 ? MSG.formulaMissing(ref, missing) : twice.length > 0 ? MSG.formulaTwice(ref, twice) : MSG.formulaExtra(ref, extra);
    out.push({ ...base, rule: "formula-range", severity: "error", cell: ref, related: [...missing, ...twice, ...extra], actual: `=${cell.f}`, message });
  }
  return out;
}

/** What `got` lacks of `want` (missing), repeats beyond it (twice) and adds that `want` never has (extra). */
function compareSorted(want: number[], got: number[]): { missing: number[]; twice: number[]; extra: number[] } {
  const missing: number[] = [];
  const twice: number[] = [];
  const extra: number[] = [];
  const count = (xs: number[]): Map<number, number> => {
    const m = new Map<number, number>();
    for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
    return m;
  };
  const w = count(want);
  const g = count(got);
  for (const [k, n] of w) {
    const have = g.get(k) ?? 0;
    if (have < n) missing.push(k);
    else if (have > n) twice.push(k);
  }
  for (const k of g.keys()) if (!w.has(k)) extra.push(k);
  return { missing, twice, extra };
}

/** "SUM(C5:C7)" when a check's parts are one run of cells in a row or a column (all added), else "". */
function contiguousSum(ch: Check): string {
  const ps = ch.parts;
  if (ps.length === 0 || ps.some((p) => p.sign !== 1)) return "";
  const first = ps[0];
  const last = ps[ps.length - 1];
  const down = ps.every((p, i) => p.c === first.c && p.r === first.r + i);
  const across = ps.every((p, i) => p.r === first.r && p.c === first.c + i);
  if (!down && !across) return "";
  return `SUM(${a1(first.r, first.c)}:${a1(last.r, last.c)})`;
}
