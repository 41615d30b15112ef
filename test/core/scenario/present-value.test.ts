// Present value at a social discount rate: hand-checkable cases, and the seed program's funding plan.
import { presentValue, presentValueWon, sensitivity, SOCIAL_DISCOUNT_RATE } from "../../../src/core/scenario/present-value";

const y = (year: number, won: bigint) => ({ year, won });

test("the social discount rate is 4.5%", () => {
  expect(SOCIAL_DISCOUNT_RATE).toBe(45_000n);
});

test("amounts one and two years out at 4.5%: 1,045,000 and 1,092,025 are each worth 1,000,000 today", () => {
  expect(presentValueWon([y(2021, 1_000_000n), y(2022, 1_045_000n), y(2023, 1_092_025n)], 45_000n, 2021)).toBe(3_000_000n);
  // Exact, not rounded: the fraction is whole.
  expect(presentValue([y(2022, 1_045_000n)], 45_000n, 2021)).toEqual({ num: 1_000_000n, den: 1n });
});

test("a year before the base is compounded forward", () => {
  expect(presentValueWon([y(2020, 1_000_000n)], 45_000n, 2021)).toBe(1_045_000n);
});

test("at 0% the present value is the plain sum", () => {
  expect(presentValueWon([y(2020, 7n), y(2025, 5n)], 0n, 2020)).toBe(12n);
});

test("rounding happens once, at the end, half up: 1/2 → 1, 3/2 → 2, 1,000,000/1.045 → 956,938", () => {
  expect(presentValueWon([y(2022, 1n)], 1_000_000n, 2021)).toBe(1n);
  expect(presentValueWon([y(2022, 3n)], 1_000_000n, 2021)).toBe(2n);
  expect(presentValueWon([y(2022, 1_000_000n)], 45_000n, 2021)).toBe(956_938n);
  // Two amounts of 1/2 원 each add to a whole 원 before rounding (rounding each first would give 2).
  expect(presentValueWon([y(2022, 1n), y(2022, 1n)], 1_000_000n, 2021)).toBe(1n);
});

// 금천G밸리사랑상품권's 계 row (천원): 1,234,000 / 3,500,000 / 3,495,000 / 3,495,000 for 2020–2023. Reference values
// computed separately with Python's fractions.Fraction: Σ a·1000 / (1 + r)^(t − 2020).
const PROGRAM_04 = [y(2020, 1_234_000_000n), y(2021, 3_500_000_000n), y(2022, 3_495_000_000n), y(2023, 3_495_000_000n)];

test("the seed program's funding at 4.5% from 2020: 10,846,415,107원", () => {
  expect(presentValueWon(PROGRAM_04, 45_000n, 2020)).toBe(10_846_415_107n);
});

test("its sensitivity over 2.5%–6.5%", () => {
  expect(sensitivity(PROGRAM_04, [25_000n, 35_000n, 45_000n, 55_000n, 65_000n], 2020).map(({ rate, won }) => ({ rate, won }))).toEqual([
    { rate: 25_000n, won: 11_220_680_402n },
    { rate: 35_000n, won: 11_030_552_166n },
    { rate: 45_000n, won: 10_846_415_107n },
    { rate: 55_000n, won: 10_668_016_494n },
    { rate: 65_000n, won: 10_495_116_746n },
  ]);
});
