// Automatic calculation for the in-memory Excel: after a sync writes cells, the formulas it wrote and every
// formula that depends on a changed cell (directly or through other formulas, on any sheet) are calculated
// again, in dependency order, and their cached values set, as Excel does in automatic calculation mode.
//
// Only what a sync changes is calculated. A workbook built outside a sync (FakeWorkbookModel.fromGrid, a test
// setting cells directly) keeps its cells exactly as given, so a file whose formulas have no cached values (as
// tools write them) can still be modelled: its formulas stay uncalculated until something they depend on is
// written through the API.
//
// A formula the evaluator cannot calculate (a function it does not know, a reference to a missing sheet, a
// circular reference, a precedent that has no value) is left without a value (null): the state of a formula
// Excel never calculated, which the check reports as such, rather than a stale or guessed number.

import { cellKey, columnOfKey, ERROR_VALUES, rowOfKey, type FakeCell, type FakeSheet, type FakeValue } from "./model";
import { parseFormula, type CellRect, type ParsedFormula } from "./formula-parse";
import { evaluateFormula, UNCALCULATED, XlError, type CalcEnv, type XlScalar } from "./formula-eval";

/** Cells whose content (value or formula) a sync changed, by sheet. */
export type ChangedCells = Map<FakeSheet, Set<number>>;

interface FormulaCell {
  sheet: FakeSheet;
  key: number;
  parsed: ParsedFormula | undefined;
}

// Parsing is the costly part and formulas repeat (a sheet's totals, a workbook read again and again).
const PARSED = new Map<string, ParsedFormula | undefined>();
const MAX_PARSED = 200_000;

function parsedOf(formula: string): ParsedFormula | undefined {
  if (PARSED.has(formula)) return PARSED.get(formula);
  if (PARSED.size >= MAX_PARSED) PARSED.clear();
  const p = parseFormula(formula);
  PARSED.set(formula, p);
  return p;
}

function sheetNamed(sheets: readonly FakeSheet[], name: string): FakeSheet | undefined {
  const lower = name.toLowerCase();
  return sheets.find((s) => s.name.toLowerCase() === lower);
}

// Ranges no wider than this are indexed by column; wider ones (whole rows) are checked one by one.
const INDEXED_WIDTH = 64;

/** Which formulas read which cells: the reverse of every formula's references. */
class Dependents {
  private readonly single = new Map<FakeSheet, Map<number, FormulaCell[]>>();
  private readonly byColumn = new Map<FakeSheet, Map<number, { rect: CellRect; f: FormulaCell }[]>>();
  private readonly wide = new Map<FakeSheet, { rect: CellRect; f: FormulaCell }[]>();

  constructor(sheets: readonly FakeSheet[], formulas: FormulaCell[]) {
    for (const f of formulas) {
      if (f.parsed === undefined) continue;
      for (const ref of f.parsed.refs) {
        const target = ref.sheet === undefined ? f.sheet : sheetNamed(sheets, ref.sheet);
        if (target === undefined) continue;
        if (ref.r0 === ref.r1 && ref.c0 === ref.c1) {
          const m = getOrMake(this.single, target, () => new Map<number, FormulaCell[]>());
          getOrMake(m, cellKey(ref.r0, ref.c0), () => []).push(f);
        } else if (ref.c1 - ref.c0 < INDEXED_WIDTH) {
          const m = getOrMake(this.byColumn, target, () => new Map<number, { rect: CellRect; f: FormulaCell }[]>());
          for (let c = ref.c0; c <= ref.c1; c++) getOrMake(m, c, () => []).push({ rect: ref, f });
        } else {
          getOrMake(this.wide, target, () => []).push({ rect: ref, f });
        }
      }
    }
  }

  of(sheet: FakeSheet, key: number, visit: (f: FormulaCell) => void): void {
    for (const f of this.single.get(sheet)?.get(key) ?? []) visit(f);
    const r = rowOfKey(key);
    const c = columnOfKey(key);
    for (const e of this.byColumn.get(sheet)?.get(c) ?? []) if (r >= e.rect.r0 && r <= e.rect.r1) visit(e.f);
    for (const e of this.wide.get(sheet) ?? []) if (r >= e.rect.r0 && r <= e.rect.r1 && c >= e.rect.c0 && c <= e.rect.c1) visit(e.f);
  }
}

function getOrMake<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

/** The stored cells of a sheet inside a rectangle, row by row, scanning the smaller of the two. */
function storedIn(sheet: FakeSheet, rect: CellRect, fn: (key: number, cell: FakeCell) => void): void {
  const area = (rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1);
  if (area <= sheet.cells.size) {
    for (let r = rect.r0; r <= rect.r1; r++)
      for (let c = rect.c0; c <= rect.c1; c++) {
        const key = cellKey(r, c);
        const cell = sheet.cells.get(key);
        if (cell !== undefined) fn(key, cell);
      }
    return;
  }
  const found: [number, FakeCell][] = [];
  for (const [key, cell] of sheet.cells) {
    const r = rowOfKey(key);
    const c = columnOfKey(key);
    if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) found.push([key, cell]);
  }
  found.sort((a, b) => a[0] - b[0]);
  for (const [key, cell] of found) fn(key, cell);
}

function storedValue(cell: FakeCell | undefined): XlScalar {
  if (cell === undefined) return null;
  if (cell.formula !== undefined && cell.value === null) throw UNCALCULATED;
  const v = cell.value;
  if (typeof v === "string" && ERROR_VALUES.has(v)) return new XlError(v);
  return v;
}

/** undefined: not calculated. */
type Result = number | string | boolean | XlError | undefined;

/**
 * Calculates the formulas `changed` calls for, writing each changed cached value through `write` (the sync's
 * undo log). `changed` lists the cells a sync wrote; formulas among them are calculated too.
 */
export function recalculate(sheets: readonly FakeSheet[], changed: ChangedCells, write: (sheet: FakeSheet, key: number, cell: FakeCell) => void): void {
  if (changed.size === 0) return;
  const formulas: FormulaCell[] = [];
  const formulaAt = new Map<FakeSheet, Map<number, FormulaCell>>();
  for (const sheet of sheets) {
    const here = new Map<number, FormulaCell>();
    for (const [key, cell] of sheet.cells) {
      if (cell.formula === undefined) continue;
      const f: FormulaCell = { sheet, key, parsed: parsedOf(cell.formula) };
      formulas.push(f);
      here.set(key, f);
    }
    formulaAt.set(sheet, here);
  }
  if (formulas.length === 0) return;

  // What to calculate: the changed formulas and everything downstream of a changed cell.
  const dependents = new Dependents(sheets, formulas);
  const dirty = new Set<FormulaCell>();
  const queue: [FakeSheet, number][] = [];
  for (const [sheet, keys] of changed) {
    if (!sheets.includes(sheet)) continue;
    for (const key of keys) {
      queue.push([sheet, key]);
      const f = formulaAt.get(sheet)?.get(key);
      if (f !== undefined) dirty.add(f);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const [sheet, key] = queue[i];
    dependents.of(sheet, key, (f) => {
      if (dirty.has(f)) return;
      dirty.add(f);
      queue.push([f.sheet, f.key]);
    });
  }

  const dirtyAt = new Map<FakeSheet, Map<number, FormulaCell>>();
  for (const f of dirty) getOrMake(dirtyAt, f.sheet, () => new Map<number, FormulaCell>()).set(f.key, f);
  const order = dependencyOrder(sheets, dirty, dirtyAt);

  const results = new Map<FormulaCell, Result>();
  let current: FakeSheet = sheets[0];
  const env: CalcEnv = {
    sheet: (name) => (name === undefined ? current : sheetNamed(sheets, name)),
    value: (sheet, r, c) => {
      const key = cellKey(r, c);
      const f = dirtyAt.get(sheet)?.get(key);
      if (f === undefined) return storedValue(sheet.cells.get(key));
      // Not calculated yet in dependency order: a circular reference.
      const result = results.get(f);
      if (result === undefined) throw UNCALCULATED;
      return result;
    },
    isBlank: (sheet, r, c) => {
      const cell = sheet.cells.get(cellKey(r, c));
      return cell === undefined || (cell.formula === undefined && (cell.value === null || cell.value === ""));
    },
    eachValue: (sheet, rect, fn) => storedIn(sheet, rect, (key) => fn(env.value(sheet, rowOfKey(key), columnOfKey(key)))),
  };
  for (const f of order) {
    current = f.sheet;
    let result: Result;
    if (f.parsed !== undefined) {
      try {
        result = evaluateFormula(f.parsed, env);
      } catch (e) {
        if (e !== UNCALCULATED) throw e;
      }
    }
    results.set(f, result);
  }

  for (const [f, result] of results) {
    const cell = f.sheet.cells.get(f.key);
    if (cell === undefined) continue;
    const value: FakeValue = result === undefined ? null : result instanceof XlError ? result.code : result;
    if (cell.value !== value) write(f.sheet, f.key, { ...cell, value });
  }
}

/**
 * The dirty formulas, each after the dirty formulas it reads (an iterative depth-first search: a column of
 * thousands of chained formulas must not overflow the stack). In a cycle one of them comes first and reads the
 * others as not yet calculated.
 */
function dependencyOrder(sheets: readonly FakeSheet[], dirty: Set<FormulaCell>, dirtyAt: Map<FakeSheet, Map<number, FormulaCell>>): FormulaCell[] {
  const precedents = (f: FormulaCell): FormulaCell[] => {
    const out: FormulaCell[] = [];
    for (const ref of f.parsed?.refs ?? []) {
      const target = ref.sheet === undefined ? f.sheet : sheetNamed(sheets, ref.sheet);
      const here = target === undefined ? undefined : dirtyAt.get(target);
      if (here === undefined) continue;
      const area = (ref.r1 - ref.r0 + 1) * (ref.c1 - ref.c0 + 1);
      if (area <= here.size) {
        for (let r = ref.r0; r <= ref.r1; r++)
          for (let c = ref.c0; c <= ref.c1; c++) {
            const p = here.get(cellKey(r, c));
            if (p !== undefined) out.push(p);
          }
      } else {
        for (const [key, p] of here) {
          const r = rowOfKey(key);
          const c = columnOfKey(key);
          if (r >= ref.r0 && r <= ref.r1 && c >= ref.c0 && c <= ref.c1) out.push(p);
        }
      }
    }
    return out;
  };
  const order: FormulaCell[] = [];
  const state = new Map<FormulaCell, "open" | "done">();
  for (const start of dirty) {
    if (state.has(start)) continue;
    const stack: { f: FormulaCell; next: FormulaCell[] }[] = [{ f: start, next: precedents(start) }];
    state.set(start, "open");
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const p = top.next.pop();
      if (p === undefined) {
        stack.pop();
        state.set(top.f, "done");
        order.push(top.f);
      } else if (!state.has(p)) {
        state.set(p, "open");
        stack.push({ f: p, next: precedents(p) });
      }
    }
  }
  return order;
}
