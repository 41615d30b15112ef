// Inserting a template: as a new sheet, or at the selected cell when the selected range is empty. The layout
// (src/core/templates/layout.ts) decides every cell; the port writes it in one batch and refuses occupied cells
// with nothing changed; the same batch records the insertion in the workbook, for the 검증결과 sheet.
import { rangeA1 } from "../core/cells/grid";
import { isBookTemplate, layoutTemplate, MAX_YEAR, MIN_YEAR, templateYears, type Template } from "../core/templates";
import type { Text } from "../core/cells/sheet-plan";
import type { WorkbookPort } from "../excel/port";
import { both, t } from "./i18n";
import { TabRefusal } from "./template-action";
import { recordSetting, type TemplateRecord } from "./template-record";

export type InsertWhere = "new-sheet" | "selection";

export interface InsertRequest {
  template: Template;
  year: number;
  where: InsertWhere;
  /** "defaults": the template's amounts in the input cells (for the years they name); "empty": blank inputs. */
  amounts: "defaults" | "empty";
}

export interface Inserted {
  sheet: string;
  /** A1 range written, without the sheet. */
  range: string;
  record: TemplateRecord;
}


/** The template's funding years re-based to `year`: the fiscal year moves to `year`, the others with it. */
export const rebasedYears = (template: Template, year: number): { first: number; last: number } => templateYears(template, year);

/** Whether the template can go at the selection: a page of the budget book takes a sheet of its own. */
export const insertsAtSelection = (template: Template): boolean => !isBookTemplate(template);

/** Why `text` is not a year this template can be laid out for, or undefined when it is. */
export function yearProblem(template: Template, text: string): Text | undefined {
  const trimmed = text.trim();
  if (!/^\d{4}$/.test(trimmed)) return both((l) => t(l, "templates.yearNotYear", { min: MIN_YEAR, max: MAX_YEAR }));
  const year = Number(trimmed);
  const { first, last } = rebasedYears(template, year);
  if (year < MIN_YEAR || year > MAX_YEAR || first < MIN_YEAR || last > MAX_YEAR) {
    return both((l) => t(l, "templates.yearOutside", { first, last, min: MIN_YEAR, max: MAX_YEAR }));
  }
  return undefined;
}

/**
 * Lays the template out and writes it. At the selection: refused (nothing written) when the selected range holds
 * anything; the port then refuses when any cell the layout covers holds something, naming those cells.
 */
export async function insertTemplate(port: WorkbookPort, req: InsertRequest, now: () => Date = () => new Date()): Promise<Inserted> {
  const { template, year, amounts } = req;
  const entry = { id: template.id, version: template.version, year, insertedAt: now().toISOString() };
  // The record goes in the sheet's own batch: the sheet and its record are written together.
  const setting = recordSetting(entry);
  let written: { sheet: string; range: string };
  // A book page is read as a page only on a sheet of its own: it always goes on a new sheet.
  if (req.where === "new-sheet" || !insertsAtSelection(template)) {
    written = await port.writePlan(layoutTemplate(template, { year, amounts }), { mode: "new-sheet", activate: true, setting });
  } else {
    const sel = await port.getSelection();
    if (!sel.empty) throw new TabRefusal(both((l) => t(l, "templates.selectionNotEmpty", { sheet: sel.sheet, range: rangeA1(sel.range) })));
    const plan = layoutTemplate(template, { year, amounts, sheet: sel.sheet, anchor: { r: sel.range.r0, c: sel.range.c0 } });
    written = await port.writePlan(plan, { mode: "existing-sheet", activate: true, setting });
  }
  return { sheet: written.sheet, range: written.range, record: { ...entry, sheet: written.sheet } };
}
