// The gift-certificate split: the seed's printed figures, hand-computed edge cases, and the split's invariants.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { isTableBlock, parseSeedPlan } from "../../../src/cli/sample-layout";
import { computeGiftCert, compareWithBudget, type GiftCertInputs } from "../../../src/core/scenario/giftcert";
import { parseAmount, parseRate, type Ppm } from "../../../src/core/scenario/exact";
import { readGiftCertForm, SEED_GIFTCERT_FORM, type GiftCertForm } from "../../../src/core/scenario/scenario-form";

const 억 = 100_000_000n;
const pct = (p: number): Ppm => BigInt(Math.round(p * 10_000));

function inputs(over: Partial<GiftCertInputs> = {}): GiftCertInputs {
  return { issuance: 300n * 억, discountRate: pct(7), nationalRate: 0n, cityRate: pct(5), districtMinRate: pct(2), otherRate: 0n, otherAmount: 0n, ...over };
}

/** The seed's table "300억 발행시 | 7% 할인판매 | 10% 할인판매 / 소요예산(구비) | 6억(2%) | 15억(5%)", as transcribed. */
function seedTable(): { issuance: string; cases: { rate: string; district: string; share: string }[] } {
  const seed = parseSeedPlan(JSON.parse(readFileSync(path.join(__dirname, "../../../samples/seed-plan.json"), "utf8")));
  const sheet = seed.workbooks.flatMap((w) => w.sheets).find((s) => s.name === "04 G밸리사랑상품권");
  const table = sheet?.blocks.filter(isTableBlock).find((b) => b.table[0]?.[0] === "300억 발행시")?.table;
  if (table === undefined) throw new Error("the seed's discount table is missing");
  const [head, row] = table;
  return {
    issuance: (/^(\d+억)/.exec(head[0]) ?? [])[1] ?? "",
    cases: [1, 2].map((c) => ({
      rate: (/^(\d+%)/.exec(head[c]) ?? [])[1] ?? "",
      district: (/^(\d+억)/.exec(row[c]) ?? [])[1] ?? "",
      share: (/\((\d+%)\)/.exec(row[c]) ?? [])[1] ?? "",
    })),
  };
}

describe("the seed's figures", () => {
  const seed = seedTable();
  test.each(seed.cases)("300억 at $rate: 구비 $district ($share of issuance)", ({ rate, district, share }) => {
    const form: GiftCertForm = { ...SEED_GIFTCERT_FORM, issuance: seed.issuance, discountRate: rate };
    const read = readGiftCertForm(form, "억원");
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    const r = computeGiftCert(read.value);
    const want = parseAmount(district, "원");
    const wantShare = parseRate(share);
    if (!want.ok || !wantShare.ok) throw new Error("seed figures unreadable");
    expect(r.district).toBe(want.value);
    expect(r.districtShare).toBe(wantShare.value);
    // The city covers its 5 points: 15억 of 300억.
    expect(r.city).toBe(15n * 억);
    expect(r.national).toBe(0n);
    expect(r.total).toBe(r.national + r.city + r.district);
  });

  test("the two printed cases are the ones computed: 7% → 6억, 10% → 15억", () => {
    expect(seed.cases.map((c) => [c.rate, c.district, c.share])).toEqual([
      ["7%", "6억", "2%"],
      ["10%", "15억", "5%"],
    ]);
  });

  test("against the program's 2021 구비 budget of 1,505,000천원: 10% leaves 5,000천원, 7% leaves 905,000천원", () => {
    const budget = 1_505_000n * 1000n;
    expect(compareWithBudget(computeGiftCert(inputs({ discountRate: pct(10) })).district, budget)).toEqual({
      budget,
      district: 15n * 억,
      difference: 5_000_000n,
      surplus: true,
    });
    expect(compareWithBudget(computeGiftCert(inputs()).district, budget).difference).toBe(905_000_000n);
    // 12%: 36억 − 15억 = 21억 for the district, 5.95억 more than budgeted.
    const short = compareWithBudget(computeGiftCert(inputs({ discountRate: pct(12) })).district, budget);
    expect(short).toMatchObject({ district: 21n * 억, difference: -595_000_000n, surplus: false });
  });
});

describe("edge cases, computed by hand", () => {
  test("0% discount, 0% minimum: nobody pays anything", () => {
    const r = computeGiftCert(inputs({ discountRate: 0n, districtMinRate: 0n }));
    expect([r.discountCost, r.national, r.city, r.district, r.total]).toEqual([0n, 0n, 0n, 0n, 0n]);
  });

  test("zero issuance: all zero, share 0%", () => {
    const r = computeGiftCert(inputs({ issuance: 0n }));
    expect([r.total, r.district, r.districtShare]).toEqual([0n, 0n, 0n]);
  });

  test("the city's cap binds: 300억 at 10%, city 5% capped at 10억 → city 10억, 구비 20억", () => {
    const r = computeGiftCert(inputs({ discountRate: pct(10), cityCap: 10n * 억 }));
    expect([r.city, r.district, r.binding.cityCap]).toEqual([10n * 억, 20n * 억, true]);
  });

  test("a cap above the city's share does not bind", () => {
    const r = computeGiftCert(inputs({ discountRate: pct(10), cityCap: 20n * 억 }));
    expect([r.city, r.district, r.binding.cityCap]).toEqual([15n * 억, 15n * 억, false]);
  });

  test("the national volume is exceeded: 4% of at most 200억 is 8억; 300억 at 10% → 국비 8억, 시비 15억, 구비 7억", () => {
    const r = computeGiftCert(inputs({ discountRate: pct(10), nationalRate: pct(4), nationalVolume: 200n * 억 }));
    expect([r.nationalEligible, r.national, r.city, r.district]).toEqual([200n * 억, 8n * 억, 15n * 억, 7n * 억]);
    expect(r.binding.nationalVolume).toBe(true);
    expect(r.binding.districtMinimum).toBe(false);
  });

  test("under the volume, national funds cover their full rate: 4% of 300억 = 12억, and the city only what is left above the minimum", () => {
    const r = computeGiftCert(inputs({ discountRate: pct(10), nationalRate: pct(4), nationalVolume: 500n * 억 }));
    // D 30억, minimum 6억: 24억 for the higher levels; 국비 12억, 시비 min(15억, 12억) = 12억.
    expect([r.national, r.city, r.district]).toEqual([12n * 억, 12n * 억, 6n * 억]);
    expect(r.binding).toEqual({ nationalVolume: false, cityCap: false, districtMinimum: true });
  });

  test("the mandatory minimum binds: 300억 at 6% with the city at 5% → the city pays 12억, the district its 6억", () => {
    const r = computeGiftCert(inputs({ discountRate: pct(6) }));
    expect([r.city, r.district, r.binding.districtMinimum]).toEqual([12n * 억, 6n * 억, true]);
  });

  test("minimum equal to the discount: the district pays it all", () => {
    const r = computeGiftCert(inputs({ discountRate: pct(2) }));
    expect([r.city, r.district]).toEqual([0n, 6n * 억]);
  });

  test("other costs go to the district: 0.5% of 300억 is 1.5억; 1억 as an amount is 1억", () => {
    expect(computeGiftCert(inputs({ otherRate: pct(0.5) })).district).toBe(6n * 억 + 150_000_000n);
    const r = computeGiftCert(inputs({ otherAmount: 억 }));
    expect([r.district, r.total]).toEqual([7n * 억, 22n * 억]);
  });

  test("a product short of a whole 원 is rounded half up, once: 1,001원 at 0.05% → 0.5005 → 1원", () => {
    const r = computeGiftCert({ issuance: 1001n, discountRate: 500n, nationalRate: 0n, cityRate: 0n, districtMinRate: 0n, otherRate: 0n, otherAmount: 0n });
    expect(r.discountCost).toBe(1n);
    const half = computeGiftCert({ issuance: 10n, discountRate: pct(5), nationalRate: 0n, cityRate: 0n, districtMinRate: 0n, otherRate: 0n, otherAmount: 0n });
    expect(half.discountCost).toBe(1n); // 0.5 → 1
  });

  test("invalid inputs are refused, never guessed", () => {
    expect(() => computeGiftCert(inputs({ districtMinRate: pct(8) }))).toThrow(RangeError);
    expect(() => computeGiftCert(inputs({ issuance: -1n }))).toThrow(RangeError);
  });
});

describe("the split's invariants", () => {
  const rate = fc.integer({ min: 0, max: 1_000_000 }).map(BigInt);
  const won = fc.bigInt({ min: 0n, max: 10n ** 13n });
  const arb = fc
    .record({
      issuance: won,
      discountRate: rate,
      minShare: fc.integer({ min: 0, max: 1000 }),
      nationalRate: rate,
      nationalVolume: fc.option(won, { nil: undefined }),
      cityRate: rate,
      cityCap: fc.option(won, { nil: undefined }),
      otherRate: fc.integer({ min: 0, max: 50_000 }).map(BigInt),
      otherAmount: won,
    })
    .map(({ minShare, nationalVolume, cityCap, ...x }): GiftCertInputs => ({
      ...x,
      districtMinRate: (x.discountRate * BigInt(minShare)) / 1000n,
      ...(nationalVolume !== undefined ? { nationalVolume } : {}),
      ...(cityCap !== undefined ? { cityCap } : {}),
    }));

  test("levels add up to the total; nobody pays below zero or above its offer; the district pays at least its minimum", () => {
    fc.assert(
      fc.property(arb, (x) => {
        const r = computeGiftCert(x);
        expect(r.national + r.city + r.district).toBe(r.total);
        expect(r.national >= 0n && r.city >= 0n).toBe(true);
        expect(r.national <= r.nationalOffer && r.city <= r.cityOffer).toBe(true);
        expect(r.districtDiscount >= r.districtMinimum).toBe(true);
        // The closed form the sheet's sweep uses: max(Dmin, D − a − b).
        const closed = r.discountCost - r.nationalOffer - r.cityOffer;
        expect(r.districtDiscount).toBe(closed > r.districtMinimum ? closed : r.districtMinimum);
      }),
    );
  });

  test("a higher discount never costs the district less", () => {
    fc.assert(
      fc.property(arb, rate, (x, extra) => {
        const higher = x.discountRate + extra > 1_000_000n ? 1_000_000n : x.discountRate + extra;
        expect(computeGiftCert({ ...x, discountRate: higher }).district >= computeGiftCert(x).district).toBe(true);
      }),
    );
  });
});
