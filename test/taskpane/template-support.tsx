// Shared by the 템플릿 tab's tests: the words the officer sees (written out by hand, Korean and English), the seed's
// tables, and small readers of the in-memory workbook.
import path from "node:path";
import { readFileSync } from "node:fs";
import { TextDecoder as NodeTextDecoder } from "node:util";
import { checkWorkbook as runEngine, type CheckResult } from "../../src/core/check-workbook";
import type { Lang } from "../../src/core/findings/findings";
import { columnOfKey, rowOfKey, type FakeCell, type FakeWorkbookModel } from "../../src/preview/fake-excel/model";
import { renderApp, screen, waitFor, within, type Rendered } from "./harness";

// jsdom has no TextDecoder; the browser (and Office's webview) has, with the same encodings as Node's full ICU.
if (typeof globalThis.TextDecoder === "undefined") {
  Object.defineProperty(globalThis, "TextDecoder", { value: NodeTextDecoder, configurable: true, writable: true });
}

export const WORDS = {
  ko: {
    tab: "템플릿",
    list: "템플릿 목록",
    insertNew: "새 시트에 삽입",
    insertHere: "선택한 셀에 삽입",
    year: "연도",
    withAmounts: "템플릿의 금액을 기본값으로 넣기",
    inserted: /삽입했습니다/,
    notInserted: "템플릿을 삽입하지 않았습니다",
    url: "카탈로그 주소 (https)",
    load: "불러오기",
    pasteLabel: "재원별 표",
    sourceFile: "파일",
    sourceSheet: "지난해 시트",
    lastSheet: "지난해 시트",
    preview: "미리 보기",
    write: "시트에 쓰기",
    confirm: "이 셀들을 덮어쓰는 것을 확인했습니다",
    filled: /시트의 셀 \d+개를 채웠습니다/,
    fileLabel: "채울 자료 파일",
    format: "형식",
  },
  en: {
    tab: "Templates",
    list: "Templates",
    insertNew: "Insert as new sheet",
    insertHere: "Insert at selected cell",
    year: "Year",
    withAmounts: "Put the template's amounts in as defaults",
    inserted: /^Inserted /,
    notInserted: "The template was not inserted",
    url: "Catalog address (https)",
    load: "Load",
    pasteLabel: "Funding table",
    sourceFile: "File",
    sourceSheet: "Last year's sheet",
    lastSheet: "Last year's sheet",
    preview: "Preview",
    write: "Write to sheet",
    confirm: "I confirm overwriting these cells",
    filled: /^Filled \d+ cell\(s\) on sheet/,
    fileLabel: "File to fill from",
    format: "Format",
  },
} as const;

interface SeedTable {
  unit?: string;
  header?: number;
  table: string[][];
}
interface SeedSheet {
  name: string;
  program?: string;
  blocks: ({ text: string } | SeedTable)[];
}
interface Seed {
  workbooks: { file: string; title: string; sheets: SeedSheet[] }[];
}

export const SEED = JSON.parse(readFileSync(path.join(__dirname, "../../samples/seed-plan.json"), "utf8")) as Seed;

/** The funding table (재원별 × years) printed on a seed sheet, as printed. */
export function seedFunding(sheetPrefix: string): SeedTable {
  const sheet = SEED.workbooks[0].sheets.find((s) => s.name.startsWith(sheetPrefix));
  const table = sheet?.blocks.find((b): b is SeedTable => "table" in b && b.table[0]?.[0] === "재원별");
  if (table === undefined) throw new Error(`no funding table on seed sheet ${sheetPrefix}`);
  return table;
}

/** "114,600" → 114600 (the seeds print whole 천원 amounts with grouping commas). */
export const amount = (printed: string): number => Number(printed.replace(/,/g, ""));

/** The pane over a fresh copy of the sample, on the 템플릿 tab with its catalog loaded. */
export async function openTemplates(lang: Lang, prepare?: (model: FakeWorkbookModel) => void): Promise<Rendered> {
  const r = await renderApp(lang);
  // The catalog is read when the tab opens: settings put in here are what it finds.
  prepare?.(r.model);
  await r.user.click(screen.getByRole("tab", { name: WORDS[lang].tab }));
  await screen.findByTestId("catalog-source", undefined, { timeout: 10_000 });
  return r;
}

export function templateList(lang: Lang): HTMLElement {
  return screen.getByRole("radiogroup", { name: WORDS[lang].list });
}

export async function pickTemplate(r: Rendered, lang: Lang, program: RegExp): Promise<void> {
  await r.user.click(within(templateList(lang)).getByRole("radio", { name: program }));
}

export async function setYear(r: Rendered, lang: Lang, year: string): Promise<void> {
  const input = screen.getByRole("textbox", { name: WORDS[lang].year });
  await r.user.clear(input);
  await r.user.type(input, year);
}

/** Clicks an insert button and waits for the outcome's message bar (success or refusal). */
export async function insert(r: Rendered, lang: Lang, where: "new" | "here"): Promise<HTMLElement> {
  await r.user.click(screen.getByRole("button", { name: where === "new" ? WORDS[lang].insertNew : WORDS[lang].insertHere }));
  return waitFor(
    () => {
      const bars = [...document.querySelectorAll<HTMLElement>(".fui-MessageBar")];
      const bar = bars.find((b) => WORDS[lang].inserted.test(b.textContent ?? "") || (b.textContent ?? "").includes(WORDS[lang].notInserted));
      if (bar === undefined) throw new Error("no insert outcome yet");
      return bar;
    },
    { timeout: 10_000 },
  );
}

export function cellsOf(model: FakeWorkbookModel, sheet: string): { r: number; c: number; cell: FakeCell }[] {
  const s = model.sheet(sheet);
  if (s === undefined) throw new Error(`no sheet ${sheet}`);
  return [...s.cells].map(([key, cell]) => ({ r: rowOfKey(key), c: columnOfKey(key), cell })).sort((a, b) => a.r - b.r || a.c - b.c);
}

/** Where the first cell showing `value` is. */
export function find(model: FakeWorkbookModel, sheet: string, value: string | number): { r: number; c: number } {
  const hit = cellsOf(model, sheet).find((x) => x.cell.value === value);
  if (hit === undefined) throw new Error(`no cell ${String(value)} on ${sheet}`);
  return { r: hit.r, c: hit.c };
}

/**
 * Where the input cell of the sheet's funding table is (found by its 재원별 header, as the seeds print it): the
 * row labelled `source` below it, the column headed `${year}년` in its second header row.
 */
export function fundingAt(model: FakeWorkbookModel, sheet: string, source: string, year: number): { r: number; c: number } {
  const head = find(model, sheet, "재원별");
  const cells = cellsOf(model, sheet);
  const c = cells.find((x) => x.r === head.r + 1 && x.cell.value === `${year}년`)?.c;
  const r = cells.find((x) => x.r > head.r && x.c === head.c && x.cell.value === source)?.r;
  if (c === undefined || r === undefined) throw new Error(`no ${source} × ${year} in the funding table of ${sheet}`);
  return { r, c };
}

export function fundingCell(model: FakeWorkbookModel, sheet: string, source: string, year: number): FakeCell | undefined {
  const { r, c } = fundingAt(model, sheet, source, year);
  return model.sheet(sheet)?.cell(r, c);
}

export function engineOn(model: FakeWorkbookModel, sheet: string): CheckResult {
  const grid = model.toGrid().sheets.find((s) => s.name === sheet);
  if (grid === undefined) throw new Error(`no sheet ${sheet}`);
  return runEngine({ sheets: [grid] });
}

export async function barWith(text: string | RegExp): Promise<HTMLElement> {
  const found = await screen.findByText(text, undefined, { timeout: 10_000 });
  const bar = found.closest<HTMLElement>(".fui-MessageBar");
  if (bar === null) throw new Error(`"${String(text)}" is not inside a MessageBar`);
  return bar;
}
