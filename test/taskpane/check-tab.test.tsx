/** @jest-environment jsdom */
// 검증 tab over the real adapter and the in-memory sample workbook: the six mistakes printed in the seed documents,
// jumping to a cell, marks on the sheet and their removal, the report sheet, and Excel's errors shown, not swallowed.
import "./setup";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { checkWorkbook as runEngine } from "../../src/core/check-workbook";
import type { Lang } from "../../src/core/findings/findings";
import { FakeWorkbookModel } from "../../src/preview/fake-excel/model";
import { App } from "../../src/taskpane/App";
import type { WorkbookPort } from "../../src/excel/port";
import {
  checkWorkbook,
  fillOf,
  fills,
  findingButton,
  messageBarWith,
  panel,
  portOver,
  renderApp,
  sampleGrid,
  screen,
  waitFor,
  within,
} from "./harness";

jest.setTimeout(30_000);

/** The printed mistakes of the seeds: sheet, cell, and the values the pane must show. */
const PRINTED: { sheet: string; cell: string; values: { ko: string; en: string }; rule: { ko: string; en: string } }[] = [
  { sheet: "01 전통시장 경영현대화", cell: "D98", values: { ko: "실제값 24,00 천원", en: "actual 24,00 thousand won" }, rule: { ko: "잘못된 숫자", en: "Malformed number" } },
  {
    sheet: "06 국내·외 교류",
    cell: "B107",
    values: { ko: "기대값 509,400 / 실제값 527,900 천원", en: "expected 509,400 / actual 527,900 thousand won" },
    rule: { ko: "합계 불일치", en: "Total mismatch" },
  },
  {
    sheet: "08 기업지원시설 운영",
    cell: "B73",
    values: { ko: "기대값 1,456,436 / 실제값 1,556,436 천원", en: "expected 1,456,436 / actual 1,556,436 thousand won" },
    rule: { ko: "합계 불일치", en: "Total mismatch" },
  },
  {
    sheet: "08 기업지원시설 운영",
    cell: "B74",
    values: { ko: "기대값 1,301,360 / 실제값 1,352,432 천원", en: "expected 1,301,360 / actual 1,352,432 thousand won" },
    rule: { ko: "합계 불일치", en: "Total mismatch" },
  },
  {
    sheet: "09 중소기업 육성",
    cell: "B113",
    values: { ko: "기대값 1,178,040 / 실제값 1,279,440 천원", en: "expected 1,178,040 / actual 1,279,440 thousand won" },
    rule: { ko: "합계 불일치", en: "Total mismatch" },
  },
  {
    sheet: "11 동물복지사업",
    cell: "B94",
    values: { ko: "기대값 118,600 / 실제값 28,000 천원", en: "expected 118,600 / actual 28,000 thousand won" },
    rule: { ko: "합계 불일치", en: "Total mismatch" },
  },
];

describe.each<[Lang, { tab: string; summary: string; tables: RegExp; error: string; message06: string }]>([
  [
    "ko",
    {
      tab: "검증",
      summary: "오류 6 · 경고 1 · 정보 0",
      tables: /^표 27개 검사 · \d+\.\d초$/,
      error: "오류",
      message06: "B107의 합계(527,900천원)가 구성 항목의 합(509,400천원)과 다릅니다. 차이: 18,500천원",
    },
  ],
  [
    "en",
    {
      tab: "Check",
      summary: "Errors 6 · Warnings 1 · Info 0",
      tables: /^Tables checked: 27 · \d+\.\d s$/,
      error: "Error",
      message06: "The total in B107, 527,900 thousand won, differs from the sum of its parts, 509,400 thousand won (off by 18,500 thousand won).",
    },
  ],
])("the check in %s", (lang, text) => {
  test("shows the six printed mistakes with their values, rule, severity and message, and the summary", async () => {
    const r = await renderApp(lang);
    const summary = await checkWorkbook(r, lang);
    expect(within(summary).getByText(text.summary)).toBeInTheDocument();
    expect(within(summary).getByText(text.tables)).toBeInTheDocument();

    const pane = panel(text.tab);
    const errorButtons = [...pane.querySelectorAll<HTMLElement>("button[data-target]")].filter((b) => within(b).queryByText(text.error) !== null);
    expect(errorButtons.map((b) => b.dataset.target)).toEqual(PRINTED.map((p) => `${p.sheet}!${p.cell}`));
    for (const p of PRINTED) {
      const button = findingButton(pane, p.sheet, p.cell);
      expect(within(button).getByText(p.values[lang])).toBeInTheDocument();
      expect(within(button).getByText(p.rule[lang])).toBeInTheDocument();
      expect(within(button).getByText(p.cell)).toBeInTheDocument();
    }
    expect(within(findingButton(pane, "06 국내·외 교류", "B107")).getByText(text.message06)).toBeInTheDocument();

    // Grouped by sheet (a heading per sheet) then by table (a heading per table range).
    const sheet06 = screen.getByRole("heading", { name: /06 국내·외 교류/ });
    expect(sheet06.tagName).toBe("H3");
    expect(screen.getByRole("heading", { name: lang === "ko" ? "표 A105:G108 · 재원별 소요예산 · 천원" : "Table A105:G108 · funding · thousand won" })).toBeInTheDocument();
  });
});

test("clicking a finding selects its cell in the workbook", async () => {
  const r = await renderApp("ko");
  await checkWorkbook(r, "ko");
  await r.user.click(findingButton(panel("검증"), "06 국내·외 교류", "B107"));
  await waitFor(() => expect(r.model.selection).toEqual({ sheet: "06 국내·외 교류", address: "B107" }));
  expect(r.model.activeSheet).toBe("06 국내·외 교류");
  expect(findingButton(panel("검증"), "06 국내·외 교류", "B107")).toHaveAttribute("aria-current", "true");

  await r.user.click(findingButton(panel("검증"), "11 동물복지사업", "B94"));
  await waitFor(() => expect(r.model.selection).toEqual({ sheet: "11 동물복지사업", address: "B94" }));
});

test("findings are reached with Tab and opened with Enter or Space", async () => {
  const r = await renderApp("en");
  await checkWorkbook(r, "en");
  const pane = panel("Check");
  const target = findingButton(pane, "08 기업지원시설 운영", "B74");
  // From the last action button, Tab walks through sheet headers and findings in reading order.
  screen.getByRole("button", { name: "Write report sheet" }).focus();
  for (let i = 0; i < 40 && document.activeElement !== target; i++) await r.user.tab();
  expect(target).toHaveFocus();
  await r.user.keyboard("{Enter}");
  await waitFor(() => expect(r.model.selection).toEqual({ sheet: "08 기업지원시설 운영", address: "B74" }));
  expect(target).toHaveFocus();

  await r.user.tab({ shift: true });
  expect(findingButton(pane, "08 기업지원시설 운영", "B73")).toHaveFocus();
  await r.user.keyboard(" ");
  await waitFor(() => expect(r.model.selection).toEqual({ sheet: "08 기업지원시설 운영", address: "B73" }));
});

test("시트에 표시 colours the blamed cells and 표시 지우기 restores every fill", async () => {
  const r = await renderApp("ko");
  await checkWorkbook(r, "ko");
  const before = fills(r.model);
  expect(fillOf(r.model, "06 국내·외 교류", 106, 1)).toBeUndefined();

  await r.user.click(screen.getByRole("button", { name: "시트에 표시" }));
  // Six errors and the shortfall: seven distinct cells.
  await messageBarWith("셀 7개를 표시했습니다.");
  expect(fills(r.model)).not.toEqual(before);
  for (const [sheet, row, col] of [
    ["06 국내·외 교류", 106, 1],
    ["01 전통시장 경영현대화", 97, 3],
    ["11 동물복지사업", 93, 1],
    ["02 전통시장 시설현대화", 39, 3],
  ] as const) {
    expect(fillOf(r.model, sheet, row, col)).toMatch(/^#[0-9A-F]{6}$/);
  }
  expect(r.model.comments.size).toBe(7);

  await r.user.click(screen.getByRole("button", { name: "표시 지우기" }));
  await messageBarWith("표시 7개를 지웠습니다.");
  expect(fills(r.model)).toEqual(before);
  expect(r.model.comments.size).toBe(0);
});

test("결과 시트 작성 writes the 검증결과 sheet with one row per finding", async () => {
  const r = await renderApp("ko");
  await checkWorkbook(r, "ko");
  await r.user.click(screen.getByRole("button", { name: "결과 시트 작성" }));
  await messageBarWith("검증결과 시트를 작성했습니다.");
  const report = r.model.toGrid().sheets.find((s) => s.name === "검증결과");
  expect(report?.cells.filter((row) => row !== undefined)).toHaveLength(8);
  const today = /^\d{4}-\d{2}-\d{2}$/;
  expect(String(report?.cells[1]?.[9]?.v)).toMatch(today);
});

test("Excel in cell-edit mode: the check's error shows in a MessageBar, in the pane's language", async () => {
  const r = await renderApp("ko");
  r.model.cellEditMode = true;
  await r.user.click(screen.getByRole("button", { name: "통합문서 검사" }));
  const bar = await messageBarWith(/셀을 편집하는 중이라 Excel이 요청을 받지 않습니다/);
  expect(within(bar).getByText("통합문서를 읽지 못했습니다")).toBeInTheDocument();
  expect(screen.queryByTestId("check-summary")).toBeNull();
  // The pane is usable again: leave edit mode and check.
  r.model.cellEditMode = false;
  await checkWorkbook(r, "ko");
  expect(screen.queryByText(/셀을 편집하는 중/)).toBeNull();
});

test("a protected sheet refuses the marks: the error shows and no fill changes", async () => {
  const r = await renderApp("en");
  await checkWorkbook(r, "en");
  const sheet = r.model.sheet("06 국내·외 교류");
  if (sheet === undefined) throw new Error("sample sheet missing");
  sheet.protected = true;
  const before = fills(r.model);
  await r.user.click(screen.getByRole("button", { name: "Mark on sheet" }));
  const bar = await messageBarWith(/The sheet is protected, so it cannot be changed/);
  expect(within(bar).getByText("Could not mark the sheet")).toBeInTheDocument();
  expect(fills(r.model)).toEqual(before);
  await r.user.click(within(bar).getByRole("button", { name: "Dismiss" }));
  expect(screen.queryByText(/The sheet is protected/)).toBeNull();
});

test("buttons are disabled and a progress bar shows while the workbook is read and checked", async () => {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const r = await renderApp("ko", (real): WorkbookPort => ({
    ...real,
    readWorkbook: async (options) => {
      await gate;
      return real.readWorkbook(options);
    },
  }));
  await r.user.click(screen.getByRole("button", { name: "통합문서 검사" }));
  expect(await screen.findByRole("progressbar")).toBeInTheDocument();
  expect(screen.getByText("통합문서를 읽는 중…")).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "통합문서 검사" })).toHaveAttribute("aria-disabled", "true");
  expect(screen.getByRole("button", { name: "선택 영역 검사" })).toHaveAttribute("aria-disabled", "true");
  // A second click while busy starts nothing.
  await r.user.click(screen.getByRole("button", { name: "선택 영역 검사" }));
  // The check goes on while another tab is shown, and its progress is still there on coming back.
  await r.user.click(screen.getByRole("tab", { name: "부족재원" }));
  expect(screen.queryByRole("progressbar")).toBeNull();
  await r.user.click(screen.getByRole("tab", { name: "검증" }));
  expect(screen.getByRole("progressbar")).toBeInTheDocument();
  release();
  const summary = await screen.findByTestId("check-summary", undefined, { timeout: 10_000 });
  expect(within(summary).getByText("통합문서 전체")).toBeInTheDocument();
  expect(screen.queryByRole("progressbar")).toBeNull();
  expect(screen.getByRole("button", { name: "통합문서 검사" })).not.toHaveAttribute("aria-disabled");
});

test("선택 영역 검사 checks only the selected range", async () => {
  const r = await renderApp("ko");
  r.model.activeSheet = "06 국내·외 교류";
  r.model.selection = { sheet: "06 국내·외 교류", address: "A100:G110" };
  await r.user.click(screen.getByRole("button", { name: "선택 영역 검사" }));
  const summary = await screen.findByTestId("check-summary", undefined, { timeout: 10_000 });
  expect(within(summary).getByText("선택 영역")).toBeInTheDocument();
  expect(within(summary).getByText("오류 1 · 경고 0 · 정보 0")).toBeInTheDocument();
  const targets = [...panel("검증").querySelectorAll<HTMLElement>("button[data-target]")].map((b) => b.dataset.target);
  expect(targets).toEqual(["06 국내·외 교류!B107"]);
});

test("표시 지우기 works before any check: marks saved in the workbook by an earlier session", async () => {
  const model = FakeWorkbookModel.fromGrid(await sampleGrid());
  const before = fills(model);
  // An earlier session marked the workbook; this pane is new (a reopened file).
  await portOver(model).markFindings(runEngine(await sampleGrid()).findings, "ko");
  expect(fills(model)).not.toEqual(before);
  const user = userEvent.setup();
  render(<App port={portOver(model)} lang="ko" />);
  expect(screen.getByRole("button", { name: "시트에 표시" })).toBeDisabled();
  expect(screen.getByRole("button", { name: "결과 시트 작성" })).toBeDisabled();
  await user.click(screen.getByRole("button", { name: "표시 지우기" }));
  await messageBarWith("표시 7개를 지웠습니다.");
  expect(fills(model)).toEqual(before);
});
