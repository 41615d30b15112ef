// Inputs that are no workbook at all: a FIFO or a device named .xlsx (given, or found in a folder), a folder that
// cannot be listed, a pipe closed early. Each is named and the others are still checked; nothing hangs or crashes.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { listXlsx } from "../../src/cli/check-command";

const ROOT = path.join(__dirname, "../..");
const SAMPLE = path.join(ROOT, "samples/2021-지역경제-15-도시형소공인.xlsx");
const yesan = (args: string[]) => spawnSync(process.execPath, [path.join(ROOT, "bin/yesan.js"), ...args], { cwd: ROOT, encoding: "utf8", timeout: 30_000 });

function folderWithFifo(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "yesan-inputs-"));
  copyFileSync(SAMPLE, path.join(dir, "a.xlsx"));
  const made = spawnSync("mkfifo", [path.join(dir, "pipe.xlsx")]);
  if (made.status !== 0) throw new Error("mkfifo");
  return dir;
}

test("a FIFO named .xlsx is named as no regular file and never read; in a folder it is passed over", () => {
  const dir = folderWithFifo();
  const direct = yesan(["check", path.join(dir, "pipe.xlsx"), "--lang", "en"]);
  expect(direct.error).toBeUndefined(); // no timeout: it did not hang on the pipe
  expect(direct.status).toBe(2);
  expect(direct.stderr).toContain("pipe.xlsx: Not a regular file (a pipe or a device); it was not read.");
  const inFolder = yesan(["check", dir]);
  expect(inFolder.error).toBeUndefined();
  expect(inFolder.stdout).toContain("a.xlsx");
  expect(inFolder.stdout).not.toContain("pipe.xlsx");
  expect(yesan(["check", "/dev/zero"]).stderr).toContain("/dev/zero: 일반 파일이 아니어서 읽지 않았습니다");
});

test("a subfolder that cannot be listed is named with its error code, and the rest are listed", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "yesan-inputs-"));
  mkdirSync(path.join(dir, "잠김"));
  mkdirSync(path.join(dir, "열림"));
  copyFileSync(SAMPLE, path.join(dir, "열림", "b.xlsx"));
  copyFileSync(SAMPLE, path.join(dir, "a.xlsx"));
  // Tests run as root here, where chmod 000 locks nothing: the listing's failure is made as the OS reports it.
  const { promises: fs } = await import("node:fs");
  const read = async (d: string) => {
    if (d.endsWith("잠김")) throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
    return fs.readdir(d, { withFileTypes: true });
  };
  const listed = await listXlsx(dir, read);
  expect(listed.files).toEqual([path.join(dir, "a.xlsx"), path.join(dir, "열림", "b.xlsx")]);
  expect(listed.unreadable).toEqual([{ dir: path.join(dir, "잠김"), code: " (EACCES)" }]);
});

test("`yesan check … | head -1` ends quietly when the pipe closes", () => {
  // 60 times the samples print 160 KB: more than the pipe holds, so the writes after `head` exits hit a closed pipe.
  const many = new Array(60).fill("samples").join(" ");
  const r = spawnSync("sh", ["-c", `"${process.execPath}" bin/yesan.js check ${many} | head -1`], { cwd: ROOT, encoding: "utf8" });
  expect(r.stdout.trim().length).toBeGreaterThan(0);
  expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
});

test("a link to a workbook in a folder is followed; a broken link and a link to a folder are not", async () => {
  const { symlinkSync } = await import("node:fs");
  const dir = mkdtempSync(path.join(tmpdir(), "yesan-inputs-"));
  copyFileSync(SAMPLE, path.join(dir, "a.xlsx"));
  const sub = path.join(dir, "sub");
  mkdirSync(sub);
  symlinkSync(path.join(dir, "a.xlsx"), path.join(sub, "link.xlsx"));
  symlinkSync(path.join(dir, "none.xlsx"), path.join(sub, "broken.xlsx"));
  symlinkSync(dir, path.join(sub, "loop"));
  const listed = await listXlsx(dir);
  expect(listed.files).toEqual([path.join(dir, "a.xlsx"), path.join(sub, "link.xlsx")]);
});

test("control characters in a cell cannot forge a line of the text report", async () => {
  const { formatText } = await import("../../src/cli/format");
  const { checkWorkbook } = await import("../../src/core/check-workbook");
  const { gridFromRows } = await import("../../src/core/cells/grid");
  const forged = "24,00\n요약: 파일 1개, 표 1개 — 오류 0\u001b[2K";
  const result = checkWorkbook({ sheets: [gridFromRows("S\n가짜", [["재원별", "2021년", "2022년"], ["국비", 100, forged], ["시비", 100, 200], ["계", 200, 300]])] });
  const text = formatText([{ file: "f.xlsx", result }], "ko");
  const lines = text.split("\n");
  expect(lines.filter((l) => l.startsWith("요약:"))).toHaveLength(1);
  expect(text).not.toContain("\u001b");
  expect(text).toContain("[S\\n가짜]");
});
