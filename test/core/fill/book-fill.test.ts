// Filling this year's page of the budget book from last year's: 전년도예산액 from last year's 통계목 amounts, 단가 and
// counts from last year's 산출기초 where the form is the same; formulas never written over; what last year lacks named.
import { a1, type SheetGrid } from "../../../src/core/cells/grid";
import { planToGrid } from "../../../src/core/cells/sheet-plan";
import { basisFigures, isBookPage, planBookFill } from "../../../src/core/fill";
import { BUNDLED_CATALOG } from "../../../src/core/templates/bundled";
import { layoutBookTemplate } from "../../../src/core/templates/layout-book";
import { isBookTemplate, type BookTemplate } from "../../../src/core/templates/schema";

const template = BUNDLED_CATALOG.templates.find(isBookTemplate) as BookTemplate;

/** Last year's page: the same 세부사업 with other figures, one line it did not have, one of another form. */
function lastYear(): SheetGrid {
  const t = JSON.parse(JSON.stringify(template)) as BookTemplate;
  const objects = t.book.objects;
  // 인건비: 기본급 80,000원 × 1명 × 250일 = 20,000천원; 명절휴가비 90,000 × 1 × 2 = 180; 제보험 25,000,000 × 11.5% =
  // 2,875; 정액급식비 130,000 × 1 × 12 = 1,560 → 24,615.
  const subs = objects[0].stats[0].items[0].subs ?? [];
  subs[0].price = 80000;
  subs[0].factors = [{ unit: "명", value: 1 }, { unit: "일", value: 250 }];
  subs[1].price = 90000;
  subs[2].price = 25000000;
  subs[2].factors = [{ unit: "%", value: 11.5 }];
  subs[3].price = 130000;
  // 사무관리비: 기본수용비 of another form (100,000원 × 10개월 rather than × 월) = 1,000; 강사수당 absent → 1,000.
  objects[1].stats[0].items = [{ label: "사업 추진 기본수용비", price: 100000, factors: [{ unit: "개월", value: 10 }] }];
  // 공공운영비: 통신요금 40,000 × 5대 × 12월 = 2,400. 여비 and 민간이전 were not in last year's book.
  objects[1].stats[1].items[0].price = 40000;
  t.book.objects = objects.slice(0, 2);
  return planToGrid(layoutBookTemplate(t, { year: 2026, sheet: "2026 예산서" }).plan);
}

test("the page and last year's are book pages; 산출기초 read as 단가 and counts", () => {
  expect(isBookPage(lastYear())).toBe(true);
  expect(basisFigures("82,560원*1명*249일")).toEqual({ price: 82560, factors: [{ value: 1, word: "명" }, { value: 249, word: "일" }] });
  expect(basisFigures("26,620,000원 × 11.6%")).toEqual({ price: 26620000, factors: [{ value: 0.116, word: "%" }] });
  expect(basisFigures("4,500,000원")).toEqual({ price: 4500000, factors: [] });
  for (const text of ["3천원*2명", "10,000원*2천원", "사무용품 구입", "10,000원+5,000원"]) expect(basisFigures(text)).toBeUndefined();
});

test("this year's blank page filled from last year's: previous amounts and the figures of the lines of the same form", () => {
  const page = layoutBookTemplate(template, { amounts: "empty" });
  const grid = planToGrid(page.plan);
  const plan = planBookFill(grid, [lastYear()]);
  const at = (label: string): number => page.book.leaves.find((l) => l.label === label)?.r ?? -1;
  const rowOf = (text: string): number => grid.cells.findIndex((row) => row?.[5]?.v === text);
  const version = (stat: string): number => rowOf(stat) + 1; // the 본예산 line under the 통계목
  const writes = plan.preview.map((p) => [p.cell, p.after]);
  expect(writes).toEqual([
    [a1(version("04 기간제근로자등보수"), 8), 24615],
    [a1(at("○기본급"), 12), 80000],
    [a1(at("○기본급"), 13), 1],
    [a1(at("○기본급"), 14), 250],
    [a1(at("○명절휴가비"), 12), 90000],
    [a1(at("○명절휴가비"), 13), 1],
    [a1(at("○명절휴가비"), 14), 2],
    [a1(at("○제보험"), 12), 25000000],
    [a1(at("○제보험"), 13), 0.115],
    [a1(at("○정액급식비"), 12), 130000],
    [a1(at("○정액급식비"), 13), 1],
    [a1(at("○정액급식비"), 14), 12],
    [a1(version("01 사무관리비"), 8), 1000],
    [a1(version("02 공공운영비"), 8), 2400],
    [a1(at("◎키오스크 통신요금"), 12), 40000],
    [a1(at("◎키오스크 통신요금"), 13), 5],
    [a1(at("◎키오스크 통신요금"), 14), 12],
  ]);
  expect(plan.overwrites).toEqual([]); // every input was blank
  expect(plan.plan.cells).toHaveLength(writes.length);
  expect(plan.preview[0]).toMatchObject({ label: { ko: "101 인건비 › 04 기간제근로자등보수 · 전년도예산액" }, origin: { kind: "cell", sheet: "2026 예산서" } });
  // What could not be carried is named, and nothing is guessed for it.
  expect(plan.problems.map((p) => [p.severity, p.cell, p.message.ko])).toEqual([
    ["warning", a1(at("◎사업 추진 기본수용비"), 6), '201 일반운영비 › 01 사무관리비 › ◎사업 추진 기본수용비: 지난해 산출기초 "100,000원*10개월", 이 쪽 산출기초 "0원*0월". 수량 단위나 개수가 달라 단가·수량을 옮기지 않습니다.'],
    ["info", a1(at("◎상인 교육 강사수당"), 5), "지난해 예산서에 없습니다: 201 일반운영비 › 01 사무관리비 › ◎상인 교육 강사수당. 이 줄은 채우지 않습니다."],
    ["info", a1(rowOf("01 국내여비"), 5), "지난해 예산서에 없습니다: 202 여비 › 01 국내여비. 이 줄은 채우지 않습니다."],
    ["info", a1(rowOf("02 민간경상사업보조"), 5), "지난해 예산서에 없습니다: 307 민간이전 › 02 민간경상사업보조. 이 줄은 채우지 않습니다."],
  ]);
});

test("filled cells are confirmed before overwriting; formulas are never written; a sheet that is no book page is refused", () => {
  const page = layoutBookTemplate(template); // with the template's own figures
  const plan = planBookFill(planToGrid(page.plan), [lastYear()]);
  // 기본급 82,560 → 80,000 and 249 → 250 change; 1명 is the same (previewed, not written).
  const basic = page.book.leaves[0].r;
  expect(plan.preview.filter((p) => p.r === basic).map((p) => [p.cell, p.before, p.after, p.changed])).toEqual([
    [a1(basic, 12), 82560, 80000, true],
    [a1(basic, 13), 1, 1, false],
    [a1(basic, 14), 249, 250, true],
  ]);
  expect(plan.overwrites).toContain(a1(basic, 12));
  expect(plan.overwrites).not.toContain(a1(basic, 13));
  expect(plan.plan.cells.every((c) => c.formula === undefined && page.plan.cells.find((x) => x.r === c.r && x.c === c.c)?.input === true)).toBe(true);

  const notBook: SheetGrid = { name: "메모", cells: [[{ v: "재원별" }, { v: "합계" }]], merges: [] };
  expect(planBookFill(notBook, [lastYear()]).problems.map((p) => p.message.ko)).toEqual(["'메모' 시트는 예산서(세출예산서 사업명세서) 쪽이 아닙니다."]);
  expect(planBookFill(planToGrid(page.plan), [notBook]).problems.map((p) => p.severity)).toEqual(["error"]);
});
