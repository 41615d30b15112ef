import fc from "fast-check";
import { evaluateLinear, parseLinearFormula, type LinearFormula, type Term } from "../../../src/core/cells/formula";
import { a1, columnName, parseA1 } from "../../../src/core/cells/grid";

// Terms written the way a reader checks them: "B3" is row 2, column 1.
function t(ref: string, sign: 1 | -1 = 1): Term {
  const p = parseA1(ref);
  if (p === undefined) throw new Error(ref);
  return { r: p.r, c: p.c, sign };
}

function lin(terms: Term[], constant = 0): LinearFormula {
  return { terms, constant };
}

describe("parseLinearFormula: accepted forms", () => {
  const cases: [string, LinearFormula, string?][] = [
    ["SUM(B3:B6)", lin([t("B3"), t("B4"), t("B5"), t("B6")])],
    ["SUM(B3:E3,G3)", lin([t("B3"), t("C3"), t("D3"), t("E3"), t("G3")])],
    ["SUM(B3,B4,B5)", lin([t("B3"), t("B4"), t("B5")])],
    ["B3+B4+B5", lin([t("B3"), t("B4"), t("B5")])],
    ["B3+B4-B5", lin([t("B3"), t("B4"), t("B5", -1)])],
    ["$B$3+B$4", lin([t("B3"), t("B4")])],
    ["$B3+$C$4", lin([t("B3"), t("C4")])],
    ["SUM(B3:B6)-B7", lin([t("B3"), t("B4"), t("B5"), t("B6"), t("B7", -1)])],
    ["SUM(B3:B4)+SUM(C3:C4)", lin([t("B3"), t("B4"), t("C3"), t("C4")])],
    ["+B3+B4", lin([t("B3"), t("B4")])],
    ["Sheet1!B3+Sheet1!B4", lin([t("B3"), t("B4")]), "Sheet1"],
    ["sheet1!B3+SHEET1!B4", lin([t("B3"), t("B4")]), "Sheet1"],
    ["'시트 이름'!B3", lin([t("B3")]), "시트 이름"],
    ["SUM('시트 이름'!B3:B4)", lin([t("B3"), t("B4")]), "시트 이름"],
    ["SUM(사업1!B3:사업1!B4)", lin([t("B3"), t("B4")]), "사업1"],
    ["'O''Brien'!C2", lin([t("C2")]), "O'Brien"],
    ["B3+100", lin([t("B3")], 100)],
    ["100-B3-2.5", lin([t("B3", -1)], 97.5)],
    ["B3+1E3", lin([t("B3")], 1000)],
    ["(B3+B4)", lin([t("B3"), t("B4")])],
    ["B2-(B3-B4)", lin([t("B2"), t("B3", -1), t("B4")])],
    ["-B3", lin([t("B3", -1)])],
    ["-SUM(B3:B4)", lin([t("B3", -1), t("B4", -1)])],
    ["B3+-B4", lin([t("B3"), t("B4", -1)])],
    ["SUM(B3-B4,C5)", lin([t("B3"), t("B4", -1), t("C5")])],
    ["sum(b3:b4)", lin([t("B3"), t("B4")])],
    [" SUM( B3 : B4 , C5 ) + D6 ", lin([t("B3"), t("B4"), t("C5"), t("D6")])],
    ["SUM(B4:B3)", lin([t("B3"), t("B4")])], // Excel normalises reversed ranges
    ["SUM(B3:C4)", lin([t("B3"), t("C3"), t("B4"), t("C4")])], // row-major
    ["=B3+B4", lin([t("B3"), t("B4")])],
    ["AA10+XFD1048576", lin([t("AA10"), t("XFD1048576")])],
    ["42", lin([], 42)],
  ];
  // Rest parameters: jest reads a callback with more parameters than the row as wanting `done`.
  test.each(cases)("%s", (...[formula, expected, sheet]) => {
    expect(parseLinearFormula(formula, sheet)).toEqual(expected);
  });

  test("duplicates are kept, in order", () => {
    expect(parseLinearFormula("SUM(B3:B5,B4)")).toEqual(lin([t("B3"), t("B4"), t("B5"), t("B4")]));
    expect(parseLinearFormula("B3+B3")).toEqual(lin([t("B3"), t("B3")]));
  });
});

describe("parseLinearFormula: rejected forms", () => {
  const rejects: [string, string?][] = [
    [""],
    ["   "],
    ["B3*2"],
    ["B3/B4"],
    ["B3^2"],
    ["B3&B4"],
    ["5%"],
    ["B3>0"],
    ['"text"'],
    ["AVERAGE(B3:B6)"],
    ["ROUND(B3,0)"],
    ["SUM(B3:B6)*1.1"],
    ["SUMIF(B3:B6,\">0\")"],
    ["IF(B3,B4,B5)"],
    ["SUM()"],
    ["SUM(B3,)"],
    ["SUM(B3:B6+1)"],
    ["SUM(B3:B6 B4:C4)"],
    ["SUM(B:B)"],
    ["SUM(3:3)"],
    ["B3:B6"],
    ["B3:B6+1"],
    ["Sheet2!B3", "Sheet1"],
    ["Sheet1!B3+Sheet2!B4", "Sheet1"],
    ["Sheet1!B3"], // no sheet name given: cannot know it is local
    ["SUM(Sheet1!B3:Sheet2!B6)", "Sheet1"],
    ["[1]Sheet1!B3", "Sheet1"],
    ["'Sheet1'!B3'", "Sheet1"],
    ["'unterminated!B3", "Sheet1"],
    ["Sheet1! B3", "Sheet1"],
    ["매출합계"], // a defined name
    ["total+B3"],
    ["ABCD1"], // past column XFD: a name, not a reference
    ["B0"],
    ["B1048577"],
    ["TRUE"],
    ["#REF!+B3"],
    ["B3+#N/A"],
    ["{1,2}"],
    ["@B3"],
    ["B3+"],
    ["(B3+B4"],
    ["B3+B4)"],
    ["B3 B4"],
    ["SUM(A1:XFD1048576)"], // too large to be a budget total
    ["(".repeat(100) + "B3" + ")".repeat(100)],
  ];
  test.each(rejects)("%s", (...[formula, sheet]) => {
    expect(parseLinearFormula(formula, sheet)).toBeUndefined();
  });
});

describe("evaluateLinear", () => {
  const values: Record<string, number> = { B3: 10, B4: 20, B5: 30, C3: 1.5 };
  const at = (r: number, c: number): number | undefined => values[a1(r, c)];

  test("adds with signs and the constant", () => {
    expect(evaluateLinear(parseLinearFormula("SUM(B3:B5)-C3+100")!, at)).toBe(158.5);
    expect(evaluateLinear(parseLinearFormula("-(B3-B4)")!, at)).toBe(10);
    expect(evaluateLinear(parseLinearFormula("7")!, at)).toBe(7);
  });

  test("undefined when a referenced cell has no number", () => {
    expect(evaluateLinear(parseLinearFormula("B3+B9")!, at)).toBeUndefined();
    expect(evaluateLinear(lin([t("B3")]), () => Number.NaN)).toBeUndefined();
  });
});

describe("property: generated SUM and + formulas", () => {
  const ROWS = 6;
  const COLS = 5;
  const grid = fc.array(fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: COLS, maxLength: COLS }), {
    minLength: ROWS,
    maxLength: ROWS,
  });
  const cellArb = fc.record({ r: fc.nat(ROWS - 1), c: fc.nat(COLS - 1), neg: fc.boolean(), abs: fc.boolean() });

  test("evaluates to the direct sum and lists every cell, duplicates included", () => {
    fc.assert(
      fc.property(grid, fc.array(cellArb, { minLength: 1, maxLength: 12 }), fc.constantFrom("sum", "plus"), (g, cells, style) => {
        const ref = (x: { r: number; c: number; abs: boolean }): string =>
          x.abs ? `$${columnName(x.c)}$${x.r + 1}` : a1(x.r, x.c);
        let formula: string;
        if (style === "sum") {
          // SUM takes no signs per argument, so negate inside: SUM(B3,-C4)
          formula = `SUM(${cells.map((x) => (x.neg ? "-" : "") + ref(x)).join(",")})`;
        } else {
          formula = cells.map((x, i) => (x.neg ? "-" : i === 0 ? "" : "+") + ref(x)).join("");
        }
        const f = parseLinearFormula(formula);
        expect(f).toBeDefined();
        expect(f!.terms).toEqual(cells.map((x) => ({ r: x.r, c: x.c, sign: x.neg ? -1 : 1 })));
        const direct = cells.reduce((s, x) => s + (x.neg ? -1 : 1) * g[x.r][x.c], 0);
        expect(evaluateLinear(f!, (r, c) => g[r][c])).toBe(direct);
      }),
    );
  });

  test("a range sums every cell in it once, row-major", () => {
    fc.assert(
      fc.property(grid, fc.nat(ROWS - 1), fc.nat(ROWS - 1), fc.nat(COLS - 1), fc.nat(COLS - 1), (g, ra, rb, ca, cb) => {
        const f = parseLinearFormula(`SUM(${a1(ra, ca)}:${a1(rb, cb)})`);
        expect(f).toBeDefined();
        const expected: Term[] = [];
        let direct = 0;
        for (let r = Math.min(ra, rb); r <= Math.max(ra, rb); r++)
          for (let c = Math.min(ca, cb); c <= Math.max(ca, cb); c++) {
            expected.push({ r, c, sign: 1 });
            direct += g[r][c];
          }
        expect(f!.terms).toEqual(expected);
        expect(evaluateLinear(f!, (r, c) => g[r][c])).toBe(direct);
      }),
    );
  });

  test("a number too large for a double (1e999, Excel's #NUM!) makes the formula unreadable, not Infinity", () => {
    // fast-check's arbitrary strings find this one rarely: it is pinned here.
    for (const s of ["1e999", "SUM(B2,1E400)", "B2+9e308*1"]) expect(parseLinearFormula(s, "Sheet1")).toBeUndefined();
    expect(parseLinearFormula("B2+1e3", "Sheet1")?.constant).toBe(1000);
  });

  test("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const f = parseLinearFormula(s, "Sheet1");
        if (f !== undefined) expect(Number.isFinite(f.constant)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
