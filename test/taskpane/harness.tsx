// The task pane over the REAL adapter and the REAL in-memory workbook built from the sample file: what the tests
// see is what the add-in does to a document, not what a stub returns.
import path from "node:path";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readWorkbookGrid } from "../../src/cli/read-xlsx";
import type { WorkbookGrid } from "../../src/core/cells/grid";
import type { Lang } from "../../src/core/findings/findings";
import { createExcelPort } from "../../src/excel/adapter";
import type { WorkbookPort } from "../../src/excel/port";
import { createFakeExcel } from "../../src/preview/fake-excel/excel";
import { FakeWorkbookModel } from "../../src/preview/fake-excel/model";
import { App } from "../../src/taskpane/App";

export const SAMPLE = path.join(__dirname, "../../samples/2021-경제환경국-지역경제과.xlsx");

let cached: WorkbookGrid | undefined;

/** The sample workbook as the command line reads it (read once per test file; FakeWorkbookModel.fromGrid copies it). */
export async function sampleGrid(): Promise<WorkbookGrid> {
  cached ??= await readWorkbookGrid(SAMPLE);
  return cached;
}

export function portOver(model: FakeWorkbookModel): WorkbookPort {
  return createExcelPort(createFakeExcel(model).Excel as unknown as typeof Excel);
}

export interface Rendered {
  model: FakeWorkbookModel;
  port: WorkbookPort;
  user: ReturnType<typeof userEvent.setup>;
}

/** Renders <App> over a fresh in-memory copy of the sample; `wrap` may put something between the App and the port. */
export async function renderApp(lang: Lang, wrap?: (port: WorkbookPort) => WorkbookPort): Promise<Rendered> {
  const model = FakeWorkbookModel.fromGrid(await sampleGrid());
  const real = portOver(model);
  const port = wrap === undefined ? real : wrap(real);
  const user = userEvent.setup();
  render(<App port={port} lang={lang} />);
  return { model, port, user };
}

/** Clicks 통합문서 검사 / Check workbook and waits for the summary. */
export async function checkWorkbook(r: Rendered, lang: Lang): Promise<HTMLElement> {
  await r.user.click(screen.getByRole("button", { name: lang === "ko" ? "통합문서 검사" : "Check workbook" }));
  return screen.findByTestId("check-summary", undefined, { timeout: 10_000 });
}

/**
 * The panel of the tab named `name`, shown or hidden (panels stay mounted; callers check visibility). Found through
 * the tab's aria-controls: a hidden panel has no accessible name to query by.
 */
export function panel(name: string): HTMLElement {
  const id = screen.getByRole("tab", { name }).getAttribute("aria-controls");
  const el = id === null ? null : document.getElementById(id);
  if (el === null || el.getAttribute("role") !== "tabpanel") throw new Error(`no panel for tab ${name}`);
  return el;
}

/** The button for the finding (or shortfall row) on `sheet` at `cell`, inside `container`. */
export function findingButton(container: HTMLElement, sheet: string, cell: string): HTMLElement {
  const el = container.querySelector<HTMLElement>(`button[data-target="${CSS.escape(`${sheet}!${cell}`)}"]`);
  if (el === null) throw new Error(`no finding button for ${sheet}!${cell}`);
  return el;
}

/** Every cell's fill in the model, for exact before/after comparisons. */
export function fills(model: FakeWorkbookModel): string {
  return JSON.stringify(model.sheets.map((s) => [s.name, [...s.cells.entries()].map(([k, c]) => [k, c.fill ?? null])]));
}

export function fillOf(model: FakeWorkbookModel, sheet: string, row: number, col: number): string | undefined {
  return model.sheet(sheet)?.cell(row, col)?.fill?.color;
}

export async function messageBarWith(text: string | RegExp): Promise<HTMLElement> {
  const found = await screen.findByText(text, undefined, { timeout: 5_000 });
  const bar = found.closest<HTMLElement>(".fui-MessageBar");
  if (bar === null) throw new Error(`"${String(text)}" is not inside a MessageBar`);
  return bar;
}

export { screen, waitFor, within };
