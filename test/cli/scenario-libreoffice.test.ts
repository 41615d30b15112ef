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
import { parseA1, type SheetGrid } from "../../src/core/grid";
import { findFundingPrograms, matchPrograms } from "../../src/core/scenario/funding-lines";
import { presentValue } from "../../src/core/scenario/present-value";
import { DEFAULT_PV_FORM, DEFAULT_SWEEP_FORM, SEED_GIFTCERT_FORM, type GiftCertForm, type PvForm, type SweepForm } from "../../src/core/scenario/scenario-form";
import { SCENARIO_SHEET } from "../../src/core/scenario/scenario-plan";
import { runScenario, scenarioSheet, type ScenarioRequest } from "../../src/core/scenario/scenario-run";
import type { Lang } from "../../src/core/findings";
import { WON_PER_UNIT, type Unit } from "../../src/core/units";
import { recalculate } from "../support/libreoffice";

const SAMPLE = path.join(__dirname, "../../samples/2021-경제환경국-지역경제과.xlsx");

interface Case {
  name: string;
  lang: Lang;
  unit: Unit;
  giftcert: Partial<GiftCertForm>;
  sweep?: Partial<SweepForm>;
  pv?: Partial<PvForm>;
  /** Compare with the sample's gift-certificate program (its 2021 구비, and its 계 for the present value). */
  program?: boolean;
}

const CASES: Case[] = [
  { name: "the seed at 7%, with the program's budget and present value", lang: "ko", unit: "억원", giftcert: {}, program: true },
  { name: "the seed at 10%, in English", lang: "en", unit: "억원", giftcert: { discountRate: "10%" }, sweep: { sweepIssuances: "100억 200억 300억" }, program: true },
  {
    name: "caps and the national volume binding, other costs, in 천원",
    lang: "ko",
    unit: "천원",
    giftcert: { discountRate: "10%", nationalRate: "4%", nationalVolume: "200억", cityCap: "10억", other: "0.5%" },
    sweep: { sweepFrom: "7%", sweepTo: "12%", sweepStep: "0.5%", sweepIssuances: "150억; 200억; 300억" },
  },
  {
    name: "odd amounts that need rounding to the 원, in 원",
    lang: "en",
    unit: "원",
    giftcert: { issuance: "12,345,678,901", discountRate: "7.25%", nationalRate: "2.5%", nationalVolume: "5,000,000,000", cityRate: "3.3333%", districtMinRate: "1.1%", other: "123,457" },
    sweep: { sweepFrom: "1.1%", sweepTo: "9.1%", sweepStep: "2%", sweepIssuances: "999,999,999 12,345,678,901" },
    pv: { pvAmounts: "1,000,003 2,500,001 777,777 3", pvStartYear: "2021", pvBaseYear: "2022", pvRate: "4.5%", pvSensitivity: "0% 3.3% 4.5% 12.75%" },
  },
  { name: "the minimum binding at 6%, a city cap above the share, in 백만원", lang: "ko", unit: "백만원", giftcert: { discountRate: "6%", cityCap: "20억" } },
  { name: "0% discount and minimum", lang: "ko", unit: "억원", giftcert: { discountRate: "0%", districtMinRate: "0%" }, sweep: { sweepFrom: "0%", sweepTo: "3%" } },
];

test("LibreOffice computes the engine's numbers from the 시나리오 sheet's formulas", async () => {
  const programs = findFundingPrograms(await readWorkbookGrid(SAMPLE));
  const [program] = matchPrograms(programs, "상품권");
  const dir = mkdtempSync(path.join(tmpdir(), "yesan-scenario-lo-"));
  let compared = 0;
  for (const [i, c] of CASES.entries()) {
    const request: ScenarioRequest = {
      unit: c.unit,
      giftcert: { ...SEED_GIFTCERT_FORM, ...c.giftcert },
      sweep: { ...DEFAULT_SWEEP_FORM, ...c.sweep },
      pv: { ...DEFAULT_PV_FORM, ...c.pv },
      ...(c.program === true ? { program, year: 2021, pvLine: "total" as const } : {}),
    };
    const run = runScenario(request);
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
