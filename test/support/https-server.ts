// A real https server on 127.0.0.1 with a certificate made on the fly (openssl), and a fetch that trusts exactly
// that certificate: catalog URLs are https-only, so the tests serve https rather than bend the rule.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FetchLike } from "../../src/core/templates/catalog-source";

let cached: { key: Buffer; cert: Buffer } | undefined;

function selfSignedCert(): { key: Buffer; cert: Buffer } {
  if (cached !== undefined) return cached;
  const dir = mkdtempSync(path.join(tmpdir(), "yesan-cert-"));
  const key = path.join(dir, "key.pem");
  const cert = path.join(dir, "cert.pem");
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
    { stdio: "pipe" },
  );
  cached = { key: readFileSync(key), cert: readFileSync(cert) };
  return cached;
}

export interface TestServer {
  /** https://127.0.0.1:<port> */
  origin: string;
  close: () => Promise<void>;
}

export async function startHttpsServer(handler: http.RequestListener): Promise<TestServer> {
  const server = https.createServer(selfSignedCert(), handler);
  return listen(server, "https");
}

export async function startHttpServer(handler: http.RequestListener): Promise<TestServer> {
  return listen(http.createServer(handler), "http");
}

async function listen(server: http.Server | https.Server, scheme: string): Promise<TestServer> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${scheme}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        // Stalled test connections would keep close() waiting forever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A fetch over node:https trusting the test certificate, answering as fetch does: with `redirect: "manual"` a 3xx
 * comes back with its Location; with "follow" redirects are followed (to http too). The body is a web stream, so a
 * reader can stop an endless one.
 */
export const trustingFetch: FetchLike = async (url, init) => {
  let current = url;
  for (let hop = 0; hop < 5; hop++) {
    const res = await get(current, init.signal, init.headers);
    const location = res.headers.location;
    const status = res.statusCode ?? 0;
    if (init.redirect === "follow" && status >= 300 && status < 400 && location !== undefined) {
      res.resume();
      current = new URL(location, current).toString();
      continue;
    }
    const body = Readable.toWeb(res) as ReadableStream<Uint8Array>;
    return {
      ok: status >= 200 && status < 300,
      status,
      statusText: res.statusMessage ?? "",
      url: current,
      headers: { get: (name: string) => { const v = res.headers[name.toLowerCase()]; return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v; } },
      body,
      text: () => new Response(body).text(),
    };
  }
  throw new Error("too many redirects");
};

function get(url: string, signal: AbortSignal, headers: Record<string, string>): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = url.startsWith("https:") ? https.get(url, { ca: selfSignedCert().cert, signal, headers }, resolve) : http.get(url, { signal, headers }, resolve);
    req.on("error", reject);
  });
}
