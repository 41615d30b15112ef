// LibreOffice as an independent spreadsheet engine: recalculates a workbook and saves it with cached values.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export function sofficePath(): string {
  const r = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" });
  const p = r.stdout.trim();
  if (p === "") throw new Error("LibreOffice (soffice) is needed for this test: apt-get install libreoffice-calc-nogui (.ci/run does it)");
  return p;
}

/** Recalculates `file` (.xlsx, or any sheet LibreOffice opens) in LibreOffice; returns the path of its .xlsx copy. */
export function recalculate(file: string): string {
  const profile = mkdtempSync(path.join(tmpdir(), "lo-profile-"));
  // Recalculate on load, always: otherwise LibreOffice keeps whatever cached values a file has.
  const user = path.join(profile, "user");
  mkdirSync(user, { recursive: true });
  writeFileSync(
    path.join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`,
  );
  const out = mkdtempSync(path.join(tmpdir(), "lo-out-"));
  execFileSync(sofficePath(), [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "xlsx", "--outdir", out, file], { stdio: "pipe", timeout: 120000 });
  return path.join(out, path.basename(file).replace(/\.[^.]+$/, ".xlsx"));
}
