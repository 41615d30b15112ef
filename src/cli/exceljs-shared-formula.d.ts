// exceljs's own shared-formula slide (what its Cell API applies to a shared formula's followers). The module
// ships without typings; this is its one export.
declare module "exceljs/lib/utils/shared-formula" {
  /** `formula` as written in `fromCell`, with its relative references moved as if copied to `toCell`. */
  export function slideFormula(formula: string, fromCell: string, toCell: string): string;
}
