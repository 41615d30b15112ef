// A page of the budget book (세출예산서 사업명세서, exported from e호조): its header row names the columns
// (부서 · 정책사업 · 단위사업 · 세부사업 · 편성목 · 산출내역 · 산출기초 · 예산액 · 전년도예산액 · 비교증감), and each
// row below is a line of the ledger: a level's label in its own column, or a 재원 line ("국   74,376,005") under
// the line above it. Columns are found by their labels, never by letter.
import type { SheetView } from "../cells/sheet-view";
import { parseNumber, unitFromWord } from "../numbers/numbers";
import type { Unit } from "../numbers/units";

/** The ledger's levels, top down. 통계목 lines may carry a version line (본예산, 추경 …) above their items. */
export const LEVELS = ["부서", "정책사업", "단위사업", "세부사업", "편성목", "통계목", "예산구분", "산출내역", "세부내역", "세세내역", "세세내역", "세세내역"] as const;
export type Level = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11;
export const LEVEL = { dept: 0, policy: 1, unit: 2, program: 3, mok: 4, stat: 5, version: 6, item: 7, sub: 8, subsub: 9, deepest: 11 } as const;

export interface BookColumns {
  headerRow: number;
  /** Columns of 부서, 정책사업, 단위사업, 세부사업, 편성목 and 산출내역 (통계목 and its items), in that order. */
  levels: (number | undefined)[];
  basis: number | undefined;
  amount: number;
  previous: number | undefined;
  change: number | undefined;
  unit: Unit;
  /** "추경": the previous column is the 기정액 of a supplementary budget, not last year's. */
  kind: "본예산" | "추경";
}

const clean = (v: unknown): string => (typeof v === "string" ? v.replace(/\s+/g, "") : "");

// 부서 … 편성목, then 통계목 and 산출내역: one column for both, or each its own.
const LEVEL_LABELS: RegExp[] = [/^부서(명)?$/, /^정책사업(명)?$/, /^단위사업(명)?$/, /^세부사업(명)?$/, /^편성목$/, /^통계목$/, /^산출내역$/];
const BASIS = /^산출(기초|근거)$/;
const AMOUNT = /^(\d{4}년?)?(예산액|경정예산액|추경예산액|경정액|예산액\(A\))$/;
const PREVIOUS = /^(전년도예산액|전년도예산액\(B\)|기정예산액|기정액|기정액\(B\))$/;
const CHANGE = /^(비교증감|증감|비교증감\(A-B\)|증감액)$/;
const UNIT_LABEL = /단위\s*[:：]?\s*(천\s*원|백만\s*원|원)/;

/** The book's header row on a sheet (within its first rows), or undefined when the sheet is no page of a book. */
export function findBookColumns(view: SheetView, maxRow = 60): BookColumns | undefined {
  const last = Math.min(view.rows - 1, maxRow);
  for (let r = 0; r <= last; r++) {
    const cols = headerAt(view, r);
    if (cols === undefined) continue;
    return { ...cols, headerRow: r, unit: unitAbove(view, r) ?? "천원" };
  }
  return undefined;
}

/** Whether row r repeats the header (a book exported as one long sheet repeats it on every printed page). */
export function isHeaderRow(view: SheetView, r: number): boolean {
  return headerAt(view, r) !== undefined;
}

function headerAt(view: SheetView, r: number): Omit<BookColumns, "headerRow" | "unit"> | undefined {
  const levels: (number | undefined)[] = LEVEL_LABELS.map(() => undefined);
  let basis: number | undefined;
  let amount: number | undefined;
  let previous: number | undefined;
  let change: number | undefined;
  let kind: "본예산" | "추경" = "본예산";
  for (let c = 0; c < Math.min(view.cols, 40); c++) {
    const t = clean(view.cell(r, c)?.v);
    if (t === "") continue;
    const li = LEVEL_LABELS.findIndex((re) => re.test(t));
    if (li >= 0 && levels[li] === undefined) levels[li] = c;
    else if (BASIS.test(t)) basis = c;
    else if (AMOUNT.test(t) && amount === undefined) amount = c;
    else if (PREVIOUS.test(t) && previous === undefined) {
      previous = c;
      if (t.startsWith("기정")) kind = "추경";
    } else if (CHANGE.test(t) && change === undefined) change = c;
  }
  // The ledger's own columns: 세부사업 and 편성목 with the item column, the 산출기초 and the amount. A table that is
  // only headed 세부사업 | 편성목 | 통계목 | 예산액 is a summary, read as any other table.
  if (levels[3] === undefined || levels[4] === undefined || (levels[5] === undefined && levels[6] === undefined) || amount === undefined || basis === undefined) return undefined;
  return { levels, basis, amount, previous, change, kind };
}

function unitAbove(view: SheetView, header: number): Unit | undefined {
  for (let r = header; r >= Math.max(0, header - 8); r--) {
    for (let c = 0; c < Math.min(view.cols, 40); c++) {
      const v = view.cell(r, c)?.v;
      if (typeof v !== "string" || !v.includes("단위")) continue;
      const m = UNIT_LABEL.exec(v);
      if (m !== null) return unitFromWord(m[1]);
    }
  }
  return undefined;
}

/** An amount as the book prints it: a number, or text such as "35,665,400", "△900", "(270,000)" (성립전). */
export type Amount = { value: number; c: number; text: boolean } | { malformed: string; c: number } | undefined;

export function readAmount(view: SheetView, r: number, c: number | undefined): Amount {
  if (c === undefined) return undefined;
  const v = view.cell(r, c)?.v;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return undefined;
    // Past 2^53 sums are not exact: the figure is refused, as a broken one is.
    return Math.abs(v) > Number.MAX_SAFE_INTEGER ? { malformed: String(v), c } : { value: v, c, text: false };
  }
  if (typeof v !== "string") return undefined;
  // Parentheses mark a 성립전 amount (spent before the supplementary budget passed): counted as it stands.
  const t = v.trim().replace(/^\((.*)\)$/s, "$1").trim();
  if (t === "" || /^[-–—ㅡ]$/.test(t)) return undefined;
  const p = parseNumber(t);
  if (p.kind === "number" && p.unit === undefined) return { value: p.value, c, text: true };
  return { malformed: v, c };
}

/** A 재원 line: a funding source's short name and its amount ("국   74,376,005", "(도   270,000)"). */
const SOURCE_LINE = /^\(?\s*([가-힣·]{1,10})\s+([△▲\-−]?\s*[\d,]+(?:\.\d+)?)\s*\)?$/;

export function readSourceLine(text: string): { key: string; value: number } | undefined {
  const m = SOURCE_LINE.exec(text.trim());
  if (m === null) return undefined;
  const p = parseNumber(m[2].replace(/\s+/g, ""));
  return p.kind === "number" && p.unit === undefined ? { key: m[1], value: p.value } : undefined;
}

/**
 * The level a 산출내역 text opens: a 통계목 ("01 사무관리비"), a version (본예산, 추경 …), an item (◎), a sub-item
 * (○), a third-level line (-, ·), or "unmarked" (a plain "7급" under a ○: one level below the line above it).
 */
export function itemLevel(text: string): Level | "unmarked" {
  const t = text.trim();
  if (/^\d{2,3}\s+\S/.test(t)) return LEVEL.stat;
  if (t.startsWith("◎")) return LEVEL.item;
  if (/^[○◦∘]/.test(t)) return LEVEL.sub;
  if (/^[·ㆍ∙\-]/.test(t)) return LEVEL.subsub;
  if (/^(본예산|기정(예산)?액?|경정(예산)?액?|예비비)$/.test(t) || /^(제\s*)?(\d+\s*회\s*)?추경|성립전/.test(t)) return LEVEL.version;
  return "unmarked";
}
