// The add-in manifest, checked offline: the schema (xmllint with Microsoft's 2020 XSDs), office-addin-manifest's
// own parser, and what neither checks: ids, resource references, https, icon files and their pixel sizes, the
// ribbon's two buttons, and Korean strings with English overrides.
//
// The VersionOverrides part is read with small regular expressions: office-addin-manifest's reader reports only the
// top-level fields (and runs in a child process, see readManifestFile), and the manifest is our own, regularly
// formatted file (one element per line, no CDATA).
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { PNG } from "pngjs";
import { rewriteManifestUrls } from "../scripts/manifest-url";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
import { XSD_DIR } from "./support/paths";
const DEV_ORIGIN = "https://localhost:3000";
const xml = fs.readFileSync(MANIFEST, "utf8");
/** Comments removed, so a URL or an element named in a comment is not mistaken for the real thing. */
const body = xml.replace(/<!--[\s\S]*?-->/g, "");

const HANGUL = /[\uac00-\ud7a3]/;

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name.replace(":", "\\:")}="([^"]*)"`).exec(tag)?.[1];
}

/** Every opening (or self-closing) tag with that element name, e.g. "bt:Image". */
function tags(source: string, element: string): string[] {
  return [...source.matchAll(new RegExp(`<${element}(?=[\\s/>])[^>]*>`, "g"))].map((m) => m[0]);
}

/** The whole element (start tag to its end tag) for elements that are not nested in themselves. */
function blocks(source: string, element: string): string[] {
  return [...source.matchAll(new RegExp(`<${element}(?=[\\s>])[^>]*>[\\s\\S]*?</${element}>`, "g"))].map((m) => m[0]);
}

interface Resource {
  kind: string;
  id: string;
  value: string;
  overrides: Map<string, string>;
}

/** The Resources section: images, URLs, short and long strings, with their locale overrides. */
function resources(): Map<string, Resource> {
  const section = blocks(body, "Resources")[0];
  expect(section).toBeDefined();
  const map = new Map<string, Resource>();
  const re = /<bt:(Image|Url|String)\s([^>]*?)(\/>|>([\s\S]*?)<\/bt:\1>)/g;
  for (const m of section.matchAll(re)) {
    const tag = ` ${m[2]}`;
    const id = attr(tag, "id");
    const value = attr(tag, "DefaultValue");
    if (id === undefined || value === undefined) throw new Error(`resource without id or DefaultValue: ${m[0]}`);
    if (map.has(id)) throw new Error(`resource id defined twice: ${id}`);
    const overrides = new Map<string, string>();
    for (const o of tags(m[4] ?? "", "bt:Override")) overrides.set(attr(o, "Locale") ?? "", attr(o, "Value") ?? "");
    map.set(id, { kind: m[1], id, value, overrides });
  }
  return map;
}

const res = resources();

function resource(id: string | undefined): Resource {
  const r = id === undefined ? undefined : res.get(id);
  if (r === undefined) throw new Error(`resource not defined: ${id}`);
  return r;
}

/** assets/icon-32.png for https://localhost:3000/assets/icon-32.png. */
function assetFile(url: string): string {
  expect(url.startsWith(`${DEV_ORIGIN}/assets/`)).toBe(true);
  return path.join(ROOT, url.slice(DEV_ORIGIN.length + 1));
}

function pngSize(file: string): { width: number; height: number } {
  const png = PNG.sync.read(fs.readFileSync(file));
  return { width: png.width, height: png.height };
}

interface ManifestInfo {
  id?: string;
  appDomains?: string[];
  defaultLocale?: string;
  displayName?: string;
  hosts?: string[];
  officeAppType?: string;
  permissions?: string;
  defaultSettings?: { sourceLocation?: string };
}

/**
 * office-addin-manifest's readManifestFile, run in a plain Node process: the package's modules pull in ESM-only
 * dependencies (uuid, strip-bom via @microsoft/app-manifest) that jest's CommonJS runtime cannot load (see
 * /work/shared/TOOLCHAIN.md), while Node itself loads them.
 */
function readManifestFile(file: string): ManifestInfo {
  const script =
    'require("office-addin-manifest").OfficeAddinManifest.readManifestFile(process.argv[1])' +
    ".then((info) => process.stdout.write(JSON.stringify(info)), (e) => { console.error(e); process.exit(1); });";
  const run = spawnSync(process.execPath, ["-e", script, file], { cwd: ROOT, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`office-addin-manifest could not read ${file}: ${run.stderr}`);
  return JSON.parse(run.stdout) as ManifestInfo;
}

function xmllint(file: string): { status: number | null; output: string } {
  const run = spawnSync("xmllint", ["--noout", "--schema", path.join(XSD_DIR, "OfficeAppManifestV1_1.xsd"), file], {
    encoding: "utf8",
  });
  if (run.error !== undefined) {
    // Never skipped: a machine without xmllint must not pass the manifest unchecked.
    throw new Error(`xmllint could not run (${run.error.message}): apt-get install libxml2-utils`);
  }
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe("manifest.xml", () => {
  test("validates against the Office add-in manifest schema (xmllint)", () => {
    expect(fs.existsSync(path.join(XSD_DIR, "OfficeAppManifestV1_1.xsd"))).toBe(true);
    const { status, output } = xmllint(MANIFEST);
    expect({ status, output: output.trim() }).toEqual({ status: 0, output: `${MANIFEST} validates` });
  });

  test("the production rewrite (YESAN_PUBLIC_URL) still validates and keeps no localhost URL", () => {
    const rewritten = rewriteManifestUrls(xml, "https://addins.example.go.kr/yesan/");
    expect(rewritten).not.toContain("https://localhost");
    expect(rewritten).toContain('<SourceLocation DefaultValue="https://addins.example.go.kr/yesan/taskpane.html"/>');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yesan-manifest-"));
    try {
      const file = path.join(dir, "manifest.xml");
      fs.writeFileSync(file, rewritten);
      expect(xmllint(file).status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("office-addin-manifest reads it: a Korean Excel task pane add-in that writes to the workbook", () => {
    const info = readManifestFile(MANIFEST);
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.defaultLocale).toBe("ko-KR");
    expect(info.displayName).toBe("예산 검증 Yesan");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEV_ORIGIN}/taskpane.html`);
    expect(info.appDomains).toEqual(["https://templates.yesan.example"]);
  });

  test("requires ExcelApi 1.13 (getMergedAreasOrNullObject)", () => {
    const sets = tags(body, "Sets");
    expect(sets.map((t) => attr(t, "DefaultMinVersion"))).toEqual(["1.13"]);
    expect(tags(body, "Set").map((t) => [attr(t, "Name"), attr(t, "MinVersion")])).toEqual([["ExcelApi", "1.13"]]);
  });

  test("every id is unique", () => {
    const ids = [...body.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(10);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  test("every resid is defined in Resources, and every resource is used", () => {
    const used = new Set([...body.matchAll(/\sresid="([^"]+)"/g)].map((m) => m[1]));
    for (const id of used) expect(res.has(id) ? id : `undefined resid ${id}`).toBe(id);
    for (const id of res.keys()) expect(used.has(id) ? id : `unused resource ${id}`).toBe(id);
  });

  test("every URL is https (namespaces aside)", () => {
    const withoutNamespaces = body.replace(/\sxmlns(?::\w+)?="[^"]*"/g, "");
    const urls = [...withoutNamespaces.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^"<\s]+/gi)].map((m) => m[0]);
    expect(urls.length).toBeGreaterThanOrEqual(10);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
  });

  test("the task pane and the function file are the dev server's taskpane.html and commands.html", () => {
    expect(tags(body, "SourceLocation").map((t) => attr(t, "DefaultValue") ?? resource(attr(t, "resid")).value)).toEqual([
      `${DEV_ORIGIN}/taskpane.html`,
      `${DEV_ORIGIN}/taskpane.html`,
    ]);
    expect(resource("Taskpane.Url").value).toBe(`${DEV_ORIGIN}/taskpane.html`);
    expect(tags(body, "FunctionFile").map((t) => attr(t, "resid"))).toEqual(["Commands.Url"]);
    expect(resource("Commands.Url").value).toBe(`${DEV_ORIGIN}/commands.html`);
  });

  test("the Home tab has one group with the two buttons: open the pane, and the quick check", () => {
    expect(tags(body, "OfficeTab").map((t) => attr(t, "id"))).toEqual(["TabHome"]);
    expect(tags(body, "ExtensionPoint").map((t) => attr(t, "xsi:type"))).toEqual(["PrimaryCommandSurface"]);
    const groups = blocks(body, "Group");
    expect(groups).toHaveLength(1);
    const controls = blocks(groups[0], "Control");
    const buttons = controls.map((c) => {
      const action = blocks(c, "Action")[0] ?? "";
      return {
        type: attr(c, "xsi:type"),
        label: resource(attr(tags(c, "Label")[0] ?? "", "resid")).value,
        action: attr(action, "xsi:type"),
        taskpaneId: /<TaskpaneId>([^<]*)<\/TaskpaneId>/.exec(action)?.[1],
        source: tags(action, "SourceLocation").map((t) => resource(attr(t, "resid")).value)[0],
        functionName: /<FunctionName>([^<]*)<\/FunctionName>/.exec(action)?.[1],
      };
    });
    expect(buttons).toEqual([
      {
        type: "Button",
        label: "검증 창 열기",
        action: "ShowTaskpane",
        taskpaneId: "ButtonId1",
        source: `${DEV_ORIGIN}/taskpane.html`,
        functionName: undefined,
      },
      {
        type: "Button",
        label: "빠른 검증",
        action: "ExecuteFunction",
        taskpaneId: undefined,
        source: undefined,
        functionName: "checkWorkbookFromRibbon",
      },
    ]);
  });

  test("the ExecuteFunction name is the one commands.ts associates", () => {
    const commands = fs.readFileSync(path.join(ROOT, "src/commands/commands.ts"), "utf8");
    expect(commands).toMatch(/Office\.actions\.associate\(\s*"checkWorkbookFromRibbon"\s*,\s*checkWorkbookFromRibbon\s*\)/);
  });

  test("icons exist in assets/ with the pixel sizes the manifest promises", () => {
    const expected: Array<[string, number]> = [
      [attr(tags(body, "IconUrl")[0], "DefaultValue") ?? "", 32],
      [attr(tags(body, "HighResolutionIconUrl")[0], "DefaultValue") ?? "", 64],
    ];
    // Ribbon icons: <bt:Image size="16" resid="Icon.16x16"/> must point at a 16×16 file.
    const sized = tags(body, "bt:Image").filter((t) => attr(t, "size") !== undefined);
    expect(sized.length).toBeGreaterThanOrEqual(3);
    for (const t of sized) expected.push([resource(attr(t, "resid")).value, Number(attr(t, "size"))]);
    expect(new Set(expected.map(([, s]) => s))).toEqual(new Set([16, 32, 64, 80]));
    for (const [url, size] of expected) {
      const file = assetFile(url);
      expect(fs.existsSync(file) ? file : `missing ${file}`).toBe(file);
      expect({ file: path.basename(file), ...pngSize(file) }).toEqual({ file: path.basename(file), width: size, height: size });
    }
  });

  test("the name, description and every ribbon string are Korean with an English (en-US) override", () => {
    for (const element of ["DisplayName", "Description"]) {
      const block = blocks(body, element)[0];
      expect(HANGUL.test(attr(block, "DefaultValue") ?? "")).toBe(true);
      const overrides = tags(block, "Override").map((t) => [attr(t, "Locale"), attr(t, "Value") ?? ""]);
      expect(overrides.map(([locale]) => locale)).toEqual(["en-US"]);
      expect(HANGUL.test(overrides[0][1] ?? "")).toBe(false);
    }
    const strings = [...res.values()].filter((r) => r.kind === "String");
    expect(strings.length).toBeGreaterThanOrEqual(6);
    for (const s of strings) {
      expect({ id: s.id, korean: HANGUL.test(s.value) }).toEqual({ id: s.id, korean: true });
      expect({ id: s.id, locales: [...s.overrides.keys()] }).toEqual({ id: s.id, locales: ["en-US"] });
      const en = s.overrides.get("en-US") ?? "";
      expect({ id: s.id, english: en !== "" && !HANGUL.test(en) }).toEqual({ id: s.id, english: true });
    }
  });
});
