// The committed catalog is exactly what scripts/build-templates.ts makes from the seeds.
// UPDATE_TEMPLATES=1 rewrites templates/catalog.json instead of failing.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildCatalog, catalogText } from "../../../scripts/build-templates";

const root = path.resolve(__dirname, "../../..");
const CATALOG = path.join(root, "templates/catalog.json");

test("templates/catalog.json is the build script's output for samples/seed-plan.json and samples/book-templates.json", () => {
  const seeds: unknown = JSON.parse(readFileSync(path.join(root, "samples/seed-plan.json"), "utf8"));
  const books = JSON.parse(readFileSync(path.join(root, "samples/book-templates.json"), "utf8")) as unknown[];
  const { catalog, notes } = buildCatalog(seeds, books);
  const text = catalogText(catalog);
  if (process.env.UPDATE_TEMPLATES === "1") {
    writeFileSync(CATALOG, text);
    console.log(notes.join("\n"));
  }
  expect(readFileSync(CATALOG, "utf8")).toBe(text);
});

test("the build names each printed mistake of the seeds and carries none of them", () => {
  const seeds: unknown = JSON.parse(readFileSync(path.join(root, "samples/seed-plan.json"), "utf8"));
  const { notes } = buildCatalog(seeds);
  // Found by hand in the 2021 plan: 01's split "24,00" (the 중기부 매니저 item's 민간 part, 24,000 − 16,800 −
  // 2,880 − 1,920 = 2,400); 06's 계 합계 527,900 (its years add up to 509,400); 08's 시비 and 구비 합계
  // 1,556,436 and 1,352,432 (1,456,436 and 1,301,360); 09's 계 합계 1,279,440 (1,178,040); 11's 계 합계 28,000
  // (118,600). The card (002) has none.
  expect(notes.map((n) => /\d+/.exec(n)?.[0] ?? n)).toEqual(["01", "06", "08", "08", "09", "11"]);
  expect(notes.join("\n")).toMatch(/"24,00".*restored as 2400/);
  for (const [printed, right] of [["527900", "509400"], ["1556436", "1456436"], ["1352432", "1301360"], ["1279440", "1178040"], ["28000", "118600"]]) {
    expect(notes.some((n) => n.includes(printed) && n.includes(right))).toBe(true);
  }
  const text = readFileSync(CATALOG, "utf8");
  for (const wrong of ["527900", "1556436", "1352432", "1279440", "24,00\""]) expect(text).not.toContain(wrong);
});
