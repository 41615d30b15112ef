// The command line on real files: the sample workbooks, a generated consistent file, and broken inputs.
import { mkdtempSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { run } from "../support/run-cli";

const SAMPLES = path.join(__dirname, "../../samples");
const PLAN = path.join(SAMPLES, "2021-경제환경국-지역경제과.xlsx");
const CARD = path.join(SAMPLES, "2021-지역경제-15-도시형소공인.xlsx");

async function consistentFile(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("사업1");
  ws.addRows([["□ 2021년 소요예산 : 110,000천원"], [], [null, null, null, null, "(단위 : 천원)"], ["재원별", "합계", "2021년", "2022년", "2023년"], ["계", 230000, 110000, 60000, 60000], ["구비", 230000, 110000, 60000, 60000]]);
  const file = path.join(dir, "consistent.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

test("text output on the samples folder: Korean, grouped by file, sheet and table; exit 1 for errors", async () => {
  const { code, out } = await run("check", SAMPLES);
  expect(code).toBe(1);
  const lines = out.split("\n");
  expect(lines[0]).toBe("samples/2021-경제환경국-지역경제과.xlsx".replace("samples", SAMPLES));
  expect(out).toContain("  [06 국내·외 교류]");
  expect(out).toMatch(/✗ B\d+ total-mismatch: B\d+의 합계\(527,900천원\)가 구성 항목의 합\(509,400천원\)과 다릅니다\. 차이: 18,500천원/);
  expect(out).toContain("기대값 509,400 / 실제값 527,900 (단위: 천원)");
  expect(out).toContain("부족재원: 소요액 29,324백만원 중 6,468백만원(22%) 미확보");
  expect(out).toContain("  문제 없음 (표 1개 검사)");
  expect(lines.find((l) => l.startsWith("요약:"))).toMatch(/^요약: 파일 2개, 표 \d+개 \(검사하지 못한 영역 \d+곳\) — 오류 6, 경고 1, 정보 0 \(부족재원 1\)$/);
});

test("English output with --lang en", async () => {
  const { out } = await run("check", PLAN, "--lang", "en");
  expect(out).toContain("differs from the sum of its parts, 509,400 thousand won");
  expect(out).toMatch(/Summary: 1 file, 27 tables \(8 regions not checked\) — 6 errors, 1 warning, 0 info \(1 shortfall\)/);
  const card = await run("check", path.join(path.dirname(PLAN), "2021-지역경제-15-도시형소공인.xlsx"), "--lang", "en");
  expect(card.out).toContain("  No findings (1 table checked)\n\nSummary: 1 file, 1 table — 0 errors, 0 warnings, 0 info (0 shortfalls)\n");
});

test("JSON output has the documented shape and the engine's figures", async () => {
  const { code, out } = await run("check", PLAN, CARD, "--format", "json");
  expect(code).toBe(1);
  const json = JSON.parse(out) as { files: { file: string; tables: Record<string, unknown>[]; findings: Record<string, unknown>[] }[] };
  expect(json.files.map((f) => path.basename(f.file))).toEqual([path.basename(PLAN), path.basename(CARD)]);
  const f06 = json.files[0].findings.find((f) => f.sheet === "06 국내·외 교류");
  expect(f06).toMatchObject({ rule: "total-mismatch", severity: "error", expected: 509400, actual: 527900, unit: "천원" });
  expect(Object.keys(f06 ?? {})).toEqual(expect.arrayContaining(["rule", "severity", "sheet", "cell", "related", "expected", "actual", "unit", "message"]));
  expect(typeof f06?.message).toBe("string");
  expect(json.files[0].tables[0]).toEqual(expect.objectContaining({ sheet: expect.any(String), range: expect.stringMatching(/^[A-Z]+\d+:[A-Z]+\d+$/), kind: expect.any(String) }));
  expect(json.files[1].findings).toEqual([]);
});

test("a consistent file exits 0", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "yesan-"));
  const { code, out } = await run("check", await consistentFile(dir));
  expect(code).toBe(0);
  expect(out).toContain("문제 없음 (표 1개 검사)");
});

test("a folder with one unreadable file: exit 2, the file is named, the others are still checked", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "yesan-"));
  copyFileSync(PLAN, path.join(dir, "a-plan.xlsx"));
  writeFileSync(path.join(dir, "b-broken.xlsx"), "this is not a workbook");
  writeFileSync(path.join(dir, "~$a-plan.xlsx"), "excel lock file"); // ignored
  const { code, out, err } = await run("check", dir, "--format", "json");
  expect(code).toBe(2);
  const json = JSON.parse(out) as { files: { file: string; error?: string; findings?: unknown[] }[] };
  expect(json.files.map((f) => path.basename(f.file))).toEqual(["a-plan.xlsx", "b-broken.xlsx"]);
  expect(json.files[0].findings?.length).toBeGreaterThan(0);
  // The file is named once, beside its reason, in the language asked for.
  expect(json.files[1].error).toBe("xlsx 파일로 읽을 수 없습니다.");
  expect(err).toBe(`${path.join(dir, "b-broken.xlsx")}: xlsx 파일로 읽을 수 없습니다.\n`);
  const text = await run("check", dir, "--lang", "en");
  expect(text.out).toContain(`${path.join(dir, "b-broken.xlsx")}\n  cannot read: It is not a readable .xlsx file.\n`);
});

test("a missing path and bad options exit 2 with a message", async () => {
  const missing = await run("check", "no-such-file.xlsx");
  expect(missing.code).toBe(2);
  expect(missing.out).toContain("no-such-file.xlsx\n  읽을 수 없음: 파일이나 폴더가 없습니다.\n");
  expect(missing.err).toBe("no-such-file.xlsx: 파일이나 폴더가 없습니다.\n");
  expect((await run("check", PLAN, "--format", "xml")).code).toBe(2);
  expect((await run("check", PLAN, "--bogus")).err).toContain("알 수 없는 옵션입니다: --bogus\n");
  expect((await run()).err).toContain("사용법: yesan check");
  expect((await run("--help")).code).toBe(0);
});

test("a badly written option is explained in the language asked for, even though parsing failed", async () => {
  const en = await run("check", "--format", "--lang", "en");
  const ko = await run("check", "--bogus");
  expect(en.code).toBe(2);
  expect(ko.code).toBe(2);
  expect(en.err).toMatch(/^--format needs a value\.\n/);
  expect(en.err).toContain("Usage: yesan check");
  expect(ko.err).toMatch(/^알 수 없는 옵션입니다: --bogus\n/);
  // The last --lang given wins, in either form, as when the line parses.
  expect((await run("check", "--lang=en", "--lang", "ko", "--bogus")).err).toMatch(/^알 수 없는 옵션입니다: --bogus\n/);
  expect((await run("check", "--lang", "ko", "--lang=en", "-x")).err).toMatch(/^Unknown option: -x\n/);
  expect((await run("check", PLAN, "--help=yes")).err).toMatch(/^--help 옵션은 값을 받지 않습니다\.\n/);
  const scenario = await run("scenario", "giftcert", "--issuance", "-300억", "--lang=en");
  expect(scenario.code).toBe(2);
  expect(scenario.err).not.toMatch(/[가-힣]{2,}입니다/);
});

test("options may come before the command: `yesan --lang en scenario pv …` runs the scenario", async () => {
  const r = await run("--lang", "en", "scenario", "pv", "--amounts", "100 200", "--start", "2021");
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  expect(r.out).toContain("Present value");
});

test("every command answers a bad --lang, a bad --format, an unknown option and --help the same way", async () => {
  for (const command of [["check", PLAN], ["template", "list"], ["scenario", "pv", "--amounts", "100", "--start", "2021"]]) {
    const lang = await run(...command, "--lang", "fr");
    expect([lang.code, lang.err]).toEqual([2, "--lang은 ko 또는 en이어야 합니다: fr\n--lang must be ko or en: fr\n"]);
    const format = await run(...command, "--format", "xml", "--lang", "en");
    expect([format.code, format.err]).toEqual([2, "--format must be text or json: xml\n"]);
    const unknown = await run(...command, "--bogus");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^알 수 없는 옵션입니다: --bogus\n/);
    expect(unknown.err).toContain(`사용법:`);
    const stray = await run("stray", ...command);
    expect([stray.code, stray.err.split("\n")[0]]).toEqual([2, "필요 없는 인수가 있습니다: stray"]);
    const help = await run(command[0], "--help", "--lang", "en");
    expect([help.code, help.err]).toEqual([0, ""]);
    expect(help.out).toMatch(/^Usage:/);
  }
});

test("a file where nothing can be checked says so in words that never read as a pass, and names the regions", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "yesan-"));
  const wb = new ExcelJS.Workbook();
  // A staff list and a table whose Total agrees with no reading of its rows: figures, but nothing to confirm.
  wb.addWorksheet("현황").addRows([
    ["시장", "점포수", "면적"],
    ["독산동우시장", 120, 3400],
    ["남문시장", 80, 2100],
    ["현대시장", 60, 1500],
    [],
    [],
    ["District", "Population", "Density"],
    ["A", 1200, 35],
    ["B", 800, 12],
    ["C", 400, 50],
    ["Total", 2500, 20],
  ]);
  const file = path.join(dir, "list.xlsx");
  await wb.xlsx.writeFile(file);
  const ko = await run("check", file);
  expect(ko.code).toBe(0);
  expect(ko.out).not.toContain("문제 없음");
  expect(ko.out).toContain("  검사하지 못함: 합계가 어떤 항목의 합인지 확인할 수 있는 표가 없습니다.");
  expect(ko.out).toContain("  검사하지 못한 영역 2곳: [현황] A1:C4 (합계 줄 없음), [현황] A7:C11 (합계의 구성을 확인할 수 없음)");
  expect(ko.out).toContain("요약: 파일 1개, 표 0개 (검사하지 못한 영역 2곳)");
  const en = await run("check", file, "--lang", "en", "--format", "json");
  const json = JSON.parse(en.out) as { files: { notChecked: { sheet: string; range: string; reason: string; message: string }[] }[] };
  expect(json.files[0].notChecked).toEqual([
    { sheet: "현황", range: "A1:C4", reason: "no-total", message: "no total line" },
    { sheet: "현황", range: "A7:C11", reason: "unconfirmed", message: "what the totals add could not be confirmed" },
  ]);
});
