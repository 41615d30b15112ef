// Builds the sample workbooks in samples/ from the hand transcription samples/seed-plan.json.
// The samples are what `yesan check samples` and the add-in demo run on, so they keep the
// printed mistakes of the seed documents on purpose: those are what the checker should find.
//
//   npm run samples        (webpack bundles this file to dist/scripts/build-samples.js)

import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { layOutSheet, parseSeedPlan, type SeedPlan } from "../src/cli/sample-layout";

export interface BuiltWorkbook {
  file: string;
  workbook: ExcelJS.Workbook;
}

// A fixed date keeps the document properties identical from one build to the next.
const BUILD_DATE = new Date(Date.UTC(2021, 0, 1));

export async function buildSampleWorkbooks(data: SeedPlan): Promise<BuiltWorkbook[]> {
  return data.workbooks.map((entry) => {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = "Yesan sample builder";
    workbook.lastModifiedBy = "Yesan sample builder";
    workbook.title = entry.title;
    workbook.created = BUILD_DATE;
    workbook.modified = BUILD_DATE;
    for (const sheet of entry.sheets) {
      const ws = workbook.addWorksheet(sheet.name, {
        // Like the printed plan: A4 portrait, as wide as one page.
        pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      });
      layOutSheet(ws, sheet);
    }
    return { file: entry.file, workbook };
  });
}

export async function main(): Promise<void> {
  const samples = path.resolve(process.cwd(), "samples");
  const source = path.join(samples, "seed-plan.json");
  const plan = parseSeedPlan(JSON.parse(await readFile(source, "utf8")) as unknown);
  for (const { file, workbook } of await buildSampleWorkbooks(plan)) {
    const target = path.join(samples, file);
    await workbook.xlsx.writeFile(target);
    console.log(`${path.relative(process.cwd(), target)}: ${workbook.worksheets.length} sheets`);
  }
}
