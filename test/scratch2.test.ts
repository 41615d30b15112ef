import { explain } from "./scratch.test";
import { checkSheet } from "../src/core/check-workbook";
import { sheet } from "./core/helpers";
test("y", () => {
  const rows = [["□ 2018년 소요예산 : 1천원"], [], [null, null, null, "(단위 : 천원)"], ["재원별", "합계", "연차별 소요재원", null], [null, null, "2018년", "2019년"], ["계", 2, 1, 1], ["시비", 1, 10000, 0], ["기금", 1, 0, 1]];
  const m = ["A4:A5", "B4:B5", "C4:D4"];
  explain(rows as never, m);
  console.log(JSON.stringify(checkSheet(sheet(rows as never, m), { planYear: 2021 }).findings.map((f) => [f.cell, f.actual, f.expected])));
});
