#!/usr/bin/env node
// `npm start` sideloads the add-in where desktop Excel exists, then the dev server runs.
// Hand-written because Microsoft's office-addin-dev-settings does not install from our registry (a dependency is
// missing); this does what its "sideload" does for desktop Excel, as Microsoft documents it:
//  - Windows: the manifest's path as a value under HKCU\Software\Microsoft\Office\16.0\WEF\Developer;
//  - macOS: a copy of the manifest in Excel's wef folder.
// Excel on the web and Linux: nothing to do here; the README explains uploading the manifest, and the preview runs.
const { execFileSync } = require("node:child_process");
const { mkdirSync, copyFileSync } = require("node:fs");
const path = require("node:path");
const os = require("node:os");

/** What sideloading means on a platform; pure, so it can be tested anywhere. */
function sideloadPlan(platform, home, manifest) {
  if (platform === "win32") {
    return { kind: "registry", key: "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer", name: "Yesan", value: manifest };
  }
  if (platform === "darwin") {
    const dir = path.posix.join(home, "Library/Containers/com.microsoft.Excel/Data/Documents/wef");
    return { kind: "copy", dir, target: path.posix.join(dir, "yesan-manifest.xml"), source: manifest };
  }
  return { kind: "none" };
}

function run() {
  const manifest = path.resolve(__dirname, "..", "manifest.xml");
  const plan = sideloadPlan(process.platform, os.homedir(), manifest);
  try {
    if (plan.kind === "registry") {
      execFileSync("reg", ["add", plan.key, "/v", plan.name, "/t", "REG_SZ", "/d", plan.value, "/f"], { stdio: "ignore" });
      console.log(`[yesan] Excel에 추가 기능을 사이드로드했습니다 / sideloaded into Excel: ${plan.value}`);
    } else if (plan.kind === "copy") {
      mkdirSync(plan.dir, { recursive: true });
      copyFileSync(plan.source, plan.target);
      console.log(`[yesan] Excel에 추가 기능을 사이드로드했습니다 / sideloaded into Excel: ${plan.target}`);
    } else {
      console.log("[yesan] 이 컴퓨터에는 데스크톱 Excel이 없어 미리보기로 실행합니다 / no desktop Excel here: running the preview");
    }
  } catch (e) {
    // Sideloading is a convenience: the dev server and the preview still start, and the user is told.
    console.warn(`[yesan] 사이드로드하지 못했습니다 / could not sideload: ${e instanceof Error ? e.message : String(e)}`);
  }
}

module.exports = { sideloadPlan };
if (require.main === module) run();
