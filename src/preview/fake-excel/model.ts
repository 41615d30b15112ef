// The document behind the in-memory Excel (./excel.ts): sheets of sparse cells, merges, charts, settings,
// comments, the selection, and the knobs a test turns to make Excel misbehave (cell edit mode, payload limits,
// protected sheets). It is plain data with no Office semantics: proxies, load/sync, queued writes and Office's
// errors all live in excel.ts, which is the only writer during a sync. Tests and the preview may read it freely
// and set its knobs directly.
import type { Cell, Range as GridRange, SheetGrid, WorkbookGrid } from "../../core/cells/grid";

export type FakeValue = number | string | boolean | null;

export interface FakeFill {
  /** "#RRGGBB", upper case, as Office reports it. */
  color?: string;
  /** An Excel.FillPattern value such as "Solid". */
  pattern?: string;
}

export interface FakeHyperlink {
  documentReference?: string;
  address?: string;
  textToDisplay?: string;
  screenTip?: string;
}

/**
 * One cell. Cells are replaced, never changed in place, while a sync runs (excel.ts relies on that to undo a
 * failed batch), so code outside a sync should replace them too.
 */
export interface FakeCell {
  /**
   * The value Excel shows: the cached result for a formula (an error as its text, "#DIV/0!"); null when empty, or
   * for a formula without a result (never calculated, or one the fake cannot calculate: see recalc.ts).
   */
  value: FakeValue;
  /** The formula without its leading "=". */
  formula?: string;
  /** Absent means "General". */
  numberFormat?: string;
  fill?: FakeFill;
  hyperlink?: FakeHyperlink;
  bold?: boolean;
  /** An Excel.HorizontalAlignment value other than "General" (absent means General). */
  horizontalAlignment?: string;
}

/** A data validation rule as Office reports it: the bounds as formulas ("=10"), the operator by name. */
export interface FakeValidationRule {
  /** The DataValidationRule key: "wholeNumber", "decimal" or "textLength". */
  kind: "wholeNumber" | "decimal" | "textLength";
  /** An Excel.DataValidationOperator value such as "Between". */
  operator: string;
  formula1: string;
  formula2?: string;
}

/**
 * The data validation of one cell (Excel keeps validation per cell; cells set together share one object, which
 * is replaced, never changed in place).
 */
export interface FakeValidation {
  rule?: FakeValidationRule;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  prompt: { showPrompt: boolean; title: string; message: string };
  ignoreBlanks: boolean;
}

/** A workbook-scoped defined name. */
export interface FakeName {
  name: string;
  /** What it refers to, as Office reports NamedItem.formula: "='Sheet 1'!$A$1:$B$2". */
  formula: string;
  comment: string;
  visible: boolean;
}

/** 0-based, inclusive on both ends (the engine's Range). */
export type FakeMerge = GridRange;

export type FakeSeriesBy = "Auto" | "Columns" | "Rows";

export interface FakeChart {
  name: string;
  /** An Excel.ChartType value such as "BarClustered". */
  type: string;
  /** The source data's address, "Sheet!A1:B5" style. */
  source: string;
  seriesBy: FakeSeriesBy;
  title?: string;
  /** Set by Chart.setPosition: cell addresses as given (no sheet prefix). */
  position?: { startCell: string; endCell?: string };
}

export type FakeVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface FakeComment {
  /** The cell, Excel style with the sheet: "Sheet1!B7", "'06 국내·외 교류'!B7". */
  address: string;
  content: string;
}

export interface FakeSelection {
  sheet: string;
  /** A1 text without the sheet: "B7" or "A1:C3"; several areas are separated by commas ("A1:B2,D4"). */
  address: string;
}

export interface FakeLimits {
  /** Cells one range may return in one sync (values, formulas, numberFormat and text counted separately). */
  maxCellsPerRead: number;
  /** Estimated JSON bytes of everything one sync returns. */
  maxBytesPerResponse: number;
  /** Estimated JSON bytes of everything one sync writes. */
  maxBytesPerRequest: number;
  /** Range.getMergedAreasOrNullObject fails past this many areas (Office documents 512). */
  maxMergedAreas: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** The texts a cell holds as an error value (valueTypes "Error"), not as a string. */
export const ERROR_VALUES: ReadonlySet<string> = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"]);

/** The key of a cell in FakeSheet.cells. */
export function cellKey(row: number, column: number): number {
  return row * MAX_COLUMNS + column;
}

export function rowOfKey(key: number): number {
  return Math.floor(key / MAX_COLUMNS);
}

export function columnOfKey(key: number): number {
  return key % MAX_COLUMNS;
}

/** A cell that holds nothing at all is removed from the map rather than kept as an empty object. */
export function isBlankCell(cell: FakeCell): boolean {
  return (
    (cell.value === null || cell.value === "") &&
    cell.formula === undefined &&
    cell.numberFormat === undefined &&
    cell.fill === undefined &&
    cell.hyperlink === undefined &&
    cell.bold !== true &&
    cell.horizontalAlignment === undefined
  );
}

export class FakeSheet {
  visibility: FakeVisibility = "Visible";
  protected = false;
  /** Sparse: key = cellKey(row, column). */
  readonly cells = new Map<number, FakeCell>();
  merges: FakeMerge[] = [];
  charts: FakeChart[] = [];
  frozenRows = 0;
  /** Points, by 0-based column; absent columns have the standard width. */
  readonly columnWidths = new Map<number, number>();
  /** Sparse, by cellKey: the cells that have data validation. */
  readonly validations = new Map<number, FakeValidation>();

  constructor(
    public name: string,
    /** Office's Worksheet.id: stable across renames. */
    readonly id: string,
  ) {}

  cell(row: number, column: number): FakeCell | undefined {
    return this.cells.get(cellKey(row, column));
  }

  /** Direct write, for building a model outside a sync. Blank cells are dropped. */
  setCell(row: number, column: number, cell: FakeCell | undefined): void {
    const key = cellKey(row, column);
    if (cell === undefined || isBlankCell(cell)) this.cells.delete(key);
    else this.cells.set(key, cell);
  }
}

export type ChangeListener = (model: FakeWorkbookModel) => void;

export class FakeWorkbookModel {
  /** In tab order: a sheet's position is its index here. */
  readonly sheets: FakeSheet[] = [];
  /** Values as Office keeps them: JSON round trips of what was added. */
  readonly settings = new Map<string, unknown>();
  /** By comment id. */
  readonly comments = new Map<string, FakeComment>();
  /** Workbook-scoped defined names, in the order they were added. */
  readonly names: FakeName[] = [];
  selection: FakeSelection;
  /** The active sheet's name. */
  activeSheet: string;
  limits: FakeLimits = { maxCellsPerRead: 5_000_000, maxBytesPerResponse: 5 * 1024 * 1024, maxBytesPerRequest: 5 * 1024 * 1024, maxMergedAreas: 512 };
  /** context.sync() calls made against this workbook (see excel.ts for which ones count). */
  syncCount = 0;

  private editing = false;
  private editWaiters: (() => void)[] = [];
  private readonly listeners = new Set<ChangeListener>();
  private nextSheetId = 1;
  private nextCommentId = 1;

  constructor(sheetNames: string[] = ["Sheet1"]) {
    // Excel has no workbook without a sheet.
    const names = sheetNames.length === 0 ? ["Sheet1"] : sheetNames;
    for (const name of names) this.sheets.push(new FakeSheet(name, this.newSheetId()));
    this.activeSheet = this.sheets[0].name;
    this.selection = { sheet: this.activeSheet, address: "A1" };
  }

  /** The key of a cell in FakeSheet.cells. */
  key(row: number, column: number): number {
    return cellKey(row, column);
  }

  /** Excel matches sheet names without regard to case. */
  sheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** Adds a sheet directly (outside any sync), at the end. */
  addSheet(name: string): FakeSheet {
    if (this.sheet(name) !== undefined) throw new Error(`a sheet named ${name} already exists`);
    const sheet = new FakeSheet(name, this.newSheetId());
    this.sheets.push(sheet);
    return sheet;
  }

  newSheetId(): string {
    // Office's ids are GUIDs in braces; counting keeps them stable from run to run.
    return `{00000000-0001-0000-0000-${hex12(this.nextSheetId++)}}`;
  }

  newCommentId(): string {
    return `{00000000-0002-0000-0000-${hex12(this.nextCommentId++)}}`;
  }

  /** True while the user types in a cell: Excel then refuses (or, with delayForCellEdit, holds) every request. */
  get cellEditMode(): boolean {
    return this.editing;
  }

  set cellEditMode(on: boolean) {
    this.editing = on;
    if (!on) {
      const waiters = this.editWaiters;
      this.editWaiters = [];
      for (const w of waiters) w();
    }
  }

  /** Resolves when cell edit mode ends (at once when it is off): how delayForCellEdit waits without polling. */
  cellEditModeEnded(): Promise<void> {
    if (!this.editing) return Promise.resolve();
    return new Promise((resolve) => this.editWaiters.push(resolve));
  }

  /** Called after every sync that changed the workbook; returns the unsubscribe function. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emitChange(): void {
    for (const l of [...this.listeners]) l(this);
  }

  /** Stores a setting as Office does: what comes back is the JSON round trip of what went in. */
  static settingValue(value: unknown): unknown {
    const json = JSON.stringify(value);
    return json === undefined ? null : (JSON.parse(json) as unknown);
  }

  /**
   * The workbook as a file holds it. Nothing is calculated here: a formula saved without a cached value (as tools
   * write files) stays so until a sync writes a cell it depends on. That keeps such files modellable.
   */
  static fromGrid(grid: WorkbookGrid): FakeWorkbookModel {
    const model = new FakeWorkbookModel(grid.sheets.map((s) => s.name));
    grid.sheets.forEach((sg, i) => {
      const sheet = model.sheets[i];
      sg.cells.forEach((row, r) => {
        if (row === undefined) return;
        row.forEach((c, col) => {
          if (c === undefined) return;
          // A formula keeps its cached value; a formula never calculated (v undefined) has null.
          const cell: FakeCell = { value: c.v === undefined ? null : c.v };
          if (c.f !== undefined) cell.formula = c.f;
          if (c.z !== undefined && c.z !== "General") cell.numberFormat = c.z;
          sheet.setCell(r, col, cell);
        });
      });
      sheet.merges = sg.merges.map((m) => ({ ...m }));
    });
    return model;
  }

  /**
   * Everything the document holds, as one string: two snapshots are equal exactly when nothing changed (cells,
   * merges, charts, widths, validations, names, settings, comments, sheets, selection). For "nothing changed"
   * assertions after a refusal.
   */
  snapshot(): string {
    return JSON.stringify({
      sheets: this.sheets.map((s) => ({
        name: s.name,
        id: s.id,
        visibility: s.visibility,
        protected: s.protected,
        cells: [...s.cells],
        merges: s.merges,
        charts: s.charts,
        frozenRows: s.frozenRows,
        columnWidths: [...s.columnWidths],
        validations: [...s.validations],
      })),
      settings: [...this.settings],
      comments: [...this.comments],
      names: this.names,
      selection: this.selection,
      activeSheet: this.activeSheet,
    });
  }

  /**
   * The engine's view: values, formulas and number formats of cells that hold a value or a formula (as
   * read-xlsx.ts reads a file), merges; sheets in tab order. Fills, links, charts, settings are left out.
   */
  toGrid(): WorkbookGrid {
    return { sheets: this.sheets.map(sheetToGrid) };
  }
}

function sheetToGrid(sheet: FakeSheet): SheetGrid {
  const keys: number[] = [];
  for (const [key, cell] of sheet.cells) if (cell.formula !== undefined || (cell.value !== null && cell.value !== "")) keys.push(key);
  keys.sort((a, b) => a - b);
  const cells: (Cell | undefined)[][] = [];
  for (const key of keys) {
    const c = sheet.cells.get(key);
    if (c === undefined) continue;
    const r = rowOfKey(key);
    const out: Cell = { v: c.formula !== undefined && c.value === null ? undefined : c.value };
    if (c.formula !== undefined) out.f = c.formula;
    if (c.numberFormat !== undefined && c.numberFormat !== "General") out.z = c.numberFormat;
    (cells[r] ??= [])[columnOfKey(key)] = out;
  }
  return { name: sheet.name, cells, merges: sheet.merges.map((m) => ({ ...m })) };
}

function hex12(n: number): string {
  return (n % 2 ** 48).toString(16).padStart(12, "0").toUpperCase();
}
