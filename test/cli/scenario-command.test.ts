// `yesan scenario`: the seed's figures, the sample workbook's budget, present values, and bad input refused by option.
import path from "node:path";
import { run } from "../support/run-cli";

const PLAN = path.join(__dirname, "../../samples/2021-경제환경국-지역경제과.xlsx");

const SEED = ["scenario", "giftcert", "--issuance", "300억", "--city", "5%", "--min", "2%"];

describe("giftcert", () => {
  test("the seed: 300억 at 7% → 구비 6억 (2%), at 10% → 15억 (5%); text in 억원", async () => {
    const seven = await run(...SEED, "--rate", "7%");
    expect(seven.code).toBe(0);
    expect(seven.err).toBe("");
    const lines = seven.out.split("\n");
    expect(lines[0]).toBe("상품권 할인 시나리오 (금액 단위: 억원)");
    expect(lines).toContain("할인 비용\t21");
    expect(lines).toContain("국비\t0");
    expect(lines).toContain("시비\t15");
    expect(lines).toContain("구비\t6\t(발행액의 2%)");
    expect(lines).toContain("계\t21");
    const ten = await run(...SEED, "--rate", "10%", "--lang", "en");
    expect(ten.out.split("\n")).toContain("구비 (district)\t15\t(5% of issuance)");
  });

  test("JSON: exact 원 and the sweep from 5% to 10% (구비 max(2%, rate − 5%) of 300억)", async () => {
    const { code, out } = await run(...SEED, "--rate", "10%", "--format", "json");
    expect(code).toBe(0);
    const j = JSON.parse(out);
    expect(j.unit).toBe("억원");
    expect(j.result.district).toEqual({ won: 1_500_000_000, value: 15 });
    expect(j.result.city).toEqual({ won: 1_500_000_000, value: 15 });
    expect(j.result.total).toEqual({ won: 3_000_000_000, value: 30 });
    expect(j.result.districtShare).toBe("5%");
    expect(j.budget).toBeNull();
    expect(j.sweep.rates).toEqual(["5%", "6%", "7%", "8%", "9%", "10%"]);
    // 5%, 6%, 7%: the minimum 2% = 6억; then 8% → 9억, 9% → 12억, 10% → 15억.
    expect(j.sweep.district.map((row: { value: number }[]) => row.map((c) => c.value))).toEqual([[6], [6], [6], [9], [12], [15]]);
  });

  test("against the sample workbook: 04 G밸리사랑상품권's 2021 구비, 1,505,000천원 in D73", async () => {
    const { code, out } = await run(...SEED, "--rate", "10%", "--workbook", PLAN, "--unit", "천원");
    expect(code).toBe(0);
    expect(out).toContain("예산 비교 (04 G밸리사랑상품권 2021년 구비, D73): 예산 1,505,000 − 구비 1,500,000 = 5,000 여유");
    const short = await run(...SEED, "--rate", "12%", "--workbook", PLAN, "--program", "04", "--year", "2021", "--format", "json", "--lang", "en");
    const j = JSON.parse(short.out);
    expect(j.budget).toMatchObject({ program: "04 G밸리사랑상품권", year: 2021, cell: "D73", source: "04 G밸리사랑상품권, 2021, 구비", surplus: false });
    expect(j.budget.difference).toEqual({ won: -595_000_000, value: -5.95 });
  });

  test("caps, volumes, other costs and a listed sweep", async () => {
    const { out } = await run(
      ...SEED,
      "--rate", "10%", "--national", "4%", "--national-volume", "200억", "--city-cap", "10억", "--other", "0.5%",
      "--sweep-from", "9%", "--sweep-to", "10%", "--sweep-step", "0.5%", "--sweep-issuance", "200억 300억", "--format", "json",
    );
    const j = JSON.parse(out);
    // 국비 4% of 200억 = 8억; 시비 capped at 10억; 구비 30 − 8 − 10 = 12억 plus 0.5% of 300억 = 1.5억.
    expect([j.result.national.value, j.result.city.value, j.result.district.value, j.result.total.value]).toEqual([8, 10, 13.5, 31.5]);
    expect(j.result.binding).toEqual({ nationalVolume: true, cityCap: true, districtMinimum: false });
    // 200억: D 18–20, 국비 8, 시비 10 leave at most 2억, below the 4억 minimum → 4 + 1 (other) = 5억 at every rate.
    // 300억 at 9%: D 27 − 8 − 10 = 9 (above the 6억 minimum) + 1.5 = 10.5억; each half point adds 1.5억.
    expect(j.sweep.district.map((row: { value: number }[]) => row.map((c) => c.value))).toEqual([
      [5, 10.5],
      [5, 12],
      [5, 13.5],
    ]);
  });

  test("bad input names the option and the problem, writes nothing to stdout, exits 2", async () => {
    const { code, out, err } = await run("scenario", "giftcert", "--issuance=-300억", "--rate", "120%", "--city", "5%", "--min", "2%");
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err.split("\n")).toEqual(["--issuance: 음수(-300억)는 넣을 수 없습니다.", "--rate: 100%를 넘을 수 없습니다 (120%).", ""]);
    // A negative value given as the next word is taken as the value ("--rate -5%"), and refused by its own rule.
    const negative = await run("scenario", "giftcert", "--issuance", "-300억", "--rate", "-5%", "--city", "5%", "--min", "2%");
    expect(negative.err.split("\n")[0]).toBe("--issuance: 음수(-300억)는 넣을 수 없습니다.");
    expect(negative.err).toMatch(/--rate: .*-5%/);
    expect(negative.err).not.toContain("값이 필요합니다");
    const min = await run(...SEED, "--rate", "1%", "--lang", "en");
    expect(min.err).toContain("--min: The district's mandatory minimum (2%) is above the discount rate (1%); it must not exceed it.");
    expect((await run("scenario", "lottery")).code).toBe(2);
    expect((await run(...SEED, "--rate", "7%", "--unit", "냥")).err).toContain("--unit: 알 수 없는 단위입니다: 냥");
    const noProgram = await run(...SEED, "--rate", "7%", "--workbook", PLAN, "--program", "없는사업");
    expect(noProgram.code).toBe(2);
    expect(noProgram.err).toMatch(/^--program: "없는사업"에 맞는 재원별 표가 없습니다\. 있는 사업: 01 전통시장 경영현대화, /);
  });
});

describe("pv", () => {
  test("typed amounts at the default 4.5%: 1,000,000 and 1,045,000 are worth 2,000,000 at the first year", async () => {
    const { code, out } = await run("scenario", "pv", "--amounts", "1,000,000 1,045,000", "--start", "2021", "--unit", "원");
    expect(code).toBe(0);
    const lines = out.split("\n");
    expect(lines[0]).toBe("현재가치 (사회적 할인율 4.5%, 기준연도 2021, 금액 단위: 원)");
    expect(lines).toContain("2022\t1,045,000\t0.956938\t1,000,000");
    expect(lines).toContain("현재가치 합계: 2,000,000");
  });

  test("a present value is rounded once, from its exact value, not first to the won", async () => {
    // 1,045,522원 a year after the base at 4.5%: 1,045,522 / 1.045 = 1,000,499.52…원 = 1,000.4995…천원 → 1,000.
    // (Rounded to the won first it would be 1,000,500원, and then 1,001천원.)
    const { code, out } = await run("scenario", "pv", "--amounts", "1,045,522원", "--start", "2023", "--base", "2022", "--unit", "천원", "--sensitivity", "4.5%");
    expect(code).toBe(0);
    const lines = out.split("\n");
    expect(lines).toContain("현재가치 합계: 1,000");
    expect(lines).toContain("4.5%\t1,000");
    expect(lines).toContain("2023\t1,045.522\t0.956938\t1,000");
  });

  test("in 억원 the discounted amounts are shown to two decimals; typed amounts stay as typed", async () => {
    // 100억 now and 200.5억 a year on at 4.5%: 200.5/1.045 = 191.866028…, total 291.866028… 억원.
    const { code, out } = await run("scenario", "pv", "--amounts", "100억 200.5억", "--start", "2021", "--unit", "억원");
    expect(code).toBe(0);
    const lines = out.split("\n");
    expect(lines).toContain("2022\t200.5\t0.956938\t191.87");
    expect(lines).toContain("현재가치 합계: 291.87");
    expect(lines).toContain("현재가치는 정확히 계산한 뒤 억원 소수점 아래 2자리까지 반올림해 보여 줍니다(JSON에는 원 단위까지 그대로).");
  });

  test("the sample program's 계 (천원) from the workbook, with its sensitivity", async () => {
    const { code, out } = await run("scenario", "pv", "--workbook", PLAN, "--program", "상품권", "--base", "2020", "--format", "json");
    expect(code).toBe(0);
    const j = JSON.parse(out);
    expect(j.source).toBe("04 G밸리사랑상품권 계 (천원)");
    expect(j.years.map((y: { year: number; amount: { value: number } }) => [y.year, y.amount.value])).toEqual([
      [2020, 1_234_000],
      [2021, 3_500_000],
      [2022, 3_495_000],
      [2023, 3_495_000],
    ]);
    // Σ a / 1.045^(t − 2020), computed separately with Python's fractions: 10,846,415,107.397… 원.
    expect(j.presentValue).toEqual({ won: 10_846_415_107, value: 10_846_415.107 });
    expect(j.sensitivity.map((s: { rate: string }) => s.rate)).toEqual(["2.5%", "3.5%", "4.5%", "5.5%", "6.5%"]);
  });

  test("one source's line; bad input refused", async () => {
    const { out } = await run("scenario", "pv", "--workbook", PLAN, "--program", "상품권", "--line", "구비", "--rate", "0%", "--format", "json");
    expect(JSON.parse(out).presentValue.value).toBe(4_860_000); // 0%: the plain sum of 355,000 + 1,505,000 + 1,500,000 + 1,500,000
    const none = await run("scenario", "pv");
    expect([none.code, none.err]).toEqual([2, "--amounts: 연도별 금액을 넣으세요.\n"]);
    const bad = await run("scenario", "pv", "--amounts", "100 x", "--start", "2021", "--rate", "4.5.5%");
    expect(bad.err.split("\n")).toEqual(['--rate: "4.5.5%"은(는) 비율(으)로 읽을 수 없습니다. 예: 7%, 4.5%', '--amounts: 2번째 값: "x"은(는) 금액(으)로 읽을 수 없습니다. 예: 200억, 300억', ""]);
    expect((await run("scenario", "pv", "--workbook", PLAN, "--program", "상품권", "--line", "국비")).err).toContain("--line: 재원 행이 아닙니다: 국비");
  });
});

test("--help prints the usage, exit 0", async () => {
  const { code, out } = await run("scenario", "--help");
  expect(code).toBe(0);
  expect(out).toContain("yesan scenario giftcert --issuance");
});
