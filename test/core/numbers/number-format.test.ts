import { asShown, shownBy } from "../../../src/core/numbers/number-format";

describe("shownBy: what a number format prints", () => {
  test.each<[string, ReturnType<typeof shownBy>]>([
    ["#,##0", { decimals: 0, divisor: 1, percent: false }],
    ["0.00", { decimals: 2, divisor: 1, percent: false }],
    ["#,##0.0_);(#,##0.0)", { decimals: 1, divisor: 1, percent: false }],
    ['"R"#,##0,;[Red]-"R"#,##0,', { decimals: 0, divisor: 1000, percent: false }],
    ["#,##0,,", { decimals: 0, divisor: 1_000_000, percent: false }],
    ["0.0%", { decimals: 1, divisor: 1, percent: true }],
    ["[$-412]#,##0\"천원\"", { decimals: 0, divisor: 1, percent: false }],
  ])("%j", (format, shown) => {
    expect(shownBy(format)).toEqual(shown);
  });
  test.each(["General", "@", "yyyy-mm-dd", "m/d/yy", "h:mm", "", undefined])("%j leaves figures as stored", (format) => {
    expect(shownBy(format)).toBeUndefined();
  });
});

describe("asShown: the printed figure", () => {
  test("rounds half away from zero to the shown decimals, in the figure's own terms", () => {
    expect(asShown(5078.141, shownBy("#,##0"))).toBe(5078);
    expect(asShown(1960.5, shownBy("#,##0"))).toBe(1961);
    expect(asShown(-1960.5, shownBy("#,##0"))).toBe(-1961);
    expect(asShown(2.675, shownBy("0.00"))).toBe(2.68);
    expect(asShown(19609399.89, shownBy("#,##0,"))).toBe(19609000);
    expect(asShown(0.12345, shownBy("0.0%"))).toBeCloseTo(0.123, 10);
    expect(asShown(1234.5678, undefined)).toBe(1234.5678);
  });
});
