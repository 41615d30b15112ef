import fc from "fast-check";
import { convert, decimalsOf, formatAmount, parseNumber, toWon, type MalformedReason } from "../../../src/core/numbers/numbers";
import { UNITS, WON_PER_UNIT, type Unit } from "../../../src/core/numbers/units";

describe("parseNumber: accepted forms", () => {
  // [input, value, unit, negative]; values written by hand from the text.
  const good: [string, number, Unit | undefined, boolean][] = [
    ["1,234", 1234, undefined, false],
    ["1234", 1234, undefined, false],
    ["1,234.5", 1234.5, undefined, false],
    ["△1,234", -1234, undefined, true],
    ["▲1,234", -1234, undefined, true],
    ["(1,234)", -1234, undefined, true],
    ["-1,234", -1234, undefined, true],
    ["\u22121,234", -1234, undefined, true],
    ["△ 1,234", -1234, undefined, true],
    ["+1,234", 1234, undefined, false], // 증감 columns mark increases with +
    ["１,２３４", 1234, undefined, false],
    ["１，２３４", 1234, undefined, false],
    ["１２３４．５", 1234.5, undefined, false],
    ["  1,234  ", 1234, undefined, false],
    ["\u00a01,234\u00a0", 1234, undefined, false],
    ["007", 7, undefined, false],
    ["0", 0, undefined, false],
    ["320,793천원", 320793, "천원", false],
    ["33,588백만원", 33588, "백만원", false],
    ["33,588 백만원", 33588, "백만원", false],
    ["29,324백만 원", 29324, "백만원", false],
    ["6억", 6, "억원", false],
    ["15억원", 15, "억원", false],
    ["1조 2,104억", 12104, "억원", false],
    ["1조 2,104억원", 12104, "억원", false],
    ["1조", 1, "조원", false],
    ["2,811,000천원", 2811000, "천원", false],
    ["300억원", 300, "억원", false],
    ["70,000,000원", 70000000, "원", false],
    ["1,764백만원", 1764, "백만원", false],
    ["4,800천원", 4800, "천원", false],
    ["△1,234천원", -1234, "천원", true],
    ["1584.5", 1584.5, undefined, false],
  ];
  test.each(good)("%j", (input, value, unit, negative) => {
    const p = parseNumber(input);
    expect(p).toEqual(
      unit === undefined
        ? { kind: "number", value, negative, text: input }
        : { kind: "number", value, unit, negative, text: input },
    );
  });

  test("△0 is zero, not -0, and still marked negative", () => {
    const p = parseNumber("△0");
    expect(p.kind === "number" && Object.is(p.value, 0) && p.negative).toBe(true);
  });
});

describe("parseNumber: no amount, non-budget, words", () => {
  test.each(["-", "–", "―", "—", "", "   ", "\u00a0", "ㅡ"])("none: %j", (input) => {
    expect(parseNumber(input)).toEqual({ kind: "none", text: input });
  });

  test.each(["비예산", " 비 예 산 "])("non-budget: %j", (input) => {
    expect(parseNumber(input)).toEqual({ kind: "non-budget", text: input });
  });

  test.each([
    "공모사업",
    "국비",
    "2021년",
    "13개 사업",
    "22%",
    "(22%)",
    "월 500만원",
    "500만원",
    "5,000만원",
    "4,800천원 (구비)",
    "7,800㎡",
    "326m²",
    "FY2021",
    "추후 공모 뉴딜사업 (시비)",
    "+",
    "△",
    // dates typed as text (the seed's 등록일, 결연일, 사업기간 columns)
    "2007.5.2",
    "2012.11.12",
    "2020.01.31.",
    "1996. 12. 6.",
    "2020. 11.",
    "'20. 10. 31.",
    "2021.1.~ 2021.12.",
    "2020.5. ~ 2025. 4.",
  ])("text: %j", (input) => {
    expect(parseNumber(input)).toEqual({ kind: "text", text: input });
  });
});

describe("parseNumber: malformed, reported not guessed", () => {
  const bad: [string, MalformedReason][] = [
    ["24,00", "grouping"],
    ["1,2345", "grouping"],
    ["1234,567", "grouping"],
    ["0,123", "grouping"],
    ["24,00천원", "grouping"],
    ["12.3.4", "decimal-points"],
    ["1.234.567", "decimal-points"],
    ["2020.13.1", "decimal-points"], // no month 13: not a date
    ["1,234원원", "repeated-unit"],
    ["1,234천원 천원", "repeated-unit"],
    ["12a34", "letters"],
    ["1O0", "letters"],
    ["l,234", "letters"],
    ["--5", "sign"],
    ["△-5", "sign"],
    ["(-5)", "sign"],
    ["5-", "sign"],
    ["1 234", "other"],
    ["1,234.", "other"],
    ["16,800/2,880", "other"],
    ["1조 12,000억", "other"], // the 억 part must be under 1조
    ["12345678901234567890", "too-large"], // past 2^53: a double cannot hold it
    ["1234567890.12345678", "other"], // more digits than a double keeps
  ];
  test.each(bad)("%j -> %s", (input, reason) => {
    expect(parseNumber(input)).toEqual({ kind: "malformed", text: input, reason });
  });
});

describe("toWon", () => {
  test("exact products", () => {
    expect(toWon(1.5, "억원")).toBe(150_000_000n);
    expect(toWon(320793, "천원")).toBe(320_793_000n);
    expect(toWon(29324, "백만원")).toBe(29_324_000_000n);
    expect(toWon(-3, "조원")).toBe(-3_000_000_000_000n);
    expect(toWon(0.001, "천원")).toBe(1n);
    expect(toWon(12104, "억원")).toBe(1_210_400_000_000n);
  });

  test("more decimals than the unit allows throws RangeError", () => {
    expect(() => toWon(0.5, "원")).toThrow(RangeError);
    expect(() => toWon(1.2345, "천원")).toThrow(RangeError);
    expect(() => toWon(Number.NaN, "원")).toThrow(RangeError);
    expect(() => toWon(Number.POSITIVE_INFINITY, "천원")).toThrow(RangeError);
  });

  test("property: integers times the unit size, as bigint", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.constantFrom(...UNITS), (n, unit) => {
        expect(toWon(n, unit)).toBe(BigInt(n) * WON_PER_UNIT[unit]);
      }),
    );
  });

  test("property: a decimal with up to 3 places in 천원 is exact 원", () => {
    fc.assert(
      fc.property(fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 }), fc.integer({ min: 0, max: 3 }), (a, d) => {
        const x = a / 10 ** d; // correctly rounded: prints as the decimal a·10^-d
        expect(toWon(x, "천원")).toBe((BigInt(a) * 1000n) / 10n ** BigInt(d));
      }),
    );
  });
});

describe("convert", () => {
  test("no float drift", () => {
    // 1.1 * 1e8 is 110000000.00000001 in floating point.
    expect(convert(1.1, "억원", "원")).toEqual({ value: 110_000_000, exact: true });
    // 0.07 * 1e5 is 7000.000000000001 in floating point.
    expect(convert(0.07, "억원", "천원")).toEqual({ value: 7000, exact: true });
    expect(convert(320793, "천원", "백만원")).toEqual({ value: 320.793, exact: true });
    expect(convert(3347, "백만원", "천원")).toEqual({ value: 3_347_000, exact: true });
    expect(convert(1, "원", "조원")).toEqual({ value: 1e-12, exact: true });
    expect(convert(12104, "억원", "조원")).toEqual({ value: 1.2104, exact: true });
    expect(convert(-4800, "천원", "원")).toEqual({ value: -4_800_000, exact: true });
    expect(convert(5, "천원", "천원")).toEqual({ value: 5, exact: true });
  });

  test("inexact when the result has more digits than a double holds", () => {
    // 9,007,199,254,740,991 조원 is 9007199254740991 followed by 12 zeros 원: past 2^53, the double rounds.
    expect(convert(Number.MAX_SAFE_INTEGER, "조원", "원").exact).toBe(false);
  });

  test("property: 천원 -> 원 equals BigInt arithmetic", () => {
    fc.assert(
      fc.property(fc.integer({ min: -9_007_199_254_740, max: 9_007_199_254_740 }), (n) => {
        const r = convert(n, "천원", "원");
        expect(r.exact).toBe(true);
        expect(BigInt(r.value)).toBe(BigInt(n) * 1000n);
      }),
    );
  });

  test("property: to any unit and back returns the same integer, and toWon agrees", () => {
    fc.assert(
      fc.property(fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 }), fc.constantFrom(...UNITS), (n, unit) => {
        const there = convert(n, "원", unit);
        expect(there.exact).toBe(true);
        expect(toWon(there.value, unit)).toBe(BigInt(n));
        expect(convert(there.value, unit, "원").value).toBe(n);
      }),
    );
  });
});

describe("formatAmount", () => {
  test.each([
    [1234567, "1,234,567"],
    [-1234, "-1,234"],
    [12.5, "12.5"],
    [0, "0"],
    [-0, "0"],
    [999, "999"],
    [1000, "1,000"],
    [1234.5678, "1,234.5678"],
    [1e21, "1,000,000,000,000,000,000,000"],
    [0.0000015, "0.0000015"],
  ])("%p -> %s", (value, text) => {
    expect(formatAmount(value)).toBe(text);
  });

  test("non-finite throws RangeError", () => {
    expect(() => formatAmount(Number.NaN)).toThrow(RangeError);
  });

  test("property: round-trips any safe integer through parseNumber", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        const p = parseNumber(formatAmount(n));
        expect(p).toEqual({ kind: "number", value: n === 0 ? 0 : n, negative: n < 0, text: formatAmount(n) });
      }),
    );
  });

  test("property: negative forms △ ▲ () - − read back as the negative", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom((s: string) => `△${s}`, (s: string) => `▲${s}`, (s: string) => `(${s})`, (s: string) => `-${s}`, (s: string) => `\u2212${s}`),
        (n, wrap) => {
          const p = parseNumber(wrap(formatAmount(n)));
          expect(p.kind === "number" ? [p.value, p.negative] : p).toEqual([-n, true]);
        },
      ),
    );
  });

  test("property: decimals and units round-trip", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999_999_999 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom<[string, Unit]>(["원", "원"], ["천원", "천원"], [" 백만원", "백만원"], ["백만 원", "백만원"], ["억", "억원"], ["억원", "억원"], ["조원", "조원"]),
        (a, d, [word, unit]) => {
          const x = a / 10 ** d;
          const p = parseNumber(formatAmount(x) + word);
          expect(p.kind === "number" ? [p.value, p.unit] : p).toEqual([x, unit]);
        },
      ),
    );
  });
});

describe("decimalsOf", () => {
  test.each([
    [0.1, 1],
    [60.58, 2],
    [1e-7, 7],
    [1.5e-7, 8],
    [5, 0],
    [212.46, 2],
    [1e21, 0],
    [-0.25, 2],
  ])("%p has %p decimals", (value, n) => {
    expect(decimalsOf(value)).toBe(n);
  });

  test("NaN throws RangeError", () => {
    expect(() => decimalsOf(Number.NaN)).toThrow(RangeError);
  });
});
