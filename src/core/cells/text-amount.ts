// What text stands for where a table's figure belongs. Excel's SUM passes over text as if the cell were empty, so a
// total over "Zero" or a pasted "=HYPERLINK(…)" adds up in Excel while the figure is missing from it. The engine
// tells four kinds apart: an Excel error value, a mark for a figure nobody knows yet, a word that means none, and
// anything else, which is not an amount at all.
import { errorValue } from "./error-value";

export type TextAmount = "error" | "unknown" | "zero" | "formula" | "other";

/** The marks statistics tables use ("…", "n/a", "x") and the words officers write for an amount not settled yet. */
const UNKNOWN_MARK = /^\s*(…|\.{2,}|n\/?a|n\.a\.?|na|nd|\?+|x|tbd|미정|미확정|별도|추후|추후\s*결정|협의\s*중)\s*$/i;

/** A formula kept as text (pasted into a text cell, or typed after an apostrophe): "=HYPERLINK(…)", "=SUM(B2:B5)". */
const FORMULA_TEXT = /^\s*[=+]\s*(?:[A-Za-z_][A-Za-z0-9_.]*\s*\(|\$?[A-Za-z]{1,3}\$?\d)/;

/** Words that say there is no amount: read as 0, with a warning that the cell holds a word. */
const ZERO_WORD = /^\s*(없음|무|해당\s*없음|해당\s*사항\s*없음|zero|none|nil)\s*$/i;

export function textAmount(text: string): TextAmount {
  if (text.trim() === "") return "zero";
  if (errorValue(text) !== undefined) return "error";
  if (UNKNOWN_MARK.test(text)) return "unknown";
  if (ZERO_WORD.test(text)) return "zero";
  if (FORMULA_TEXT.test(text)) return "formula";
  return "other";
}
