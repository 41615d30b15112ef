// Dev-only oracle (not committed): brute-force check of Baltimore CIP blocks with the known relations.
import { readdirSync } from "node:fs";
import path from "node:path";
import { readWorkbookGrid } from "../src/cli/read-xlsx";
import { a1 } from "../src/core/cells/grid";
import { parseNumber } from "../src/core/numbers/numbers";
const num = (v: unknown): number | undefined => {
  if (v === null || v === undefined || v === "") return 0;
  if (typeof v === "number") return v;
  if (typeof v === "string") { if (/^\s*zero\s*$/i.test(v)) return 0; const p = parseNumber(v); return p.kind === "number" ? p.value : p.kind === "none" ? 0 : undefined; }
  return undefined;
};
async function main(): Promise<void> {
  const dir = process.argv[2];
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".xlsx"))) {
    if (/Agency/.test(f)) continue;
    const wb = await readWorkbookGrid(path.join(dir, f));
    for (const s of wb.sheets) {
      for (let r = 0; r < s.cells.length; r++) {
        const row = s.cells[r] ?? [];
        const totalC = row.findIndex((c) => typeof c?.v === "string" && c.v.trim() === "Total");
        if (totalC < 0 || !row.some((c) => typeof c?.v === "string" && /Source of Funds/.test(c.v))) continue;
        const cols = row.map((c, i) => (c !== undefined && c.v !== null && c.v !== undefined && i > 1 && i < totalC && !/Source/.test(String(c.v)) ? i : -1)).filter((i) => i >= 0);
        const capital = row.some((c) => typeof c?.v === "string" && /Ordinance/.test(c.v));
        const parts = capital ? [cols[0], cols[cols.length - 1]] : cols;
        const body: number[] = [];
        for (let k = r + 1; k < s.cells.length; k++) { const rr = s.cells[k] ?? []; if (!rr.some((c) => c !== undefined && c.v !== null)) break; body.push(k); }
        const totalRow = body.find((k) => (s.cells[k] ?? []).some((c) => typeof c?.v === "string" && c.v.trim() === "Total"));
        for (const k of body) {
          const rr = s.cells[k] ?? [];
          const t = num(rr[totalC]?.v); const ps = parts.map((c) => num(rr[c]?.v));
          if (t === undefined || ps.some((p) => p === undefined)) continue;
          const sum = (ps as number[]).reduce((a, b) => a + b, 0);
          if (Math.abs(t - sum) > 1e-9) console.log(`${f}\t${s.name}\t${a1(k, totalC)}\tacross\t${t}\t${sum}`);
        }
        if (totalRow !== undefined) for (const c of [...cols, totalC]) {
          const t = num(s.cells[totalRow]?.[c]?.v); let sum = 0; let bad = t === undefined;
          for (const k of body) { if (k === totalRow) continue; const v = num(s.cells[k]?.[c]?.v); if (v === undefined) bad = true; else sum += v; }
          if (!bad && Math.abs((t as number) - sum) > 1e-9) console.log(`${f}\t${s.name}\t${a1(totalRow, c)}\tdown\t${t}\t${sum}`);
        }
      }
    }
  }
}
void main();
