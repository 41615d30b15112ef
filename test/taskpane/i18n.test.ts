// The UI's message table and the pane's pure helpers.
import { UI, langFromOffice, t } from "../../src/taskpane/i18n";
import { expectedActualLine, isDarkColor, localDate } from "../../src/taskpane/format";
import { shortfallTotals } from "../../src/taskpane/ShortfallTab";
import type { Finding } from "../../src/core/findings/findings";

test("every UI string exists in Korean and English with the same placeholders", () => {
  const names = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const [key, text] of Object.entries(UI)) {
    expect([key, text.ko.trim() !== "", text.en.trim() !== ""]).toEqual([key, true, true]);
    expect([key, names(text.ko)]).toEqual([key, names(text.en)]);
  }
});

test("t fills placeholders and leaves unknown ones visible", () => {
  expect(t("ko", "check.summaryCounts", { errors: 6, warnings: 1, infos: 0 })).toBe("오류 6 · 경고 1 · 정보 0");
  expect(t("en", "done.mark", {})).toBe("Cells marked: {count}.");
});

test("Office's display language picks the pane's", () => {
  expect(langFromOffice("en-US")).toBe("en");
  expect(langFromOffice("EN-gb")).toBe("en");
  expect(langFromOffice("en")).toBe("en");
  expect(langFromOffice("ko-KR")).toBe("ko");
  expect(langFromOffice("fr-FR")).toBe("ko");
  expect(langFromOffice("eng")).toBe("ko");
  expect(langFromOffice(undefined)).toBe("ko");
});

test("Office's dark backgrounds are dark, its light ones light", () => {
  expect(isDarkColor("#262626")).toBe(true);
  expect(isDarkColor("#000000")).toBe(true);
  expect(isDarkColor("#444")).toBe(true);
  expect(isDarkColor("#FFFFFF")).toBe(false);
  expect(isDarkColor("#E6E6E6")).toBe(false);
  expect(isDarkColor(undefined)).toBe(false);
  expect(isDarkColor("not a colour")).toBe(false);
});

test("the day is the local one", () => {
  expect(localDate(new Date(2021, 0, 5, 0, 30))).toBe("2021-01-05");
});

const finding = (over: Partial<Finding>): Finding => ({
  rule: "shortfall",
  severity: "warning",
  sheet: "S",
  cell: "A1",
  related: [],
  message: { ko: "", en: "" },
  ...over,
});

test("expected and actual with the unit in the pane's language", () => {
  expect(expectedActualLine(finding({ expected: 509400, actual: 527900, unit: "천원" }), "ko")).toBe("기대값 509,400 / 실제값 527,900 천원");
  expect(expectedActualLine(finding({ actual: "24,00", unit: "천원" }), "en")).toBe("actual 24,00 thousand won");
  expect(expectedActualLine(finding({}), "ko")).toBeUndefined();
});

test("shortfall totals add per unit exactly and combine into the finest unit", () => {
  const totals = shortfallTotals([
    finding({ actual: 1500, unit: "천원" }),
    finding({ actual: 0.1, unit: "백만원" }),
    finding({ actual: 0.2, unit: "백만원" }),
    finding({ actual: 7 }),
  ]);
  expect(totals.perUnit).toEqual([
    { unit: "천원", amount: 1500 },
    { unit: "백만원", amount: 0.3 },
    { unit: undefined, amount: 7 },
  ]);
  expect(totals.combined).toEqual({ unit: "천원", amount: 1800 });
  expect(shortfallTotals([finding({ actual: 6468, unit: "백만원" })])).toEqual({ perUnit: [{ unit: "백만원", amount: 6468 }] });
});
