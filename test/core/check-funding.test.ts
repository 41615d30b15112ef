// Funding tables as the seeds print them, with the seed's own figures (expected values worked out by hand).
import { brief, fundingSheet, run, sheet } from "./helpers";

const YEARS = ["2020년", "2021년", "2022년", "2023년"];

describe("funding tables", () => {
  test("a consistent table (전통시장 경영현대화, 320,793천원) yields no finding", () => {
    const g = fundingSheet("□ 2021년 소요예산 : 320,793천원", YEARS, [
      ["계", 766023, 81230, 320793, 182000, 182000],
      ["국비", 120000, null, 120000, null, null],
      ["시비", 12904, null, 12904, null, null],
      ["구비", 626433, 81230, 181203, 182000, 182000],
      ["민간", 6686, null, 6686, null, null],
    ]);
    const res = run(g);
    expect(res.findings).toEqual([]);
    expect(res.tables).toEqual([{ sheet: "시트1", range: "A4:F10", kind: "funding", unit: "천원", title: "□ 2021년 소요예산 : 320,793천원" }]);
  });

  test("a wrong grand total fails its row and its column: it alone is blamed (국내·외 교류, 527,900)", () => {
    const g = fundingSheet("□ 2021년 소요예산 : 114,600천원", YEARS, [
      ["계", 527900, 127800, 114600, 133500, 133500],
      ["구비", 509400, 127800, 114600, 133500, 133500],
    ]);
    const res = run(g);
    expect(brief(res.findings)).toEqual(["total-mismatch B6 527900→509400"]);
    expect(res.findings[0].related.sort()).toEqual(["B7", "C6", "D6", "E6", "F6"].sort());
    expect(res.findings[0].message.ko).toContain("527,900천원");
    expect(res.findings[0].message.en).toContain("509,400 thousand won");
  });

  test("source totals that fail their rows while the years agree with 계 are the culprits (기업지원시설)", () => {
    const g = fundingSheet("□ 소요예산 : 358,072천원", ["2019년", ...YEARS], [
      ["계", 2757796, 824608, 858972, 358072, 358072, 358072],
      ["시비", 1556436, 556436, 600000, 100000, 100000, 100000],
      ["구비", 1352432, 268172, 258972, 258072, 258072, 258072],
    ]);
    expect(brief(run(g).findings)).toEqual(["total-mismatch B7 1556436→1456436", "total-mismatch B8 1352432→1301360"]);
  });

  test("a grand total equal to one year only (동물복지, 28,000) is blamed with the sum of the years", () => {
    const g = fundingSheet("□ 2021년 소요예산 : 30,200천원", YEARS, [
      ["계", 28000, 28000, 30200, 30200, 30200],
      ["구 비", 118600, 28000, 30200, 30200, 30200],
    ]);
    expect(brief(run(g).findings)).toEqual(["total-mismatch B6 28000→118600"]);
  });

  test("a mistyped year cell breaks its source row and its year column: that cell is blamed", () => {
    const g = fundingSheet("□ 2021년 소요예산 : 408,260천원", YEARS, [
      ["계", 1767600, 519340, 408260, 420000, 420000],
      ["시비", 1030000, 410000, 200000, 210000, 210000],
      ["구비", 737600, 109340, 208620, 210000, 210000],
    ]);
    const res = run(g);
    expect(brief(res.findings)).toEqual(["total-mismatch D8 208620→208260"]);
    expect(res.findings[0].message.ko).toContain("행 합계");
  });

  test("dashes are zeros, and 비고 columns are not summed", () => {
    const g = sheet(
      [
        ["□ 2021년 소요예산 : 114,600천원"],
        [null, null, null, null, null, null, "(단위 : 천원)"],
        ["재원별", "합계", "연차별 소요재원", null, null, null, "비고"],
        [null, null, "2020년", "2021년", "2022년", "2023년", null],
        ["계", 240000, 90000, 50000, 50000, 50000, "국내: 18,500 국외: 96,100"],
        ["시비", 40000, 40000, "-", "-", "-", null],
        ["구비", 200000, 50000, 50000, 50000, 50000, 12345],
      ],
      ["A3:A4", "B3:B4", "C3:F3", "G3:G4"],
    );
    const res = run(g);
    expect(res.findings.filter((f) => f.rule !== "headline-mismatch")).toEqual([]);
  });

  test("transposed: years down, sources across, 합계 row at the bottom", () => {
    const g = sheet([
      ["(단위 : 백만원)"],
      ["연도", "계", "국비", "시비", "구비"],
      ["2021년", 300, 100, 150, 50],
      ["2022년", 420, 200, 170, 50],
      ["2023년", 100, 0, 60, 40],
      ["합계", 820, 300, 380, 140],
    ]);
    const ok = run(g);
    expect(ok.findings).toEqual([]);
    expect(ok.tables[0]).toMatchObject({ kind: "funding", unit: "백만원", range: "A2:E6" });
    const bad = sheet([
      ["(단위 : 백만원)"],
      ["연도", "계", "국비", "시비", "구비"],
      ["2021년", 300, 100, 150, 50],
      ["2022년", 420, 200, 170, 50],
      ["2023년", 100, 0, 60, 40],
      ["합계", 830, 300, 380, 140],
    ]);
    expect(brief(run(bad).findings)).toEqual(["total-mismatch B6 830→820"]);
  });

  test("without a 합계 column only the 계 row is checked, and a wrong 계 cell is blamed", () => {
    const g = sheet([
      ["재원별", "2021", "2022", "2023"],
      ["계", 110000, 60000, 60001],
      ["구비", 110000, 60000, 60000],
    ]);
    const res = run(g);
    expect(res.tables[0].kind).toBe("funding");
    expect(brief(res.findings)).toEqual(["total-mismatch D2 60001→60000"]);
  });

  test("labels with spaces and English labels and 'FY'/'21 years are understood", () => {
    const g = sheet([
      ["Source", "Total", "FY2021", "'22", "2023"],
      ["Total", 600, 200, 200, 200],
      ["National", 300, 100, 100, 100],
      ["City", 300, 100, 100, 100],
    ]);
    const res = run(g);
    expect(res.tables[0]).toMatchObject({ kind: "funding" });
    expect(res.findings).toEqual([]);
    const g2 = sheet([
      ["재 원 별", "합 계", "21년", "22년"],
      ["합 계", 600, 300, 300],
      ["국 비", 300, 150, 150],
      ["도 비", 300, 150, 149],
    ]);
    expect(brief(run(g2).findings)).toEqual(["total-mismatch D4 149→150"]);
  });
});
