/** @jest-environment jsdom */
// 템플릿 tab over the real adapter and the in-memory sample workbook: the catalog listed, a template inserted as a
// new sheet (also re-based to another year) and at an empty selection, refusals that change nothing, the check
// finding nothing on an inserted sheet, and the report sheet naming the template version.
import "./setup";
import { a1 } from "../../src/core/cells/grid";
import type { Lang } from "../../src/core/findings/findings";
import { checkWorkbook, panel, screen, waitFor, within } from "./harness";
import { SEED, WORDS, amount, engineOn, find, fundingCell, insert, openTemplates, pickTemplate, seedFunding, setYear, templateList } from "./template-support";

jest.setTimeout(60_000);

// The seed's list of the department's programs (주요사업 목록: 연번, 주요사업, 구분, 쪽), and the program card of
// the second document.
const SEED_LIST = (() => {
  const blocks = SEED.workbooks[0].sheets[0].blocks;
  const list = blocks.find((b): b is { table: string[][] } => "table" in b && b.table[0][1] === "주요사업");
  if (list === undefined) throw new Error("the seed's program list is missing");
  return list.table.slice(1).map((row) => ({ program: row[1], kind: row[2].startsWith("신규") ? "신규" : "계속" }));
})();
const CARD_PROGRAM = SEED.workbooks[1].title.replace(/^지역경제-15 /, "");

const KIND: Record<Lang, Record<string, string>> = { ko: { 계속: "계속", 신규: "신규" }, en: { 계속: "continuing", 신규: "new" } };

// 06 국내·외 교류 as the seed prints it: only district funds (구비), 2020년 … 2023년, in 천원.
const EXCHANGE = /^국내·외 교류 활성화/;
const exchange = seedFunding("06");
const exchangeYears = exchange.table[1].slice(2, 6).map((y) => Number(y.replace("년", "")));
const exchangeDistrict = exchange.table.find((row) => row[0] === "구비")?.slice(2, 6).map(amount) ?? [];

/** The year headers of a funding table's second header row, left to right. */
function yearHeaders(model: Parameters<typeof find>[0], sheet: string, row: number): string[] {
  const s = model.sheet(sheet);
  const out: string[] = [];
  for (let c = 0; c < 30; c++) {
    const v = s?.cell(row, c)?.value;
    if (typeof v === "string" && /^\d{4}년$/.test(v)) out.push(v);
  }
  return out;
}

const label = (radio: HTMLElement): string => radio.closest(".fui-Radio")?.textContent ?? "";

describe.each<Lang>(["ko", "en"])("템플릿 tab in %s", (lang) => {
  const w = WORDS[lang];

  test("lists every program of the seeds with its department, kind, years and id@version", async () => {
    const r = await openTemplates(lang);
    expect(screen.getByTestId("catalog-source")).toHaveTextContent(lang === "ko" ? "내장 카탈로그 1.0.0 · 템플릿 16개" : "Bundled catalog 1.0.0 · templates: 16");
    const radios = within(templateList(lang)).getAllByRole("radio");
    // The seed's programs, the program card, and the budget book's page for a new 세부사업.
    expect(radios).toHaveLength(SEED_LIST.length + 2);
    for (const { program, kind } of SEED_LIST) {
      const radio = within(templateList(lang)).getByRole("radio", { name: new RegExp(`^${program.replace(/[()]/g, "\\$&")}`) });
      expect(label(radio)).toContain(` · ${KIND[lang][kind]} · `);
    }
    expect(within(templateList(lang)).getByRole("radio", { name: new RegExp(`^${CARD_PROGRAM}`) })).toBeInTheDocument();
    // The first program in full: its team from the seed's 일반현황 (경제진흥팀), years from its funding table.
    const first = within(templateList(lang)).getByRole("radio", { name: /^전통시장 및 상점가 경영 현대화 사업/ });
    expect(label(first)).toBe(
      lang === "ko"
        ? "전통시장 및 상점가 경영 현대화 사업지역경제과 경제진흥팀 · 계속 · 2020~2023년traditional-market-management@1.0.0"
        : "전통시장 및 상점가 경영 현대화 사업지역경제과 경제진흥팀 · continuing · 2020–2023traditional-market-management@1.0.0",
    );
    // The first template is chosen; arrow keys move the choice through the list.
    expect(first).toBeChecked();
    first.focus();
    await r.user.keyboard("{ArrowDown}");
    expect(radios[1]).toBeChecked();
  });

  test("the book page: listed with its year, inserted only as a new sheet, the check reading it as a book", async () => {
    const r = await openTemplates(lang);
    const book = within(templateList(lang)).getByRole("radio", { name: /^전통시장 디지털 전환 지원/ });
    expect(label(book)).toBe(
      lang === "ko" ? "전통시장 디지털 전환 지원지역경제과 · 신규 · 예산서 서식 2027book-new-program@1.0.0" : "전통시장 디지털 전환 지원지역경제과 · new · budget-book page 2027book-new-program@1.0.0",
    );
    await pickTemplate(r, lang, /^전통시장 디지털 전환 지원/);
    expect(screen.queryByRole("button", { name: w.insertHere })).toBeNull();
    expect(screen.getByText(lang === "ko" ? /예산서 서식은 시트 전체가 예산서 한 쪽으로 읽히므로 늘 새 시트에 넣습니다/ : /A budget-book page is read as a whole sheet, so it always goes on a new sheet/)).toBeInTheDocument();
    expect(screen.getByText(lang === "ko" ? "2027년도 세출예산 사업명세서" : "2027 budget book page")).toBeInTheDocument();
    await insert(r, lang, "new");
    const sheet = "2027 세부사업 예산서(신규)";
    expect(r.model.activeSheet).toBe(sheet);
    const engine = engineOn(r.model, sheet);
    expect(engine.findings).toEqual([]);
    expect(engine.book?.programs.map((p) => p.amount)).toEqual([53206]);
  });

  test("insert as a new sheet: the seed's amounts in place, totals live, recorded, and the check finds nothing there", async () => {
    const r = await openTemplates(lang);
    await pickTemplate(r, lang, EXCHANGE);
    const bar = await insert(r, lang, "new");
    const sheet = "2021 국내·외 교류";
    expect(bar).toHaveTextContent(
      lang === "ko"
        ? `'${sheet}' 시트에 domestic-international-exchange@1.0.0 (2021년)을 삽입했습니다`
        : `Inserted domestic-international-exchange@1.0.0 (2021) on sheet '${sheet}'`,
    );
    expect(r.model.sheets[r.model.sheets.length - 1].name).toBe(sheet);
    expect(r.model.activeSheet).toBe(sheet);
    expect(r.model.selection).toEqual({ sheet, address: "A1" });
    exchangeYears.forEach((year, i) => expect(fundingCell(r.model, sheet, "구비", year)?.value).toBe(exchangeDistrict[i]));
    // The 계 row is a formula, not the seed's printed (and mistaken) 527,900.
    expect(fundingCell(r.model, sheet, "계", 2021)?.formula).toMatch(/SUM\(/i);

    const records = JSON.parse(String(r.model.settings.get("yesan.templates"))) as unknown[];
    expect(records).toEqual([{ id: "domestic-international-exchange", version: "1.0.0", sheet, year: 2021, insertedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);

    const engine = engineOn(r.model, sheet);
    expect(engine.findings).toEqual([]);
    expect(engine.tables.map((x) => x.kind)).toContain("funding");

    // Through the pane's own check: the sample's printed mistakes and nothing more.
    await r.user.click(screen.getByRole("tab", { name: lang === "ko" ? "검증" : "Check" }));
    const summary = await checkWorkbook(r, lang);
    expect(summary).toHaveTextContent(lang === "ko" ? "오류 6 · 경고 1 · 정보 0" : "Errors 6 · Warnings 1 · Info 0");
    expect(panel(lang === "ko" ? "검증" : "Check").querySelectorAll(`[data-target^="${CSS.escape(sheet)}!"]`)).toHaveLength(0);
  });

  test("a year re-bases the table: 2022 runs 2021–2024 with the seed's amounts where the years meet", async () => {
    const r = await openTemplates(lang);
    await pickTemplate(r, lang, EXCHANGE);
    await setYear(r, lang, "1989");
    expect(
      screen.getByText(lang === "ko" ? "이 연도로 옮기면 재원별 표가 1988~1991년이 되어 1990~2099년을 벗어납니다." : "In that year the funding table would run 1988–1991, outside 1990–2099."),
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: w.insertNew })).toHaveAttribute("aria-disabled", "true");

    await setYear(r, lang, "2022");
    expect(screen.getByText(lang === "ko" ? "재원별 표의 연도: 2021~2024년" : "Funding table years: 2021–2024")).toBeInTheDocument();
    await insert(r, lang, "new");
    const sheet = "2022 국내·외 교류";
    const head = find(r.model, sheet, "재원별");
    const years = yearHeaders(r.model, sheet, head.r + 1);
    expect(years).toEqual(["2021년", "2022년", "2023년", "2024년"]);
    // 2021–2023 as the seed plans them; 2024 is new, left for the officer.
    [2021, 2022, 2023].forEach((year) => expect(fundingCell(r.model, sheet, "구비", year)?.value).toBe(exchangeDistrict[exchangeYears.indexOf(year)]));
    expect(fundingCell(r.model, sheet, "구비", 2024)?.value ?? null).toBeNull();
    expect(engineOn(r.model, sheet).findings).toEqual([]);
    expect(JSON.parse(String(r.model.settings.get("yesan.templates")))[0]).toMatchObject({ sheet, year: 2022 });
  });

  test("insert at an empty selection: the template's top-left at the selected cell, and the check finds nothing", async () => {
    const r = await openTemplates(lang, (m) => {
      m.addSheet("작업");
      m.activeSheet = "작업";
      m.selection = { sheet: "작업", address: "C5" };
    });
    await pickTemplate(r, lang, /^동물보호사업 안정화/);
    await setYear(r, lang, "2021");
    await r.user.click(screen.getByRole("checkbox", { name: w.withAmounts }));
    const bar = await insert(r, lang, "here");
    expect(bar).toHaveTextContent(lang === "ko" ? "'작업' 시트에 animal-protection@1.0.0 (2021년)을 삽입했습니다 (C5:" : "Inserted animal-protection@1.0.0 (2021) on sheet '작업' (C5:");
    expect(r.model.sheet("작업")?.cell(4, 2)?.value).toBe("동물보호사업 안정화");
    expect(find(r.model, "작업", "재원별").c).toBe(2);
    // Without the template's amounts the inputs are blank.
    expect(fundingCell(r.model, "작업", "국비", 2021)?.value ?? null).toBeNull();
    expect(engineOn(r.model, "작업").findings).toEqual([]);
    expect(JSON.parse(String(r.model.settings.get("yesan.templates")))[0]).toMatchObject({ id: "animal-protection", sheet: "작업", year: 2021 });
  });

  test("a selection that is not empty is refused, naming it; nothing in the workbook changes", async () => {
    const r = await openTemplates(lang);
    const sheet = "06 국내·외 교류";
    const at = find(r.model, sheet, "재원별");
    r.model.activeSheet = sheet;
    r.model.selection = { sheet, address: a1(at.r, at.c) };
    const before = r.model.snapshot();
    const bar = await insert(r, lang, "here");
    expect(bar).toHaveTextContent(
      lang === "ko"
        ? `선택한 범위('${sheet}'!${a1(at.r, at.c)})에 값이 있어 아무것도 쓰지 않았습니다. 빈 셀을 선택하세요.`
        : `The selected range ('${sheet}'!${a1(at.r, at.c)}) is not empty, so nothing was written. Select an empty cell.`,
    );
    expect(within(bar).getByText(w.notInserted)).toBeInTheDocument();
    expect(r.model.snapshot()).toBe(before);
  });

  test("an empty selection whose template would cover a filled cell is refused by Excel's side, naming the cell", async () => {
    const r = await openTemplates(lang, (m) => {
      const s = m.addSheet("작업");
      s.setCell(5, 2, { value: "메모" }); // C6: under the template's second line when it starts at C5
      m.activeSheet = "작업";
      m.selection = { sheet: "작업", address: "C5" };
    });
    const before = r.model.snapshot();
    const bar = await insert(r, lang, "here");
    expect(bar).toHaveTextContent(
      lang === "ko" ? "'작업' 시트의 C6에 이미 값이 있어 아무것도 쓰지 않았습니다." : "C6 on sheet '작업' already holds a value, so nothing was written.",
    );
    expect(r.model.snapshot()).toBe(before);
  });

  test("the report sheet names the template version recorded for the checked sheets", async () => {
    const r = await openTemplates(lang);
    await pickTemplate(r, lang, EXCHANGE);
    await insert(r, lang, "new");
    // The officer mistypes one amount of the inserted sheet (the active one after inserting): "24,00".
    const inserted = r.model.sheet(r.model.activeSheet);
    let typed = "";
    for (let row = 0; row < 200 && typed === ""; row++) {
      for (let col = 0; col < 30 && typed === ""; col++) {
        const c = inserted?.cell(row, col);
        if (c !== undefined && typeof c.value === "number" && c.formula === undefined) {
          inserted?.setCell(row, col, { ...c, value: "24,00" });
          typed = `${String.fromCharCode(65 + col)}${row + 1}`;
        }
      }
    }
    expect(typed).not.toBe("");
    await r.user.click(screen.getByRole("tab", { name: lang === "ko" ? "검증" : "Check" }));
    await checkWorkbook(r, lang);
    await r.user.click(screen.getByRole("button", { name: lang === "ko" ? "결과 시트 작성" : "Write report sheet" }));
    await waitFor(() => expect(r.model.sheet("검증결과")).toBeDefined(), { timeout: 10_000 });
    await screen.findByText(lang === "ko" ? "검증결과 시트를 작성했습니다." : "Wrote the 검증결과 (results) sheet.");
    const report = r.model.sheet("검증결과");
    expect(report?.cell(0, 10)?.value).toBe(lang === "ko" ? "템플릿 버전" : "Template version");
    // The sample's seven findings come from sheets no template made; the mistyped cell's row names the template.
    const rows = [...Array(8).keys()].map((i) => [report?.cell(i + 1, 1)?.value, report?.cell(i + 1, 2)?.value, report?.cell(i + 1, 10)?.value ?? ""]);
    expect(rows.filter((x) => x[2] !== "")).toEqual([[inserted?.name, typed, "domestic-international-exchange@1.0.0"]]);
    expect(rows.filter((x) => x[2] === "")).toHaveLength(7);
  });
});
