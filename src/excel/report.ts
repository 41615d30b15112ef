// The 검증결과 sheet: one row per finding with a link to its cell. Refreshing it replaces its contents only;
// no other sheet is touched. Text columns are formatted as text before values are written, so a message or a
// cell that starts with "=" can never become a formula.
import type { CheckResult } from "../core/check-workbook";
import type { Lang } from "../core/findings/findings";
import { columnName } from "../core/cells/grid";
import type { ReportMeta } from "./port";
import { REPORT_SHEET, REPORT_TEXT } from "./excel-messages";
import { runExcel, sheetAddress, type ExcelApi } from "./run";
import { settingText } from "./settings";

const TEXT = "@";
const AMOUNT = "#,##0.######";

export async function writeReport(excel: ExcelApi, result: CheckResult, meta: ReportMeta, lang: Lang): Promise<void> {
  const t = REPORT_TEXT[lang];
  const width = t.headers.length;
  const last = columnName(width - 1);
  await runExcel(excel, { delayForCellEdit: true }, async (b) => {
    const sheets = b.context.workbook.worksheets;
    const existing = sheets.getItemOrNullObject(REPORT_SHEET);
    existing.load("name");
    const from = meta.templateVersionsFrom;
    const setting = from === undefined ? undefined : b.context.workbook.settings.getItemOrNullObject(from.key);
    setting?.load("value");
    await b.sync();
    const versions = { ...meta.templateVersions, ...(setting === undefined || from === undefined ? {} : from.versions(setting.isNullObject ? undefined : settingText(setting.value))) };
    const rows: (string | number)[][] = result.findings.map((f, i) => [
      i + 1,
      f.sheet,
      f.cell,
      f.rule,
      t.severity[f.severity],
      f.expected ?? "",
      f.actual ?? "",
      f.unit ?? "",
      f.message[lang],
      meta.date,
      versions[f.sheet] ?? meta.templateVersion ?? "",
    ]);
    const ws = existing.isNullObject ? sheets.add(REPORT_SHEET) : existing;
    if (!existing.isNullObject) ws.getRange().clear();
    const all = ws.getRange(`A1:${last}${rows.length + 1}`);
    // Text everywhere first, numbers only in the number, expected and actual columns.
    all.numberFormat = [...Array(rows.length + 1)].map(() => Array<string>(width).fill(TEXT));
    if (rows.length > 0) {
      ws.getRange(`A2:A${rows.length + 1}`).numberFormat = rows.map(() => ["0"]);
      ws.getRange(`F2:G${rows.length + 1}`).numberFormat = rows.map((r) => [typeof r[5] === "number" ? AMOUNT : TEXT, typeof r[6] === "number" ? AMOUNT : TEXT]);
    }
    all.values = [t.headers, ...rows];
    ws.getRange(`A1:${last}1`).format.font.bold = true;
    result.findings.forEach((f, i) => {
      ws.getRange(`C${i + 2}`).hyperlink = { documentReference: sheetAddress(f.sheet, f.cell), textToDisplay: f.cell, screenTip: `${f.sheet} ${f.cell}` };
    });
    ws.freezePanes.freezeRows(1);
    all.format.autofitColumns();
    await b.sync();
  });
}
