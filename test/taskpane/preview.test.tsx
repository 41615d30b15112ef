/** @jest-environment jsdom */
// The browser preview: the sample read by exceljs's browser build (the same grid as the command line's reader),
// the real pane beside the grid, the grid following what the pane does, and a broken file refused by name.
import "./setup";
import { readFile } from "node:fs/promises";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readXlsxBytes, XlsxReadError } from "../../src/preview/read-xlsx-browser";
import { Preview } from "../../src/preview/Preview";
import { findingButton, sampleGrid, SAMPLE } from "./harness";

jest.setTimeout(30_000);

const sampleBytes = async (): Promise<Uint8Array> => new Uint8Array(await readFile(SAMPLE));

test("the browser reader gives exactly the command line's grid for the sample", async () => {
  const grid = await readXlsxBytes(await sampleBytes(), "sample.xlsx");
  expect(grid).toEqual(await sampleGrid());
});

test("the browser reader refuses a text file renamed .xlsx and an empty zip, naming the file", async () => {
  const text = new Uint8Array(Buffer.from("이것은 엑셀 파일이 아닙니다\n", "utf8"));
  const e = await readXlsxBytes(text, "가짜.xlsx").catch((x: unknown) => x);
  expect(e).toBeInstanceOf(XlsxReadError);
  expect((e as XlsxReadError).file).toBe("가짜.xlsx");
  expect((e as XlsxReadError).message).toContain("가짜.xlsx");
  expect((e as XlsxReadError).reason.ko).toContain("xlsx 파일로 읽을 수 없습니다");
  expect((e as XlsxReadError).reason.en).toContain("not a readable .xlsx file");
  // A zip signature followed by garbage: exceljs's own failure, reported the same way.
  const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
  await expect(readXlsxBytes(broken, "깨진.xlsx")).rejects.toThrow(/깨진\.xlsx/);
});

/** The grid's table once it shows `sheet` (found by attribute: role queries over thousands of cells are slow). */
function gridTable(sheet: string): Promise<HTMLElement> {
  return waitFor(
    () => {
      const table = document.querySelector<HTMLElement>(`table[data-sheet="${CSS.escape(sheet)}"]`);
      if (table === null) throw new Error(`the grid does not show ${sheet}`);
      expect(table).toHaveAccessibleName(`${sheet} 시트의 셀`);
      return table;
    },
    { timeout: 10_000 },
  );
}

function gridCell(ref: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`td[data-cell="${ref}"]`);
  if (el === null) throw new Error(`no grid cell ${ref}`);
  return el;
}

test("the preview shows the sample, follows the pane to a finding, shows marks, and keeps the workbook when a file is broken", async () => {
  const user = userEvent.setup();
  render(<Preview lang="ko" loadSample={sampleBytes} />);
  // The first sheet shows first; the sheet tabs switch, as in Excel.
  await gridTable("00 일반현황");
  expect(screen.getByText("2021-경제환경국-지역경제과.xlsx")).toBeInTheDocument();
  await user.click(screen.getByRole("tab", { name: "01 전통시장 경영현대화" }));
  await gridTable("01 전통시장 경영현대화");
  expect(gridCell("D98")).toHaveTextContent("24,000천원 (국비/시비/구비/민간) (16,800/2,880/1,920/24,00)");

  const pane = screen.getByRole("complementary", { name: "작업 창" });
  await user.click(within(pane).getByRole("button", { name: "통합문서 검사" }));
  await within(pane).findByTestId("check-summary", undefined, { timeout: 10_000 });

  // The pane selects B107 through the adapter; the grid switches to sheet 06 and outlines it.
  await user.click(findingButton(pane, "06 국내·외 교류", "B107"));
  await gridTable("06 국내·외 교류");
  await waitFor(() => expect(gridCell("B107")).toHaveAttribute("aria-selected", "true"));
  expect(gridCell("B107")).toHaveTextContent("527,900");
  expect(screen.getByRole("tab", { name: "06 국내·외 교류" })).toHaveAttribute("aria-selected", "true");

  // Marks show as fills on the grid; clearing removes them.
  expect(gridCell("B107")).not.toHaveAttribute("data-fill");
  await user.click(within(pane).getByRole("button", { name: "시트에 표시" }));
  await waitFor(() => expect(gridCell("B107")).toHaveAttribute("data-fill"));
  await user.click(within(pane).getByRole("button", { name: "표시 지우기" }));
  await waitFor(() => expect(gridCell("B107")).not.toHaveAttribute("data-fill"));

  // Clicking in the grid selects, as the user would in Excel; shift-click extends the range.
  await user.click(gridCell("A105"));
  await user.keyboard("{Shift>}");
  await user.click(gridCell("G108"));
  await user.keyboard("{/Shift}");
  await user.click(within(pane).getByRole("button", { name: "선택 영역 검사" }));
  const summary = await within(pane).findByTestId("check-summary");
  await waitFor(() => expect(within(summary).getByText("선택 영역")).toBeInTheDocument());
  expect([...pane.querySelectorAll<HTMLElement>("button[data-target]")].map((b) => b.dataset.target)).toEqual(["06 국내·외 교류!B107"]);

  // A text file renamed .xlsx: a clear error naming it, in Korean and English; the workbook stays.
  const fake = new File(["이것은 엑셀 파일이 아닙니다"], "보고서.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  await user.upload(screen.getByTestId("open-file"), fake);
  const title = await screen.findByText("보고서.xlsx을(를) 열 수 없습니다");
  const bar = title.closest<HTMLElement>(".fui-MessageBar");
  expect(bar).not.toBeNull();
  if (bar === null) return;
  expect(within(bar).getByText("xlsx 파일로 읽을 수 없습니다.")).toBeInTheDocument();
  expect(within(bar).getByText("It is not a readable .xlsx file.")).toBeInTheDocument();
  expect(within(bar).getByText("지금 통합문서를 그대로 둡니다.")).toBeInTheDocument();
  expect(screen.getByText("2021-경제환경국-지역경제과.xlsx")).toBeInTheDocument();
  expect(gridCell("B107")).toHaveTextContent("527,900");
  expect(within(pane).getByTestId("check-summary")).toBeInTheDocument();

  // Reloading the sample starts over: a fresh workbook and a fresh pane.
  await user.click(screen.getByRole("button", { name: "샘플 통합문서" }));
  await waitFor(() => expect(within(pane).queryByTestId("check-summary")).toBeNull());
  expect(screen.queryByText("보고서.xlsx을(를) 열 수 없습니다")).toBeNull();
  await gridTable("00 일반현황");
});
