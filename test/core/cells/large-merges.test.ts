// A merged area over a whole sheet (C3:XFD1048576, 17 billion cells) in a hostile or broken file: the view looks it
// up as a rectangle, the check follows the cells present and finishes (issue 12; it was "Map maximum size exceeded").
import { gridFromRows } from "../../../src/core/cells/grid";
import { makeSheetView } from "../../../src/core/cells/sheet-view";
import { checkWorkbook } from "../../../src/core/check-workbook";

test("a merge over the whole sheet is found where it is, and the sheet's other cells read as before", () => {
  const huge = { r0: 2, c0: 2, r1: 1_048_575, c1: 16_383 };
  const title = { r0: 0, c0: 0, r1: 0, c1: 2 };
  const sheet = gridFromRows("S", [["연차별 소요재원"], ["국비", 100, 200], ["시비", 300, 400], ["계", 400, 600]], [title, huge]);
  const view = makeSheetView(sheet);
  expect(view.mergeAt(500_000, 9_000)).toBe(huge);
  expect(view.mergeAt(1, 1)).toBeUndefined();
  expect(view.mergeAt(0, 2)).toBe(title);
  expect(view.shownText(0, 1)).toBe("연차별 소요재원");
  // The view is not widened to column XFD by it: only a little past the figures.
  expect(view.cols).toBeLessThan(300);
  expect(() => checkWorkbook({ sheets: [sheet] })).not.toThrow();
});
