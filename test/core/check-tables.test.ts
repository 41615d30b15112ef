// Gap tables, breakdowns, subtotals and two-level headers, with figures from the seeds.
import { brief, run, sheet } from "./helpers";

describe("need/secured/gap tables", () => {
  const rows = (gapTotal: number) => [
    ["- 독산동우시장 그린푸줏간 조성비 29,324백만 원 중 6,468백만 원(22%) 부족"],
    [null, null, null, null, "(단위 : 백만원)"],
    ["세부사업명", "건립비", "확보금액", "미확보금액", "비 고"],
    ["합 계", 29324, 22856, gapTotal, null],
    ["주차환경개선", 9600, 9600, "-", "중기부 공모(19.9월)"],
    ["시설현대화", 14729, 13256, 1473, "서울시 공모(20.5월)"],
    ["우시장 클린인프라 조성", 1288, "-", 1288, "도시재생과 및 서울시 재생정책과 협의중"],
    ["공공임대상가", 3707, "-", 3707, null],
  ];

  test("the 그린푸줏간 table is consistent and its 6,468백만원 gap is a shortfall of 22% of the need", () => {
    const res = run(sheet(rows(6468)));
    expect(res.tables).toEqual([{ sheet: "시트1", range: "A3:E8", kind: "gap", unit: "백만원", title: "- 독산동우시장 그린푸줏간 조성비 29,324백만 원 중 6,468백만 원(22%) 부족" }]);
    expect(res.findings.map((f) => [f.rule, f.cell, f.actual, f.unit])).toEqual([["shortfall", "D4", 6468, "백만원"]]);
    expect(res.findings[0].share).toBeCloseTo(6468 / 29324, 10);
    expect(res.findings[0].message.ko).toBe("부족재원: 소요액 29,324백만원 중 6,468백만원(22%) 미확보 (D4)");
  });

  test("a wrong gap total is blamed, and the headline that disagrees with the table is reported", () => {
    const res = run(sheet(rows(6486)));
    expect(brief(res.findings)).toEqual(["headline-mismatch A1 6468→6486", "total-mismatch D4 6486→6468", "shortfall D4"]);
  });

  test("a row whose gap is not need − secured (and breaks the column) is blamed on the gap cell", () => {
    const r = rows(6468);
    r[5] = ["시설현대화", 14729, 13256, 1437, null];
    const res = run(sheet(r));
    expect(brief(res.findings.filter((f) => f.rule === "total-mismatch"))).toEqual(["total-mismatch D6 1437→1473"]);
    expect(res.findings.find((f) => f.rule === "total-mismatch")?.message.ko).toContain("소요액 − 확보액");
  });

  test("a gap total that adds a wrong gap cell is wrong with it: one finding at the culprit, naming the total", () => {
    const r = rows(6468);
    r[5] = ["시설현대화", 14729, 13256, 1437, null];
    r[3] = ["합 계", 29324, 22856, 6432, null];
    const res = run(sheet(r));
    // D4 (6,432) is the sum of the printed gaps, 1,437 among them: it follows D6 and is not an error of its own.
    const mismatches = res.findings.filter((f) => f.rule === "total-mismatch");
    expect(brief(mismatches)).toEqual(["total-mismatch D6 1437→1473"]);
    expect(mismatches[0].related).toContain("D4");
    expect(mismatches[0].message.ko).toBe("D6의 미확보액(1,437백만원)이 소요액 − 확보액(1,473백만원)과 다릅니다. 이 값을 더한 D4도 같은 만큼 틀립니다.");
  });
});

describe("breakdowns", () => {
  test("items with per-source columns: the amount column is the sum of the sources, the total row the sum of the items", () => {
    const g = sheet([
      ["○ 핵심역량 강화 사업"],
      [null, null, null, null, null, "(단위 : 천원)"],
      ["사업내용", "사업예산", "국비", "시비", "구비", "민간"],
      ["총 계", 148193, 120000, 12904, 8603, 6686],
      ["상인조직역량강화", 24000, 16800, 2880, 1920, 2400],
      ["장보기 및 배송서비스", 42858, 30000, 5143, 3429, 4286],
      ["공동마케팅", 59112, 53200, 3547, 2365, null],
      ["온라인플랫폼", 22223, 20000, 1334, 889, null],
    ]);
    const ok = run(g);
    expect(ok.findings).toEqual([]);
    expect(ok.tables[0].kind).toBe("breakdown");
    g.cells[6][2] = { v: 52300 };
    expect(brief(run(g).findings)).toEqual(["total-mismatch C7 52300→53200"]);
  });

  test("amounts written as text with their split: a malformed split part is reported, a wrong sum is blamed", () => {
    const g = sheet([
      ["구 분", "사 업 내 용", "비 고", "사업예산"],
      ["총 계", null, null, "320,793천원"],
      ["조직력강화", "○ 전통시장 매니저데이(교육, 워크숍) 운영", null, "4,800천원 (구비)"],
      [null, "○ 상인조직역량강화 지원 사업", "공모 선정", "24,000천원 (국비/시비/구비/민간) (16,800/2,880/1,920/24,00)"],
      [null, "○ 전통시장 소액대출 지원사업", null, "비예산"],
      [null, "○ 장보기 및 배송서비스", "공모 선정", "42,858천원 (국비/시비/구비/민간) (30,000/5,143/3,429/4,826)"],
      [null, "○ 나머지 사업", null, "249,135천원 (구비)"],
      [null, "○ 설·추석 명절 이벤트", "추후 공모", "공모사업 (시비)"],
    ], ["A3:A8"]);
    const res = run(g);
    expect(brief(res.findings)).toEqual(["malformed-number D4", "total-mismatch D6 42858→43398"]);
    expect(res.findings[0].actual).toBe("24,00");
  });
});

describe("subtotals and two-level headers", () => {
  test("사회적경제기업 현황: 총계 sums the kinds, 협동조합 소계 sums its three kinds", () => {
    const g = sheet(
      [
        ["구 분", "총계", "사회적 기업", "마을 기업", "자활 기업", "협동조합", null, null, null],
        [null, null, null, null, null, "소계", "일반 협동조합", "사회적 협동조합", "소비자생활 협동조합"],
        ["기업수", 190, 39, 3, 4, 144, 126, 16, 2],
      ],
      ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2", "F1:I1"],
    );
    expect(run(g).findings).toEqual([]);
    // 일반 협동조합 mistyped while 소계 still agrees with 총계: the 소계 check fails and is reported at 소계,
    // with the cells that could be wrong as related; 총계 is not blamed.
    g.cells[2][6] = { v: 162 };
    const res = run(g);
    expect(brief(res.findings)).toEqual(["total-mismatch F3 144→180"]);
    expect(res.findings[0].related).toEqual(["G3", "H3", "I3"]);
  });

  test("우시장 현황: 합계 group pairs 계/식육/부산물 with each market's columns", () => {
    const g = sheet(
      [
        ["합 계", null, null, "유 창", null, null, "협 동", null, null],
        ["계", "식육", "부산물 전문", "계", "식육", "부산물 전문", "계", "식육", "부산물 전문"],
        [183, 82, 101, 159, 63, 96, 24, 19, 5],
      ],
      ["A1:C1", "D1:F1", "G1:I1"],
    );
    expect(run(g).findings).toEqual([]);
    g.cells[2][4] = { v: 36 };
    expect(brief(run(g).findings)).toEqual(["total-mismatch E3 36→63"]);
  });

  test("the program card's 투자수요 table: 합계 확보액/집행액 pair with each year's 확보액/집행액", () => {
    const g = sheet(
      [
        ["구 분", "재원별", "합 계", null, "연차별 투자수요 및 집행액", null, null, null, null, null],
        [null, null, null, null, "2018년", null, "2019년", null, "2022년", null],
        [null, null, "확보액 및 투자수요", "집행액", "확보액", "집행액", "확보액", "집행액", "투자 수요", "집행액"],
        [null, "계", 2279, 1979, 717, 717, 1562, 1262, 0, 0],
        ["인프라 구축", "국 비", 1174, 1174, 647, 647, 527, 527, "-", "-"],
        [null, "시 비", 905, 605, "-", "-", 905, 605, "-", "-"],
        [null, "구 비", 200, 200, 70, 70, 130, 130, "-", "-"],
      ],
      ["A1:A3", "B1:B3", "C1:D2", "E1:J1", "E2:F2", "G2:H2", "I2:J2", "A5:A7"],
    );
    const res = run(g);
    expect(res.findings).toEqual([]);
    expect(res.tables[0].kind).toBe("funding");
    g.cells[5][7] = { v: 650 };
    expect(brief(run(g).findings)).toEqual(["total-mismatch H6 650→605"]);
  });

  test("G밸리 업종별: 계 column sums both groups, 계 row sums the three 단지", () => {
    const g = sheet(
      [
        ["구 분", "제 조", null, null, null, "비제조", null, "계"],
        [null, "전기전자", "섬유의복", "기계", "기타제조", "정보통신", "기타비제조", null],
        ["1단지", 596, 211, 110, 224, 1168, 1034, 3343],
        ["2단지", 330, 169, 88, 149, 485, 605, 1826],
        ["3단지", 1483, 337, 491, 686, 1757, 1857, 6611],
        ["계", 2409, 717, 689, 1059, 3410, 3496, 11780],
      ],
      ["A1:A2", "B1:E1", "F1:G1", "H1:H2"],
    );
    expect(run(g).findings).toEqual([]);
    expect(run(g).tables[0].kind).toBe("totals");
  });

  test("subtotal rows: 소계 closes its group and 합계 sums the 소계s", () => {
    const g = sheet([
      ["구분", "금액"],
      ["A사업", 100],
      ["B사업", 200],
      ["소계", 300],
      ["C사업", 50],
      ["소계", 50],
      ["합계", 350],
    ]);
    expect(run(g).findings).toEqual([]);
    g.cells[3][1] = { v: 310 };
    expect(brief(run(g).findings)).toEqual(["total-mismatch B4 310→300"]);
  });

  test("a serial-number column (연번) is not summed", () => {
    const g = sheet([
      ["연번", "시 장", "규 모", "소요예산 (백만원)"],
      ["계", null, "3개 시장", 33588],
      [1, "독산동우시장", "지하2층/지상6층", 29324],
      [2, "남문시장", "지상1층~지상3층", 1453],
      [3, "현대시장", "지평식 주차장 10면", 2811],
    ]);
    const res = run(g);
    expect(res.findings).toEqual([]);
    expect(res.tables[0]).toMatchObject({ unit: "백만원" });
  });
});
