// The broken and hostile workbooks of issue 12, generated: what `yesan check` meets in an office's folders (cut
// downloads, password-protected and .xls files, stray text) and what an attacker can send (zip bombs, XML that
// nests or repeats without end, addresses past Excel's last cell). Each case says what it must come to.
import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { deflateBomb, rawWorkbook, SHARED_STRINGS_REL, SHEET_REL } from "./hostile-zip";
import { NS, sheet, xlsx } from "./hand-xlsx";

export type Outcome =
  /** Exit 0: a table that adds up, however odd its surroundings. */
  | "clean"
  /** Exit 1 or 2, never 0: the file holds an error value, a wrong total or a figure it cannot state. */
  | "flagged"
  /** Exit 2: named as unreadable, with the reason. */
  | "unreadable"
  /** Any of 0, 1 or 2: it only has to end in time, with valid JSON and no stack trace. */
  | "any";

export interface HostileCase {
  file: string;
  what: string;
  expect: Outcome;
  /** What the English report must say of an unreadable file. */
  reason?: RegExp;
  bytes: () => Uint8Array;
}

type V = number | string | { f: string; v?: number } | { e: string } | { t: string } | null;

const colName = (c: number): string => {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function cellXml(r: number, c: number, v: V): string {
  const ref = `${colName(c)}${r + 1}`;
  if (v === null) return "";
  if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
  if (typeof v === "string") return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
  if ("e" in v) return `<c r="${ref}" t="e"><v>${v.e}</v></c>`;
  if ("t" in v) return `<c r="${ref}" t="inlineStr"><is><t>${esc(v.t)}</t></is></c>`;
  return `<c r="${ref}"><f>${esc(v.f)}</f>${v.v === undefined ? "" : `<v>${v.v}</v>`}</c>`;
}

/** Sheet XML of rows of values, starting at `top` (0-based). */
export function rowsXml(rows: V[][], top = 0): string {
  return rows.map((row, i) => `<row r="${top + i + 1}">${row.map((v, c) => cellXml(top + i, c, v)).join("")}</row>`).join("");
}

/** A program's funding table as plans print it: sources down, years across, 계 both ways (천원). */
export function fundingRows(parts: [string, number[]][] = [["국비", [100, 200, 300]], ["시비", [50, 60, 70]], ["구비", [10, 20, 30]]]): V[][] {
  const years = parts[0][1].length;
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const sums = Array.from({ length: years }, (_, y) => total(parts.map(([, xs]) => xs[y])));
  return [
    ["(단위 : 천원)"],
    ["재원별", ...Array.from({ length: years }, (_, y) => `${2021 + y}년`), "계"],
    ...parts.map(([name, xs]): V[] => [name, ...xs, total(xs)]),
    ["계", ...sums, total(sums)],
  ];
}

const one = (name: string, data: string, after = "", strings?: string): Uint8Array => xlsx({ sheets: [{ name, xml: sheet(data, after) }], strings });
const table = (rows: V[][], after = ""): Uint8Array => one("재원", rowsXml(rows), after);

/** A seeded generator, so a failing case is the same file on every run. */
function random(seed: number): (n: number) => Uint8Array {
  let s = seed >>> 0;
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      out[i] = s >>> 24;
    }
    return out;
  };
}

function withPart(bytes: Uint8Array, name: string, content: string | undefined): Uint8Array {
  const files = unzipSync(bytes);
  if (content === undefined) delete files[name];
  else files[name] = strToU8(content);
  return zipSync(files);
}

function replaced(rows: V[][], r: number, c: number, v: V): V[][] {
  return rows.map((row, i) => (i === r ? row.map((x, j) => (j === c ? v : x)) : row));
}

const SAMPLE = path.join(__dirname, "../../samples/2021-지역경제-15-도시형소공인.xlsx");
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A workbook whose single sheet part is `stored` as given, for the crafted zips. */
const bookAround = (entry: { stored: Uint8Array; size: number; method: number }, lieSize?: number): Uint8Array => rawWorkbook({ stored: entry.stored, method: entry.method, size: lieSize ?? entry.size, crc: 0 });

const GB = 1024 * 1024 * 1024;
const head = `<?xml version="1.0"?><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>계</t></is></c></row> `;

export function hostileCases(): HostileCase[] {
  const rnd = random(12);
  const good = fundingRows();
  const cases: HostileCase[] = [
    // Controls: the harness must tell a clean table from a wrong one.
    { file: "control-clean.xlsx", what: "a funding table that adds up", expect: "clean", bytes: () => table(good) },
    { file: "control-wrong-total.xlsx", what: "the same with one 계 off by 1,000", expect: "flagged", bytes: () => table(replaced(good, 5, 2, 1280)) },
    { file: "sample.xlsx", what: "the bundled sample workbook", expect: "clean", bytes: () => readFileSync(SAMPLE) },

    // Not a workbook at all.
    { file: "empty.xlsx", what: "0 bytes", expect: "unreadable", reason: /^It is not a readable \.xlsx file\.$/, bytes: () => new Uint8Array(0) },
    { file: "random.xlsx", what: "64 KB of random bytes", expect: "unreadable", bytes: () => rnd(65536) },
    { file: "random-pk.xlsx", what: "random bytes after a zip signature", expect: "unreadable", reason: /zip structure is damaged/, bytes: () => Uint8Array.from([0x50, 0x4b, 3, 4, ...rnd(4096)]) },
    { file: "csv.xlsx", what: "a CSV named .xlsx", expect: "unreadable", bytes: () => strToU8("재원별,2021년,계\n국비,100,100\n계,100,100\n") },
    { file: "html.xlsx", what: "an HTML error page saved as .xlsx", expect: "unreadable", bytes: () => strToU8("<!DOCTYPE html><html><body>404</body></html>") },
    { file: "truncated-half.xlsx", what: "the sample cut at half", expect: "unreadable", reason: /zip structure is damaged/, bytes: () => readFileSync(SAMPLE).subarray(0, Math.floor(readFileSync(SAMPLE).length / 2)) },
    { file: "truncated-end.xlsx", what: "the sample without its last 100 bytes (no central directory end)", expect: "unreadable", reason: /zip structure is damaged/, bytes: () => readFileSync(SAMPLE).subarray(0, readFileSync(SAMPLE).length - 100) },
    { file: "encrypted.xlsx", what: "a password-protected workbook (an OLE compound file)", expect: "unreadable", reason: /password-protected or a legacy \.xls/, bytes: () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...rnd(4088)]) },
    { file: "legacy.xls.xlsx", what: "a BIFF .xls renamed", expect: "unreadable", reason: /password-protected or a legacy \.xls/, bytes: () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0, ...new Uint8Array(496), 0x09, 0x08, 0x10, 0, 0, 6, 5, 0]) },
    { file: "zip-encrypted-entry.xlsx", what: "a zip whose sheet entry is marked encrypted", expect: "unreadable", reason: /sheet1\.xml cannot be read: it is encrypted inside the zip/, bytes: () => encryptedEntry() },
    { file: "zip-bzip2.xlsx", what: "a sheet compressed by a method .xlsx never uses (bzip2)", expect: "unreadable", reason: /method 12/, bytes: () => bookAround({ stored: rnd(300), size: 1000, method: 12 }) },

    // Bombs and sizes.
    { file: "bomb-1gb.xlsx", what: "6 MB whose sheet inflates to 1 GB, sizes declared", expect: "unreadable", reason: /sheet1\.xml is too large: 1,024 MB when expanded, over the limit of 256 MB/, bytes: () => bookAround({ ...deflateBomb(head, GB, "</sheetData></worksheet>"), method: 8 }) },
    { file: "bomb-lying-size.xlsx", what: "the same bomb declaring 4 KB", expect: "unreadable", reason: /expands past the size its header declares \(4,096 bytes\)/, bytes: () => bookAround({ ...deflateBomb(head, GB, "</sheetData></worksheet>"), method: 8 }, 4096) },
    { file: "bomb-ratio.xlsx", what: "20 MB of one row, 300 to 1", expect: "unreadable", reason: /sheet1\.xml is too large/, bytes: () => one("S", `<row><c t="inlineStr"><is><t>계</t></is></c></row>`.repeat(400_000)) },
    { file: "bomb-shared-strings.xlsx", what: "a shared-strings part inflating to 300 MB", expect: "unreadable", reason: /sharedStrings\.xml is too large: 300 MB/, bytes: () => bombStrings() },
    { file: "shared-strings-200k.xlsx", what: "200,000 distinct shared strings, a few used", expect: "any", bytes: () => one("S", `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>199999</v></c></row>`, "", Array.from({ length: 200_000 }, (_, i) => `<si><t>문자열 ${i} ${"가".repeat(20)}</t></si>`).join("")) },
    { file: "long-text.xlsx", what: "a 5 MB cell beside a table", expect: "clean", bytes: () => table([...good, [], ["비고", "가".repeat(5_000_000)]]) },
    { file: "sheets-10000.xlsx", what: "10,000 sheets of one cell", expect: "any", bytes: () => xlsx({ sheets: Array.from({ length: 10_000 }, (_, i) => ({ name: `S${i + 1}`, xml: sheet(`<row r="1"><c r="A1"><v>${i}</v></c></row>`) })) }) },
    { file: "corner-5-sheets.xlsx", what: "a cell at XFD1048576 on each of five sheets", expect: "any", bytes: () => xlsx({ sheets: Array.from({ length: 5 }, (_, i) => ({ name: `S${i}`, xml: sheet(`<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`) })) }) },
    { file: "corner-with-table.xlsx", what: "a funding table and a cell at XFD1048576", expect: "flagged", bytes: () => one("S", rowsXml(replaced(good, 3, 1, 999)) + `<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`) },
    { file: "rows-3000.xlsx", what: "국비/시비/계 repeated for 3,000 rows, numbers beside", expect: "any", bytes: () => repeated(3000) },
    { file: "rows-10000.xlsx", what: "국비/시비/계 repeated for 10,000 rows, numbers beside", expect: "any", bytes: () => repeated(10_000) },
    { file: "row-16384-cols.xlsx", what: "one row of 16,384 numbers", expect: "any", bytes: () => one("S", `<row r="1">${Array.from({ length: 16_384 }, (_, c) => `<c r="${colName(c)}1"><v>${c}</v></c>`).join("")}</row>`) },
    { file: "entries-20000.xlsx", what: "20,000 stray entries in the zip", expect: "clean", bytes: () => manyEntries(table(good), 20_000) },

    // Error values and figures that are not figures.
    ...["#REF!", "#N/A", "#DIV/0!", "#VALUE!", "#NAME?", "#NULL!", "#NUM!"].map((e, i): HostileCase => ({ file: `error-${i}.xlsx`, what: `${e} in a part`, expect: "flagged", bytes: () => table(replaced(good, 2 + (i % 3), 1 + (i % 3), { e })) })),
    { file: "error-grand-total.xlsx", what: "#N/A as the grand total", expect: "flagged", bytes: () => table(replaced(good, 5, 4, { e: "#N/A" })) },
    { file: "error-formula-total.xlsx", what: "a SUM over a #REF! part, cached as #REF!", expect: "flagged", bytes: () => table(replaced(replaced(good, 2, 1, { e: "#REF!" }), 5, 1, { f: "SUM(B3:B5)" })) },
    { file: "wrong-formula-cache.xlsx", what: "SUM formulas whose cached 계 disagrees with the parts", expect: "flagged", bytes: () => table(replaced(good.map((row, i) => (i === 5 ? row.map((v, c) => (c >= 1 && c <= 3 ? { f: `SUM(${colName(c)}3:${colName(c)}5)`, v: v as number } : v)) : row)), 5, 2, { f: "SUM(C3:C5)", v: 999 })) },
    { file: "wrong-row-total.xlsx", what: "a source's 계 across the years off", expect: "flagged", bytes: () => table(replaced(good, 3, 4, 181)) },
    { file: "text-formula.xlsx", what: "=HYPERLINK(…) kept as text in a part", expect: "flagged", bytes: () => table(replaced(good, 4, 2, '=HYPERLINK("http://x","20")')) },
    { file: "text-in-part.xlsx", what: "a word in a part", expect: "any", bytes: () => table(replaced(good, 4, 2, "Zero")) },
    { file: "beyond-2-53.xlsx", what: "a total of 9,007,199,254,740,993", expect: "flagged", bytes: () => one("재원", rowsXml(fundingRows([["국비", [9007199254740990, 3]], ["시비", [0, 0]]])).replace(/<v>9007199254740992<\/v>/g, "<v>9007199254740993</v>")) },
    { file: "nan.xlsx", what: "NaN stored as a number", expect: "flagged", bytes: () => one("S", rowsXml(good).replace("<v>100</v>", "<v>NaN</v>")) },
    { file: "inf.xlsx", what: "1e400 stored as a number", expect: "flagged", bytes: () => one("S", rowsXml(good).replace("<v>100</v>", "<v>1e400</v>")) },
    { file: "bad-number.xlsx", what: "a numeric cell holding abc", expect: "flagged", bytes: () => one("S", rowsXml(good).replace("<v>100</v>", "<v>abc</v>")) },
    { file: "shared-index-out.xlsx", what: "a shared-string index past the list", expect: "any", bytes: () => one("S", `<row r="1"><c r="A1" t="s"><v>99999</v></c><c r="B1" t="s"><v>-1</v></c><c r="C1" t="s"><v>1.5</v></c></row>`, "", "<si><t>a</t></si>") },
    { file: "odd-types.xlsx", what: "a boolean 2, a date that is no date, an unknown type", expect: "any", bytes: () => one("S", `<row r="1"><c r="A1" t="b"><v>2</v></c><c r="B1" t="d"><v>어제</v></c><c r="C1" t="zz"><v>1</v></c><c r="D1" t="e"><v>#WHAT?</v></c></row>`) },

    // Addresses and structure.
    { file: "row-huge.xlsx", what: "a row numbered 99999999999", expect: "unreadable", reason: /row 99999999999, past Excel\'s last row/, bytes: () => one("S", `<row r="1"><c r="A1"><v>1</v></c></row><row r="99999999999"><c><v>2</v></c></row>`) },
    { file: "row-zero.xlsx", what: "rows numbered 0 and -1", expect: "any", bytes: () => one("S", `<row r="0"><c><v>1</v></c></row><row r="-1"><c><v>2</v></c></row>`) },
    { file: "lowercase-refs.xlsx", what: "cell references in lower case", expect: "any", bytes: () => one("S", rowsXml(good).replace(/r="([A-Z]+)(\d+)"/g, (_, c: string, r: string) => `r="${c.toLowerCase()}${r}"`)) },
    { file: "digit-refs.xlsx", what: "cell references of digits only", expect: "any", bytes: () => one("S", rowsXml(good).replace(/<c r="[A-Z]+(\d+)"/g, '<c r="$1"')) },
    { file: "col-past-xfd.xlsx", what: "a cell in column XFE", expect: "unreadable", reason: /column 16385/, bytes: () => one("S", `<row r="1"><c r="XFE1"><v>1</v></c></row>`) },
    { file: "merge-overlap.xlsx", what: "two merges over one cell, the table beneath", expect: "any", bytes: () => table(good, `<mergeCells count="2"><mergeCell ref="B3:C4"/><mergeCell ref="C4:D5"/></mergeCells>`) },
    { file: "merge-invalid.xlsx", what: "merges ZZZZ:1, A0:B2 and B2:A1", expect: "any", bytes: () => table(good, `<mergeCells count="3"><mergeCell ref="ZZZZ:1"/><mergeCell ref="A0:B2"/><mergeCell ref="B2:A1"/></mergeCells>`) },
    { file: "merge-whole-sheet.xlsx", what: "one merge over the whole sheet", expect: "any", bytes: () => table(good, `<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>`) },
    { file: "merges-20000.xlsx", what: "20,000 merges", expect: "any", bytes: () => table(good, `<mergeCells>${Array.from({ length: 20_000 }, (_, i) => `<mergeCell ref="H${i * 2 + 1}:I${i * 2 + 2}"/>`).join("")}</mergeCells>`) },
    { file: "no-sheets.xlsx", what: "a workbook listing no sheet", expect: "unreadable", reason: /lists no sheets/, bytes: () => xlsx({ sheets: [] }) },
    { file: "empty-sheet.xlsx", what: "a sheet with no rows", expect: "clean", bytes: () => one("S", "") },
    { file: "chartsheet-only.xlsx", what: "a chart sheet and nothing else", expect: "clean", bytes: () => xlsx({ sheets: [{ name: "차트", xml: `<chartsheet ${NS}/>`, kind: "chartsheet" }] }) },
    { file: "missing-workbook.xlsx", what: "a zip without xl/workbook.xml", expect: "unreadable", reason: /no workbook part \(xl\/workbook\.xml\)/, bytes: () => withPart(table(good), "xl/workbook.xml", undefined) },
    { file: "missing-sheet-part.xlsx", what: "a sheet listed whose part is missing", expect: "unreadable", reason: /\(xl\/worksheets\/sheet1\.xml\) is missing/, bytes: () => withPart(table(good), "xl/worksheets/sheet1.xml", undefined) },
    { file: "missing-rels.xlsx", what: "a zip without _rels/.rels", expect: "clean", bytes: () => withPart(table(good), "_rels/.rels", undefined) },
    { file: "bad-xml-sheet.xlsx", what: "a sheet whose XML stops mid-tag", expect: "unreadable", reason: /sheet1\.xml cannot be read: its XML is incomplete/, bytes: () => withPart(table(good), "xl/worksheets/sheet1.xml", `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v`) },
    { file: "bad-xml-workbook.xlsx", what: "a workbook.xml that is not XML", expect: "unreadable", reason: /lists no sheets/, bytes: () => withPart(table(good), "xl/workbook.xml", "{\"sheets\": []}") },
    { file: "doctype-laughs.xlsx", what: "a billion laughs in the shared strings", expect: "clean", bytes: () => laughs(table(good)) },
    { file: "doctype-external.xlsx", what: "an external entity naming /etc/passwd", expect: "any", bytes: () => withPart(one("S", `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, "", "<si><t>x</t></si>"), "xl/sharedStrings.xml", `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]><sst ${NS}><si><t>&x;</t></si></sst>`) },
    { file: "deep-nesting.xlsx", what: "200,000 nested elements in a cell", expect: "any", bytes: () => one("S", `<row r="1"><c r="A1" t="inlineStr"><is>${"<r>".repeat(200_000)}<t>x</t>${"</r>".repeat(200_000)}</is></c></row>`) },
    { file: "many-attributes.xlsx", what: "a cell with 100,000 attributes", expect: "any", bytes: () => one("S", `<row r="1"><c r="A1" ${Array.from({ length: 100_000 }, (_, i) => `a${i}="1"`).join(" ")}><v>1</v></c></row>`) },
    { file: "huge-attribute.xlsx", what: "a 10 MB attribute value", expect: "any", bytes: () => one("S", `<row r="1" spans="${"1".repeat(10_000_000)}"><c r="A1"><v>1</v></c></row>`) },
    { file: "nul-bytes.xlsx", what: "NUL bytes and _x0000_ in the XML", expect: "any", bytes: () => one("S", `<row r="1"><c r="A1" t="inlineStr"><is><t>a\u0000b_x0000_c</t></is></c></row>`) },
    { file: "utf16.xlsx", what: "a sheet part in UTF-16 with a BOM", expect: "clean", bytes: () => withPartBytes(table(good), "xl/worksheets/sheet1.xml", Buffer.from(`\ufeff${sheet(rowsXml(good))}`, "utf16le")) },
    { file: "control-chars.xlsx", what: "a label with a newline and terminal escapes", expect: "clean", bytes: () => table(replaced(good, 3, 0, "시비\n요약: 파일 1개 — 오류 0\u001b[2K")) },
    { file: "path-traversal.xlsx", what: "parts named ../../evil and /etc/passwd, rels pointing there", expect: "unreadable", reason: /\(evil\.xml\) is missing/, bytes: () => traversal() },
    { file: "external-target.xlsx", what: "a sheet relationship to an https URL", expect: "unreadable", reason: /points at no part of the file/, bytes: () => withPart(table(good), "xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="https://example.invalid/x.xml" TargetMode="External"/></Relationships>`) },
    { file: "self-target.xlsx", what: "the sheet relationship naming workbook.xml itself", expect: "unreadable", reason: /workbook\.xml cannot be read: its XML is incomplete/, bytes: () => withPart(table(good), "xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="workbook.xml"/></Relationships>`) },
    { file: "duplicate-names.xlsx", what: "two sheets of one name", expect: "flagged", bytes: () => xlsx({ sheets: [{ name: "재원", xml: sheet(rowsXml(good)) }, { name: "재원", xml: sheet(rowsXml(replaced(good, 2, 1, 101))) }] }) },
    { file: "long-sheet-name.xlsx", what: "a sheet name of 5,000 characters with control characters", expect: "clean", bytes: () => xlsx({ sheets: [{ name: `${"가".repeat(5000)}&#27;[2K`, xml: sheet(rowsXml(good)) }] }) },
    { file: "bad-styles.xlsx", what: "style indexes past the list, a numFmt of 10,000 characters", expect: "clean", bytes: () => xlsx({ sheets: [{ name: "S", xml: sheet(rowsXml(good).replace(/<c r="B3"/, '<c r="B3" s="99999"').replace(/<c r="C3"/, '<c r="C3" s="-1"')) }], styles: `<numFmts count="1"><numFmt numFmtId="200" formatCode="${"0".repeat(10_000)}"/></numFmts><cellXfs count="1"><xf numFmtId="200"/></cellXfs>` }) },
    { file: "shared-formula-broken.xlsx", what: "shared formulas with no master, a ref past the sheet, a formula of 100,000 characters", expect: "any", bytes: () => one("S", `<row r="1"><c r="A1"><f t="shared" si="7"/><v>1</v></c><c r="B1"><f t="shared" ref="B1:XFD1048576" si="1">A1+1</f><v>2</v></c><c r="C1"><f>${"1+".repeat(50_000)}1</f><v>50001</v></c></row>`) },
    { file: "date-huge.xlsx", what: "a date cell of serial 1e15", expect: "any", bytes: () => xlsx({ sheets: [{ name: "S", xml: sheet(`<row r="1"><c r="A1" s="0"><v>1e15</v></c></row>`) }], styles: `<cellXfs count="1"><xf numFmtId="14"/></cellXfs>` }) },
  ];
  return cases;
}

function repeated(rows: number): Uint8Array {
  const labels = ["국비", "시비", "계"];
  const data: V[][] = Array.from({ length: rows }, (_, i) => [labels[i % 3], (i % 3) + 1, (i % 7) + 2]);
  return table(data);
}

function manyEntries(bytes: Uint8Array, n: number): Uint8Array {
  const files = unzipSync(bytes);
  for (let i = 0; i < n; i++) files[`customXml/item${i}.xml`] = strToU8("<x/>");
  return zipSync(files, { level: 0 });
}

function withPartBytes(bytes: Uint8Array, name: string, content: Uint8Array): Uint8Array {
  return zipSync({ ...unzipSync(bytes), [name]: content });
}

function encryptedEntry(): Uint8Array {
  return rawWorkbook({ stored: random(3)(500), method: 8, size: 2000, flags: 1 });
}

function bombStrings(): Uint8Array {
  const strings = deflateBomb(`<?xml version="1.0"?><sst ${NS}><si><t>계</t></si> `, 300 * 1024 * 1024, "</sst>");
  return rawWorkbook(
    { stored: strToU8(sheet(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`)) },
    { sheetRels: SHEET_REL("worksheets/sheet1.xml") + SHARED_STRINGS_REL, extra: [{ name: "xl/sharedStrings.xml", stored: strings.stored, method: 8, size: strings.size, crc: 0 }] },
  );
}

function laughs(bytes: Uint8Array): Uint8Array {
  const ents = ['<!ENTITY l0 "하하">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`)].join("");
  const withStrings = withPart(bytes, "xl/sharedStrings.xml", `<?xml version="1.0"?><!DOCTYPE sst [${ents}]><sst ${NS}><si><t>&l9;</t></si></sst>`);
  const files = unzipSync(withStrings);
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"]).replace("</Relationships>", `<Relationship Id="rS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
  files["xl/_rels/workbook.xml.rels"] = strToU8(rels);
  files["xl/worksheets/sheet1.xml"] = strToU8(sheet(rowsXml(fundingRows()) + `<row r="20"><c r="A20" t="s"><v>0</v></c></row>`));
  return zipSync(files);
}

function traversal(): Uint8Array {
  const good = table(fundingRows());
  const files = unzipSync(good);
  files["../../evil.xml"] = strToU8(sheet(rowsXml([["계", 1]])));
  files["/etc/passwd"] = strToU8("root:x:0:0");
  files["xl/_rels/workbook.xml.rels"] = strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="../../../evil.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="/etc/passwd"/></Relationships>`);
  return zipSync(files);
}
