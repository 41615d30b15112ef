// Developer tool: prints the budget book's ledger as the engine reads it (levels, amounts, 재원 lines), for the
// pages given, so a misread hierarchy can be studied by hand. node dist/scripts/book-tree.js FILE.xlsx p785 [p786 …]
import { readWorkbookGrid } from "../src/cli/read-xlsx";
import { makeSheetView } from "../src/core/cells/sheet-view";
import { findBookColumns } from "../src/core/book/page";
import { readLedger, type BookPage } from "../src/core/book/ledger";

async function main(): Promise<void> {
  const [file, ...sheets] = process.argv.slice(2);
  const wb = await readWorkbookGrid(file);
  const pages: BookPage[] = [];
  for (const s of wb.sheets) {
    const view = makeSheetView(s);
    const cols = findBookColumns(view);
    if (cols !== undefined) pages.push({ view, cols });
  }
  const ledger = readLedger(pages);
  for (const l of ledger.lines) {
    if (sheets.length > 0 && !sheets.includes(l.sheet)) continue;
    const made = l.children.reduce((t, k) => t + (k.amount?.value ?? 0), 0);
    const src = l.sources.map((s) => `${s.key}${s.value}`).join(" ");
    const mark = l.children.length > 0 && l.amount !== undefined && made !== l.amount.value ? ` ≠Σ${made}` : "";
    console.log(`${l.sheet} r${l.r + 1} ${"  ".repeat(l.level)}L${l.level} ${l.label.slice(0, 30)} = ${l.amount?.value ?? "-"}${l.amount?.virtual ? "(lost)" : ""}${mark} ${src}`);
  }
}
void main();
