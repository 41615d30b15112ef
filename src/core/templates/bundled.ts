// The catalog that ships with Yesan (templates/catalog.json, made by scripts/build-templates.ts from the seeds).
// Imported as JSON so webpack bundles it into the task pane and the command line; validated here like any other
// catalog, so a broken file fails loudly at start-up (and in test/core/templates) instead of laying out garbage.
import catalogJson from "../../../templates/catalog.json";
import type { Catalog } from "./schema";
import { describeProblem, validateCatalog } from "./validate";

function load(): Catalog {
  const r = validateCatalog(catalogJson);
  if (!r.ok) throw new Error(`templates/catalog.json: ${r.problems.map((p) => describeProblem(p, "en")).join("; ")}`);
  return r.value;
}

export const BUNDLED_CATALOG: Catalog = load();
