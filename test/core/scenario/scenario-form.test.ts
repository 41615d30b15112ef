// What planners type, read exactly or refused with a message naming the problem (Korean and English).
import { formatRate, formatWon, formatWonRounded, parseAmount, parseRate, parseRateOrAmount, splitList, wonToNumber } from "../../../src/core/scenario/exact";
import {
  DEFAULT_PV_FORM,
  DEFAULT_SWEEP_FORM,
  readGiftCertForm,
  readPvForm,
  readSweepForm,
  SEED_GIFTCERT_FORM,
} from "../../../src/core/scenario/scenario-form";

const 억 = 100_000_000n;

test("amounts as budget documents write them, exact to the 원", () => {
  expect(parseAmount("300억", "천원")).toEqual({ ok: true, value: 300n * 억 });
  expect(parseAmount("1조 2,104억", "원")).toEqual({ ok: true, value: 1_210_400_000_000n });
  expect(parseAmount("1,505,000", "천원")).toEqual({ ok: true, value: 1_505_000_000n });
  expect(parseAmount("15.05", "억원")).toEqual({ ok: true, value: 1_505_000_000n });
  expect(parseAmount("３００억", "원")).toEqual({ ok: true, value: 300n * 억 });
  expect(parseAmount("-300억", "원")).toEqual({ ok: false, problem: "negative" });
  expect(parseAmount("△5", "억원")).toEqual({ ok: false, problem: "negative" });
  expect(parseAmount("3백억", "원")).toEqual({ ok: false, problem: "not-a-number" });
  expect(parseAmount("0.5", "원")).toEqual({ ok: false, problem: "fraction-of-won" });
  expect(parseAmount("", "원")).toEqual({ ok: false, problem: "empty" });
  expect(parseAmount("2,000조", "원")).toEqual({ ok: false, problem: "too-large" });
});

test("rates in percent, exact to a millionth", () => {
  expect(parseRate("7%")).toEqual({ ok: true, value: 70_000n });
  expect(parseRate("7")).toEqual({ ok: true, value: 70_000n });
  expect(parseRate("4.5 %")).toEqual({ ok: true, value: 45_000n });
  expect(parseRate("0.0125%")).toEqual({ ok: true, value: 125n });
  expect(parseRate("５％")).toEqual({ ok: true, value: 50_000n });
  expect(parseRate("100%")).toEqual({ ok: true, value: 1_000_000n });
  expect(parseRate("100.5%")).toEqual({ ok: false, problem: "over-100" });
  expect(parseRate("-1%")).toEqual({ ok: false, problem: "negative" });
  expect(parseRate("0.00001%")).toEqual({ ok: false, problem: "too-precise" });
  expect(parseRate("칠%")).toEqual({ ok: false, problem: "not-a-number" });
  expect(parseRateOrAmount("0.5%", "억원")).toEqual({ ok: true, value: { kind: "rate", rate: 5_000n } });
  expect(parseRateOrAmount("1.5", "억원")).toEqual({ ok: true, value: { kind: "amount", won: 150_000_000n } });
});

test("lists split on spaces, semicolons and commas, but not on digit grouping", () => {
  expect(splitList("5%, 6%,7%")).toEqual(["5%", "6%", "7%"]);
  expect(splitList("200억,300억; 400억")).toEqual(["200억", "300억", "400억"]);
  expect(splitList("1,234,000 3,500,000")).toEqual(["1,234,000", "3,500,000"]);
  expect(splitList("355000,1505000")).toEqual(["355000", "1505000"]);
  expect(splitList("  ")).toEqual([]);
});

test("exact display: 6억, 15.05억, 1,505,000천원; rates as typed", () => {
  expect(formatWon(6n * 억, "억원")).toBe("6");
  expect(formatWon(1_505_000_000n, "억원")).toBe("15.05");
  expect(formatWon(1_505_000_000n, "천원")).toBe("1,505,000");
  expect(formatWon(-595_000_000n, "백만원")).toBe("-595");
  expect(formatWon(1n, "억원")).toBe("0.00000001");
  expect(wonToNumber(1_505_000_000n, "억원")).toBe(15.05);
  expect(formatRate(70_000n)).toBe("7%");
  expect(formatRate(45_000n)).toBe("4.5%");
  expect(formatRate(125n)).toBe("0.0125%");
});

test("computed amounts shown rounded: two decimals in 억원 and 백만원, whole 천원 and 원, half away from zero", () => {
  // The sample program's present value, 10,846,415,107.397… 원 (scenario-command.test.ts), as exact 원.
  expect(formatWonRounded(10_846_415_107n, "억원")).toBe("108.46");
  expect(formatWonRounded(10_846_415_107n, "천원")).toBe("10,846,415");
  expect(formatWonRounded(10_846_415_107n, "백만원")).toBe("10,846.42");
  expect(formatWonRounded(10_846_415_107n, "원")).toBe("10,846,415,107");
  expect(formatWonRounded(510_000_000n, "억원")).toBe("5.10");
  expect(formatWonRounded(1_500n, "천원")).toBe("2");
  expect(formatWonRounded(1_499n, "천원")).toBe("1");
  expect(formatWonRounded(-1_500n, "천원")).toBe("-2");
  expect(formatWonRounded(-499n, "천원")).toBe("0");
  expect(formatWonRounded(123_456_789_000_000n, "조원")).toBe("123.46");
  // An exact fraction is rounded once: 1,000,499.52…원 (1,045,522 / 1.045) is 1,000천원, not 1,001.
  expect(formatWonRounded({ num: 1_045_522_000n, den: 1_045n }, "천원")).toBe("1,000");
  expect(formatWonRounded({ num: -1_045_522_000n, den: 1_045n }, "천원")).toBe("-1,000");
});

describe("the scenario form", () => {
  test("the seed's entries read as 300억, 7%, city 5%, minimum 2%", () => {
    expect(readGiftCertForm(SEED_GIFTCERT_FORM, "억원")).toEqual({
      ok: true,
      value: { issuance: 300n * 억, discountRate: 70_000n, nationalRate: 0n, cityRate: 50_000n, districtMinRate: 20_000n, otherRate: 0n, otherAmount: 0n },
    });
  });

  test("bare numbers take the chosen unit; volume and cap are optional", () => {
    const r = readGiftCertForm({ ...SEED_GIFTCERT_FORM, issuance: "30,000,000", nationalVolume: "200억", cityCap: "10" }, "천원");
    expect(r.ok && [r.value.issuance, r.value.nationalVolume, r.value.cityCap]).toEqual([300n * 억, 200n * 억, 10_000n]);
  });

  test("each bad field gets its own message, in both languages, and no inputs", () => {
    const r = readGiftCertForm({ ...SEED_GIFTCERT_FORM, issuance: "-300억", cityRate: "120%", other: "abc" }, "억원");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.issuance).toEqual({ ko: "음수(-300억)는 넣을 수 없습니다.", en: "Cannot be negative (-300억)." });
    expect(r.errors.cityRate).toEqual({ ko: "100%를 넘을 수 없습니다 (120%).", en: "Cannot exceed 100% (120%)." });
    expect(r.errors.other?.ko).toBe('"abc"은(는) 비율이나 금액(으)로 읽을 수 없습니다. 예: 0.5% 또는 1억');
    expect(r.errors.other?.en).toBe('"abc" is not a rate or an amount; e.g. 0.5% or 1억.');
    expect(Object.keys(r.errors).sort()).toEqual(["cityRate", "issuance", "other"]);
  });

  test("a mandatory minimum above the discount is refused on the minimum's field", () => {
    const r = readGiftCertForm({ ...SEED_GIFTCERT_FORM, discountRate: "1.5%" }, "억원");
    expect(r).toEqual({
      ok: false,
      errors: {
        districtMinRate: {
          ko: "구비 의무 보전율(2%)이 할인율(1.5%)보다 큽니다. 의무 보전율은 할인율 이하여야 합니다.",
          en: "The district's mandatory minimum (2%) is above the discount rate (1.5%); it must not exceed it.",
        },
      },
    });
  });

  test("issuance and discount rate are required", () => {
    const r = readGiftCertForm({ ...SEED_GIFTCERT_FORM, issuance: "", discountRate: " " }, "억원");
    expect(r.ok ? [] : Object.entries(r.errors).map(([k, v]) => [k, v?.ko])).toEqual([
      ["issuance", "값을 넣으세요."],
      ["discountRate", "값을 넣으세요."],
    ]);
  });
});

describe("the sweep form", () => {
  const base = readGiftCertForm(SEED_GIFTCERT_FORM, "억원");
  const inputs = base.ok ? base.value : undefined;

  test("5% to 10% by one point at the scenario's own issuance", () => {
    const r = readSweepForm(DEFAULT_SWEEP_FORM, "억원", inputs);
    expect(r).toEqual({ ok: true, value: { rates: [50_000n, 60_000n, 70_000n, 80_000n, 90_000n, 100_000n], issuances: [300n * 억] } });
  });

  test("a listed issuance replaces it; half points step exactly", () => {
    const r = readSweepForm({ sweepFrom: "7%", sweepTo: "8%", sweepStep: "0.5%", sweepIssuances: "200억, 300" }, "억원", inputs);
    expect(r).toEqual({ ok: true, value: { rates: [70_000n, 75_000n, 80_000n], issuances: [200n * 억, 300n * 억] } });
  });

  test("bad ranges are refused on the field at fault", () => {
    const r = readSweepForm({ sweepFrom: "1%", sweepTo: "0.5%", sweepStep: "0", sweepIssuances: "200억, x" }, "억원", inputs);
    expect(r.ok ? {} : Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [k, v?.ko]))).toEqual({
      sweepFrom: "시작 할인율(1%)이 구비 의무 보전율(2%)보다 낮습니다.",
      sweepTo: "끝 할인율(0.5%)이 시작 할인율(1%)보다 낮습니다.",
      sweepStep: "간격은 0보다 커야 합니다.",
      sweepIssuances: '2번째 값: "x"은(는) 금액(으)로 읽을 수 없습니다. 예: 200억, 300억',
    });
    const many = readSweepForm({ ...DEFAULT_SWEEP_FORM, sweepFrom: "0%", sweepTo: "100%", sweepStep: "1%" }, "억원", undefined);
    expect(many.ok ? undefined : many.errors.sweepStep?.en).toBe("That is 101 values; at most 41 are allowed.");
  });
});

describe("the present-value form", () => {
  test("typed amounts from a start year; the base year defaults to the first; 4.5% by default", () => {
    const r = readPvForm({ ...DEFAULT_PV_FORM, pvRate: "", pvAmounts: "1,234,000 3,500,000", pvStartYear: "2020" }, "천원");
    expect(r).toEqual({
      ok: true,
      value: {
        flows: [
          { year: 2020, won: 1_234_000_000n },
          { year: 2021, won: 3_500_000_000n },
        ],
        rate: 45_000n,
        baseYear: 2020,
        sensitivity: [25_000n, 35_000n, 45_000n, 55_000n, 65_000n],
      },
    });
  });

  test("bad years and empty amounts are refused", () => {
    const r = readPvForm({ ...DEFAULT_PV_FORM, pvAmounts: "", pvStartYear: "20", pvBaseYear: "이천" }, "천원");
    expect(r.ok ? {} : Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [k, v?.en]))).toEqual({
      pvAmounts: "Enter the amounts by year.",
      pvStartYear: '"20" is not a year; e.g. 2021.',
      pvBaseYear: '"이천" is not a year; e.g. 2021.',
    });
  });
});
