// End to end: the 템플릿 tab in the built preview (dist/, built by `npm test` before jest, or
// `npx webpack --config-name addin --mode production`) in Debian's Chromium, driven by playwright-core. The real
// pane runs the real adapter over the in-memory sample workbook. Screenshots go to test-artifacts/ to be looked at.
import path from "node:path";
import type { Page } from "playwright-core";
import { ARTIFACTS, usePreview } from "../support/preview-e2e";

const openPreview = usePreview();

const SHEET = "2021 국내·외 교류";

/** Elements of the pane that reach past its right edge (the pane must read at ~320 px without scrolling sideways). */
function overflowing(page: Page): Promise<string[]> {
  return page.locator("aside").evaluate((el) => {
    const right = el.getBoundingClientRect().right;
    return [...el.querySelectorAll<HTMLElement>("*")].filter((x) => x.getBoundingClientRect().right > right + 1).map((x) => x.outerHTML.slice(0, 100));
  });
}

/** The preview with the 06 program's template inserted as a new sheet, its amount cells left empty (to fill). */
async function withEmptyTemplateSheet(errors: string[]) {
  const page = await openPreview({ errors });
  const pane = page.getByRole("complementary", { name: "작업 창" });
  await page.getByRole("tab", { name: "템플릿" }).click();
  await pane.getByRole("radio", { name: /^국내·외 교류 활성화/ }).check();
  await pane.getByRole("checkbox", { name: "템플릿의 금액을 기본값으로 넣기" }).uncheck();
  await pane.getByRole("button", { name: "새 시트에 삽입" }).click();
  await pane.getByText("을 삽입했습니다", { exact: false }).waitFor({ timeout: 10000 });
  return { page, pane };
}

test("템플릿: insert a template as a new sheet, see it in the grid, and the check finds nothing on it", async () => {
  const errors: string[] = [];
  const page = await openPreview({ errors });
  const pane = page.getByRole("complementary", { name: "작업 창" });

  await page.getByRole("tab", { name: "템플릿" }).click();
  await pane.getByText("내장 카탈로그 1.0.0 · 템플릿 16개").waitFor({ timeout: 10000 });
  await pane.getByRole("radio", { name: /^국내·외 교류 활성화/ }).check();
  await pane.getByRole("button", { name: "새 시트에 삽입" }).click();
  await pane.getByText(`'${SHEET}' 시트에 domestic-international-exchange@1.0.0 (2021년)을 삽입했습니다`, { exact: false }).waitFor({ timeout: 10000 });

  // The grid shows the new sheet, selected, with the program's title in A1 and the seed's 2021 amount.
  await page.locator(`[role="tab"][data-sheet="${SHEET}"][aria-selected="true"]`).waitFor({ timeout: 10000 });
  const grid = page.locator(`table[data-sheet="${SHEET}"]`);
  await expect(grid.locator('[data-cell="A1"]').textContent()).resolves.toContain("국내·외 교류 활성화");
  await expect(grid.getByText("114,600", { exact: true }).count()).resolves.toBeGreaterThan(0);

  await expect(overflowing(page)).resolves.toEqual([]);
  await pane.screenshot({ path: path.join(ARTIFACTS, "preview-template.png") });

  // 검증: the sample's own printed mistakes and shortfall, nothing on the inserted sheet.
  await page.getByRole("tab", { name: "검증" }).click();
  await pane.getByRole("button", { name: "통합문서 검사" }).click();
  await pane.getByText("오류 6 · 경고 1 · 정보 0").waitFor({ timeout: 20000 });
  await expect(pane.locator(`[data-target^="${SHEET}!"]`).count()).resolves.toBe(0);
  expect(errors).toEqual([]);
  await page.close();
}, 90000);

test("템플릿: the budget book's page for a new 세부사업 on its own sheet, calculated in the grid, read by the check as a book", async () => {
  const errors: string[] = [];
  const page = await openPreview({ errors });
  const pane = page.getByRole("complementary", { name: "작업 창" });
  const sheet = "2027 세부사업 예산서(신규)";
  await page.getByRole("tab", { name: "템플릿" }).click();
  await pane.getByRole("radio", { name: /^전통시장 디지털 전환 지원/ }).check();
  await expect(pane.getByRole("button", { name: "선택한 셀에 삽입" }).count()).resolves.toBe(0);
  await pane.getByRole("button", { name: "새 시트에 삽입" }).click();
  await pane.getByText(`'${sheet}' 시트에 book-new-program@1.0.0 (2027년)을 삽입했습니다`, { exact: false }).waitFor({ timeout: 10000 });
  const grid = page.locator(`table[data-sheet="${sheet}"]`);
  // The in-memory Excel calculated the page: 82,560원 × 1명 × 249일 = 20,558천원 and the 세부사업's 53,206천원.
  await grid.getByText("82,560원*1명*249일", { exact: true }).waitFor({ timeout: 10000 });
  await expect(grid.getByText("53,206", { exact: true }).count()).resolves.toBeGreaterThan(0);
  await expect(grid.getByText("구   33,206", { exact: true }).count()).resolves.toBe(4);
  await pane.screenshot({ path: path.join(ARTIFACTS, "preview-template-book.png") });
  await page.getByRole("tab", { name: "검증" }).click();
  await pane.getByRole("button", { name: "통합문서 검사" }).click();
  await pane.getByText("오류 6 · 경고 1 · 정보 0").waitFor({ timeout: 20000 });
  await expect(pane.locator(`[data-target^="${sheet}!"]`).count()).resolves.toBe(0);
  expect(errors).toEqual([]);
  await page.close();
}, 90000);

test("채우기: the seed's table pasted into the inserted sheet, previewed, then written", async () => {
  const errors: string[] = [];
  const { page, pane } = await withEmptyTemplateSheet(errors);

  // The seed's 06 table as 한글 copies it (tabs), with its printed 계 of 527,900 for parts adding up to 509,400.
  const pasted = ["재원별\t합계\t연차별 소요재원\t\t\t\t비고", "\t\t2020년\t2021년\t2022년\t2023년\t", "계\t527,900\t127,800\t114,600\t133,500\t133,500\t", "구비\t509,400\t127,800\t114,600\t133,500\t133,500\t"].join("\n");
  await pane.getByRole("textbox", { name: "재원별 표" }).fill(pasted);
  await pane.getByRole("button", { name: "미리 보기" }).click();
  const preview = pane.getByTestId("fill-preview");
  await preview.getByText("쓸 셀 4개").waitFor({ timeout: 10000 });
  await preview.getByText(/527,900/).first().waitFor();
  await preview.scrollIntoViewIfNeeded();
  await pane.screenshot({ path: path.join(ARTIFACTS, "preview-template-fill.png") });

  await preview.getByRole("button", { name: "시트에 쓰기" }).click();
  await pane.getByText(`'${SHEET}' 시트의 셀 4개를 채웠습니다`, { exact: false }).waitFor({ timeout: 10000 });
  const grid = page.locator(`table[data-sheet="${SHEET}"]`);
  for (const figure of ["127,800", "114,600", "133,500"]) await expect(grid.getByText(figure, { exact: true }).count()).resolves.toBeGreaterThan(0);
  expect(errors).toEqual([]);
  await page.close();
}, 90000);

test("채우기: one year's amount pasted without the year row goes into the year column of the clicked cell", async () => {
  const errors: string[] = [];
  const { page, pane } = await withEmptyTemplateSheet(errors);

  // Where the inserted funding table has its 2021 column and, below it, its 구비 row: read off the grid as a user would.
  const grid = page.locator(`table[data-sheet="${SHEET}"]`);
  const cells = await grid.locator("td[data-cell]").evaluateAll((tds) => tds.map((td) => [td.getAttribute("data-cell") ?? "", (td.textContent ?? "").trim()]));
  const at = (ref: string): { col: string; row: number } => ({ col: ref.replace(/\d+$/, ""), row: Number(ref.replace(/^[A-Z]+/, "")) });
  const year = cells.filter(([, text]) => text === "2021년").map(([ref]) => at(ref));
  const yearAt = year[year.length - 1]; // the funding table is the sheet's last table with year columns
  const source = cells.map(([ref, text]) => ({ ...at(ref), text })).find((x) => x.text === "구비" && x.row > yearAt.row);
  const column = yearAt.col;
  const row = String(source?.row ?? "");
  const label = `${source?.col ?? ""}${row}`;
  expect(column).toMatch(/^[A-Z]+$/);

  // On the label column: nothing to write, and the preview says what to do.
  await grid.locator(`td[data-cell="${label}"]`).click();
  await pane.getByRole("textbox", { name: "재원별 표" }).fill("구비\t114,600");
  await pane.getByRole("button", { name: "미리 보기" }).click();
  const preview = pane.getByTestId("fill-preview");
  await preview.getByText("입력에 연도가 없어 어느 연도에 채울지 알 수 없습니다", { exact: false }).waitFor({ timeout: 10000 });
  await expect(preview.getByRole("button", { name: "시트에 쓰기" }).isEnabled()).resolves.toBe(false);

  // On the 2021 column: the one amount goes there (the seed's 2021 구비 of the 06 program: 114,600).
  await grid.locator(`td[data-cell="${column}${row}"]`).click();
  await pane.getByRole("button", { name: "미리 보기" }).click();
  await preview.getByText("쓸 셀 1개").waitFor({ timeout: 10000 });
  await preview.getByText("입력에 연도가 없어 선택한 2021년 열에 채웁니다.").waitFor();
  await preview.scrollIntoViewIfNeeded();
  await pane.screenshot({ path: path.join(ARTIFACTS, "preview-fill-one-year.png") });
  await preview.getByRole("button", { name: "시트에 쓰기" }).click();
  await pane.getByText(`'${SHEET}' 시트의 셀 1개를 채웠습니다`, { exact: false }).waitFor({ timeout: 10000 });
  await expect(grid.locator(`td[data-cell="${column}${row}"]`).textContent()).resolves.toBe("114,600");
  // The 계 row's SUM over that column follows, calculated as Excel would.
  const total = cells.map(([ref, text]) => ({ ...at(ref), text })).find((x) => x.text === "계" && x.row > yearAt.row && x.row < Number(row));
  await expect(grid.locator(`td[data-cell="${column}${total?.row ?? ""}"]`).textContent()).resolves.toBe("114,600");
  expect(errors).toEqual([]);
  await page.close();
}, 90000);

test("in English, at 320 px: the whole tab fits the pane, with a refused address and a fill preview shown", async () => {
  const errors: string[] = [];
  // Below 720 px the preview puts the pane above the sheet at the window's width: the narrowest Excel pane.
  const page = await openPreview({ errors, width: 320, query: "?lang=en" });
  const pane = page.getByRole("complementary", { name: "Task pane" });
  await page.getByRole("tab", { name: "Templates" }).click();
  await pane.getByText("Bundled catalog 1.0.0 · templates: 16").waitFor({ timeout: 10000 });
  await pane.getByRole("textbox", { name: "Catalog address (https)" }).fill("http://budget.example/catalog.json");
  await pane.getByRole("button", { name: "Load" }).click();
  await pane.getByText("only https:// URLs are accepted").waitFor();
  await pane.getByRole("textbox", { name: "Funding table" }).fill("재원별\t2020년\t2021년\n구비\t=1+1\t24,00");
  await pane.getByRole("button", { name: "Preview" }).click();
  // The active sheet is the sample's first, which has no funding table: the preview says so.
  await pane.getByTestId("fill-preview").getByText("No funding table to fill could be chosen.").waitFor({ timeout: 10000 });
  await expect(overflowing(page)).resolves.toEqual([]);
  await pane.screenshot({ path: path.join(ARTIFACTS, "preview-template-en-320.png") });
  expect(errors).toEqual([]);
  await page.close();
}, 90000);
