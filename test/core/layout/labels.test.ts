import fc from "fast-check";
import { classifyLabel, normalizeLabel, SOURCE_NAMES, sourceFromAbbrev, type LabelClass, type SourceKey } from "../../../src/core/layout/labels";

describe("normalizeLabel", () => {
  test.each([
    ["합 계", "합계"],
    ["재 원 별", "재원별"],
    ["국 비", "국비"],
    [" 비\u00a0고 ", "비고"],
    ["Ｇｒａｎｄ Total", "grandtotal"],
    ["２０２１년", "2021년"],
    ["구\t비\n", "구비"],
  ])("%j -> %j", (input, out) => {
    expect(normalizeLabel(input)).toBe(out);
  });
});

describe("classifyLabel", () => {
  const cases: [string, LabelClass | undefined][] = [
    // totals (from the seed tables: "계", "합계", "합 계", "총 계", "소계")
    ["계", { kind: "total", level: "grand" }],
    ["합계", { kind: "total", level: "grand" }],
    ["합 계", { kind: "total", level: "grand" }],
    ["총계", { kind: "total", level: "grand" }],
    ["총 계", { kind: "total", level: "grand" }],
    ["소계", { kind: "total", level: "sub" }],
    ["Total", { kind: "total", level: "grand" }],
    ["TOTAL", { kind: "total", level: "grand" }],
    ["Grand total", { kind: "total", level: "grand" }],
    ["Sum", { kind: "total", level: "grand" }],
    ["Subtotal", { kind: "total", level: "sub" }],
    ["계속", undefined],
    ["계 속", undefined],
    // sources
    ["국비", { kind: "source", source: "national" }],
    ["국 비", { kind: "source", source: "national" }],
    ["국고", { kind: "source", source: "national" }],
    ["시비", { kind: "source", source: "city" }],
    ["시 비", { kind: "source", source: "city" }],
    ["도비", { kind: "source", source: "province" }],
    ["구비", { kind: "source", source: "district" }],
    ["구 비", { kind: "source", source: "district" }],
    ["군비", { kind: "source", source: "county" }],
    ["기금", { kind: "source", source: "fund" }],
    ["민간", { kind: "source", source: "private" }],
    ["민간자본", { kind: "source", source: "private" }],
    ["자체", { kind: "source", source: "own" }],
    ["자부담", { kind: "source", source: "own" }],
    ["National", { kind: "source", source: "national" }],
    ["City", { kind: "source", source: "city" }],
    ["Province", { kind: "source", source: "province" }],
    ["District", { kind: "source", source: "district" }],
    ["County", { kind: "source", source: "county" }],
    ["Fund", { kind: "source", source: "fund" }],
    ["Private", { kind: "source", source: "private" }],
    ["Own", { kind: "source", source: "own" }],
    ["시비 보조금 교부", undefined],
    ["국시비 보조금 교부완료", undefined],
    // years
    ["2021년", { kind: "year", year: 2021 }],
    ["2021", { kind: "year", year: 2021 }],
    ["'21", { kind: "year", year: 2021 }],
    ["‘21", { kind: "year", year: 2021 }],
    ["’21", { kind: "year", year: 2021 }],
    ["FY2021", { kind: "year", year: 2021 }],
    ["FY21", { kind: "year", year: 2021 }],
    ["21년", { kind: "year", year: 2021 }],
    ["2021년도", { kind: "year", year: 2021 }],
    ["2021 (7차년도)", { kind: "year", year: 2021 }],
    ["2015 (1차년도)", { kind: "year", year: 2015 }],
    ["２０２２년", { kind: "year", year: 2022 }],
    ["1990", { kind: "year", year: 1990 }],
    ["2099년", { kind: "year", year: 2099 }],
    ["1989", undefined],
    ["2100", undefined],
    ["21", undefined],
    ["2021년 소요예산", undefined],
    ["'18. 7. 5.", undefined],
    // need / secured / gap (the seed's 건립비 | 확보금액 | 미확보금액 table)
    ["건립비", { kind: "need" }],
    ["사업비", { kind: "need" }],
    ["사 업 비", { kind: "need" }],
    ["총사업비", { kind: "need" }],
    ["소요액", { kind: "need" }],
    ["소요예산", { kind: "need" }],
    ["필요액", { kind: "need" }],
    ["투자수요", { kind: "need" }],
    ["투자 수요", { kind: "need" }],
    ["확보금액", { kind: "secured" }],
    ["확보액", { kind: "secured" }],
    ["기확보", { kind: "secured" }],
    ["미확보금액", { kind: "gap" }],
    ["미확보액", { kind: "gap" }],
    ["부족액", { kind: "gap" }],
    ["부족금액", { kind: "gap" }],
    // headers and remarks
    ["구분", { kind: "header" }],
    ["구 분", { kind: "header" }],
    ["재원별", { kind: "header" }],
    ["재 원 별", { kind: "header" }],
    ["사업명", { kind: "header" }],
    ["세부사업명", { kind: "header" }],
    ["항목", { kind: "header" }],
    ["내역", { kind: "header" }],
    ["비고", { kind: "remark" }],
    ["비 고", { kind: "remark" }],
    ["Remarks", { kind: "remark" }],
    ["Note", { kind: "remark" }],
    // other text
    ["", undefined],
    ["   ", undefined],
    ["공모사업", undefined],
    ["주차환경개선", undefined],
  ];
  test.each(cases)("%j", (input, expected) => {
    expect(classifyLabel(input)).toEqual(expected);
  });

  test("property: whitespace inserted anywhere does not change the class", () => {
    const labels = cases.map(([label]) => label).filter((l) => l.trim() !== "");
    fc.assert(
      fc.property(
        fc.constantFrom(...labels),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(" ", "  ", "\t", "\u00a0", "\u3000", "\n")), { maxLength: 6 }),
        (label, inserts) => {
          let s = label;
          for (const [at, ws] of inserts) {
            const i = at % (s.length + 1);
            s = s.slice(0, i) + ws + s.slice(i);
          }
          expect(classifyLabel(s)).toEqual(classifyLabel(label));
        },
      ),
    );
  });
});

describe("sourceFromAbbrev", () => {
  const cases: [string, SourceKey | undefined][] = [
    ["국", "national"],
    ["시", "city"],
    ["도", "province"],
    ["구", "district"],
    ["군", "county"],
    ["민", "private"],
    ["민간", "private"],
    ["기금", "fund"],
    ["국비", "national"],
    ["시비", "city"],
    ["구비", "district"],
    ["구 비", "district"],
    ["자부담", "own"],
    ["국시비", undefined],
    ["공모", undefined],
    ["공모사업", undefined],
    ["중소벤처기업부", undefined],
  ];
  test.each(cases)("%j -> %p", (input, key) => {
    expect(sourceFromAbbrev(input)).toBe(key);
  });
});

test("SOURCE_NAMES names every source in both languages", () => {
  expect(SOURCE_NAMES.national).toEqual({ ko: "국비", en: "National" });
  expect(SOURCE_NAMES.district).toEqual({ ko: "구비", en: "District" });
  for (const [key, names] of Object.entries(SOURCE_NAMES)) {
    expect(sourceFromAbbrev(names.ko)).toBe(key);
    expect(sourceFromAbbrev(names.en)).toBe(key);
  }
});
