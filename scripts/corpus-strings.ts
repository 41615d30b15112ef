import { readdirSync } from "node:fs";
import path from "node:path";
import { readWorkbookGrid } from "../src/cli/read-xlsx";
async function main(): Promise<void> {
  const [dir, pat] = process.argv.slice(2);
  const re = new RegExp(pat, "i");
  const counts = new Map<string, number>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".xlsx"))) {
    const wb = await readWorkbookGrid(path.join(dir, f));
    for (const s of wb.sheets) for (const row of s.cells) for (const c of row ?? []) if (typeof c?.v === "string" && re.test(c.v)) counts.set(c.v.trim().slice(0, 60), (counts.get(c.v.trim().slice(0, 60)) ?? 0) + 1);
  }
  for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(n, JSON.stringify(k));
}
void main();
