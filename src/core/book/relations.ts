// What the budget book states about its own figures, as relations over cells:
//   rollup            a line's 예산액 = Σ its children's (부서 = Σ 정책사업 … 통계목 = Σ ◎, ◎ = Σ ○)
//   rollup-previous   the same for 전년도예산액 (기정액 in a 추경 book)
//   sources           a line's 재원 lines add up to its 예산액
//   source-rollup     a line's 국 (도, 군 …) = Σ its children's 국, where every child lists its 재원
//   change            비교증감 = 예산액 − 전년도예산액
//   basis             the 산출기초 expression, in 천원 as the book rounds it, = 예산액
// Each kind is claimed for a book only when it holds on most of its instances there (see confirmKinds).
import { evaluateBasis, inUnits, isWhole, type Rounding } from "./basis";
import type { At, BookLine, Ledger } from "./ledger";
import { LEVEL } from "./page";
import { WON_PER_UNIT, type Unit } from "../numbers/units";

export type RelationKind = "rollup" | "rollup-previous" | "sources" | "source-rollup" | "change" | "basis";

export interface Term extends At {
  value: number;
  sign: 1 | -1;
  /** A figure the page break lost (see ledger.ts): evidence, never blamed. */
  virtual?: true;
}

export interface Relation {
  kind: RelationKind;
  line: BookLine;
  /** The figure the others must make up. */
  total: Term;
  parts: Term[];
  /** The 재원 of a source-rollup. */
  key?: string;
  /** The 산출기초 text of a basis relation. */
  basisText?: string;
}

const EPS = 1e-6;
export const diffOf = (rel: Relation): number => rel.total.value - rel.parts.reduce((s, p) => s + p.sign * p.value, 0);
/**
 * A line's 전년도예산액 may exceed its children's: the book prints this year's lines, and a 편성목 funded last
 * year but not this year is not among them. Only children adding up to more than their line is a disagreement.
 */
export const holds = (rel: Relation): boolean => (rel.kind === "rollup-previous" ? diffOf(rel) > -EPS : Math.abs(diffOf(rel)) < EPS);

/**
 * How well a relation holds, for weighing which cell is wrong: 2 exactly, 1 within a one-sided relation's slack
 * (a 전년도 above its children's), 0 not at all. `d` is the relation's difference (total − parts).
 */
export function strength(rel: Relation, d: number = diffOf(rel)): 0 | 1 | 2 {
  if (Math.abs(d) < EPS) return 2;
  return rel.kind === "rollup-previous" && d > 0 ? 1 : 0;
}

const term = (at: At & { value: number; virtual?: true }, sign: 1 | -1 = 1): Term => {
  const t: Term = { sheet: at.sheet, r: at.r, c: at.c, value: at.value, sign };
  if (at.virtual === true) t.virtual = true;
  return t;
};

export function bookRelations(ledger: Ledger, unit: Unit): { relations: Relation[]; rounding: Rounding | undefined } {
  const out: Relation[] = [];
  for (const line of ledger.lines) {
    const kids = line.children;
    if (line.amount !== undefined && kids.length > 0 && kids.every((k) => k.amount !== undefined)) {
      const parts = stageParts(line, kids);
      if (parts !== undefined) out.push({ kind: "rollup", line, total: versionTotal(line, parts.map((k) => k.amount?.value ?? 0)), parts: parts.map((k) => term(k.amount as NonNullable<typeof k.amount>)) });
    }
    // Successive versions (성립전 6차, 7차) carry the stage before as their 전년도 column: no sum to check there.
    const stages = kids.length >= 2 && kids.every((k) => k.level === LEVEL.version);
    if (!stages && line.previous !== undefined && kids.length > 0 && kids.every((k) => k.previous !== undefined)) {
      out.push({ kind: "rollup-previous", line, total: term(line.previous), parts: kids.map((k) => term(k.previous as NonNullable<typeof k.previous>)) });
    }
    if (line.amount !== undefined && line.amount.virtual !== true && line.sources.length > 0 && line.sourcesBroken !== true) {
      out.push({ kind: "sources", line, total: versionTotal(line, line.sources.map((s) => s.value)), parts: line.sources.map((s) => term(s)) });
    }
    if (!stages && line.sources.length > 0 && kids.length > 0 && kids.every((k) => k.sources.length > 0) && ![line, ...kids].some((k) => k.sourcesBroken === true)) {
      for (const s of line.sources) {
        const parts = kids.flatMap((k) => k.sources.filter((x) => x.key === s.key).map((x) => term(x)));
        out.push({ kind: "source-rollup", line, total: term(s), parts, key: s.key });
      }
    }
    if (line.amount !== undefined && line.previous !== undefined && line.change !== undefined) {
      out.push({ kind: "change", line, total: term(line.change), parts: [term(line.amount), term(line.previous, -1)] });
    }
  }
  const rounding = basisRelations(ledger, unit, out);
  return { relations: out, rounding };
}

/**
 * The children a line adds. Several versions under one 통계목 (추경 1회 성립전 6차, 7차 …) may be successive stages
 * of the same money, the line showing the last: the sum where the sum holds, the last where that holds, and
 * nothing claimed where neither does.
 */
function stageParts(line: BookLine, kids: BookLine[]): BookLine[] | undefined {
  if (kids.length < 2 || !kids.every((k) => k.level === LEVEL.version)) return kids;
  const value = (k: BookLine): number => k.amount?.value ?? 0;
  const sum = kids.reduce((t, k) => t + value(k), 0);
  const total = line.amount?.value ?? 0;
  if (Math.abs(sum - total) < EPS) return kids;
  const last = kids[kids.length - 1];
  return Math.abs(value(last) - total) < EPS ? [last] : undefined;
}

/**
 * A 추경 or 성립전 version shows the 통계목 as it stands after the change, its 전년도 column the stage before and
 * its 비교증감 what it adds: its items make up that change, not the whole. The amount where the items add up to it,
 * the change where they add up to that instead.
 */
function versionTotal(line: BookLine, parts: number[]): Term {
  const amount = line.amount as NonNullable<typeof line.amount>;
  if (line.level !== LEVEL.version || line.change === undefined) return term(amount);
  const sum = parts.reduce((t, v) => t + v, 0);
  return Math.abs(sum - amount.value) > EPS && Math.abs(sum - line.change.value) < EPS ? term(line.change) : term(amount);
}

/**
 * 산출기초 in 원 against 예산액 in the book's unit. The book's rounding (절상, 절사 or 반올림 to 천원) is read from its
 * own lines whose product is no whole 천원: the rule most of them follow.
 */
function basisRelations(ledger: Ledger, unit: Unit, out: Relation[]): Rounding | undefined {
  const per = WON_PER_UNIT[unit];
  const items: { line: BookLine; won: NonNullable<ReturnType<typeof evaluateBasis>>["won"] }[] = [];
  for (const line of ledger.lines) {
    if (line.basis === undefined || line.amount === undefined) continue;
    const b = evaluateBasis(line.basis.text);
    if (b !== undefined) items.push({ line, won: b.won });
  }
  const votes: Record<Rounding, number> = { floor: 0, ceil: 0, round: 0 };
  for (const it of items) {
    if (isWhole(it.won, per)) continue;
    for (const mode of ["floor", "ceil", "round"] as const) if (Number(inUnits(it.won, per, mode)) === it.line.amount?.value) votes[mode]++;
  }
  const ranked = (["ceil", "floor", "round"] as const).slice().sort((a, b) => votes[b] - votes[a]);
  const rounding: Rounding | undefined = votes[ranked[0]] > 0 ? ranked[0] : undefined;
  for (const it of items) {
    // Without a rule of the book's own, only whole amounts can be compared.
    if (rounding === undefined && !isWhole(it.won, per)) continue;
    const computed = Number(inUnits(it.won, per, rounding ?? "floor"));
    const amount = it.line.amount as NonNullable<typeof it.line.amount>;
    const basisAt = (it.line.basis as NonNullable<typeof it.line.basis>).at;
    out.push({ kind: "basis", line: it.line, total: term(amount), parts: [term({ ...basisAt, value: computed })], basisText: it.line.basis?.text });
  }
  return rounding;
}

/** Per kind: holds on two instances at least and on two thirds of those that are checked. */
export function confirmKinds(relations: Relation[]): { confirmed: Set<RelationKind>; unconfirmed: RelationKind[] } {
  const tally = new Map<RelationKind, { holds: number; fails: number }>();
  for (const r of relations) {
    const t = tally.get(r.kind) ?? { holds: 0, fails: 0 };
    if (holds(r)) t.holds++;
    else t.fails++;
    tally.set(r.kind, t);
  }
  const confirmed = new Set<RelationKind>();
  const unconfirmed: RelationKind[] = [];
  for (const [k, t] of tally) {
    if (t.holds >= 2 && t.holds >= 2 * t.fails) confirmed.add(k);
    else unconfirmed.push(k);
  }
  return { confirmed, unconfirmed };
}
