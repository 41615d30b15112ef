// The add-in's share of `npm run bench`: bundle size, first render in headless Chromium, and a whole department's
// workbook checked through the Office.js adapter over the in-memory Excel (the preview's code path).
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { launchChromium, serveDist } from "../test/support/preview-browser";
import { generatePrograms, workbookGrid } from "./generate";
import { FakeWorkbookModel } from "../src/preview/fake-excel/model";
import { createFakeExcel } from "../src/preview/fake-excel/excel";
import { createExcelPort } from "../src/excel/adapter";
import { checkWorkbook } from "../src/core/check-workbook";

const DIST = path.resolve(__dirname, "../../dist");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The scripts a page loads from dist/ (Office.js excluded: it comes from Microsoft's CDN). */
export function pageBundleBytes(page: string): { files: string[]; raw: number; gzip: number } {
  const html = readFileSync(path.join(DIST, page), "utf8");
  const files = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]).filter((src) => !/office(\.js|-js\/)/.test(src) && !src.startsWith("http"));
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(path.join(DIST, f.replace(/^\//, "")));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, raw, gzip };
}

export async function firstRenderMs(runs = 5): Promise<number> {
  const served = await serveDist(DIST);
  const url = `${served.base}/preview.html`;
  const browser = await launchChromium();
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ locale: "ko-KR" });
      const t0 = performance.now();
      await page.goto(url);
      await page.getByRole("button", { name: "통합문서 검사" }).waitFor({ timeout: 20000 });
      times.push(performance.now() - t0);
      await page.close();
    }
  } finally {
    await browser.close();
    await served.close();
  }
  return median(times);
}

export async function adapterCheck(programs: number): Promise<{ tables: number; ms: number; syncs: number; errors: number }> {
  const opts = { programs, seed: 2021, formulas: "cached" as const };
  const model = FakeWorkbookModel.fromGrid(workbookGrid(generatePrograms(opts), opts));
  const port = createExcelPort(createFakeExcel(model).Excel as unknown as typeof Excel);
  const t0 = performance.now();
  const { grid, syncs } = await port.readWorkbook();
  const result = checkWorkbook(grid);
  const ms = performance.now() - t0;
  return { tables: result.tables.length, ms, syncs, errors: result.findings.filter((f) => f.severity === "error").length };
}

/**
 * The whole department's workbook opened in the preview page in headless Chromium ("파일 열기"), then checked from
 * the pane: the adapter over the in-memory Excel, in the browser, as a user of the preview sees it. The pane's own
 * figures (read + check time, sync count) are read off its summary.
 */
export async function previewCheck(file: string): Promise<{ ms: number; wallMs: number; syncs: number; tables: number }> {
  const served = await serveDist(DIST);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ locale: "ko-KR", viewport: { width: 1400, height: 900 } });
    await page.goto(`${served.base}/preview.html`);
    await page.getByRole("button", { name: "통합문서 검사" }).waitFor({ timeout: 60000 });
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByText(path.basename(file), { exact: true }).waitFor({ timeout: 300000 });
    const t0 = performance.now();
    await page.getByRole("button", { name: "통합문서 검사" }).click();
    const summary = page.getByTestId("check-summary");
    await summary.waitFor({ timeout: 300000 });
    const wallMs = performance.now() - t0;
    const attr = async (name: string): Promise<number> => Number(await summary.getAttribute(name));
    return { ms: await attr("data-ms"), wallMs, syncs: await attr("data-syncs"), tables: await attr("data-tables") };
  } finally {
    await browser.close();
    await served.close();
  }
}
