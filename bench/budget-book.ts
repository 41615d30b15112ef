// Builds pages of a budget book (세출예산서 사업명세서) as e호조 exports them, for tests: one sheet per printed page,
// "(단위:천원)" above a header row (부서 · 정책사업 · 단위사업 · 세부사업 · 편성목 · 산출내역 · 산출기초 · 예산액 ·
// 전년도예산액 · 비교증감), each level's line with its 재원 lines ("국   74,376,005") below it, the ◎/○ items with
// their 산출기초 in 원. Amounts are worked out bottom-up so that the book is consistent unless a test changes it.
import type { Cell, SheetGrid } from "../src/core/cells/grid";

export interface ItemSpec {
  label: string;
  /** 산출기초 in 원, e.g. "82,560원*10명*262일": the amount is its product rounded up to 천원. */
  basis?: string;
  children?: ItemSpec[];
  /** The 전년도 amount of a line that has one (levels down to the version line). */
  previous?: number;
}

export interface LineSpec {
  /** 0 부서 … 4 편성목, 5 통계목, 6 version (본예산), 7 ◎ … */
  level: number;
  label: string;
  basis?: string;
  previous?: number;
  children?: LineSpec[];
}

/** Evaluates the simple 산출기초 the tests use ("a원*b명*c월", "a원*p%") exactly, rounded up to 천원. */
export function basisAmount(basis: string): number {
  const factors = basis.replace(/\s+/g, "").split("*");
  let num = 1n;
  let den = 1n;
  for (const f of factors) {
    const m = /^([\d,]+(?:\.\d+)?)(\D*)$/.exec(f);
    if (m === null) throw new Error(`basis ${basis}`);
    const [int, frac = ""] = m[1].replace(/,/g, "").split(".");
    num *= BigInt(int + frac);
    den *= 10n ** BigInt(frac.length);
    if (m[2] === "%") den *= 100n;
  }
  const won = num; // in 원 × den
  const per = 1000n * den;
  return Number(won / per + (won % per === 0n ? 0n : 1n));
}

export interface BuiltLine {
  spec: LineSpec;
  amount: number;
  previous?: number;
  sources: [string, number][];
}

const SOURCE_SHARES: [string, number][] = [
  ["국", 0.5],
  ["도", 0.3],
  ["군", 0.2],
];

/** Amounts bottom-up; 재원 split 국/도/군 at the leaves (whole 천원), summed upwards. */
function build(spec: LineSpec, out: BuiltLine[]): BuiltLine {
  const line: BuiltLine = { spec, amount: 0, sources: [] };
  out.push(line);
  const kids = (spec.children ?? []).map((k) => build(k, out));
  if (kids.length === 0) {
    line.amount = spec.basis !== undefined ? basisAmount(spec.basis) : 1000;
    let rest = line.amount;
    line.sources = SOURCE_SHARES.map(([k, share], i) => {
      const v = i === SOURCE_SHARES.length - 1 ? rest : Math.floor(line.amount * share);
      rest -= v;
      return [k, v];
    });
  } else {
    line.amount = kids.reduce((t, k) => t + k.amount, 0);
    line.sources = SOURCE_SHARES.map(([k]) => [k, kids.reduce((t, c) => t + (c.sources.find((s) => s[0] === k)?.[1] ?? 0), 0)]);
  }
  // Levels down to the version line carry 전년도예산액 and 비교증감.
  if (spec.level <= 6) line.previous = spec.previous ?? (kids.length > 0 && kids.every((k) => k.previous !== undefined) ? kids.reduce((t, k) => t + (k.previous ?? 0), 0) : Math.round(line.amount * 0.9));
  return line;
}

export interface BookOptions {
  /** Rows of ledger per page (after the header); lines continue on the next page as the printed book does. */
  rowsPerPage?: number;
  /** Amounts as text ("35,665,400"), as e호조 exports them. */
  asText?: boolean;
  firstPage?: number;
}

export interface BuiltBook {
  sheets: SheetGrid[];
  lines: BuiltLine[];
  /** Where each line and 재원 line went: sheet name and 0-based row. */
  rows: { sheet: string; r: number; line: BuiltLine; source?: string }[];
}

const HEADER = ["부서", "정책사업", "단위사업", "세부사업", "", "편성목", "산출내역", "산출기초", "예산액", "전년도예산액", "비교증감"];
const COL = { basis: 7, amount: 8, previous: 9, change: 10 };
const LEVEL_COL = [0, 1, 2, 3, 5];

const fmt = (n: number): string => (n < 0 ? `△${Math.abs(n).toLocaleString("en-US")}` : n.toLocaleString("en-US"));

export function buildBook(root: LineSpec, opts: BookOptions = {}): BuiltBook {
  const lines: BuiltLine[] = [];
  build(root, lines);
  const perPage = opts.rowsPerPage ?? 40;
  const rows: { cells: (Cell | undefined)[]; line: BuiltLine; source?: string }[] = [];
  const amount = (v: number): Cell => (opts.asText === true ? { v: fmt(v) } : { v });
  for (const line of lines) {
    const cells: (Cell | undefined)[] = [];
    cells[line.spec.level < 5 ? LEVEL_COL[line.spec.level] : 6] = { v: line.spec.label };
    if (line.spec.basis !== undefined) cells[COL.basis] = { v: line.spec.basis };
    cells[COL.amount] = amount(line.amount);
    if (line.previous !== undefined) {
      cells[COL.previous] = amount(line.previous);
      cells[COL.change] = amount(line.amount - line.previous);
    }
    rows.push({ cells, line });
    for (const [k, v] of line.sources) {
      const src: (Cell | undefined)[] = [];
      src[COL.amount] = { v: `${k}${" ".repeat(Math.max(1, 14 - v.toLocaleString("en-US").length))}${v.toLocaleString("en-US")}` };
      rows.push({ cells: src, line, source: k });
    }
  }
  const sheets: SheetGrid[] = [];
  const placed: BuiltBook["rows"] = [];
  for (let i = 0; i * perPage < rows.length; i++) {
    const name = `p${(opts.firstPage ?? 1) + i}`;
    const cells: (Cell | undefined)[][] = [];
    cells[7] = [];
    cells[7][11] = { v: "(단위:천원)" };
    cells[8] = HEADER.map((h) => (h === "" ? undefined : { v: h }));
    rows.slice(i * perPage, (i + 1) * perPage).forEach((row, j) => {
      cells[9 + j] = row.cells;
      placed.push({ sheet: name, r: 9 + j, line: row.line, source: row.source });
    });
    sheets.push({ name, cells, merges: [] });
  }
  return { sheets, lines, rows: placed };
}

/** A small department: two 세부사업 with 편성목, 통계목, 본예산, ◎ and ○ items, the 산출기초 forms of real books. */
export function sampleDepartment(): LineSpec {
  const item = (label: string, basis: string): LineSpec => ({ level: 7, label: `◎${label}`, basis });
  const sub = (label: string, basis: string): LineSpec => ({ level: 8, label: `○${label}`, basis });
  const stat = (label: string, children: LineSpec[], previous?: number): LineSpec => ({
    level: 5,
    label,
    previous,
    children: [{ level: 6, label: "본예산", previous, children }],
  });
  return {
    level: 0,
    label: "가정행복과",
    children: [
      {
        level: 1,
        label: "노인 복지 증진(사회복지/노인)",
        children: [
          {
            level: 2,
            label: "노인활동지원",
            children: [
              {
                level: 3,
                label: "가족어울림센터 시설 운영",
                children: [
                  {
                    level: 4,
                    label: "101 인건비",
                    children: [
                      stat("04 기간제근로자등보수", [
                        { level: 7, label: "◎가족어울림센터 시설운영 업무보조", children: [sub("기본급", "82,560원*10명*262일"), sub("4대보험", "302,345,600원*11.6%"), sub("퇴직금", "3,000,000원*10명")] },
                      ]),
                    ],
                  },
                  {
                    level: 4,
                    label: "201 일반운영비",
                    children: [
                      stat("01 사무관리비", [item("기본수용비", "10,000,000원"), item("복합기 임차료", "300,000원*1대*12월"), { level: 7, label: "◎급식비", children: [sub("특근자 급식비", "9,000원*90일*5명")] }]),
                      stat("02 공공운영비", [item("전국평생학습도시 협의회비", "4,000,000원"), item("정보화교육장 인터넷 사용료", "51,000원*12월")]),
                    ],
                  },
                ],
              },
              {
                level: 3,
                label: "노인 일자리 지원",
                children: [
                  { level: 4, label: "301 일반보전금", children: [stat("14 기타보상금", [item("노인일자리 고용장려금 지원", "15,530,000원"), item("장려금 가산", "37,270,000원*11.6%")])] },
                  { level: 4, label: "307 민간이전", children: [stat("05 민간위탁금", [item("노인일자리 및 사회활동지원", "1,050,000원*2단체*12월")])] },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}

/** A department of `programs` 세부사업 (the two of sampleDepartment, varied), under a few 정책사업 and 단위사업. */
export function largeDepartment(programs: number): LineSpec {
  const sample = sampleDepartment();
  const templates = sample.children?.[0].children?.[0].children ?? [];
  const perUnit = 10;
  const units: LineSpec[] = [];
  for (let i = 0; i < programs; i += perUnit) {
    const kids: LineSpec[] = [];
    for (let j = i; j < Math.min(programs, i + perUnit); j++) {
      const t = templates[j % templates.length];
      kids.push({ ...t, label: `${t.label} ${j + 1}` });
    }
    units.push({ level: 2, label: `단위사업 ${units.length + 1}`, children: kids });
  }
  const policies: LineSpec[] = [];
  for (let i = 0; i < units.length; i += 5) policies.push({ level: 1, label: `정책사업 ${policies.length + 1}`, children: units.slice(i, i + 5) });
  return { level: 0, label: "보건소", children: policies };
}
