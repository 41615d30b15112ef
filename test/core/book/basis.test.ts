// 산출기초 as the books write them, evaluated exactly and rounded to 천원 as the book rounds.
import fc from "fast-check";
import { evaluateBasis, inUnits, isWhole } from "../../../src/core/book/basis";

const won = (text: string): number | undefined => {
  const b = evaluateBasis(text);
  return b === undefined ? undefined : Number(b.won.n) / Number(b.won.d);
};

test.each([
  ["100,000원*6명*12월", 7_200_000],
  ["4,500,000원", 4_500_000],
  ["82,560원*10명*262일", 216_307_200],
  ["302,345,600원*11.6%", 35_072_089.6],
  ["5,054,830원*5명*4.1/100*12월", 12_434_881.8],
  ["600,712,000원*50/100원", 300_356_000],
  ["360대*500,000원*80/100", 144_000_000],
  ["22,670원*3명*30시간*12월+19,770원*1명*30시     간*12월", 31_600_800],
  // A wrapped cell breaks even a number with spaces.
  ["1,272,050원*2명*2회+1,071,200원*1명*2회+112,65     0원*1명*2회", 7_455_900],
  ["346,431,630원*86%/30*10일", 99_310_400.6],
  ["48,672,000원*1/12*120%", 4_867_200],
  ["9,000원 × 8명 × 90일", 6_480_000],
  ["12천원*10명", 120_000],
])("%s is %d원", (text, expected) => {
  expect(won(text)).toBeCloseTo(expected, 4);
});

test.each(["◎착한가격업소 활성화 지원*41개소", "충남 365×24 아동돌봄 지원", "○10% 할인", "24*7", "100,000원*2원*3", "100원/0명", ""])("%j is no calculation of money", (text) => {
  expect(evaluateBasis(text)).toBeUndefined();
});

test("the rounding to 천원 is exact at the boundary, however the product is reached", () => {
  const b = evaluateBasis("37,270,000원*11.6%");
  if (b === undefined) throw new Error("basis");
  // 4,323,320원: 4,324천원 rounded up, 4,323 down or to the nearest.
  expect([inUnits(b.won, 1000n, "ceil"), inUnits(b.won, 1000n, "floor"), inUnits(b.won, 1000n, "round")]).toEqual([4324n, 4323n, 4323n]);
  expect(isWhole(b.won, 1000n)).toBe(false);
  // 0.1 × 3 is 0.3 exactly here (no float residue to round up).
  const exact = evaluateBasis("3,000원*0.1*10,000명");
  if (exact === undefined) throw new Error("basis");
  expect(inUnits(exact.won, 1000n, "ceil")).toBe(3000n);
  expect(isWhole(exact.won, 1000n)).toBe(true);
});

test("a product of whole 원 counts and rates is rounded consistently: floor ≤ round ≤ ceil, one apart at most", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 999 }), (price, count, tenths) => {
      const b = evaluateBasis(`${price.toLocaleString("en-US")}원*${count}명*${tenths / 10}%`);
      if (b === undefined) return false;
      const [f, r, c] = (["floor", "round", "ceil"] as const).map((m) => inUnits(b.won, 1000n, m));
      const exact = (price * count * tenths) / 1000 / 1000;
      return f <= r && r <= c && c - f <= 1n && Number(f) <= exact + 1e-9 && Number(c) >= exact - 1e-9;
    }),
  );
});
