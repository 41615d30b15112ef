// The money unit a table declares: "(단위 : 천원)" above it, or "예산(천원)" in a header cell.
// Only labels count: a sentence that merely mentions 천원 says nothing about a table's unit,
// and "(단위 : 개소)" declares a count, not money.

import { UNIT_WORD_SOURCE, unitFromWord } from "./numbers";
import type { Unit } from "./units";

// "단위" then an optional colon, the unit word, and the end of the label (or a list separator:
// "(단위: 천원, %)"). The lookahead keeps "단위: 천원으로 ..." out.
const DECLARED_RE = new RegExp(
  String.raw`(?:^|[\s(\[<【〈,;])단위\s*:?\s*(${UNIT_WORD_SOURCE})\s*(?=$|[)\]>】〉,;/])`,
  "u",
);

// A header cell ending in a parenthesised unit: "예산(천원)", "소요예산 (백만원)", "(백만원)".
// One cell only: a tab or line break means several cells, and the unit would belong to the last one.
const HEADER_RE = new RegExp(String.raw`^([^():\t\n]{0,30}?)\s*[(\[]\s*(${UNIT_WORD_SOURCE})\s*[)\]]$`, "u");
// A figure in front of the parenthesis makes it an amount with a note, not a header.
const FIGURE_RE = new RegExp(String.raw`\d\s*${UNIT_WORD_SOURCE}|\d,\d{3}`, "u");

// Every unit word has one of these syllables: most header texts ("국비", "2021년") are refused at once.
const UNIT_SYLLABLE = /[원억조만]/;

export function findUnitLabel(text: string): Unit | undefined {
  if (!UNIT_SYLLABLE.test(text)) return undefined;
  const t = text.normalize("NFKC").trim();
  const declared = DECLARED_RE.exec(t);
  if (declared !== null) return unitFromWord(declared[1]);
  const header = HEADER_RE.exec(t);
  if (header !== null && !FIGURE_RE.test(header[1])) return unitFromWord(header[2]);
  return undefined;
}
