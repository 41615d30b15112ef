// The words of `yesan template`, Korean first, English second.
import type { Lang } from "../core/findings/findings";

export interface TemplateCliText {
  usage: string;
  unknownSub: (sub: string) => string;
  missingId: string;
  missingOut: string;
  extraArgs: (args: string[]) => string;
  badYear: (value: string, min: number, max: number) => string;
  unknownId: (id: string, near: string[]) => string;
  outExists: (file: string) => string;
  cannotWrite: (file: string, detail: string) => string;
  cannotLayout: (id: string, detail: string) => string;
  wrote: (file: string, id: string, program: string, sheet: string, first: number, last: number) => string;
  chartsSkipped: (n: number) => string;
  listHeading: (n: number, source: "remote" | "bundled", version: string, url?: string) => string;
  columns: { id: string; version: string; program: string; department: string; kind: string; years: string };
  years: (first: number, last: number) => string;
  kinds: Record<"계속" | "신규", string>;
  invalidHeading: (n: number) => string;
}

const USAGE_KO = `사용법:
  yesan template list [--catalog https://…] [--format text|json] [--lang ko|en]
  yesan template new <id> --out <파일.xlsx> [--year 2022] [--catalog https://…] [--force] [--lang ko|en]

  list  카탈로그의 템플릿(id, 버전, 사업명, 부서, 구분, 연도)을 보여 줍니다.
  new   템플릿으로 새 예산 시트를 만듭니다. 합계는 수식으로 들어가고, 금액 칸에는 입력 제한이 걸립니다.
        --year   회계연도를 바꿉니다 (연차별 열이 함께 옮겨집니다).
        --out    만들 파일. 이미 있으면 --force 없이는 덮어쓰지 않습니다.
  --catalog  https 주소의 카탈로그. 읽지 못하면 내장 템플릿을 쓰고 그 이유를 알려 줍니다.
  종료 코드: 0 성공, 2 잘못된 입력이나 쓸 수 없는 파일.`;

const USAGE_EN = `Usage:
  yesan template list [--catalog https://…] [--format text|json] [--lang ko|en]
  yesan template new <id> --out <file.xlsx> [--year 2022] [--catalog https://…] [--force] [--lang ko|en]

  list  Lists the catalog's templates (id, version, program, department, kind, years).
  new   Starts a budget sheet from a template: totals are formulas, amount cells accept whole numbers only.
        --year   Moves the plan to another fiscal year (the year columns move with it).
        --out    The file to create; an existing file is only replaced with --force.
  --catalog  An https catalog URL. When it cannot be read, the bundled templates are used and the reason shown.
  Exit code: 0 done, 2 bad input or a file that cannot be written.`;

export const TEMPLATE_CLI_TEXT: Record<Lang, TemplateCliText> = {
  ko: {
    usage: USAGE_KO,
    unknownSub: (s) => `알 수 없는 명령입니다: template ${s} (list 또는 new)`,
    missingId: "템플릿 id가 필요합니다: yesan template new <id> --out <파일.xlsx> (목록: yesan template list)",
    missingOut: "--out <파일.xlsx>로 만들 파일을 지정하세요.",
    extraArgs: (a) => `필요 없는 인수가 있습니다: ${a.join(" ")}`,
    badYear: (v, min, max) => `--year는 ${min}~${max} 사이의 연도여야 합니다: ${v}`,
    unknownId: (id, near) =>
      near.length > 0
        ? `템플릿 "${id}"이(가) 카탈로그에 없습니다. 비슷한 템플릿: ${near.join(", ")}`
        : `템플릿 "${id}"이(가) 카탈로그에 없습니다. 목록은 yesan template list로 보세요.`,
    outExists: (f) => `파일이 이미 있습니다: ${f} (덮어쓰려면 --force를 붙이세요)`,
    cannotWrite: (f, d) => `파일을 쓸 수 없습니다: ${f} (${d})`,
    cannotLayout: (id, d) => `템플릿 ${id}으로 시트를 만들 수 없습니다: ${d}`,
    wrote: (f, id, p, s, a, b) => `${f}에 템플릿 ${id}(${p})을(를) 썼습니다: 시트 "${s}", ${a === b ? `${a}년` : `${a}~${b}년`}`,
    chartsSkipped: (n) => `참고: 차트 ${n}개는 파일에 넣지 않았습니다 (엑셀 추가 기능에서 템플릿을 쓰면 함께 들어갑니다).`,
    listHeading: (n, src, v, url) => (src === "remote" ? `템플릿 ${n}개 (카탈로그 ${url ?? ""}, 버전 ${v})` : `템플릿 ${n}개 (내장 카탈로그, 버전 ${v})`),
    columns: { id: "id", version: "버전", program: "사업명", department: "부서", kind: "구분", years: "연도" },
    years: (a, b) => (a === b ? `${a}년` : `${a}~${b}년`),
    kinds: { 계속: "계속", 신규: "신규" },
    invalidHeading: (n) => `형식이 맞지 않아 뺀 템플릿 ${n}개:`,
  },
  en: {
    usage: USAGE_EN,
    unknownSub: (s) => `Unknown command: template ${s} (list or new)`,
    missingId: "A template id is needed: yesan template new <id> --out <file.xlsx> (see yesan template list)",
    missingOut: "Name the file to create with --out <file.xlsx>.",
    extraArgs: (a) => `Unexpected arguments: ${a.join(" ")}`,
    badYear: (v, min, max) => `--year must be a year from ${min} to ${max}: ${v}`,
    unknownId: (id, near) =>
      near.length > 0 ? `No template "${id}" in the catalog. Similar: ${near.join(", ")}` : `No template "${id}" in the catalog; see yesan template list.`,
    outExists: (f) => `The file already exists: ${f} (add --force to replace it)`,
    cannotWrite: (f, d) => `Cannot write the file: ${f} (${d})`,
    cannotLayout: (id, d) => `Cannot lay out template ${id}: ${d}`,
    wrote: (f, id, p, s, a, b) => `Wrote template ${id} (${p}) to ${f}: sheet "${s}", ${a === b ? a : `${a}–${b}`}`,
    chartsSkipped: (n) => `Note: ${n} chart(s) were not written to the file (the Excel add-in inserts them when it lays out the template).`,
    listHeading: (n, src, v, url) => (src === "remote" ? `${n} templates (catalog ${url ?? ""}, version ${v})` : `${n} templates (bundled catalog, version ${v})`),
    columns: { id: "id", version: "version", program: "program", department: "department", kind: "kind", years: "years" },
    years: (a, b) => (a === b ? `${a}` : `${a}–${b}`),
    kinds: { 계속: "continuing", 신규: "new" },
    invalidHeading: (n) => `${n} malformed template(s) left out:`,
  },
};
