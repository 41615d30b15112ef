// Who pays for a local gift certificate's discount (지역사랑상품권 할인 보전), and how much.
//
// The seed plan (금천G밸리사랑상품권, 2021) states: issuing 300억 at a 7% discount costs the district 6억 (2%), at 10%
// it costs 15억 (5%), because the city's subsidy is fixed (시비보조금 확정) at 5 points and the district must fund at
// least its mandatory rate (자치구 의무 보전율 2%). Read as a rule:
//
//   discount cost      D    = issuance × discount rate                      (what buyers save: the cost to fund)
//   district minimum   Dmin = issuance × mandatory minimum rate             (구비 의무 보전액)
//   national offer     a    = national rate × min(issuance, supported volume)   (국비: a share up to a volume)
//   city offer         b    = min(city rate × issuance, city cap)           (시비: a rate, optionally capped)
//   national           N    = min(a, D − Dmin)
//   city               C    = min(b, D − Dmin − N)
//   district (구비)     = D − N − C  (+ other costs)
//
// The higher levels pay their offers, but never into the district's mandatory minimum: whatever of the discount
// they do not cover is the district's, and the district never pays less than its minimum. Since D − Dmin ≥ 0,
//   N + C = min(a + b, D − Dmin)   and so   district discount share = max(Dmin, D − a − b),
// the form the sheet's sweep table uses. Seed: D = 21억, Dmin = 6억, a = 0, b = 15억 → 구비 max(6, 21 − 15) = 6억;
// at 10%: D = 30억 → max(6, 30 − 15) = 15억. Both exactly as printed.
//
// Other costs (sales fees, printing) are the issuer's own operating costs, so the district pays them; they add to
// the district's share and to the total, not to the discount.
//
// Each product of a rate and an amount is rounded to the nearest 원 (half up) on its own; the sheet's formulas
// round the same products the same way (ROUND(…,0)), so the two agree to the 원.
import { minOf, ofRate, shareOf, type Ppm } from "./exact";

export interface GiftCertInputs {
  /** 발행액, 원. */
  issuance: bigint;
  discountRate: Ppm;
  /** The national share of the issuance (국비 지원율); 0 when there is none. */
  nationalRate: Ppm;
  /** The issuance volume national funds support (국비 지원 발행한도); undefined: all of it. */
  nationalVolume?: bigint;
  cityRate: Ppm;
  /** The most the city pays (시비 상한액); undefined: no cap. */
  cityCap?: bigint;
  /** 자치구 의무 보전율. */
  districtMinRate: Ppm;
  /** Other costs as a share of the issuance (fees, printing). */
  otherRate: Ppm;
  /** Other costs as an amount, 원 (added to otherRate's). */
  otherAmount: bigint;
}

export interface GiftCertResult {
  /** D: the discount, to be funded. */
  discountCost: bigint;
  /** Dmin: the district's mandatory minimum. */
  districtMinimum: bigint;
  /** The issuance national funds support: min(issuance, volume). */
  nationalEligible: bigint;
  /** a and b: what national funds and the city would pay before the district's minimum is kept. */
  nationalOffer: bigint;
  cityOffer: bigint;
  national: bigint;
  city: bigint;
  /** The district's part of the discount (≥ Dmin). */
  districtDiscount: bigint;
  other: bigint;
  /** 구비: districtDiscount + other. */
  district: bigint;
  /** D + other = national + city + district. */
  total: bigint;
  /** 구비 as a share of the issuance (ppm, rounded half up): the "(2%)" and "(5%)" of the seed. */
  districtShare: Ppm;
  /** Which limits decided the split. */
  binding: {
    /** The issuance is above the national supported volume. */
    nationalVolume: boolean;
    /** The city cap is below the city's rate × issuance. */
    cityCap: boolean;
    /** The district pays its minimum, more than what the higher levels leave (their offers were cut). */
    districtMinimum: boolean;
  };
}

/** The split for valid inputs (see `giftCertProblems`): throws a RangeError otherwise, it never guesses. */
export function computeGiftCert(x: GiftCertInputs): GiftCertResult {
  if (x.issuance < 0n || x.otherAmount < 0n) throw new RangeError("giftcert: negative amount");
  if (x.districtMinRate > x.discountRate) throw new RangeError("giftcert: mandatory minimum above the discount rate");
  const discountCost = ofRate(x.issuance, x.discountRate);
  const districtMinimum = ofRate(x.issuance, x.districtMinRate);
  const nationalEligible = x.nationalVolume === undefined ? x.issuance : minOf(x.issuance, x.nationalVolume);
  const nationalOffer = ofRate(nationalEligible, x.nationalRate);
  const cityByRate = ofRate(x.issuance, x.cityRate);
  const cityOffer = x.cityCap === undefined ? cityByRate : minOf(cityByRate, x.cityCap);
  const room = discountCost - districtMinimum;
  const national = minOf(nationalOffer, room);
  const city = minOf(cityOffer, room - national);
  const districtDiscount = discountCost - national - city;
  const other = ofRate(x.issuance, x.otherRate) + x.otherAmount;
  const district = districtDiscount + other;
  return {
    discountCost,
    districtMinimum,
    nationalEligible,
    nationalOffer,
    cityOffer,
    national,
    city,
    districtDiscount,
    other,
    district,
    total: discountCost + other,
    districtShare: shareOf(district, x.issuance),
    binding: {
      nationalVolume: x.nationalVolume !== undefined && x.issuance > x.nationalVolume && x.nationalRate > 0n,
      cityCap: x.cityCap !== undefined && x.cityCap < cityByRate,
      districtMinimum: nationalOffer + cityOffer > room,
    },
  };
}

/** The district's budget for the program and year, against the district's cost: surplus ≥ 0, shortfall < 0. */
export interface BudgetComparison {
  budget: bigint;
  district: bigint;
  /** budget − district. */
  difference: bigint;
  surplus: boolean;
}

export function compareWithBudget(district: bigint, budget: bigint): BudgetComparison {
  const difference = budget - district;
  return { budget, district, difference, surplus: difference >= 0n };
}
