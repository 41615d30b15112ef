// The readings a table's own labels give: the header tree (합계 beside the years under 연차별 소요재원, a 합계 group
// over 확보액 | 집행액 paired leaf by leaf, 사업예산 beside 국비 | 시비 | 구비, 소요액 − 확보액 = 미확보액) and the
// row labels (계 over the sources; 소계 heading or closing its group, and the grand total over the 소계 lines).
import type { HeaderNode, RowLine, TableModel } from "../layout/table-model";
import { append } from "../arrays";

export interface Template {
  kind: "sum" | "gap";
  total: number;
  parts: { at: number; sign: 1 | -1 }[];
}

/** Headers of an amount column in a breakdown. */
const AMOUNT_HEADER = /^(사업예산|예산|예산액|금액|사업비|소요액|소요예산|총사업비|사업예산\(.*\)|예산\(.*\)|금액\(.*\))$/;

const isTotal = (n: HeaderNode): boolean => n.cls?.kind === "total";
const isLeaf = (n: HeaderNode): boolean => n.children.length === 0 && n.col !== undefined;

function leaves(n: HeaderNode): number[] {
  if (isLeaf(n)) return [n.col as number];
  return n.children.flatMap(leaves);
}

/** What a header group adds to a total above it: its own subtotal column when it has one, else its leaves. */
function contribution(n: HeaderNode): number[] {
  if (isLeaf(n)) return [n.col as number];
  const sub = n.children.find((ch) => isTotal(ch) && isLeaf(ch));
  if (sub !== undefined) return [sub.col as number];
  return n.children.flatMap(contribution);
}

/** The highest nodes under n with exactly k leaves: the years under "연차별" when 합계 has 확보액 and 집행액. */
function groupsOf(n: HeaderNode, k: number): HeaderNode[] {
  const count = leaves(n).length;
  if (count === k) return [n];
  if (count < k) return [];
  return n.children.flatMap((ch) => groupsOf(ch, k));
}

function columnTemplates(root: HeaderNode, additive: (c: number) => boolean): Template[] {
  const out: Template[] = [];
  const visit = (node: HeaderNode): void => {
    const totals = node.children.filter(isTotal);
    const others = node.children.filter((ch) => !isTotal(ch) && (ch.cls === undefined || !["need", "secured", "gap"].includes(ch.cls.kind)));
    if (totals.length === 1 && others.length > 0) {
      const t = totals[0];
      if (isLeaf(t)) {
        out.push({ kind: "sum", total: t.col as number, parts: others.flatMap(contribution).map((at) => ({ at, sign: 1 as const })) });
      } else {
        const tl = leaves(t);
        const groups = others.flatMap((o) => groupsOf(o, tl.length));
        if (groups.length > 0) {
          tl.forEach((total, p) => out.push({ kind: "sum", total, parts: groups.map((g) => ({ at: leaves(g)[p], sign: 1 as const })) }));
        }
      }
    }
    // A breakdown's amount column beside per-source columns (사업예산 | 국비 | 시비 | 구비) is their total.
    if (totals.length === 0) {
      const sources = node.children.filter((ch) => ch.cls?.kind === "source" && isLeaf(ch));
      const amount = node.children.filter((ch) => isLeaf(ch) && ch.cls?.kind !== "source" && AMOUNT_HEADER.test(ch.text.replace(/\s/g, "")));
      if (sources.length >= 1 && amount.length === 1) {
        out.push({ kind: "sum", total: amount[0].col as number, parts: sources.map((ch) => ({ at: ch.col as number, sign: 1 as const })) });
      }
    }
    const role = (k: string): HeaderNode | undefined => node.children.find((ch) => ch.cls?.kind === k && isLeaf(ch));
    const need = role("need");
    const secured = role("secured");
    const gap = role("gap");
    if (need !== undefined && secured !== undefined && gap !== undefined) {
      out.push({ kind: "gap", total: gap.col as number, parts: [{ at: need.col as number, sign: 1 }, { at: secured.col as number, sign: -1 }] });
    }
    node.children.forEach(visit);
  };
  visit(root);
  return out;
}

export function rowGroupCandidates(allRows: RowLine[]): Template[] {
  const rows = allRows.filter((r) => r.additive);
  const grand = rows.filter((x) => x.role === "total");
  const rest = rows.filter((x) => x.role === "item" || x.role === "subtotal");
  const subs = rest.filter((x) => x.role === "subtotal");
  // A 계 every few rows (one per program down a long list) closes its own group: each adds the lines since the one
  // before. Offering each the whole table would make readings as long as the table for every one of them, work
  // that grows with the square of the rows for readings the figures would refuse anyway.
  if (grand.length > MAX_GRAND_TOTALS) return groupsClosedBy(rows);
  const out: Template[] = [];
  if (subs.length === 0) {
    if (rest.length > 0) for (const g of grand) out.push({ kind: "sum", total: g.r, parts: rest.map((x) => ({ at: x.r, sign: 1 as const })) });
    return out;
  }
  // Subtotals head their group (소계 first) or close it (소계 last); the first one tells which.
  const top = rest[0].role === "subtotal";
  const grandParts: number[] = [];
  let current: { sub: number; items: number[] } | undefined;
  let pending: number[] = [];
  for (const x of rest) {
    if (x.role === "subtotal") {
      if (top) {
        if (current !== undefined) out.push({ kind: "sum", total: current.sub, parts: current.items.map((at) => ({ at, sign: 1 as const })) });
        current = { sub: x.r, items: [] };
      } else {
        out.push({ kind: "sum", total: x.r, parts: pending.map((at) => ({ at, sign: 1 as const })) });
        pending = [];
      }
      grandParts.push(x.r);
    } else if (top && current !== undefined) current.items.push(x.r);
    else if (top) grandParts.push(x.r);
    else pending.push(x.r);
  }
  if (current !== undefined) out.push({ kind: "sum", total: current.sub, parts: current.items.map((at) => ({ at, sign: 1 as const })) });
  append(grandParts, pending);
  for (const g of grand) out.push({ kind: "sum", total: g.r, parts: grandParts.map((at) => ({ at, sign: 1 as const })) });
  return out.filter((t) => t.parts.length > 0);
}


/** More grand totals than this in one table: each is read as closing its own group, never the whole table. */
export const MAX_GRAND_TOTALS = 8;

/** Each total or subtotal line over the item lines since the previous total or subtotal line. */
function groupsClosedBy(rows: RowLine[]): Template[] {
  const out: Template[] = [];
  let items: number[] = [];
  for (const x of rows) {
    if (x.role === "item") items.push(x.r);
    else if (x.role === "total" || x.role === "subtotal") {
      if (items.length > 0) out.push({ kind: "sum", total: x.r, parts: items.map((at) => ({ at, sign: 1 as const })) });
      items = [];
    }
  }
  return out;
}

/** The header tree's readings, over columns that add up (shares, rates and identifiers never take part). */
export function headerCandidates(model: TableModel): Template[] {
  const additive = new Set(model.cols.filter((c) => c.additive).map((c) => c.c));
  return columnTemplates(model.headerTree, (c) => additive.has(c)).filter((t) => additive.has(t.total) && t.parts.length > 0 && t.parts.every((p) => additive.has(p.at)));
}
