// Rules on single cells of a table's figures: Excel error values, malformed numbers, numbers stored as text, formulas without values,
// and per-source splits written inside an amount cell. Only cells the table uses as amounts (its additive value
// columns): a date, a range of years or a code in a label or note column is not a number and not an error.
import { a1, rangeA1 } from "../cells/grid";
import type { SheetView } from "../cells/sheet-view";
import type { FoundTable } from "../layout/detect-tables";
import type { Finding } from "./findings";
import { MSG } from "./messages";
import { splitFindings } from "./split-rule";
import { looksLikeFigure } from "../numbers/numbers";
import { errorValue } from "../cells/error-value";

export function cellFindings(view: SheetView, t: FoundTable): Finding[] {
  const out: Finding[] = [];
  const { model } = t;
  const base = { sheet: t.sheet, table: rangeA1(t.range), unit: t.unit };
  for (const row of model.rows) {
    if (!row.additive) continue;
    for (const col of model.cols) {
      if (!col.additive) continue;
      const a = model.amount(row.r, col.c);
      const cell = a1(row.r, col.c);
      const code = a.kind === "text" ? errorValue(a.text) : undefined;
      if (code !== undefined) {
        out.push({ ...base, rule: "error-value", severity: "error", cell, related: [], actual: code, message: MSG.errorValue(cell, code) });
      } else if (a.kind === "malformed") {
        if (!looksLikeFigure(a.text)) continue;
        out.push({ ...base, rule: "malformed-number", severity: "error", cell, related: [], actual: a.text, message: a.reason === "too-large" ? MSG.tooLarge(cell, a.text) : MSG.malformed(cell, a.text) });
      } else if (a.kind === "not-calculated" && !a.dependent) {
        out.push({ ...base, rule: "not-calculated", severity: "warning", cell, related: [], message: MSG.notCalculated(cell, a.formula) });
      } else if (a.kind === "amount") {
        if (a.asText) {
          const text = String(view.cell(row.r, col.c)?.v ?? "");
          out.push({ ...base, rule: "number-as-text", severity: "warning", cell, related: [], actual: text, message: MSG.numberAsText(cell, text) });
        }
        if (a.splits !== undefined) out.push(...splitFindings({ sheet: t.sheet, table: base.table, cell }, a.value, a.unit ?? t.unit, a.splits));
      }
    }
  }
  return out;
}
