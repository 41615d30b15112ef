import { readFileSync } from "node:fs";
import path from "node:path";
import { cellAt, type Cell, type SheetGrid, type WorkbookGrid } from "../../src/core/cells/grid";
import { readWorkbookGrid } from "../../src/cli/read-xlsx";
import { parsePrintedNumber, parseSeedPlan, tableCellValue } from "../../src/cli/sample-layout";
import { buildSampleWorkbooks } from "../../scripts/build-samples";

const ROOT = path.resolve(__dirname, "../..");
import { SEEDS } from "../support/paths";
const PLAN_FILE = "2021-경제환경국-지역경제과.xlsx";
const CARD_FILE = "2021-지역경제-15-도시형소공인.xlsx";

const PLAN_SHEETS = [
  "00 일반현황",
  "01 전통시장 경영현대화",
  "02 전통시장 시설현대화",
  "03 소상공인 지원",
  "04 G밸리사랑상품권",
  "05 휴머노이드 기술창업",
  "06 국내·외 교류",
  "07 남북교류협력기금",
  "08 기업지원시설 운영",
  "09 중소기업 육성",
  "10 우시장 축산물 안전관리",
  "11 동물복지사업",
  "12 동물보호사업",
  "13 사회적경제 활성화",
  "14 사회적경제허브센터",
];

// The builder's output, read back the way the command line reads any workbook.
let grids: Map<string, WorkbookGrid>;

beforeAll(async () => {
  const plan = parseSeedPlan(JSON.parse(readFileSync(path.join(ROOT, "samples/seed-plan.json"), "utf8")) as unknown);
  grids = new Map();
  for (const { file, workbook } of await buildSampleWorkbooks(plan)) {
    expect(workbook.creator).toBe("Yesan sample builder");
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    grids.set(file, await readWorkbookGrid(bytes, file));
  }
}, 60000);

function workbook(file: string): WorkbookGrid {
  const wb = grids.get(file);
  if (wb === undefined) throw new Error(`not built: ${file}`);
  return wb;
}

function sheet(file: string, name: string): SheetGrid {
  const found = workbook(file).sheets.find((s) => s.name === name);
  if (found === undefined) throw new Error(`no sheet ${name} in ${file}`);
  return found;
}

/** The row whose column A holds exactly this text. */
function rowOf(grid: SheetGrid, text: string): number {
  const r = grid.cells.findIndex((row) => row !== undefined && row[0]?.v === text);
  if (r < 0) throw new Error(`"${text}" not in column A of ${grid.name}`);
  return r;
}

const v = (grid: SheetGrid, r: number, c: number): Cell["v"] => cellAt(grid, r, c)?.v;

describe("sheets", () => {
  it("has the front matter and the 14 programs of the plan, and the card on its own", () => {
    expect(workbook(PLAN_FILE).sheets.map((s) => s.name)).toEqual(PLAN_SHEETS);
    expect(workbook(CARD_FILE).sheets.map((s) => s.name)).toEqual(["지역경제-15 도시형소공인"]);
  });

  it("uses sheet names Excel accepts", () => {
    for (const wb of grids.values()) {
      for (const s of wb.sheets) {
        expect(s.name.length).toBeLessThanOrEqual(31);
        expect(s.name).not.toMatch(/[[\]:*?/\\]/);
      }
    }
  });
});

describe("01 funding table", () => {
  let grid: SheetGrid;
  let top: number;

  beforeAll(() => {
    grid = sheet(PLAN_FILE, "01 전통시장 경영현대화");
    // Heading, then the gap row holding the unit label, then the table.
    top = rowOf(grid, "□ 2021년 소요예산 : 320,793천원") + 2;
  });

  it("puts the unit label above the table's last column", () => {
    expect(v(grid, top - 1, 5)).toBe("(단위 : 천원)");
    expect(v(grid, top - 1, 0)).toBeUndefined();
  });

  it("merges the header like the print", () => {
    expect(v(grid, top, 0)).toBe("재원별");
    expect(v(grid, top, 1)).toBe("합계");
    expect(v(grid, top, 2)).toBe("연차별 소요자원");
    expect(grid.merges).toEqual(
      expect.arrayContaining([
        { r0: top, c0: 0, r1: top + 1, c1: 0 },
        { r0: top, c0: 1, r1: top + 1, c1: 1 },
        { r0: top, c0: 2, r1: top, c1: 5 },
      ]),
    );
    expect([2, 3, 4, 5].map((c) => v(grid, top + 1, c))).toEqual(["2020년", "2021년", "2022년", "2023년"]);
  });

  it("stores the figures as numbers with a grouping format", () => {
    const rows = [1, 2, 3, 4, 5, 6].map((i) => [0, 1, 2, 3, 4, 5].map((c) => v(grid, top + 1 + i, c)));
    expect(rows).toEqual([
      ["계", 766023, 81230, 320793, 182000, 182000],
      ["국비", 120000, undefined, 120000, undefined, undefined],
      ["시비", 12904, undefined, 12904, undefined, undefined],
      ["구비", 626433, 81230, 181203, 182000, 182000],
      ["민간", 6686, undefined, 6686, undefined, undefined],
      [undefined, undefined, undefined, undefined, undefined, undefined],
    ]);
    expect(cellAt(grid, top + 2, 1)?.z).toBe("#,##0");
  });

  it("keeps the printed breakdown text, including 24,00", () => {
    const texts = grid.cells.flatMap((row) => (row ?? []).map((c) => c?.v));
    expect(texts).toContain("24,000천원 (국비/시비/구비/민간) (16,800/2,880/1,920/24,00)");
    expect(texts).toContain("4,800천원 (구비)");
    expect(texts).toContain("비예산");
  });
});

describe("printed mistakes stay as printed", () => {
  it("keeps 06's 계 합계 527,900", () => {
    const grid = sheet(PLAN_FILE, "06 국내·외 교류");
    const top = rowOf(grid, "□ 2021년 소요예산 : 114,600천원") + 2;
    expect(v(grid, top + 2, 0)).toBe("계");
    expect(v(grid, top + 2, 1)).toBe(527900);
    expect(v(grid, top + 3, 1)).toBe(509400);
  });
});

describe("the card", () => {
  it("merges the 구 분 label over the source rows of the 투자수요 table", () => {
    const grid = sheet(CARD_FILE, "지역경제-15 도시형소공인");
    const top = rowOf(grid, "□ 연차별 투자수요 및 집행액") + 2;
    expect(v(grid, top - 1, 13)).toBe("(단위 : 백만원)");
    expect(v(grid, top + 3, 0)).toBe("도시형소공인 집적지구 인프라 구축");
    expect(grid.merges).toContainEqual({ r0: top + 3, c0: 0, r1: top + 6, c1: 0 });
    expect([1, 2, 3].map((c) => v(grid, top + 3, c))).toEqual(["계", 3347, 3047]);
    expect(v(grid, top + 4, 4)).toBe(647);
    expect(v(grid, top + 4, 8)).toBe("-");
  });
});

describe("every funding figure of the seeds is in the workbooks", () => {
  const HEADING = /^□.*(소요예산|투자수요)/;
  const FIGURE = /^-?\d{1,3}(,\d{3})*(\.\d+)?$/;

  /** Figures of each funding table of a seed text, in document order. */
  function seedFundingFigures(seed: string): number[][] {
    const lines = readFileSync(path.join(SEEDS, seed), "utf8").split("\n");
    const tables: number[][] = [];
    lines.forEach((line, i) => {
      if (!HEADING.test(line.trim())) return;
      let j = i + 1;
      while (j < lines.length && !lines[j].includes("\t")) j++;
      const figures: number[] = [];
      for (; j < lines.length && lines[j].includes("\t"); j++) {
        for (const cell of lines[j].split("\t")) {
          if (FIGURE.test(cell.trim())) figures.push(Number(cell.trim().replace(/,/g, "")));
        }
      }
      tables.push(figures);
    });
    return tables;
  }

  /** Numbers of the table under each funding heading of a workbook, in sheet order. */
  function workbookFundingFigures(wb: WorkbookGrid): number[][] {
    const tables: number[][] = [];
    for (const grid of wb.sheets) {
      grid.cells.forEach((row, r) => {
        const heading = row?.[0]?.v;
        if (typeof heading !== "string" || !HEADING.test(heading)) return;
        const figures: number[] = [];
        // The table ends at the next empty row (or a row holding only the next table's unit label).
        for (let t = r + 2; t < grid.cells.length; t++) {
          const cells = (grid.cells[t] ?? []).filter((c) => c !== undefined);
          if (cells.length === 0 || cells.every((c) => typeof c.v === "string" && c.v.startsWith("(단위"))) break;
          for (const c of cells) if (typeof c.v === "number") figures.push(c.v);
        }
        tables.push(figures);
      });
    }
    return tables;
  }

  const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);

  it.each([
    [PLAN_FILE, "000_539d6d1fdbe54fb1.txt", 14],
    [CARD_FILE, "002_bafcc29ad79939b1.txt", 1],
  ])("%s", (file, seed, count) => {
    const printed = seedFundingFigures(seed);
    const built = workbookFundingFigures(workbook(file));
    expect(printed).toHaveLength(count);
    expect(built.map(sorted)).toEqual(printed.map(sorted));
    expect(printed.flat().length).toBeGreaterThan(count * 5);
  });
});

describe("printed strings to cell values", () => {
  it.each([
    ["766,023", 766023, "#,##0"],
    ["1,234", 1234, "#,##0"],
    ["0", 0, "#,##0"],
    ["60.58", 60.58, "#,##0.00"],
    ["123.10", 123.1, "#,##0.00"],
    ["-1,500", -1500, "#,##0"],
    ["2019", 2019, "0"],
  ])("%s is a number", (printed, value, numFmt) => {
    expect(parsePrintedNumber(printed)).toEqual({ value, numFmt });
    expect(tableCellValue(printed)).toEqual({ kind: "number", value, numFmt });
  });

  it.each(["-", "비예산", "24,00", "2021년", "4,800천원 (구비)", "1,2345", "007", "1,000,00", "", "12.", ".5"])(
    "%j stays text",
    (printed) => {
      expect(parsePrintedNumber(printed)).toBeUndefined();
      expect(tableCellValue(printed)).toEqual({ kind: "text", value: printed });
    },
  );

  it("drops Excel's apostrophe and keeps the rest as text", () => {
    expect(tableCellValue("'766,023")).toEqual({ kind: "text", value: "766,023" });
    expect(tableCellValue("'2017")).toEqual({ kind: "text", value: "2017" });
  });
});

describe("seed-plan.json validation", () => {
  const table = (t: string[][], extra: Record<string, unknown> = {}): unknown => ({
    workbooks: [{ file: "a.xlsx", seed: "s", title: "t", sheets: [{ name: "01 a", blocks: [{ table: t, ...extra }] }] }],
  });

  it("rejects ragged rows, merges over values and bad sheet names", () => {
    expect(() => parseSeedPlan(table([["a", "b"], ["c"]]))).toThrow(/has 1 cells/);
    expect(() => parseSeedPlan(table([["a", "b"]], { merges: ["A1:B1"] }))).toThrow(/covers the non-empty cell "b"/);
    expect(() => parseSeedPlan(table([["a", ""]], { merges: ["A1:C1"] }))).toThrow(/outside the table/);
    expect(() =>
      parseSeedPlan({ workbooks: [{ file: "a.xlsx", seed: "s", title: "t", sheets: [{ name: "a/b", blocks: [] }] }] }),
    ).toThrow(/contains one of/);
    expect(parseSeedPlan(table([["a", ""]], { merges: ["A1:B1"], unit: "천원" }))).toBeDefined();
  });
});
