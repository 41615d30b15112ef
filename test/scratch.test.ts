import { sheet } from "./core/helpers";
import { makeSheetView } from "../src/core/cells/sheet-view";
import { findLayout } from "../src/core/layout/blocks";
import { findTables } from "../src/core/layout/detect-tables";
import { checkSheet } from "../src/core/check-workbook";
test("x", () => {
  const g = sheet([["□ 2018년 소요예산 : 1천원"], [], [null, null, "(단위 : 천원)"], ["재원별", "연차별 소요재원", null], [null, "2018년", "2019년"], ["계", 1, 0], [], ["기금", 1, 0]], ["A4:A5", "B4:C4"]);
  const v = makeSheetView(g);
  console.log(JSON.stringify(findLayout(v)));
  const t = findTables(v);
  console.log(JSON.stringify(t.tables.map((x) => ({ r: x.range, kind: x.kind, rows: x.model.rows, cols: x.model.cols, lines: x.lines }))));
  console.log(JSON.stringify(checkSheet(g)));
});
