import { findUnitLabel } from "../../../src/core/numbers/unit-label";
import type { Unit } from "../../../src/core/numbers/units";

describe("findUnitLabel", () => {
  const labels: [string, Unit][] = [
    ["(단위 : 천원)", "천원"],
    ["(단위: 백만원)", "백만원"],
    ["(단위 : 백만원)", "백만원"],
    ["단위:천원", "천원"],
    ["(기준: '20. 10. 31. 단위: 백만원)", "백만원"],
    ["（단위：천원）", "천원"],
    ["(단위 : 백만 원)", "백만원"],
    ["(단위: 원)", "원"],
    ["(단위: 억원)", "억원"],
    ["[단위: 천원]", "천원"],
    ["(단위: 천원, %)", "천원"],
    ["예산(천원)", "천원"],
    ["소요예산 (백만원)", "백만원"],
    ["사업예산(천원)", "천원"],
    ["(백만원)", "백만원"],
  ];
  test.each(labels)("%j -> %s", (text, unit) => {
    expect(findUnitLabel(text)).toBe(unit);
  });

  test.each([
    "(단위 : 개소)",
    "(단위: 백만원이 아님)",
    "(단위 : m²)",
    "□ 2021년 소요예산 : 320,793천원",
    "- 소요예산 : 150,000천원",
    "4,800천원 (구비)",
    "1,453,000(천원)",
    "금액은 천원 단위로 적는다",
    "예산 단위: 천원으로 작성",
    "(기준일 : '20. 10월말)",
    "사업명\t사업기간\t사업내용\t예산(천원)", // several cells, not one header
    "",
  ])("not a money unit label: %j", (text) => {
    expect(findUnitLabel(text)).toBeUndefined();
  });
});
