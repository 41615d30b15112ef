// Text where a confirmed sum takes a figure. Excel's SUM passes over text, so a total over a pasted "=HYPERLINK(…)"
// agrees with Excel while the figure it was to compute is missing: an error, and the sums over it are not checked.
// Other text among stored numbers ("abc") is counted as 0, as Excel counts it, and named with a warning: in real
// tables such text is mostly a note ("consolidated into line 8"), and calling it an error would claim a mistake
// nobody made. Where a line's amounts are typed as text ("4,800천원 (구비)" beside "공모사업 (시비)") a note is that
// line's notation: no finding. A word for none ("없음", "Zero", Baltimore's notation for hundreds of cells) is read
// as 0 without a word, as a dash is. Only cells a confirmed reading adds are looked at: text in a list, a note column or a table whose
// sums nobody confirmed is no claim about anyone's work.
import { a1 } from "../cells/grid";
import { textAmount } from "../cells/text-amount";
import type { LineDecision } from "../evidence/decide";
import { cellOf, checkable, STATE } from "../evidence/instances";
import type { TableModel } from "../layout/table-model";
import type { TableValues } from "../evidence/values";
import type { Finding } from "./findings";
import { MSG } from "./messages";

type Base = Pick<Finding, "sheet" | "table" | "unit">;

/** Long text is cut in the message: the cell is named, and its whole text is in Excel. */
const SHOWN = 40;
const shown = (text: string): string => {
  const t = text.trim();
  return t.length > SHOWN ? `${t.slice(0, SHOWN)}…` : t;
};

export function textFindings(model: TableModel, values: TableValues, decisions: LineDecision[], base: Base): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<number>();
  for (const d of decisions) {
    const { line, chosen } = d;
    d.instances.forEach((inst, i) => {
      const state = chosen.states[i];
      // A formula kept as text voids the instance (unknown); other text counts as 0 in one that is checked.
      if (state !== STATE.unknown && !checkable(state)) return;
      const total = cellOf(line.axis, inst, line.total);
      for (const p of chosen.candidate.parts) {
        const q = cellOf(line.axis, inst, p.at);
        const key = q.r * 16384 + q.c;
        if (seen.has(key)) continue;
        const a = model.amount(q.r, q.c);
        if (a.kind !== "text") continue;
        const kind = textAmount(a.text);
        const cell = a1(q.r, q.c);
        const at = a1(total.r, total.c);
        if (kind === "formula" && state === STATE.unknown && model.amount(total.r, total.c).kind === "amount") {
          // A formula kept as text: the figure it was to compute is missing, and the sums over it are not checked.
          seen.add(key);
          out.push({ ...base, rule: "text-amount", severity: "error", cell, related: [at], actual: a.text, message: MSG.formulaAsText(cell, shown(a.text), at) });
        } else if (kind === "other" && checkable(state) && !values.prose(q.r, q.c)) {
          // Among stored numbers (where amounts are typed as text, a note is that line's notation).
          seen.add(key);
          out.push({ ...base, rule: "text-amount", severity: "warning", cell, related: [at], actual: a.text, message: MSG.textAmount(cell, shown(a.text), at) });
        }
      }
    });
  }
  return out;
}
