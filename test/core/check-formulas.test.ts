// Formula rules: a total formula that misses or repeats a part, typed totals among formulas, and files whose
// formulas have no cached values (the engine evaluates SUM and +/- itself, never a silent 0).
import { brief, run, setFormula, sheet } from "./helpers";

function table() {
  // A3:F6 — 재원별 | 합계 | 2021년 | 2022년 | 2023년 ; 계, 국비, 시비, 구비 (rows 4..7)
  return sheet([
    ["□ 2021년 소요예산 : 600천원"],
    [null, null, null, null, "(단위 : 천원)"],
    ["재원별", "합계", "2021년", "2022년", "2023년"],
    ["계", null, null, null, null],
    ["국비", null, 300, 100, 100],
    ["시비", null, 200, 50, 50],
    ["구비", null, 100, 50, 50],
  ]);
}

function withFormulas(cached: boolean) {
  const g = table();
  const vals: Record<string, number> = { B5: 500, B6: 300, B7: 200, C4: 600, D4: 200, E4: 200, B4: 1000 };
  const f: Record<string, string> = { B5: "SUM(C5:E5)", B6: "SUM(C6:E6)", B7: "SUM(C7:E7)", C4: "SUM(C5:C7)", D4: "SUM(D5:D7)", E4: "SUM(E5:E7)", B4: "SUM(B5:B7)" };
  for (const ref of Object.keys(f)) setFormula(g, ref, f[ref], cached ? vals[ref] : undefined);
  return g;
}

test("a table of correct SUM formulas with cached values has no finding", () => {
  expect(run(withFormulas(true)).findings).toEqual([]);
});

test("a total formula that leaves out a part is reported even when its value is right today", () => {
  const g = withFormulas(true);
  setFormula(g, "C4", "C5+C6", 600); // 구비 C7 left out; the cached 600 is stale but equals the sum today
  const res = run(g);
  expect(res.findings.map((f) => [f.rule, f.cell, f.related])).toEqual([["formula-range", "C4", ["C7"]]]);
  expect(res.findings[0].message.ko).toBe("C4의 합계 수식이 C7을(를) 빠뜨렸습니다.");
});

test("a total formula that counts a part twice is reported", () => {
  const g = withFormulas(true);
  setFormula(g, "D4", "SUM(D5:D7)+D6", 250);
  const res = run(g);
  expect(brief(res.findings)).toEqual(["total-mismatch D4 250→200", "formula-range D4"]);
  expect(res.findings[1].message.en).toBe("The total formula in D4 counts D6 twice.");
});

test("the grand total may sum either its row or its column", () => {
  const g = withFormulas(true);
  setFormula(g, "B4", "SUM(C4:E4)", 1000);
  expect(run(g).findings).toEqual([]);
});

test("a typed total among formula totals is noted (info)", () => {
  const g = withFormulas(true);
  g.cells[4][1] = { v: 500 };
  const res = run(g);
  expect(res.findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([["hardcoded-total", "info", "B5"]]);
});

test("without cached values the engine computes SUM and +/- itself and still finds a wrong input", () => {
  const g = withFormulas(false);
  expect(run(g).findings).toEqual([]);
  g.cells[5][3] = { v: 60 }; // 시비 2022 typed 60 instead of 50: 합계 and 계 follow by formula
  expect(run(g).findings).toEqual([]);
  // A typed 계 (not a formula) that disagrees with the computed parts is blamed.
  g.cells[3][2] = { v: 650 };
  // The headline says 600 like the parts: it is listed as related evidence, not as a second error.
  const res = run(g);
  expect(brief(res.findings)).toEqual(["total-mismatch C4 650→600", "hardcoded-total C4"]);
  expect(res.findings[0].related).toContain("A1");
});

test("a formula the engine cannot evaluate is reported as not calculated, never as 0", () => {
  const g = withFormulas(false);
  setFormula(g, "C5", "ROUND(C9*1.1,0)", undefined);
  const res = run(g);
  expect(res.findings.map((f) => [f.rule, f.cell])).toEqual([["not-calculated", "C5"]]);
  expect(res.findings[0].message.ko).toContain("=ROUND(C9*1.1,0)");
});

test("an uncalculated headline formula reads as the text Excel would show, and is checked against the table", () => {
  // The form Yesan's templates write: "□ 2021년 소요예산 : "&TEXT(<2021 계>,"#,##0")&"천원". Nothing is cached.
  const live = withFormulas(false);
  setFormula(live, "A1", '"□ 2021년 소요예산 : "&TEXT(C4,"#,##0")&"천원"', undefined);
  expect(run(live).findings).toEqual([]);
  // Pointing it at the 2022 column states 200천원 for 2021, where the table says 600천원.
  const wrong = withFormulas(false);
  setFormula(wrong, "A1", '"□ 2021년 소요예산 : "&TEXT(D4,"#,##0")&"천원"', undefined);
  const f = run(wrong).findings;
  expect(f.map((x) => [x.rule, x.cell, x.actual, x.expected])).toEqual([["headline-mismatch", "A1", 200, 600]]);
});
