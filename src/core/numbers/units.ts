// Money units of Korean budget documents and their exact size in 원.
// Sizes are bigint so that conversions never drift (1조 = 10^12 원 is past float-exact products).

export type Unit = "원" | "천원" | "백만원" | "억원" | "조원";

export const UNITS: readonly Unit[] = ["원", "천원", "백만원", "억원", "조원"];

export const WON_PER_UNIT: Readonly<Record<Unit, bigint>> = {
  원: 1n,
  천원: 1_000n,
  백만원: 1_000_000n,
  억원: 100_000_000n,
  조원: 1_000_000_000_000n,
};

/** How English messages name each unit (Korean messages use the unit itself). */
export const UNIT_EN: Readonly<Record<Unit, string>> = {
  원: "won",
  천원: "thousand won",
  백만원: "million won",
  억원: "hundred million won",
  조원: "trillion won",
};
