// Entry of `npm run samples`: writes samples/*.xlsx from samples/seed-plan.json.
import { main } from "./build-samples";

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
