// Row and column labels of budget tables. Officers space letters out for layout ("합 계", "재 원 별")
// and mix full-width forms, so labels are compared after normalisation, and only as whole labels:
// "계속" is not "계", and "시비 보조금 교부" is a sentence, not the 시비 row.

export type SourceKey = "national" | "city" | "province" | "district" | "county" | "fund" | "private" | "own";

export type LabelClass =
  | { kind: "total"; level: "grand" | "sub" }
  | { kind: "source"; source: SourceKey }
  | { kind: "year"; year: number }
  | { kind: "need" }
  | { kind: "secured" }
  | { kind: "gap" }
  | { kind: "header" }
  | { kind: "remark" };

export const SOURCE_NAMES: Record<SourceKey, { ko: string; en: string }> = {
  national: { ko: "국비", en: "National" },
  city: { ko: "시비", en: "City" },
  province: { ko: "도비", en: "Province" },
  district: { ko: "구비", en: "District" },
  county: { ko: "군비", en: "County" },
  fund: { ko: "기금", en: "Fund" },
  private: { ko: "민간", en: "Private" },
  own: { ko: "자체", en: "Own" },
};

/** Whitespace (also zero-width) removed, NFKC (full-width to ASCII), Latin lower-cased. */
export function normalizeLabel(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, "")
    .toLowerCase();
}

// Keys are normalised labels.
const SOURCE_LABELS: Readonly<Record<string, SourceKey>> = {
  국비: "national",
  국고: "national",
  시비: "city",
  도비: "province",
  구비: "district",
  군비: "county",
  기금: "fund",
  민간: "private",
  민간자본: "private",
  자체: "own",
  자부담: "own",
  자체부담: "own",
  자체재원: "own",
  national: "national",
  city: "city",
  province: "province",
  district: "district",
  county: "county",
  fund: "fund",
  private: "private",
  own: "own",
};

// Headlines abbreviate sources to one syllable: "(국 1,174, 시 1,785, 구 388)".
const SOURCE_ABBREVS: Readonly<Record<string, SourceKey>> = {
  국: "national",
  시: "city",
  도: "province",
  구: "district",
  군: "county",
  민: "private",
};

const TOTALS: Readonly<Record<string, "grand" | "sub">> = {
  계: "grand",
  합계: "grand",
  총계: "grand",
  총합계: "grand",
  total: "grand",
  grandtotal: "grand",
  sum: "grand",
  소계: "sub",
  subtotal: "sub",
  "sub-total": "sub",
};

const REMARKS = new Set(["비고", "remark", "remarks", "note", "notes"]);
const NEEDS = new Set(["건립비", "사업비", "총사업비", "소요액", "소요예산", "필요액", "투자수요"]);
const SECURED = new Set(["확보금액", "확보액", "기확보", "기확보액"]);
const GAPS = new Set(["미확보금액", "미확보액", "부족액", "부족금액"]);
const HEADERS = new Set(["구분", "재원별", "사업명", "세부사업명", "항목", "내역"]);

export function classifyLabel(text: string): LabelClass | undefined {
  const n = normalizeLabel(text);
  if (n === "") return undefined;
  // Remarks before headers: 비고 is a header word too, but its column holds notes, not amounts.
  if (REMARKS.has(n)) return { kind: "remark" };
  const total = TOTALS[n];
  if (total !== undefined) return { kind: "total", level: total };
  const source = SOURCE_LABELS[n];
  if (source !== undefined) return { kind: "source", source };
  const year = yearOf(n);
  if (year !== undefined) return { kind: "year", year };
  if (NEEDS.has(n)) return { kind: "need" };
  if (SECURED.has(n)) return { kind: "secured" };
  if (GAPS.has(n)) return { kind: "gap" };
  if (HEADERS.has(n)) return { kind: "header" };
  return undefined;
}

// Totals named with more words: "Total Current Assets", "Year Total for 2024", "SUBTOTAL SPECIAL", "Total 67",
// "Totals", "Total général", "Sous-total", "사업비 합계", "합계 금액". Whole words only ("totally", "회계", "계속" are
// not totals), never a sentence or a share ("% of Total", "Cereal consumption (60% of total)") and never 누계, a
// running total that does not add the lines beside it.
const TOTAL_WORD_EN = /(?:^|[^\p{L}])(grand[\s-]*)?(sub[\s-]*|sous[\s-]*)?(?:totale?s?|tot\.)(?=$|[^\p{L}])/iu;
const TOTAL_WORD_KO = /^(총합계|합계|총계|소계)$/u;
const GRAND_WORD = /grand|général|general|overall|총/iu;

export function wordedTotal(text: string): "grand" | "sub" | undefined {
  const t = text.normalize("NFKC").trim();
  if (t.length > 48 || /[%=]|누계|\bof\s+total|\bpercent/iu.test(t)) return undefined;
  const words = t.split(/\s+/).filter((w) => w !== "");
  if (words.length > 6) return undefined;
  const en = TOTAL_WORD_EN.exec(t);
  if (en !== null) {
    // "Total Amount", "ASU TOTAL", "Year Total for 2024": a total of some section; "Grand Total": of everything.
    if (en[2] !== undefined) return "sub";
    if (en[1] !== undefined || GRAND_WORD.test(t)) return "grand";
    return words.length === 1 ? "grand" : "sub";
  }
  // Korean total words as words of their own: "사업비 합계", "합계(A+B)"; never inside another word (종합계획,
  // 통합계정, 총계획, 소계약).
  for (const word of t.split(/[\s()[\]{}:;,./·-]+/)) {
    if (TOTAL_WORD_KO.test(word)) return word === "소계" ? "sub" : "grand";
  }
  return undefined;
}

// Columns and rows that are never added: shares, rates, averages, ranks, per-head figures, indices, unit prices.
const NON_ADDITIVE = new RegExp(
  [
    "%", "percent", "pct\\b", "ratio", "\\brates?\\b", "average", "\\bavg\\b", "\\bmean\\b", "median", "\\brank",
    "per\\s*(cent|capita|head|person|student|unit|share|[\\d,]+)", "\\bmargin", "\\bdays\\b", "density", "\\bindex\\b",
    "\\bshare\\b", "\\byield", "moyenne", "taux", "pourcent", "비율", "구성비", "비중", "점유율", "증감률", "증가율", "[율률]\\s*$",
    "평균", "순위", "1인당", "단가", "지수", "밀도", "누계", "누적", "cumulative", "running", "\\(?check\\)?$",
  ].join("|"),
  "iu",
);

/** A check line ("(check)"): the difference of a total and its parts, not a share; its parts stay additive. */
export function isCheckLabel(text: string): boolean {
  return /\(?check\)?\s*$/i.test(text.normalize("NFKC").trim());
}

/** A header or row label of figures that do not add up (a share, a rate, an average, a rank, a density). */
const nonAdditiveMemo = new Map<string, boolean>();

export function isNonAdditiveLabel(text: string): boolean {
  let v = nonAdditiveMemo.get(text);
  if (v === undefined) {
    // "국비(50%)", "2021년 (7차년도)": a source, a total or a year with a note on its share is still that line.
    const kind = classifyCleaned(text)?.kind;
    v = kind !== "source" && kind !== "total" && kind !== "year" && NON_ADDITIVE.test(text.normalize("NFKC"));
    if (nonAdditiveMemo.size > 20000) nonAdditiveMemo.clear();
    nonAdditiveMemo.set(text, v);
  }
  return v;
}

// Columns of identifiers: codes, serial numbers, column numbers and years label the lines; they are not amounts.
const IDENTIFIER = /^(연번|순번|번호|코드|no\.?|nos?|number|num|#|id|code|codes|item\s*no\.?|s\/?n|serial|rank|순위|연도|년도|year|years|fy|회계연도)$/iu;

/** A header naming a column of identifiers (연번, Code, No., Year). */
const identifierMemo = new Map<string, boolean>();

export function isIdentifierLabel(text: string): boolean {
  let v = identifierMemo.get(text);
  if (v === undefined) {
    v = IDENTIFIER.test(text.normalize("NFKC").trim().replace(/\s+/g, " "));
    if (identifierMemo.size > 20000) identifierMemo.clear();
    identifierMemo.set(text, v);
  }
  return v;
}

export function sourceFromAbbrev(text: string): SourceKey | undefined {
  const n = normalizeLabel(text);
  return SOURCE_ABBREVS[n] ?? SOURCE_LABELS[n];
}

// Whole-label year forms only; "2021년 소요예산" is a headline subject, not a year column.
const YEAR_FORMS: readonly RegExp[] = [
  /^(\d{4})(?:년도|년)?(?:\(\d{1,2}차년도\))?$/, // 2021, 2021년, 2021년도, 2021 (7차년도)
  /^fy(\d{4}|\d{2})$/, // FY2021, FY21
  /^['‘’`](\d{2})(?:년도|년)?$/, // '21, ‘21, ’21년
  /^(\d{2})(?:년도|년)$/, // 21년 (a bare "21" is a number, not a year)
];

function yearOf(n: string): number | undefined {
  for (const form of YEAR_FORMS) {
    const m = form.exec(n);
    if (m === null) continue;
    const digits = m[1];
    const year = digits.length === 2 ? 2000 + Number(digits) : Number(digits);
    return year >= 1990 && year <= 2099 ? year : undefined;
  }
  return undefined;
}

/** Labels carry decoration that does not change their meaning: bullets, circled numbers, notes in brackets. */
export function cleanLabel(text: string): string {
  return text
    .replace(/\*\*/g, "")
    .replace(/^[\s○◦·•\-□▪※]+/, "")
    .replace(/[(（][^)）]*[)）]\s*$/, "")
    .replace(/[①-⑳㉑-㉟]/g, "")
    .trim();
}

// The same few labels (계, 국비, 2021년 …) recur in every table of a workbook: classify each text once.
const classified = new Map<string, LabelClass | undefined>();
const inTables = new Map<string, LabelClass | undefined>();

/**
 * A label as a table's row or column header reads: the whole-label classes, then totals named with more words
 * ("Total Current Assets", "사업비 합계"). The fill keeps to whole labels (classifyCleaned): a pasted line's tokens
 * "2022년 합계" are two cells there, not one label.
 */
export function classifyTableLabel(text: string): LabelClass | undefined {
  if (inTables.has(text)) return inTables.get(text);
  let cls = classifyCleaned(text);
  if (cls === undefined && text.trim() !== "") {
    const level = wordedTotal(text);
    if (level !== undefined) cls = { kind: "total", level };
  }
  if (inTables.size > 20000) inTables.clear();
  inTables.set(text, cls);
  return cls;
}

export function classifyCleaned(text: string): LabelClass | undefined {
  if (classified.has(text)) return classified.get(text);
  const cls = text.trim() === "" ? undefined : (classifyLabel(text) ?? classifyLabel(cleanLabel(text)));
  if (classified.size > 20000) classified.clear(); // bounded: a pathological sheet cannot grow it without end
  classified.set(text, cls);
  return cls;
}

