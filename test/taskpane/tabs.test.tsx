/** @jest-environment jsdom */
// The four tabs: reachable by keyboard, each showing its own content.
import "./setup";
import { within } from "@testing-library/react";
import type { Lang } from "../../src/core/findings/findings";
import { panel, renderApp, screen } from "./harness";

describe.each<[Lang, string[], string, string]>([
  // The template list names the seeds' programs; the scenario tab asks for the issuance first.
  ["ko", ["검증", "부족재원", "템플릿", "시나리오"], "전통시장 및 상점가 경영 현대화 사업", "발행액"],
  ["en", ["Check", "Shortfalls", "Templates", "Scenarios"], "전통시장 및 상점가 경영 현대화 사업", "Issuance"],
])("tabs in %s", (lang, names, program, issuance) => {
  test("four tabs, reachable by arrow keys; each tab shows its own content only", async () => {
    const r = await renderApp(lang);
    expect(screen.getAllByRole("tab")).toEqual(names.map((name) => screen.getByRole("tab", { name })));
    expect(screen.getByRole("tab", { name: names[0] })).toHaveAttribute("aria-selected", "true");
    expect(panel(names[0])).toBeVisible();

    await r.user.click(screen.getByRole("tab", { name: names[2] }));
    expect(panel(names[2])).toBeVisible();
    expect(await within(panel(names[2])).findAllByText(program, { exact: false })).not.toHaveLength(0);
    expect(panel(names[0])).not.toBeVisible();

    // Arrow keys move between tabs (Fluent's TabList), Enter selects.
    await r.user.keyboard("{ArrowRight}");
    expect(screen.getByRole("tab", { name: names[3] })).toHaveFocus();
    await r.user.keyboard("{Enter}");
    expect(panel(names[3])).toBeVisible();
    expect(within(panel(names[3])).getByRole("textbox", { name: issuance })).toHaveValue("300억");
    expect(panel(names[2])).not.toBeVisible();
  });
});
