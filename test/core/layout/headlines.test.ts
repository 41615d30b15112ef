import fc from "fast-check";
import { parseHeadline, parseHeadlineGeneral, type Headline, type SplitPart } from "../../../src/core/layout/headlines";
import { parseNumber } from "../../../src/core/numbers/numbers";
import type { SourceKey } from "../../../src/core/layout/labels";
import type { Unit } from "../../../src/core/numbers/units";

/** The amount object for `figure` (the figure with its unit, as printed) in `text`. */
function at(text: string, figure: string, value: number, unit: Unit): Headline["amount"] {
  const start = text.indexOf(figure);
  if (start < 0) throw new Error(`test bug: ${figure} not in ${text}`);
  return { value, unit, start, end: start + figure.length };
}

/** A split part whose figure is a plain number in the headline's unit. */
function num(label: string, source: SourceKey, text: string, value: number, unit: Unit): SplitPart {
  return { label, source, parsed: { kind: "number", value, unit, negative: false, text } };
}

describe("parseHeadline: headlines from the seeds", () => {
  test("□ 2021년 소요예산 : 320,793천원", () => {
    const text = "□ 2021년 소요예산 : 320,793천원";
    expect(parseHeadline(text)).toEqual({
      text,
      subject: "2021년 소요예산",
      year: 2021,
      kind: "amount",
      amount: at(text, "320,793천원", 320793, "천원"),
    });
  });

  test("markdown bold markers", () => {
    const text = "□ **2021년 소요예산 : 3,500,000천원**";
    expect(parseHeadline(text)).toEqual({
      text,
      subject: "2021년 소요예산",
      year: 2021,
      kind: "amount",
      amount: at(text, "3,500,000천원", 3500000, "천원"),
    });
  });

  test("no year in the subject", () => {
    const text = "□ 소요예산 : 358,072천원";
    expect(parseHeadline(text)).toEqual({ text, subject: "소요예산", kind: "amount", amount: at(text, "358,072천원", 358072, "천원") });
  });

  test("a count before the amount is not the amount", () => {
    const text = "- 사업규모 : 13개 사업 / 320,793천원";
    expect(parseHeadline(text)).toEqual({ text, subject: "사업규모", kind: "amount", amount: at(text, "320,793천원", 320793, "천원") });
  });

  test("백만원", () => {
    const text = "- 사업규모 : 33,588백만원";
    expect(parseHeadline(text)).toEqual({ text, subject: "사업규모", kind: "amount", amount: at(text, "33,588백만원", 33588, "백만원") });
  });

  test("spaced-out subject and a / split", () => {
    const text = "- 사 업 비 : 2,811,000천원 (국 1,686,600 / 시 674,640 / 구 449,760)";
    expect(parseHeadline(text)).toEqual({
      text,
      subject: "사업비",
      kind: "amount",
      amount: at(text, "2,811,000천원", 2811000, "천원"),
      splits: [
        num("국", "national", "1,686,600", 1686600, "천원"),
        num("시", "city", "674,640", 674640, "천원"),
        num("구", "district", "449,760", 449760, "천원"),
      ],
    });
  });

  test("a comma split glued to the unit", () => {
    const text = "- 총사업비 : 3,347백만원(국 1,174, 시 1,785, 구 388)";
    expect(parseHeadline(text)).toEqual({
      text,
      subject: "총사업비",
      kind: "amount",
      amount: at(text, "3,347백만원", 3347, "백만원"),
      splits: [
        num("국", "national", "1,174", 1174, "백만원"),
        num("시", "city", "1,785", 1785, "백만원"),
        num("구", "district", "388", 388, "백만원"),
      ],
    });
  });

  test("tab instead of colon", () => {
    const text = "총사업비\t3,347백만원";
    expect(parseHeadline(text)).toEqual({ text, subject: "총사업비", kind: "amount", amount: at(text, "3,347백만원", 3347, "백만원") });
  });

  test("tab-separated row from the seed", () => {
    const text = "총사업비\t3,347백만원\t사업유형\t신규/자체/기타\t추진부서\t지역경제과";
    expect(parseHeadline(text)).toEqual({ text, subject: "총사업비", kind: "amount", amount: at(text, "3,347백만원", 3347, "백만원") });
  });

  test("건 립 비", () => {
    const text = "- 건 립 비 : 29,324백만원(국 5,760 / 시 19,907 / 구 3,657)";
    expect(parseHeadline(text)).toEqual({
      text,
      subject: "건립비",
      kind: "amount",
      amount: at(text, "29,324백만원", 29324, "백만원"),
      splits: [
        num("국", "national", "5,760", 5760, "백만원"),
        num("시", "city", "19,907", 19907, "백만원"),
        num("구", "district", "3,657", 3657, "백만원"),
      ],
    });
  });

  test("사 업 비 with comma split", () => {
    const text = "- 사 업 비 : 95,600천원(국 8,612, 시 38,744, 구 48,244)";
    expect(parseHeadline(text)).toEqual({
      text,
      subject: "사업비",
      kind: "amount",
      amount: at(text, "95,600천원", 95600, "천원"),
      splits: [
        num("국", "national", "8,612", 8612, "천원"),
        num("시", "city", "38,744", 38744, "천원"),
        num("구", "district", "48,244", 48244, "천원"),
      ],
    });
  });

  test("a single source without a figure takes the whole amount", () => {
    const text = "- 사 업 비 : 1,453,000천원(구비)";
    expect(parseHeadline(text)).toEqual({
      text,
      subject: "사업비",
      kind: "amount",
      amount: at(text, "1,453,000천원", 1453000, "천원"),
      splits: [num("구비", "district", "1,453,000천원", 1453000, "천원")],
    });
  });

  test("full source names, no spaces around /", () => {
    const text = "- 소요예산 : 12,000천원(시비 6,000/구비 6,000)";
    expect(parseHeadline(text)).toEqual({
      text,
      subject: "소요예산",
      kind: "amount",
      amount: at(text, "12,000천원", 12000, "천원"),
      splits: [num("시비", "city", "6,000", 6000, "천원"), num("구비", "district", "6,000", 6000, "천원")],
    });
  });

  test("square brackets; the period note is not a split", () => {
    const text = "- 총사업비 : 2,789백만원 [국 1,174, 시 1,315, 구 300 ('18.~ '20.)]";
    expect(parseHeadline(text)).toEqual({
      text,
      subject: "총사업비",
      kind: "amount",
      amount: at(text, "2,789백만원", 2789, "백만원"),
      splits: [
        num("국", "national", "1,174", 1174, "백만원"),
        num("시", "city", "1,315", 1315, "백만원"),
        num("구", "district", "300", 300, "백만원"),
      ],
    });
  });

  test("no colon: the subject is the text before the figure, year from '21년", () => {
    const text = "※ '21년 신규 예산 편성 승인 요청 중, 288백만원(시비 200 / 구비 88)";
    expect(parseHeadline(text)).toEqual({
      text,
      subject: "'21년 신규 예산 편성 승인 요청 중",
      year: 2021,
      kind: "amount",
      amount: at(text, "288백만원", 288, "백만원"),
      splits: [num("시비", "city", "200", 200, "백만원"), num("구비", "district", "88", 88, "백만원")],
    });
  });

  test("label list then value list; the malformed 24,00 is kept, not dropped", () => {
    const text = "24,000천원 (국비/시비/구비/민간) (16,800/2,880/1,920/24,00)";
    expect(parseHeadline(text)).toEqual({
      text,
      subject: "",
      kind: "amount",
      amount: at(text, "24,000천원", 24000, "천원"),
      splits: [
        num("국비", "national", "16,800", 16800, "천원"),
        num("시비", "city", "2,880", 2880, "천원"),
        num("구비", "district", "1,920", 1920, "천원"),
        { label: "민간", source: "private", parsed: { kind: "malformed", text: "24,00", reason: "grouping" } },
      ],
    });
  });

  test("label list then value list, all good (30,000+5,143+3,429+4,286 = 42,858)", () => {
    const text = "42,858천원 (국비/시비/구비/민간) (30,000/5,143/3,429/4,286)";
    expect(parseHeadline(text)).toEqual({
      text,
      subject: "",
      kind: "amount",
      amount: at(text, "42,858천원", 42858, "천원"),
      splits: [
        num("국비", "national", "30,000", 30000, "천원"),
        num("시비", "city", "5,143", 5143, "천원"),
        num("구비", "district", "3,429", 3429, "천원"),
        num("민간", "private", "4,286", 4286, "천원"),
      ],
    });
  });

  test("cell with words before the figure", () => {
    const text = "공모 선정 24,000천원 (국비/시비/구비/민간) (16,800/2,880/1,920/24,00)";
    const h = parseHeadline(text);
    expect(h?.subject).toBe("공모 선정");
    expect(h?.amount).toEqual(at(text, "24,000천원", 24000, "천원"));
    expect(h?.splits?.map((s) => [s.label, s.source, s.parsed.kind])).toEqual([
      ["국비", "national", "number"],
      ["시비", "city", "number"],
      ["구비", "district", "number"],
      ["민간", "private", "malformed"],
    ]);
  });

  test("4,800천원 (구비)", () => {
    const text = "4,800천원 (구비)";
    expect(parseHeadline(text)).toEqual({
      text,
      subject: "",
      kind: "amount",
      amount: at(text, "4,800천원", 4800, "천원"),
      splits: [num("구비", "district", "4,800천원", 4800, "천원")],
    });
  });

  test("shortfall: 29,324 needed, 6,468 (22%) missing", () => {
    const text = "- 독산동우시장 그린푸줏간 조성비 29,324백만 원 중 6,468백만 원(22%) 부족";
    expect(parseHeadline(text)).toEqual({
      text,
      subject: "독산동우시장 그린푸줏간 조성비",
      kind: "gap",
      amount: at(text, "6,468백만 원", 6468, "백만원"),
      need: { value: 29324, unit: "백만원" },
      percent: 22,
    });
  });

  test("colon without a space, unit written apart", () => {
    const text = "○ 공모사업 응모를 통한 외부재원 확보: 1,764백만 원";
    expect(parseHeadline(text)).toEqual({
      text,
      subject: "공모사업 응모를 통한 외부재원 확보",
      kind: "amount",
      amount: at(text, "1,764백만 원", 1764, "백만원"),
    });
  });

  test("a product in parentheses is not a split", () => {
    const text = "- 지원규모 : 72,000천원(120,000원×50명×12개월)";
    expect(parseHeadline(text)).toEqual({ text, subject: "지원규모", kind: "amount", amount: at(text, "72,000천원", 72000, "천원") });
  });

  test("parentheses naming non-sources are not splits", () => {
    const text = "22,856백만원 (공모사업 / 중소벤처기업부, 서울시)";
    expect(parseHeadline(text)?.splits).toBeUndefined();
    const text2 = "- 소요예산 : 59,400천원(중소벤처기업진흥공단 위탁수행)";
    expect(parseHeadline(text2)?.splits).toBeUndefined();
    expect(parseHeadline(text2)?.amount.value).toBe(59400);
  });

  test("a single fund source", () => {
    const text = "※ 중소기업육성기금 : 4,800,000천원(기금) ⇨ 소요예산 미포함";
    const h = parseHeadline(text);
    expect(h?.subject).toBe("중소기업육성기금");
    expect(h?.splits).toEqual([num("기금", "fund", "4,800,000천원", 4800000, "천원")]);
  });

  test("억 amounts and a printed share", () => {
    const text = "- 발행목표 : 300억원";
    expect(parseHeadline(text)).toEqual({ text, subject: "발행목표", kind: "amount", amount: at(text, "300억원", 300, "억원") });
    const text2 = "소요예산(구비)\t6억(2%)\t15억(5%) 【추진의견】";
    expect(parseHeadline(text2)).toEqual({
      text: text2,
      subject: "소요예산(구비)",
      kind: "amount",
      amount: at(text2, "6억", 6, "억원"),
      percent: 2,
    });
  });

  test("조 and 억 together: value in 억", () => {
    const text = "- 총사업비 : 1조 2,104억원";
    expect(parseHeadline(text)?.amount).toEqual(at(text, "1조 2,104억원", 12104, "억원"));
  });

  test("split parts with their own unit are converted to the headline's", () => {
    const text = "- 사업비 : 2,000백만원(국비 1,500,000천원 / 구비 500백만원)";
    expect(parseHeadline(text)?.splits).toEqual([
      num("국비", "national", "1,500,000천원", 1500, "백만원"),
      num("구비", "district", "500백만원", 500, "백만원"),
    ]);
  });

  test("colon inside a tab-separated row: the subject is the colon's cell", () => {
    const text = "계\t1,279,440\t187,840\t323,400\t•중소기업 해외진출지원 : 101,400천원 (시비 6,000 / 구비 95,400)";
    const h = parseHeadline(text);
    expect(h?.subject).toBe("중소기업 해외진출지원");
    expect(h?.amount).toEqual(at(text, "101,400천원", 101400, "천원"));
    expect(h?.splits).toEqual([num("시비", "city", "6,000", 6000, "천원"), num("구비", "district", "95,400", 95400, "천원")]);
  });

  test("a figure inside an open parenthesis: the subject stops at it", () => {
    const text = "- **중소기업 육성기금 융자지원 개선 시행**(48개 업체, 4,800백만원)";
    const h = parseHeadline(text);
    expect(h?.subject).toBe("중소기업 육성기금 융자지원 개선 시행");
    expect(h?.amount).toEqual(at(text, "4,800백만원", 4800, "백만원"));
  });

  test("full-width digits keep their offsets", () => {
    const text = "□ 소요예산 : ３２０，７９３천원";
    expect(parseHeadline(text)?.amount).toEqual(at(text, "３２０，７９３천원", 320793, "천원"));
  });
});

describe("parseHeadline: lines that state no amount", () => {
  test.each([
    "- 사업기간 : 2021. 1. ~ 12.",
    "- 사업기간 : 2018. 10. ~ 2021. 10.(36개월)",
    "(22%)",
    "- 이행률 : 100%",
    "2020. 11.",
    "- '18. 7. 5. : 금천구 독산동 집적지구 지정 및 인프라 구축사업 최종 선정",
    "(기준: '20. 10. 31. 단위: 백만원)",
    "(단위 : 천원)",
    "□ 인 력 : 정원 27명(현원 27명)",
    "- 사업규모 : 지하2층/지상6층 ※ 대지면적 1584.5㎡, 연면적 7,800㎡",
    "※ 보증금 및 임대료 : 주변 시세 조사 결과 보증금 5,000만원 / 월 임대료 500만원",
    "- 사업비 : 2억 5천만원",
    "계\t766,023\t81,230\t320,793\t182,000\t182,000",
    "추후 공모 뉴딜사업 (시비)",
    "- 추진근거 : 금천구 동물보호조례 제10조(반려동물의 날 지정 등)",
    " - 지방자치단체를 당사자로 하는 계약에 관한 법률 시행령 제25조제1항제5호다목",
    "",
  ])("%j", (text) => {
    expect(parseHeadline(text)).toBeUndefined();
  });

  test("a figure that is itself malformed is not taken as the amount", () => {
    expect(parseHeadline("- 사업비 : 1,2345천원")).toBeUndefined();
  });
});

describe("parseHeadline: the amount's offsets re-read as the amount", () => {
  test.each([
    "□ 2021년 소요예산 : 320,793천원",
    "- 사 업 비 : 2,811,000천원 (국 1,686,600 / 시 674,640 / 구 449,760)",
    "- 독산동우시장 그린푸줏간 조성비 29,324백만 원 중 6,468백만 원(22%) 부족",
    "○ 공모사업 응모를 통한 외부재원 확보: 1,764백만 원",
    "- 총사업비 : 1조 2,104억원",
  ])("%j", (text) => {
    const h = parseHeadline(text);
    if (h === undefined) throw new Error("expected a headline");
    const p = parseNumber(text.slice(h.amount.start, h.amount.end));
    expect(p.kind === "number" ? [p.value, p.unit] : p).toEqual([h.amount.value, h.amount.unit]);
  });
});

describe("the fast path for the plain budget headline", () => {
  test("gives exactly what the general reader gives", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2099 }), fc.nat({ max: 9_999_999_999 }), fc.constantFrom("천원", "백만원"), (year, amount, unit) => {
        const text = `□ ${year}년 소요예산 : ${amount.toLocaleString("en-US")}${unit}`;
        expect(parseHeadline(text)).toEqual(parseHeadlineGeneral(text));
        expect(parseHeadline(text)?.amount.value).toBe(amount);
      }),
      { numRuns: 500 },
    );
  });
});
