// Workbook settings through Office.js: saved inside the file, so they travel with the workbook.
import { runExcel, type ExcelApi } from "./run";

export async function getSetting(excel: ExcelApi, key: string): Promise<string | undefined> {
  return runExcel(excel, {}, async (b) => {
    const s = b.context.workbook.settings.getItemOrNullObject(key);
    s.load("value");
    await b.sync();
    if (s.isNullObject) return undefined;
    const v: unknown = s.value;
    return typeof v === "string" ? v : JSON.stringify(v);
  });
}

export async function setSetting(excel: ExcelApi, key: string, value: string): Promise<void> {
  await runExcel(excel, { delayForCellEdit: true }, async (b) => {
    b.context.workbook.settings.add(key, value);
    await b.sync();
  });
}
