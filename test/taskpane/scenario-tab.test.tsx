/** @jest-environment jsdom */
// 시나리오 tab over the real adapter and the in-memory sample workbook, in both languages: the seed's figures as the
// user types or slides, messages under bad fields, the program's budget read from the workbook, and the 시나리오
// sheet written (or, with a bad entry, nothing written).
import "./setup";
import { fireEvent } from "@testing-library/react";
import { checkWorkbook as runEngine } from "../../src/core/check-workbook";
import type { Lang } from "../../src/core/findings/findings";
import type { SheetPlan } from "../../src/core/cells/sheet-plan";
import type { PlanTarget, WorkbookPort } from "../../src/excel/port";
import { messageBarWith, panel, renderApp, screen, waitFor, within, type Rendered } from "./harness";

jest.setTimeout(30_000);

interface Words {
  tab: string;
  issuance: string;
  rate: string;
  min: string;
  slider: string;
  split: string;
  district: string;
  city: string;
  total: string;
  read: string;
  readDone: string;
  program: string;
  budget: string;
  surplus7: string;
  surplus10: string;
  write: string;
  written: string;
  negative: string;
  minAbove: string;
  blocked: RegExp;
  fix: string;
  pv: string;
}

const WORDS: Record<Lang, Words> = {
  ko: {
    tab: "시나리오",
    issuance: "발행액",
    rate: "할인율",
    min: "구비 의무 보전율",
    slider: "할인율 조절 (0~20%)",
    split: "재원별 부담",
    district: "구비",
    city: "시비",
    total: "계",
    read: "재원별 표 읽기",
    readDone: "재원별 표 14개를 읽었습니다.",
    program: "사업",
    budget: "04 G밸리사랑상품권 2021년 구비 예산 (D73): 15.05 억원",
    surplus7: "여유 9.05 억원",
    surplus10: "여유 0.05 억원",
    write: "시트에 쓰기",
    written: "시나리오 시트에 썼습니다",
    negative: "음수(-300억)는 넣을 수 없습니다.",
    minAbove: "구비 의무 보전율(2%)이 할인율(1%)보다 큽니다. 의무 보전율은 할인율 이하여야 합니다.",
    blocked: /^잘못된 입력이 있어 아무것도 쓰지 않았습니다: 발행액$/,
    fix: "입력을 고치면 결과가 나옵니다.",
    pv: "현재가치 108.46 억원 (4.5%, 2020년 기준)",
  },
  en: {
    tab: "Scenarios",
    issuance: "Issuance",
    rate: "Discount rate",
    min: "District mandatory minimum",
    slider: "Discount rate slider (0–20%)",
    split: "Cost by source",
    district: "District (구비)",
    city: "City (시비)",
    total: "Total",
    read: "Read funding tables",
    readDone: "Funding tables read: 14.",
    program: "Program",
    budget: "Budget, 04 G밸리사랑상품권, 2021, 구비 (D73): 15.05 hundred million won",
    surplus7: "Surplus 9.05 hundred million won",
    surplus10: "Surplus 0.05 hundred million won",
    write: "Write to sheet",
    written: "Wrote the 시나리오 sheet",
    negative: "Cannot be negative (-300억).",
    minAbove: "The district's mandatory minimum (2%) is above the discount rate (1%); it must not exceed it.",
    blocked: /^Nothing was written; fix these first: Issuance$/,
    fix: "Fix the inputs to see the results.",
    pv: "Present value 108.46 hundred million won (4.5%, base year 2020)",
  },
};

/** The split table's row for `label`: [amount, share]. */
function splitRow(pane: HTMLElement, w: Words, label: string): string[] {
  const table = within(pane).getByRole("table", { name: w.split });
  const row = within(table)
    .getAllByRole("row")
    .find((r) => within(r).queryAllByRole("cell")[0]?.textContent === label);
  if (row === undefined) throw new Error(`no row ${label}`);
  return within(row)
    .getAllByRole("cell")
    .slice(1)
    .map((c) => c.textContent ?? "");
}

async function openTab(r: Rendered, w: Words): Promise<HTMLElement> {
  await r.user.click(screen.getByRole("tab", { name: w.tab }));
  return panel(w.tab);
}

async function retype(r: Rendered, input: HTMLElement, text: string): Promise<void> {
  await r.user.clear(input);
  if (text !== "") await r.user.type(input, text);
}

/** Wraps the real port so the test sees every plan the tab writes. */
function recording(plans: { plan: SheetPlan; target: PlanTarget }[]) {
  return (port: WorkbookPort): WorkbookPort => ({
    ...port,
    writePlan: (plan, target) => {
      plans.push({ plan, target });
      return port.writePlan(plan, target);
    },
  });
}

describe.each<Lang>(["ko", "en"])("the scenario tab in %s", (lang) => {
  const w = WORDS[lang];

  test("opens on the seed's example: 300억 at 7% costs the district 6억 (2%); typing 10% or sliding updates at once", async () => {
    const r = await renderApp(lang);
    const pane = await openTab(r, w);
    expect(within(pane).getByRole("textbox", { name: w.issuance })).toHaveValue("300억");
    expect(splitRow(pane, w, w.district)).toEqual(["6", "2%"]);
    expect(splitRow(pane, w, w.city)).toEqual(["15", "5%"]);
    expect(splitRow(pane, w, w.total)).toEqual(["21", "7%"]);

    await retype(r, within(pane).getByRole("textbox", { name: w.rate }), "10%");
    expect(splitRow(pane, w, w.district)).toEqual(["15", "5%"]);

    // The slider writes the rate into the field: 8% → 24억 − 15억 = 9억 (3%).
    fireEvent.change(within(pane).getByRole("slider", { name: w.slider }), { target: { value: "8" } });
    expect(within(pane).getByRole("textbox", { name: w.rate })).toHaveValue("8%");
    expect(splitRow(pane, w, w.district)).toEqual(["9", "3%"]);
  });

  test("bad entries: the reason under the field, no results, and nothing written", async () => {
    const plans: { plan: SheetPlan; target: PlanTarget }[] = [];
    const r = await renderApp(lang, recording(plans));
    const pane = await openTab(r, w);
    const issuance = within(pane).getByRole("textbox", { name: w.issuance });
    await retype(r, issuance, "-300억");
    expect(issuance).toHaveAccessibleDescription(expect.stringContaining(w.negative));
    expect(issuance).toHaveAttribute("aria-invalid", "true");
    expect(within(pane).getByText(w.fix)).toBeVisible();
    expect(within(pane).queryByRole("table", { name: w.split })).toBeNull();

    await r.user.click(within(pane).getByRole("button", { name: w.write }));
    expect(within(pane).getByText(w.blocked)).toBeVisible();
    expect(plans).toHaveLength(0);
    expect(r.model.sheet("시나리오")).toBeUndefined();

    // A minimum above the discount is refused on the minimum's field.
    await retype(r, issuance, "300억");
    await retype(r, within(pane).getByRole("textbox", { name: w.rate }), "1%");
    expect(within(pane).getByRole("textbox", { name: w.min })).toHaveAccessibleDescription(expect.stringContaining(w.minAbove));
  });

  test("reads the program's budget from the workbook, then writes the 시나리오 sheet with formulas, sweep and chart", async () => {
    const plans: { plan: SheetPlan; target: PlanTarget }[] = [];
    const r = await renderApp(lang, recording(plans));
    const pane = await openTab(r, w);
    await r.user.click(within(pane).getByRole("button", { name: w.read }));
    await messageBarWith(w.readDone);
    expect(within(pane).getByRole("combobox", { name: w.program })).toHaveValue("04 G밸리사랑상품권");
    const budget = within(pane).getByTestId("scenario-budget");
    expect(budget).toHaveTextContent(w.budget);
    expect(budget).toHaveTextContent(w.surplus7);
    await retype(r, within(pane).getByRole("textbox", { name: w.rate }), "10%");
    expect(within(pane).getByTestId("scenario-budget")).toHaveTextContent(w.surplus10);
    // The present value of the program's 계 (천원) at 4.5%, from its first year.
    expect(within(pane).getByTestId("scenario-pv")).toHaveTextContent(w.pv);

    await r.user.click(within(pane).getByRole("button", { name: w.write }));
    await messageBarWith(new RegExp(w.written));
    expect(plans).toHaveLength(1);
    expect(plans[0].target).toEqual({ mode: "replace-sheet", activate: true });
    expect(r.model.activeSheet).toBe("시나리오");
    const sheet = r.model.toGrid().sheets.find((s) => s.name === "시나리오");
    if (sheet === undefined) throw new Error("no 시나리오 sheet");
    // Inputs as typed (10%), results as formulas over them; the check finds no error on the written sheet.
    expect(sheet.cells[4]?.[1]?.v).toBe(300);
    expect(sheet.cells[5]?.[1]?.v).toBe(0.1);
    expect(sheet.cells[13]?.[1]?.v).toBe(15.05);
    expect(sheet.cells[28]?.[1]?.f).toBe("B18-B27-B28+B23");
    expect(sheet.cells[29]?.[1]?.f).toBe("SUM(B27:B29)");
    expect(r.model.sheet("시나리오")?.charts).toHaveLength(1);
    expect(runEngine({ sheets: [sheet] }).findings.filter((f) => f.severity === "error")).toEqual([]);

    // Writing again refreshes the same sheet: still one sheet, one chart.
    await retype(r, within(pane).getByRole("textbox", { name: w.rate }), "9%");
    await r.user.click(within(pane).getByRole("button", { name: w.write }));
    await waitFor(() => expect(plans).toHaveLength(2));
    await waitFor(() => expect(r.model.toGrid().sheets.find((s) => s.name === "시나리오")?.cells[5]?.[1]?.v).toBe(0.09));
    expect(r.model.sheets.filter((s) => s.name.startsWith("시나리오"))).toHaveLength(1);
    expect(r.model.sheet("시나리오")?.charts).toHaveLength(1);
  });
});

test("the sweep table follows the entries: 5%–10% at 200억 and 300억", async () => {
  const r = await renderApp("ko");
  const pane = await openTab(r, WORDS.ko);
  await retype(r, within(pane).getByRole("textbox", { name: "발행액 목록" }), "200억, 300억");
  const table = within(pane).getByTestId("scenario-sweep");
  const rows = within(table)
    .getAllByRole("row")
    .map((row) => [...row.querySelectorAll("th, td")].map((c) => c.textContent));
  // 구비 = max(2% of issuance, (rate − 5%) of issuance): 200억 → 4억 up to 7%, then +2억 a point; 300억 → 6억, +3억.
  expect(rows).toEqual([
    ["할인율", "200", "300"],
    ["5%", "4", "6"],
    ["6%", "4", "6"],
    ["7%", "4", "6"],
    ["8%", "6", "9"],
    ["9%", "8", "12"],
    ["10%", "10", "15"],
  ]);
  await retype(r, within(pane).getByRole("textbox", { name: "시작 할인율" }), "1%");
  expect(within(pane).getByRole("textbox", { name: "시작 할인율" })).toHaveAccessibleDescription("시작 할인율(1%)이 구비 의무 보전율(2%)보다 낮습니다.");
  expect(within(pane).queryByTestId("scenario-sweep")).toBeNull();
});

test("what was typed survives a visit to another tab", async () => {
  const r = await renderApp("ko");
  let pane = await openTab(r, WORDS.ko);
  await retype(r, within(pane).getByRole("textbox", { name: "발행액" }), "200억");
  await r.user.click(screen.getByRole("tab", { name: "검증" }));
  pane = await openTab(r, WORDS.ko);
  expect(within(pane).getByRole("textbox", { name: "발행액" })).toHaveValue("200억");
  expect(splitRow(pane, WORDS.ko, "구비")).toEqual(["4", "2%"]);
});

test("the fields and the slider are reached with Tab in reading order; bare numbers take the chosen unit", async () => {
  const r = await renderApp("en");
  const pane = await openTab(r, WORDS.en);
  within(pane).getByRole("textbox", { name: "Issuance" }).focus();
  await r.user.tab();
  expect(within(pane).getByRole("combobox", { name: "Amount unit" })).toHaveFocus();
  await r.user.tab();
  expect(within(pane).getByRole("textbox", { name: "Discount rate" })).toHaveFocus();
  await r.user.tab();
  expect(within(pane).getByRole("textbox", { name: "District mandatory minimum" })).toHaveFocus();
  await r.user.tab();
  const slider = within(pane).getByRole("slider", { name: "Discount rate slider (0–20%)" });
  expect(slider).toHaveFocus();
  // Bare numbers take the chosen unit: 30,000,000 thousand won is 300억.
  await r.user.selectOptions(within(pane).getByRole("combobox", { name: "Amount unit" }), "천원");
  await retype(r, within(pane).getByRole("textbox", { name: "Issuance" }), "30,000,000");
  expect(splitRow(pane, WORDS.en, "District (구비)")).toEqual(["600,000", "2%"]);
});

test("Excel's refusal while writing is shown under the button with the tab's own title; the sheet is left as it was", async () => {
  const r = await renderApp("ko");
  const pane = await openTab(r, WORDS.ko);
  await r.user.click(within(pane).getByRole("button", { name: "시트에 쓰기" }));
  await messageBarWith(/시나리오 시트에 썼습니다/);
  const sheet = r.model.sheet("시나리오");
  if (sheet === undefined) throw new Error("no 시나리오 sheet");
  sheet.protected = true;
  const before = r.model.snapshot();
  await retype(r, within(pane).getByRole("textbox", { name: "할인율" }), "9%");
  await r.user.click(within(pane).getByRole("button", { name: "시트에 쓰기" }));
  const title = await within(pane).findByText("시나리오 시트를 쓰지 못했습니다");
  expect(title.closest(".fui-MessageBar")).toHaveTextContent("'시나리오' 시트가 보호되어 있어 아무것도 쓰지 않았습니다.");
  expect(r.model.snapshot()).toBe(before);
});
