// What `npm start` does to sideload on each platform (it can only be carried out on Windows and macOS).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sideloadPlan } = require("../../scripts/sideload.js") as { sideloadPlan: (p: string, home: string, m: string) => Record<string, string> };

test("Windows: the manifest path under the WEF Developer registry key", () => {
  expect(sideloadPlan("win32", "C:\\Users\\kim", "C:\\yesan\\manifest.xml")).toEqual({
    kind: "registry",
    key: "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer",
    name: "Yesan",
    value: "C:\\yesan\\manifest.xml",
  });
});

test("macOS: a copy in Excel's wef folder", () => {
  expect(sideloadPlan("darwin", "/Users/kim", "/src/yesan/manifest.xml")).toEqual({
    kind: "copy",
    dir: "/Users/kim/Library/Containers/com.microsoft.Excel/Data/Documents/wef",
    target: "/Users/kim/Library/Containers/com.microsoft.Excel/Data/Documents/wef/yesan-manifest.xml",
    source: "/src/yesan/manifest.xml",
  });
});

test("Linux: nothing to sideload; the preview runs", () => {
  expect(sideloadPlan("linux", "/root", "/work/manifest.xml")).toEqual({ kind: "none" });
});
