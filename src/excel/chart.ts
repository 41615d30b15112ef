// 부족재원 chart: the shortfalls as a small table on their own sheet (in 백만원, whatever unit each table used)
// and a bar chart over it. Refreshing replaces that sheet's contents; no other sheet is touched.
import type { Finding, Lang } from "../core/findings/findings";
import { convert } from "../core/numbers/numbers";
import { CHART_TEXT, SHORTFALL_SHEET } from "./excel-messages";
import { runExcel, type ExcelApi } from "./run";

export async function insertShortfallChart(excel: ExcelApi, shortfalls: Finding[], lang: Lang): Promise<void> {
  const t = CHART_TEXT[lang];
  const rows = shortfalls.map((f) => {
    const amount = typeof f.actual === "number" ? f.actual : 0;
    const millions = f.unit === undefined ? amount : convert(amount, f.unit, "백만원").value;
    return [f.sheet, millions, f.share ?? ""] as (string | number)[];
  });
  await runExcel(excel, { delayForCellEdit: true }, async (b) => {
    const sheets = b.context.workbook.worksheets;
    const existing = sheets.getItemOrNullObject(SHORTFALL_SHEET);
    existing.load("name");
    existing.charts.load("items/name");
    await b.sync();
    const ws = existing.isNullObject ? sheets.add(SHORTFALL_SHEET) : existing;
    if (!existing.isNullObject) {
      for (const c of existing.charts.items) c.delete();
      ws.getRange().clear();
    }
    const n = rows.length + 1;
    ws.getRange(`A1:A${n}`).numberFormat = [...Array(n)].map(() => ["@"]); // program names stay text
    ws.getRange(`B2:B${Math.max(2, n)}`).numberFormat = [...Array(Math.max(1, rows.length))].map(() => ["#,##0.###"]);
    ws.getRange(`C2:C${Math.max(2, n)}`).numberFormat = [...Array(Math.max(1, rows.length))].map(() => ["0%"]);
    const data = ws.getRange(`A1:C${n}`);
    data.values = [t.headers, ...rows];
    ws.getRange("A1:C1").format.font.bold = true;
    const chart = ws.charts.add(excel.ChartType.barClustered, ws.getRange(`A1:B${n}`), excel.ChartSeriesBy.columns);
    chart.title.text = t.title;
    chart.setPosition("E2");
    data.format.autofitColumns();
    ws.activate();
    await b.sync();
  });
}
