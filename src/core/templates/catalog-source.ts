// Where the templates come from: a catalog URL the office publishes, or the catalog bundled with Yesan.
// A catalog that cannot be reached or read never leaves the officer without templates: Yesan falls back to the
// bundled ones and says why, naming the URL. A catalog with some broken templates keeps the good ones and lists
// the broken ones with their problems, so whoever maintains the catalog can fix them.
//
// Pure TypeScript: the caller passes `fetch` (Node's global fetch in the CLI, the browser's in the add-in).
//
// Only https URLs are accepted, for everyone, localhost included. A catalog decides which cells of a budget
// workbook are formulas and which are inputs, so it must come from where it says it comes from; the add-in runs
// on an https origin where an http fetch is blocked as mixed content anyway, and the CLI follows the same rule so
// a catalog URL that works in one works in the other. The tests serve https with a certificate made on the fly.
import type { Lang } from "../findings/findings";
import type { Catalog, Template } from "./schema";
import { validateCatalogEntries, type TemplateProblem } from "./validate";
import { TEMPLATE_MSG, type Text } from "./messages";

/** The part of the WHATWG fetch this module uses; the global `fetch` of Node and browsers fits it. */
export type FetchLike = (
  url: string,
  init: { signal: AbortSignal; headers: Record<string, string>; redirect: "manual" | "follow"; credentials: "omit" },
) => Promise<FetchResponse>;

export interface FetchResponse {
  ok: boolean;
  status: number;
  statusText: string;
  url: string;
  /** "opaqueredirect" when a browser answers a manual redirect without saying where it leads. */
  type?: string;
  headers?: { get(name: string): string | null };
  /** Read chunk by chunk so that an endless body is cut at the limit; text() only where there is no stream. */
  body?: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
}

export interface InvalidTemplate {
  /** The template's id when it has a readable one. */
  id?: string;
  /** 0-based position in the catalog's `templates`. */
  index: number;
  problems: TemplateProblem[];
}

export interface CatalogLoad {
  source: "remote" | "bundled";
  /** The catalog URL asked for, when there was one (also when it fell back). */
  url?: string;
  catalogVersion: string;
  /** The valid templates, in catalog order. */
  templates: Template[];
  /** The remote catalog's templates that were left out, and why. Empty for the bundled catalog. */
  invalid: InvalidTemplate[];
  /** What the officer should know: the fallback and its cause, or templates left out. */
  notice?: Text;
}

export interface LoadCatalogOptions {
  /** Give up on a server that has not sent the whole catalog after this long. Default 10 s. */
  timeoutMs?: number;
}

export const DEFAULT_CATALOG_TIMEOUT_MS = 10_000;
// The bundled catalog of 15 programs is ~60 kB; a body 80 times larger is not a catalog.
export const MAX_CATALOG_BYTES = 5_000_000;
// As many hops as browsers allow in practice for a moved file; a loop ends here.
export const MAX_REDIRECTS = 5;

/** Why a remote catalog was not used: "connect" failures never reached a catalog, "content" ones got a bad one. */
type Failure = { kind: "connect" | "content"; reason: Text };

/** Every sentence of this module, Korean first. */
export const CATALOG_SOURCE_MSG = {
  fallback: (url: string, f: Failure): Text =>
    f.kind === "connect"
      ? { ko: `카탈로그(${url})에 연결하지 못해 내장 템플릿을 사용합니다 (${f.reason.ko})`, en: `Could not reach the catalog (${url}); using the bundled templates (${f.reason.en})` }
      : { ko: `카탈로그(${url})를 읽을 수 없어 내장 템플릿을 사용합니다 (${f.reason.ko})`, en: `Could not use the catalog (${url}); using the bundled templates (${f.reason.en})` },
  leftOut: (url: string, n: number, kept: number): Text => ({
    ko: `카탈로그(${url})의 템플릿 ${n}개는 형식이 맞지 않아 뺐습니다 (사용 가능 ${kept}개)`,
    en: `${n} template(s) of the catalog (${url}) are malformed and were left out (${kept} usable)`,
  }),
  badUrl: (): Text => ({ ko: "URL 형식이 아닙니다", en: "not a URL" }),
  notHttps: (): Text => ({ ko: "https:// 주소만 쓸 수 있습니다", en: "only https:// URLs are accepted" }),
  redirectedOffHttps: (to: string): Text => ({ ko: `https가 아닌 주소로 넘겨졌습니다: ${to}`, en: `redirected to a non-https URL: ${to}` }),
  timeout: (ms: number): Text => ({ ko: `${ms / 1000}초 안에 응답이 오지 않았습니다`, en: `no answer within ${ms / 1000} s` }),
  network: (detail: string): Text => ({ ko: `서버에 연결할 수 없습니다: ${detail}`, en: `cannot connect to the server: ${detail}` }),
  status: (status: number, text: string): Text => ({
    ko: `서버가 HTTP ${status}${text === "" ? "" : ` ${text}`} 응답을 보냈습니다`,
    en: `the server answered HTTP ${status}${text === "" ? "" : ` ${text}`}`,
  }),
  tooLarge: (limit: number): Text => ({
    ko: `응답이 한도 ${limit / 1_000_000}MB를 넘어 읽기를 멈췄습니다`,
    en: `the answer passed the limit of ${limit / 1_000_000} MB and reading stopped`,
  }),
  tooManyRedirects: (n: number): Text => ({ ko: `다른 주소로 ${n}번 넘게 넘겨졌습니다`, en: `redirected more than ${n} times` }),
  notJson: (detail: string): Text => TEMPLATE_MSG.notJson(detail),
  badCatalog: (first: Text, more: number): Text => ({
    ko: `카탈로그 형식이 맞지 않습니다: ${first.ko}${more > 0 ? ` 외 ${more}건` : ""}`,
    en: `the catalog is malformed: ${first.en}${more > 0 ? ` and ${more} more` : ""}`,
  }),
  empty: (): Text => ({ ko: "템플릿이 하나도 없습니다", en: "it holds no template" }),
  noUsable: (n: number): Text => ({ ko: `쓸 수 있는 템플릿이 없습니다 (형식 오류 ${n}개)`, en: `no usable template (${n} malformed)` }),
} as const;

/**
 * The templates to offer: from `url` when it is given and serves a usable catalog, else the `bundled` catalog.
 * Never rejects: every failure of the remote catalog becomes a fallback with a notice.
 */
export async function loadCatalog(url: string | undefined, fetchFn: FetchLike, bundled: Catalog, options: LoadCatalogOptions = {}): Promise<CatalogLoad> {
  const fromBundle = (notice?: Text, invalid: InvalidTemplate[] = []): CatalogLoad => ({
    source: "bundled",
    ...(url === undefined ? {} : { url }),
    catalogVersion: bundled.catalogVersion,
    templates: bundled.templates,
    invalid,
    ...(notice === undefined ? {} : { notice }),
  });
  if (url === undefined || url.trim() === "") return fromBundle();

  const urlProblem = checkUrl(url);
  if (urlProblem !== undefined) return fromBundle(CATALOG_SOURCE_MSG.fallback(url, { kind: "connect", reason: urlProblem }));

  const body = await fetchText(url, fetchFn, options.timeoutMs ?? DEFAULT_CATALOG_TIMEOUT_MS);
  if ("failure" in body) return fromBundle(CATALOG_SOURCE_MSG.fallback(url, body.failure));

  const read = readCatalog(body.text);
  if ("failure" in read) return fromBundle(CATALOG_SOURCE_MSG.fallback(url, read.failure), read.invalid);
  return {
    source: "remote",
    url,
    catalogVersion: read.catalogVersion,
    templates: read.templates,
    invalid: read.invalid,
    ...(read.invalid.length === 0 ? {} : { notice: CATALOG_SOURCE_MSG.leftOut(url, read.invalid.length, read.templates.length) }),
  };
}

/** Why `url` cannot be a catalog URL, or undefined when it can. */
export function checkUrl(url: string): Text | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return CATALOG_SOURCE_MSG.badUrl();
  }
  return parsed.protocol === "https:" ? undefined : CATALOG_SOURCE_MSG.notHttps();
}

async function fetchText(url: string, fetchFn: FetchLike, timeoutMs: number): Promise<{ text: string } | { failure: Failure }> {
  const controller = new AbortController();
  let timedOut = false;
  // The timer runs until the body is read: a server that sends headers and then stalls is as dead as a silent one.
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const res = await follow(url, fetchFn, controller.signal);
    if ("failure" in res) return res;
    if (!res.ok) return { failure: { kind: "connect", reason: CATALOG_SOURCE_MSG.status(res.status, res.statusText) } };
    const text = await readLimited(res, MAX_CATALOG_BYTES);
    if (text === undefined) {
      controller.abort();
      return { failure: { kind: "content", reason: CATALOG_SOURCE_MSG.tooLarge(MAX_CATALOG_BYTES) } };
    }
    return { text };
  } catch (e) {
    if (timedOut) return { failure: { kind: "connect", reason: CATALOG_SOURCE_MSG.timeout(timeoutMs) } };
    return { failure: { kind: "connect", reason: CATALOG_SOURCE_MSG.network(errorDetail(e)) } };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The response at the end of `url`'s redirects, each hop checked before it is requested: a redirect to http is
 * refused at once, never connected to. Where a browser hides the target of a redirect (an opaque answer), the
 * browser itself follows it, and it blocks an http hop from an https page as mixed content.
 */
async function follow(url: string, fetchFn: FetchLike, signal: AbortSignal): Promise<FetchResponse | { failure: Failure }> {
  // No cookies or credentials: a catalog is public, and a wrong URL must not receive the officer's session.
  const init = (redirect: "manual" | "follow") => ({ signal, headers: { Accept: "application/json" }, redirect, credentials: "omit" as const });
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const res = await fetchFn(current, init("manual"));
    if (res.type === "opaqueredirect") {
      const followed = await fetchFn(current, init("follow"));
      if (followed.url !== "" && checkUrl(followed.url) !== undefined) return { failure: { kind: "connect", reason: CATALOG_SOURCE_MSG.redirectedOffHttps(followed.url) } };
      return followed;
    }
    const location = res.status >= 300 && res.status < 400 ? res.headers?.get("location") : null;
    if (location === null || location === undefined) {
      if (res.url !== "" && checkUrl(res.url) !== undefined) return { failure: { kind: "connect", reason: CATALOG_SOURCE_MSG.redirectedOffHttps(res.url) } };
      return res;
    }
    void res.body?.cancel().catch(() => undefined);
    let next: string;
    try {
      next = new URL(location, current).toString();
    } catch {
      return { failure: { kind: "connect", reason: CATALOG_SOURCE_MSG.redirectedOffHttps(location) } };
    }
    if (checkUrl(next) !== undefined) return { failure: { kind: "connect", reason: CATALOG_SOURCE_MSG.redirectedOffHttps(next) } };
    current = next;
  }
  return { failure: { kind: "connect", reason: CATALOG_SOURCE_MSG.tooManyRedirects(MAX_REDIRECTS) } };
}

/** The body as text, or undefined once it passes `limit` bytes: the rest is never read. */
async function readLimited(res: FetchResponse, limit: number): Promise<string | undefined> {
  if (res.body === undefined || res.body === null) {
    const text = await res.text();
    return text.length > limit ? undefined : text;
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > limit) {
      void reader.cancel().catch(() => undefined);
      return undefined;
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join("");
}

/** The innermost message of an error: Node's fetch says "fetch failed" and keeps the reason (ECONNREFUSED…) in `cause`. */
function errorDetail(e: unknown): string {
  const parts: string[] = [];
  let cur: unknown = e;
  for (let depth = 0; depth < 4 && cur !== undefined && cur !== null; depth++) {
    if (typeof cur === "object") {
      const o = cur as { code?: unknown; message?: unknown; cause?: unknown };
      if (typeof o.code === "string") parts.push(o.code);
      else if (typeof o.message === "string" && o.message !== "") parts.push(o.message);
      cur = o.cause;
    } else {
      parts.push(String(cur));
      break;
    }
  }
  const detail = [...new Set(parts)].join(": ");
  return detail === "" ? String(e) : detail;
}

type Read = { catalogVersion: string; templates: Template[]; invalid: InvalidTemplate[] } | { failure: Failure; invalid: InvalidTemplate[] };

/** A catalog's text → its valid templates and the invalid ones; a failure when nothing of it is usable. */
export function readCatalog(text: string): Read {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { failure: { kind: "content", reason: CATALOG_SOURCE_MSG.notJson(e instanceof Error ? e.message : String(e)) }, invalid: [] };
  }
  // One pass over the catalog: each template is validated once, and its verdict decides whether it is kept.
  const read = validateCatalogEntries(json);
  if (!read.ok) {
    // Problems of the envelope itself (no catalogVersion, templates not a list): nothing usable.
    const first = read.problems[0];
    const line = (lang: Lang): string => (first.path === "" ? first.message[lang] : `${first.path}: ${first.message[lang]}`);
    return { failure: { kind: "content", reason: CATALOG_SOURCE_MSG.badCatalog({ ko: line("ko"), en: line("en") }, read.problems.length - 1) }, invalid: [] };
  }
  const templates: Template[] = [];
  const invalid: InvalidTemplate[] = [];
  for (const e of read.entries) {
    if (e.result.ok) templates.push(e.result.value);
    else invalid.push({ ...(e.id === undefined ? {} : { id: e.id }), index: e.index, problems: e.result.problems });
  }
  if (templates.length === 0) {
    return { failure: { kind: "content", reason: invalid.length === 0 ? CATALOG_SOURCE_MSG.empty() : CATALOG_SOURCE_MSG.noUsable(invalid.length) }, invalid };
  }
  return { catalogVersion: read.catalogVersion, templates, invalid };
}
