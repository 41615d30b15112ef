// The Office.js adapter: the only code that talks to Excel. `excel` is the Excel namespace: Office's own in
// Excel, the in-memory one in the preview and in tests.
import type { WorkbookPort } from "./port";
import { readWorkbookGrid, DEFAULT_LIMITS, type ReadLimits } from "./read";
import { markFindings, clearMarks } from "./marks";
import { writeReport } from "./report";
import { insertShortfallChart } from "./chart";
import { runExcel, type ExcelApi } from "./run";
import { getSetting, setSetting } from "./settings";
import { getSelection } from "./selection";
import { writePlan } from "./write-plan";

export function createExcelPort(excel: ExcelApi = globalThis.Excel, limits: ReadLimits = DEFAULT_LIMITS): WorkbookPort {
  return {
    readWorkbook: (options) => readWorkbookGrid(excel, options, limits),
    selectCell: (sheet, cell) =>
      runExcel(excel, { delayForCellEdit: true }, async (b) => {
        const ws = b.context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await b.sync();
      }),
    markFindings: (findings, lang) => markFindings(excel, findings, lang),
    clearMarks: () => clearMarks(excel),
    writeReport: (result, meta, lang) => writeReport(excel, result, meta, lang),
    insertShortfallChart: (shortfalls, lang) => insertShortfallChart(excel, shortfalls, lang),
    getSelection: () => getSelection(excel),
    writePlan: (plan, target) => writePlan(excel, plan, target),
    getSetting: (key) => getSetting(excel, key),
    setSetting: (key, value) => setSetting(excel, key, value),
  };
}
