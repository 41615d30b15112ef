/** @jest-environment jsdom */
// 채우기 over the real adapter and the in-memory sample: a template inserted, then its funding table filled from the
// seed's table pasted as 한글 copies it (tabs), from a CSV file in CP949, from JSON, and rolled forward from the
// sample's sheet of last year's plan. Each time: the preview says what goes where and every problem; nothing is
// written before 시트에 쓰기; non-empty cells only after the overwrite list is confirmed; text stays text.
import "./setup";
import { a1 } from "../../src/core/cells/grid";
import type { Lang } from "../../src/core/findings/findings";
import { screen, waitFor, within, type Rendered } from "./harness";
import { WORDS, amount, barWith, engineOn, fundingAt, fundingCell, insert, openTemplates, pickTemplate, seedFunding, setYear } from "./template-support";

jest.setTimeout(60_000);

const EXCHANGE = /^국내·외 교류 활성화/;
const EXCHANGE_SHEET = "2021 국내·외 교류";

/** The seed's 06 funding table as 한글 copies it: one line per row, cells separated by tabs. */
const PASTED_06 = seedFunding("06")
  .table.map((row) => row.join("\t"))
  .join("\n");

async function insertTemplate(r: Rendered, lang: Lang, program: RegExp, year: string, amounts: boolean): Promise<void> {
  await pickTemplate(r, lang, program);
  await setYear(r, lang, year);
  const box = screen.getByRole("checkbox", { name: WORDS[lang].withAmounts });
  if ((box as HTMLInputElement).checked !== amounts) await r.user.click(box);
  const bar = await insert(r, lang, "new");
  expect(bar).toHaveTextContent(WORDS[lang].inserted);
}

async function paste(r: Rendered, lang: Lang, text: string): Promise<void> {
  const box = screen.getByRole("textbox", { name: WORDS[lang].pasteLabel });
  await r.user.clear(box);
  await r.user.click(box);
  await r.user.paste(text);
}

async function preview(r: Rendered, lang: Lang): Promise<HTMLElement> {
  await r.user.click(screen.getByRole("button", { name: WORDS[lang].preview }));
  return screen.findByTestId("fill-preview", undefined, { timeout: 10_000 });
}

async function write(r: Rendered, lang: Lang): Promise<HTMLElement> {
  await r.user.click(screen.getByRole("button", { name: WORDS[lang].write }));
  return barWith(WORDS[lang].filled);
}

const line = (view: HTMLElement, cell: string): HTMLElement => {
  const el = view.querySelector<HTMLElement>(`[data-cell-preview="${cell}"]`);
  if (el === null) throw new Error(`no preview line for ${cell}`);
  return el;
};

/** A CP949 (EUC-KR) encoder for the test's own text, built from the decoder: what Korean Excel's "CSV" writes. */
function cp949(text: string): Uint8Array<ArrayBuffer> {
  const decoder = new TextDecoder("euc-kr");
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x41; lo <= 0xfe; lo++) {
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== "\uFFFD" && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const bytes = table.get(ch);
      if (bytes === undefined) throw new Error(`no CP949 for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

describe.each<Lang>(["ko", "en"])("채우기 in %s", (lang) => {
  const w = WORDS[lang];

  test("the seed's table pasted: preview of what goes where with the printed total's mistake, then written on confirmation", async () => {
    const r = await openTemplates(lang);
    await insertTemplate(r, lang, EXCHANGE, "2021", false);
    await paste(r, lang, PASTED_06);
    const before = r.model.snapshot();
    const view = await preview(r, lang);

    const at = (year: number): string => {
      const p = fundingAt(r.model, EXCHANGE_SHEET, "구비", year);
      return a1(p.r, p.c);
    };
    expect(within(view).getByText(new RegExp(`^${lang === "ko" ? "대상" : "Target"}: '${EXCHANGE_SHEET}' [A-Z]+\\d+:[A-Z]+\\d+$`))).toBeInTheDocument();
    expect(view).toHaveTextContent(lang === "ko" ? "쓸 셀 4개" : "Cells to write: 4");
    // Line 4 of the paste is 구비: "구비⇥509,400⇥127,800⇥114,600…", so 2021's value starts at character 20.
    expect(line(view, at(2021))).toHaveTextContent(
      lang === "ko" ? `${at(2021)}구비 · 2021년(빈 셀) → 114,600출처: 붙여넣기 4행 20열` : `${at(2021)}District · 2021(blank) → 114,600From pasted text line 4, column 20`,
    );
    // The seed's printed 계 (527,900 for parts adding up to 509,400) is named, and not copied.
    expect(view).toHaveTextContent(/527,900/);
    expect(view).toHaveTextContent(/509,400/);
    expect(r.model.snapshot()).toBe(before); // a preview writes nothing

    await write(r, lang);
    const district = seedFunding("06").table.find((row) => row[0] === "구비")?.slice(2, 6).map(amount);
    [2020, 2021, 2022, 2023].forEach((year, i) => expect(fundingCell(r.model, EXCHANGE_SHEET, "구비", year)?.value).toBe(district?.[i]));
    expect(fundingCell(r.model, EXCHANGE_SHEET, "계", 2021)?.formula).toMatch(/SUM\(/i);
    expect(engineOn(r.model, EXCHANGE_SHEET).findings).toEqual([]);
    expect(screen.queryByTestId("fill-preview")).toBeNull();
  });

  test("a non-empty cell is overwritten only after its list is confirmed", async () => {
    const r = await openTemplates(lang);
    await insertTemplate(r, lang, EXCHANGE, "2021", true);
    await paste(r, lang, "재원별\t2020년\t2021년\n구비\t127,800\t120,000");
    const view = await preview(r, lang);
    const p2021 = fundingAt(r.model, EXCHANGE_SHEET, "구비", 2021);
    const p2020 = fundingAt(r.model, EXCHANGE_SHEET, "구비", 2020);
    const cell2021 = a1(p2021.r, p2021.c);
    // 2020 already holds 127,800: the same, not written; 2021's 114,600 would be replaced.
    expect(line(view, a1(p2020.r, p2020.c))).toHaveTextContent(lang === "ko" ? "127,800 → 127,800 (같은 값, 쓰지 않음)" : "127,800 → 127,800 (same value, not written)");
    expect(within(view).getByText(lang === "ko" ? `이미 값이 있는 셀 1개를 덮어씁니다: ${cell2021}` : `1 non-empty cell(s) would be overwritten: ${cell2021}`)).toBeInTheDocument();
    const writeButton = within(view).getByRole("button", { name: w.write });
    expect(writeButton).toBeDisabled();
    await r.user.click(writeButton);
    expect(fundingCell(r.model, EXCHANGE_SHEET, "구비", 2021)?.value).toBe(114600);

    await r.user.click(within(view).getByRole("checkbox", { name: w.confirm }));
    const bar = await write(r, lang);
    expect(bar).toHaveTextContent(lang === "ko" ? `'${EXCHANGE_SHEET}' 시트의 셀 1개를 채웠습니다` : `Filled 1 cell(s) on sheet '${EXCHANGE_SHEET}'`);
    expect(fundingCell(r.model, EXCHANGE_SHEET, "구비", 2021)?.value).toBe(120000);
    expect(fundingCell(r.model, EXCHANGE_SHEET, "구비", 2020)?.value).toBe(127800);
  });

  test("text that starts with =, +, - or @ never becomes a formula: a malformed figure is copied as text, text that is no amount is not written and said so before and after", async () => {
    const r = await openTemplates(lang);
    await insertTemplate(r, lang, EXCHANGE, "2021", false);
    const texts = ["=1+1", "+A1", "-A1", "@SUM(A1)"];
    const years = [2020, 2021, 2022, 2023];
    const before = years.map((year) => fundingCell(r.model, EXCHANGE_SHEET, "구비", year)?.value);
    await paste(r, lang, `재원별\t2020년\t2021년\t2022년\t2023년\n구비\t${texts.join("\t")}`);
    const view = await preview(r, lang);
    // "=1+1" reads as a badly written figure and is copied as the text it is; the others are no amount at all.
    expect(within(view).getAllByText(lang === "ko" ? "글자로" : "as text")).toHaveLength(1);
    const refused = years.slice(1).map((year) => {
      const p = fundingAt(r.model, EXCHANGE_SHEET, "구비", year);
      return a1(p.r, p.c);
    });
    expect(within(view).getByTestId("fill-not-written")).toHaveTextContent(
      lang === "ko" ? `쓰지 않는 값 3개: ${refused.join(", ")} (아래 문제 참고)` : `3 value(s) will not be written: ${refused.join(", ")} (see the problems below)`,
    );
    const bar = await write(r, lang);
    expect(bar).toHaveTextContent(lang === "ko" ? `값 3개는 쓰지 않았습니다: ${refused.join(", ")}.` : `3 value(s) were not written: ${refused.join(", ")}.`);
    const first = fundingCell(r.model, EXCHANGE_SHEET, "구비", 2020);
    expect(first?.value).toBe("=1+1");
    expect(first?.formula).toBeUndefined();
    expect(first?.numberFormat).toBe("@");
    years.slice(1).forEach((year, i) => {
      const cell = fundingCell(r.model, EXCHANGE_SHEET, "구비", year);
      expect(cell?.value).toBe(before[i + 1]);
    });
  });

  test("one year's amount pasted without the year row: filled into the selected year's column; elsewhere the preview says what to do", async () => {
    const r = await openTemplates(lang);
    await insertTemplate(r, lang, EXCHANGE, "2021", false);
    const p2021 = fundingAt(r.model, EXCHANGE_SHEET, "구비", 2021);
    const cell2021 = a1(p2021.r, p2021.c);
    // The 구비 label, left of the year columns in the same row.
    let labelCol = 0;
    while (r.model.sheet(EXCHANGE_SHEET)?.cell(p2021.r, labelCol)?.value !== "구비") labelCol++;
    const label = a1(p2021.r, labelCol);

    // The seed's 06 구비 2021 figure alone, as copied from its two columns.
    await paste(r, lang, "구비\t114,600");
    r.model.selection = { sheet: EXCHANGE_SHEET, address: label };
    const refused = await preview(r, lang);
    expect(refused).toHaveTextContent(
      lang === "ko"
        ? "입력에 연도가 없어 어느 연도에 채울지 알 수 없습니다. 표에서 채울 연도의 열에 있는 셀을 선택하거나, 연도 머리행(예: 2021년)도 함께 붙여넣으세요."
        : "The input names no year, so which year to fill is unclear. Select a cell in that year's column of the table, or paste the year header row (e.g. 2021) too.",
    );
    expect(within(refused).getByRole("button", { name: w.write })).toBeDisabled();

    r.model.selection = { sheet: EXCHANGE_SHEET, address: cell2021 };
    await r.user.click(screen.getByRole("button", { name: w.preview }));
    await waitFor(() => expect(screen.getByTestId("fill-preview")).toHaveTextContent(lang === "ko" ? "쓸 셀 1개" : "Cells to write: 1"));
    const view = screen.getByTestId("fill-preview");
    expect(line(view, cell2021)).toHaveTextContent(lang === "ko" ? `${cell2021}구비 · 2021년(빈 셀) → 114,600출처: 붙여넣기 1행 4열` : `${cell2021}District · 2021(blank) → 114,600From pasted text line 1, column 4`);
    expect(view).toHaveTextContent(lang === "ko" ? "입력에 연도가 없어 선택한 2021년 열에 채웁니다." : "The input names no year: it fills the selected 2021 column.");

    // The officer clicks elsewhere before writing: what was previewed is written, into 2021's column.
    r.model.selection = { sheet: EXCHANGE_SHEET, address: label };
    await write(r, lang);
    expect(fundingCell(r.model, EXCHANGE_SHEET, "구비", 2021)?.value).toBe(114600);
    for (const year of [2020, 2022, 2023]) expect(fundingCell(r.model, EXCHANGE_SHEET, "구비", year)?.value ?? null).toBeNull();
  });

  test("roll forward from last year's sheet: 2021's plan becomes 2022's, the new year left empty", async () => {
    const r = await openTemplates(lang);
    await insertTemplate(r, lang, /^동물보호사업 안정화/, "2022", false);
    const sheet = "2022 동물보호사업";
    await r.user.click(screen.getByRole("radio", { name: w.sourceSheet }));
    const select = await screen.findByRole("combobox", { name: w.lastSheet }, { timeout: 10_000 });
    await r.user.selectOptions(select, "12 동물보호사업");
    const view = await preview(r, lang);
    expect(view).toHaveTextContent(lang === "ko" ? "쓸 셀 9개" : "Cells to write: 9");
    await write(r, lang);

    // The seed's 12 동물보호사업 table: 2020년 … 2023년; the 2022 plan keeps 2021 … 2023 and adds 2024.
    const seed = seedFunding("12").table;
    const years = seed[1].slice(2).map((y) => Number(y.replace("년", "")));
    for (const source of ["국비", "시비", "구비"]) {
      const row = seed.find((x) => x[0] === source)?.slice(2).map(amount) ?? [];
      for (const year of [2021, 2022, 2023]) expect(fundingCell(r.model, sheet, source, year)?.value).toBe(row[years.indexOf(year)]);
      expect(fundingCell(r.model, sheet, source, 2024)?.value ?? null).toBeNull();
    }
    expect(engineOn(r.model, sheet).findings).toEqual([]);
  });
});

test("a CSV file in CP949 (Korean Excel's plain CSV) fills the table, its malformed figure named and kept as text", async () => {
  const lang = "ko";
  const r = await openTemplates(lang);
  await insertTemplate(r, lang, EXCHANGE, "2021", false);
  await r.user.click(screen.getByRole("radio", { name: WORDS.ko.sourceFile }));
  const csv = '재원별,2020년,2021년,2022년,2023년\r\n구비,"127,800","114,600","133,500","24,00"\r\n';
  await r.user.upload(screen.getByLabelText(WORDS.ko.fileLabel), new File([cp949(csv)], "국내외교류.csv", { type: "text/csv" }));
  await screen.findByText(`국내외교류.csv: ${csv.length}자 (CP949, CSV)`, undefined, { timeout: 10_000 });
  const view = await preview(r, lang);
  // "24,00" (the seed's own typo elsewhere) is not a number: named with its CSV place, written only as text.
  expect(view).toHaveTextContent('CSV 2행 5열(2번째 줄): "24,00"은(는) 올바른 숫자가 아닙니다');
  await write(r, lang);
  expect(fundingCell(r.model, EXCHANGE_SHEET, "구비", 2021)?.value).toBe(114600);
  expect(fundingCell(r.model, EXCHANGE_SHEET, "구비", 2023)?.value).toBe("24,00");
  // The checker flags the text figure in the sheet, as it does the seed's.
  expect(engineOn(r.model, EXCHANGE_SHEET).findings.map((f) => f.rule)).toContain("malformed-number");
});

test("JSON pasted (years outside the table named); a sheet changed after the preview is not written to", async () => {
  const lang = "en";
  const r = await openTemplates(lang);
  await insertTemplate(r, lang, EXCHANGE, "2021", false);
  await paste(r, lang, JSON.stringify({ unit: "천원", years: [2021, 2025], sources: { 구비: [114600, 1] } }));
  const view = await preview(r, lang);
  expect(view).toHaveTextContent("JSON $.sources.구비[1]: 2025 is not a year of the target table (2020, 2021, 2022, 2023); not filled.");
  expect(view).toHaveTextContent("Cells to write: 1");

  // The officer types into the target cell in Excel before confirming.
  const p = fundingAt(r.model, EXCHANGE_SHEET, "구비", 2021);
  r.model.sheet(EXCHANGE_SHEET)?.setCell(p.r, p.c, { value: 5 });
  await r.user.click(screen.getByRole("button", { name: WORDS.en.write }));
  await barWith("The sheet or the source changed after the preview, so nothing was written. Check the new preview.");
  expect(fundingCell(r.model, EXCHANGE_SHEET, "구비", 2021)?.value).toBe(5);
  // The new preview asks before replacing what was typed.
  await waitFor(() => expect(screen.getByTestId("fill-preview")).toHaveTextContent(`1 non-empty cell(s) would be overwritten: ${a1(p.r, p.c)}`));
});
