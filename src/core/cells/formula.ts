// The linear subset of Excel formulas: SUM(...) and +/- chains of cells and numbers.
//
// Total cells in budget tables are almost always =SUM(C7:C10) or =C7+C8+C9. The engine needs two
// things from such a formula: (a) exactly which cells it adds, and with which sign, so that a total
// that leaves out a row or counts one twice can be flagged; (b) its value, for files written by
// tools that store formulas without cached results.
//
// Why hand-written and not a formula library: those libraries parse and evaluate the whole Excel
// language (hundreds of functions, arrays, dates), are heavy to ship in the add-in bundle, and hide
// the one thing we need — the list of referenced cells with duplicates kept. The subset is tiny: a
// tokenizer and a recursive descent over + and -. Anything outside it returns undefined, and the
// caller then treats the cell as "not a checkable total" rather than guessing.

import { parseA1 } from "./grid";

/** One referenced cell, 0-based, with the sign it is added with. */
export interface Term {
  r: number;
  c: number;
  sign: 1 | -1;
}

/** value = constant + Σ sign·cell. Terms keep duplicates: SUM(B3:B5,B4) lists B4 twice. */
export interface LinearFormula {
  terms: Term[];
  constant: number;
}

// A range bigger than this is not a budget total (SUM(A:A)-like or a typo); expanding it would
// only burn memory, so the formula is rejected instead.
const MAX_RANGE_CELLS = 100_000;

// Excel's own sheet limits: a "cell reference" past them is really a defined name (e.g. "ABCD1").
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

type Token =
  | { k: "num"; v: number }
  | { k: "ref"; r: number; c: number; sheet?: string }
  | { k: "func"; name: string }
  | { k: "op"; v: "+" | "-" | ":" | "," | "(" | ")" };

// Thrown inside the parser only; parseLinearFormula turns it into `undefined`. A shared plain
// object rather than an Error: workbooks are full of formulas outside the subset, and an Error
// would capture a stack trace for each.
const REJECT = { reject: true } as const;

// Excel allows 64 levels of nesting; the cap also keeps the recursion far from the stack limit.
const MAX_DEPTH = 64;

function refOf(text: string): { r: number; c: number } | undefined {
  if (!/^\$?[A-Za-z]{1,3}\$?\d{1,7}$/.test(text)) return undefined;
  const p = parseA1(text);
  if (p === undefined || p.r < 0 || p.r >= MAX_ROWS || p.c < 0 || p.c >= MAX_COLS) return undefined;
  return p;
}

// Letters (any script: Korean sheet names are written unquoted), digits, "_", "." and "$" (absolute refs).
const WORD = /[\p{L}\p{N}_.$]/u;

/**
 * The text of the quoted run starting at `start` (its opening quote: ' around a sheet name, " around a string),
 * where a doubled quote stands for one ('O''Brien'), and the index after its closing quote; undefined when it is
 * never closed.
 */
export function readQuoted(src: string, start: number): { text: string; end: number } | undefined {
  const quote = src[start];
  let text = "";
  let i = start + 1;
  while (i < src.length) {
    if (src[i] === quote) {
      if (src[i + 1] !== quote) return { text, end: i + 1 };
      text += quote;
      i += 2;
    } else text += src[i++];
  }
  return undefined;
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let sheet: string | undefined; // a "Sheet!" prefix waiting for its reference
  while (i < src.length) {
    const ch = src[i];
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
      if (sheet !== undefined) throw REJECT; // "Sheet! B3" is not a reference
      i++;
      continue;
    }
    if (ch === "'") {
      const quoted = readQuoted(src, i);
      if (quoted === undefined) throw REJECT;
      const name = quoted.text;
      i = quoted.end;
      if (src[i] !== "!" || sheet !== undefined || name === "") throw REJECT;
      sheet = name;
      i++;
      continue;
    }
    if (/[0-9.]/.test(ch) && sheet === undefined) {
      // A number, unless the run turns out to be a word like "2020년!" (a sheet name) — handled below.
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i));
      const after = m === null ? "" : src[i + m[0].length] ?? "";
      if (m !== null && !WORD.test(after) && after !== "!") {
        const v = Number(m[0]);
        // "1e999" overflows to Infinity, which Excel refuses as #NUM!: not a linear formula.
        if (!Number.isFinite(v)) throw REJECT;
        out.push({ k: "num", v });
        i += m[0].length;
        continue;
      }
    }
    if (WORD.test(ch)) {
      let j = i;
      while (j < src.length && WORD.test(src[j])) j++;
      const word = src.slice(i, j);
      i = j;
      if (src[i] === "!") {
        if (sheet !== undefined) throw REJECT;
        sheet = word;
        i++;
        continue;
      }
      if (src[i] === "(" && sheet === undefined) {
        out.push({ k: "func", name: word.toUpperCase() });
        continue;
      }
      const ref = refOf(word);
      if (ref === undefined) throw REJECT; // a defined name, a whole column/row, TRUE, …
      out.push(sheet === undefined ? { k: "ref", ...ref } : { k: "ref", ...ref, sheet });
      sheet = undefined;
      continue;
    }
    if (sheet !== undefined) throw REJECT;
    if (ch === "+" || ch === "-" || ch === ":" || ch === "," || ch === "(" || ch === ")") {
      out.push({ k: "op", v: ch });
      i++;
      continue;
    }
    // *, /, ^, &, %, comparisons, "text", #REF!, {arrays}, [external], @ — all outside the subset.
    throw REJECT;
  }
  if (sheet !== undefined) throw REJECT;
  return out;
}

class Parser {
  private pos = 0;
  private depth = 0;
  readonly terms: Term[] = [];
  constant = 0;

  constructor(
    private readonly toks: Token[],
    private readonly sheetName: string | undefined,
  ) {}

  private peek(offset = 0): Token | undefined {
    return this.toks[this.pos + offset];
  }

  private isOp(t: Token | undefined, v: string): boolean {
    return t !== undefined && t.k === "op" && t.v === v;
  }

  private expectOp(v: string): void {
    if (!this.isOp(this.peek(), v)) throw REJECT;
    this.pos++;
  }

  atEnd(): boolean {
    return this.pos >= this.toks.length;
  }

  // A reference must be on the formula's own sheet: the caller reads values from that sheet only.
  private checkSheet(t: { sheet?: string }): void {
    if (t.sheet === undefined) return;
    // Excel compares sheet names without regard to case.
    if (this.sheetName === undefined || t.sheet.toUpperCase() !== this.sheetName.toUpperCase()) throw REJECT;
  }

  /** expr := signed (("+" | "-") signed)* */
  expr(sign: 1 | -1): void {
    this.signed(sign);
    for (;;) {
      const t = this.peek();
      if (this.isOp(t, "+")) {
        this.pos++;
        this.signed(sign);
      } else if (this.isOp(t, "-")) {
        this.pos++;
        this.signed(sign === 1 ? -1 : 1);
      } else return;
    }
  }

  /** signed := ("+" | "-")* primary — Excel accepts "+B3", "-B3" and "B3+-B4". */
  private signed(sign: 1 | -1): void {
    let s = sign;
    for (;;) {
      const t = this.peek();
      if (this.isOp(t, "+")) this.pos++;
      else if (this.isOp(t, "-")) {
        this.pos++;
        s = s === 1 ? -1 : 1;
      } else break;
    }
    this.primary(s);
  }

  /** primary := number | ref | SUM "(" arg ("," arg)* ")" | "(" expr ")" */
  private primary(sign: 1 | -1): void {
    const t = this.peek();
    if (t === undefined) throw REJECT;
    if (t.k === "num") {
      this.pos++;
      this.constant += sign * t.v;
      return;
    }
    if (t.k === "ref") {
      // A bare range outside SUM is implicit intersection or a spilled array: not a plain sum.
      if (this.isOp(this.peek(1), ":")) throw REJECT;
      this.checkSheet(t);
      this.pos++;
      this.terms.push({ r: t.r, c: t.c, sign });
      return;
    }
    if (t.k === "func") {
      if (t.name !== "SUM") throw REJECT;
      this.pos++;
      this.enter();
      this.expectOp("(");
      this.sumArg(sign);
      while (this.isOp(this.peek(), ",")) {
        this.pos++;
        this.sumArg(sign);
      }
      this.expectOp(")");
      this.depth--;
      return;
    }
    if (this.isOp(t, "(")) {
      this.pos++;
      this.enter();
      this.expr(sign);
      this.expectOp(")");
      this.depth--;
      return;
    }
    throw REJECT;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw REJECT;
  }

  /** arg := ref ":" ref (the whole argument) | expr */
  private sumArg(sign: 1 | -1): void {
    const a = this.peek();
    const b = this.peek(2);
    const next = this.peek(3);
    if (a !== undefined && a.k === "ref" && this.isOp(this.peek(1), ":")) {
      // SUM(B3:B6+1) would be an array operation; only a range standing alone as an argument is a plain sum.
      if (b === undefined || b.k !== "ref" || !(this.isOp(next, ",") || this.isOp(next, ")"))) throw REJECT;
      this.checkSheet(a);
      // "Sheet1!B3:B6" and "Sheet1!B3:Sheet1!B6" are the same range; "B3:Sheet2!B6" is not one.
      if (b.sheet !== undefined && (a.sheet === undefined || b.sheet.toUpperCase() !== a.sheet.toUpperCase())) throw REJECT;
      this.pos += 3;
      this.range(a, b, sign);
      return;
    }
    this.expr(sign);
  }

  private range(a: { r: number; c: number }, b: { r: number; c: number }, sign: 1 | -1): void {
    // Excel normalises B6:B3 to B3:B6.
    const r0 = Math.min(a.r, b.r);
    const r1 = Math.max(a.r, b.r);
    const c0 = Math.min(a.c, b.c);
    const c1 = Math.max(a.c, b.c);
    if ((r1 - r0 + 1) * (c1 - c0 + 1) > MAX_RANGE_CELLS) throw REJECT;
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) this.terms.push({ r, c, sign });
  }
}

/**
 * Parses a formula (text after "=") into the cells it adds when it is a linear sum, else undefined.
 * `sheetName` is the sheet the formula lives on: references prefixed with that sheet are accepted,
 * references to any other sheet make the formula undefined.
 */
const SIMPLE_SUM = /^\s*SUM\(\s*(\$?[A-Za-z]{1,3}\$?\d{1,7})\s*:\s*(\$?[A-Za-z]{1,3}\$?\d{1,7})\s*\)\s*$/i;

export function parseLinearFormula(formula: string, sheetName?: string): LinearFormula | undefined {
  // Some sources keep the "=": accepting it costs nothing.
  const src = formula.startsWith("=") ? formula.slice(1) : formula;
  // Most totals are a plain SUM over one range: read those without the tokenizer (thousands per workbook).
  const fast = SIMPLE_SUM.exec(src);
  if (fast !== null) {
    const a = parseA1(fast[1]);
    const b = parseA1(fast[2]);
    if (a !== undefined && b !== undefined) {
      const r0 = Math.min(a.r, b.r);
      const r1 = Math.max(a.r, b.r);
      const c0 = Math.min(a.c, b.c);
      const c1 = Math.max(a.c, b.c);
      if ((r1 - r0 + 1) * (c1 - c0 + 1) <= MAX_RANGE_CELLS && c1 < 16384 && r1 < 1048576) {
        const terms: Term[] = [];
        for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) terms.push({ r, c, sign: 1 });
        return { terms, constant: 0 };
      }
    }
  }
  try {
    const toks = tokenize(src);
    if (toks.length === 0) return undefined;
    const p = new Parser(toks, sheetName);
    p.expr(1);
    if (!p.atEnd()) return undefined;
    return { terms: p.terms, constant: p.constant };
  } catch (e) {
    if (e === REJECT) return undefined;
    throw e;
  }
}

/**
 * The formula's value from the cells' values. undefined when a referenced cell has no number:
 * the caller decides what an empty cell means (it passes 0) — text or an error is not a number.
 */
export function evaluateLinear(f: LinearFormula, valueAt: (r: number, c: number) => number | undefined): number | undefined {
  let sum = f.constant;
  for (const t of f.terms) {
    const v = valueAt(t.r, t.c);
    if (v === undefined || !Number.isFinite(v)) return undefined;
    sum += t.sign * v;
  }
  return sum;
}

// ---- text headlines ------------------------------------------------------------------------------
//
// Yesan writes a budget headline as a live formula so that it always states the table's figure:
//   ="□ 2021년 소요예산 : "&TEXT(D7,"#,##0")&"천원"
// A freshly written sheet has no cached results, so the engine evaluates this form itself — and only this
// form: string literals and TEXT(cell,"#,##0") joined with &. Anything else (other functions, other formats,
// arithmetic inside TEXT, other sheets) returns undefined, as parseLinearFormula does outside its subset.

/** One piece of a text formula: a literal, or a cell shown with TEXT(cell,"#,##0"). */
export type TextPart = { kind: "literal"; text: string } | { kind: "number"; r: number; c: number };

export interface TextFormula {
  parts: TextPart[];
}

const TEXT_FORMAT = "#,##0";

/** Parses `"…"&TEXT(B7,"#,##0")&"…"` (text after "="); undefined for anything outside that form. */
export function parseTextFormula(formula: string): TextFormula | undefined {
  const src = formula.startsWith("=") ? formula.slice(1) : formula;
  const parts: TextPart[] = [];
  let i = 0;
  const skip = (): void => {
    while (i < src.length && (src[i] === " " || src[i] === "\t")) i++;
  };
  // A string literal at i; a quote inside is doubled ("say ""hi"""). Moves i past it.
  const literal = (): string | undefined => {
    if (src[i] !== '"') return undefined;
    const q = readQuoted(src, i);
    if (q !== undefined) i = q.end;
    return q?.text;
  };
  for (;;) {
    skip();
    if (src[i] === '"') {
      const s = literal();
      if (s === undefined) return undefined;
      parts.push({ kind: "literal", text: s });
    } else {
      const m = /^TEXT\(\s*(\$?[A-Za-z]{1,3}\$?\d{1,7})\s*,\s*/i.exec(src.slice(i));
      if (m === null) return undefined;
      const ref = refOf(m[1]);
      if (ref === undefined) return undefined;
      i += m[0].length;
      const format = literal();
      if (format !== TEXT_FORMAT) return undefined;
      skip();
      if (src[i] !== ")") return undefined;
      i++;
      parts.push({ kind: "number", r: ref.r, c: ref.c });
    }
    skip();
    if (i >= src.length) break;
    if (src[i] !== "&") return undefined;
    i++;
  }
  // A lone literal is a constant, not a formula worth evaluating; at least one joined piece is the form.
  return parts.length >= 2 || parts.some((p) => p.kind === "number") ? { parts } : undefined;
}

/** The text the formula shows; undefined when a referenced cell has no number (the caller passes 0 for blanks). */
export function evaluateTextFormula(f: TextFormula, valueAt: (r: number, c: number) => number | undefined): string | undefined {
  let out = "";
  for (const p of f.parts) {
    if (p.kind === "literal") {
      out += p.text;
      continue;
    }
    const v = valueAt(p.r, p.c);
    const shown = v === undefined || !Number.isFinite(v) ? undefined : formatThousands(v);
    if (shown === undefined) return undefined;
    out += shown;
  }
  return out;
}

/**
 * TEXT(v,"#,##0"): rounded to a whole number half away from zero, thousands separated by commas, a minus sign
 * for negatives. undefined for a negative that rounds to zero: LibreOffice shows "0" and Excel "-0", and the
 * engine does not guess (whole-number inputs never produce one).
 */
export function formatThousands(v: number): string | undefined {
  const n = Math.round(Math.abs(v));
  if (v < 0 && n === 0) return undefined;
  const digits = BigInt(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return v < 0 ? `-${digits}` : digits;
}
