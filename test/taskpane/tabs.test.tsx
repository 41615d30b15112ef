/** @jest-environment jsdom */
// The four tabs: reachable by keyboard, and the two that come later say so plainly.
import "./setup";
import type { Lang } from "../../src/core/findings";
import { panel, renderApp, screen } from "./harness";

describe.each<[Lang, string[], string, string]>([
  ["ko", ["검증", "부족재원", "템플릿", "시나리오"], "템플릿 기능은 다음 버전에서 제공됩니다.", "시나리오 기능은 다음 버전에서 제공됩니다."],
  ["en", ["Check", "Shortfalls", "Templates", "Scenarios"], "Templates come in the next version.", "Scenarios come in the next version."],
])("tabs in %s", (lang, names, templates, scenarios) => {
  test("four tabs; templates and scenarios say they come in a later version", async () => {
    const r = await renderApp(lang);
    expect(screen.getAllByRole("tab")).toEqual(names.map((name) => screen.getByRole("tab", { name })));
    expect(screen.getByRole("tab", { name: names[0] })).toHaveAttribute("aria-selected", "true");
    expect(panel(names[0])).toBeVisible();

    await r.user.click(screen.getByRole("tab", { name: names[2] }));
    expect(panel(names[2])).toHaveTextContent(templates);
    expect(panel(names[2])).toBeVisible();
    expect(panel(names[0])).not.toBeVisible();

    // Arrow keys move between tabs (Fluent's TabList), Enter selects.
    await r.user.keyboard("{ArrowRight}");
    expect(screen.getByRole("tab", { name: names[3] })).toHaveFocus();
    await r.user.keyboard("{Enter}");
    expect(panel(names[3])).toHaveTextContent(scenarios);
    expect(panel(names[3])).toBeVisible();
  });
});
