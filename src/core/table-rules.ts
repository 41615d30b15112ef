// Runs the rules on one found table: malformed numbers, numbers stored as text, formulas without values,
// totals that disagree with their parts (blaming the fewest cells), total formulas that miss or repeat a part,
// typed totals among formulas, and per-source splits written inside an amount cell.
import { a1, rangeA1 } from "./grid";
import type { Finding } from "./findings";
import type { FoundTable } from "./detect-tables";
import type { SheetView } from "./sheet-view";
import { amountIn, type AmountCell } from "./amount-cell";
import { blameCells } from "./blame";
import { parseLinearFormula } from "./formula";
import { decimalsOf } from "./numbers";
import { MSG } from "./messages";
import type { Check } from "./checks";

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
        if (a.splits !== undefined) out.push(...checkSplit(cell, a, base));
        scale = Math.max(scale, Math.min(MAX_SCALE, decimalsOf(amountIn(a, t.unit))));
      }
    }
  }

  const factor = 10 ** scale;
  const scaled = (r: number, c: number): number | undefined => {
    const v = valueOf(model.amount(r, c));
    return v === undefined ? undefined : Math.round(v * factor);
  };
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

  out.push(...formulaFindings(view, t, base));
  return out;
}

function checkSplit(cell: string, a: AmountCell & { kind: "amount" }, base: Pick<Finding, "sheet" | "table" | "unit">): Finding[] {
  const splits = a.splits ?? [];
  const bad = splits.find((s) => s.parsed.kind === "malformed");
  if (bad !== undefined) {
    const text = bad.parsed.text;
    return [{ ...base, rule: "malformed-number", severity: "error", cell, related: [], actual: text, unit: a.unit ?? base.unit, message: MSG.malformed(cell, text) }];
  }
  const values = splits.flatMap((s) => (s.parsed.kind === "number" ? [s.parsed.value] : []));
  if (values.length < 2 || values.length !== splits.length) return [];
  const scale = Math.min(MAX_SCALE, Math.max(decimalsOf(a.value), ...values.map(decimalsOf)));
  const f = 10 ** scale;
  const sum = values.reduce((s, v) => s + Math.round(v * f), 0);
  if (sum === Math.round(a.value * f)) return [];
  const unit = a.unit ?? base.unit;
  return [{ ...base, unit, rule: "total-mismatch", severity: "error", cell, related: [], expected: sum / f, actual: a.value, message: MSG.splitMismatch(cell, a.value, sum / f, unit) }];
}

/** Formula checks on total cells: the formula must add exactly the parts of one of the cell's checks. */
function formulaFindings(view: SheetView, t: FoundTable, base: Pick<Finding, "sheet" | "table" | "unit">): Finding[] {
  const out: Finding[] = [];
  const byTotal = new Map<string, Check[]>();
  for (const ch of t.checks) {
    const k = a1(ch.r, ch.c);
    const list = byTotal.get(k);
    if (list === undefined) byTotal.set(k, [ch]);
    else list.push(ch);
  }
  const anyFormula = [...byTotal.values()].some((chs) => view.cell(chs[0].r, chs[0].c)?.f !== undefined);
  for (const [cell, chs] of byTotal) {
    const { r, c } = chs[0];
    const f = view.cell(r, c)?.f;
    if (f === undefined) {
      const v = view.cell(r, c)?.v;
      if (anyFormula && typeof v === "number") {
        out.push({ ...base, rule: "hardcoded-total", severity: "info", cell, related: [], actual: v, message: MSG.hardcodedTotal(cell) });
      }
      continue;
    }
    const lf = parseLinearFormula(f, t.sheet);
    if (lf === undefined) continue; // not a SUM/+ chain: nothing to compare
    const got = new Map<string, number>();
    for (const term of lf.terms) {
      const k = `${a1(term.r, term.c)}|${term.sign}`;
      got.set(k, (got.get(k) ?? 0) + 1);
    }
    let bestDiff: { missing: string[]; twice: string[]; extra: string[] } | undefined;
    for (const ch of chs) {
      const want = new Map<string, number>();
      for (const p of ch.parts) {
        const k = `${a1(p.r, p.c)}|${p.sign}`;
        want.set(k, (want.get(k) ?? 0) + 1);
      }
      const missing: string[] = [];
      const twice: string[] = [];
      const extra: string[] = [];
      for (const [k, n] of want) {
        const g = got.get(k) ?? 0;
        if (g < n) missing.push(k.split("|")[0]);
        else if (g > n) twice.push(k.split("|")[0]);
      }
      for (const [k] of got) if (!want.has(k)) extra.push(k.split("|")[0]);
      const size = missing.length + twice.length + extra.length;
      if (size === 0) {
        bestDiff = undefined;
        break;
      }
      if (bestDiff === undefined || size < bestDiff.missing.length + bestDiff.twice.length + bestDiff.extra.length) bestDiff = { missing, twice, extra };
    }
    if (bestDiff === undefined) continue;
    const related = [...bestDiff.missing, ...bestDiff.twice, ...bestDiff.extra];
    const message = bestDiff.missing.length > 0 ? MSG.formulaMissing(cell, bestDiff.missing) : bestDiff.twice.length > 0 ? MSG.formulaTwice(cell, bestDiff.twice) : MSG.formulaExtra(cell, bestDiff.extra);
    out.push({ ...base, rule: "formula-range", severity: "error", cell, related, actual: `=${f}`, message });
  }
  return out;
}
