// The bundled template for a new 세부사업 laid out as a page of the budget book: the checker reads it as a book
// (path, amount, every kind of relation confirmed) and finds nothing, with its figures or blank; the 산출기초 and
// amounts it shows are the ones worked out by hand below; and the rules a book template must follow.
import { checkWorkbook } from "../../../src/core/check-workbook";
import { a1 } from "../../../src/core/cells/grid";
import { planToGrid, type SheetPlan } from "../../../src/core/cells/sheet-plan";
import { BUNDLED_CATALOG } from "../../../src/core/templates/bundled";
import { layoutTemplate } from "../../../src/core/templates/layout";
import { BOOK_COL, layoutBookTemplate } from "../../../src/core/templates/layout-book";
import { isBookTemplate, type BookTemplate } from "../../../src/core/templates/schema";
import { validateTemplate } from "../../../src/core/templates/validate";

const template = BUNDLED_CATALOG.templates.find(isBookTemplate) as BookTemplate;

const cellOf = (plan: SheetPlan, r: number, c: number) => plan.cells.find((x) => x.r === r && x.c === c);

test("the catalog holds one book template, after the 15 program pages", () => {
  expect(BUNDLED_CATALOG.templates.filter(isBookTemplate).map((t) => t.id)).toEqual(["book-new-program"]);
  expect(BUNDLED_CATALOG.templates).toHaveLength(16);
});

test("laid out with its figures: read as a page of the book, every relation kind confirmed, nothing found", () => {
  const lay = layoutBookTemplate(template);
  const result = checkWorkbook({ sheets: [planToGrid(lay.plan)] });
  expect(result.findings).toEqual([]);
  expect(result.tables).toEqual([]);
  // By hand: 기본급 82,560 × 249 = 20,557,440원 → 20,558; 명절휴가비 200; 제보험 26,620,000 × 11.6% = 3,087,920원
  // → 3,088; 정액급식비 1,680 (인건비 25,526); 기본수용비 1,200 + 강사수당 3,000 + 통신요금 3,000 (일반운영비
  // 7,200); 출장여비 480; 민간경상사업보조 20,000. Total 53,206천원: 시 20,000, 구 33,206.
  expect(result.book?.programs).toEqual([
    { path: ["지역경제과", "지역경제 활성화(국토및지역개발/지역및도시)", "전통시장 육성", "전통시장 디지털 전환 지원"], sheet: lay.plan.sheet, cell: a1(lay.book.programRow, 3), amount: 53206, previous: 0, change: 53206 },
  ]);
  expect(result.book?.checked).toEqual(["basis", "change", "rollup", "rollup-previous", "source-rollup", "sources"]);
  expect(result.book?.rounding).toBe("ceil");
  expect(lay.book.leaves.map((l) => [l.label, l.basis, l.amount])).toEqual([
    ["○기본급", "82,560원*1명*249일", 20558],
    ["○명절휴가비", "100,000원*1명*2회", 200],
    ["○제보험", "26,620,000원*11.6%", 3088],
    ["○정액급식비", "140,000원*1명*12월", 1680],
    ["◎사업 추진 기본수용비", "100,000원*12월", 1200],
    ["◎상인 교육 강사수당", "150,000원*2명*10회", 3000],
    ["◎키오스크 통신요금", "50,000원*5대*12월", 3000],
    ["◎사업 추진 출장여비", "20,000원*2명*12회", 480],
    ["◎전통시장 디지털 전환 지원", "5,000,000원*4개소", 20000],
  ]);
  expect(lay.book.sourceRows.map((s) => [s.key, cellOf(lay.plan, s.r, BOOK_COL.amount)?.result])).toEqual([
    ["시", "시   20,000"],
    ["구", "구   33,206"],
  ]);
});

test("every figure of the page is a formula over the yellow inputs; the 산출기초 is text of them", () => {
  const lay = layoutBookTemplate(template);
  const basic = lay.book.leaves[0].r;
  const at = (c: number) => cellOf(lay.plan, basic, c);
  expect(at(BOOK_COL.basis)?.formula).toBe(`TEXT(M${basic + 1},"#,##0")&"원*"&TEXT(N${basic + 1},"#,##0")&"명*"&TEXT(O${basic + 1},"#,##0")&"일"`);
  expect(at(BOOK_COL.amount)?.formula).toBe(`ROUNDUP(M${basic + 1}*N${basic + 1}*O${basic + 1}/1000,0)`);
  expect([at(BOOK_COL.price), at(BOOK_COL.factors), at(BOOK_COL.factors + 1)].map((c) => [c?.value, c?.input])).toEqual([
    [82560, true],
    [1, true],
    [249, true],
  ]);
  // The rate is held as a fraction and counted as shown (0.0##%).
  const rate = lay.book.leaves[2].r;
  expect(cellOf(lay.plan, rate, BOOK_COL.factors)).toMatchObject({ value: 0.116, numberFormat: "0.0##%", input: true });
  expect(cellOf(lay.plan, rate, BOOK_COL.amount)?.formula).toBe(`ROUNDUP(M${rate + 1}*ROUND(N${rate + 1},5)/1000,0)`);
  // No figure of the page itself is typed: amounts, 재원 lines and 비교증감 are formulas; typed are the inputs only.
  const typed = lay.plan.cells.filter((c) => typeof c.value === "number");
  expect(typed.every((c) => c.input === true && (c.c >= BOOK_COL.source || c.c === BOOK_COL.previous))).toBe(true);
  for (const c of lay.plan.cells.filter((x) => x.c >= BOOK_COL.amount && x.c <= BOOK_COL.change && x.r > lay.book.headerRow && x.c !== BOOK_COL.previous)) expect(c.formula).toBeDefined();
  // The last 재원 is the remainder of the 세부사업's amount.
  const last = lay.book.sourceRows[1].r;
  expect(cellOf(lay.plan, last, BOOK_COL.source)?.formula).toBe(`H${lay.book.programRow + 1}-SUM(L${last}:L${last})`);
});

test("blank inputs: every amount 0 and still nothing found; another year moves the title and the sheet", () => {
  const lay = layoutBookTemplate(template, { amounts: "empty", year: 2028 });
  expect(lay.plan.cells.filter((c) => c.input === true).every((c) => c.value === undefined)).toBe(true);
  expect(lay.book.total).toBe(0);
  expect(lay.book.leaves[0].basis).toBe("0원*0명*0일");
  expect(lay.book.leaves[2].basis).toBe("0원*0.0%");
  const result = checkWorkbook({ sheets: [planToGrid(lay.plan)] });
  expect(result.findings).toEqual([]);
  expect(result.book?.programs.map((p) => p.amount)).toEqual([0]);
  expect(cellOf(lay.plan, 0, 0)?.value).toBe("2028년도 세출예산 사업명세서");
  expect(lay.plan.sheet).toBe("2028 세부사업 예산서(신규)");
  // layoutTemplate, as the pane and the command line call it, gives the same page.
  expect(layoutTemplate(template, { amounts: "empty", year: 2028 })).toEqual(lay.plan);
});

test("a book page sits beside a program page in one workbook: each checked as its kind", () => {
  const plan = BUNDLED_CATALOG.templates.find((t) => t.id === "traditional-market-management");
  if (plan === undefined) throw new Error("template missing");
  const result = checkWorkbook({ sheets: [planToGrid(layoutTemplate(plan)), planToGrid(layoutBookTemplate(template).plan)] });
  expect(result.findings).toEqual([]);
  // The program page's two tables (its breakdown and funding table), none on the book page.
  expect(result.tables.map((t) => [t.sheet, t.kind])).toEqual([
    ["2021 전통시장 경영현대화", "breakdown"],
    ["2021 전통시장 경영현대화", "funding"],
  ]);
  expect(result.book?.programs.map((p) => p.amount)).toEqual([53206]);
});

describe("the rules of a book template", () => {
  const base = (): Record<string, unknown> => JSON.parse(JSON.stringify(template)) as Record<string, unknown>;
  const problems = (t: unknown) => {
    const v = validateTemplate(t);
    return v.ok ? [] : v.problems.map((p) => [p.path, p.message.ko]);
  };
  type Json = { book: { sources: { amount?: number }[]; objects: { label: string; stats: { label: string; items: { label: string; price?: number; factors?: { unit: string; value?: number }[]; subs?: unknown[] }[] }[] }[] } };

  test("the bundled one passes", () => expect(problems(base())).toEqual([]));

  test("a funding table and a book page together, or neither", () => {
    const both = { ...base(), funding: { sources: [{ source: "city" }], firstYear: 2027, lastYear: 2027, unit: "천원" } };
    expect(problems(both)).toEqual([["", "템플릿에는 재원 표(funding)와 예산서 서식(book) 가운데 하나만 있어야 합니다."]]);
    const neither = base();
    delete neither.book;
    expect(problems(neither)).toEqual([["", "템플릿에는 재원 표(funding)와 예산서 서식(book) 가운데 하나만 있어야 합니다."]]);
  });

  test("labels the book reader knows, count words that are no money, the last 재원 left to the formula", () => {
    const t = base() as unknown as Json;
    t.book.objects[1].label = "일반운영비";
    t.book.objects[1].stats[0].label = "사무관리비";
    t.book.objects[1].stats[0].items[0].factors = [{ unit: "천원", value: 12 }];
    t.book.objects[1].stats[0].items[1].factors = [{ unit: "명", value: 2.5 }];
    t.book.sources[1].amount = 100;
    expect(problems(t)).toEqual([
      ["book.sources[1].amount", "마지막 재원의 금액은 세부사업 예산액에서 다른 재원을 뺀 나머지로 계산되므로 적지 않습니다."],
      ["book.objects[1].label", '편성목 "일반운영비": "201 일반운영비"처럼 세 자리 코드와 이름으로 적으세요.'],
      ["book.objects[1].stats[0].label", '통계목 "사무관리비": "01 사무관리비"처럼 두 자리 코드와 이름으로 적으세요.'],
      ["book.objects[1].stats[0].items[0].factors[0].unit", '수량 단위 "천원": 명, 월, 회, 개소처럼 숫자·연산자·공백 없이 8자 이하로 적고, 원으로 끝나지 않게 하세요 (비율은 %).'],
      ["book.objects[1].stats[0].items[1].factors[0].value", "정수여야 합니다."],
    ]);
  });

  test("a ◎ heading has no 단가; typed 재원 may not exceed the amount the 산출기초 make", () => {
    const t = base() as unknown as Json;
    t.book.objects[0].stats[0].items[0].price = 1000;
    t.book.sources[0].amount = 60000;
    expect(problems(t)).toEqual([
      ["book.objects[0].stats[0].items[0]", "○ 세부 항목이 있는 ◎ 항목에는 단가와 수량을 적지 않습니다 (금액은 세부 항목의 합입니다)."],
      ["book.sources", "재원 금액의 합 60,000천원이 산출기초로 계산한 예산액 53,206천원보다 큽니다."],
    ]);
  });
});
