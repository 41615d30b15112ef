// The fill: funding tables filled from pasted text, CSV, JSON or last year's sheet (issue 4).
export type { Origin, FillValue, FundingValue, FundingColumn, FundingLine, FundingRow, FundingInput, FillProblem, FillProblemCode, FundingParse } from "./types";
export { parseFundingText } from "./paste";
export { parseFundingCsv, readCsv, type CsvField } from "./csv";
export { parseFundingJson, readFundingJson, FundingBySourceSchema, FundingRowsSchema, type FundingBySourceJson, type FundingRowsJson } from "./json";
export { rollForward } from "./roll-forward";
export { planFill, type FillPlan, type FillPreview, type PreviewLine } from "./plan-fill";
export { planBookFill, isBookPage, basisFigures, bookFromText, PASTED_BOOK } from "./book-fill";
export { findFundingTarget, type FundingTarget, type TargetCell } from "./target";
export { checkTotals } from "./totals";
export { FILL_MSG, where } from "./messages";
