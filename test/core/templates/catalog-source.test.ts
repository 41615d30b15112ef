// Loading a catalog from a real https server on 127.0.0.1 (certificate made on the fly), and every way it can fail:
// each failure falls back to the bundled templates with a notice naming the URL and the cause.
import type { IncomingMessage, ServerResponse } from "node:http";
import { checkUrl, loadCatalog, readCatalog, type FetchLike } from "../../../src/core/templates/catalog-source";
import { validateTemplate } from "../../../src/core/templates/validate";
import { TemplateSchema, type Catalog, type Template } from "../../../src/core/templates/schema";
import { startHttpServer, startHttpsServer, trustingFetch, type TestServer } from "../../support/https-server";

// Two programs of the seed's 지역경제과 plan, reduced to what the schema needs (amounts in 천원 as printed).
const EXCHANGE = {
  id: "domestic-international-exchange",
  version: "1.0.0",
  fiscalYear: 2021,
  program: "국내·외 교류 활성화",
  department: "지역경제과",
  team: "기업지원팀",
  kind: "계속",
  funding: { sources: [{ source: "district", amounts: { "2021": 37000 } }], firstYear: 2021, lastYear: 2021, unit: "천원" },
};
const MARKET = {
  id: "traditional-market-management",
  version: "1.2.0",
  fiscalYear: 2021,
  program: "전통시장 및 상점가 경영 현대화 사업",
  department: "지역경제과",
  kind: "계속",
  funding: { sources: [{ source: "national" }, { source: "city" }, { source: "district" }], firstYear: 2021, lastYear: 2023, unit: "천원" },
};

function valid(json: unknown): Template {
  const r = validateTemplate(json);
  if (!r.ok) throw new Error(`fixture invalid: ${JSON.stringify(r.problems)}`);
  return r.value;
}

const BUNDLED: Catalog = { catalogVersion: "9.9.9", templates: [valid({ ...MARKET, id: "bundled-only", program: "내장 템플릿" })] };

type Route = (req: IncomingMessage, res: ServerResponse) => void;
const json = (body: unknown): Route => (_req, res) => {
  res.writeHead(200, { "Content-Type": "application/json; charset=utf-8" });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
};

let server: TestServer;
let routes: Record<string, Route>;
let seen: { url: string; accept: string | undefined }[];

beforeAll(async () => {
  server = await startHttpsServer((req, res) => {
    seen.push({ url: req.url ?? "", accept: req.headers.accept });
    const route = routes[req.url ?? ""];
    if (route === undefined) {
      res.writeHead(404, "Not Found").end();
      return;
    }
    route(req, res);
  });
});
afterAll(() => server.close());
beforeEach(() => {
  routes = {};
  seen = [];
});

const at = (p: string): string => `${server.origin}${p}`;

test("no URL: the bundled catalog, no notice", async () => {
  const fetchFn = jest.fn<ReturnType<FetchLike>, Parameters<FetchLike>>();
  for (const url of [undefined, "", "  "]) {
    const r = await loadCatalog(url, fetchFn, BUNDLED);
    expect(r).toMatchObject({ source: "bundled", catalogVersion: "9.9.9", invalid: [] });
    expect(r.templates.map((t) => t.id)).toEqual(["bundled-only"]);
    expect(r.notice).toBeUndefined();
  }
  expect(fetchFn).not.toHaveBeenCalled();
});

test("a good catalog over https: its templates, no notice", async () => {
  routes["/catalog.json"] = json({ catalogVersion: "2.0.0", templates: [EXCHANGE, MARKET] });
  const r = await loadCatalog(at("/catalog.json"), trustingFetch, BUNDLED);
  expect(r.source).toBe("remote");
  expect(r.url).toBe(at("/catalog.json"));
  expect(r.catalogVersion).toBe("2.0.0");
  expect(r.templates.map((t) => [t.id, t.program])).toEqual([
    ["domestic-international-exchange", "국내·외 교류 활성화"],
    ["traditional-market-management", "전통시장 및 상점가 경영 현대화 사업"],
  ]);
  expect(r.invalid).toEqual([]);
  expect(r.notice).toBeUndefined();
  expect(seen).toEqual([{ url: "/catalog.json", accept: "application/json" }]);
});

test("some invalid templates: the valid ones are kept, the others listed with field paths and reasons", async () => {
  const noProgram: Record<string, unknown> = { ...EXCHANGE, id: "no-program" };
  delete noProgram.program;
  const badYears = { ...MARKET, id: "bad-years", funding: { ...MARKET.funding, firstYear: 2023, lastYear: 2021 } };
  const noId = { ...EXCHANGE, id: 42 };
  routes["/mixed.json"] = json({ catalogVersion: "2.1.0", templates: [noProgram, EXCHANGE, badYears, noId, MARKET, { ...EXCHANGE, program: "중복" }] });
  const r = await loadCatalog(at("/mixed.json"), trustingFetch, BUNDLED);
  expect(r.source).toBe("remote");
  expect(r.templates.map((t) => t.id)).toEqual(["domestic-international-exchange", "traditional-market-management"]);
  expect(r.templates[0].program).toBe("국내·외 교류 활성화"); // the first of two equal ids wins
  expect(r.invalid.map((x) => [x.id, x.index])).toEqual([
    ["no-program", 0],
    ["bad-years", 2],
    [undefined, 3],
    ["domestic-international-exchange", 5],
  ]);
  const [missing, years, unnamed, dup] = r.invalid;
  expect(missing.problems).toEqual([expect.objectContaining({ template: "no-program", path: "program", message: { ko: "필수 항목이 없습니다.", en: "This field is required." } })]);
  expect(years.problems).toEqual([expect.objectContaining({ template: "bad-years", path: "funding.lastYear" })]);
  expect(years.problems[0].message.ko).toContain("2021");
  expect(unnamed.problems[0]).toMatchObject({ template: "#4", path: "id" });
  expect(dup.problems).toEqual([expect.objectContaining({ path: "id", message: expect.objectContaining({ ko: expect.stringContaining("두 번") }) })]);
  expect(r.notice?.ko).toBe(`카탈로그(${at("/mixed.json")})의 템플릿 4개는 형식이 맞지 않아 뺐습니다 (사용 가능 2개)`);
  expect(r.notice?.en).toContain("4 template(s)");
});

test("each template is validated once per load: a mixed catalog, a good one, the bundled one", async () => {
  // Every validation of a template starts with TemplateSchema.safeParse (the rules across fields run right after
  // it, in the same function), so its calls count the passes. Before the single pass, a catalog with one bad
  // template validated every template twice: the whole catalog, then each template again to keep the good ones.
  const parse = jest.spyOn(TemplateSchema, "safeParse");
  try {
    const noProgram: Record<string, unknown> = { ...EXCHANGE, id: "no-program" };
    delete noProgram.program;
    routes["/once.json"] = json({ catalogVersion: "2.1.0", templates: [noProgram, EXCHANGE, { ...EXCHANGE, program: "중복" }, MARKET] });
    const mixed = await loadCatalog(at("/once.json"), trustingFetch, BUNDLED);
    expect(mixed.templates.map((t) => t.id)).toEqual(["domestic-international-exchange", "traditional-market-management"]);
    expect(mixed.invalid.map((x) => [x.id, x.index, x.problems.map((p) => p.path)])).toEqual([
      ["no-program", 0, ["program"]],
      ["domestic-international-exchange", 2, ["id"]],
    ]);
    expect(parse).toHaveBeenCalledTimes(4);

    parse.mockClear();
    routes["/good.json"] = json({ catalogVersion: "2.0.0", templates: [EXCHANGE, MARKET] });
    expect((await loadCatalog(at("/good.json"), trustingFetch, BUNDLED)).invalid).toEqual([]);
    expect(parse).toHaveBeenCalledTimes(2);

    // The bundled catalog was validated when it was loaded; offering it validates nothing again.
    parse.mockClear();
    expect((await loadCatalog(undefined, trustingFetch, BUNDLED)).source).toBe("bundled");
    expect(parse).not.toHaveBeenCalled();
  } finally {
    parse.mockRestore();
  }
});

test("the bundled catalog file is validated once when it loads: one pass per template of its 16", () => {
  jest.isolateModules(() => {
    // A fresh module registry: this schema is the one bundled.ts validates with.
    const schema = require("../../../src/core/templates/schema") as typeof import("../../../src/core/templates/schema");
    const parse = jest.spyOn(schema.TemplateSchema, "safeParse");
    const bundled = require("../../../src/core/templates/bundled") as typeof import("../../../src/core/templates/bundled");
    // 15: sheets 01–14 of the 2021 plan and the 도시형소공인 card, one template each; 16th the book page.
    expect(bundled.BUNDLED_CATALOG.templates).toHaveLength(16);
    expect(parse).toHaveBeenCalledTimes(16);
  });
});

test("server down: bundled, with a notice naming the URL and the refused connection (Node's own fetch)", async () => {
  const gone = await startHttpsServer((_q, res) => res.end());
  const url = `${gone.origin}/catalog.json`;
  await gone.close();
  const r = await loadCatalog(url, fetch, BUNDLED);
  expect(r).toMatchObject({ source: "bundled", url, invalid: [] });
  expect(r.templates.map((t) => t.id)).toEqual(["bundled-only"]);
  expect(r.notice?.ko).toMatch(new RegExp(`^카탈로그\\(${url.replace(/[.]/g, "\\.")}\\)에 연결하지 못해 내장 템플릿을 사용합니다 \\(서버에 연결할 수 없습니다: .*ECONNREFUSED.*\\)$`));
  expect(r.notice?.en).toContain("Could not reach the catalog");
});

test("a certificate Node does not trust: bundled, the TLS error in the notice (Node's own fetch)", async () => {
  routes["/catalog.json"] = json({ catalogVersion: "2.0.0", templates: [EXCHANGE] });
  const r = await loadCatalog(at("/catalog.json"), fetch, BUNDLED);
  expect(r.source).toBe("bundled");
  expect(r.notice?.ko).toMatch(/서버에 연결할 수 없습니다: .*SELF_SIGNED/);
});

test("HTTP 500: bundled, the status in the notice", async () => {
  routes["/broken.json"] = (_req, res) => res.writeHead(500, "Internal Server Error").end("oops");
  const r = await loadCatalog(at("/broken.json"), trustingFetch, BUNDLED);
  expect(r.source).toBe("bundled");
  expect(r.notice?.ko).toBe(`카탈로그(${at("/broken.json")})에 연결하지 못해 내장 템플릿을 사용합니다 (서버가 HTTP 500 Internal Server Error 응답을 보냈습니다)`);
  const missing = await loadCatalog(at("/nowhere.json"), trustingFetch, BUNDLED);
  expect(missing.notice?.en).toContain("HTTP 404 Not Found");
});

test("a junk body: bundled, 'not JSON' in the notice", async () => {
  routes["/junk"] = (_req, res) => res.writeHead(200, { "Content-Type": "text/html" }).end("<html><body>로그인이 필요합니다</body></html>");
  const r = await loadCatalog(at("/junk"), trustingFetch, BUNDLED);
  expect(r.source).toBe("bundled");
  expect(r.notice?.ko).toMatch(/^카탈로그\(.*\/junk\)를 읽을 수 없어 내장 템플릿을 사용합니다 \(JSON으로 읽을 수 없습니다: /);
  expect(r.notice?.en).toContain("Not valid JSON");
});

test("a schema-invalid catalog: bundled, the field named", async () => {
  routes["/not-a-catalog.json"] = json({ templates: "none" });
  const r = await loadCatalog(at("/not-a-catalog.json"), trustingFetch, BUNDLED);
  expect(r.source).toBe("bundled");
  expect(r.notice?.ko).toContain("카탈로그 형식이 맞지 않습니다: ");
  expect(r.notice?.ko).toMatch(/catalogVersion: 필수 항목이 없습니다\. 외 1건/);
  routes["/empty.json"] = json({ catalogVersion: "1.0.0", templates: [] });
  expect((await loadCatalog(at("/empty.json"), trustingFetch, BUNDLED)).notice?.ko).toContain("템플릿이 하나도 없습니다");
});

test("a catalog whose templates are all invalid: bundled, and the invalid ones still listed", async () => {
  routes["/all-bad.json"] = json({ catalogVersion: "1.0.0", templates: [{ ...EXCHANGE, version: "one" }] });
  const r = await loadCatalog(at("/all-bad.json"), trustingFetch, BUNDLED);
  expect(r.source).toBe("bundled");
  expect(r.templates.map((t) => t.id)).toEqual(["bundled-only"]);
  expect(r.invalid).toEqual([{ id: "domestic-international-exchange", index: 0, problems: [expect.objectContaining({ path: "version" })] }]);
  expect(r.notice?.ko).toContain("쓸 수 있는 템플릿이 없습니다 (형식 오류 1개)");
});

test("a server that never answers, or stalls mid-body: the timeout aborts and falls back", async () => {
  routes["/silent"] = () => undefined; // never writes anything
  routes["/stall"] = (_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.write('{"catalogVersion": "1.0.0", "templates": [');
  };
  for (const p of ["/silent", "/stall"]) {
    const r = await loadCatalog(at(p), trustingFetch, BUNDLED, { timeoutMs: 300 });
    expect(r.source).toBe("bundled");
    expect(r.notice?.ko).toBe(`카탈로그(${at(p)})에 연결하지 못해 내장 템플릿을 사용합니다 (0.3초 안에 응답이 오지 않았습니다)`);
  }
});

test("https only: http (localhost too) and other schemes are refused without a request", async () => {
  let plainHits = 0;
  const plain = await startHttpServer((req, res) => {
    plainHits++;
    json({ catalogVersion: "1.0.0", templates: [EXCHANGE] })(req, res);
  });
  try {
    const fetchFn = jest.fn<ReturnType<FetchLike>, Parameters<FetchLike>>();
    for (const url of [`${plain.origin}/catalog.json`, "http://localhost/catalog.json", "file:///etc/passwd", "ftp://example.org/c.json"]) {
      const r = await loadCatalog(url, fetchFn, BUNDLED);
      expect(r.source).toBe("bundled");
      expect(r.notice?.ko).toBe(`카탈로그(${url})에 연결하지 못해 내장 템플릿을 사용합니다 (https:// 주소만 쓸 수 있습니다)`);
    }
    expect((await loadCatalog("catalog.json", fetchFn, BUNDLED)).notice?.ko).toContain("URL 형식이 아닙니다");
    expect(fetchFn).not.toHaveBeenCalled();
    expect(checkUrl("https://templates.example.go.kr/catalog.json")).toBeUndefined();
    // A redirect from https to http is refused at once: the http server is never asked.
    routes["/moved"] = (_req, res) => res.writeHead(302, { Location: `${plain.origin}/catalog.json` }).end();
    const r = await loadCatalog(at("/moved"), trustingFetch, BUNDLED);
    expect(r.source).toBe("bundled");
    expect(r.notice?.ko).toContain(`https가 아닌 주소로 넘겨졌습니다: ${plain.origin}/catalog.json`);
    expect(plainHits).toBe(0);
    // An https hop (a relative Location) is followed; a loop ends after five hops.
    routes["/old"] = (_req, res) => res.writeHead(301, { Location: "/catalog.json" }).end();
    routes["/catalog.json"] = json({ catalogVersion: "1.0.0", templates: [EXCHANGE] });
    expect((await loadCatalog(at("/old"), trustingFetch, BUNDLED)).source).toBe("remote");
    routes["/loop"] = (_req, res) => res.writeHead(302, { Location: "/loop" }).end();
    seen = [];
    const loop = await loadCatalog(at("/loop"), trustingFetch, BUNDLED);
    expect(loop.notice?.ko).toContain("다른 주소로 5번 넘게 넘겨졌습니다");
    expect(seen).toHaveLength(6);
  } finally {
    await plain.close();
  }
});

test("an endless body is cut at the limit: reading stops at 5 MB, and the server sees the connection closed", async () => {
  let sent = 0;
  let closed = false;
  routes["/endless"] = (_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = (): void => {
      while (!closed && res.write(chunk)) sent += chunk.length;
    };
    res.on("drain", pump);
    res.on("close", () => (closed = true));
    res.write("[");
    pump();
  };
  const r = await loadCatalog(at("/endless"), trustingFetch, BUNDLED, { timeoutMs: 20_000 });
  expect(r.source).toBe("bundled");
  expect(r.notice?.ko).toBe(`카탈로그(${at("/endless")})를 읽을 수 없어 내장 템플릿을 사용합니다 (응답이 한도 5MB를 넘어 읽기를 멈췄습니다)`);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(closed).toBe(true);
  // What was sent before the close is the limit plus what sat in the socket's buffers, not an endless stream.
  expect(sent).toBeLessThan(20_000_000);
});

test("a browser's opaque answer to a manual redirect is followed by the browser, and its end checked", async () => {
  const calls: string[] = [];
  const fake: FetchLike = async (url, init) => {
    calls.push(init.redirect);
    if (init.redirect === "manual") return { ok: false, status: 0, statusText: "", url: "", type: "opaqueredirect", text: async () => "" };
    return { ok: true, status: 200, statusText: "OK", url: "http://elsewhere.example/c.json", text: async () => "{}" };
  };
  const r = await loadCatalog("https://catalog.example/c.json", fake, BUNDLED);
  expect(calls).toEqual(["manual", "follow"]);
  expect(r.notice?.ko).toContain("https가 아닌 주소로 넘겨졌습니다: http://elsewhere.example/c.json");
});

test("readCatalog alone: the same verdicts without a server", () => {
  expect(readCatalog("")).toMatchObject({ failure: { kind: "content" } });
  expect(readCatalog(JSON.stringify({ catalogVersion: "1.0.0", templates: [MARKET] }))).toMatchObject({ catalogVersion: "1.0.0", invalid: [] });
});
