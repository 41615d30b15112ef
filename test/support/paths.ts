// Files the tests read that are not ours to change, kept in the repository so a clone anywhere can run the tests:
// the seed documents as received (samples/seeds/, from the workplace's shared/seeds) and Microsoft's Office add-in
// manifest schemas (test/fixtures/office-xsd/, from shared/office-xsd).
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
export const SEEDS = path.join(ROOT, "samples/seeds");
export const XSD_DIR = path.join(ROOT, "test/fixtures/office-xsd");
