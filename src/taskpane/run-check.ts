// Reads the workbook through the port and checks it sheet by sheet, yielding to the browser between sheets so the
// progress bar moves and the pane stays responsive on a department's workbook of hundreds of sheets.
import { guessPlanYear, startCheck, type CheckResult } from "../core/check-workbook";
import type { WorkbookPort } from "../excel/port";

export type CheckScope = "workbook" | "selection";

export interface CheckRun {
  result: CheckResult;
  scope: CheckScope;
  sheets: number;
  /** Wall time of reading and checking, in milliseconds. */
  ms: number;
  /** context.sync() calls the read took (bounded, whatever the workbook's size). */
  syncs: number;
}

/** `done` of `total` sheets checked; `total` is undefined while the workbook is still being read. */
export type Progress = { done: number; total: number | undefined };

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function runCheck(port: WorkbookPort, scope: CheckScope, onProgress: (p: Progress) => void): Promise<CheckRun> {
  const start = performance.now();
  onProgress({ done: 0, total: undefined });
  const { grid, syncs } = await port.readWorkbook(scope === "selection" ? { selectionOnly: true } : {});
  // One plan year for the whole workbook, as the command line uses: a sheet whose headline names no year
  // still gets the year the other sheets name.
  const planYear = guessPlanYear(grid);
  const total = grid.sheets.length;
  // The same check as the command line's, one sheet per step: small tables are decided with the evidence of the
  // whole workbook (repeated tables of the same form on other sheets), so the pane and the CLI agree.
  const job = startCheck(grid, { planYear });
  onProgress({ done: 0, total });
  while (job.step()) {
    onProgress({ done: job.done, total });
    await nextTask();
  }
  const result: CheckResult = job.result();
  onProgress({ done: total, total });
  return { result, scope, sheets: total, ms: performance.now() - start, syncs };
}

export function countBySeverity(result: CheckResult): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of result.findings) {
    if (f.severity === "error") errors++;
    else if (f.severity === "warning") warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}
