/** @jest-environment jsdom */
// 부족재원 tab over the real adapter and the in-memory sample workbook.
import "./setup";
import type { Lang } from "../../src/core/findings/findings";
import { checkWorkbook, findingButton, messageBarWith, panel, renderApp, screen, waitFor, within } from "./harness";

jest.setTimeout(30_000);

describe.each<[Lang, { tab: string; runFirst: RegExp; amount: string; total: string; chart: string; done: string }]>([
  ["ko", { tab: "부족재원", runFirst: /먼저 검증 탭에서 통합문서 검사를 실행하세요/, amount: "6,468 백만원 (22%)", total: "6,468 백만원", chart: "차트 삽입", done: "부족재원 차트를 삽입했습니다." }],
  ["en", { tab: "Shortfalls", runFirst: /Run the check on the Check tab first/, amount: "6,468 million won (22%)", total: "6,468 million won", chart: "Insert chart", done: "Inserted the shortfall chart." }],
])("the shortfall tab in %s", (lang, text) => {
  test("asks for a check first, then lists 02 전통시장 시설현대화: 6,468 백만원 (22%), its total, and inserts the chart", async () => {
    const r = await renderApp(lang);
    await r.user.click(screen.getByRole("tab", { name: text.tab }));
    expect(within(panel(text.tab)).getByText(text.runFirst)).toBeVisible();

    await r.user.click(screen.getByRole("tab", { name: lang === "ko" ? "검증" : "Check" }));
    await checkWorkbook(r, lang);
    await r.user.click(screen.getByRole("tab", { name: text.tab }));
    const pane = panel(text.tab);
    const row = findingButton(pane, "02 전통시장 시설현대화", "D40");
    expect(row).toBeVisible();
    expect(within(row).getByText("02 전통시장 시설현대화")).toBeInTheDocument();
    expect(within(row).getByText(text.amount)).toBeInTheDocument();
    expect(pane.querySelectorAll("button[data-target]")).toHaveLength(1);
    const totals = within(pane).getByRole("group");
    expect(within(totals).getByText(text.total)).toBeInTheDocument();

    // A row takes the user to the gap cell.
    await r.user.click(row);
    await waitFor(() => expect(r.model.selection).toEqual({ sheet: "02 전통시장 시설현대화", address: "D40" }));

    await r.user.click(within(pane).getByRole("button", { name: text.chart }));
    await messageBarWith(text.done);
    const sheet = r.model.sheet("부족재원");
    expect(sheet?.charts).toHaveLength(1);
    const grid = r.model.toGrid().sheets.find((s) => s.name === "부족재원");
    expect(grid?.cells[1]?.[0]?.v).toBe("02 전통시장 시설현대화");
    expect(grid?.cells[1]?.[1]?.v).toBe(6468);
  });
});
