// The ribbon's quick check: counts, the one-line summary in both languages, the dialog URL, and the static dialog
// page (check-result.html), whose script must word the counts exactly as summaryText does.
import fs from "fs";
import path from "path";
import vm from "vm";
import type { Finding, RuleId, Severity } from "../../src/core/findings/findings";
import {
  countFindings,
  DIALOG_OPTIONS,
  langFromDisplayLanguage,
  resultDialogUrl,
  summaryText,
  unexpectedErrorText,
  type CheckCounts,
} from "../../src/commands/summary";
import type { Lang } from "../../src/core/findings/findings";

const PAGE = "https://localhost:3000/check-result.html";

function finding(rule: RuleId, severity: Severity): Finding {
  return { rule, severity, sheet: "01", cell: "B7", related: [], message: { ko: "", en: "" } };
}

describe("countFindings", () => {
  test("errors and warnings by severity; shortfalls (warnings too) counted apart, as the command line does", () => {
    const findings = [
      finding("total-mismatch", "error"),
      finding("malformed-number", "error"),
      finding("headline-mismatch", "error"),
      finding("number-as-text", "warning"),
      finding("shortfall", "warning"),
      finding("hardcoded-total", "info"),
    ];
    expect(countFindings(findings)).toEqual({ errors: 3, warnings: 2, shortfalls: 1 });
  });

  test("no findings: all zero", () => {
    expect(countFindings([])).toEqual({ errors: 0, warnings: 0, shortfalls: 0 });
  });
});

describe("summaryText", () => {
  const counts: CheckCounts = { errors: 3, warnings: 1, shortfalls: 1 };

  test("Korean", () => {
    expect(summaryText(counts, "ko")).toBe("오류 3건, 경고 1건, 부족재원 1건 — 자세한 내용은 검증 창에서 확인하세요");
  });

  test("English, with singular and plural", () => {
    expect(summaryText(counts, "en")).toBe("3 errors, 1 warning, 1 shortfall — see the checker pane for details");
    expect(summaryText({ errors: 1, warnings: 2, shortfalls: 0 }, "en")).toBe(
      "1 error, 2 warnings, 0 shortfalls — see the checker pane for details",
    );
  });

  test("counts 0: says there is nothing to fix instead of pointing at the pane", () => {
    const zero = { errors: 0, warnings: 0, shortfalls: 0 };
    expect(summaryText(zero, "ko")).toBe("오류 0건, 경고 0건, 부족재원 0건 — 문제가 없습니다");
    expect(summaryText(zero, "en")).toBe("0 errors, 0 warnings, 0 shortfalls — nothing to fix");
  });

  test("warnings alone still point at the pane", () => {
    expect(summaryText({ errors: 0, warnings: 1, shortfalls: 1 }, "ko")).toBe(
      "오류 0건, 경고 1건, 부족재원 1건 — 자세한 내용은 검증 창에서 확인하세요",
    );
  });
});

describe("langFromDisplayLanguage", () => {
  test("English only for English Office, Korean otherwise (the manifest's ko-KR default with en-US overrides)", () => {
    expect(langFromDisplayLanguage("en-US")).toBe("en");
    expect(langFromDisplayLanguage("EN-gb")).toBe("en");
    expect(langFromDisplayLanguage("en")).toBe("en");
    expect(langFromDisplayLanguage("ko-KR")).toBe("ko");
    expect(langFromDisplayLanguage("ja-JP")).toBe("ko");
    expect(langFromDisplayLanguage("eng")).toBe("ko");
    expect(langFromDisplayLanguage(undefined)).toBe("ko");
  });
});

describe("resultDialogUrl", () => {
  test("counts and language in the query string", () => {
    expect(resultDialogUrl(PAGE, { kind: "counts", counts: { errors: 3, warnings: 1, shortfalls: 1 } }, "ko")).toBe(
      `${PAGE}?errors=3&warnings=1&shortfalls=1&lang=ko`,
    );
  });

  test("counts 0 are written, not left out", () => {
    expect(resultDialogUrl(PAGE, { kind: "counts", counts: { errors: 0, warnings: 0, shortfalls: 0 } }, "en")).toBe(
      `${PAGE}?errors=0&warnings=0&shortfalls=0&lang=en`,
    );
  });

  test("under a path prefix, and replacing any query the page URL had", () => {
    expect(
      resultDialogUrl("https://addins.example.go.kr/yesan/check-result.html?x=1#top", { kind: "counts", counts: { errors: 1, warnings: 0, shortfalls: 0 } }, "ko"),
    ).toBe("https://addins.example.go.kr/yesan/check-result.html?errors=1&warnings=0&shortfalls=0&lang=ko#top");
  });

  test("an error travels as its (encoded) text", () => {
    const url = new URL(resultDialogUrl(PAGE, { kind: "error", message: "셀 편집 중에는 검사할 수 없습니다 & <다시>" }, "ko"));
    expect([...url.searchParams.keys()]).toEqual(["error", "lang"]);
    expect(url.searchParams.get("error")).toBe("셀 편집 중에는 검사할 수 없습니다 & <다시>");
    expect(url.href).not.toContain("<");
  });

  test("a very long error is cut so the URL stays short", () => {
    const url = new URL(resultDialogUrl(PAGE, { kind: "error", message: "x".repeat(5000) }, "en"));
    const text = url.searchParams.get("error") ?? "";
    expect(text).toHaveLength(500);
    expect(text.endsWith("…")).toBe(true);
  });

  test("dialog options: small, in an iframe on the web", () => {
    expect(DIALOG_OPTIONS).toEqual({ height: 25, width: 30, displayInIframe: true });
  });
});

test("unexpectedErrorText names the cause in the user's language", () => {
  expect(unexpectedErrorText(new Error("boom"), "ko")).toBe("통합문서를 검사하지 못했습니다: boom");
  expect(unexpectedErrorText("boom", "en")).toBe("Yesan could not check this workbook: boom");
});

describe("check-result.html", () => {
  const html = fs.readFileSync(path.resolve(__dirname, "../../src/commands/check-result.html"), "utf8");
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";

  /** Runs the page's script against a minimal DOM: just what it touches, so a new dependency shows up here. */
  function render(url: string): { title: string; text: string; lang: string; docTitle: string; bodyClass: string } {
    const elements: Record<string, { textContent: string }> = { title: { textContent: "" }, summary: { textContent: "" } };
    const document = {
      title: "",
      documentElement: { lang: "ko" },
      body: { className: "" },
      getElementById: (id: string) => elements[id] ?? null,
    };
    vm.runInNewContext(script, { location: new URL(url), document, URLSearchParams });
    return {
      title: elements.title.textContent,
      text: elements.summary.textContent,
      lang: document.documentElement.lang,
      docTitle: document.title,
      bodyClass: document.body.className,
    };
  }

  test("sets text only with textContent, never innerHTML", () => {
    expect(script.length).toBeGreaterThan(100);
    expect(html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  const cases: Array<[CheckCounts, Lang]> = [
    [{ errors: 3, warnings: 1, shortfalls: 1 }, "ko"],
    [{ errors: 3, warnings: 1, shortfalls: 1 }, "en"],
    [{ errors: 1, warnings: 1, shortfalls: 0 }, "en"],
    [{ errors: 0, warnings: 0, shortfalls: 0 }, "ko"],
    [{ errors: 0, warnings: 0, shortfalls: 0 }, "en"],
    [{ errors: 0, warnings: 2, shortfalls: 2 }, "ko"],
  ];
  test.each(cases)("words %j in %s exactly as summaryText does", (counts, lang) => {
    const page = render(resultDialogUrl(PAGE, { kind: "counts", counts }, lang));
    expect(page.text).toBe(summaryText(counts, lang));
    expect(page.lang).toBe(lang);
    expect(page.title).toBe(lang === "en" ? "Yesan check result" : "예산 검증 결과");
    expect(page.docTitle).toBe(page.title);
  });

  test("an error is shown as given, as text (markup stays literal)", () => {
    const page = render(resultDialogUrl(PAGE, { kind: "error", message: "<b>셀 편집 중</b>입니다" }, "ko"));
    expect(page).toEqual({
      title: "검사하지 못했습니다",
      text: "<b>셀 편집 중</b>입니다",
      lang: "ko",
      docTitle: "검사하지 못했습니다",
      bodyClass: "error",
    });
    expect(render(resultDialogUrl(PAGE, { kind: "error", message: "Cell edit mode" }, "en")).title).toBe(
      "Could not check the workbook",
    );
  });

  test("a missing or malformed count is not shown as a number", () => {
    expect(render(PAGE).text).toBe("표시할 결과가 없습니다. 다시 검사해 주세요.");
    expect(render(`${PAGE}?errors=3&warnings=x&shortfalls=1&lang=en`).text).toBe("No result to show. Run the check again.");
    expect(render(`${PAGE}?errors=-1&warnings=0&shortfalls=0`).text).toBe("표시할 결과가 없습니다. 다시 검사해 주세요.");
  });

  test("an unknown language falls back to Korean", () => {
    expect(render(`${PAGE}?errors=1&warnings=0&shortfalls=0&lang=fr`).lang).toBe("ko");
  });
});
