// The end-to-end tests' common frame: for one jest file, the built preview (dist/) served and Chromium launched
// before its tests and both closed after, and the preview opened as a Korean officer's browser opens it.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium, serveDist, type Served } from "./preview-browser";

const ROOT = path.join(__dirname, "../..");
/** Screenshots go here (git-ignored) to be looked at. */
export const ARTIFACTS = path.join(ROOT, "test-artifacts");

export interface OpenOptions {
  /** Page errors are pushed here, for the test to assert on. */
  errors: string[];
  width?: number;
  height?: number;
  /** e.g. "?lang=en"; the preview follows the browser language (ko-KR) unless ?lang= says otherwise. */
  query?: string;
}

/**
 * Registers the file's beforeAll/afterAll and returns how to open the preview: a new page, loaded until the pane's
 * check button and the sample workbook's first cells are there.
 */
export function usePreview(): (options: OpenOptions) => Promise<Page> {
  let served: Served | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    served = await serveDist(path.join(ROOT, "dist"));
    browser = await launchChromium();
  }, 60000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });
  return async ({ errors, width = 1400, height = 1000, query = "" }) => {
    if (browser === undefined || served === undefined) throw new Error("usePreview(): open a page inside a test");
    const page = await browser.newPage({ viewport: { width, height }, locale: "ko-KR" });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${served.base}/preview.html${query}`);
    await page.getByRole("button", { name: query.includes("lang=en") ? "Check workbook" : "통합문서 검사" }).waitFor({ timeout: 20000 });
    await page.locator("[data-cell]").first().waitFor({ timeout: 20000 });
    return page;
  };
}
