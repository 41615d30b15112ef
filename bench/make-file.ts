// Writes a generated department workbook: `node dist/bench/make-file.js OUT.xlsx [programs] [cached|uncached|none]`.
import { writeProgramsFile } from "./generate";

const [out = "dept.xlsx", n = "10000", formulas = "cached"] = process.argv.slice(2);
writeProgramsFile(out, { programs: Number(n), seed: 2021, formulas: formulas as "cached" | "uncached" | "none" })
  .then((info) => console.log(`${out}: ${JSON.stringify(info)}`))
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
