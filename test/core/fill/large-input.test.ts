// Pasted text and CSV of tens of thousands of rows (a whole sheet copied by mistake) are read without overflowing
// the stack: the readers loop where they once spread the rows into Math.min/Math.max arguments (issue 12).
import { parseFundingCsv, parseFundingText } from "../../../src/core/fill";

const ROWS = 60_000;
const body = (sep: string): string => {
  const lines = [["재원별", "2021년", "2022년"].join(sep), ["계", "3", "3"].join(sep)];
  for (let i = 0; i < ROWS; i++) lines.push([`항목${i}`, "1", "1"].join(sep));
  return lines.join("\n");
};

test.each([
  ["pasted text", () => parseFundingText(body("\t"))],
  ["CSV", () => parseFundingCsv(body(","))],
])("%s of 60,000 rows is read, not a RangeError", (_name, read) => {
  expect(read).not.toThrow();
});
