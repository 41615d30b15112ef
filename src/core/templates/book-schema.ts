// A template for a new 세부사업 as the budget book prints it (세출예산서 사업명세서; see src/core/book): the path
// above it (부서 › 정책사업 › 단위사업), its 재원, then 편성목 › 통계목 › ◎ items › ○ sub-items, each leaf with its
// 산출기초 as 단가(원) × counts and rates. The template holds the STRUCTURE and default figures only: the layout
// (layout-book.ts) writes every amount as a formula, 예산액 from the 산출기초's figures, so the printed forms
// (e.g. "82,560원*1명*249일" = 20,558천원, rounded up as the book does) cannot disagree with their amounts.
import { z } from "zod";
import { SourceKeySchema } from "./source-schema";

const text = z.string().trim().min(1);
const won = z.int().min(0).max(Number.MAX_SAFE_INTEGER);

/** One factor of a 산출기초 after the 단가: a count with its word (명, 월, 회, 개소 …) or a rate ("%"). */
export const BookFactorSchema = z.strictObject({
  /** The word printed after the figure; "%" for a rate. Checked in validate-book.ts (no digits, operators, 원). */
  unit: text,
  /** The default figure: a whole count, or the rate in per cent (11.6 for 11.6%). */
  value: z.number().min(0).max(1e9).optional(),
});

/** A line with a 산출기초 of its own: 단가 × factors. */
export const BookLeafSchema = z.strictObject({
  /** As printed, without the ◎/○ mark (the layout adds it). */
  label: text,
  /** 단가 in 원: the default of its input cell. */
  price: won.optional(),
  factors: z.array(BookFactorSchema).max(4).optional(),
});

/** A ◎ item: a leaf, or a heading whose amount is the sum of its ○ sub-items. */
export const BookItemSchema = BookLeafSchema.extend({
  /** ○ lines; an item with sub-items has no 산출기초 of its own. */
  subs: z.array(BookLeafSchema).min(1).max(30).optional(),
});

/** A 통계목 ("01 사무관리비") with its 본예산 line and items. */
export const BookStatSchema = z.strictObject({
  label: text,
  /** 전년도예산액 in 천원: the default of its input cell (a 신규 program's is 0 when absent). */
  previous: won.optional(),
  items: z.array(BookItemSchema).min(1).max(60),
});

/** A 편성목 ("201 일반운영비"). */
export const BookObjectSchema = z.strictObject({
  label: text,
  stats: z.array(BookStatSchema).min(1).max(30),
});

export const BookSourceSchema = z.strictObject({
  source: SourceKeySchema,
  /** 천원: the default of its input cell; the last 재원 is what remains of the 세부사업's amount, never typed. */
  amount: won.optional(),
});

export const BookSchema = z.strictObject({
  /** 정책사업, as printed: "지역경제 활성화(국토및지역개발/지역및도시)". */
  policy: text,
  /** 단위사업 */
  unitProgram: text,
  sources: z.array(BookSourceSchema).min(1).max(8),
  objects: z.array(BookObjectSchema).min(1).max(30),
});

export type Book = z.infer<typeof BookSchema>;
export type BookObject = z.infer<typeof BookObjectSchema>;
export type BookStat = z.infer<typeof BookStatSchema>;
export type BookItem = z.infer<typeof BookItemSchema>;
export type BookLeaf = z.infer<typeof BookLeafSchema>;
export type BookFactor = z.infer<typeof BookFactorSchema>;
