// Funding tables read as exact amounts: the sample workbook's programs and a transposed table.
import path from "node:path";
import { readWorkbookGrid } from "../../../src/cli/read-xlsx";
import { findTables } from "../../../src/core/layout/detect-tables";
import { gridFromRows } from "../../../src/core/cells/grid";
import { makeSheetView } from "../../../src/core/cells/sheet-view";
import { findFundingPrograms, lineAmount, matchPrograms } from "../../../src/core/scenario/funding-lines";

const SAMPLE = path.join(__dirname, "../../../samples/2021-경제환경국-지역경제과.xlsx");
const 천원 = 1000n;

test("the sample's fourteen programs; 04's lines as printed in the seed (천원)", async () => {
  const programs = findFundingPrograms(await readWorkbookGrid(SAMPLE));
  expect(programs.map((p) => p.id.slice(0, 2))).toEqual(["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14"]);
  const [p04] = matchPrograms(programs, "상품권");
  expect(p04.id).toBe("04 G밸리사랑상품권");
  expect(p04.unit).toBe("천원");
  expect(p04.years).toEqual([2020, 2021, 2022, 2023]);
  expect(p04.lines.map((l) => [l.key, l.label, l.amounts.map((a) => a.won / 천원)])).toEqual([
    ["total", "계", [1_234_000n, 3_500_000n, 3_495_000n, 3_495_000n]],
    ["city", "시비", [879_000n, 1_995_000n, 1_995_000n, 1_995_000n]],
    ["district", "구비", [355_000n, 1_505_000n, 1_500_000n, 1_500_000n]],
  ]);
  expect(lineAmount(p04, "district", 2021)).toEqual({ year: 2021, won: 1_505_000n * 천원, cell: "D73" });
  expect(lineAmount(p04, "national", 2021)).toBeUndefined();
  expect(lineAmount(p04, "district", 2019)).toBeUndefined();
});

test("a transposed table (years down, sources across) and a spaced-out label", () => {
  const grid = gridFromRows("S", [
    ["□ 2021년 소요예산 : 300천원"],
    ["(단위 : 천원)"],
    ["연도", "계", "국비", "구 비"],
    ["2021년", 300, 100, 200],
    ["2022년", 330, 110, 220],
  ]);
  const [p] = findFundingPrograms({ sheets: [grid] });
  expect(p.lines.map((l) => [l.key, l.amounts.map((a) => [a.year, a.won, a.cell])])).toEqual([
    ["total", [[2021, 300_000n, "B4"], [2022, 330_000n, "B5"]]],
    ["national", [[2021, 100_000n, "C4"], [2022, 110_000n, "C5"]]],
    ["district", [[2021, 200_000n, "D4"], [2022, 220_000n, "D5"]]],
  ]);
});

test("a table without a unit is left out: its amounts cannot be compared with 원", () => {
  const grid = gridFromRows("S", [
    ["재원별", "2021년", "2022년"],
    ["계", 300, 330],
    ["구비", 300, 330],
  ]);
  expect(findTables(makeSheetView(grid)).tables.map((t) => [t.kind, t.unit])).toEqual([["funding", undefined]]);
  expect(findFundingPrograms({ sheets: [grid] })).toEqual([]);
});
