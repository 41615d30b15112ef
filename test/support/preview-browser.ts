// The built preview (dist/) served on loopback and Debian's Chromium to open it: shared by the end-to-end tests and
// `npm run bench`. The preview needs no https: it runs outside Office.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".xlsx": "application/octet-stream", ".png": "image/png", ".xml": "application/xml" };
const CHROMIUM = "/usr/bin/chromium";

export interface Served {
  /** "http://127.0.0.1:port" */
  base: string;
  close(): Promise<void>;
}

/** Serves the files of `dist` (nothing above it) until closed. */
export async function serveDist(dist: string): Promise<Served> {
  if (!existsSync(path.join(dist, "preview.html"))) throw new Error(`${dist}/preview.html is missing: run \`npm test\` (it builds the add-in first) or \`npm run build:addin\``);
  const server = createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = path.join(dist, path.normalize(url).replace(/^(\.\.[/\\])+/, ""));
    readFile(file)
      .then((body) => {
        res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
        res.end(body);
      })
      .catch(() => {
        res.writeHead(404);
        res.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error("Chromium is needed: apt-get install chromium (.ci/run does it)");
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}
