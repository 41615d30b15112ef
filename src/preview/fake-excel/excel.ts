// An in-memory Excel JavaScript API (Office.js) over a FakeWorkbookModel: the part the adapter (src/excel) uses,
// so the same adapter code runs in Excel, in the browser preview and in jest. What the adapter can get wrong in
// real Excel has to go wrong here too, so the semantics follow office.js and the host closely:
//  - every object is a proxy; methods and property writes are queued and run at context.sync(), in order;
//  - reading a property that was not loaded (and synced) throws PropertyNotLoaded, as office.js does;
//  - loads are answered at their place in the queue, so a load after a write sees the write;
//  - *OrNullObject methods give objects whose isNullObject is known after the next sync;
//  - Excel's refusals: cell edit mode (with and without delayForCellEdit), payload limits, protected sheets,
//    missing items, invalid arguments, with Office's error codes and messages;
//  - automatic calculation: formulas written in a sync, and those depending on cells it changed, get their values
//    before anything is read (./recalc.ts; the formulas it cannot calculate are left without a value).
// One deliberate simplification: when a sync fails, none of its queued writes is applied (real Excel keeps the
// ones that ran before the failing one). A test can therefore say "nothing changed" after any refusal.
//
// Only the members the adapter needs exist (see createFakeExcel); everything else @types/office-js declares is
// undefined at run time, so a call the fake does not know fails loudly (a TypeError) instead of doing nothing.
import { columnName } from "../../core/cells/grid";
import {
  cellKey,
  columnOfKey,
  ERROR_VALUES,
  FakeSheet,
  FakeWorkbookModel,
  isBlankCell,
  MAX_COLUMNS,
  MAX_ROWS,
  rowOfKey,
  type FakeCell,
  type FakeChart as ChartData,
  type FakeHyperlink,
  type FakeName,
  type FakeSeriesBy,
  type FakeValidation,
  type FakeValidationRule,
  type FakeValue,
  type FakeVisibility,
} from "./model";
import { cellOf, columnOf } from "./formula-parse";
import { recalculate, type ChangedCells } from "./recalc";

// ---------------------------------------------------------------------------------------------------------------
// Errors

export interface FakeDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
}

/** OfficeExtension.Error: what every Excel failure is, with Office's codes and (English) messages. */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: FakeDebugInfo;
  readonly traceMessages: string[] = [];
  readonly httpStatusCode: number;

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message };
    if (errorLocation !== undefined) this.debugInfo.errorLocation = errorLocation;
    this.httpStatusCode = code === "AccessDenied" ? 401 : code === "GeneralException" ? 500 : 400;
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

// The messages office.js and Excel give (office_strings.js and the host's resources, en-US).
const MESSAGES: Record<string, string> = {
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  ValueNotLoaded: 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: "A resource with the same name or identifier already exists.",
  InvalidSelection: "The current selection is invalid for this operation.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidOperation: "The operation attempted is invalid on the object.",
  AccessDenied: "The cell or chart you're trying to change is protected.",
  InvalidOperationInCellEditMode: "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
  RequestPayloadSizeLimitExceeded:
    'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  GeneralException: "There was an internal error while processing the request.",
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
};

function officeError(code: string, errorLocation?: string, detail?: string): FakeOfficeError {
  const message = MESSAGES[code] ?? code;
  return new FakeOfficeError(code, detail === undefined ? message : `${message} (${detail})`, errorLocation);
}

function notLoaded(property: string, typeName: string): FakeOfficeError {
  return new FakeOfficeError("PropertyNotLoaded", MESSAGES.PropertyNotLoaded.replace("{0}", property), `${typeName}.${property}`);
}

function invalid(detail: string): FakeOfficeError {
  return officeError("InvalidArgument", undefined, detail);
}

// ---------------------------------------------------------------------------------------------------------------
// Addresses

interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

interface RangeTarget extends Rect {
  sheet: FakeSheet;
}

const ROW_RE = /^\$?(\d{1,7})$/;

/** "B7", "$B$7", "A1:D5", "A:C", "3:5" (no sheet) → 0-based rectangle; undefined when not an address. */
export function parseRangeAddress(text: string): Rect | undefined {
  const parts = text.trim().split(":");
  if (parts.length === 0 || parts.length > 2) return undefined;
  const [a, b = a] = parts;
  let rect: Rect | undefined;
  const ca = cellOf(a);
  const cb = cellOf(b);
  const columnA = columnOf(a);
  const columnB = columnOf(b);
  if (ca !== undefined && cb !== undefined) {
    rect = { r0: ca.r, c0: ca.c, r1: cb.r, c1: cb.c };
  } else if (parts.length === 2 && columnA !== undefined && columnB !== undefined) {
    rect = { r0: 0, c0: columnA, r1: MAX_ROWS - 1, c1: columnB };
  } else if (parts.length === 2 && ROW_RE.test(a) && ROW_RE.test(b)) {
    rect = { r0: Number(a.replace("$", "")) - 1, c0: 0, r1: Number(b.replace("$", "")) - 1, c1: MAX_COLUMNS - 1 };
  }
  if (rect === undefined) return undefined;
  const out = { r0: Math.min(rect.r0, rect.r1), c0: Math.min(rect.c0, rect.c1), r1: Math.max(rect.r0, rect.r1), c1: Math.max(rect.c0, rect.c1) };
  return inSheet(out) ? out : undefined;
}

function inSheet(r: Rect): boolean {
  return r.r0 >= 0 && r.c0 >= 0 && r.r1 < MAX_ROWS && r.c1 < MAX_COLUMNS && r.r0 <= r.r1 && r.c0 <= r.c1;
}

/** A1 text of a rectangle as Excel writes it: "B7", "A1:D5", "A:C" for whole columns, "3:5" for whole rows. */
export function rectA1(r: Rect): string {
  const wholeRows = r.c0 === 0 && r.c1 === MAX_COLUMNS - 1;
  const wholeColumns = r.r0 === 0 && r.r1 === MAX_ROWS - 1;
  if (wholeRows) return `${r.r0 + 1}:${r.r1 + 1}`;
  if (wholeColumns) return `${columnName(r.c0)}:${columnName(r.c1)}`;
  const a = `${columnName(r.c0)}${r.r0 + 1}`;
  return r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:${columnName(r.c1)}${r.r1 + 1}`;
}

/**
 * The sheet name as Excel writes it in an address: bare when it is letters, digits, "_" and "." starting with a
 * letter or "_" and cannot be read as a cell (A1, R1C1); otherwise in single quotes with quotes doubled.
 */
export function quoteSheetName(name: string): string {
  const bare =
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^(R\d*C\d*|R\d*|C\d*)$/i.test(name);
  return bare ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet1!A1", "'06 국내·외 교류'!B7", "B7" → sheet (unquoted) and the local part. */
function splitSheet(address: string): { sheet?: string; local: string } | undefined {
  const s = address.trim();
  if (s.startsWith("'")) {
    let name = "";
    let i = 1;
    for (; i < s.length; i++) {
      if (s[i] === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i++;
          continue;
        }
        break;
      }
      name += s[i];
    }
    if (i >= s.length || s[i + 1] !== "!") return undefined;
    return { sheet: name, local: s.slice(i + 2) };
  }
  const bang = s.lastIndexOf("!");
  return bang < 0 ? { local: s } : { sheet: s.slice(0, bang), local: s.slice(bang + 1) };
}

function rangeAddress(t: RangeTarget): string {
  return `${quoteSheetName(t.sheet.name)}!${rectA1(t)}`;
}

function rowsOf(r: Rect): number {
  return r.r1 - r.r0 + 1;
}

function colsOf(r: Rect): number {
  return r.c1 - r.c0 + 1;
}

function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

function contains(outer: Rect, inner: Rect): boolean {
  return outer.r0 <= inner.r0 && inner.r1 <= outer.r1 && outer.c0 <= inner.c0 && inner.c1 <= outer.c1;
}

// ---------------------------------------------------------------------------------------------------------------
// Cells: what Excel makes of values written through the API, and how it shows them

const STANDARD_WIDTH = 48; // points: Excel's default column (8.43 characters of Calibri 11)
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

type Parsed = { formula: string } | { value: FakeValue; format?: string };

/**
 * A string written to `values` or `formulas` is parsed as if typed: "=…" (and "+…"/"-…" that is not a number)
 * becomes a formula, numbers, "12%", "1,234", ISO dates and TRUE/FALSE become typed values, a leading
 * apostrophe forces text. A cell formatted as text ("@") keeps every string as it is.
 */
function parseTyped(s: string): Parsed {
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(s)) return { value: Number(s) };
  if (/^\s*[+-]?\d{1,3}(,\d{3})+(\.\d+)?\s*$/.test(s)) return { value: Number(s.replace(/,/g, "")), format: "#,##0" };
  const pct = /^\s*([+-]?(\d+\.?\d*|\.\d+))%\s*$/.exec(s);
  if (pct !== null) return { value: Number(pct[1]) / 100, format: "0%" };
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (date !== null) {
    const ms = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
    const back = new Date(ms);
    if (back.getUTCMonth() === Number(date[2]) - 1 && back.getUTCDate() === Number(date[3])) return { value: (ms - EXCEL_EPOCH) / 86_400_000, format: "yyyy-mm-dd" };
  }
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === "true" };
  if (s.length > 1 && s.startsWith("=")) return { formula: s.slice(1) };
  if (s.length > 1 && (s.startsWith("+") || s.startsWith("-"))) return { formula: s };
  return { value: s };
}

/** The cell after writing one entry of a `values`/`formulas` array (null entries never get here). */
function withInput(prev: FakeCell | undefined, x: unknown): FakeCell {
  const next: FakeCell = { ...(prev ?? { value: null }) };
  delete next.formula;
  if (typeof x === "number") {
    if (!Number.isFinite(x)) throw invalid(`${x} is not a cell value`);
    next.value = x;
  } else if (typeof x === "boolean") {
    next.value = x;
  } else if (typeof x === "string") {
    if (x === "") next.value = null;
    else if (prev?.numberFormat === "@") next.value = x;
    else {
      const p = parseTyped(x);
      if ("formula" in p) {
        next.formula = p.formula;
        // No value until the sync's calculation (Exec.calculate) gives it one; it stays null when the fake cannot
        // calculate the formula, as in a file whose formulas were never calculated.
        next.value = null;
      } else {
        next.value = p.value;
        if (p.format !== undefined && next.numberFormat === undefined) next.numberFormat = p.format;
      }
    }
  } else {
    throw invalid(`${typeof x} is not a cell value`);
  }
  return next;
}

function withFormat(prev: FakeCell | undefined, x: unknown): FakeCell {
  if (typeof x !== "string" && typeof x !== "number") throw invalid("a number format is text");
  const next: FakeCell = { ...(prev ?? { value: null }) };
  const format = String(x);
  if (format === "General" || format === "") delete next.numberFormat;
  else next.numberFormat = format;
  return next;
}

function valueOf(cell: FakeCell | undefined): number | string | boolean {
  // Empty cells, and formulas the fake never calculated, show as "" (in `text`, `valueTypes`).
  return cell === undefined || cell.value === null ? "" : cell.value;
}

/**
 * An entry of `values`: "" for an empty cell, as Excel gives. A formula without a value (one the fake cannot
 * calculate, or one from a file that was never calculated) is a state real Excel never has (it calculates every
 * formula it is given); it reads as null rather than as a plausible "" so that a reader can tell "no cached
 * result" (and let the engine compute a SUM) from an empty text result.
 */
function valuesEntry(cell: FakeCell | undefined): number | string | boolean | null {
  return cell?.formula !== undefined && cell.value === null ? null : valueOf(cell);
}

function formulaOf(cell: FakeCell | undefined): FakeValue {
  return cell?.formula !== undefined ? `=${cell.formula}` : valueOf(cell);
}

function valueTypeOf(cell: FakeCell | undefined): string {
  const v = valueOf(cell);
  // A formula whose result is "" is a string, not an empty cell (Office: Empty is "no formulas or data").
  if (v === "") return cell?.formula !== undefined && cell.value === "" ? "String" : "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return ERROR_VALUES.has(v as string) ? "Error" : "String";
}

function generalNumber(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e11) return String(v);
  return String(Number(v.toPrecision(10)));
}

/** Range.text: the number formats Yesan writes are rendered; anything else falls back to General. */
function textOf(cell: FakeCell | undefined): string {
  const v = valueOf(cell);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const fmt = cell?.numberFormat;
  if (fmt === undefined || fmt === "General" || fmt === "@") return generalNumber(v);
  const m = /^(#,##)?0(?:\.(0*)(#*))?(%)?$/.exec(fmt);
  if (m !== null) {
    const pct = m[4] !== undefined;
    const min = (m[2] ?? "").length;
    const s = (pct ? v * 100 : v).toLocaleString("en-US", { useGrouping: m[1] !== undefined, minimumFractionDigits: min, maximumFractionDigits: min + (m[3] ?? "").length });
    return pct ? `${s}%` : s;
  }
  if (/^yyyy-mm-dd$/i.test(fmt)) return new Date(EXCEL_EPOCH + Math.round(v * 86_400_000)).toISOString().slice(0, 10);
  return generalNumber(v);
}

const NAMED_COLORS: Record<string, string> = {
  black: "#000000", white: "#FFFFFF", red: "#FF0000", green: "#008000", blue: "#0000FF", yellow: "#FFFF00",
  orange: "#FFA500", gray: "#808080", grey: "#808080", purple: "#800080", pink: "#FFC0CB", lime: "#00FF00",
  cyan: "#00FFFF", aqua: "#00FFFF", magenta: "#FF00FF", fuchsia: "#FF00FF", navy: "#000080", teal: "#008080",
  maroon: "#800000", olive: "#808000", silver: "#C0C0C0", brown: "#A52A2A", gold: "#FFD700",
  lightgreen: "#90EE90", lightblue: "#ADD8E6", lightgray: "#D3D3D3", lightgrey: "#D3D3D3", lightyellow: "#FFFFE0",
  darkgreen: "#006400", darkred: "#8B0000", darkblue: "#00008B",
};

/** Excel reports colours as "#RRGGBB" whatever was set ("yellow", "#ff0"). */
function normalizeColor(x: unknown): string {
  if (typeof x !== "string") throw invalid("a colour is text");
  const s = x.trim();
  const named = NAMED_COLORS[s.toLowerCase()];
  if (named !== undefined) return named;
  if (/^#[0-9a-fA-F]{6}$/.test(s)) return s.toUpperCase();
  if (/^#[0-9a-fA-F]{3}$/.test(s)) return `#${[...s.slice(1)].map((ch) => ch + ch).join("")}`.toUpperCase();
  throw invalid(`"${s}" is not a colour`);
}

const FILL_PATTERNS = {
  none: "None", solid: "Solid", gray50: "Gray50", gray75: "Gray75", gray25: "Gray25", horizontal: "Horizontal",
  vertical: "Vertical", down: "Down", up: "Up", checker: "Checker", semiGray75: "SemiGray75",
  lightHorizontal: "LightHorizontal", lightVertical: "LightVertical", lightDown: "LightDown", lightUp: "LightUp",
  grid: "Grid", crissCross: "CrissCross", gray16: "Gray16", gray8: "Gray8", linearGradient: "LinearGradient",
  rectangularGradient: "RectangularGradient",
} as const;
const FILL_PATTERN_VALUES = new Set<string>(Object.values(FILL_PATTERNS));

const HORIZONTAL_ALIGNMENTS = {
  general: "General", left: "Left", center: "Center", right: "Right", fill: "Fill", justify: "Justify",
  centerAcrossSelection: "CenterAcrossSelection", distributed: "Distributed",
} as const;
const HORIZONTAL_ALIGNMENT_VALUES = new Set<string>(Object.values(HORIZONTAL_ALIGNMENTS));

/** Points an autofit column needs for a text: wide (CJK) characters count double. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u11FF\u2E80-\uA4CF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFF60]/.test(ch) ? 10.5 : 5.25;
  return Math.round((w + 5.25) * 4) / 4;
}

// ---------------------------------------------------------------------------------------------------------------
// A sync's execution: the undo log (a failed sync leaves the workbook as it was), payload accounting, results
// that reach the proxies only when the whole sync succeeded.

class Txn {
  dirty = false;
  private readonly undo: (() => void)[] = [];
  private readonly cellSnapshots = new Set<FakeSheet>();
  private readonly touched = new Set<object>();

  set<O extends object, K extends keyof O>(obj: O, key: K, value: O[K]): void {
    const old = obj[key];
    this.undo.push(() => {
      obj[key] = old;
    });
    obj[key] = value;
    this.dirty = true;
  }

  /** Call before changing a small map (settings, comments, widths): undo restores it whole, order included. */
  touchMap<K, V>(map: Map<K, V>): void {
    this.dirty = true;
    if (this.touched.has(map)) return;
    this.touched.add(map);
    const copy = [...map];
    this.undo.push(() => {
      map.clear();
      for (const [k, v] of copy) map.set(k, v);
    });
  }

  touchArray<V>(arr: V[]): void {
    this.dirty = true;
    if (this.touched.has(arr)) return;
    this.touched.add(arr);
    const copy = arr.slice();
    this.undo.push(() => {
      arr.length = 0;
      for (const v of copy) arr.push(v);
    });
  }

  /**
   * Cells can be millions, so changes are logged one by one; only a deletion snapshots its sheet's map, because
   * putting a deleted key back would move it to the end and the map's order is part of what tests compare.
   */
  setCell(sheet: FakeSheet, key: number, cell: FakeCell | undefined): void {
    const cells = sheet.cells;
    if (cell === undefined) {
      if (!cells.has(key)) return;
      if (!this.cellSnapshots.has(sheet)) {
        this.cellSnapshots.add(sheet);
        const copy = new Map(cells);
        this.undo.push(() => {
          cells.clear();
          for (const [k, v] of copy) cells.set(k, v);
        });
      }
      cells.delete(key);
    } else {
      if (!this.cellSnapshots.has(sheet)) {
        const old = cells.get(key);
        this.undo.push(() => {
          if (old === undefined) cells.delete(key);
          else cells.set(key, old);
        });
      }
      cells.set(key, cell);
    }
    this.dirty = true;
  }

  rollback(): void {
    for (let i = this.undo.length - 1; i >= 0; i--) this.undo[i]();
    this.undo.length = 0;
  }
}

function jsonLength(value: unknown): number {
  return JSON.stringify(value)?.length ?? 4;
}

class Exec {
  readonly txn = new Txn();
  /** Each proxy's target as resolved in this sync (null: a null object). */
  readonly resolved = new Map<FakeObject<unknown>, unknown>();
  private readonly deliveries: (() => void)[] = [];
  private responseBytes = 0;
  private requestBytes = 0;
  private readonly cellsRead = new Map<object, number>();
  private changed: ChangedCells = new Map();

  constructor(readonly model: FakeWorkbookModel) {}

  deliver(fn: () => void): void {
    this.deliveries.push(fn);
  }

  /** Counts a value the sync returns against the response limit. */
  respond(value: unknown): void {
    this.responseBytes += jsonLength(value);
    if (this.responseBytes > this.model.limits.maxBytesPerResponse) throw officeError("RequestPayloadSizeLimitExceeded");
  }

  /** Counts a value the sync writes against the request limit. */
  request(value: unknown): void {
    this.requestBytes += jsonLength(value);
    if (this.requestBytes > this.model.limits.maxBytesPerRequest) throw officeError("RequestPayloadSizeLimitExceeded");
  }

  /** Checked before a range's cells are gathered, so an oversized read fails without building it. */
  countCells(range: object, cells: number): void {
    const total = (this.cellsRead.get(range) ?? 0) + cells;
    this.cellsRead.set(range, total);
    if (total > this.model.limits.maxCellsPerRead) throw officeError("RequestPayloadSizeLimitExceeded");
  }

  assertWritable(sheet: FakeSheet): void {
    if (sheet.protected) throw officeError("AccessDenied");
  }

  /**
   * Writes a cell. A change of value or formula, or any entry written to `values`/`formulas` (`entered`: Excel
   * calculates a formula entered again even when its text is the same), is remembered for the calculation.
   */
  putCell(sheet: FakeSheet, r: number, c: number, cell: FakeCell | undefined, entered = false): void {
    const key = cellKey(r, c);
    const prev = sheet.cells.get(key);
    if (entered || (prev?.value ?? null) !== (cell?.value ?? null) || prev?.formula !== cell?.formula) getOrMakeSet(this.changed, sheet).add(key);
    this.txn.setCell(sheet, key, cell === undefined || isBlankCell(cell) ? undefined : cell);
  }

  /**
   * Excel in automatic calculation mode: before anything is read, and when the sync ends, the formulas written
   * and those that depend on changed cells have their values (./recalc.ts). Through the undo log, so a failed
   * sync leaves the values as they were.
   */
  calculate(): void {
    if (this.changed.size === 0) return;
    const changed = this.changed;
    this.changed = new Map();
    recalculate(this.model.sheets, changed, (sheet, key, cell) => this.txn.setCell(sheet, key, cell));
  }

  commit(): void {
    for (const d of this.deliveries) d();
    for (const [obj, target] of this.resolved) obj._commit(target);
  }
}

function getOrMakeSet<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (set === undefined) {
    set = new Set();
    map.set(key, set);
  }
  return set;
}

/** The stored cells inside a rectangle, scanning whichever is smaller: the rectangle or the sheet's map. */
function storedCellsIn(sheet: FakeSheet, r: Rect): { key: number; row: number; col: number; cell: FakeCell }[] {
  const out: { key: number; row: number; col: number; cell: FakeCell }[] = [];
  if (rowsOf(r) * colsOf(r) <= sheet.cells.size) {
    for (let row = r.r0; row <= r.r1; row++)
      for (let col = r.c0; col <= r.c1; col++) {
        const key = cellKey(row, col);
        const cell = sheet.cells.get(key);
        if (cell !== undefined) out.push({ key, row, col, cell });
      }
  } else {
    for (const [key, cell] of sheet.cells) {
      const row = rowOfKey(key);
      const col = columnOfKey(key);
      if (row >= r.r0 && row <= r.r1 && col >= r.c0 && col <= r.c1) out.push({ key, row, col, cell });
    }
    out.sort((a, b) => a.key - b.key);
  }
  return out;
}

/** Office's answer for a format property of a range: the value when every cell agrees, else null. */
function uniform<V>(t: RangeTarget, of: (cell: FakeCell | undefined) => V): V | null {
  const stored = storedCellsIn(t.sheet, t);
  let first = true;
  let value: V | null = null;
  const see = (v: V): boolean => {
    if (first) {
      first = false;
      value = v;
      return true;
    }
    return v === value;
  };
  for (const s of stored) if (!see(of(s.cell))) return null;
  if (stored.length < rowsOf(t) * colsOf(t) && !see(of(undefined))) return null;
  return value;
}

/** The used range's rectangle: cells with a value or formula; with formats too unless valuesOnly. */
function usedRect(sheet: FakeSheet, valuesOnly: boolean): Rect | undefined {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  const take = (r: number, c: number, r2 = r, c2 = c): void => {
    if (r < r0) r0 = r;
    if (c < c0) c0 = c;
    if (r2 > r1) r1 = r2;
    if (c2 > c1) c1 = c2;
  };
  for (const [key, cell] of sheet.cells) {
    const hasValue = cell.formula !== undefined || (cell.value !== null && cell.value !== "");
    if (hasValue || (!valuesOnly && !isBlankCell(cell))) take(rowOfKey(key), columnOfKey(key));
  }
  if (!valuesOnly) for (const m of sheet.merges) take(m.r0, m.c0, m.r1, m.c1);
  return r1 < 0 ? undefined : { r0, c0, r1, c1 };
}

// ---------------------------------------------------------------------------------------------------------------
// The request context

interface Op {
  location: string;
  run: (exec: Exec) => void;
}

export class FakeRequestContext {
  /** True while a sync runs: objects made then (results, navigation) queue nothing, as in office.js. */
  _processing = false;
  private pending: Op[] = [];
  private queue: Promise<void> = Promise.resolve();
  private wb: FakeWorkbook | undefined;

  constructor(
    readonly _model: FakeWorkbookModel,
    readonly _delayForCellEdit = false,
  ) {}

  get workbook(): FakeWorkbook {
    return (this.wb ??= new FakeWorkbook(this));
  }

  _enqueue(location: string, run: (exec: Exec) => void): void {
    this.pending.push({ location, run });
  }

  get _hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** Runs the queued commands; every call counts in model.syncCount. */
  sync<T>(passThroughValue?: T): Promise<T> {
    this._model.syncCount++;
    return this._send().then(() => passThroughValue as T);
  }

  _send(): Promise<void> {
    const ops = this.pending;
    this.pending = [];
    const done = this.queue.then(() => this.execute(ops));
    this.queue = done.catch(() => undefined);
    return done;
  }

  private async execute(ops: Op[]): Promise<void> {
    await Promise.resolve(); // a round trip is never synchronous
    // office.js sends nothing when nothing is queued, so an empty sync cannot meet cell edit mode.
    if (ops.length === 0) return;
    const model = this._model;
    while (model.cellEditMode) {
      if (!this._delayForCellEdit) throw officeError("InvalidOperationInCellEditMode");
      await model.cellEditModeEnded();
    }
    const exec = new Exec(model);
    this._processing = true;
    try {
      for (const op of ops) {
        try {
          op.run(exec);
        } catch (e) {
          if (e instanceof FakeOfficeError && e.debugInfo.errorLocation === undefined) e.debugInfo.errorLocation = op.location;
          throw e;
        }
      }
      exec.calculate();
    } catch (e) {
      exec.txn.rollback();
      throw e;
    } finally {
      this._processing = false;
    }
    exec.commit();
    if (exec.txn.dirty) model.emitChange();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Proxies

type Resolver<T> = (exec: Exec) => T | null;

function parseLoad(spec: unknown): string[][] {
  const names = (s: string): string[][] =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter((x) => x !== "")
      .map((x) => x.split("/").map((p) => p.trim()));
  if (spec === undefined || spec === null) return [];
  if (typeof spec === "string") return names(spec);
  if (Array.isArray(spec)) {
    return spec.flatMap((x: unknown) => {
      if (typeof x !== "string") throw invalid("load takes property names");
      return names(x);
    });
  }
  if (typeof spec === "object") {
    const o = spec as { select?: unknown; expand?: unknown };
    return [...(o.select === undefined ? [] : parseLoad(o.select)), ...(o.expand === undefined ? [] : parseLoad(o.expand))];
  }
  throw invalid("load takes property names");
}

/** OfficeExtension.ClientResult: a method's plain result, readable after the sync that carries it. */
export class FakeClientResult<V> {
  private loaded = false;
  private v: V | undefined;

  get value(): V {
    if (!this.loaded) throw officeError("ValueNotLoaded", "clientResult.value");
    return this.v as V;
  }

  _set(v: V | undefined): void {
    this.loaded = true;
    this.v = v;
  }
}

abstract class FakeObject<T> {
  /** Known after the sync that first used the object (as office.js sets it from the response). */
  _isNull: boolean | undefined;
  /** Office's type name ("Range"), for error locations such as "Range.values". */
  protected abstract readonly _type: string;
  /** The document object behind the proxy, once a sync has found it. */
  _target: T | null | undefined;
  protected readonly _loaded = new Map<string, unknown>();
  private readonly _children = new Map<string, unknown>();

  constructor(
    readonly context: FakeRequestContext,
    /** Where the proxy came from ("Worksheet.getRange"): the error location when finding it fails. */
    protected readonly _origin: string,
    private readonly _resolver: Resolver<T>,
    preset?: T,
  ) {
    if (preset !== undefined) {
      this._target = preset;
      this._isNull = false;
    } else if (!context._processing) {
      // office.js queues an "instantiate" action for every proxy it makes: a getItem of a missing item fails at
      // the next sync even if nothing else touches it, and *OrNullObject results need no load to be known.
      context._enqueue(_origin, (exec) => {
        this._get(exec);
      });
    }
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw notLoaded("isNullObject", this._type);
    return this._isNull;
  }

  load(propertyNames?: unknown): this {
    const paths = parseLoad(propertyNames);
    this.context._enqueue(`${this._type}.load`, (exec) => this._loadPaths(exec, paths));
    return this;
  }

  _get(exec: Exec): T | null {
    if (exec.resolved.has(this)) return exec.resolved.get(this) as T | null;
    const kept = this._target;
    // A null object stays null, as in Office; a kept target that is gone (a deleted sheet) is looked up again,
    // and a proxy whose object is still gone (a worksheet item after its sheet was deleted) fails.
    const t = kept !== undefined && (kept === null || this._valid(exec, kept)) ? kept : this._resolver(exec);
    if (t !== null && !this._valid(exec, t)) throw officeError("ItemNotFound");
    exec.resolved.set(this, t);
    return t;
  }

  _need(exec: Exec): T {
    const t = this._get(exec);
    // Writing to or calling a method of a null object: Office does not document the code; this is the closest.
    if (t === null) throw officeError("ItemNotFound");
    return t;
  }

  _commit(target: unknown): void {
    this._target = target as T | null;
    this._isNull = target === null;
  }

  _loadPaths(exec: Exec, paths: string[][]): void {
    const t = this._get(exec);
    if (t === null) return;
    const all = paths.length === 0 ? this._scalarNames().map((n) => [n]) : paths;
    const groups = new Map<string, string[][]>();
    for (const [head, ...rest] of all) {
      const g = groups.get(head);
      if (g === undefined) groups.set(head, [rest]);
      else g.push(rest);
    }
    for (const [head, rests] of groups) {
      if (this._scalarNames().includes(head)) {
        if (rests.some((r) => r.length > 0)) throw invalid(`${this._type}.${head} has no properties`);
        const value = this._scalar(exec, t, head);
        exec.respond(value);
        exec.deliver(() => this._loaded.set(head, value));
        continue;
      }
      const child = this._navigation(head);
      if (child === undefined) throw invalid(`${this._type} has no property "${head}"`);
      child._loadPaths(
        exec,
        rests.flatMap((r) => (r.length === 0 ? child._scalarNames().map((n) => [n]) : [r])),
      );
    }
  }

  _scalarNames(): readonly string[] {
    return [];
  }

  protected _scalar(_exec: Exec, _t: T, name: string): unknown {
    throw invalid(`${this._type} has no property "${name}"`);
  }

  protected _navigation(_name: string): FakeObject<unknown> | undefined {
    return undefined;
  }

  protected _valid(_exec: Exec, _t: T): boolean {
    return true;
  }

  protected _child<C>(name: string, make: () => C): C {
    let c = this._children.get(name) as C | undefined;
    if (c === undefined) {
      c = make();
      this._children.set(name, c);
    }
    return c;
  }

  protected _read<V>(name: string): V {
    // office.js skips the loaded check on a null object and gives undefined.
    if (this._isNull === true) return undefined as V;
    if (!this._loaded.has(name)) throw notLoaded(name, this._type);
    return this._loaded.get(name) as V;
  }

  /** A property write: visible locally at once (as in office.js), applied to the document at sync. */
  protected _write(name: string, value: unknown, apply: (exec: Exec, t: T) => void): void {
    this._loaded.set(name, value);
    this.context._enqueue(`${this._type}.${name}`, (exec) => apply(exec, this._need(exec)));
  }

  protected _call(method: string, apply: (exec: Exec, t: T) => void): void {
    this.context._enqueue(`${this._type}.${method}`, (exec) => apply(exec, this._need(exec)));
  }

  /** A method returning a plain value (ClientResult). */
  protected _result<V>(method: string, compute: (exec: Exec, t: T) => V): FakeClientResult<V> {
    const result = new FakeClientResult<V>();
    this.context._enqueue(`${this._type}.${method}`, (exec) => {
      const t = this._get(exec);
      const v = t === null ? undefined : compute(exec, t);
      exec.respond(v ?? null);
      exec.deliver(() => result._set(v));
    });
    return result;
  }
}

abstract class FakeCollection<T, I, P extends FakeObject<I>> extends FakeObject<T> {
  protected abstract _itemTargets(exec: Exec, t: T): I[];
  protected abstract _makeItem(target: I): P;
  /** The item type's loadable properties (for load() and load("items")). */
  protected abstract _itemScalarNames(): readonly string[];

  get items(): P[] {
    return this._read<P[]>("items");
  }

  getCount(): FakeClientResult<number> {
    return this._result("getCount", (exec, t) => this._itemTargets(exec, t).length);
  }

  override _loadPaths(exec: Exec, paths: string[][]): void {
    const t = this._get(exec);
    if (t === null) return;
    const itemPaths: string[][] = [];
    let all = paths.length === 0;
    for (const p of paths) {
      if (p[0] === "items") {
        if (p.length === 1) all = true;
        else itemPaths.push(p.slice(1));
      } else {
        // Office applies a collection's plain property names to its items.
        itemPaths.push(p);
      }
    }
    if (all) itemPaths.push(...this._itemScalarNames().map((n) => [n]));
    const items = this._itemTargets(exec, t).map((target) => this._makeItem(target));
    for (const item of items) item._loadPaths(exec, itemPaths);
    exec.deliver(() => this._loaded.set("items", items));
  }
}

// --- Workbook --------------------------------------------------------------------------------------------------

class FakeWorkbook extends FakeObject<FakeWorkbookModel> {
  protected readonly _type = "Workbook";

  constructor(context: FakeRequestContext) {
    super(context, "Workbook", (exec) => exec.model, context._model);
  }

  get worksheets(): FakeWorksheetCollection {
    return this._child("worksheets", () => new FakeWorksheetCollection(this.context));
  }

  get settings(): FakeSettingCollection {
    return this._child("settings", () => new FakeSettingCollection(this.context));
  }

  get comments(): FakeCommentCollection {
    return this._child("comments", () => new FakeCommentCollection(this.context, "Workbook.comments", () => ({ sheet: undefined })));
  }

  get names(): FakeNamedItemCollection {
    return this._child("names", () => new FakeNamedItemCollection(this.context));
  }

  /** The selected range; Office refuses (InvalidSelection) when several areas are selected. */
  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, "Workbook.getSelectedRange", (exec) => selectionTarget(exec, false));
  }

  /** Every selected area (ExcelApi 1.9). */
  getSelectedRanges(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, "Workbook.getSelectedRanges", (exec) => {
      const { sheet, rects } = selectionAreas(exec);
      return { sheet, rects: rects.map((r) => ({ ...r })) };
    });
  }

  getActiveCell(): FakeRange {
    return new FakeRange(this.context, "Workbook.getActiveCell", (exec) => selectionTarget(exec, true));
  }

  protected override _navigation(name: string): FakeObject<unknown> | undefined {
    if (name === "worksheets") return this.worksheets;
    if (name === "settings") return this.settings;
    if (name === "comments") return this.comments;
    if (name === "names") return this.names;
    return undefined;
  }
}

function selectionAreas(exec: Exec): AreasTarget {
  const sel = exec.model.selection;
  const sheet = exec.model.sheet(sel.sheet);
  const rects = sel.address.split(",").map((a) => parseRangeAddress(a));
  if (sheet === undefined || rects.length === 0 || rects.some((r) => r === undefined)) throw officeError("GeneralException", undefined, "the selection is not on a sheet");
  return { sheet, rects: rects as Rect[] };
}

function selectionTarget(exec: Exec, firstCell: boolean): RangeTarget {
  const { sheet, rects } = selectionAreas(exec);
  const rect = rects[0];
  if (firstCell) return { sheet, r0: rect.r0, c0: rect.c0, r1: rect.r0, c1: rect.c0 };
  if (rects.length > 1) throw officeError("InvalidSelection");
  return { sheet, ...rect };
}

// --- Worksheets ------------------------------------------------------------------------------------------------

const WORKSHEET_SCALARS = ["id", "name", "position", "visibility"] as const;

function validSheetName(name: string): boolean {
  return name.length >= 1 && name.length <= 31 && !/[[\]:*?/\\]/.test(name) && !name.startsWith("'") && !name.endsWith("'");
}

function sheetByKey(exec: Exec, key: string): FakeSheet | undefined {
  return exec.model.sheet(key) ?? exec.model.sheets.find((s) => s.id === key);
}

class FakeWorksheetCollection extends FakeCollection<FakeWorkbookModel, FakeSheet, FakeWorksheet> {
  protected readonly _type = "WorksheetCollection";

  constructor(context: FakeRequestContext) {
    super(context, "WorksheetCollection", (exec) => exec.model);
  }

  protected override _itemTargets(exec: Exec): FakeSheet[] {
    return [...exec.model.sheets];
  }

  protected override _makeItem(sheet: FakeSheet): FakeWorksheet {
    return new FakeWorksheet(this.context, "Worksheet", () => sheet, sheet);
  }

  protected override _itemScalarNames(): readonly string[] {
    return WORKSHEET_SCALARS;
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, "WorksheetCollection.getItem", (exec) => {
      const s = sheetByKey(exec, key);
      if (s === undefined) throw officeError("ItemNotFound");
      return s;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, "WorksheetCollection.getItemOrNullObject", (exec) => sheetByKey(exec, key) ?? null);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, "WorksheetCollection.getActiveWorksheet", (exec) => {
      const s = exec.model.sheet(exec.model.activeSheet);
      if (s === undefined) throw officeError("GeneralException", undefined, "no active sheet");
      return s;
    });
  }

  override getCount(visibleOnly?: boolean): FakeClientResult<number> {
    return this._result("getCount", (exec) => exec.model.sheets.filter((s) => visibleOnly !== true || s.visibility === "Visible").length);
  }

  add(name?: string): FakeWorksheet {
    const made: { sheet?: FakeSheet } = {};
    // The add is queued before the new proxy's own instantiate, so that one finds the sheet.
    this.context._enqueue("WorksheetCollection.add", (exec) => {
      const model = exec.model;
      let n = model.sheets.length + 1;
      while (name === undefined && model.sheet(`Sheet${n}`) !== undefined) n++;
      const sheetName = name ?? `Sheet${n}`;
      if (!validSheetName(sheetName)) throw invalid(`"${sheetName}" is not a valid sheet name`);
      if (model.sheet(sheetName) !== undefined) throw officeError("ItemAlreadyExists");
      const sheet = new FakeSheet(sheetName, model.newSheetId());
      exec.txn.touchArray(model.sheets);
      model.sheets.push(sheet);
      made.sheet = sheet;
    });
    return new FakeWorksheet(this.context, "WorksheetCollection.add", () => {
      if (made.sheet === undefined) throw officeError("ItemNotFound");
      return made.sheet;
    });
  }
}

class FakeWorksheet extends FakeObject<FakeSheet> {
  protected readonly _type = "Worksheet";

  get id(): string {
    return this._read("id");
  }

  get name(): string {
    return this._read("name");
  }

  set name(value: string) {
    this._write("name", value, (exec, sheet) => renameSheet(exec, sheet, value));
  }

  get position(): number {
    return this._read("position");
  }

  set position(value: number) {
    this._write("position", value, (exec, sheet) => {
      const sheets = exec.model.sheets;
      if (!Number.isInteger(value) || value < 0 || value >= sheets.length) throw invalid("position");
      exec.txn.touchArray(sheets);
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(value, 0, sheet);
    });
  }

  get visibility(): FakeVisibility {
    return this._read("visibility");
  }

  set visibility(value: FakeVisibility) {
    this._write("visibility", value, (exec, sheet) => {
      if (value !== "Visible" && value !== "Hidden" && value !== "VeryHidden") throw invalid("visibility");
      if (value !== "Visible" && sheet.visibility === "Visible" && exec.model.sheets.filter((s) => s.visibility === "Visible").length === 1) {
        throw officeError("InvalidOperation", undefined, "a workbook keeps one visible sheet");
      }
      exec.txn.set(sheet, "visibility", value);
    });
  }

  get charts(): FakeChartCollection {
    return this._child("charts", () => new FakeChartCollection(this.context, (exec) => this._get(exec)));
  }

  get freezePanes(): FakeFreezePanes {
    return this._child("freezePanes", () => new FakeFreezePanes(this.context, (exec) => this._get(exec)));
  }

  get protection(): FakeWorksheetProtection {
    return this._child("protection", () => new FakeWorksheetProtection(this.context, (exec) => this._get(exec)));
  }

  get comments(): FakeCommentCollection {
    return this._child("comments", () => new FakeCommentCollection(this.context, "Worksheet.comments", (exec) => {
      const sheet = this._get(exec);
      return sheet === null ? null : { sheet };
    }));
  }

  activate(): void {
    this._call("activate", (exec, sheet) => activateSheet(exec, sheet));
  }

  delete(): void {
    this._call("delete", (exec, sheet) => {
      const model = exec.model;
      if (sheet.visibility === "Visible" && model.sheets.filter((s) => s.visibility === "Visible").length === 1) {
        throw officeError("InvalidOperation", undefined, "a workbook keeps one visible sheet");
      }
      const at = model.sheets.indexOf(sheet);
      exec.txn.touchArray(model.sheets);
      model.sheets.splice(at, 1);
      const prefix = `${quoteSheetName(sheet.name)}!`;
      const gone = [...model.comments].filter(([, c]) => c.address.startsWith(prefix));
      if (gone.length > 0) {
        exec.txn.touchMap(model.comments);
        for (const [id] of gone) model.comments.delete(id);
      }
      // Names that pointed into the sheet now refer to #REF!, as in Excel.
      renameInNames(exec, prefix, "#REF!");
      if (model.activeSheet.toLowerCase() === sheet.name.toLowerCase()) {
        const next = model.sheets.slice(Math.min(at, model.sheets.length - 1)).find((s) => s.visibility === "Visible") ?? model.sheets.find((s) => s.visibility === "Visible");
        if (next !== undefined) {
          exec.txn.set(model, "activeSheet", next.name);
          exec.txn.set(model, "selection", { sheet: next.name, address: "A1" });
        }
      }
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, "Worksheet.getRange", (exec) => {
      const sheet = this._get(exec);
      if (sheet === null) return null;
      if (address === undefined || address === "") return { sheet, r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 };
      const parts = splitSheet(address);
      if (parts === undefined || (parts.sheet !== undefined && parts.sheet.toLowerCase() !== sheet.name.toLowerCase())) throw invalid(`address "${address}"`);
      const rect = parseRangeAddress(parts.local);
      if (rect === undefined) throw invalid(`address "${address}"`);
      return { sheet, ...rect };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.context, "Worksheet.getRangeByIndexes", (exec) => {
      const sheet = this._get(exec);
      if (sheet === null) return null;
      const rect = { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 };
      if (![startRow, startColumn, rowCount, columnCount].every(Number.isInteger) || !inSheet(rect)) throw invalid("indexes");
      return { sheet, ...rect };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, "Worksheet.getCell", (exec) => {
      const sheet = this._get(exec);
      if (sheet === null) return null;
      const rect = { r0: row, c0: column, r1: row, c1: column };
      if (!Number.isInteger(row) || !Number.isInteger(column) || !inSheet(rect)) throw invalid("row or column");
      return { sheet, ...rect };
    });
  }

  /** An empty sheet's used range is A1 (Excel does not fail here). */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, "Worksheet.getUsedRange", (exec) => {
      const sheet = this._get(exec);
      if (sheet === null) return null;
      return { sheet, ...(usedRect(sheet, valuesOnly === true) ?? { r0: 0, c0: 0, r1: 0, c1: 0 }) };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, "Worksheet.getUsedRangeOrNullObject", (exec) => {
      const sheet = this._get(exec);
      if (sheet === null) return null;
      const rect = usedRect(sheet, valuesOnly === true);
      return rect === undefined ? null : { sheet, ...rect };
    });
  }

  override _scalarNames(): readonly string[] {
    return WORKSHEET_SCALARS;
  }

  protected override _scalar(exec: Exec, sheet: FakeSheet, name: string): unknown {
    switch (name) {
      case "id":
        return sheet.id;
      case "name":
        return sheet.name;
      case "position":
        return exec.model.sheets.indexOf(sheet);
      case "visibility":
        return sheet.visibility;
      default:
        return super._scalar(exec, sheet, name);
    }
  }

  protected override _navigation(name: string): FakeObject<unknown> | undefined {
    if (name === "charts") return this.charts;
    if (name === "freezePanes") return this.freezePanes;
    if (name === "protection") return this.protection;
    if (name === "comments") return this.comments;
    return undefined;
  }

  protected override _valid(exec: Exec, sheet: FakeSheet): boolean {
    return exec.model.sheets.includes(sheet);
  }
}

function renameSheet(exec: Exec, sheet: FakeSheet, name: string): void {
  const model = exec.model;
  if (typeof name !== "string" || !validSheetName(name)) throw invalid(`"${String(name)}" is not a valid sheet name`);
  const other = model.sheet(name);
  if (other !== undefined && other !== sheet) throw officeError("ItemAlreadyExists");
  const oldPrefix = `${quoteSheetName(sheet.name)}!`;
  const newPrefix = `${quoteSheetName(name)}!`;
  const moved = [...model.comments].filter(([, c]) => c.address.startsWith(oldPrefix));
  if (moved.length > 0) {
    exec.txn.touchMap(model.comments);
    for (const [id, c] of moved) model.comments.set(id, { ...c, address: newPrefix + c.address.slice(oldPrefix.length) });
  }
  renameInNames(exec, oldPrefix, newPrefix);
  const old = sheet.name.toLowerCase();
  if (model.activeSheet.toLowerCase() === old) exec.txn.set(model, "activeSheet", name);
  if (model.selection.sheet.toLowerCase() === old) exec.txn.set(model, "selection", { sheet: name, address: model.selection.address });
  exec.txn.set(sheet, "name", name);
}

function activateSheet(exec: Exec, sheet: FakeSheet): void {
  if (sheet.visibility !== "Visible") throw officeError("InvalidOperation", undefined, "a hidden sheet cannot be activated");
  const model = exec.model;
  exec.txn.set(model, "activeSheet", sheet.name);
  // Each sheet remembers its selection in Excel; the model keeps one, so a newly activated sheet starts at A1.
  if (model.selection.sheet !== sheet.name) exec.txn.set(model, "selection", { sheet: sheet.name, address: "A1" });
}

class FakeFreezePanes extends FakeObject<FakeSheet> {
  protected readonly _type = "WorksheetFreezePanes";

  constructor(context: FakeRequestContext, resolver: Resolver<FakeSheet>) {
    super(context, "WorksheetFreezePanes", resolver);
  }

  freezeRows(count?: number): void {
    this._call("freezeRows", (exec, sheet) => {
      const n = count ?? 1;
      if (!Number.isInteger(n) || n < 0 || n >= MAX_ROWS) throw invalid("count");
      exec.txn.set(sheet, "frozenRows", n);
    });
  }

  unfreeze(): void {
    this._call("unfreeze", (exec, sheet) => exec.txn.set(sheet, "frozenRows", 0));
  }
}

class FakeWorksheetProtection extends FakeObject<FakeSheet> {
  protected readonly _type = "WorksheetProtection";

  constructor(context: FakeRequestContext, resolver: Resolver<FakeSheet>) {
    super(context, "WorksheetProtection", resolver);
  }

  get protected(): boolean {
    return this._read("protected");
  }

  protect(): void {
    this._call("protect", (exec, sheet) => exec.txn.set(sheet, "protected", true));
  }

  unprotect(): void {
    this._call("unprotect", (exec, sheet) => exec.txn.set(sheet, "protected", false));
  }

  override _scalarNames(): readonly string[] {
    return ["protected"];
  }

  protected override _scalar(exec: Exec, sheet: FakeSheet, name: string): unknown {
    return name === "protected" ? sheet.protected : super._scalar(exec, sheet, name);
  }
}

// --- Ranges ----------------------------------------------------------------------------------------------------

const GRID_PROPERTIES = new Set(["values", "formulas", "numberFormat", "text", "valueTypes"]);
const RANGE_SCALARS = ["address", "addressLocal", "cellCount", "columnCount", "columnIndex", "formulas", "hyperlink", "numberFormat", "rowCount", "rowIndex", "text", "values", "valueTypes"] as const;

type RangeHyperlinkInput = FakeHyperlink | null;

class FakeRange extends FakeObject<RangeTarget> {
  protected readonly _type = "Range";

  constructor(context: FakeRequestContext, origin: string, resolver: Resolver<RangeTarget>, preset?: RangeTarget) {
    super(context, origin, resolver, preset);
  }

  get address(): string {
    return this._read("address");
  }

  get addressLocal(): string {
    return this._read("addressLocal");
  }

  get cellCount(): number {
    return this._read("cellCount");
  }

  get rowIndex(): number {
    return this._read("rowIndex");
  }

  get columnIndex(): number {
    return this._read("columnIndex");
  }

  get rowCount(): number {
    return this._read("rowCount");
  }

  get columnCount(): number {
    return this._read("columnCount");
  }

  get values(): FakeValue[][] {
    return this._read("values");
  }

  set values(input: unknown) {
    this._write("values", input, (exec, t) => writeCells(exec, t, input, withInput));
  }

  get formulas(): FakeValue[][] {
    return this._read("formulas");
  }

  set formulas(input: unknown) {
    this._write("formulas", input, (exec, t) => writeCells(exec, t, input, withInput));
  }

  get numberFormat(): string[][] {
    return this._read("numberFormat");
  }

  set numberFormat(input: unknown) {
    this._write("numberFormat", input, (exec, t) => writeCells(exec, t, input, withFormat));
  }

  get text(): string[][] {
    return this._read("text");
  }

  get valueTypes(): string[][] {
    return this._read("valueTypes");
  }

  get hyperlink(): FakeHyperlink | null {
    return this._read("hyperlink");
  }

  set hyperlink(link: RangeHyperlinkInput) {
    this._write("hyperlink", link, (exec, t) => writeHyperlink(exec, t, link));
  }

  get format(): FakeRangeFormat {
    return this._child("format", () => new FakeRangeFormat(this.context, (exec) => this._get(exec)));
  }

  get worksheet(): FakeWorksheet {
    return this._child("worksheet", () => new FakeWorksheet(this.context, "Range.worksheet", (exec) => this._get(exec)?.sheet ?? null));
  }

  get dataValidation(): FakeDataValidation {
    return this._child("dataValidation", () => new FakeDataValidation(this.context, (exec) => this._get(exec)));
  }

  select(): void {
    this._call("select", (exec, t) => {
      activateSheet(exec, t.sheet);
      exec.txn.set(exec.model, "selection", { sheet: t.sheet.name, address: rectA1(t) });
    });
  }

  clear(applyTo?: string): void {
    this._call("clear", (exec, t) => clearRange(exec, t, applyTo ?? "All"));
  }

  /** A cell relative to this range's top left; it may lie outside the range, as in Excel. */
  getCell(row: number, column: number): FakeRange {
    return this.derived("Range.getCell", (t) => ({ sheet: t.sheet, r0: t.r0 + row, c0: t.c0 + column, r1: t.r0 + row, c1: t.c0 + column }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived("Range.getResizedRange", (t) => ({ sheet: t.sheet, r0: t.r0, c0: t.c0, r1: t.r1 + deltaRows, c1: t.c1 + deltaColumns }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derived("Range.getOffsetRange", (t) => ({ sheet: t.sheet, r0: t.r0 + rowOffset, c0: t.c0 + columnOffset, r1: t.r1 + rowOffset, c1: t.c1 + columnOffset }));
  }

  /** Office fails with ItemNotFound when nothing in the range is used. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, "Range.getUsedRange", (exec) => {
      const t = this._get(exec);
      if (t === null) return null;
      const used = usedWithin(t, valuesOnly === true);
      if (used === null) throw officeError("ItemNotFound");
      return used;
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, "Range.getUsedRangeOrNullObject", (exec) => {
      const t = this._get(exec);
      return t === null ? null : usedWithin(t, valuesOnly === true);
    });
  }

  /** The merged areas that touch this range; a null object when there are none. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, "Range.getMergedAreasOrNullObject", (exec) => {
      const t = this._get(exec);
      if (t === null) return null;
      const merges = t.sheet.merges.filter((m) => intersects(m, t));
      if (merges.length === 0) return null;
      // Office: "if the merged areas count in this range is more than 512, this method will fail".
      if (merges.length > exec.model.limits.maxMergedAreas) throw officeError("GeneralException", undefined, "more merged areas than Excel returns");
      return { sheet: t.sheet, rects: merges.map((m) => ({ ...m })) };
    });
  }

  merge(across?: boolean): void {
    this._call("merge", (exec, t) => {
      exec.assertWritable(t.sheet);
      // Plain rectangles: the model keeps no reference to its sheet.
      const rects: Rect[] = across === true ? [...Array(rowsOf(t)).keys()].map((i) => ({ r0: t.r0 + i, c0: t.c0, r1: t.r0 + i, c1: t.c1 })) : [{ r0: t.r0, c0: t.c0, r1: t.r1, c1: t.c1 }];
      const kept = t.sheet.merges.filter((m) => !intersects(m, t));
      exec.txn.set(t.sheet, "merges", [...kept, ...rects.filter((r) => rowsOf(r) * colsOf(r) > 1)]);
      // Excel keeps the top-left value of each merged area and empties the rest.
      for (const r of rects)
        for (const s of storedCellsIn(t.sheet, r)) {
          if (s.row === r.r0 && s.col === r.c0) continue;
          const next: FakeCell = { ...s.cell, value: null };
          delete next.formula;
          exec.putCell(t.sheet, s.row, s.col, next);
        }
    });
  }

  unmerge(): void {
    this._call("unmerge", (exec, t) => {
      exec.assertWritable(t.sheet);
      exec.txn.set(t.sheet, "merges", t.sheet.merges.filter((m) => !intersects(m, t)));
    });
  }

  private derived(origin: string, make: (t: RangeTarget) => RangeTarget): FakeRange {
    return new FakeRange(this.context, origin, (exec) => {
      const t = this._get(exec);
      if (t === null) return null;
      const out = make(t);
      if (!inSheet(out)) throw invalid("the range would leave the sheet");
      return out;
    });
  }

  override _scalarNames(): readonly string[] {
    return RANGE_SCALARS;
  }

  protected override _scalar(exec: Exec, t: RangeTarget, name: string): unknown {
    const rows = rowsOf(t);
    const cols = colsOf(t);
    if (GRID_PROPERTIES.has(name)) {
      exec.countCells(this, rows * cols);
      exec.calculate();
      const of: (cell: FakeCell | undefined) => unknown =
        name === "values" ? valuesEntry : name === "formulas" ? formulaOf : name === "numberFormat" ? (c) => c?.numberFormat ?? "General" : name === "text" ? textOf : valueTypeOf;
      const out: unknown[][] = [];
      for (let r = t.r0; r <= t.r1; r++) {
        const row: unknown[] = [];
        for (let c = t.c0; c <= t.c1; c++) row.push(of(t.sheet.cells.get(cellKey(r, c))));
        out.push(row);
      }
      return out;
    }
    switch (name) {
      case "address":
      case "addressLocal":
        return rangeAddress(t);
      case "cellCount":
        return rows * cols;
      case "rowIndex":
        return t.r0;
      case "columnIndex":
        return t.c0;
      case "rowCount":
        return rows;
      case "columnCount":
        return cols;
      case "hyperlink": {
        // The top-left cell's link; null where there is none (Office does not document the empty case).
        const link = t.sheet.cell(t.r0, t.c0)?.hyperlink;
        return link === undefined ? null : { ...link };
      }
      default:
        return super._scalar(exec, t, name);
    }
  }

  protected override _navigation(name: string): FakeObject<unknown> | undefined {
    if (name === "format") return this.format;
    if (name === "worksheet") return this.worksheet;
    if (name === "dataValidation") return this.dataValidation;
    return undefined;
  }

  protected override _valid(exec: Exec, t: RangeTarget): boolean {
    return exec.model.sheets.includes(t.sheet);
  }
}

function usedWithin(t: RangeTarget, valuesOnly: boolean): RangeTarget | null {
  const used = usedRect(t.sheet, valuesOnly);
  if (used === undefined || !intersects(used, t)) return null;
  return { sheet: t.sheet, r0: Math.max(used.r0, t.r0), c0: Math.max(used.c0, t.c0), r1: Math.min(used.r1, t.r1), c1: Math.min(used.c1, t.c1) };
}

const MAX_BROADCAST_CELLS = 5_000_000;

/**
 * Writes a 2-D array (or one value for every cell) into a range. As in Office, a null entry leaves its cell
 * unchanged and an array of another shape is refused.
 */
function writeCells(exec: Exec, t: RangeTarget, input: unknown, apply: (prev: FakeCell | undefined, x: unknown) => FakeCell): void {
  exec.assertWritable(t.sheet);
  exec.request(input);
  const rows = rowsOf(t);
  const cols = colsOf(t);
  let at: (i: number, j: number) => unknown;
  if (Array.isArray(input)) {
    if (input.length !== rows || !input.every((row: unknown) => Array.isArray(row) && row.length === cols)) {
      throw invalid(`the array is not ${rows}×${cols}, the size of the range`);
    }
    const grid = input as unknown[][];
    at = (i, j) => grid[i][j];
  } else {
    // One value for every cell: when it leaves an empty cell empty ("", "General"), only stored cells change.
    if (input === null || input === undefined) return;
    if (isBlankCell(apply(undefined, input))) {
      for (const s of storedCellsIn(t.sheet, t)) exec.putCell(t.sheet, s.row, s.col, apply(s.cell, input), apply === withInput);
      return;
    }
    if (rows * cols > MAX_BROADCAST_CELLS) throw new Error(`fake Excel: writing one value into ${rows * cols} cells is not supported`);
    at = () => input;
  }
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const x = at(i, j);
      if (x === null || x === undefined) continue;
      const r = t.r0 + i;
      const c = t.c0 + j;
      exec.putCell(t.sheet, r, c, apply(t.sheet.cells.get(cellKey(r, c)), x), apply === withInput);
    }
}

function writeHyperlink(exec: Exec, t: RangeTarget, link: RangeHyperlinkInput): void {
  exec.assertWritable(t.sheet);
  if (link !== null && (typeof link !== "object" || Array.isArray(link))) throw invalid("a hyperlink is an object");
  const clean: FakeHyperlink = {};
  if (link !== null) {
    for (const k of ["address", "documentReference", "textToDisplay", "screenTip"] as const) {
      const v: unknown = link[k];
      if (v === undefined) continue;
      if (typeof v !== "string") throw invalid(`hyperlink.${k} is text`);
      clean[k] = v;
    }
  }
  exec.request(link);
  for (let r = t.r0; r <= t.r1; r++)
    for (let c = t.c0; c <= t.c1; c++) {
      const prev = t.sheet.cell(r, c);
      const next: FakeCell = { ...(prev ?? { value: null }) };
      if (link === null) {
        delete next.hyperlink;
      } else {
        next.hyperlink = { ...clean };
        // Excel shows textToDisplay in the cell; an empty cell with none shows the target.
        if (clean.textToDisplay !== undefined) {
          next.value = clean.textToDisplay;
          delete next.formula;
        } else if (next.value === null && next.formula === undefined) {
          next.value = clean.address ?? clean.documentReference ?? null;
        }
      }
      exec.putCell(t.sheet, r, c, next);
    }
}

function clearRange(exec: Exec, t: RangeTarget, applyTo: string): void {
  const kinds = ["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks", "ResetContents"];
  if (!kinds.includes(applyTo)) throw invalid(`applyTo "${applyTo}"`);
  exec.assertWritable(t.sheet);
  const contents = applyTo === "All" || applyTo === "Contents" || applyTo === "ResetContents";
  const formats = applyTo === "All" || applyTo === "Formats" || applyTo === "ResetContents";
  const links = applyTo === "All" || applyTo === "Hyperlinks" || applyTo === "RemoveHyperlinks";
  for (const s of storedCellsIn(t.sheet, t)) {
    const next: FakeCell = { ...s.cell };
    if (contents) {
      next.value = null;
      delete next.formula;
    }
    if (formats) {
      delete next.numberFormat;
      delete next.fill;
      delete next.bold;
      delete next.horizontalAlignment;
    }
    if (links) delete next.hyperlink;
    exec.putCell(t.sheet, s.row, s.col, next);
  }
  // Clearing formats unmerges, as in Excel.
  if (formats && t.sheet.merges.some((m) => contains(t, m))) exec.txn.set(t.sheet, "merges", t.sheet.merges.filter((m) => !contains(t, m)));
  // Clear All removes data validation too (as Range.Clear does in Excel); clearing formats or contents keeps it.
  if (applyTo === "All") clearValidations(exec, t);
}

/** The keys of a sheet's validated cells inside a rectangle, scanning the smaller of the two. */
function validationKeysIn(sheet: FakeSheet, r: Rect): number[] {
  const out: number[] = [];
  if (rowsOf(r) * colsOf(r) <= sheet.validations.size) {
    for (let row = r.r0; row <= r.r1; row++)
      for (let col = r.c0; col <= r.c1; col++) if (sheet.validations.has(cellKey(row, col))) out.push(cellKey(row, col));
  } else {
    for (const key of sheet.validations.keys()) {
      const row = rowOfKey(key);
      const col = columnOfKey(key);
      if (row >= r.r0 && row <= r.r1 && col >= r.c0 && col <= r.c1) out.push(key);
    }
  }
  return out;
}

function clearValidations(exec: Exec, t: RangeTarget): void {
  const keys = validationKeysIn(t.sheet, t);
  if (keys.length === 0) return;
  exec.txn.touchMap(t.sheet.validations);
  for (const k of keys) t.sheet.validations.delete(k);
}

class FakeRangeFormat extends FakeObject<RangeTarget> {
  protected readonly _type = "RangeFormat";

  constructor(context: FakeRequestContext, resolver: Resolver<RangeTarget>) {
    super(context, "RangeFormat", resolver);
  }

  get fill(): FakeRangeFill {
    return this._child("fill", () => new FakeRangeFill(this.context, (exec) => this._get(exec)));
  }

  get font(): FakeRangeFont {
    return this._child("font", () => new FakeRangeFont(this.context, (exec) => this._get(exec)));
  }

  /** Points; null when the columns differ. */
  get columnWidth(): number | null {
    return this._read("columnWidth");
  }

  set columnWidth(width: number | null) {
    this._write("columnWidth", width, (exec, t) => {
      if (typeof width !== "number" || !Number.isFinite(width) || width < 0) throw invalid("columnWidth");
      exec.assertWritable(t.sheet);
      exec.txn.touchMap(t.sheet.columnWidths);
      for (let c = t.c0; c <= t.c1; c++) t.sheet.columnWidths.set(c, width);
    });
  }

  /** True when every column of the range has the standard width; setting true gives them that width back. */
  get useStandardWidth(): boolean {
    return this._read("useStandardWidth");
  }

  set useStandardWidth(value: boolean) {
    this._write("useStandardWidth", value, (exec, t) => {
      if (typeof value !== "boolean") throw invalid("useStandardWidth");
      exec.assertWritable(t.sheet);
      if (!value) return; // Office ignores false: there is no "non-standard" width to go to
      const widths = t.sheet.columnWidths;
      const gone = [...widths.keys()].filter((c) => c >= t.c0 && c <= t.c1);
      if (gone.length === 0) return;
      exec.txn.touchMap(widths);
      for (const c of gone) widths.delete(c);
    });
  }

  /** "General" where nothing was set; null when the cells differ. */
  get horizontalAlignment(): string {
    return this._read("horizontalAlignment");
  }

  set horizontalAlignment(value: string) {
    this._write("horizontalAlignment", value, (exec, t) => {
      if (!HORIZONTAL_ALIGNMENT_VALUES.has(value)) throw invalid(`horizontalAlignment "${String(value)}"`);
      formatCells(exec, t, (cell) => {
        if (value === "General") delete cell.horizontalAlignment;
        else cell.horizontalAlignment = value;
      });
    });
  }

  /** Widths from the text each column shows in this range's rows (an approximation of Calibri 11). */
  autofitColumns(): void {
    this._call("autofitColumns", (exec, t) => {
      exec.assertWritable(t.sheet);
      const widest = new Map<number, number>();
      for (const s of storedCellsIn(t.sheet, t)) {
        const w = textWidth(textOf(s.cell));
        if (textOf(s.cell) !== "" && w > (widest.get(s.col) ?? 0)) widest.set(s.col, w);
      }
      if (widest.size === 0) return;
      exec.txn.touchMap(t.sheet.columnWidths);
      for (const [c, w] of widest) t.sheet.columnWidths.set(c, w);
    });
  }

  override _scalarNames(): readonly string[] {
    return ["columnWidth", "horizontalAlignment", "useStandardWidth"];
  }

  protected override _scalar(exec: Exec, t: RangeTarget, name: string): unknown {
    if (name === "horizontalAlignment") return uniform(t, (c) => c?.horizontalAlignment ?? "General");
    if (name === "useStandardWidth") {
      for (const c of t.sheet.columnWidths.keys()) if (c >= t.c0 && c <= t.c1) return false;
      return true;
    }
    if (name !== "columnWidth") return super._scalar(exec, t, name);
    const first = t.sheet.columnWidths.get(t.c0) ?? STANDARD_WIDTH;
    for (let c = t.c0 + 1; c <= t.c1; c++) if ((t.sheet.columnWidths.get(c) ?? STANDARD_WIDTH) !== first) return null;
    return first;
  }

  protected override _navigation(name: string): FakeObject<unknown> | undefined {
    if (name === "fill") return this.fill;
    if (name === "font") return this.font;
    return undefined;
  }
}

/** Sets one formatting field on every cell of a range. */
function formatCells(exec: Exec, t: RangeTarget, change: (cell: FakeCell) => void): void {
  exec.assertWritable(t.sheet);
  const probe: FakeCell = { value: null };
  change(probe);
  if (isBlankCell(probe)) {
    // Removing a format (bold = false, pattern None) leaves empty cells empty: only stored cells change.
    for (const s of storedCellsIn(t.sheet, t)) {
      const next: FakeCell = { ...s.cell };
      change(next);
      exec.putCell(t.sheet, s.row, s.col, next);
    }
    return;
  }
  if (rowsOf(t) * colsOf(t) > MAX_BROADCAST_CELLS) throw new Error(`fake Excel: formatting ${rowsOf(t) * colsOf(t)} cells is not supported`);
  for (let r = t.r0; r <= t.r1; r++)
    for (let c = t.c0; c <= t.c1; c++) {
      const next: FakeCell = { ...(t.sheet.cell(r, c) ?? { value: null }) };
      change(next);
      exec.putCell(t.sheet, r, c, next);
    }
}

class FakeRangeFill extends FakeObject<RangeTarget> {
  protected readonly _type = "RangeFill";

  constructor(context: FakeRequestContext, resolver: Resolver<RangeTarget>) {
    super(context, "RangeFill", resolver);
  }

  /** "#RRGGBB"; "#FFFFFF" where there is no fill; null when the cells differ. */
  get color(): string {
    return this._read("color");
  }

  set color(value: string) {
    this._write("color", value, (exec, t) => {
      const color = normalizeColor(value);
      formatCells(exec, t, (cell) => {
        const pattern = cell.fill?.pattern;
        cell.fill = { color, pattern: pattern === undefined || pattern === "None" ? "Solid" : pattern };
      });
    });
  }

  /** "None" where there is no fill; null when the cells differ. */
  get pattern(): string {
    return this._read("pattern");
  }

  set pattern(value: string) {
    this._write("pattern", value, (exec, t) => {
      if (!FILL_PATTERN_VALUES.has(value)) throw invalid(`fill pattern "${String(value)}"`);
      formatCells(exec, t, (cell) => {
        if (value === "None") delete cell.fill;
        else cell.fill = { color: cell.fill?.color, pattern: value };
      });
    });
  }

  clear(): void {
    this._call("clear", (exec, t) => {
      exec.assertWritable(t.sheet);
      for (const s of storedCellsIn(t.sheet, t)) {
        if (s.cell.fill === undefined) continue;
        const next: FakeCell = { ...s.cell };
        delete next.fill;
        exec.putCell(t.sheet, s.row, s.col, next);
      }
    });
  }

  override _scalarNames(): readonly string[] {
    return ["color", "pattern"];
  }

  protected override _scalar(exec: Exec, t: RangeTarget, name: string): unknown {
    if (name === "color") return uniform(t, (c) => (c?.fill === undefined ? "#FFFFFF" : (c.fill.color ?? "#FFFFFF")));
    if (name === "pattern") return uniform(t, (c) => c?.fill?.pattern ?? "None");
    return super._scalar(exec, t, name);
  }
}

class FakeRangeFont extends FakeObject<RangeTarget> {
  protected readonly _type = "RangeFont";

  constructor(context: FakeRequestContext, resolver: Resolver<RangeTarget>) {
    super(context, "RangeFont", resolver);
  }

  /** null when the cells differ. */
  get bold(): boolean {
    return this._read("bold");
  }

  set bold(value: boolean) {
    this._write("bold", value, (exec, t) => {
      if (typeof value !== "boolean") throw invalid("bold");
      formatCells(exec, t, (cell) => {
        if (value) cell.bold = true;
        else delete cell.bold;
      });
    });
  }

  override _scalarNames(): readonly string[] {
    return ["bold"];
  }

  protected override _scalar(exec: Exec, t: RangeTarget, name: string): unknown {
    return name === "bold" ? uniform(t, (c) => c?.bold === true) : super._scalar(exec, t, name);
  }
}

// --- Data validation -------------------------------------------------------------------------------------------

const DATA_VALIDATION_OPERATORS = {
  between: "Between", notBetween: "NotBetween", equalTo: "EqualTo", notEqualTo: "NotEqualTo", greaterThan: "GreaterThan",
  lessThan: "LessThan", greaterThanOrEqualTo: "GreaterThanOrEqualTo", lessThanOrEqualTo: "LessThanOrEqualTo",
} as const;
const DATA_VALIDATION_OPERATOR_VALUES = new Set<string>(Object.values(DATA_VALIDATION_OPERATORS));
const DATA_VALIDATION_ALERT_STYLES = { stop: "Stop", warning: "Warning", information: "Information" } as const;
const DATA_VALIDATION_TYPES: Record<FakeValidationRule["kind"], string> = { wholeNumber: "WholeNumber", decimal: "Decimal", textLength: "TextLength" };
/**
 * Excel's limits (ECMA-376 dataValidation: errorTitle and promptTitle 32 characters, error 225, prompt 255): its
 * dialog refuses longer texts. Office does not document the API's error; InvalidArgument is the closest.
 */
const VALIDATION_TITLE_MAX = 32;
const ERROR_MESSAGE_MAX = 225;
const PROMPT_MESSAGE_MAX = 255;

const NO_VALIDATION: FakeValidation = {
  errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
  prompt: { showPrompt: false, title: "", message: "" },
  ignoreBlanks: true,
};

/** A rule bound as Office keeps it: a formula text ("=10"). */
function ruleFormula(x: unknown, kind: FakeValidationRule["kind"], which: string): string {
  if (typeof x === "number") {
    if (!Number.isFinite(x)) throw invalid(`${which} ${x}`);
    // Excel's dialog refuses a fractional bound for a whole number (and for a text length).
    if (kind !== "decimal" && !Number.isInteger(x)) throw invalid(`${which} ${x} is not a whole number`);
    return `=${x}`;
  }
  if (typeof x === "string" && x.trim() !== "") {
    const s = x.trim();
    if (s.startsWith("=")) return s;
    if (Number.isFinite(Number(s))) return ruleFormula(Number(s), kind, which);
    throw invalid(`${which} "${s}"`);
  }
  if (x instanceof FakeRange) throw new Error("fake Excel: a Range as a validation bound is not supported");
  throw invalid(which);
}

/** Checks a DataValidationRule as Office takes it: exactly one kind, an operator, the bounds it needs. */
function parseRule(x: unknown): FakeValidationRule {
  if (typeof x !== "object" || x === null || Array.isArray(x)) throw invalid("rule");
  const kinds = Object.entries(x as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null);
  if (kinds.length !== 1) throw invalid("a data validation rule has exactly one kind");
  const [kind, body] = kinds[0];
  if (kind === "list" || kind === "custom" || kind === "date" || kind === "time") throw new Error(`fake Excel: ${kind} data validation is not supported`);
  if (kind !== "wholeNumber" && kind !== "decimal" && kind !== "textLength") throw invalid(`rule kind "${kind}"`);
  if (typeof body !== "object" || body === null) throw invalid(`rule.${kind}`);
  const b = body as { operator?: unknown; formula1?: unknown; formula2?: unknown };
  if (typeof b.operator !== "string" || !DATA_VALIDATION_OPERATOR_VALUES.has(b.operator)) throw invalid(`operator "${String(b.operator)}"`);
  const rule: FakeValidationRule = { kind, operator: b.operator, formula1: ruleFormula(b.formula1, kind, "formula1") };
  if (b.operator === "Between" || b.operator === "NotBetween") {
    rule.formula2 = ruleFormula(b.formula2, kind, "formula2");
    const lo = Number(rule.formula1.slice(1));
    const hi = Number(rule.formula2.slice(1));
    if (Number.isFinite(lo) && Number.isFinite(hi) && lo > hi) throw invalid("the minimum is greater than the maximum");
  }
  return rule;
}

function limitedText(x: unknown, max: number, what: string): string {
  if (typeof x !== "string") throw invalid(`${what} is text`);
  if (x.length > max) throw invalid(`${what} is longer than ${max} characters`);
  return x;
}

function withErrorAlert(prev: FakeValidation, x: unknown): FakeValidation {
  if (typeof x !== "object" || x === null) throw invalid("errorAlert");
  const a = x as { showAlert?: unknown; style?: unknown; title?: unknown; message?: unknown };
  const next = { ...prev.errorAlert };
  if (a.showAlert !== undefined) {
    if (typeof a.showAlert !== "boolean") throw invalid("errorAlert.showAlert");
    next.showAlert = a.showAlert;
  }
  if (a.style !== undefined) {
    if (a.style !== "Stop" && a.style !== "Warning" && a.style !== "Information") throw invalid(`errorAlert.style "${String(a.style)}"`);
    next.style = a.style;
  }
  if (a.title !== undefined) next.title = limitedText(a.title, VALIDATION_TITLE_MAX, "errorAlert.title");
  if (a.message !== undefined) next.message = limitedText(a.message, ERROR_MESSAGE_MAX, "errorAlert.message");
  return { ...prev, errorAlert: next };
}

function withPrompt(prev: FakeValidation, x: unknown): FakeValidation {
  if (typeof x !== "object" || x === null) throw invalid("prompt");
  const p = x as { showPrompt?: unknown; title?: unknown; message?: unknown };
  const next = { ...prev.prompt };
  if (p.showPrompt !== undefined) {
    if (typeof p.showPrompt !== "boolean") throw invalid("prompt.showPrompt");
    next.showPrompt = p.showPrompt;
  }
  if (p.title !== undefined) next.title = limitedText(p.title, VALIDATION_TITLE_MAX, "prompt.title");
  if (p.message !== undefined) next.message = limitedText(p.message, PROMPT_MESSAGE_MAX, "prompt.message");
  return { ...prev, prompt: next };
}

/** Changes the validation of every cell of a range; cells that shared one validation share the new one. */
function patchValidations(exec: Exec, t: RangeTarget, patch: (prev: FakeValidation) => FakeValidation): void {
  exec.assertWritable(t.sheet);
  if (rowsOf(t) * colsOf(t) > MAX_BROADCAST_CELLS) throw new Error(`fake Excel: validating ${rowsOf(t) * colsOf(t)} cells is not supported`);
  const map = t.sheet.validations;
  const made = new Map<FakeValidation, FakeValidation>();
  const next = (prev: FakeValidation): FakeValidation => {
    let v = made.get(prev);
    if (v === undefined) {
      v = patch(prev); // may throw: before anything changed
      made.set(prev, v);
    }
    return v;
  };
  next(NO_VALIDATION); // check the input once even when every cell already has a validation
  exec.txn.touchMap(map);
  for (let r = t.r0; r <= t.r1; r++)
    for (let c = t.c0; c <= t.c1; c++) {
      const key = cellKey(r, c);
      map.set(key, next(map.get(key) ?? NO_VALIDATION));
    }
}

function ruleOut(rule: FakeValidationRule | undefined): Record<string, unknown> {
  if (rule === undefined) return {};
  const body: Record<string, unknown> = { formula1: rule.formula1, operator: rule.operator };
  if (rule.formula2 !== undefined) body.formula2 = rule.formula2;
  return { [rule.kind]: body };
}

/** Range.dataValidation. Reads give the cells' common validation; "Inconsistent" (and null) when they differ. */
class FakeDataValidation extends FakeObject<RangeTarget> {
  protected readonly _type = "DataValidation";

  constructor(context: FakeRequestContext, resolver: Resolver<RangeTarget>) {
    super(context, "DataValidation", resolver);
  }

  get type(): string {
    return this._read("type");
  }

  get rule(): unknown {
    return this._read("rule");
  }

  set rule(value: unknown) {
    this._write("rule", value, (exec, t) => {
      const rule = parseRule(value);
      exec.request(value);
      patchValidations(exec, t, (prev) => ({ ...prev, rule }));
    });
  }

  get errorAlert(): unknown {
    return this._read("errorAlert");
  }

  set errorAlert(value: unknown) {
    this._write("errorAlert", value, (exec, t) => {
      exec.request(value);
      patchValidations(exec, t, (prev) => withErrorAlert(prev, value));
    });
  }

  get prompt(): unknown {
    return this._read("prompt");
  }

  set prompt(value: unknown) {
    this._write("prompt", value, (exec, t) => {
      exec.request(value);
      patchValidations(exec, t, (prev) => withPrompt(prev, value));
    });
  }

  get ignoreBlanks(): boolean {
    return this._read("ignoreBlanks");
  }

  set ignoreBlanks(value: boolean) {
    this._write("ignoreBlanks", value, (exec, t) => {
      if (typeof value !== "boolean") throw invalid("ignoreBlanks");
      patchValidations(exec, t, (prev) => ({ ...prev, ignoreBlanks: value }));
    });
  }

  clear(): void {
    this._call("clear", (exec, t) => {
      exec.assertWritable(t.sheet);
      clearValidations(exec, t);
    });
  }

  override _scalarNames(): readonly string[] {
    return ["errorAlert", "ignoreBlanks", "prompt", "rule", "type"];
  }

  protected override _scalar(exec: Exec, t: RangeTarget, name: string): unknown {
    const keys = validationKeysIn(t.sheet, t);
    const all = keys.map((k) => t.sheet.validations.get(k) ?? NO_VALIDATION);
    if (keys.length < rowsOf(t) * colsOf(t)) all.push(NO_VALIDATION);
    const same = <V>(of: (v: FakeValidation) => V): V | null => {
      const first = JSON.stringify(of(all[0]));
      return all.every((v) => JSON.stringify(of(v)) === first) ? of(all[0]) : null;
    };
    switch (name) {
      case "type": {
        const type = same((v) => (v.rule === undefined ? "None" : DATA_VALIDATION_TYPES[v.rule.kind]));
        return type ?? "Inconsistent";
      }
      case "rule":
        return same((v) => ruleOut(v.rule));
      case "errorAlert":
        return same((v) => ({ ...v.errorAlert }));
      case "prompt":
        return same((v) => ({ ...v.prompt }));
      case "ignoreBlanks":
        return same((v) => v.ignoreBlanks);
      default:
        return super._scalar(exec, t, name);
    }
  }
}

interface AreasTarget {
  sheet: FakeSheet;
  rects: Rect[];
}

class FakeRangeAreas extends FakeObject<AreasTarget> {
  protected readonly _type = "RangeAreas";

  get address(): string {
    return this._read("address");
  }

  get addressLocal(): string {
    return this._read("addressLocal");
  }

  get areaCount(): number {
    return this._read("areaCount");
  }

  get cellCount(): number {
    return this._read("cellCount");
  }

  get areas(): FakeRangeCollection {
    return this._child("areas", () => new FakeRangeCollection(this.context, (exec) => {
      const t = this._get(exec);
      return t === null ? null : t.rects.map((r) => ({ sheet: t.sheet, ...r }));
    }));
  }

  override _scalarNames(): readonly string[] {
    return ["address", "addressLocal", "areaCount", "cellCount"];
  }

  protected override _scalar(exec: Exec, t: AreasTarget, name: string): unknown {
    switch (name) {
      case "address":
      case "addressLocal":
        return t.rects.map((r) => rangeAddress({ sheet: t.sheet, ...r })).join(",");
      case "areaCount":
        return t.rects.length;
      case "cellCount":
        return t.rects.reduce((n, r) => n + rowsOf(r) * colsOf(r), 0);
      default:
        return super._scalar(exec, t, name);
    }
  }

  protected override _navigation(name: string): FakeObject<unknown> | undefined {
    return name === "areas" ? this.areas : undefined;
  }
}

class FakeRangeCollection extends FakeCollection<RangeTarget[], RangeTarget, FakeRange> {
  protected readonly _type = "RangeCollection";

  constructor(context: FakeRequestContext, resolver: Resolver<RangeTarget[]>) {
    super(context, "RangeCollection", resolver);
  }

  protected override _itemTargets(_exec: Exec, t: RangeTarget[]): RangeTarget[] {
    return t;
  }

  protected override _makeItem(target: RangeTarget): FakeRange {
    return new FakeRange(this.context, "Range", () => target, target);
  }

  protected override _itemScalarNames(): readonly string[] {
    return RANGE_SCALARS;
  }

  getItemAt(index: number): FakeRange {
    return new FakeRange(this.context, "RangeCollection.getItemAt", (exec) => {
      const t = this._get(exec);
      if (t === null) return null;
      const item = t[index];
      if (item === undefined) throw officeError("ItemNotFound");
      return item;
    });
  }
}

// --- Charts ----------------------------------------------------------------------------------------------------

const CHART_TYPES = {
  invalid: "Invalid", columnClustered: "ColumnClustered", columnStacked: "ColumnStacked", columnStacked100: "ColumnStacked100",
  _3DColumnClustered: "3DColumnClustered", _3DColumnStacked: "3DColumnStacked", _3DColumnStacked100: "3DColumnStacked100",
  barClustered: "BarClustered", barStacked: "BarStacked", barStacked100: "BarStacked100", _3DBarClustered: "3DBarClustered",
  _3DBarStacked: "3DBarStacked", _3DBarStacked100: "3DBarStacked100", lineStacked: "LineStacked", lineStacked100: "LineStacked100",
  lineMarkers: "LineMarkers", lineMarkersStacked: "LineMarkersStacked", lineMarkersStacked100: "LineMarkersStacked100",
  pieOfPie: "PieOfPie", pieExploded: "PieExploded", _3DPieExploded: "3DPieExploded", barOfPie: "BarOfPie",
  xyscatterSmooth: "XYScatterSmooth", xyscatterSmoothNoMarkers: "XYScatterSmoothNoMarkers", xyscatterLines: "XYScatterLines",
  xyscatterLinesNoMarkers: "XYScatterLinesNoMarkers", areaStacked: "AreaStacked", areaStacked100: "AreaStacked100",
  _3DAreaStacked: "3DAreaStacked", _3DAreaStacked100: "3DAreaStacked100", doughnutExploded: "DoughnutExploded",
  radarMarkers: "RadarMarkers", radarFilled: "RadarFilled", surface: "Surface", surfaceWireframe: "SurfaceWireframe",
  surfaceTopView: "SurfaceTopView", surfaceTopViewWireframe: "SurfaceTopViewWireframe", bubble: "Bubble",
  bubble3DEffect: "Bubble3DEffect", stockHLC: "StockHLC", stockOHLC: "StockOHLC", stockVHLC: "StockVHLC", stockVOHLC: "StockVOHLC",
  cylinderColClustered: "CylinderColClustered", cylinderColStacked: "CylinderColStacked", cylinderColStacked100: "CylinderColStacked100",
  cylinderBarClustered: "CylinderBarClustered", cylinderBarStacked: "CylinderBarStacked", cylinderBarStacked100: "CylinderBarStacked100",
  cylinderCol: "CylinderCol", coneColClustered: "ConeColClustered", coneColStacked: "ConeColStacked", coneColStacked100: "ConeColStacked100",
  coneBarClustered: "ConeBarClustered", coneBarStacked: "ConeBarStacked", coneBarStacked100: "ConeBarStacked100", coneCol: "ConeCol",
  pyramidColClustered: "PyramidColClustered", pyramidColStacked: "PyramidColStacked", pyramidColStacked100: "PyramidColStacked100",
  pyramidBarClustered: "PyramidBarClustered", pyramidBarStacked: "PyramidBarStacked", pyramidBarStacked100: "PyramidBarStacked100",
  pyramidCol: "PyramidCol", _3DColumn: "3DColumn", line: "Line", _3DLine: "3DLine", _3DPie: "3DPie", pie: "Pie",
  xyscatter: "XYScatter", _3DArea: "3DArea", area: "Area", doughnut: "Doughnut", radar: "Radar", histogram: "Histogram",
  boxwhisker: "Boxwhisker", pareto: "Pareto", regionMap: "RegionMap", treemap: "Treemap", waterfall: "Waterfall",
  sunburst: "Sunburst", funnel: "Funnel",
} as const;
const CHART_TYPE_VALUES = new Set<string>(Object.values(CHART_TYPES));
const SERIES_BY = { auto: "Auto", columns: "Columns", rows: "Rows" } as const;

interface ChartTarget {
  sheet: FakeSheet;
  chart: ChartData;
}

class FakeChartCollection extends FakeCollection<FakeSheet, ChartTarget, FakeChartObject> {
  protected readonly _type = "ChartCollection";

  constructor(context: FakeRequestContext, resolver: Resolver<FakeSheet>) {
    super(context, "ChartCollection", resolver);
  }

  protected override _itemTargets(_exec: Exec, sheet: FakeSheet): ChartTarget[] {
    return sheet.charts.map((chart) => ({ sheet, chart }));
  }

  protected override _makeItem(target: ChartTarget): FakeChartObject {
    return new FakeChartObject(this.context, "Chart", () => target, target);
  }

  protected override _itemScalarNames(): readonly string[] {
    return CHART_SCALARS;
  }

  add(type: string, sourceData: FakeRange, seriesBy?: string): FakeChartObject {
    const made: { target?: ChartTarget } = {};
    this.context._enqueue("ChartCollection.add", (exec) => {
      const sheet = this._need(exec);
      if (!CHART_TYPE_VALUES.has(type) || type === "Invalid") throw invalid(`chart type "${type}"`);
      const by = seriesBy ?? "Auto";
      if (by !== "Auto" && by !== "Columns" && by !== "Rows") throw invalid(`seriesBy "${by}"`);
      if (!(sourceData instanceof FakeRange)) throw invalid("sourceData is a Range");
      const source = sourceData._need(exec);
      exec.assertWritable(sheet);
      let n = sheet.charts.length + 1;
      while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n++;
      const chart: ChartData = { name: `Chart ${n}`, type, source: rangeAddress(source), seriesBy: by as FakeSeriesBy };
      exec.txn.set(sheet, "charts", [...sheet.charts, chart]);
      made.target = { sheet, chart };
    });
    return new FakeChartObject(this.context, "ChartCollection.add", () => {
      if (made.target === undefined) throw officeError("ItemNotFound");
      return made.target;
    });
  }

  getItem(name: string): FakeChartObject {
    return new FakeChartObject(this.context, "ChartCollection.getItem", (exec) => {
      const t = this.chartNamed(exec, name);
      if (t === undefined) throw officeError("ItemNotFound");
      return t;
    });
  }

  getItemOrNullObject(name: string): FakeChartObject {
    return new FakeChartObject(this.context, "ChartCollection.getItemOrNullObject", (exec) => this.chartNamed(exec, name) ?? null);
  }

  private chartNamed(exec: Exec, name: string): ChartTarget | undefined {
    const sheet = this._get(exec);
    const chart = sheet?.charts.find((c) => c.name === name);
    return sheet === null || chart === undefined ? undefined : { sheet, chart };
  }
}

const CHART_SCALARS = ["chartType", "name"] as const;

class FakeChartObject extends FakeObject<ChartTarget> {
  protected readonly _type = "Chart";

  get name(): string {
    return this._read("name");
  }

  set name(value: string) {
    this._write("name", value, (exec, t) => {
      if (typeof value !== "string" || value === "") throw invalid("name");
      exec.assertWritable(t.sheet);
      exec.txn.set(t.chart, "name", value);
    });
  }

  get chartType(): string {
    return this._read("chartType");
  }

  set chartType(value: string) {
    this._write("chartType", value, (exec, t) => {
      if (!CHART_TYPE_VALUES.has(value) || value === "Invalid") throw invalid(`chart type "${value}"`);
      exec.assertWritable(t.sheet);
      exec.txn.set(t.chart, "type", value);
    });
  }

  get title(): FakeChartTitle {
    return this._child("title", () => new FakeChartTitle(this.context, (exec) => this._get(exec)));
  }

  get worksheet(): FakeWorksheet {
    return this._child("worksheet", () => new FakeWorksheet(this.context, "Chart.worksheet", (exec) => this._get(exec)?.sheet ?? null));
  }

  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    this._call("setPosition", (exec, t) => {
      const where = (cell: FakeRange | string): string => {
        if (typeof cell === "string") {
          const parts = splitSheet(cell);
          if (parts === undefined || parseRangeAddress(parts.local) === undefined) throw invalid(`cell "${cell}"`);
          return parts.local;
        }
        return rectA1(cell._need(exec));
      };
      exec.assertWritable(t.sheet);
      const position: { startCell: string; endCell?: string } = { startCell: where(startCell) };
      if (endCell !== undefined) position.endCell = where(endCell);
      exec.txn.set(t.chart, "position", position);
    });
  }

  delete(): void {
    this._call("delete", (exec, t) => {
      exec.assertWritable(t.sheet);
      exec.txn.set(t.sheet, "charts", t.sheet.charts.filter((c) => c !== t.chart));
    });
  }

  override _scalarNames(): readonly string[] {
    return CHART_SCALARS;
  }

  protected override _scalar(exec: Exec, t: ChartTarget, name: string): unknown {
    if (name === "name") return t.chart.name;
    if (name === "chartType") return t.chart.type;
    return super._scalar(exec, t, name);
  }

  protected override _navigation(name: string): FakeObject<unknown> | undefined {
    if (name === "title") return this.title;
    if (name === "worksheet") return this.worksheet;
    return undefined;
  }

  protected override _valid(exec: Exec, t: ChartTarget): boolean {
    return exec.model.sheets.includes(t.sheet) && t.sheet.charts.includes(t.chart);
  }
}

class FakeChartTitle extends FakeObject<ChartTarget> {
  protected readonly _type = "ChartTitle";

  constructor(context: FakeRequestContext, resolver: Resolver<ChartTarget>) {
    super(context, "ChartTitle", resolver);
  }

  get text(): string {
    return this._read("text");
  }

  set text(value: string) {
    this._write("text", value, (exec, t) => {
      if (typeof value !== "string") throw invalid("text");
      exec.assertWritable(t.sheet);
      exec.txn.set(t.chart, "title", value);
    });
  }

  override _scalarNames(): readonly string[] {
    return ["text"];
  }

  protected override _scalar(exec: Exec, t: ChartTarget, name: string): unknown {
    return name === "text" ? (t.chart.title ?? "") : super._scalar(exec, t, name);
  }
}

// --- Settings --------------------------------------------------------------------------------------------------

class FakeSettingCollection extends FakeCollection<FakeWorkbookModel, string, FakeSetting> {
  protected readonly _type = "SettingCollection";

  constructor(context: FakeRequestContext) {
    super(context, "SettingCollection", (exec) => exec.model);
  }

  protected override _itemTargets(exec: Exec): string[] {
    return [...exec.model.settings.keys()];
  }

  protected override _makeItem(key: string): FakeSetting {
    return new FakeSetting(this.context, "Setting", () => key, key);
  }

  protected override _itemScalarNames(): readonly string[] {
    return ["key", "value"];
  }

  /** Adds or replaces a setting; it is saved with the workbook (here: kept on the model). */
  add(key: string, value: unknown): FakeSetting {
    this.context._enqueue("SettingCollection.add", (exec) => {
      if (typeof key !== "string" || key === "") throw invalid("key");
      exec.request(value);
      exec.txn.touchMap(exec.model.settings);
      exec.model.settings.set(key, FakeWorkbookModel.settingValue(value));
    });
    return new FakeSetting(this.context, "SettingCollection.add", (exec) => {
      if (!exec.model.settings.has(key)) throw officeError("ItemNotFound");
      return key;
    });
  }

  getItem(key: string): FakeSetting {
    return new FakeSetting(this.context, "SettingCollection.getItem", (exec) => {
      if (!exec.model.settings.has(key)) throw officeError("ItemNotFound");
      return key;
    });
  }

  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.context, "SettingCollection.getItemOrNullObject", (exec) => (exec.model.settings.has(key) ? key : null));
  }
}

class FakeSetting extends FakeObject<string> {
  protected readonly _type = "Setting";

  get key(): string {
    return this._read("key");
  }

  get value(): unknown {
    return this._read("value");
  }

  set value(value: unknown) {
    this._write("value", value, (exec, key) => {
      exec.request(value);
      exec.txn.touchMap(exec.model.settings);
      exec.model.settings.set(key, FakeWorkbookModel.settingValue(value));
    });
  }

  delete(): void {
    this._call("delete", (exec, key) => {
      exec.txn.touchMap(exec.model.settings);
      exec.model.settings.delete(key);
    });
  }

  override _scalarNames(): readonly string[] {
    return ["key", "value"];
  }

  protected override _scalar(exec: Exec, key: string, name: string): unknown {
    if (name === "key") return key;
    if (name === "value") return FakeWorkbookModel.settingValue(exec.model.settings.get(key));
    return super._scalar(exec, key, name);
  }

  protected override _valid(exec: Exec, key: string): boolean {
    return exec.model.settings.has(key);
  }
}

// --- Defined names ---------------------------------------------------------------------------------------------

/**
 * Excel's rules for a name: a letter, "_" or "\" first, then letters, digits, "_", "." or "\"; at most 255
 * characters; never something that reads as a cell (A1, XFD3, R1C1, R, C).
 */
function validDefinedName(name: unknown): name is string {
  return (
    typeof name === "string" &&
    name.length >= 1 &&
    name.length <= 255 &&
    /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d{1,7}$/.test(name) &&
    !/^(R\d*C\d*|R\d*|C\d*)$/i.test(name)
  );
}

/** "$A$1:$B$2": the absolute A1 text Office writes in a name's formula. */
function absoluteA1(r: Rect): string {
  const cell = (row: number, col: number): string => `$${columnName(col)}$${row + 1}`;
  return r.r0 === r.r1 && r.c0 === r.c1 ? cell(r.r0, r.c0) : `${cell(r.r0, r.c0)}:${cell(r.r1, r.c1)}`;
}

/** The range a name's formula refers to ("='Sheet 1'!$A$1:$B$2"); undefined for anything else. */
function nameRange(exec: Exec, formula: string): RangeTarget | undefined {
  const parts = splitSheet(formula.replace(/^=/, ""));
  if (parts?.sheet === undefined) return undefined;
  const sheet = exec.model.sheet(parts.sheet);
  const rect = parseRangeAddress(parts.local);
  return sheet === undefined || rect === undefined ? undefined : { sheet, ...rect };
}

/** A sheet renamed or deleted: the names that refer to it follow (or become #REF!). */
function renameInNames(exec: Exec, oldPrefix: string, newPrefix: string): void {
  const names = exec.model.names;
  const from = `=${oldPrefix}`;
  if (!names.some((n) => n.formula.startsWith(from))) return;
  exec.txn.touchArray(names);
  names.forEach((n, i) => {
    if (n.formula.startsWith(from)) names[i] = { ...n, formula: `=${newPrefix}${n.formula.slice(from.length)}` };
  });
}

function nameNamed(exec: Exec, name: string): FakeName | undefined {
  const lower = name.toLowerCase();
  return exec.model.names.find((n) => n.name.toLowerCase() === lower);
}

const NAMED_ITEM_SCALARS = ["comment", "formula", "name", "scope", "type", "value", "visible"] as const;

class FakeNamedItemCollection extends FakeCollection<FakeWorkbookModel, FakeName, FakeNamedItem> {
  protected readonly _type = "NamedItemCollection";

  constructor(context: FakeRequestContext) {
    super(context, "NamedItemCollection", (exec) => exec.model);
  }

  protected override _itemTargets(exec: Exec): FakeName[] {
    return [...exec.model.names];
  }

  protected override _makeItem(target: FakeName): FakeNamedItem {
    return new FakeNamedItem(this.context, "NamedItem", () => target, target);
  }

  protected override _itemScalarNames(): readonly string[] {
    return NAMED_ITEM_SCALARS;
  }

  /** A workbook-scoped name for a Range or a formula ("=Sheet1!$A$1"); a name taken (in any case) is refused. */
  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    const made: { name?: FakeName } = {};
    this.context._enqueue("NamedItemCollection.add", (exec) => {
      if (!validDefinedName(name)) throw invalid(`"${String(name)}" is not a valid name`);
      if (comment !== undefined && typeof comment !== "string") throw invalid("comment");
      let formula: string;
      if (reference instanceof FakeRange) {
        const t = reference._need(exec);
        formula = `=${quoteSheetName(t.sheet.name)}!${absoluteA1(t)}`;
      } else if (typeof reference === "string" && reference.trim() !== "") {
        formula = reference.trim().startsWith("=") ? reference.trim() : `=${reference.trim()}`;
      } else {
        throw invalid("reference");
      }
      if (nameNamed(exec, name) !== undefined) throw officeError("ItemAlreadyExists");
      exec.request([name, formula, comment ?? ""]);
      const item: FakeName = { name, formula, comment: comment ?? "", visible: true };
      exec.txn.touchArray(exec.model.names);
      exec.model.names.push(item);
      made.name = item;
    });
    return new FakeNamedItem(this.context, "NamedItemCollection.add", () => {
      if (made.name === undefined) throw officeError("ItemNotFound");
      return made.name;
    });
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, "NamedItemCollection.getItem", (exec) => {
      const n = nameNamed(exec, name);
      if (n === undefined) throw officeError("ItemNotFound");
      return n;
    });
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, "NamedItemCollection.getItemOrNullObject", (exec) => nameNamed(exec, name) ?? null);
  }
}

class FakeNamedItem extends FakeObject<FakeName> {
  protected readonly _type = "NamedItem";

  get name(): string {
    return this._read("name");
  }

  get formula(): string {
    return this._read("formula");
  }

  get comment(): string {
    return this._read("comment");
  }

  set comment(value: string) {
    this._write("comment", value, (exec, n) => {
      if (typeof value !== "string") throw invalid("comment");
      this.replace(exec, n, { ...n, comment: value });
    });
  }

  get visible(): boolean {
    return this._read("visible");
  }

  set visible(value: boolean) {
    this._write("visible", value, (exec, n) => {
      if (typeof value !== "boolean") throw invalid("visible");
      this.replace(exec, n, { ...n, visible: value });
    });
  }

  get scope(): string {
    return this._read("scope");
  }

  get type(): string {
    return this._read("type");
  }

  get value(): unknown {
    return this._read("value");
  }

  delete(): void {
    this._call("delete", (exec, n) => {
      const names = exec.model.names;
      exec.txn.touchArray(names);
      names.splice(names.indexOf(n), 1);
    });
  }

  /** The range the name refers to; Office fails when it is not a range. */
  getRange(): FakeRange {
    return new FakeRange(this.context, "NamedItem.getRange", (exec) => {
      const n = this._get(exec);
      if (n === null) return null;
      const t = nameRange(exec, n.formula);
      if (t === undefined) throw officeError("InvalidOperation", undefined, `${n.name} is not a range`);
      return t;
    });
  }

  getRangeOrNullObject(): FakeRange {
    return new FakeRange(this.context, "NamedItem.getRangeOrNullObject", (exec) => {
      const n = this._get(exec);
      return n === null ? null : (nameRange(exec, n.formula) ?? null);
    });
  }

  /** Names are replaced, never changed in place (the undo log keeps the array's old entries). */
  private replace(exec: Exec, n: FakeName, next: FakeName): void {
    const names = exec.model.names;
    exec.txn.touchArray(names);
    names[names.indexOf(n)] = next;
    exec.resolved.set(this, next);
    this._target = next;
  }

  override _scalarNames(): readonly string[] {
    return NAMED_ITEM_SCALARS;
  }

  protected override _scalar(exec: Exec, n: FakeName, name: string): unknown {
    switch (name) {
      case "name":
        return n.name;
      case "formula":
        return n.formula;
      case "comment":
        return n.comment;
      case "visible":
        return n.visible;
      case "scope":
        return "Workbook";
      case "type": {
        if (nameRange(exec, n.formula) !== undefined) return "Range";
        if (n.formula.includes("#REF!")) return "Error";
        const v = Number(n.formula.slice(1));
        if (Number.isFinite(v)) return Number.isInteger(v) ? "Integer" : "Double";
        return /^=(TRUE|FALSE)$/i.test(n.formula) ? "Boolean" : "String";
      }
      case "value": {
        const t = nameRange(exec, n.formula);
        return t === undefined ? n.formula.slice(1) : `${quoteSheetName(t.sheet.name)}!${absoluteA1(t)}`;
      }
      default:
        return super._scalar(exec, n, name);
    }
  }

  protected override _valid(exec: Exec, n: FakeName): boolean {
    return exec.model.names.includes(n);
  }
}

// --- Comments --------------------------------------------------------------------------------------------------

interface CommentScope {
  /** undefined: the whole workbook. */
  sheet: FakeSheet | undefined;
}

/** The single cell a comment goes on: a Range, or an address that names its sheet (as Office requires). */
function commentCell(exec: Exec, cell: unknown, scope: CommentScope): RangeTarget {
  let t: RangeTarget;
  if (cell instanceof FakeRange) {
    t = cell._need(exec);
  } else if (typeof cell === "string") {
    const parts = splitSheet(cell);
    const sheetName = parts?.sheet ?? scope.sheet?.name;
    if (parts === undefined || sheetName === undefined) throw invalid(`cellAddress "${cell}" must name its sheet`);
    const sheet = exec.model.sheet(sheetName);
    if (sheet === undefined) throw officeError("ItemNotFound");
    const rect = parseRangeAddress(parts.local);
    if (rect === undefined) throw invalid(`cellAddress "${cell}"`);
    t = { sheet, ...rect };
  } else {
    throw invalid("cellAddress");
  }
  if (rowsOf(t) * colsOf(t) !== 1) throw invalid("a comment goes on one cell");
  return t;
}

function commentSheetName(address: string): string | undefined {
  return splitSheet(address)?.sheet;
}

class FakeCommentCollection extends FakeCollection<CommentScope, string, FakeCommentObject> {
  protected readonly _type = "CommentCollection";

  constructor(context: FakeRequestContext, origin: string, resolver: Resolver<CommentScope>) {
    super(context, origin, resolver);
  }

  protected override _itemTargets(exec: Exec, scope: CommentScope): string[] {
    const ids: string[] = [];
    for (const [id, c] of exec.model.comments) {
      if (scope.sheet === undefined || commentSheetName(c.address)?.toLowerCase() === scope.sheet.name.toLowerCase()) ids.push(id);
    }
    return ids;
  }

  protected override _makeItem(id: string): FakeCommentObject {
    return new FakeCommentObject(this.context, "Comment", () => id, id);
  }

  protected override _itemScalarNames(): readonly string[] {
    return COMMENT_SCALARS;
  }

  add(cellAddress: FakeRange | string, content: unknown): FakeCommentObject {
    const made: { id?: string } = {};
    this.context._enqueue("CommentCollection.add", (exec) => {
      const scope = this._need(exec);
      const t = commentCell(exec, cellAddress, scope);
      const text = typeof content === "string" ? content : typeof content === "object" && content !== null && typeof (content as { richContent?: unknown }).richContent === "string" ? (content as { richContent: string }).richContent : undefined;
      if (text === undefined) throw invalid("content");
      exec.assertWritable(t.sheet);
      const address = rangeAddress(t);
      // Excel keeps one comment thread per cell (a guess at the code: Office does not document this case).
      for (const c of exec.model.comments.values()) if (c.address === address) throw invalid(`${address} already has a comment`);
      exec.request(text);
      const id = exec.model.newCommentId();
      exec.txn.touchMap(exec.model.comments);
      exec.model.comments.set(id, { address, content: text });
      made.id = id;
    });
    return new FakeCommentObject(this.context, "CommentCollection.add", () => {
      if (made.id === undefined) throw officeError("ItemNotFound");
      return made.id;
    });
  }

  getItem(commentId: string): FakeCommentObject {
    return new FakeCommentObject(this.context, "CommentCollection.getItem", (exec) => {
      if (!this.inScope(exec, commentId)) throw officeError("ItemNotFound");
      return commentId;
    });
  }

  getItemOrNullObject(commentId: string): FakeCommentObject {
    return new FakeCommentObject(this.context, "CommentCollection.getItemOrNullObject", (exec) => (this.inScope(exec, commentId) ? commentId : null));
  }

  getItemByCell(cellAddress: FakeRange | string): FakeCommentObject {
    return new FakeCommentObject(this.context, "CommentCollection.getItemByCell", (exec) => {
      const scope = this._need(exec);
      const address = rangeAddress(commentCell(exec, cellAddress, scope));
      for (const [id, c] of exec.model.comments) if (c.address === address) return id;
      throw officeError("ItemNotFound");
    });
  }

  private inScope(exec: Exec, id: string): boolean {
    const scope = this._get(exec);
    return scope !== null && this._itemTargets(exec, scope).includes(id);
  }
}

const COMMENT_SCALARS = ["content", "id"] as const;

class FakeCommentObject extends FakeObject<string> {
  protected readonly _type = "Comment";

  get id(): string {
    return this._read("id");
  }

  get content(): string {
    return this._read("content");
  }

  set content(value: string) {
    this._write("content", value, (exec, id) => {
      const c = exec.model.comments.get(id);
      if (c === undefined) throw officeError("ItemNotFound");
      if (typeof value !== "string") throw invalid("content");
      const sheet = exec.model.sheet(commentSheetName(c.address) ?? "");
      if (sheet !== undefined) exec.assertWritable(sheet);
      exec.txn.touchMap(exec.model.comments);
      exec.model.comments.set(id, { ...c, content: value });
    });
  }

  delete(): void {
    this._call("delete", (exec, id) => {
      const c = exec.model.comments.get(id);
      const sheet = c === undefined ? undefined : exec.model.sheet(commentSheetName(c.address) ?? "");
      if (sheet !== undefined) exec.assertWritable(sheet);
      exec.txn.touchMap(exec.model.comments);
      exec.model.comments.delete(id);
    });
  }

  /** The comment's cell. */
  getLocation(): FakeRange {
    return new FakeRange(this.context, "Comment.getLocation", (exec) => {
      const id = this._get(exec);
      if (id === null) return null;
      const c = exec.model.comments.get(id);
      const parts = c === undefined ? undefined : splitSheet(c.address);
      const sheet = parts?.sheet === undefined ? undefined : exec.model.sheet(parts.sheet);
      const rect = parts === undefined ? undefined : parseRangeAddress(parts.local);
      if (sheet === undefined || rect === undefined) throw officeError("ItemNotFound");
      return { sheet, ...rect };
    });
  }

  override _scalarNames(): readonly string[] {
    return COMMENT_SCALARS;
  }

  protected override _scalar(exec: Exec, id: string, name: string): unknown {
    if (name === "id") return id;
    if (name === "content") return exec.model.comments.get(id)?.content ?? "";
    return super._scalar(exec, id, name);
  }

  protected override _valid(exec: Exec, id: string): boolean {
    return exec.model.comments.has(id);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The namespace

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

export interface FakeExcelNamespace {
  run<T>(batch: Batch<T>): Promise<T>;
  run<T>(options: Excel.RunOptions, batch: Batch<T>): Promise<T>;
  run<T>(object: OfficeExtension.ClientObject | OfficeExtension.ClientObject[] | OfficeExtension.ClientRequestContext, batch: Batch<T>): Promise<T>;
  /** `new Excel.RequestContext()`: a context over the same workbook, synced by hand. */
  RequestContext: new () => Excel.RequestContext;
  ChartType: typeof CHART_TYPES;
  ChartSeriesBy: typeof SERIES_BY;
  SheetVisibility: { readonly visible: "Visible"; readonly hidden: "Hidden"; readonly veryHidden: "VeryHidden" };
  ClearApplyTo: {
    readonly all: "All";
    readonly formats: "Formats";
    readonly contents: "Contents";
    readonly hyperlinks: "Hyperlinks";
    readonly removeHyperlinks: "RemoveHyperlinks";
    readonly resetContents: "ResetContents";
  };
  FillPattern: typeof FILL_PATTERNS;
  HorizontalAlignment: typeof HORIZONTAL_ALIGNMENTS;
  DataValidationOperator: typeof DATA_VALIDATION_OPERATORS;
  DataValidationAlertStyle: typeof DATA_VALIDATION_ALERT_STYLES;
  ErrorCodes: typeof ERROR_CODES;
}

const ERROR_CODES = {
  accessDenied: "AccessDenied",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
  invalidSelection: "InvalidSelection",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
} as const;

export interface FakeExcel {
  Excel: FakeExcelNamespace;
  OfficeExtension: { Error: typeof FakeOfficeError };
}

function isThenable(x: unknown): x is PromiseLike<unknown> {
  return typeof x === "object" && x !== null && typeof (x as { then?: unknown }).then === "function";
}

/**
 * An Excel namespace over the model. Excel.run counts each context.sync() in model.syncCount; the sync office.js
 * makes by itself when the batch ends counts too, but only when commands are still queued (office.js sends
 * nothing otherwise).
 */
export function createFakeExcel(model: FakeWorkbookModel): FakeExcel {
  async function runBatch(args: unknown[]): Promise<unknown> {
    let batch: unknown;
    let context: FakeRequestContext | undefined;
    let delay = false;
    if (args.length === 1) {
      batch = args[0];
    } else if (args.length === 2) {
      const first = args[0];
      batch = args[1];
      if (first instanceof FakeRequestContext) context = first;
      else if (first instanceof FakeObject) context = first.context;
      else if (Array.isArray(first) && first[0] instanceof FakeObject) context = (first[0] as FakeObject<unknown>).context;
      else if (typeof first === "object" && first !== null) {
        const options = first as { delayForCellEdit?: unknown; previousObjects?: unknown };
        delay = options.delayForCellEdit === true;
        const prev = Array.isArray(options.previousObjects) ? (options.previousObjects as unknown[])[0] : options.previousObjects;
        if (prev instanceof FakeObject) context = prev.context;
        else if (prev instanceof FakeRequestContext) context = prev;
      } else throw invalid("Excel.run");
    } else {
      throw invalid("Excel.run");
    }
    if (typeof batch !== "function") throw invalid("Excel.run needs a batch function");
    const ctx = context ?? new FakeRequestContext(model, delay);
    const ret: unknown = (batch as (c: FakeRequestContext) => unknown)(ctx);
    if (!isThenable(ret)) throw officeError("RunMustReturnPromise");
    const value = await ret;
    if (ctx._hasPending) {
      model.syncCount++;
      await ctx._send();
    }
    return value;
  }

  class RequestContext extends FakeRequestContext {
    constructor() {
      super(model, false);
    }
  }

  const ns: FakeExcelNamespace = {
    // The fake's objects stand in for Office's at the type level: the adapter is written against @types/office-js.
    run: ((...args: unknown[]) => runBatch(args)) as unknown as FakeExcelNamespace["run"],
    RequestContext: RequestContext as unknown as new () => Excel.RequestContext,
    ChartType: CHART_TYPES,
    ChartSeriesBy: SERIES_BY,
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents", hyperlinks: "Hyperlinks", removeHyperlinks: "RemoveHyperlinks", resetContents: "ResetContents" },
    FillPattern: FILL_PATTERNS,
    HorizontalAlignment: HORIZONTAL_ALIGNMENTS,
    DataValidationOperator: DATA_VALIDATION_OPERATORS,
    DataValidationAlertStyle: DATA_VALIDATION_ALERT_STYLES,
    ErrorCodes: ERROR_CODES,
  };
  return { Excel: ns, OfficeExtension: { Error: FakeOfficeError } };
}

