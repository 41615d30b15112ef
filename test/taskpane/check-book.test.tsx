/** @jest-environment jsdom */
// 검증 tab on a budget book (세출예산서) in the in-memory Excel, through the real adapter: the book's coverage in the
// summary, and its findings grouped by 세부사업 with the path, in both languages.
import "./setup";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Lang } from "../../src/core/findings/findings";
import { FakeWorkbookModel } from "../../src/preview/fake-excel/model";
import { App } from "../../src/taskpane/App";
import { buildBook, sampleDepartment } from "../../bench/budget-book";
import { checkWorkbook, findingButton, portOver, screen, within } from "./harness";

jest.setTimeout(30_000);

test.each<[Lang, RegExp, string]>([
  ["ko", /세출예산서 쪽 \d+개, 세부사업 2개 — 상하위 합계·재원·산출기초·비교증감 \d+곳 검사/, "세부사업 가정행복과 › 노인 복지 증진(사회복지/노인) › 노인활동지원 › 노인 일자리 지원"],
  ["en", /Budget book: \d+ pages, 2 programs; \d+ level totals, funding sources, bases and changes checked/, "Program 가정행복과 › 노인 복지 증진(사회복지/노인) › 노인활동지원 › 노인 일자리 지원"],
])("a budget book in %s: coverage in the summary, the wrong 예산액 under its 세부사업", async (lang, coverage, heading) => {
  const book = buildBook(sampleDepartment(), { rowsPerPage: 17 });
  const row = book.rows.find((r) => r.source === undefined && r.line.spec.label === "◎노인일자리 고용장려금 지원");
  if (row === undefined) throw new Error("row");
  const sheet = book.sheets.find((s) => s.name === row.sheet);
  const cells = sheet?.cells[row.r];
  if (cells === undefined) throw new Error("cells");
  cells[8] = { v: 15_630 };
  const model = FakeWorkbookModel.fromGrid({ sheets: book.sheets });
  const user = userEvent.setup();
  render(<App port={portOver(model)} lang={lang} />);
  const summary = await checkWorkbook({ model, port: portOver(model), user }, lang);
  expect(within(summary).getByTestId("check-book").textContent).toMatch(coverage);
  expect(screen.getByRole("heading", { level: 4, name: heading })).toBeTruthy();
  const button = findingButton(document.body, row.sheet, `I${row.r + 1}`);
  expect(button.textContent).toContain("15,530");
  expect(button.textContent).toContain("15,630");
});
