// The 시나리오 sheet's formulas, recalculated by LibreOffice (an independent spreadsheet engine), give the engine's
// numbers: the split to the 원, the budget comparison, every sweep cell, and the present values within half a 원
// (the engine's are exact fractions; Excel's and LibreOffice's are doubles). Once calculated, the check finds nothing
// at all on the sheet.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readWorkbookGrid } from "../../src/cli/read-xlsx";
import { writePlanXlsx } from "../../src/cli/write-plan-xlsx";
import { checkWorkbook } from "../../src/core/check-workbook";
import { parseA1, type SheetGrid } from "../../src/core/cells/grid";
import { presentValue } from "../../src/core/scenario/present-value";
import { SCENARIO_SHEET } from "../../src/core/scenario/scenario-plan";
import { runScenario, scenarioSheet } from "../../src/core/scenario/scenario-run";
import { WON_PER_UNIT } from "../../src/core/numbers/units";
import { recalculate } from "../support/libreoffice";
import { SCENARIO_CASES, sampleGiftcertProgram, scenarioRequest } from "../support/scenario-cases";

test("LibreOffice computes the engine's numbers from the 시나리오 sheet's formulas", async () => {
  const program = await sampleGiftcertProgram();
  const dir = mkdtempSync(path.join(tmpdir(), "yesan-scenario-lo-"));
  let compared = 0;
  for (const [i, c] of SCENARIO_CASES.entries()) {
    const run = runScenario(scenarioRequest(c, program));
    const layout = scenarioSheet(run, c.lang);
    if (layout === undefined || run.result === undefined || run.sweep === undefined) throw new Error(`${c.name}: ${JSON.stringify(run.errors)}`);
    const file = path.join(dir, `case-${i}.xlsx`);
    await writePlanXlsx([layout.plan], file);
    const grid = await readWorkbookGrid(recalculate(file));
    const sheet = grid.sheets.find((s) => s.name === SCENARIO_SHEET);
    if (sheet === undefined) throw new Error("no 시나리오 sheet after recalculation");

    const K = Number(WON_PER_UNIT[c.unit]);
    const won = (ref: string): number => Math.round(num(sheet, ref) * K);
    const { cells } = layout;
    const r = run.result;
    const at = (label: string) => `${c.name}: ${label}`;
    expect([at("split"), won(cells.discountCost), won(cells.national), won(cells.city), won(cells.district), won(cells.total)]).toEqual([
      at("split"),
      Number(r.discountCost),
      Number(r.national),
      Number(r.city),
      Number(r.district),
      Number(r.total),
    ]);
    expect(Math.abs(num(sheet, cells.districtShare) - Number(r.district) / Number(run.inputs?.issuance ?? 1n))).toBeLessThan(1e-12);
    if (run.budget !== undefined) expect([at("budget"), won(cells.difference)]).toEqual([at("budget"), Number(run.budget.difference)]);
    // No budget: the difference is the formula's empty text (read back as no value).
    else expect([at("no budget"), value(sheet, cells.difference) ?? ""]).toEqual([at("no budget"), ""]);
    const sweep = cells.sweep.map((row) => row.map(won));
    expect([at("sweep"), sweep]).toEqual([at("sweep"), run.sweep.district.map((row) => row.map(Number))]);

    if (run.pv !== undefined) {
      const { flows, baseYear } = run.pv.spec;
      const exact = (rate: bigint): number => {
        const f = presentValue(flows, rate, baseYear);
        return Number((f.num * 1000n) / f.den) / 1000; // 원, to a thousandth
      };
      expect(Math.abs(num(sheet, cells.pvTotal ?? "") * K - exact(run.pv.spec.rate))).toBeLessThan(0.5);
      (cells.sensitivity ?? []).forEach((ref, j) => {
        expect(Math.abs(num(sheet, ref) * K - exact(run.pv?.sensitivity[j].rate ?? 0n))).toBeLessThan(0.5);
      });
      compared += cells.sensitivity?.length ?? 0;
    }
    // Calculated, the sheet is clean for the check: no error, and no "not calculated" either.
    expect([at("check"), checkWorkbook({ sheets: [sheet] }).findings]).toEqual([at("check"), []]);
    compared += 6 + sweep.flat().length;
  }
  // Six split cells per case, 77 sweep cells and 14 sensitivity present values in all.
  expect(compared).toBe(127);
}, 300_000);

function value(sheet: SheetGrid, ref: string): unknown {
  const p = parseA1(ref);
  if (p === undefined) throw new Error(ref);
  return sheet.cells[p.r]?.[p.c]?.v;
}

function num(sheet: SheetGrid, ref: string): number {
  const v = value(sheet, ref);
  if (typeof v !== "number") throw new Error(`${ref} holds ${JSON.stringify(v)}, not a number`);
  return v;
}
