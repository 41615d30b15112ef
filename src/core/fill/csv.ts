// CSV files (Excel's "CSV UTF-8", exports of other systems) read into the same cell grid as a tab-separated paste.
//
// Why a small hand-written RFC 4180 reader and not papaparse: papaparse is well kept, but what it would do for us
// is ~60 lines here, and it would be a new dependency in the add-in bundle for that. More to the point, the fill
// must name the physical line and the field of every value it reports (a quoted field may span lines), and must
// report a broken quote rather than silently re-synchronise, as papaparse's lenient mode does; with papaparse we
// would still post-process its errors and rows into origins. Decoding bytes (UTF-8, or CP949 from older Korean
// Excel) is the caller's job: the core takes a string.
import { FILL_MSG, where } from "./messages";
import { readFundingCells, type CellGrid, type TextCell } from "./read-cells";
import type { FillProblem, FundingParse } from "./types";

export interface CsvField {
  text: string;
  /** 1-based record and field numbers, and the 1-based line the field starts on. */
  row: number;
  col: number;
  line: number;
  /** Whether the field was quoted ("1,234"). */
  quoted: boolean;
}

/**
 * RFC 4180: fields separated by `delimiter`, records by CRLF (LF or CR alone accepted too); a field in double
 * quotes may hold the delimiter, line breaks and "" for a quote. A leading BOM is dropped. Lenient where the
 * meaning is plain (a quote inside an unquoted field is kept as a character), but every deviation is reported.
 */
export function readCsv(text: string, delimiter = ","): { records: CsvField[][]; problems: FillProblem[] } {
  const s = text.replace(/^\uFEFF/, "");
  const records: CsvField[][] = [];
  const problems: FillProblem[] = [];
  let record: CsvField[] = [];
  let line = 1;
  let i = 0;
  const n = s.length;
  const isBreak = (k: number): number => (s[k] === "\r" && s[k + 1] === "\n" ? 2 : s[k] === "\n" || s[k] === "\r" ? 1 : 0);
  const stray = (at: Omit<CsvField, "text" | "quoted">): void => {
    const origin = { kind: "csv" as const, row: at.row, col: at.col, line: at.line };
    problems.push({ code: "csv-syntax", severity: "warning", origin, message: FILL_MSG.csvStrayQuote(where(origin)) });
  };
  while (i <= n) {
    const at = { row: records.length + 1, col: record.length + 1, line };
    let value = "";
    let quoted = false;
    if (s[i] === '"') {
      quoted = true;
      i++;
      let closed = false;
      while (i < n) {
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        const br = isBreak(i);
        if (br > 0) line++;
        value += s.slice(i, i + Math.max(br, 1));
        i += Math.max(br, 1);
      }
      if (!closed) {
        const origin = { kind: "csv" as const, ...at };
        problems.push({ code: "csv-syntax", severity: "error", origin, message: FILL_MSG.csvUnterminated(where(origin)) });
      }
      // Text after the closing quote ("12"3): kept, and reported.
      let tail = "";
      while (i < n && s[i] !== delimiter && isBreak(i) === 0) tail += s[i++];
      if (tail !== "") {
        stray(at);
        value += tail;
      }
    } else {
      while (i < n && s[i] !== delimiter && isBreak(i) === 0) value += s[i++];
      if (value.includes('"')) stray(at);
    }
    record.push({ text: value, ...at, quoted });
    if (i < n && s[i] === delimiter) {
      i++;
      continue;
    }
    const br = i < n ? isBreak(i) : 0;
    // The end of a record (or of the text). A final line break does not start an empty record.
    records.push(record);
    record = [];
    if (br === 0) break;
    i += br;
    line++;
    if (i >= n) break;
  }
  return { records, problems };
}

/** Reads a funding table from CSV text (same layout as a paste: header rows, year row, source rows). */
export function parseFundingCsv(text: string, delimiter = ","): FundingParse {
  const { records, problems } = readCsv(text, delimiter);
  const grid: CellGrid = records.map((rec, r) =>
    rec.map((f): TextCell => ({ text: f.text, origin: { kind: "csv", row: f.row, col: f.col, line: f.line }, row: r })),
  );
  // A loop, not Math.max(...): tens of thousands of records would overflow the stack as arguments.
  const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
  grid.forEach((row, r) => {
    const line = records[r][0]?.line ?? 1;
    while (row.length < width) row.push({ text: "", origin: { kind: "csv", row: r + 1, col: row.length + 1, line }, row: r });
  });
  const parsed = readFundingCells(grid);
  return { input: parsed.input, problems: [...problems, ...parsed.problems] };
}
