// End to end: the built preview (dist/, built by `npm test` before jest) in Debian's Chromium, driven by
// playwright-core. The real task pane runs the real adapter over the in-memory workbook of the sample.
// Screenshots go to test-artifacts/ (git-ignored) to be looked at.
import path from "node:path";
import type { Page } from "playwright-core";
import { ARTIFACTS, usePreview } from "../support/preview-e2e";

const open = usePreview();

async function openPreview(query = ""): Promise<Page> {
  const errors: string[] = [];
  const page = await open({ errors, height: 900, query });
  expect(errors).toEqual([]);
  return page;
}

test("check the sample workbook: the seed's printed mistakes, the shortfall, and a click that selects the cell", async () => {
  const page = await openPreview();
  await page.getByRole("button", { name: "통합문서 검사" }).click();
  await page.getByText("오류 6 · 경고 1 · 정보 0").waitFor({ timeout: 20000 });
  for (const figure of ["527,900", "509,400", "1,556,436", "1,352,432", "1,279,440", "28,000", "24,00"]) {
    await expect(page.getByText(figure, { exact: false }).first().isVisible()).resolves.toBe(true);
  }
  await page.screenshot({ path: path.join(ARTIFACTS, "preview-check.png"), fullPage: true });

  // Clicking the 06 finding selects B107 on its sheet in the grid.
  await page.getByRole("button", { name: /B107/ }).first().click();
  const cell = page.locator('[data-cell="B107"][aria-selected="true"]');
  await cell.waitFor({ timeout: 10000 });
  await expect(cell.textContent()).resolves.toContain("527,900");
  await page.screenshot({ path: path.join(ARTIFACTS, "preview-selected.png"), fullPage: true });

  await page.getByRole("tab", { name: "부족재원" }).click();
  const panel = page.getByRole("tabpanel");
  await panel.getByText("6,468", { exact: false }).first().waitFor();
  await expect(panel.getByText("22%", { exact: false }).first().isVisible()).resolves.toBe(true);
  await expect(panel.getByText("02 전통시장 시설현대화", { exact: false }).first().isVisible()).resolves.toBe(true);
  await page.screenshot({ path: path.join(ARTIFACTS, "preview-shortfalls.png"), fullPage: true });
  await page.close();
}, 90000);

test("in English with ?lang=en", async () => {
  const page = await openPreview("?lang=en");
  await page.getByRole("button", { name: "Check workbook" }).click();
  await page.getByText("Errors 6 · Warnings 1 · Info 0").waitFor({ timeout: 20000 });
  await expect(page.getByText("differs from the sum of its parts", { exact: false }).first().isVisible()).resolves.toBe(true);
  await page.close();
}, 60000);

test("opening a malformed .xlsx shows a clear message naming the file and keeps the workbook", async () => {
  const page = await openPreview();
  await page.locator('input[type="file"]').setInputFiles({ name: "깨진파일.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("this is not a workbook") });
  await page.getByText("깨진파일.xlsx", { exact: false }).first().waitFor({ timeout: 10000 });
  // Loading is over: another file can be opened right away.
  await page.getByRole("button", { name: "파일 열기", disabled: false }).waitFor({ timeout: 10000 });
  await page.getByRole("button", { name: "샘플 통합문서", disabled: false }).waitFor({ timeout: 10000 });
  await page.screenshot({ path: path.join(ARTIFACTS, "preview-malformed.png"), fullPage: true });
  // The sample is still there and can still be checked.
  await page.getByRole("button", { name: "통합문서 검사" }).click();
  await page.getByText("오류 6 · 경고 1 · 정보 0").waitFor({ timeout: 20000 });
  await page.close();
}, 60000);
