/** @jest-environment jsdom */
// The 템플릿 tab's catalog from the office's https address (saved in the workbook): read on opening, invalid
// templates named with their field, a catalog that cannot be reached replaced by the bundled one with a notice,
// and an address that is not https refused before anything is fetched or saved. fetch is a stand-in here: the
// core's loadCatalog is tested against a real https server in test/core/templates/catalog-source.test.ts.
import "./setup";
import path from "node:path";
import { readFileSync } from "node:fs";
import type { Lang } from "../../src/core/findings/findings";
import { screen, waitFor, within } from "./harness";
import { WORDS, insert, openTemplates, templateList } from "./template-support";

jest.setTimeout(60_000);

const URL = "https://budget.geumcheon.example/yesan/catalog.json";
type Json = Record<string, unknown> & { id: string; funding: Record<string, unknown> };
const BUNDLED = JSON.parse(readFileSync(path.join(__dirname, "../../templates/catalog.json"), "utf8")) as { templates: Json[] };
const byId = (id: string): Json => {
  const t = BUNDLED.templates.find((x) => x.id === id);
  if (t === undefined) throw new Error(id);
  return t;
};

/** The office's catalog: one good template (a revision), one with a unit that is not one, one with a bad id. */
const REMOTE = JSON.stringify({
  catalogVersion: "2.1.0",
  templates: [
    { ...byId("domestic-international-exchange"), version: "1.1.0" },
    { ...byId("traditional-market-management"), funding: { ...byId("traditional-market-management").funding, unit: "만원" } },
    { ...byId("animal-protection"), id: "Animal Protection" },
  ],
});

type Fetch = jest.Mock<Promise<{ ok: boolean; status: number; statusText: string; url: string; text(): Promise<string> }>, [string, RequestInit]>;
const answer = (status: number, body: string, statusText = "") => ({ ok: status >= 200 && status < 300, status, statusText, url: URL, text: () => Promise.resolve(body) });

let fetchMock: Fetch;
const hadFetch = "fetch" in globalThis;
const realFetch: unknown = (globalThis as { fetch?: unknown }).fetch;
beforeEach(() => {
  fetchMock = jest.fn();
  Object.defineProperty(globalThis, "fetch", { value: fetchMock, configurable: true, writable: true });
});
afterEach(() => {
  if (hadFetch) Object.defineProperty(globalThis, "fetch", { value: realFetch, configurable: true, writable: true });
  else delete (globalThis as { fetch?: unknown }).fetch;
});

const saveUrl = (url: string) => (m: { settings: Map<string, unknown> }) => m.settings.set("yesan.catalogUrl", url);

describe.each<Lang>(["ko", "en"])("catalog in %s", (lang) => {
  const w = WORDS[lang];

  test("the saved address is read on opening: the good template offered, the bad ones named with their field", async () => {
    fetchMock.mockResolvedValue(answer(200, REMOTE));
    const r = await openTemplates(lang, saveUrl(URL));
    await waitFor(() => expect(screen.getByTestId("catalog-source")).toHaveTextContent(lang === "ko" ? `카탈로그 2.1.0 · 템플릿 1개 · ${URL}` : `Catalog 2.1.0 · templates: 1 · ${URL}`));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0][0]).toBe(URL);
    expect(fetchMock.mock.calls[0][1]).toMatchObject({ credentials: "omit" });
    expect(screen.getByRole("textbox", { name: w.url })).toHaveValue(URL);

    expect(
      screen.getByText(
        lang === "ko" ? `카탈로그(${URL})의 템플릿 2개는 형식이 맞지 않아 뺐습니다 (사용 가능 1개)` : `2 template(s) of the catalog (${URL}) are malformed and were left out (1 usable)`,
      ),
    ).toBeInTheDocument();
    const invalid = screen.getByRole("region", { name: lang === "ko" ? "형식이 맞지 않아 뺀 템플릿 2개" : "Templates left out as malformed: 2" });
    const items = within(invalid).getAllByRole("listitem").filter((li) => li.parentElement?.parentElement === invalid);
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(lang === "ko" ? "traditional-market-management (카탈로그 2번째)" : "traditional-market-management (catalog entry 2)");
    expect(within(items[0]).getByText("funding.unit")).toBeInTheDocument();
    expect(items[1]).toHaveTextContent(lang === "ko" ? "Animal Protection (카탈로그 3번째)" : "Animal Protection (catalog entry 3)");
    expect(within(items[1]).getByText("id")).toBeInTheDocument();

    const radios = within(templateList(lang)).getAllByRole("radio");
    expect(radios).toHaveLength(1);
    expect(radios[0].closest(".fui-Radio")).toHaveTextContent(/domestic-international-exchange@1\.1\.0$/);

    // What is inserted is the catalog's revision, and the record says so.
    await insert(r, lang, "new");
    expect(JSON.parse(String(r.model.settings.get("yesan.templates")))[0]).toMatchObject({ id: "domestic-international-exchange", version: "1.1.0" });
  });

  test("a catalog that cannot be reached: the pane says so, naming the address, and offers the bundled templates", async () => {
    fetchMock.mockRejectedValue(new TypeError("Failed to fetch"));
    await openTemplates(lang, saveUrl(URL));
    await screen.findByText(
      lang === "ko"
        ? `카탈로그(${URL})에 연결하지 못해 내장 템플릿을 사용합니다 (서버에 연결할 수 없습니다: Failed to fetch)`
        : `Could not reach the catalog (${URL}); using the bundled templates (cannot connect to the server: Failed to fetch)`,
      undefined,
      { timeout: 10_000 },
    );
    expect(screen.getByTestId("catalog-source")).toHaveTextContent(lang === "ko" ? "내장 카탈로그 1.0.0 · 템플릿 16개" : "Bundled catalog 1.0.0 · templates: 16");
    expect(within(templateList(lang)).getAllByRole("radio")).toHaveLength(16);
  });

  test("불러오기 saves the address in the workbook and loads it; a server error falls back with its status", async () => {
    fetchMock.mockResolvedValue(answer(404, "", "Not Found"));
    const r = await openTemplates(lang);
    expect(fetchMock).not.toHaveBeenCalled(); // nothing saved: the bundled catalog, no request
    await r.user.type(screen.getByRole("textbox", { name: w.url }), URL);
    await r.user.click(screen.getByRole("button", { name: w.load }));
    await screen.findByText(lang === "ko" ? /서버가 HTTP 404 Not Found 응답을 보냈습니다/ : /the server answered HTTP 404 Not Found/, undefined, { timeout: 10_000 });
    expect(r.model.settings.get("yesan.catalogUrl")).toBe(URL);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(within(templateList(lang)).getAllByRole("radio")).toHaveLength(16);

    // Enter in the field loads too; a blank address goes back to the bundled catalog and is saved blank.
    fetchMock.mockResolvedValue(answer(200, REMOTE));
    await r.user.click(screen.getByRole("textbox", { name: w.url }));
    await r.user.keyboard("{Enter}");
    await waitFor(() => expect(within(templateList(lang)).getAllByRole("radio")).toHaveLength(1));
    await r.user.clear(screen.getByRole("textbox", { name: w.url }));
    await r.user.click(screen.getByRole("button", { name: w.load }));
    await waitFor(() => expect(within(templateList(lang)).getAllByRole("radio")).toHaveLength(16));
    expect(r.model.settings.get("yesan.catalogUrl")).toBe("");
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  test("an address that is not https is refused at the field: nothing fetched, nothing saved", async () => {
    const r = await openTemplates(lang);
    const before = r.model.snapshot();
    await r.user.type(screen.getByRole("textbox", { name: w.url }), "http://budget.geumcheon.example/catalog.json");
    await r.user.click(screen.getByRole("button", { name: w.load }));
    expect(screen.getByText(lang === "ko" ? "https:// 주소만 쓸 수 있습니다" : "only https:// URLs are accepted")).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(r.model.snapshot()).toBe(before);
  });
});
