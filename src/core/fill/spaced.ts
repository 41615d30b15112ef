// Space-separated funding tables (text copied out of a PDF, or retyped). Two things make them ambiguous:
// - labels are spaced out for layout ("합 계", "국 비", "재 원 별"), so a label may be several tokens; the label of
//   a row is found as a run of up to four tokens that reads as a source or total once the spaces are gone;
// - a blank cell leaves no trace ("국비 120,000 120,000" under four years): a row with fewer values than the table
//   has columns cannot be placed, and is reported instead of guessed. A "-" in a blank cell makes it readable.
// Year columns with several sub-columns (확보액/집행액) are inferred from the count: every full row has
// (합계 columns + years) × k values for one k.
import { classifyCleaned } from "../layout/labels";
import { findUnitLabel } from "../numbers/unit-label";
import type { LabelClass } from "../layout/labels";
import type { Unit } from "../numbers/units";
import { asRowLabel, InputAssembly } from "./assemble";
import { FILL_MSG, where } from "./messages";
import type { FillProblemCode, FundingColumn, FundingParse, FundingValue, Origin } from "./types";
import { readUnnamedYear, unitLine, type AmountRow, type UnitLine } from "./unnamed-year";
import { amountish } from "./values";

interface Token {
  text: string;
  /** 1-based character column. */
  column: number;
}

function tokens(line: string): Token[] {
  const out: Token[] = [];
  // "△ 527": a minus triangle set apart from its figure (as 한글 often spaces it) belongs to it.
  for (const m of line.matchAll(/(?:[△▲]\s+(?=[\d０-９]))?\S+/g)) out.push({ text: m[0].replace(/^([△▲])\s+/, "$1"), column: (m.index ?? 0) + 1 });
  return out;
}

const cls = (text: string): LabelClass | undefined => classifyCleaned(text);

/** The source or total label among the tokens: the last run of one to four tokens that reads as one. */
function findLabel(ts: Token[]): { cls: LabelClass; text: string; at: Token } | undefined {
  for (let end = ts.length; end > 0; end--) {
    for (let size = 1; size <= Math.min(4, end); size++) {
      const run = ts.slice(end - size, end);
      const text = run.map((t) => t.text).join(" ");
      const k = cls(text);
      if (k !== undefined && (k.kind === "source" || k.kind === "total")) return { cls: k, text, at: run[0] };
    }
  }
  return undefined;
}

interface DataLine {
  index: number;
  label: Token[];
  values: Token[];
}

/** A line of the table body: label tokens, then a run of amounts (what follows, e.g. a 비고 note, is dropped). */
function dataLine(line: string, index: number): DataLine | undefined {
  const ts = tokens(line);
  const first = ts.findIndex((t) => amountish(t.text, true));
  // A line that is nothing but a source label is a row with every cell blank: nothing to place, nothing lost.
  if (first < 0 && ts.length > 0 && ts.length <= 4 && findLabel(ts)?.cls.kind === "source" && findLabel(ts)?.text === ts.map((t) => t.text).join(" ")) {
    return { index, label: ts, values: [] };
  }
  if (first <= 0) return undefined;
  let end = first;
  while (end < ts.length && amountish(ts[end].text, true)) end++;
  const label = ts.slice(0, first);
  if (label.some((t) => cls(t.text)?.kind === "year")) return undefined;
  return { index, label, values: ts.slice(first, end) };
}

function isYearLine(ts: Token[]): boolean {
  // "국비 2021" is a line of one year's amounts whose figure looks like a year: a line led by a source or 계 label
  // ("국 비" may take several tokens) is never the year header.
  for (let size = 1; size <= Math.min(4, ts.length); size++) {
    const k = cls(ts.slice(0, size).map((t) => t.text).join(" "));
    if (k?.kind === "source" || k?.kind === "total") return false;
  }
  return ts.some((t) => cls(t.text)?.kind === "year") && !ts.some((t) => amountish(t.text));
}

function hasTotalLabel(ts: Token[]): boolean {
  for (let i = 0; i < ts.length; i++) {
    for (let size = 1; size <= 4 && i + size <= ts.length; size++) {
      if (cls(ts.slice(i, i + size).map((t) => t.text).join(" "))?.kind === "total") return true;
    }
  }
  return false;
}

/**
 * Lines of a source (or 계) label and one amount, and nothing else but a unit line above them: one year's amounts,
 * the year not named. Undefined when any line is something else (a year, a second amount, a word that is no source).
 */
function readUnnamedYearLines(lines: string[]): FundingParse | undefined {
  const rows: AmountRow[] = [];
  const units: UnitLine[] = [];
  const origin = (li: number, t: Token): Origin => ({ kind: "text", line: li + 1, column: t.column });
  for (const [i, line] of lines.entries()) {
    const ts = tokens(line);
    if (ts.length === 0) continue;
    const unit = rows.length === 0 ? unitLine(line) : undefined;
    if (unit !== undefined) {
      units.push({ unit, origin: origin(i, ts[0]) });
      continue;
    }
    const last = ts[ts.length - 1];
    const amount = ts.length > 1 && amountish(last.text, true) ? last : undefined;
    const labelTokens = amount === undefined ? ts : ts.slice(0, -1);
    const found = findLabel(labelTokens);
    const label = asRowLabel(found?.cls);
    // The label must be all there is before the amount: "국비 1,000 천원 지원" is a sentence, not a row.
    if (found === undefined || label === undefined || found.text !== labelTokens.map((t) => t.text).join(" ")) return undefined;
    const at = origin(i, found.at);
    rows.push({ label, text: found.text, origin: at, amount: amount === undefined ? { text: "", origin: at } : { text: amount.text, origin: origin(i, amount) } });
  }
  return readUnnamedYear(rows, units);
}

/** A row whose values cannot be placed is reported as that; no further "no source rows" on top of it. */
const EXPLAINED: ReadonlySet<FillProblemCode> = new Set<FillProblemCode>(["ambiguous-row"]);

export function readSpacedText(lines: string[]): FundingParse {
  const noTable = (): FundingParse => ({ input: { years: [], columns: [], rows: [] }, problems: [{ code: "no-table", severity: "error", message: FILL_MSG.noTable() }] });
  const toks = lines.map(tokens);
  // The year line: the first one with a labelled data line within the next three lines.
  let yearLine = -1;
  for (let i = 0; i < lines.length && yearLine < 0; i++) {
    if (!isYearLine(toks[i])) continue;
    for (let k = i + 1; k <= Math.min(i + 3, lines.length - 1); k++) {
      const d = dataLine(lines[k], k);
      if (d !== undefined && findLabel(d.label) !== undefined) {
        yearLine = i;
        break;
      }
    }
  }
  if (yearLine < 0) return readUnnamedYearLines(lines) ?? noTable();
  const years = toks[yearLine].map((t) => cls(t.text)).flatMap((k) => (k?.kind === "year" ? [k.year] : []));
  const headerLines: number[] = [];
  for (let i = yearLine - 1; i >= 0 && headerLines.length < 3; i--) {
    if (toks[i].length < 2 || toks[i].some((t) => amountish(t.text)) || findUnitLabel(lines[i]) !== undefined) break;
    headerLines.unshift(i);
  }
  const T = [...headerLines, yearLine].some((i) => hasTotalLabel(toks[i])) ? 1 : 0;
  // 합계 usually leads ("재원별 합계 2020년 …"); on the year line after the years it trails ("구분 2020년 2021년 합계").
  const lastYearAt = toks[yearLine].map((t) => cls(t.text)?.kind).lastIndexOf("year");
  const totalsLast = T === 1 && hasTotalLabel(toks[yearLine].slice(lastYearAt + 1));

  // Body: data lines after the year line (a line of sub-column labels may come first).
  const body: DataLine[] = [];
  let i = yearLine + 1;
  if (i < lines.length && toks[i].length > 0 && dataLine(lines[i], i) === undefined) i++; // 확보액 집행액 …
  for (; i < lines.length; i++) {
    if (toks[i].length === 0) {
      if (i + 1 < lines.length && dataLine(lines[i + 1], i + 1) !== undefined) continue;
      break;
    }
    const d = dataLine(lines[i], i);
    if (d === undefined) break;
    body.push(d);
  }
  // Sub-columns per year, from the rows' value counts (the 계 row first: it is the one row never left blank).
  const per = T + years.length;
  const counts = body.map((d) => d.values.length).filter((n) => n % per === 0 && n > 0);
  const totalLine = body.find((d) => findLabel(d.label)?.cls.kind === "total");
  const subs =
    totalLine !== undefined && totalLine.values.length % per === 0 && totalLine.values.length > 0
      ? totalLine.values.length / per
      : counts.length > 0
        ? mostCommon(counts) / per
        : 1;
  const columns: FundingColumn[] = years.flatMap((year) => Array.from({ length: subs }, (_, sub) => ({ year, sub })));
  const origin = (li: number, t: Token): Origin => ({ kind: "text", line: li + 1, column: t.column });
  const assembly = new InputAssembly();

  for (const d of body) {
    const label = findLabel(d.label);
    const labelText = d.label.map((t) => t.text).join(" ");
    const rowOrigin = origin(d.index, label?.at ?? d.label[0]);
    const kind = asRowLabel(label?.cls);
    if (label === undefined || kind === undefined) {
      assembly.unknownSource(rowOrigin, labelText);
      continue;
    }
    if (d.values.length === 0) {
      const blank = (): FundingValue => ({ value: { kind: "empty", dash: false }, text: "", origin: rowOrigin });
      if (kind.kind === "source") assembly.addBlank(kind.source, { label: label.text, origin: rowOrigin, totals: Array.from({ length: T * subs }, blank), values: columns.map(blank) });
      continue;
    }
    if (d.values.length !== per * subs) {
      assembly.problems.push({ code: "ambiguous-row", severity: "error", origin: rowOrigin, message: FILL_MSG.ambiguousRow(where(rowOrigin), label.text, d.values.length, per * subs) });
      continue;
    }
    const read = (t: Token): FundingValue => assembly.value(t.text, origin(d.index, t));
    assembly.add(kind, {
      label: label.text,
      origin: rowOrigin,
      totals: (totalsLast ? d.values.slice(years.length * subs) : d.values.slice(0, T * subs)).map(read),
      values: (totalsLast ? d.values.slice(0, years.length * subs) : d.values.slice(T * subs)).map(read),
    });
  }

  // The unit: a header token ("합계(천원)"), else the nearest unit line above the table ("(단위 : 천원)").
  let unit: Unit | undefined;
  for (const j of [...headerLines, yearLine]) unit ??= toks[j].map((t) => findUnitLabel(t.text)).find((u) => u !== undefined);
  const top = headerLines[0] ?? yearLine;
  for (let j = top - 1; j >= Math.max(0, top - 4); j--) {
    const above = findUnitLabel(lines[j]);
    if (above === undefined) continue;
    if (unit === undefined) unit = above;
    else if (above !== unit) {
      const o: Origin = { kind: "text", line: j + 1, column: 1 };
      assembly.problems.push({ code: "unit-conflict", severity: "warning", origin: o, message: FILL_MSG.unitConflict(where(o), unit, above) });
    }
    break;
  }
  return assembly.finish({ ...(unit === undefined ? {} : { unit }), columns }, EXPLAINED);
}

function mostCommon(xs: number[]): number {
  const n = new Map<number, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
}
