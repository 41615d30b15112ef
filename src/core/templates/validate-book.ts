// Rules across the fields of a book template (book-schema.ts) that its shape cannot say: what the checker must
// read back from the laid-out page (a 통계목 label it knows as one, count words that are not money), and default
// figures that the layout's formulas could not honour (the 재원 after the last one's remainder).
import { itemLevel, LEVEL } from "../book/page";
import { SOURCE_NAMES } from "../layout/labels";
import type { Book, BookFactor, BookLeaf } from "./book-schema";
import { TEMPLATE_MSG, type Text } from "./messages";
import { leafAmount } from "./book-amounts";

type Problem = { path: string; message: Text };

// A count word: no figure, operator or space, not money (it would make the 산출기초 two amounts of money).
const COUNT_WORD = /^[^\d\s*×xX✕·/÷%+,.()=]{1,8}$/u;

export function bookProblems(book: Book): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  book.sources.forEach((s, i) => {
    if (seen.has(s.source)) out.push({ path: `book.sources[${i}].source`, message: TEMPLATE_MSG.duplicateSource(SOURCE_NAMES[s.source].ko) });
    seen.add(s.source);
  });
  const last = book.sources.length - 1;
  if (book.sources[last].amount !== undefined) out.push({ path: `book.sources[${last}].amount`, message: TEMPLATE_MSG.bookLastSource() });
  let total = 0;
  book.objects.forEach((o, i) => {
    const at = `book.objects[${i}]`;
    if (!/^\d{3}\s+\S/.test(o.label)) out.push({ path: `${at}.label`, message: TEMPLATE_MSG.bookObjectLabel(o.label) });
    o.stats.forEach((s, j) => {
      const sat = `${at}.stats[${j}]`;
      if (itemLevel(s.label) !== LEVEL.stat) out.push({ path: `${sat}.label`, message: TEMPLATE_MSG.bookStatLabel(s.label) });
      s.items.forEach((item, k) => {
        const iat = `${sat}.items[${k}]`;
        if (item.subs !== undefined) {
          if (item.price !== undefined || item.factors !== undefined) out.push({ path: iat, message: TEMPLATE_MSG.bookHeadingWithBasis() });
          item.subs.forEach((sub, m) => {
            out.push(...leafProblems(sub, `${iat}.subs[${m}]`));
            total += leafAmount(sub) ?? 0;
          });
        } else {
          out.push(...leafProblems(item, iat));
          total += leafAmount(item) ?? 0;
        }
      });
    });
  });
  const typed = book.sources.slice(0, last).reduce((t, s) => t + (s.amount ?? 0), 0);
  if (typed > total) out.push({ path: "book.sources", message: TEMPLATE_MSG.bookSourcesOver(typed, total) });
  return out;
}

function leafProblems(leaf: BookLeaf, at: string): Problem[] {
  const out: Problem[] = [];
  (leaf.factors ?? []).forEach((f: BookFactor, i) => {
    const fat = `${at}.factors[${i}]`;
    if (f.unit !== "%" && (!COUNT_WORD.test(f.unit) || f.unit.endsWith("원"))) out.push({ path: `${fat}.unit`, message: TEMPLATE_MSG.bookFactorUnit(f.unit) });
    else if (f.unit !== "%" && f.value !== undefined && !Number.isInteger(f.value)) out.push({ path: `${fat}.value`, message: TEMPLATE_MSG.notInteger() });
    else if (f.unit === "%" && f.value !== undefined && f.value > 1000) out.push({ path: `${fat}.value`, message: TEMPLATE_MSG.tooBig("number", 1000) });
  });
  return out;
}
