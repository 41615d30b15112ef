// The committed catalog is exactly what scripts/build-templates.ts makes from the seeds.
// UPDATE_TEMPLATES=1 rewrites templates/catalog.json instead of failing.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildCatalog, catalogText } from "../../../scripts/build-templates";

const root = path.resolve(__dirname, "../../..");
const CATALOG = path.join(root, "templates/catalog.json");

test("templates/catalog.json is the build script's output for samples/seed-plan.json", () => {
  const seeds: unknown = JSON.parse(readFileSync(path.join(root, "samples/seed-plan.json"), "utf8"));
  const { catalog, notes } = buildCatalog(seeds);
  const text = catalogText(catalog);
  if (process.env.UPDATE_TEMPLATES === "1") {
    writeFileSync(CATALOG, text);
    console.log(notes.join("\n"));
  }
  expect(readFileSync(CATALOG, "utf8")).toBe(text);
});
