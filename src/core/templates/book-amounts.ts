// The figures a laid-out book template shows before anyone edits it: the 산출기초 text of each leaf for its
// default 단가 and counts, and its 예산액. Worked out here, exactly, so that the file Yesan writes can carry them
// as the cached results of its formulas (a reader that does not calculate, `yesan check` among them, then sees
// what Excel shows); Excel and LibreOffice recalculate the same formulas on opening.
import { evaluateBasis, inUnits } from "../book/basis";
import type { BookFactor, BookLeaf } from "./book-schema";

/** How the book rounds a 산출기초 in 원 to its 천원: up (절상), as the books Yesan was built on do. */
export const BOOK_ROUNDING = "ceil" as const;

/** Digits of a rate kept: 0.0##% shows three decimals of the per cent, five of the fraction. */
export const RATE_DIGITS = 5;
export const COUNT_FORMAT = "#,##0";
export const RATE_FORMAT = "0.0##%";

const thousands = (n: number): string => Math.round(n).toLocaleString("en-US");

/** A rate in per cent (11.6) as the cell holds it (0.116), rounded to what the cell shows. */
export function rateFraction(percent: number): number {
  return Number((Math.round(percent * 1000) / 100000).toPrecision(15));
}

/** "11.6%", "12.0%", "11.65%": TEXT(fraction, "0.0##%"). */
export function rateText(fraction: number): string {
  const percent = (Math.round(fraction * 10 ** RATE_DIGITS) / 1000).toFixed(3).replace(/(\.\d*?)0+$/, "$1");
  return `${percent.endsWith(".") ? `${percent}0` : percent}%`;
}

/** The figure a factor's cell holds by default: a count, or the rate as a fraction; 0 when none is given. */
export const factorCell = (f: BookFactor): number => (f.value === undefined ? 0 : f.unit === "%" ? rateFraction(f.value) : f.value);

/** The 산출기초 as the layout's text formula shows it: "82,560원*1명*249일", "26,620,000원*11.6%". */
export function basisText(price: number, factors: readonly { unit: string; cell: number }[]): string {
  return [`${thousands(price)}원`, ...factors.map((f) => (f.unit === "%" ? rateText(f.cell) : `${thousands(f.cell)}${f.unit}`))].join("*");
}

/** The leaf's 예산액 in 천원 for its default figures (blank inputs count as 0, as in Excel). */
export function leafAmount(leaf: BookLeaf): number {
  const text = basisText(leaf.price ?? 0, (leaf.factors ?? []).map((f) => ({ unit: f.unit, cell: factorCell(f) })));
  return amountOf(text);
}

/** 예산액 in 천원 of a 산출기초 text the layout wrote. */
export function amountOf(text: string): number {
  const b = evaluateBasis(text);
  return b === undefined ? 0 : Number(inUnits(b.won, 1000n, BOOK_ROUNDING));
}
