// A text line that states an amount: "□ 2021년 소요예산 : 320,793천원",
// "- 사 업 비 : 2,811,000천원 (국 1,686,600 / 시 674,640 / 구 449,760)", or a shortfall
// "... 29,324백만 원 중 6,468백만 원(22%) 부족". The checker compares these with the tables,
// so a figure is taken only when it carries a money unit, and splits only when every part names a source.

import { convert, foldWidth, parseNumber, UNIT_WORD_SOURCE, type ParsedNumber } from "../numbers/numbers";
import { classifyLabel, sourceFromAbbrev, type SourceKey } from "./labels";
import type { Unit } from "../numbers/units";

export interface SplitPart {
  label: string;
  source?: SourceKey;
  /** For numbers: value in the headline's unit, and `unit` set to it. */
  parsed: ParsedNumber;
}

export interface Headline {
  text: string;
  subject: string;
  year?: number;
  kind: "amount" | "gap";
  /** start/end: offsets in `text` of the figure with its unit ("320,793천원"), end exclusive. */
  amount: { value: number; unit: Unit; start: number; end: number };
  need?: { value: number; unit: Unit };
  percent?: number;
  splits?: SplitPart[];
}

interface Figure {
  value: number;
  unit: Unit;
  start: number;
  end: number;
}

// Loose digits on purpose ("24,00천원" is found, then parseNumber judges it).
const DIGITS = String.raw`\d(?:[\d,]*\d)?(?:\.\d+)?`;
// Not the first half of "2억 5천만원" / "2억 5,000만원": that amount is in 만 units, which we do not read.
const NOT_MAN_CONTINUED = String.raw`(?!\s*[\d.,]+\s*(?:천만|백만|만|천(?!\s*원)))`;
// "제9조" is an article of a law, not 9 조원.
const FIGURE_SOURCE = String.raw`(?<![\d.,])(?<!제\s*)[△▲−]?(?:${DIGITS}\s*조\s*${DIGITS}\s*억(?:\s*원)?|${DIGITS}\s*${UNIT_WORD_SOURCE})${NOT_MAN_CONTINUED}`;
const FIGURE_ANYWHERE_RE = new RegExp(FIGURE_SOURCE, "u");
const FIGURE_HERE_RE = new RegExp(FIGURE_SOURCE, "uy");

const PERCENT_RE = /\s*\(\s*(\d+(?:\.\d+)?)\s*%\s*\)/y;
const GAP_JOIN_RE = /\s*중\s*/y;
const GAP_WORD_RE = /\s*(?:부족|미확보)/y;

// The line every program has, "□ 2021년 소요예산 : 320,793천원", read without the general scan (thousands per
// workbook). Anything else, or anything unusual in it, goes the general way; a property test keeps both equal.
const PLAIN_BUDGET_RE = /^(□ )(\d{4})년 소요예산 : ((?:[1-9]\d{0,2}(?:,\d{3})*|0))(천원|백만원)$/;

function plainBudgetHeadline(text: string): Headline | undefined {
  const m = PLAIN_BUDGET_RE.exec(text);
  if (m === null) return undefined;
  const year = Number(m[2]);
  if (year < 1990 || year > 2099) return undefined;
  const start = m[1].length + m[2].length + "년 소요예산 : ".length;
  const end = start + m[3].length + m[4].length;
  return { text, subject: `${m[2]}년 소요예산`, year, kind: "amount", amount: { value: Number(m[3].replace(/,/g, "")), unit: m[4] as Unit, start, end } };
}

export function parseHeadline(text: string): Headline | undefined {
  return plainBudgetHeadline(text) ?? parseHeadlineGeneral(text);
}

/** The general reader; exported for the test that keeps the fast path honest. */
export function parseHeadlineGeneral(text: string): Headline | undefined {
  // Same length as `text`, so offsets found in `w` are offsets in `text`.
  const w = foldWidth(text).replace(/\*\*/g, "  ");
  const m = FIGURE_ANYWHERE_RE.exec(w);
  if (m === null) return undefined;
  const first = figure(m.index, m[0]);
  if (first === undefined) return undefined;

  const subject = cleanSubject(subjectBefore(w.slice(0, first.start)));
  const year = yearIn(subject);
  const base = { text, subject, ...(year === undefined ? {} : { year }) };

  const gap = gapAfter(w, first);
  if (gap !== undefined) {
    return {
      ...base,
      kind: "gap",
      amount: gap.gap,
      need: { value: first.value, unit: first.unit },
      ...(gap.percent === undefined ? {} : { percent: gap.percent }),
    };
  }
  const percent = matchAt(PERCENT_RE, w, first.end);
  if (percent !== undefined) return { ...base, kind: "amount", amount: first, percent: Number(percent[1]) };
  const splits = splitsAfter(w, first);
  return { ...base, kind: "amount", amount: first, ...(splits === undefined ? {} : { splits }) };
}

function figure(start: number, raw: string): Figure | undefined {
  const parsed = parseNumber(raw);
  if (parsed.kind !== "number" || parsed.unit === undefined) return undefined;
  return { value: parsed.value, unit: parsed.unit, start, end: start + raw.length };
}

function matchAt(re: RegExp, w: string, at: number): RegExpExecArray | undefined {
  re.lastIndex = at;
  return re.exec(w) ?? undefined;
}

/** "29,324백만 원 중 6,468백만 원(22%) 부족": the second figure is the gap, the first the need. */
function gapAfter(w: string, need: Figure): { gap: Figure; percent?: number } | undefined {
  const join = matchAt(GAP_JOIN_RE, w, need.end);
  if (join === undefined) return undefined;
  const at = need.end + join[0].length;
  const m = matchAt(FIGURE_HERE_RE, w, at);
  if (m === undefined) return undefined;
  const gap = figure(at, m[0]);
  if (gap === undefined) return undefined;
  const pct = matchAt(PERCENT_RE, w, gap.end);
  const afterPct = pct === undefined ? gap.end : gap.end + pct[0].length;
  if (matchAt(GAP_WORD_RE, w, afterPct) === undefined) return undefined;
  return pct === undefined ? { gap } : { gap, percent: Number(pct[1]) };
}

// ---- subject ---------------------------------------------------------------------------------

/**
 * Words before "subject : figure" (within its tab-separated cell), or the cell before the figure's
 * cell, or all text before the figure up to a parenthesis the figure sits in ("시행 (48개 업체, 4,800백만원)").
 */
function subjectBefore(before: string): string {
  const colon = before.indexOf(":");
  if (colon >= 0) return before.slice(before.lastIndexOf("\t", colon) + 1, colon);
  const tab = before.lastIndexOf("\t");
  if (tab >= 0) return before.slice(before.lastIndexOf("\t", tab - 1) + 1, tab);
  return beforeUnclosedBracket(before);
}

function beforeUnclosedBracket(s: string): string {
  const open: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "(" || s[i] === "[") open.push(i);
    else if ((s[i] === ")" || s[i] === "]") && open.length > 0) open.pop();
  }
  return open.length === 0 ? s : s.slice(0, open[0]);
}

function cleanSubject(raw: string): string {
  const s = raw
    .replace(/^[\s\p{So}\p{Sm}\p{No}\-–—•·∙※*]+/u, "")
    .replace(/^ㅇ\s+/, "") // "ㅇ" typed as a bullet
    .replace(/[\s,:;·\-–—]+$/u, "");
  return joinSpacedLetters(s.split(/\s+/).filter((t) => t !== ""));
}

/** "사 업 비" -> "사업비": runs of single syllables are one word spaced out for layout. */
function joinSpacedLetters(tokens: string[]): string {
  const out: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    if (run.length >= 2) out.push(run.join(""));
    else out.push(...run);
    run = [];
  };
  for (const t of tokens) {
    if (/^[가-힣]$/.test(t)) run.push(t);
    else {
      flush();
      out.push(t);
    }
  }
  flush();
  return out.join(" ");
}

function yearIn(subject: string): number | undefined {
  for (const token of subject.split(" ")) {
    const c = classifyLabel(token);
    if (c?.kind === "year") return c.year;
  }
  return undefined;
}

// ---- splits ----------------------------------------------------------------------------------

/** (...) or [...] right after `from` (whitespace allowed), balanced over both bracket kinds. */
function bracketGroup(w: string, from: number): { content: string; end: number } | undefined {
  let i = from;
  while (i < w.length && /\s/.test(w[i])) i++;
  if (w[i] !== "(" && w[i] !== "[") return undefined;
  let depth = 0;
  for (let j = i; j < w.length; j++) {
    if (w[j] === "(" || w[j] === "[") depth++;
    else if (w[j] === ")" || w[j] === "]") depth--;
    if (depth === 0) return { content: w.slice(i + 1, j), end: j + 1 };
  }
  return undefined;
}

/** Drops nested notes: "국 300 ('18.~ '20.)" -> "국 300 ". */
function withoutNested(s: string): string {
  let prev = "";
  let cur = s;
  while (cur !== prev) {
    prev = cur;
    cur = cur.replace(/\([^()[\]]*\)|\[[^()[\]]*\]/g, " ");
  }
  return cur;
}

function splitsAfter(w: string, amount: Figure): SplitPart[] | undefined {
  const g1 = bracketGroup(w, amount.end);
  if (g1 === undefined) return undefined;
  const inner = withoutNested(g1.content).trim();
  const pairs = labelledValues(inner, amount.unit);
  if (pairs !== undefined) return pairs.every((p) => p.source !== undefined) ? pairs : undefined;

  // "(국비/시비/구비/민간) (16,800/2,880/1,920/24,00)" or a lone "(구비)".
  const labels = inner.split(/\s*[/,·]\s*/);
  if (!labels.every((l) => /^\p{L}+$/u.test(l) && sourceFromAbbrev(l) !== undefined)) return undefined;
  const g2 = bracketGroup(w, g1.end);
  const values = g2 === undefined ? undefined : valueList(g2.content);
  if (values !== undefined && values.length === labels.length) {
    return labels.map((label, i) => part(label, inUnit(parseNumber(values[i]), amount.unit)));
  }
  if (values === undefined && labels.length === 1) {
    // "1,453,000천원(구비)": the whole amount comes from that one source.
    const whole: ParsedNumber = {
      kind: "number",
      value: amount.value,
      unit: amount.unit,
      negative: amount.value < 0,
      text: w.slice(amount.start, amount.end),
    };
    return [part(labels[0], whole)];
  }
  return undefined;
}

/** "16,800/2,880/1,920/24,00" -> its items; undefined when it is words, not figures. */
function valueList(content: string): string[] | undefined {
  const items = (content.includes("/") ? content.split("/") : content.split(/,\s+|·/)).map((v) => v.trim());
  return items.every((v) => parseNumber(v).kind !== "text" && /\d/.test(v)) ? items : undefined;
}

// "국 1,174", "시비 6,000", "구 388백만원": a label glued or spaced to a figure.
const PAIR_RE = new RegExp(String.raw`(\p{L}+?)\s*([△▲−-]?\d(?:[\d,.]*\d)?(?:\s*${UNIT_WORD_SOURCE})?)`, "uy");
const SEPARATOR_RE = /\s*[/,·]?\s*/y;

/** "국 1,174, 시 1,785, 구 388" -> parts; undefined unless the whole text is such pairs. */
function labelledValues(s: string, unit: Unit): SplitPart[] | undefined {
  const parts: SplitPart[] = [];
  let pos = 0;
  while (pos < s.length) {
    const m = matchAt(PAIR_RE, s, pos);
    if (m === undefined) return undefined;
    parts.push(part(m[1], inUnit(parseNumber(m[2]), unit)));
    pos += m[0].length;
    const sep = matchAt(SEPARATOR_RE, s, pos);
    if (sep === undefined || (sep[0] === "" && pos < s.length)) return undefined;
    pos += sep[0].length;
  }
  return parts.length > 0 ? parts : undefined;
}

function part(label: string, parsed: ParsedNumber): SplitPart {
  const source = sourceFromAbbrev(label);
  return source === undefined ? { label, parsed } : { label, source, parsed };
}

/** Puts a split figure in the headline's unit: bare figures are in it already, others are converted. */
function inUnit(parsed: ParsedNumber, unit: Unit): ParsedNumber {
  if (parsed.kind !== "number") return parsed;
  if (parsed.unit === undefined || parsed.unit === unit) return { ...parsed, unit };
  return { ...parsed, value: convert(parsed.value, parsed.unit, unit).value, unit };
}
