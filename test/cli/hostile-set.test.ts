// Issue 12's set of broken and hostile workbooks, each checked by the built command in a process of its own, as an
// office's folder would meet them: no crash, no hang past 60 s, peak memory under 1.5 GB, valid JSON on stdout, no
// stack trace for a file's own fault, and a file holding an error value or a wrong total never exits 0. The time
// and memory of each run go to test-artifacts/hostile-set.json (BENCHMARKS.md quotes them); only the issue's
// bounds are asserted, never a speed.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { hostileCases, type HostileCase } from "../support/hostile-files";

const ROOT = path.join(__dirname, "../..");
const LIMIT_MS = 60_000;
const LIMIT_KB = 1.5 * 1024 * 1024;

interface Run {
  file: string;
  what: string;
  code: number | null;
  signal: string | null;
  wallMs: number;
  cpuMs?: number;
  maxRssKb?: number;
  out: string;
  err: string;
}

function check(dir: string, c: HostileCase): Promise<Run> {
  const file = path.join(dir, c.file);
  writeFileSync(file, c.bytes());
  const peak = `${file}.peak.json`;
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--require", path.join(ROOT, "test/support/peak-rss.js"), path.join(ROOT, "bin/yesan.js"), "check", file, "--format", "json", "--lang", "en"], { cwd: ROOT, env: { ...process.env, YESAN_PEAK_FILE: peak } });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
    const timer = setTimeout(() => child.kill("SIGKILL"), LIMIT_MS);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      let figures: { maxRssKb?: number; cpuMs?: number } = {};
      try {
        figures = JSON.parse(readFileSync(peak, "utf8")) as typeof figures;
      } catch {
        // No figures: the process died before its exit handler (killed, or out of memory); the asserts say so.
      }
      resolve({ file: c.file, what: c.what, code, signal, wallMs: Date.now() - started, ...figures, out, err });
    });
  });
}

/** The cases run two at a time (the machines have two cores), each in its own process. */
async function all(dir: string, cases: HostileCase[]): Promise<Run[]> {
  const runs: Run[] = new Array(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const i = next++;
      runs[i] = await check(dir, cases[i]);
    }
  };
  await Promise.all([worker(), worker()]);
  return runs;
}

const cases = hostileCases();
let runs: Run[] = [];

beforeAll(async () => {
  runs = await all(mkdtempSync(path.join(tmpdir(), "yesan-hostile-")), cases);
  mkdirSync(path.join(ROOT, "test-artifacts"), { recursive: true });
  const figures = runs.map(({ out: _o, err: _e, ...r }) => r);
  writeFileSync(path.join(ROOT, "test-artifacts/hostile-set.json"), JSON.stringify(figures, null, 2));
}, 20 * 60_000);

test("the set holds at least 60 files of the kinds the issue names", () => {
  expect(cases.length).toBeGreaterThanOrEqual(60);
  expect(new Set(cases.map((c) => c.file)).size).toBe(cases.length);
});

describe.each(cases.map((c, i) => [c.file, c.what, i] as const))("%s (%s)", (_file, _what, i) => {
  test("ends in time and memory, with valid JSON and no stack trace, and the exit code its contents call for", () => {
    const r = runs[i];
    const c = cases[i];
    expect({ file: r.file, signal: r.signal, killed: r.wallMs >= LIMIT_MS }).toEqual({ file: r.file, signal: null, killed: false });
    expect(r.maxRssKb).toBeDefined();
    expect(r.maxRssKb!).toBeLessThan(LIMIT_KB);
    const json = JSON.parse(r.out) as { files: { file: string; error?: string; findings?: { severity: string }[] }[] };
    expect(json.files).toHaveLength(1);
    for (const text of [r.out, r.err]) {
      expect(text).not.toMatch(/Internal error|내부 오류|\n\s+at .+:\d+:\d+/);
    }
    const report = json.files[0];
    const exit = { clean: [0], flagged: [1, 2], unreadable: [2], any: [0, 1, 2] }[c.expect];
    // The file and its code in the comparison, so a failure names both.
    expect({ file: c.file, code: r.code, allowed: exit.includes(r.code ?? -1) }).toEqual({ file: c.file, code: r.code, allowed: true });
    if (c.expect === "unreadable") expect(report.error).toEqual(expect.any(String));
    if (c.expect === "unreadable") expect(r.err).toContain(c.file);
    if (c.reason !== undefined) expect(report.error).toMatch(c.reason);
    if (c.expect === "clean") expect(report.findings?.filter((f) => f.severity === "error")).toEqual([]);
  });
});
