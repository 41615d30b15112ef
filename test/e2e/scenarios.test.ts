// End to end: the 시나리오 tab in the built preview (dist/) in Debian's Chromium. The seed's own case (300억 at 7%
// and at 10%), the comparison with the sample workbook's 구비 budget, a refused input, and the 시나리오 sheet written
// into the in-memory workbook and shown in the grid. Screenshots go to test-artifacts/ to be looked at.
import path from "node:path";
import type { Page } from "playwright-core";
import { ARTIFACTS, usePreview } from "../support/preview-e2e";

const open = usePreview();

async function openScenarios(errors: string[]): Promise<Page> {
  const page = await open({ errors, height: 1400 });
  await page.getByRole("tab", { name: "시나리오" }).click();
  return page;
}

/** The split table's rows as [source, amount, share] texts. */
async function split(page: Page): Promise<string[][]> {
  return page.getByTestId("scenario-split").locator("tbody tr").evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => (td.textContent ?? "").trim())));
}

test("시나리오: the seed's 7% and 10% cases, the workbook's 구비 budget, a refused input, and the sheet written", async () => {
  const errors: string[] = [];
  const page = await openScenarios(errors);
  const pane = page.getByRole("complementary", { name: "작업 창" });

  // The seed plan: 300억 at 7% with the city's 5 points costs the district its mandatory 2%, 6억.
  await expect(pane.getByRole("textbox", { name: "발행액", exact: true }).inputValue()).resolves.toBe("300억");
  await pane.getByRole("textbox", { name: "할인율", exact: true }).fill("7%");
  await expect(split(page)).resolves.toEqual(expect.arrayContaining([["구비", "6", "2%"], ["시비", "15", "5%"]]));
  // At 10% the district pays 5 points: 15억, as the seed says. Results follow the typing, no button.
  await pane.getByRole("textbox", { name: "할인율", exact: true }).fill("10%");
  await expect(split(page)).resolves.toEqual(expect.arrayContaining([["구비", "15", "5%"]]));

  // The sample's 04 G밸리사랑상품권 budgets 1,505,000천원 of 구비 for 2021 (D73): 15.05억, 0.05억 to spare at 10%.
  await pane.getByRole("button", { name: "재원별 표 읽기" }).click();
  const budget = pane.getByTestId("scenario-budget");
  await budget.getByText("D73", { exact: false }).waitFor({ timeout: 20000 });
  await expect(budget.textContent()).resolves.toMatch(/15\.05.*여유 0\.05/s);

  // A minimum above the discount is refused next to its field, and nothing can be written.
  await pane.getByRole("textbox", { name: "할인율", exact: true }).fill("1%");
  await pane.getByText("구비 의무 보전율(2%)이 할인율(1%)보다 큽니다", { exact: false }).first().waitFor({ timeout: 5000 });
  await pane.getByRole("button", { name: "시트에 쓰기" }).click();
  await pane.getByText("잘못된 입력이 있어 아무것도 쓰지 않았습니다", { exact: false }).waitFor({ timeout: 5000 });
  await expect(page.locator('[role="tab"][data-sheet="시나리오"]').count()).resolves.toBe(0);

  // Fixed, written: the 시나리오 sheet appears in the grid with the inputs and the formulas' cells.
  await pane.getByRole("textbox", { name: "할인율", exact: true }).fill("10%");
  await pane.getByRole("button", { name: "시트에 쓰기" }).click();
  await pane.getByText("시나리오 시트에 썼습니다", { exact: false }).waitFor({ timeout: 10000 });
  await page.locator('[role="tab"][data-sheet="시나리오"][aria-selected="true"]').waitFor({ timeout: 10000 });
  // The grid shows the sheet's formats: rates as percentages, years without a thousands separator.
  const grid = page.locator('table[data-sheet="시나리오"]');
  await expect(grid.getByText("10.00%", { exact: true }).count()).resolves.toBeGreaterThan(0);
  await expect(grid.getByText("2020", { exact: true }).count()).resolves.toBeGreaterThan(0);
  await expect(grid.getByText("2,020", { exact: true }).count()).resolves.toBe(0);
  await pane.screenshot({ path: path.join(ARTIFACTS, "preview-scenario.png") });
  await page.screenshot({ path: path.join(ARTIFACTS, "preview-scenario-sheet.png") });
  expect(errors).toEqual([]);
  await page.close();
}, 90000);
