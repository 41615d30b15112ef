// The production manifest's URL rewrite (webpack.config.js applies it when YESAN_PUBLIC_URL is set).
import { normalizePublicUrl, rewriteCatalogDomain, rewriteManifestUrls } from "../../scripts/manifest-url";

const SAMPLE = [
  '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
  '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>',
  "<AppDomain>https://templates.yesan.example</AppDomain>",
  '<bt:Url id="Commands.Url" DefaultValue="https://localhost:3000/commands.html"/>',
  '<SupportUrl DefaultValue="https://yesan.example/help"/>',
  "<AppDomain>https://localhost:3000</AppDomain>",
  '<X DefaultValue="https://localhost:30000/other"/>',
].join("\n");

describe("rewriteManifestUrls", () => {
  test("moves every dev-server URL under the public URL, keeping its path", () => {
    expect(rewriteManifestUrls(SAMPLE, "https://addins.example.go.kr")).toBe(
      [
        '<IconUrl DefaultValue="https://addins.example.go.kr/assets/icon-32.png"/>',
        '<SourceLocation DefaultValue="https://addins.example.go.kr/taskpane.html"/>',
        "<AppDomain>https://templates.yesan.example</AppDomain>",
        '<bt:Url id="Commands.Url" DefaultValue="https://addins.example.go.kr/commands.html"/>',
        '<SupportUrl DefaultValue="https://yesan.example/help"/>',
        "<AppDomain>https://addins.example.go.kr</AppDomain>",
        '<X DefaultValue="https://localhost:30000/other"/>',
      ].join("\n"),
    );
  });

  test("a path prefix, with or without its trailing slash", () => {
    const a = rewriteManifestUrls(SAMPLE, "https://cdn.example/yesan/");
    expect(a).toBe(rewriteManifestUrls(SAMPLE, "https://cdn.example/yesan"));
    expect(a).toContain('"https://cdn.example/yesan/taskpane.html"');
    expect(a).not.toContain("yesan//");
  });
});

describe("normalizePublicUrl", () => {
  test("accepts https and drops the trailing slash", () => {
    expect(normalizePublicUrl("https://addins.example.go.kr/")).toBe("https://addins.example.go.kr");
    expect(normalizePublicUrl("https://addins.example.go.kr:8443/a/b/")).toBe("https://addins.example.go.kr:8443/a/b");
  });

  test("refuses what Office would not load, before anything is built", () => {
    expect(() => normalizePublicUrl("http://addins.example.go.kr")).toThrow(/https/);
    expect(() => normalizePublicUrl("addins.example.go.kr")).toThrow(/not a URL/);
    expect(() => normalizePublicUrl("https://addins.example.go.kr/?v=1")).toThrow(/query/);
  });
});

describe("rewriteCatalogDomain", () => {
  test("the catalog placeholder becomes the origin of the office's catalog address; nothing else changes", () => {
    const out = rewriteCatalogDomain(SAMPLE, "https://intra.example.go.kr:8443/yesan/catalog.json?v=2");
    expect(out).toBe(SAMPLE.replace("<AppDomain>https://templates.yesan.example</AppDomain>", "<AppDomain>https://intra.example.go.kr:8443</AppDomain>"));
  });

  test("refuses an address the pane would not load", () => {
    expect(() => rewriteCatalogDomain(SAMPLE, "http://intra.example.go.kr/catalog.json")).toThrow(/https/);
    expect(() => rewriteCatalogDomain(SAMPLE, "catalog.json")).toThrow(/not a URL/);
  });
});
