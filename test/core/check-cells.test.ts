// Cell-level rules and headlines.
import { brief, fundingSheet, run, sheet } from "./helpers";

const YEARS = ["2020년", "2021년", "2022년", "2023년"];

test("a malformed number is an error at its cell, left out of the sums (no second finding)", () => {
  const g = fundingSheet("□ 2021년 소요예산 : 50,000천원", YEARS, [
    ["계", 240000, 90000, 50000, 50000, 50000],
    ["시비", 40000, 40000, "-", "-", "-"],
    ["구비", 200000, 50000, "50,00", 50000, 50000],
  ]);
  const res = run(g);
  expect(res.findings.map((f) => [f.rule, f.severity, f.cell, f.actual])).toEqual([["malformed-number", "error", "D8", "50,00"]]);
});

test("a number stored as text is a warning and still counts in the sums", () => {
  const g = fundingSheet("□ 2021년 소요예산 : 50,000천원", YEARS, [
    ["계", 240000, 90000, 50000, 50000, 50000],
    ["시비", 40000, 40000, "-", "-", "-"],
    ["구비", 200000, 50000, "50,000", 50000, 50000],
  ]);
  expect(run(g).findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([["number-as-text", "warning", "D8"]]);
});

test("△ and parentheses are negatives: they add up, and as text they are flagged (Excel's SUM skips text)", () => {
  const g = sheet([
    ["구분", "2021년", "2022년", "합계"],
    ["수입", 58525, 1000, 59525],
    ["지출", "△8,600", "(1,000)", -9600],
    ["계", 49925, 0, 49925],
  ]);
  expect(brief(run(g).findings)).toEqual(["number-as-text B3", "number-as-text C3"]);
  g.cells[3][1] = { v: 49952 };
  expect(brief(run(g).findings)).toEqual(["number-as-text B3", "number-as-text C3", "total-mismatch B4 49952→49925"]);
});

describe("headlines", () => {
  const body = [
    ["계", 766023, 81230, 320793, 182000, 182000],
    ["구비", 766023, 81230, 320793, 182000, 182000],
  ];

  test("a headline that disagrees with the table's year total is an error at the headline", () => {
    const res = run(fundingSheet("□ 2021년 소요예산 : 320,739천원", YEARS, body));
    expect(brief(res.findings)).toEqual(["headline-mismatch A1 320739→320793"]);
    expect(res.findings[0].related).toEqual(["D6"]);
    expect(res.findings[0].message.ko).toBe("A1에 적힌 금액(320,739천원)이 표의 D6 값(320,793천원)과 다릅니다.");
  });

  test("a headline in a coarser unit agrees when rounding explains the difference", () => {
    expect(run(fundingSheet("□ 2021년 소요예산 : 321백만원", YEARS, body)).findings).toEqual([]);
    expect(brief(run(fundingSheet("□ 2021년 소요예산 : 322백만원", YEARS, body)).findings)).toEqual(["headline-mismatch A1 322→320.793"]);
  });

  test("a headline without a year uses the plan year", () => {
    expect(brief(run(fundingSheet("□ 소요예산 : 182,001천원", YEARS, body), 2022).findings)).toEqual(["headline-mismatch A1 182001→182000"]);
  });

  test("a per-source split in the text must add up to its amount", () => {
    const g = sheet([["- 사 업 비 : 2,811,000천원 (국 1,686,600 / 시 674,640 / 구 449,760)"], [], ["- 총사업비 : 3,347백만원(국 1,174, 시 1,785, 구 398)"]]);
    expect(brief(run(g).findings)).toEqual(["total-mismatch A3 3347→3357"]);
  });

  test("a stated shortfall with no gap table is still reported as a shortfall", () => {
    const g = sheet([["- 독산동우시장 그린푸줏간 조성비 29,324백만 원 중 6,468백만 원(22%) 부족"]]);
    const res = run(g);
    expect(res.findings.map((f) => [f.rule, f.cell, f.actual, f.unit])).toEqual([["shortfall", "A1", 6468, "백만원"]]);
    expect(res.findings[0].share).toBeCloseTo(0.2206, 4);
  });
});

describe("Excel error values in a table's figures", () => {
  test("#REF! in a part and its total: an error at each, nothing claimed about the sums they void", () => {
    const g = fundingSheet("□ 2021년 소요예산 : 50,000천원", YEARS, [
      ["계", 240000, 90000, "#REF!", 50000, 50000],
      ["시비", 40000, 40000, "-", "-", "-"],
      ["구비", 200000, 50000, "#REF!", 50000, 50000],
    ]);
    const res = run(g);
    expect(res.findings.map((f) => [f.rule, f.severity, f.cell, f.actual])).toEqual([
      ["error-value", "error", "D6", "#REF!"],
      ["error-value", "error", "D8", "#REF!"],
    ]);
    expect(res.findings[0].message.ko).toBe("D6에 Excel 오류 값(#REF!)이 들어 있어 이 칸의 금액을 알 수 없습니다. 이 칸이 들어가는 합계는 검사하지 못했습니다. 수식이 가리키는 칸을 확인하세요.");
    // Never read as 0: the headline's 50,000 is not compared with an unknown figure.
    expect(res.findings.some((f) => f.rule === "headline-mismatch")).toBe(false);
  });

  test("a grand total showing #N/A is an error at the total", () => {
    const g = sheet([
      ["구분", "2021년", "2022년", "합계"],
      ["국비", 100, 200, 300],
      ["시비", 50, 50, 100],
      ["계", 150, 250, "#N/A"],
    ]);
    expect(brief(run(g).findings)).toEqual(["error-value D4"]);
  });

  test("a column whose figures are all errors is still read as the table's column", () => {
    const g = sheet([
      ["구분", "2021년", "2022년"],
      ["국비", 100, "#DIV/0!"],
      ["시비", 50, "#DIV/0!"],
      ["계", 150, "#DIV/0!"],
    ]);
    expect(brief(run(g).findings)).toEqual(["error-value C2", "error-value C3", "error-value C4"]);
  });

  test("text that only looks like an error code in a label column is a label", () => {
    const g = sheet([
      ["구분", "비고", "2021년"],
      ["국비", "#N/A", 100],
      ["시비", "", 50],
      ["계", "", 150],
    ]);
    expect(run(g).findings).toEqual([]);
  });
});

describe("figures past 2^53", () => {
  test("a total of 9,007,199,254,740,993 typed as text is refused as too large, never read as …992", () => {
    const g = sheet([
      ["구분", "2021년"],
      ["국비", 9007199254740000],
      ["시비", 993],
      ["계", "9,007,199,254,740,993"],
    ]);
    const res = run(g);
    expect(brief(res.findings)).toEqual(["malformed-number B4"]);
    expect(res.findings[0].message.ko).toContain("9,007,199,254,740,991보다 커서 정확히 더할 수 없습니다");
  });

  test("a stored number past 2^53 is refused as too large, and the sum it is part of is not claimed", () => {
    const g = sheet([
      ["구분", "2021년", "2022년"],
      ["국비", 2 ** 53 + 2, 10],
      ["시비", 0, 20],
      ["계", 2 ** 53 + 2, 30],
    ]);
    const res = run(g);
    expect(brief(res.findings)).toEqual(["malformed-number B2", "malformed-number B4"]);
    expect(res.findings.every((f) => f.message.en.includes("past which sums cannot be exact"))).toBe(true);
  });
});
