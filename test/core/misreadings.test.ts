// Every way real workbooks misled the engine before it asked the sheet for evidence (issue 10), each rebuilt as a
// small workbook of the same layout: the consistent table gives no error, and a mistake put in on purpose is found
// at its cell with the value its parts give. Layouts follow the corpus (City of Baltimore capital plans, the EUSES
// research workbooks) without depending on it.
import { brief, run, setFormula, sheet } from "./helpers";
import type { Scalar } from "../../src/core/cells/grid";

const errors = (g: Parameters<typeof run>[0]): string[] => brief(run(g).findings.filter((f) => f.severity === "error"));

/** A Six-Year Program block: sources down; Appr. to date, six fiscal years and Total across; amounts as text. */
function sixYear(impact = true): Scalar[][] {
  return [
    ["117-019", "Replace City Wide Switches"],
    ["Description:", "Replace legacy City-wide switches"],
    ["Location:", "Baltimore City"],
    [],
    [null, null, null, null, impact ? "Impact on FY 2019  Operating Budget : 20" : null],
    ["Source of Funds", "Appr.\nto date", 2019, 2020, 2021, 2022, 2023, 2024, "Total"],
    ["100   General Obligation Bonds", 50, "100", "1,000", "1,000", "600", "0", "600", 3350],
    ["200   General Funds", 20, "100", "0", "0", "Zero", "600", "0", 720],
    ["Total", 70, 200, 1000, 1000, 600, 600, 600, 4070],
    [],
    ["117-020", "Implement Virtual Desktop Infrastructure"],
  ];
}

describe("1. text above the header row is not a group header", () => {
  const merges = ["E5:I5"];
  test("'Impact on FY … : 20' merged over the years and the Total: the Total adds Appr. to date and all six years", () => {
    expect(errors(sheet(sixYear(), merges))).toEqual([]);
    const g = sheet(sixYear(), merges);
    g.cells[6][8] = { v: 3300 };
    expect(errors(g)).toEqual(["total-mismatch I7 3300→3350"]);
  });
  test("when two readings explain the figures equally (Appr. to date in one row only), nothing is claimed", () => {
    const rows = sixYear();
    rows[7] = ["200   General Funds", 0, "100", "0", "0", "Zero", "600", "0", 700];
    rows[8] = ["Total", 50, 200, 1000, 1000, 600, 600, 600, 4050];
    rows[6][8] = 3300; // the years alone, or Appr. to date + the years with 3,300 mistyped: the sheet cannot tell
    expect(errors(sheet(rows, merges))).toEqual([]);
  });
  test("the block ends before the next project's title (a code, not a figure)", () => {
    const res = run(sheet(sixYear(), merges));
    expect(res.tables.map((t) => t.range)).toEqual(["A6:I9"]);
  });
});

describe("2. several measures under one multi-row header", () => {
  const rows: Scalar[][] = [
    ["Region", "2002", null, "2003", null, "Total", null],
    [null, "Amount", "%", "Amount", "%", "Amount", "%"],
    ["North", 120, 40, 150, 50, 270, 45],
    ["South", 180, 60, 150, 50, 330, 55],
    ["Total", 300, 100, 300, 100, 600, 100],
  ];
  const merges = ["B1:C1", "D1:E1", "F1:G1", "A1:A2"];
  test("amounts and shares side by side: only the amounts add up, and the shares are never summed across", () => {
    expect(errors(sheet(rows, merges))).toEqual([]);
    const g = sheet(rows, merges);
    g.cells[2][5] = { v: 280 };
    expect(errors(g)).toEqual(["total-mismatch F3 280→270"]);
  });
});

describe("3. stacked blocks with repeated header rows", () => {
  const block = (name: string, a: number, b: number): Scalar[][] => [
    [name, "FY01", "FY02", "Total"],
    ["Federal", a, b, a + b],
    ["State", b, a, a + b],
    ["Total", a + b, a + b, 2 * (a + b)],
  ];
  test("each block is its own table, and a wrong total is measured against its own block only", () => {
    const rows = [...block("Parks", 10, 20), ...block("Roads", 300, 400), ...block("Schools", 5, 7)];
    expect(run(sheet(rows)).tables.map((t) => t.range)).toEqual(["A1:D4", "A5:D8", "A9:D12"]);
    expect(errors(sheet(rows))).toEqual([]);
    const g = sheet(rows);
    g.cells[7][1] = { v: 800 };
    expect(errors(g)).toEqual(["total-mismatch B8 800→700"]);
  });
});

describe("4. columns that do not add: shares, averages, ranks; successive stages of the same money", () => {
  test("a % column, an average column and a rank column beside the amounts raise nothing", () => {
    const g = sheet([
      ["School", "Students", "Teachers", "Classes", "% of total", "Avg class size", "Rank"],
      ["East", 300, 12, 12, 30, 25, 2],
      ["West", 500, 18, 18, 50, 28, 1],
      ["North", 200, 9, 9, 20, 22, 3],
      ["Total", 1000, 39, 39, 100, 25, null],
    ]);
    expect(errors(g)).toEqual([]);
    g.cells[4][1] = { v: 1100 };
    expect(errors(g)).toEqual(["total-mismatch B5 1100→1000"]);
  });
  test("Capital Budget stages: Agency → Planning → BOF → BOE → Ordinance are recommendations, Total = Appr. to date + the last", () => {
    const head: Scalar[] = ["Source of Funds", "Appr. To Date", "Agency", "Planning", "BOF", "BOE", "Ordinance of\nEstimates", "Total"];
    const rows: Scalar[][] = [
      head,
      ["100   General Obligation Bonds", 650, 600, "Zero", "Zero", "Zero", "Zero", 650],
      ["200   General Funds", 0, 0, "250", "250", "Zero", "Zero", 0],
      ["990   Other Funds (Not Classified Above)", 0, 0, "250", "250", "250", "250", 250],
      ["Total", 650, 600, 500, 500, 250, 250, 900],
    ];
    expect(errors(sheet(rows))).toEqual([]);
    const g = sheet(rows);
    g.cells[3][7] = { v: 500 };
    expect(errors(g)).toEqual(["total-mismatch H4 500→250"]);
  });
});

describe("5. years, codes, serial numbers and column numbers are labels, not parts", () => {
  test("bureau codes typed as text beside the names, serial numbers, a year column", () => {
    const g = sheet([
      ["No.", "Bureau\nProgram", "Bureau Name", "Year", "City Bond Funds", "Federal\nFunds", "Totals"],
      [1, "117", "Office of Information Technology", 2019, 1900, 2050, 3950],
      [2, "127", "Mayoralty-Related", 2019, 3525, 305, 3830],
      [3, "146", "Department of Finance", 2019, 0, 1214, 1214],
      [null, "Year Total for 2019", null, null, 5425, 3569, 8994],
    ]);
    expect(errors(g)).toEqual([]);
    expect(run(g).tables).toHaveLength(1);
    g.cells[4][6] = { v: 8990 };
    expect(errors(g)).toEqual(["total-mismatch G5 8990→8994"]);
  });
});

describe("6. subtotals and alternative breakdowns are not counted twice", () => {
  const rows: Scalar[][] = [
    ["Item", "FY04", "FY05"],
    ["Manager", 75000, 76125],
    ["Developer", 50000, 50750],
    ["Subtotal", 125000, 126875],
    ["Content editor", 48000, 48720],
    ["Subtotal", 48000, 48720],
    ["Total", 173000, 175595],
  ];
  test("the total over the subtotals, and a total formula over the items instead: both are right", () => {
    expect(errors(sheet(rows))).toEqual([]);
    const g = sheet(rows);
    setFormula(g, "B7", "SUM(B2:B3)+B5", 173000);
    setFormula(g, "C7", "C4+C6", 175595);
    expect(errors(g)).toEqual([]);
  });
  test("a subtotal that disagrees with its items is found; the total that agrees with the subtotals is not", () => {
    const g = sheet(rows);
    g.cells[3][1] = { v: 125500 };
    g.cells[6][1] = { v: 173500 };
    const res = run(g);
    expect(brief(res.findings)).toEqual(["total-mismatch B4 125500→125000"]);
    expect(res.findings[0].related).toEqual(["B2", "B3"]);
  });
});

describe("7. a label-only row inside a table", () => {
  test("a heading row between figure rows does not cut the table short", () => {
    const g = sheet([
      ["Adjustment", "Q1", "Q2", "Q3", "YTD"],
      ["Amortization of goodwill", 2, 2, 2, 6],
      ["Wind-down costs associated with the"],
      ["  dissolution of RedSpark", 0, 1, 0, 1],
      ["Restructuring charges", 0, 5, 0, 5],
      ["Total adjustments", 2, 8, 2, 12],
    ]);
    expect(run(g).tables.map((t) => t.range)).toEqual(["A1:E6"]);
    expect(errors(g)).toEqual([]);
    g.cells[5][4] = { v: 11 };
    expect(errors(g)).toEqual(["total-mismatch E6 11→12"]);
  });
});

describe("8. a SUM that skips empty cells", () => {
  test("=SUM(I4:I6) under an empty I3 adds what =SUM(H3:H6) adds: no formula-range", () => {
    const g = sheet([
      ["Performer", "Title", "FY02", "FY03", "FY04"],
      ["SNL", "TPE Equipment", 25, null, null],
      ["GA", "Dimes", 208, 210, 230],
      ["UCSD", "Pisces", 1806, 1350, 1450],
      ["ANL", "Tech Innovation", 803, 841, 860],
      [null, null, null, null, null],
    ]);
    setFormula(g, "C6", "SUM(C2:C5)", 2842);
    setFormula(g, "D6", "SUM(D3:D5)", 2401);
    setFormula(g, "E6", "SUM(E3:E5)", 2540);
    expect(run(g).findings).toEqual([]);
  });
  test("a SUM that leaves out a figure its siblings add is reported, with the figure it should give", () => {
    const g = sheet([
      ["Unit", "Federal", "State", "Total by Dept."],
      ["CATS", 0, 447514, 447514],
      ["CESTP", 807134, 0, 807134],
      ["CSC", 0, 118045, 118045],
      ["Total by Source", null, null, null],
    ]);
    setFormula(g, "B5", "SUM(B3:B4)", 807134); // B2 is 0: the same figure as SUM(B2:B4)
    setFormula(g, "C5", "SUM(C2:C4)", 565559);
    setFormula(g, "D5", "SUM(D3:D4)", 925179); // leaves out CATS, 447,514
    for (const r of [2, 3, 4]) setFormula(g, `D${r}`, `SUM(B${r}:C${r})`, (g.cells[r - 1][3]?.v as number));
    expect(brief(run(g).findings)).toEqual(["total-mismatch D5 925179→1372693", "formula-range D5"]);
  });
});

describe("9. a total computed along the other axis", () => {
  test("the grand total adds its row; checked against its column it agrees, and nothing is reported", () => {
    const g = sheet([
      ["Fund", "FY01", "FY02", "Total"],
      ["Federal", 10, 20, 30],
      ["State", 5, 5, 10],
      ["Total", 15, 25, 40],
    ]);
    setFormula(g, "D4", "SUM(B4:C4)", 40);
    setFormula(g, "B4", "SUM(B2:B3)", 15);
    setFormula(g, "C4", "SUM(C2:C3)", 25);
    expect(errors(g)).toEqual([]);
  });
});

describe("10. rows below a total are not its parts", () => {
  test("a check row and a note under the Total are left out", () => {
    const g = sheet([
      ["Account", "2001", "2002", "2003"],
      ["Sales", 450, 500, 600],
      ["Services", 280, 300, 350],
      ["Total Revenue", 730, 800, 950],
      ["Check against ledger", 0, 0, 0],
      ["Memo: growth", 9, 12, 19],
    ]);
    expect(errors(g)).toEqual([]);
    g.cells[3][3] = { v: 905 };
    expect(errors(g)).toEqual(["total-mismatch D4 905→950"]);
  });
});

describe("11. floating-point noise", () => {
  test("0.1 + 0.2 against 0.3, and a residue of 0.000001 on figures with many decimals, are not differences", () => {
    const g = sheet([
      ["Item", "Q1", "Q2", "Total"],
      ["A", 0.1, 0.2, 0.3],
      ["B", 1.23456789, 2.1, 3.33456789],
      ["Total", 1.33456789, 2.3, 3.6345678900000001],
    ]);
    expect(errors(g)).toEqual([]);
  });
});

describe("12. dates, durations, year ranges and codes are not malformed numbers", () => {
  test("in a label or note column, and in the header", () => {
    const g = sheet([
      ["Particulars", "30.09.2003", "30.09.2002", "Period", "Ref"],
      ["Sales", 319, 329, "2001/02", "22131+60489"],
      ["Other income", 17, 3, "1991 - 1992", "(51)-1, (52)"],
      ["Total", 336, 332, "1:30", "117-019"],
    ]);
    expect(run(g).findings.filter((f) => f.rule === "malformed-number")).toEqual([]);
  });
  test("a figure gone wrong in an amount column still is", () => {
    const g = sheet([
      ["Item", "2021", "2022"],
      ["A", "24,00", 10],
      ["B", 5, 10],
      ["Total", 29, 20],
    ]);
    expect(brief(run(g).findings.filter((f) => f.rule === "malformed-number"))).toEqual(["malformed-number B2"]);
  });
});

describe("misses: totals named with more words, an unlabelled SUM row, the year only in the title", () => {
  test.each(["Total Current Assets", "Total 67", "SUBTOTAL SPECIAL", "Year Total for 2024", "합계(A+B)", "Totals"])("%j is a total", (label) => {
    const g = sheet([
      ["Account", "2002", "2003", "2004"],
      ["Cash", 5, 10, 20],
      ["Receivables", 25, 30, 40],
      [label, 30, 40, 60],
    ]);
    expect(run(g).tables).toHaveLength(1);
    g.cells[3][2] = { v: 45 };
    expect(errors(g)).toEqual(["total-mismatch C4 45→40"]);
  });
  test("a SUM row with no label is a total row", () => {
    const g = sheet([
      ["Title", "FY02", "FY03"],
      ["Dimes", 208, 210],
      ["Pisces", 1806, 1350],
      [null, null, null],
    ]);
    setFormula(g, "B4", "SUM(B2:B3)", 2014);
    setFormula(g, "C4", "SUM(C2:C3)", 1560);
    expect(run(g).tables).toHaveLength(1);
    g.cells[1][1] = { v: 300 };
    // The typed part changed, the cached totals did not: the SUM's figure disagrees with its parts.
    expect(errors(g)).toEqual(["total-mismatch B4 2014→2106"]);
  });
});

describe("what cannot be confirmed is not checked, in words that never read as a pass", () => {
  test("a Total row that agrees with no reading of the rows above is a region not checked, not an error", () => {
    const res = run(sheet([
      ["District", "Population", "Density"],
      ["A", 1200, 35],
      ["B", 800, 12],
      ["C", 400, 50],
      ["Total", 2500, 20],
    ]));
    expect(res.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(res.notChecked).toEqual([{ sheet: "시트1", range: "A1:C5", reason: "unconfirmed" }]);
    expect(res.tables).toEqual([]);
  });
  test("a list of figures without totals is named as not checked (no total line)", () => {
    const res = run(sheet([
      ["Market", "Stores", "Area"],
      ["독산동우시장", 120, 3400],
      ["남문시장", 80, 2100],
      ["현대시장", 60, 1500],
    ]));
    expect(res.notChecked).toEqual([{ sheet: "시트1", range: "A1:C4", reason: "no-total" }]);
  });
});

describe("rounding residues", () => {
  test("a printed total off by 1 from its rounded parts is a real disagreement and is reported", () => {
    const g = sheet([
      ["Source of Funds", "Appr. to date", "2019", "2020", "Total"],
      ["402   Water Revenue Bonds", 0, 1069, 0, 1070],
      ["700   Other", 5, 3564, 0, 3569],
      ["Total", 5, 4633, 0, 4639],
    ]);
    const res = run(g);
    // E4 adds the Total column exactly, 1,070 included: it is wrong with E2, not on its own.
    expect(brief(res.findings)).toEqual(["total-mismatch E2 1070→1069"]);
    expect(res.findings[0].related).toContain("E4");
  });
});

describe("figures as printed", () => {
  test("a typed total that adds up on the page (parts stored with decimals, shown whole) is right", () => {
    const g = sheet([
      ["Assets", "2001", "2002", "2003"],
      ["Cash", 128.4, 87.2, 329.3],
      ["Receivables", 2867.8, 2009.4, 1777.9],
      ["Inventories", 2082.0, 2387.6, 2010.8],
      ["Total current assets", 5078, 4484, 4118],
    ]);
    for (const row of g.cells) for (const cell of row ?? []) if (cell !== undefined && typeof cell.v === "number") cell.z = "#,##0";
    expect(errors(g)).toEqual([]);
  });
  test("a formula total whose printed figure is one more than its printed parts is a rounding note, not an error", () => {
    const g = sheet([
      ["Item", "FY05", "FY06", "FY07"],
      ["Manager", 76124.6, 77266.4, 78425.5],
      ["Developer", 50749.6, 51510.8, 52283.4],
      ["Total", null, null, null],
    ]);
    for (const [ref, f, v] of [["B4", "SUM(B2:B3)", 126874.2], ["C4", "SUM(C2:C3)", 128777.2], ["D4", "SUM(D2:D3)", 130708.9]] as const) setFormula(g, ref, f, v);
    for (const row of g.cells) for (const cell of row ?? []) if (cell !== undefined && (typeof cell.v === "number" || cell.f !== undefined)) cell.z = "#,##0";
    const res = run(g);
    expect(res.findings.filter((f) => f.severity === "error")).toEqual([]);
    // 76,125 + 50,750 = 126,875 printed parts, 126,874 printed total: the page disagrees by 1.
    expect(brief(res.findings)).toEqual(["total-rounding B4 126874→126875"]);
    expect(res.findings[0].severity).toBe("warning");
  });
});

describe("footnotes and check columns", () => {
  test("a Total over footnoted columns that differs where the note says it does is not claimed", () => {
    const rows: Scalar[][] = [
      ["Year", "Total", "Foetal deaths 3)", null],
      [null, null, "Spontaneous", "Artificial"],
      [1948, 143963, 104325, 31055],
      [1949, 192677, 114161, 75585],
      [1950, 216974, 106594, 110380],
      [1951, 217231, 101237, 115994],
      [1952, 203824, 94508, 109316],
      [1953, 193274, 89751, 103523],
      [1954, 187119, 87201, 99918],
      [1955, 183265, 85159, 98106],
      [],
      [],
      ["3) Total figures of foetal deaths for 1948-1949 include those whose kind is unknown."],
    ];
    expect(errors(sheet(rows, ["C1:D1"]))).toEqual([]);
    // Without the note, the two years are what they look like: totals that disagree with their parts.
    expect(errors(sheet(rows.slice(0, 10), ["C1:D1"]))).toEqual(["total-mismatch B3 143963→135380", "total-mismatch B4 192677→189746"]);
  });
  test("a (check) column that subtracts a total from its parts is no total itself", () => {
    const g = sheet([
      ["Line item", "Award", "Intake", "Referral", "Counseling", "(check)"],
      ["Coordinator", 24000, 4320, 0, 720, null],
      ["Supervisor", 21000, 10500, 3570, 0, null],
      ["Estimated cases", 1820, 1000, 465, 355, null],
    ]);
    setFormula(g, "F2", "SUM(C2:E2)-B2", -18960);
    setFormula(g, "F3", "SUM(C3:E3)-B3", -6930);
    setFormula(g, "F4", "SUM(C4:D4)-B4", -355);
    expect(errors(g)).toEqual([]);
  });
});

describe("labels that only look like totals or shares", () => {
  test("종합계획, 통합계정, 총계획 are items, not totals (합계 inside a word)", () => {
    const rows: Scalar[][] = [
      ["□ 2021년 소요예산 : 300천원"],
      [null, null, "(단위 : 천원)"],
      ["구분", "2021년", "2022년"],
      ["도시재생 종합계획 수립", 100, 150],
      ["통합계정 시스템", 50, 50],
      ["시설 공사", 150, 200],
      ["계", 300, 400],
    ];
    expect(run(sheet(rows)).findings).toEqual([]);
  });
  test("국비(50%): a source with its share in brackets is still added", () => {
    const g = sheet([
      ["재원", "2021년", "2022년"],
      ["국비(50%)", 500, 600],
      ["시비(30%)", 300, 360],
      ["구비(20%)", 200, 240],
      ["계", 1000, 1200],
    ]);
    expect(errors(g)).toEqual([]);
    g.cells[4][2] = { v: 1300 };
    expect(errors(g)).toEqual(["total-mismatch C5 1300→1200"]);
  });
  test("a running total (누계) column is not added down", () => {
    const g = sheet([
      ["연도", "집행액", "누계", "비고"],
      ["2019년", 20, 20, null],
      ["2020년", 30, 50, null],
      ["2021년", 30, 80, null],
      ["합계", 80, 80, null],
    ]);
    expect(errors(g)).toEqual([]);
  });
  test("figures not settled yet (미정, 별도) are unknown, not 0; #N/A is Excel's error value and named as one", () => {
    const g = sheet([
      ["재원", "2021년", "2022년", "2023년"],
      ["국비", 100, "미정", 100],
      ["시비", 50, 50, "#N/A"],
      ["계", 150, 100, 100],
    ]);
    // No total is claimed wrong over an unknown figure: the only error is the error value itself.
    expect(errors(g)).toEqual(["error-value D3"]);
  });
  test("amounts that look like years in a row led by a source are amounts, not a header", () => {
    const g = sheet([
      ["재원", "2021년", "2022년"],
      ["국비", 2000, 2021],
      ["시비", 1000, 1000],
      ["계", 3000, 3021],
    ]);
    expect(errors(g)).toEqual([]);
    g.cells[3][1] = { v: 3100 };
    expect(errors(g)).toEqual(["total-mismatch B4 3100→3000"]);
  });
});

describe("evidence from elsewhere does not outvote a table's own", () => {
  test("a table that fails a reading on most of its rows is not checked, however many others hold it", () => {
    const block = (name: string, ok: boolean): Scalar[][] => [
      [name, "Federal", "State", "Local", "Total"],
      ["Parks", 10, 20, 30, ok ? 60 : 61],
      ["Roads", 1, 2, 3, ok ? 6 : 7],
      ["Schools", 4, 5, 6, ok ? 15 : 16],
      ["Libraries", 7, 8, 9, 24],
      [],
      [],
    ];
    const rows = [...block("FY01", true), ...block("FY02", true), ...block("FY03", true), ...block("FY04", false)];
    const res = run(sheet(rows));
    expect(res.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(res.notChecked.map((n) => [n.range, n.reason])).toEqual([["A22:E26", "unconfirmed"]]);
  });
});

describe("long tables", () => {
  test("a 소계 every ten rows and a wrong row total every third row: every wrong cell is found, and only those", () => {
    const rows: Scalar[][] = [["구분", "합계", "국비", "시비", "구비"]];
    const wrong: string[] = [];
    const sub = [0, 0, 0];
    const grand = [0, 0, 0];
    for (let i = 1; i <= 3000; i++) {
      const a = 10 + (i % 7);
      const b = 20 + (i % 5);
      const c = 30 + (i % 3);
      const bad = i % 3 === 0 && i % 10 !== 0;
      rows.push([`항목${i}`, bad ? a + b + c + 1 : a + b + c, a, b, c]);
      if (bad) wrong.push(`B${rows.length}`);
      sub[0] += a;
      sub[1] += b;
      sub[2] += c;
      if (i % 10 === 0) {
        rows.push(["소계", sub[0] + sub[1] + sub[2], ...sub]);
        for (let k = 0; k < 3; k++) grand[k] += sub[k];
        sub.fill(0);
      }
    }
    rows.push(["합계", grand[0] + grand[1] + grand[2], ...grand]);
    const found = run(sheet(rows)).findings.filter((f) => f.severity === "error");
    expect(found.map((f) => f.cell)).toEqual(wrong);
    expect(found.every((f) => f.related.length <= 51)).toBe(true);
  });
});
