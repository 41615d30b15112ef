// Writes a SheetPlan through Office.js. (Being written: see issue 4.)
import type { SheetPlan } from "../core/sheet-plan";
import type { PlanTarget, PlanWritten } from "./port";
import type { ExcelApi } from "./run";

export async function writePlan(_excel: ExcelApi, _plan: SheetPlan, _target: PlanTarget): Promise<PlanWritten> {
  throw new Error("writePlan is not written yet");
}
