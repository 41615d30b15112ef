// Evaluates a parsed formula (./formula-parse.ts) the way Excel does, for the in-memory Excel's calculation
// (./recalc.ts). Excel's rules, as they matter for what budget sheets hold:
//  - a blank cell is 0 in arithmetic, "" in &, and equal to 0, "" and FALSE in a comparison;
//  - text is turned into a number in arithmetic when it reads as one ("12", "1,234", "10%"), else #VALUE!;
//  - SUM, MIN and MAX skip text and logical values inside references but not among their direct arguments;
//  - operators work element by element on ranges and arrays (SUMPRODUCT(B2:B5/(1+A1)^(A2:A5-B1)));
//  - the first error met is the result (#DIV/0!, #NUM!, #VALUE!, #N/A), except where a function reads no value;
//  - + and − give exactly 0 when the operands cancel to 15 digits (as LibreOffice's approxAdd), comparisons take
//    numbers equal to 15 digits as equal, and ROUND rounds the 15 digits a number shows (ROUND(1.005,2) = 1.01).
// What this does not know (other functions, a result that would spill, a text that might be a date) throws
// UNCALCULATED: the cell stays without a value, as a formula Excel never calculated, rather than a guessed one.

import type { FakeSheet } from "./model";
import type { CellRect, FormulaNode, ParsedFormula, RefNode } from "./formula-parse";

export class XlError {
  constructor(readonly code: string) {}
}

/** A value in a formula; null is a blank cell (or an argument left out). */
export type XlScalar = number | string | boolean | XlError | null;

/** Thrown when the result cannot be known here; a shared object, not an Error, as it is routine. */
export const UNCALCULATED = { uncalculated: true } as const;

export interface CalcEnv {
  /** The sheet a reference names (undefined: the formula's own sheet); undefined when there is none. */
  sheet(name: string | undefined): FakeSheet | undefined;
  /** The cell's value; throws UNCALCULATED for a formula without a value. */
  value(sheet: FakeSheet, r: number, c: number): XlScalar;
  /** True for a cell with neither a value nor a formula. */
  isBlank(sheet: FakeSheet, r: number, c: number): boolean;
  /** The values of the non-blank cells inside the rectangle, row by row. */
  eachValue(sheet: FakeSheet, rect: CellRect, fn: (v: XlScalar) => void): void;
}

class Matrix {
  constructor(readonly rows: XlScalar[][]) {}
  get height(): number {
    return this.rows.length;
  }
  get width(): number {
    return this.rows[0]?.length ?? 0;
  }
}

class RefValue {
  constructor(
    readonly sheet: FakeSheet,
    readonly rect: CellRect,
  ) {}
  get single(): boolean {
    return this.rect.r0 === this.rect.r1 && this.rect.c0 === this.rect.c1;
  }
}

type Value = XlScalar | Matrix | RefValue;

const DIV0 = new XlError("#DIV/0!");
const VALUE = new XlError("#VALUE!");
const NUM = new XlError("#NUM!");
const NA = new XlError("#N/A");

// An array bigger than this (SUMPRODUCT(A:A*B:B)) is not a budget formula; building it would only burn memory.
const MAX_ARRAY_CELLS = 100_000;

/** The formula's result as a cell holds it: a blank result (=A1 with A1 empty) is 0. */
export function evaluateFormula(parsed: ParsedFormula, env: CalcEnv): number | string | boolean | XlError {
  const v = scalarOf(evaluate(parsed.root, env), env);
  return v === null ? 0 : v;
}

function evaluate(node: FormulaNode, env: CalcEnv): Value {
  switch (node.k) {
    case "num":
    case "str":
    case "bool":
      return node.v;
    case "err":
      return new XlError(node.v);
    case "missing":
      return null;
    case "ref":
      return refValue(node, env);
    case "neg":
      return lift1(deref(evaluate(node.x, env), env), (s) => arith(s, (n) => -n));
    case "pct":
      return lift1(deref(evaluate(node.x, env), env), (s) => arith(s, (n) => n / 100));
    case "bin": {
      const a = deref(evaluate(node.a, env), env);
      const b = deref(evaluate(node.b, env), env);
      const op = BINARY[node.op];
      return lift2(a, b, op);
    }
    case "call":
      return call(node.name, node.args, env);
  }
}

function refValue(node: RefNode, env: CalcEnv): RefValue {
  const sheet = env.sheet(node.sheet);
  // A sheet that does not exist: Excel would ask for a file; here it is simply unknown.
  if (sheet === undefined) throw UNCALCULATED;
  return new RefValue(sheet, node);
}

/** A reference read as values: one cell's value, or the rectangle as an array. */
function deref(v: Value, env: CalcEnv): XlScalar | Matrix {
  if (!(v instanceof RefValue)) return v;
  if (v.single) return env.value(v.sheet, v.rect.r0, v.rect.c0);
  return materialize(v, env);
}

function materialize(v: RefValue, env: CalcEnv): Matrix {
  const { r0, c0, r1, c1 } = v.rect;
  if ((r1 - r0 + 1) * (c1 - c0 + 1) > MAX_ARRAY_CELLS) throw UNCALCULATED;
  const rows: XlScalar[][] = [];
  for (let r = r0; r <= r1; r++) {
    const row: XlScalar[] = [];
    for (let c = c0; c <= c1; c++) row.push(env.value(v.sheet, r, c));
    rows.push(row);
  }
  return new Matrix(rows);
}

/**
 * Where one value is expected: an array of one cell is that cell; a bigger one would be intersected with the
 * formula's row or spilled, neither of which is modelled.
 */
function scalarOf(v: Value, env: CalcEnv): XlScalar {
  const d = deref(v, env);
  if (!(d instanceof Matrix)) return d;
  if (d.height === 1 && d.width === 1) return d.rows[0][0];
  throw UNCALCULATED;
}

function lift1(v: XlScalar | Matrix, f: (s: XlScalar) => XlScalar): XlScalar | Matrix {
  return v instanceof Matrix ? new Matrix(v.rows.map((row) => row.map(f))) : f(v);
}

/** Element by element; a single row or column is repeated, and cells beyond the smaller array are #N/A. */
function lift2(a: XlScalar | Matrix, b: XlScalar | Matrix, f: (x: XlScalar, y: XlScalar) => XlScalar): XlScalar | Matrix {
  if (!(a instanceof Matrix) && !(b instanceof Matrix)) return f(a, b);
  const ma = a instanceof Matrix ? a : new Matrix([[a]]);
  const mb = b instanceof Matrix ? b : new Matrix([[b]]);
  const height = Math.max(ma.height, mb.height);
  const width = Math.max(ma.width, mb.width);
  const at = (m: Matrix, i: number, j: number): XlScalar | undefined => m.rows[m.height === 1 ? 0 : i]?.[m.width === 1 ? 0 : j];
  const rows: XlScalar[][] = [];
  for (let i = 0; i < height; i++) {
    const row: XlScalar[] = [];
    for (let j = 0; j < width; j++) {
      const x = at(ma, i, j);
      const y = at(mb, i, j);
      row.push(x === undefined || y === undefined ? NA : f(x, y));
    }
    rows.push(row);
  }
  return new Matrix(rows);
}

// ---- coercion ---------------------------------------------------------------------------------------------

/** Text that reads as a number in arithmetic: "12", " -1.5e3 ", "1,234.5", "12%". */
function numberFromText(s: string): number | undefined {
  const t = s.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) return Number(t.replace(/,/g, ""));
  const pct = /^([+-]?(\d+\.?\d*|\.\d+))\s*%$/.exec(t);
  if (pct !== null) return Number(pct[1]) / 100;
  return undefined;
}

function toNumber(s: XlScalar): number | XlError {
  if (s === null) return 0;
  if (typeof s === "number") return s;
  if (typeof s === "boolean") return s ? 1 : 0;
  if (s instanceof XlError) return s;
  const n = numberFromText(s);
  if (n !== undefined) return n;
  // Excel reads dates, times and currencies in text as numbers too ("2021-03-01", "₩1,000"); not modelled.
  if (/\d/.test(s)) throw UNCALCULATED;
  return VALUE;
}

function toBoolean(s: XlScalar): boolean | XlError {
  if (s === null) return false;
  if (typeof s === "boolean") return s;
  if (typeof s === "number") return s !== 0;
  if (s instanceof XlError) return s;
  const u = s.toUpperCase();
  if (u === "TRUE" || u === "FALSE") return u === "TRUE";
  return VALUE;
}

/** A number as & shows it: up to 15 significant digits, no exponent in the range budgets use. */
function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const shown = Number(n.toPrecision(15));
  if (shown === 0) return "0";
  // Excel switches to "1E-07"-style text where JavaScript's differs; not modelled.
  if (Math.abs(shown) < 1e-5 || Math.abs(shown) >= 1e15) throw UNCALCULATED;
  return String(shown);
}

function toText(s: XlScalar): string | XlError {
  if (s === null) return "";
  if (typeof s === "string") return s;
  if (typeof s === "boolean") return s ? "TRUE" : "FALSE";
  if (s instanceof XlError) return s;
  return numberText(s);
}

// ---- numbers ----------------------------------------------------------------------------------------------

const EPSILON_48 = 2 ** -48;

function approxEqual(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) < Math.abs(a) * EPSILON_48;
}

/** a + b, exactly 0 when they cancel to 15 digits (0.3 − 0.1 − 0.2 is 0, not 5.6E−17). */
function approxAdd(a: number, b: number): number {
  if (((a < 0 && b > 0) || (a > 0 && b < 0)) && approxEqual(a, -b)) return 0;
  return a + b;
}

function finite(n: number): number | XlError {
  if (!Number.isFinite(n)) return NUM;
  return n === 0 ? 0 : n; // no −0
}

function arith(s: XlScalar, f: (n: number) => number): XlScalar {
  const n = toNumber(s);
  return n instanceof XlError ? n : finite(f(n));
}

function power(a: number, b: number): number | XlError {
  if (a === 0 && b === 0) return NUM;
  if (a === 0 && b < 0) return DIV0;
  if (a < 0 && !Number.isInteger(b)) return NUM;
  return finite(a ** b);
}

/**
 * ROUND, ROUNDUP and ROUNDDOWN: on the 15 significant digits the number shows, as Excel and LibreOffice do (1.005 is
 * 1.00499999999999989… in binary and still rounds to 1.01; 300.00000000000006 from 0.1*3*1000 rounds up to 300).
 * `toWhole` rounds the shown magnitude to a whole number: half up for ROUND, up for ROUNDUP (away from zero), down
 * for ROUNDDOWN (toward zero).
 */
function roundShown(x: number, digits: number, toWhole: (shown: number) => number): number {
  const d = Math.trunc(digits);
  if (x === 0 || d > 15) return x;
  if (d < -15) return 0;
  const f = 10 ** Math.abs(d);
  const scaled = d >= 0 ? x * f : x / f;
  if (Math.abs(scaled) >= 2 ** 52) return x;
  const shown = Math.abs(Number(scaled.toPrecision(15)));
  const r = Math.sign(scaled) * toWhole(shown);
  const out = d >= 0 ? r / f : r * f;
  return out === 0 ? 0 : out;
}

const xlRound = (x: number, digits: number): number => roundShown(x, digits, (n) => Math.floor(n + 0.5));
const xlRoundAway = (x: number, digits: number, up: boolean): number => roundShown(x, digits, up ? Math.ceil : Math.floor);

// ---- operators --------------------------------------------------------------------------------------------

type Binary = (a: XlScalar, b: XlScalar) => XlScalar;

function numeric(f: (a: number, b: number) => number | XlError): Binary {
  return (a, b) => {
    const x = toNumber(a);
    if (x instanceof XlError) return x;
    const y = toNumber(b);
    if (y instanceof XlError) return y;
    const r = f(x, y);
    return r instanceof XlError ? r : finite(r);
  };
}

/** Excel's order across types: numbers, then text (without regard to case), then FALSE, TRUE. */
function compare(a: XlScalar, b: XlScalar): number | XlError {
  if (a instanceof XlError) return a;
  if (b instanceof XlError) return b;
  const blankAs = (other: XlScalar): XlScalar => (typeof other === "string" ? "" : typeof other === "boolean" ? false : 0);
  const x = a === null ? blankAs(b) : a;
  const y = b === null ? blankAs(a) : b;
  const rank = (v: XlScalar): number => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === "number" && typeof y === "number") return approxEqual(x, y) ? 0 : x < y ? -1 : 1;
  if (typeof x === "string" && typeof y === "string") {
    const u = x.toUpperCase();
    const v = y.toUpperCase();
    return u === v ? 0 : u < v ? -1 : 1;
  }
  return Number(x) - Number(y);
}

function comparison(test: (c: number) => boolean): Binary {
  return (a, b) => {
    const c = compare(a, b);
    return c instanceof XlError ? c : test(c);
  };
}

const BINARY: Record<string, Binary> = {
  "+": numeric(approxAdd),
  "-": numeric((a, b) => approxAdd(a, -b)),
  "*": numeric((a, b) => a * b),
  "/": numeric((a, b) => (b === 0 ? DIV0 : a / b)),
  "^": numeric(power),
  "&": (a, b) => {
    const x = toText(a);
    if (x instanceof XlError) return x;
    const y = toText(b);
    if (y instanceof XlError) return y;
    return x + y;
  },
  "=": comparison((c) => c === 0),
  "<>": comparison((c) => c !== 0),
  "<": comparison((c) => c < 0),
  ">": comparison((c) => c > 0),
  "<=": comparison((c) => c <= 0),
  ">=": comparison((c) => c >= 0),
};

// ---- functions --------------------------------------------------------------------------------------------

function arity(args: FormulaNode[], min: number, max: number): void {
  // Excel refuses such a formula when it is entered; it never has a value.
  if (args.length < min || args.length > max) throw UNCALCULATED;
}

function call(name: string, args: FormulaNode[], env: CalcEnv): Value {
  switch (name) {
    case "SUM":
    case "MIN":
    case "MAX":
      arity(args, 1, 255);
      return aggregate(name, args, env);
    case "SUMPRODUCT":
      arity(args, 1, 255);
      return sumProduct(args, env);
    case "IF": {
      arity(args, 2, 3);
      const test = toBoolean(scalarOf(evaluate(args[0], env), env));
      if (test instanceof XlError) return test;
      const branch = test ? args[1] : args[2];
      if (branch === undefined) return false; // IF(FALSE, x) is FALSE
      if (branch.k === "missing") return 0; // IF(TRUE,,x) is 0
      return evaluate(branch, env);
    }
    case "ISBLANK": {
      arity(args, 1, 1);
      if (args[0].k === "missing") throw UNCALCULATED;
      const v = evaluate(args[0], env);
      if (!(v instanceof RefValue)) return false; // ISBLANK("") is FALSE: only an empty cell is blank
      if (!v.single) throw UNCALCULATED;
      return env.isBlank(v.sheet, v.rect.r0, v.rect.c0);
    }
    case "ROUND": {
      arity(args, 2, 2);
      const x = deref(evaluate(args[0], env), env);
      const d = deref(evaluate(args[1], env), env);
      return lift2(x, d, numeric((n, digits) => xlRound(n, digits)));
    }
    case "ROUNDUP":
    case "ROUNDDOWN": {
      arity(args, 2, 2);
      const x = deref(evaluate(args[0], env), env);
      const d = deref(evaluate(args[1], env), env);
      const up = name === "ROUNDUP";
      return lift2(x, d, numeric((n, digits) => xlRoundAway(n, digits, up)));
    }
    case "ABS":
      arity(args, 1, 1);
      return lift1(deref(evaluate(args[0], env), env), (s) => arith(s, Math.abs));
    case "TEXT": {
      arity(args, 2, 2);
      const v = scalarOf(evaluate(args[0], env), env);
      const format = scalarOf(evaluate(args[1], env), env);
      if (v instanceof XlError) return v;
      if (format instanceof XlError) return format;
      if (typeof format !== "string") throw UNCALCULATED;
      return text(v, format);
    }
    default:
      throw UNCALCULATED;
  }
}

function aggregate(name: "SUM" | "MIN" | "MAX", args: FormulaNode[], env: CalcEnv): XlScalar {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let error: XlError | undefined;
  const take = (n: number): void => {
    sum = approxAdd(sum, n);
    if (n < min) min = n;
    if (n > max) max = n;
  };
  // Inside a reference or an array only numbers count; an error stops everything.
  const inRange = (v: XlScalar): void => {
    if (error !== undefined) return;
    if (typeof v === "number") take(v);
    else if (v instanceof XlError) error = v;
  };
  for (const arg of args) {
    const v = evaluate(arg, env);
    if (v instanceof RefValue) env.eachValue(v.sheet, v.rect, inRange);
    else if (v instanceof Matrix) for (const row of v.rows) row.forEach(inRange);
    else {
      // A direct argument is converted: TRUE is 1, "12" is 12, "x" is #VALUE!, a left-out one is 0.
      const n = toNumber(v);
      if (n instanceof XlError) error ??= n;
      else if (error === undefined) take(n);
    }
    if (error !== undefined) return error;
  }
  if (name === "SUM") return finite(sum);
  if (min === Infinity) return 0; // MIN and MAX of no numbers
  return name === "MIN" ? min : max;
}

function sumProduct(args: FormulaNode[], env: CalcEnv): XlScalar {
  const arrays: Matrix[] = args.map((arg) => {
    if (arg.k === "missing") throw UNCALCULATED;
    const v = deref(evaluate(arg, env), env);
    return v instanceof Matrix ? v : new Matrix([[v]]);
  });
  const [first] = arrays;
  if (arrays.some((m) => m.height !== first.height || m.width !== first.width)) return VALUE;
  let total = 0;
  for (let i = 0; i < first.height; i++)
    for (let j = 0; j < first.width; j++) {
      let product = 1;
      for (const m of arrays) {
        const x = m.rows[i][j];
        if (x instanceof XlError) return x;
        // Text, logical values and blanks count as 0.
        product *= typeof x === "number" ? x : 0;
      }
      total = approxAdd(total, product);
    }
  return finite(total);
}

/** TEXT(value, format) for the number formats budget sheets use: "#,##0", "0", "#,##0.00", "0.0%", "0.0##%". */
function text(v: XlScalar, format: string): string {
  // Decimals: the 0s always shown, then the #s shown where they are not trailing zeros.
  const m = /^(#,##)?0(?:\.(0*)(#*))?(%)?$/.exec(format);
  if (m === null) throw UNCALCULATED;
  if (typeof v === "string") {
    const n = numberFromText(v);
    if (n === undefined) {
      if (/\d/.test(v)) throw UNCALCULATED; // a date in text, perhaps
      return v; // TEXT("abc","0") is "abc"
    }
    v = n;
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof XlError) throw UNCALCULATED; // the caller returns errors before
  const n = v === null ? 0 : v;
  const required = (m[2] ?? "").length;
  const decimals = required + (m[3] ?? "").length;
  const percent = m[4];
  const scaled = percent === undefined ? n : n * 100;
  const rounded = Math.abs(xlRound(scaled, decimals));
  if (rounded >= 1e15) throw UNCALCULATED;
  let [whole, fraction] = rounded.toFixed(decimals).split(".");
  if (fraction !== undefined && decimals > required) fraction = fraction.slice(0, required) + fraction.slice(required).replace(/0+$/, "");
  if (m[1] !== undefined) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  // Excel keeps the sign of a negative that rounds to zero ("-0"), and the point of "0.#" when no decimal shows ("1.").
  return `${n < 0 ? "-" : ""}${whole}${fraction === undefined || (fraction === "" && decimals === 0) ? "" : `.${fraction}`}${percent ?? ""}`;
}
