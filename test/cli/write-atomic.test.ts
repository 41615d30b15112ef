// A write that fails half-way (a full disk) must leave the file that was there intact: `template new --force`
// writes beside the file and renames into place. The disk filling up is played by writeFile writing half its bytes
// and failing with ENOSPC.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

jest.mock("node:fs/promises", () => {
  const actual = jest.requireActual<typeof import("node:fs/promises")>("node:fs/promises");
  return {
    ...actual,
    writeFile: jest.fn(async (file: string, data: Uint8Array, options: object) => {
      if (process.env.YESAN_TEST_DISK_FULL !== "1") return actual.writeFile(file, data, options);
      await actual.writeFile(file, data.subarray(0, Math.floor(data.length / 2)), options);
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    }),
  };
});

import { run } from "../support/run-cli";

afterEach(() => {
  delete process.env.YESAN_TEST_DISK_FULL;
});

test("--force on a full disk: the old file is kept whole, nothing half-written is left, the reason is said", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "yesan-atomic-"));
  const file = path.join(dir, "2021.xlsx");
  writeFileSync(file, "the officer's own workbook");
  process.env.YESAN_TEST_DISK_FULL = "1";
  const r = await run("template", "new", "social-economy", "--out", file, "--force");
  expect(r.code).toBe(2);
  expect(r.err).toContain("ENOSPC");
  expect(readFileSync(file, "utf8")).toBe("the officer's own workbook");
  expect(readdirSync(dir)).toEqual(["2021.xlsx"]);
});

test("without --force a new file appears whole or not at all, and an existing one is never replaced", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "yesan-atomic-"));
  const file = path.join(dir, "new.xlsx");
  process.env.YESAN_TEST_DISK_FULL = "1";
  expect((await run("template", "new", "social-economy", "--out", file)).code).toBe(2);
  expect(existsSync(file)).toBe(false);
  expect(readdirSync(dir)).toEqual([]);
  delete process.env.YESAN_TEST_DISK_FULL;
  expect((await run("template", "new", "social-economy", "--out", file)).code).toBe(0);
  const whole = readFileSync(file);
  expect(whole.subarray(0, 2).toString()).toBe("PK");
  expect((await run("template", "new", "animal-welfare", "--out", file)).code).toBe(2);
  expect(readFileSync(file).equals(whole)).toBe(true);
  expect(readdirSync(dir)).toEqual(["new.xlsx"]);
});
