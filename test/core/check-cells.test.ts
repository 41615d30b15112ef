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

  test("a column whose figures are all broken references is still read as the table's column", () => {
    const g = sheet([
      ["구분", "2021년", "2022년"],
      ["국비", 100, "#REF!"],
      ["시비", 50, "#REF!"],
      ["계", 150, "#REF!"],
    ]);
    expect(brief(run(g).findings)).toEqual(["error-value C2", "error-value C3", "error-value C4"]);
  });

  test("a column of shares showing only #DIV/0! (its base not entered yet) holds no figure and claims nothing", () => {
    // As a blank form or next year's empty column leaves them: =C2/$C$4 over blank inputs.
    const g = sheet([
      ["구분", "2021년", "비율", "2022년", "비율"],
      ["국비", 100, 0.667, null, "#DIV/0!"],
      ["시비", 50, 0.333, null, "#DIV/0!"],
      ["계", 150, 1, 0, "#DIV/0!"],
    ]);
    expect(run(g).findings).toEqual([]);
    // Among figures, #DIV/0! is an error at its cell.
    const among = sheet([
      ["구분", "2021년", "2022년"],
      ["국비", 100, 30],
      ["시비", 50, 20],
      ["계", 150, "#DIV/0!"],
    ]);
    expect(brief(run(among).findings)).toEqual(["error-value C4"]);
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

describe("text where a confirmed sum takes a figure", () => {
  const table = (cell: string | number): ReturnType<typeof sheet> =>
    sheet([
      ["구분", "2021년", "2022년", "2023년", "합계"],
      ["국비", 100, 200, 300, 600],
      ["시비", 50, 50, 50, 150],
      ["구비", 10, cell, 30, 40],
      ["계", 160, 250, 380, 790],
    ]);

  test("a pasted =HYPERLINK(…) kept as text is an error at its cell, and the sums over it are not passed", () => {
    const res = run(table('=HYPERLINK("http://x","20")'));
    expect(brief(res.findings)).toEqual(["text-amount C4"]);
    expect(res.findings[0].severity).toBe("error");
    expect(res.findings[0].message.ko).toBe('C4에 수식(=HYPERLINK("http://x","20"))이 계산되지 않고 글자로 들어 있습니다. Excel 합계는 이 칸을 빈칸처럼 건너뛰므로 이 칸이 들어가는 합계(E4)는 검사하지 못했습니다. 셀 서식을 \'일반\'으로 바꾸고 수식을 다시 입력하거나 금액을 숫자로 적으세요.');
  });

  test("a note typed where the figure belongs (별첨 참조) is counted as 0, as Excel counts it, and named with a warning", () => {
    const res = run(table("별첨 참조"));
    expect(res.findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([["text-amount", "warning", "C4"]]);
    expect(res.findings[0].message.ko).toBe("C4의 값(별첨 참조)은 금액이 아닌 글자입니다. Excel 합계처럼 0으로 셈해 합계(E4)를 검사했습니다. 금액이 있다면 숫자로 적으세요.");
  });

  test("where amounts are written as text, a word for none is that column's notation: no finding", () => {
    const g = sheet([
      ["구분", "2021년", "2022년", "합계"],
      ["국비", "100", "200", "300"],
      ["시비", "Zero", "50", "50"],
      ["구비", "10", "Zero", "10"],
      ["계", "110", "250", "360"],
    ]);
    expect(run(g).findings.filter((f) => f.rule.startsWith("text-"))).toEqual([]);
  });

  test("a word for none (없음, Zero) is read as 0 without a word, as a dash is, and the sums over it are checked", () => {
    for (const word of ["없음", "해당 없음", "Zero"]) {
      const g = sheet([
        ["구분", "2021년", "2022년", "2023년", "합계"],
        ["국비", 100, 200, 300, 600],
        ["시비", 50, 50, 50, 150],
        ["구비", 10, word, 30, 40],
        ["계", 160, 250, 380, 790],
      ]);
      expect(run(g).findings).toEqual([]);
    }
    // Read as 0, a wrong total beside it is still found.
    const wrong = sheet([
      ["구분", "2021년", "2022년", "2023년", "합계"],
      ["국비", 100, 200, 300, 600],
      ["시비", 50, 50, 50, 150],
      ["구비", 10, "없음", 30, 50],
      ["계", 160, 250, 380, 800],
    ]);
    expect(brief(run(wrong).findings.filter((f) => f.severity === "error"))).toEqual(["total-mismatch E4 50→40"]);
  });

  test("text in a table no sum is confirmed over claims nothing", () => {
    const g = sheet([
      ["성명", "직급", "근무연수"],
      ["김", "주무관", 3],
      ["이", "팀장", "Zero"],
      ["박", "과장", 12],
    ]);
    expect(run(g).findings).toEqual([]);
  });
});
