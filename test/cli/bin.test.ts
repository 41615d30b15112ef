// The shipped command, as a user runs it: bin/yesan.js over the webpack bundle (built by `npm test` first).
import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.join(__dirname, "../..");

test("`yesan check samples` prints the findings in Korean and exits 1", () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin/yesan.js"), "check", "samples"], { cwd: ROOT, encoding: "utf8" });
  expect(r.status).toBe(1);
  expect(r.stdout).toContain("  [06 국내·외 교류]");
  expect(r.stdout).toMatch(/요약: 파일 2개, 표 \d+개 \(검사하지 못한 영역 \d+곳\) — 오류 6, 경고 1, 정보 0 \(부족재원 1\)/);
});

test("`yesan check` on a file that is not a workbook exits 2 and names it", () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin/yesan.js"), "check", "package.json"], { cwd: ROOT, encoding: "utf8" });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("package.json");
  expect(r.stderr).toContain("xlsx 파일로 읽을 수 없습니다");
});
