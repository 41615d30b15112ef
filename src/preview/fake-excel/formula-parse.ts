// Excel formulas, parsed for the in-memory Excel's calculation (./calc.ts): the part of the language that Yesan
// writes (the 시나리오 sheet, the templates' totals and headlines) and that budget officers commonly type:
// numbers, strings, TRUE/FALSE, error literals, cell and range references (A1, $A$1, A1:B5, A:C, Sheet1!A1,
// 'Sheet name'!A1:B2), the operators + - * / ^ & = <> < > <= >= with unary minus and %, parentheses and function
// calls. Anything else (defined names, array constants, row ranges, intersections, 3-D references, structured
// references) makes parseFormula return undefined, and the cell stays uncalculated rather than guessed.
//
// Why hand-written and not a library: the MIT-licensed formula engines on npm were checked (fast-formula-parser,
// hot-formula-parser over formulajs, xlsx-calc). Their ROUND is Math.round on the raw double (ROUND(1.005,2) gives
// 1 where Excel gives 1.01, and half-down for negatives), which the 시나리오 sheet's ROUND(x*K,0)/K depends on to the
// 원; an unknown function becomes #NAME? instead of "cannot tell"; and they recalculate whole workbooks rather than
// the dependents of what a sync changed. The subset needed here is a small recursive descent.

import { readQuoted } from "../../core/cells/formula";
import { columnIndex } from "../../core/cells/grid";
import { MAX_COLUMNS, MAX_ROWS } from "./model";

export interface CellRect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** A reference; `sheet` is the name as written (unquoted), absent for the formula's own sheet. */
export interface RefNode extends CellRect {
  k: "ref";
  sheet?: string;
}

export type BinaryOp = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | ">" | "<=" | ">=";

export type FormulaNode =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "bool"; v: boolean }
  | { k: "err"; v: string }
  | RefNode
  | { k: "neg"; x: FormulaNode }
  | { k: "pct"; x: FormulaNode }
  | { k: "bin"; op: BinaryOp; a: FormulaNode; b: FormulaNode }
  | { k: "call"; name: string; args: FormulaNode[] }
  /** An argument left out: IF(A1,,2). */
  | { k: "missing" };

export interface ParsedFormula {
  root: FormulaNode;
  /** Every reference in the formula, for the dependency graph. */
  refs: RefNode[];
}

const ERROR_LITERALS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"] as const;

type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "err"; v: string }
  | { t: "ref"; ref: RefNode }
  | { t: "func"; name: string }
  | { t: "bool"; v: boolean }
  | { t: "op"; v: string };

// Thrown inside the parser only: formulas outside the subset are common, and an Error would capture a stack.
const REJECT = { reject: true } as const;

// Excel allows 64 levels of nesting; the cap keeps the recursion far from the stack limit.
const MAX_DEPTH = 64;

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const WORD = /[\p{L}\p{N}_.$]/u;

/** "B7" or "$B$7" (no sheet) → 0-based cell; undefined when not a cell or past the sheet's edge. */
export function cellOf(text: string): { r: number; c: number } | undefined {
  const m = CELL.exec(text);
  if (m === null) return undefined;
  const r = Number(m[2]) - 1;
  const c = columnIndex(m[1]);
  return r >= 0 && r < MAX_ROWS && c < MAX_COLUMNS ? { r, c } : undefined;
}

/** "C" or "$C", one end of a column range → 0-based column; undefined when not one or past the sheet's edge. */
export function columnOf(text: string): number | undefined {
  const m = COLUMN.exec(text);
  if (m === null) return undefined;
  const c = columnIndex(m[1]);
  return c < MAX_COLUMNS ? c : undefined;
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const word = (): string => {
    const start = i;
    while (i < src.length && WORD.test(src[i])) i++;
    return src.slice(start, i);
  };
  // A reference after an optional sheet prefix: a cell, a cell range or a column range.
  const reference = (sheet: string | undefined): RefNode => {
    const first = word();
    const a = cellOf(first);
    if (src[i] === ":") {
      const save = i;
      i++;
      const second = word();
      const b = cellOf(second);
      if (a !== undefined && b !== undefined) return rect(sheet, a.r, a.c, b.r, b.c);
      const ca = columnOf(first);
      const cb = columnOf(second);
      if (a === undefined && ca !== undefined && cb !== undefined) return rect(sheet, 0, ca, MAX_ROWS - 1, cb);
      i = save;
    }
    if (a === undefined) throw REJECT;
    return rect(sheet, a.r, a.c, a.r, a.c);
  };
  while (i < src.length) {
    const ch = src[i];
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
      i++;
      continue;
    }
    if (ch === '"') {
      const quoted = readQuoted(src, i);
      if (quoted === undefined) throw REJECT;
      i = quoted.end;
      out.push({ t: "str", v: quoted.text });
      continue;
    }
    if (ch === "#") {
      const lit = ERROR_LITERALS.find((e) => src.slice(i, i + e.length).toUpperCase() === e);
      if (lit === undefined) throw REJECT;
      out.push({ t: "err", v: lit });
      i += lit.length;
      continue;
    }
    if (ch === "'") {
      // A quoted sheet name; a quote inside is doubled ('O''Brien').
      const quoted = readQuoted(src, i);
      if (quoted === undefined) throw REJECT;
      const name = quoted.text;
      i = quoted.end;
      if (src[i] !== "!" || name === "") throw REJECT;
      i++;
      out.push({ t: "ref", ref: reference(name) });
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i, i + 400));
    // A number ends where a word could not go on ("2021년" is not one; it fails as a reference below).
    if (num !== null && !WORD.test(src[i + num[0].length] ?? "")) {
      out.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    if (WORD.test(ch)) {
      const start = i;
      const w = word();
      if (src[i] === "!") {
        i++;
        out.push({ t: "ref", ref: reference(w) });
        continue;
      }
      if (src[i] === "(") {
        out.push({ t: "func", name: w.toUpperCase() });
        continue;
      }
      if (/^(TRUE|FALSE)$/i.test(w)) {
        out.push({ t: "bool", v: w.toUpperCase() === "TRUE" });
        continue;
      }
      i = start;
      out.push({ t: "ref", ref: reference(undefined) });
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === "<>" || two === "<=" || two === ">=") {
      out.push({ t: "op", v: two });
      i += 2;
      continue;
    }
    if ("+-*/^&=<>%(),".includes(ch)) {
      out.push({ t: "op", v: ch });
      i++;
      continue;
    }
    throw REJECT;
  }
  return out;
}

function rect(sheet: string | undefined, ra: number, ca: number, rb: number, cb: number): RefNode {
  const ref: RefNode = { k: "ref", r0: Math.min(ra, rb), c0: Math.min(ca, cb), r1: Math.max(ra, rb), c1: Math.max(ca, cb) };
  if (sheet !== undefined) ref.sheet = sheet;
  return ref;
}

// Excel's precedence, loosest first: comparison, &, + -, * /, ^, unary minus, %. Binary operators associate to
// the left (2^3^2 is 64), and unary minus binds tighter than ^ (-2^2 is 4).
const LEVELS: readonly (readonly string[])[] = [["=", "<>", "<", ">", "<=", ">="], ["&"], ["+", "-"], ["*", "/"], ["^"]];

class Parser {
  private i = 0;
  private depth = 0;
  readonly refs: RefNode[] = [];

  constructor(private readonly tokens: Token[]) {}

  parse(): FormulaNode {
    const root = this.expr(0);
    if (this.i !== this.tokens.length) throw REJECT;
    return root;
  }

  private peekOp(): string | undefined {
    const t = this.tokens[this.i];
    return t?.t === "op" ? t.v : undefined;
  }

  private expr(level: number): FormulaNode {
    if (level === LEVELS.length) return this.unary();
    // Nesting is counted where Excel counts it, at brackets and function calls (and unary signs): the precedence
    // levels below each of them are a fixed number of frames, not levels of nesting.
    let a = this.expr(level + 1);
    for (;;) {
      const op = this.peekOp();
      if (op === undefined || !LEVELS[level].includes(op)) break;
      this.i++;
      const b = this.expr(level + 1);
      a = { k: "bin", op: op as BinaryOp, a, b };
    }
    return a;
  }

  private unary(): FormulaNode {
    const op = this.peekOp();
    if (op === "-" || op === "+") {
      this.i++;
      if (++this.depth > MAX_DEPTH) throw REJECT;
      const x = this.unary();
      this.depth--;
      return op === "-" ? { k: "neg", x } : x;
    }
    let x = this.primary();
    while (this.peekOp() === "%") {
      this.i++;
      x = { k: "pct", x };
    }
    return x;
  }

  private primary(): FormulaNode {
    const t = this.tokens[this.i++];
    if (t === undefined) throw REJECT;
    switch (t.t) {
      case "num":
        return { k: "num", v: t.v };
      case "str":
        return { k: "str", v: t.v };
      case "err":
        return { k: "err", v: t.v };
      case "bool":
        return { k: "bool", v: t.v };
      case "ref":
        this.refs.push(t.ref);
        return t.ref;
      case "func":
        return this.call(t.name);
      case "op":
        if (t.v !== "(") throw REJECT;
        if (++this.depth > MAX_DEPTH) throw REJECT;
        {
          const inner = this.expr(0);
          if (this.peekOp() !== ")") throw REJECT;
          this.i++;
          this.depth--;
          return inner;
        }
    }
  }

  private call(name: string): FormulaNode {
    // The tokenizer put "(" right after the name.
    this.i++;
    if (++this.depth > MAX_DEPTH) throw REJECT;
    const args: FormulaNode[] = [];
    if (this.peekOp() === ")") {
      this.i++;
    } else {
      for (;;) {
        const op = this.peekOp();
        args.push(op === "," || op === ")" ? { k: "missing" } : this.expr(0));
        const next = this.peekOp();
        this.i++;
        if (next === ")") break;
        if (next !== ",") throw REJECT;
      }
    }
    this.depth--;
    return { k: "call", name, args };
  }
}

/** The formula (text after "=", or with it) as a tree; undefined when it is outside the subset. */
export function parseFormula(formula: string): ParsedFormula | undefined {
  const src = formula.startsWith("=") ? formula.slice(1) : formula;
  try {
    const parser = new Parser(tokenize(src));
    const root = parser.parse();
    return { root, refs: parser.refs };
  } catch (e) {
    if (e === REJECT) return undefined;
    throw e;
  }
}
