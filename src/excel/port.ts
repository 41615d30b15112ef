// What the task pane and the ribbon need from the workbook. Implemented by the Office.js adapter
// (`createExcelPort` in ./adapter), which runs unchanged in Excel, in the browser preview over the in-memory
// workbook, and in tests. Every method lets Excel's errors through as `ExcelPortError` (typed, with a message in
// both languages); none swallows one.
import type { WorkbookGrid } from "../core/cells/grid";
import type { Finding, Lang } from "../core/findings/findings";
import type { CheckResult } from "../core/check-workbook";
import type { Range } from "../core/cells/grid";
import type { SheetPlan } from "../core/cells/sheet-plan";

export interface ReadOptions {
  /** Read only the selected range (and its sheet's name), not the whole workbook. */
  selectionOnly?: boolean;
  /** Read only these sheets (names compared as Excel does, ignoring case), in workbook order; absent ones are skipped. */
  sheets?: string[];
}

export interface ReadResult {
  grid: WorkbookGrid;
  /** context.sync() calls used: bounded, whatever the number of sheets, tables or cells. */
  syncs: number;
}

export interface ReportMeta {
  /** yyyy-mm-dd */
  date: string;
  /** Template id@version recorded in the workbook, when there is one (templates issue): for every row. */
  templateVersion?: string;
  /** Per sheet (as findings name it): the id@version its template was inserted from; wins over templateVersion. */
  templateVersions?: Record<string, string>;
  /**
   * The same per-sheet versions, from a workbook setting read in the report's own batch (no separate round trip
   * before writing); they win over templateVersions.
   */
  templateVersionsFrom?: { key: string; versions: (setting: string | undefined) => Record<string, string> };
}

/**
 * Where a plan goes:
 * - "new-sheet": a new worksheet named plan.sheet; when that name is taken, the first free "name (2)", "name (3)"…
 *   (formulas in the plan refer to cells without a sheet name, so they follow);
 * - "existing-sheet": into the existing sheet plan.sheet. Refused with an "occupied" ExcelPortError naming the
 *   non-empty cells, nothing written, unless `overwrite` is true (only after the user confirmed that list);
 * - "replace-sheet": Yesan's own sheets (시나리오): created, or cleared and rewritten. Never used for a user's sheet.
 */
export interface PlanTarget {
  mode: "new-sheet" | "existing-sheet" | "replace-sheet";
  overwrite?: boolean;
  /** Activate the sheet and select the plan's top-left cell afterwards. */
  activate?: boolean;
  /**
   * A workbook setting updated in the same batch as the sheet (the record of an inserted template), from its value
   * before and the sheet actually written: the sheet and its record are written together or not at all.
   */
  setting?: { key: string; update: (before: string | undefined, sheet: string) => string };
}

export interface PlanWritten {
  /** The sheet actually written (differs from plan.sheet when the name was taken). */
  sheet: string;
  /** The range the plan covers, A1 without the sheet. */
  range: string;
  /**
   * The defined names actually added, in the plan's order: a name already taken in the workbook gets the first
   * free "name_2", "name_3"… (the plan's formulas that use it are rewritten to follow).
   */
  names?: string[];
}

export interface Selection {
  sheet: string;
  range: Range;
  /** True when no cell of the selected range holds a value or a formula. */
  empty: boolean;
}

export interface WorkbookPort {
  readWorkbook(options?: ReadOptions): Promise<ReadResult>;
  /** Activates the sheet and selects the cell (A1, no sheet prefix). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Colours each blamed cell and adds a note; remembers the original fill in the workbook. One write batch. */
  markFindings(findings: Finding[], lang: Lang): Promise<number>;
  /** Restores every marked cell's original fill exactly and removes the notes; works after reopening. */
  clearMarks(): Promise<number>;
  /** Adds or refreshes the 검증결과 sheet: one row per finding with a link to its cell. Touches no other sheet. */
  writeReport(result: CheckResult, meta: ReportMeta, lang: Lang): Promise<void>;
  /** Writes the shortfalls as a small table and inserts a bar chart of them. */
  insertShortfallChart(shortfalls: Finding[], lang: Lang): Promise<void>;
  /** The active sheet and selected range (its first area). */
  getSelection(): Promise<Selection>;
  /** Writes a plan (cells, formats, merges, validations, defined names, charts) in one batch; see PlanTarget. */
  writePlan(plan: SheetPlan, target: PlanTarget): Promise<PlanWritten>;
  /** Workbook settings (kept in the file): the catalog address, the templates inserted. */
  getSetting(key: string): Promise<string | undefined>;
  setSetting(key: string, value: string): Promise<void>;
}

export type PortErrorCode = "occupied" | "cell-edit-mode" | "payload-too-large" | "protected" | "not-found" | "unsupported" | "other";

export class ExcelPortError extends Error {
  constructor(
    readonly code: PortErrorCode,
    readonly text: Record<Lang, string>,
    /** Excel's own error code, e.g. "InvalidOperationInCellEditMode". */
    readonly excelCode?: string,
    options?: { cause?: unknown },
  ) {
    super(text.en, options);
    this.name = "ExcelPortError";
  }
}
