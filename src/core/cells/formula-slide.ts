// A formula moved as Excel moves it when it is copied (or stored once as a "shared formula" for a block of cells):
// relative references shift with the cell, absolute ones ($) stay. Files from Excel store a filled-down total
// once and mark the cells below as sharing it, so the engine needs each cell's own formula to check which cells
// a total adds up.
//
// Hand-written because exceljs's own slide (lib/utils/shared-formula.js) leaves whole-column and whole-row
// references (SUM(A:A), 2:2) where they were and moves address-like text inside strings ("A1"); the formula
// libraries that parse the whole language are too heavy for this one job. Checked against LibreOffice, which
// writes each cell's formula out, in test/core/formula-slide.test.ts.
import { columnIndex, columnName } from "./grid";
import { readQuoted } from "./formula";

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

const WORD = /[A-Za-z0-9_$.\\\u00C0-\uFFFF]/;
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d{1,7})$/;

// Column numbers here are 1-based, as Excel counts them, so the bounds read 1..MAX_COL like rows.
const columnNumber = (letters: string): number => columnIndex(letters) + 1;

/**
 * `formula` (without "="), written for the cell at (fromRow, fromCol), as it reads in the cell at (toRow, toCol);
 * all 0-based. A reference moved off the sheet becomes #REF!, as in Excel.
 */
export function slideFormula(formula: string, from: { r: number; c: number }, to: { r: number; c: number }): string {
  const dr = to.r - from.r;
  const dc = to.c - from.c;
  if (dr === 0 && dc === 0) return formula;
  const col = (abs: string, letters: string): string | undefined => {
    const n = columnNumber(letters) + (abs === "" ? dc : 0);
    return n < 1 || n > MAX_COL ? undefined : `${abs}${columnName(n - 1)}`;
  };
  const row = (abs: string, digits: string): string | undefined => {
    const n = Number(digits) + (abs === "" ? dr : 0);
    return n < 1 || n > MAX_ROW ? undefined : `${abs}${n}`;
  };
  const cell = (m: RegExpExecArray): string => {
    const c = col(m[1], m[2]);
    const r = row(m[3], m[4]);
    return c === undefined || r === undefined ? "#REF!" : `${c}${r}`;
  };

  let out = "";
  let i = 0;
  const word = (): string => {
    const start = i;
    while (i < formula.length && WORD.test(formula[i])) i++;
    return formula.slice(start, i);
  };
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A string, or a quoted sheet name: copied as it is.
      const q = readQuoted(formula, i);
      const end = q === undefined ? formula.length : q.end;
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === "[") {
      // A structured reference (Table1[[#This Row],[금액]]) names columns, not cells.
      let depth = 0;
      const start = i;
      while (i < formula.length) {
        if (formula[i] === "[") depth++;
        else if (formula[i] === "]" && --depth === 0) {
          i++;
          break;
        }
        i++;
      }
      out += formula.slice(start, i);
      continue;
    }
    if (!WORD.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    const w = word();
    const next = formula[i];
    // A function's name or a sheet's name: not a reference.
    if (next === "(" || next === "!") {
      out += w;
      continue;
    }
    const asCell = CELL.exec(w);
    if (asCell !== null && columnNumber(asCell[2]) <= MAX_COL && Number(asCell[4]) <= MAX_ROW && Number(asCell[4]) >= 1) {
      out += cell(asCell);
      continue;
    }
    // Whole columns (A:C) and whole rows (2:5) come in pairs around a colon.
    if (next === ":") {
      const save = i;
      i++;
      const w2 = word();
      const c1 = COLUMN.exec(w);
      const c2 = COLUMN.exec(w2);
      if (c1 !== null && c2 !== null) {
        const a = col(c1[1], c1[2]);
        const b = col(c2[1], c2[2]);
        out += a === undefined || b === undefined ? "#REF!" : `${a}:${b}`;
        continue;
      }
      const r1 = ROW.exec(w);
      const r2 = ROW.exec(w2);
      if (r1 !== null && r2 !== null) {
        const a = row(r1[1], r1[2]);
        const b = row(r2[1], r2[2]);
        out += a === undefined || b === undefined ? "#REF!" : `${a}:${b}`;
        continue;
      }
      i = save;
    }
    // A number, a defined name ("국비_2021"), TRUE/FALSE: as it is.
    out += w;
  }
  return out;
}
