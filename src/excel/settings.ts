// Workbook settings through Office.js: saved inside the file, so they travel with the workbook.
import { runExcel, type ExcelApi } from "./run";

export async function getSetting(excel: ExcelApi, key: string): Promise<string | undefined> {
  return runExcel(excel, {}, async (b) => {
    const s = b.context.workbook.settings.getItemOrNullObject(key);
    s.load("value");
    await b.sync();
    return s.isNullObject ? undefined : settingText(s.value);
  });
}

/** A setting's value as text: Yesan stores strings; a value another add-in stored otherwise is read as its JSON. */
export function settingText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

export async function setSetting(excel: ExcelApi, key: string, value: string): Promise<void> {
  await runExcel(excel, { delayForCellEdit: true }, async (b) => {
    b.context.workbook.settings.add(key, value);
    await b.sync();
  });
}
