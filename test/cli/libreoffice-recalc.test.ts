// Files written by tools carry formulas without cached values. The engine then computes SUM and +/- itself;
// LibreOffice, an independent engine, must compute the same numbers for every formula of such a file.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generatePrograms, writeProgramsWorkbook } from "../../bench/generate";
import { readWorkbookGrid } from "../../src/cli/read-xlsx";
import { makeSheetView } from "../../src/core/cells/sheet-view";
import { checkWorkbook } from "../../src/core/check-workbook";
import { recalculate } from "../support/libreoffice";

test("the engine's own formula results equal LibreOffice's on a workbook saved without cached values", async () => {
  const opts = { programs: 40, seed: 11, formulas: "uncached" as const, programsPerSheet: 20 };
  const dir = mkdtempSync(path.join(tmpdir(), "yesan-lo-"));
  const file = path.join(dir, "uncached.xlsx");
  await writeProgramsWorkbook(generatePrograms(opts), opts).xlsx.writeFile(file);

  const ours = await readWorkbookGrid(file);
  const theirs = await readWorkbookGrid(recalculate(file));
  let compared = 0;
  for (const [i, sheet] of ours.sheets.entries()) {
    const view = makeSheetView(sheet);
    sheet.cells.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell?.f === undefined) return;
        expect(cell.v).toBeUndefined(); // really no cached value
        const lo = theirs.sheets[i].cells[r]?.[c]?.v;
        expect(typeof lo).toBe("number");
        expect(view.evaluated(r, c)).toBe(lo);
        compared++;
      }),
    );
  }
  expect(compared).toBeGreaterThan(200); // 40 programs: every 계, 합계 and grand total
  // And the check runs on computed values: a consistent file has no finding, not "not calculated" everywhere.
  expect(checkWorkbook(ours).findings).toEqual([]);
}, 120000);
