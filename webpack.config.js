// Node-side bundles: the `yesan` command line, the sample-workbook builder and the benchmark; and "addin", the
// Excel add-in (task pane, ribbon commands, browser preview), built only when asked for by name
// (`--config-name addin`) or by a plain `webpack`, so `npm ci` (prepare: `--config-name cli`) stays fast.
const path = require("path");

const swc = {
  loader: "swc-loader",
  options: { jsc: { parser: { syntax: "typescript", tsx: true }, target: "es2022" } },
};

const nodeBundle = (name, entry) => ({
  name,
  target: "node20",
  mode: "production",
  entry,
  output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", library: { type: "commonjs2" } },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: { rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: swc }] },
  // exceljs stays a runtime dependency: bundling it only slows the build.
  externals: { exceljs: "commonjs exceljs", "playwright-core": "commonjs playwright-core" },
  optimization: { minimize: false },
  devtool: "source-map",
  stats: "errors-warnings",
});

module.exports = [
  nodeBundle("cli", { "cli/yesan": "./src/cli/main.ts" }),
  nodeBundle("tools", {
    "scripts/build-samples": "./scripts/build-samples-main.ts",
    "bench/bench": "./bench/bench.ts",
    "bench/profile-core": "./bench/profile-core.ts",
    "bench/profile-phases": "./bench/profile-phases.ts",
    "bench/make-file": "./bench/make-file.ts",
    "bench/profile-cli": "./bench/profile-cli.ts",
    "scripts/dump-sheet": "./scripts/dump-sheet.ts",
    "scripts/corpus": "./scripts/corpus.ts",
    "scripts/book-tree": "./scripts/book-tree.ts",
    "scripts/explain": "./scripts/explain.ts",
    "scripts/corpus-strings": "./scripts/corpus-strings.ts",
  }),
  // A function, so its mode-dependent parts are decided when webpack runs it and its https certificate is made only
  // by `webpack serve` (webpack-cli calls it with (env, argv) and filters by --config-name afterwards).
  addinConfig,
];

// ---------------------------------------------------------------------------------------------------------------
// The Excel add-in.

const ADDIN_PORT = 3000;
const DEV_ORIGIN = `https://localhost:${ADDIN_PORT}`;
/** Production pages load Office.js from Microsoft's CDN (bundling it is unsupported). */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/**
 * The npm copy, for the browser preview and development builds (these machines reach no CDN). Relative, so it
 * resolves to /office-js/office.js on the dev server and still works when dist/ is served under a path prefix.
 */
const OFFICE_JS_LOCAL = "office-js/office.js";
const OFFICE_JS_DIR = path.resolve(__dirname, "node_modules/@microsoft/office-js/dist");
/**
 * ExcelJS's prebuilt browser bundle (the preview reads .xlsx files with it). Already minified and self-contained:
 * not parsed, kept in its own chunk and not minified again (that alone took ~20 s of a 40 s build).
 */
const EXCELJS_BROWSER = /[\\/]exceljs[\\/]dist[\\/]exceljs\.min\.js$/;
const CERT_DIR = path.resolve(__dirname, ".certs");
const CERT_DAYS = 365;

async function addinConfig(env = {}, argv = {}) {
  // Not selected (`--config-name cli`, `tools`): skip loading the html/copy plugins. webpack-cli drops this
  // placeholder when it filters by name.
  if (Array.isArray(argv.configName) && !argv.configName.includes("addin")) return { name: "addin" };

  const HtmlWebpackPlugin = require("html-webpack-plugin");
  const CopyWebpackPlugin = require("copy-webpack-plugin");
  const { normalizePublicUrl, rewriteManifestUrls, rewriteCatalogDomain } = require("./scripts/manifest-url");

  const serving = env.WEBPACK_SERVE === true;
  // `webpack serve` means development unless --mode says otherwise; a plain build means production.
  const mode = argv.mode ?? (serving ? "development" : "production");
  const production = mode === "production";
  // Checked now, so a bad YESAN_PUBLIC_URL stops the build before anything is written.
  const publicUrl = production && process.env.YESAN_PUBLIC_URL ? normalizePublicUrl(process.env.YESAN_PUBLIC_URL) : undefined;
  // The office's template catalog: its origin goes into the manifest's AppDomains (checked now, like the URL above).
  const catalogUrl = process.env.YESAN_CATALOG_URL;
  if (catalogUrl) rewriteCatalogDomain("", catalogUrl);
  const manifest = (xml) => {
    const served = publicUrl === undefined ? xml : rewriteManifestUrls(xml, publicUrl);
    return catalogUrl ? rewriteCatalogDomain(served, catalogUrl) : served;
  };
  const officeJs = production ? OFFICE_JS_CDN : OFFICE_JS_LOCAL;

  const page = (name, template, parameters) =>
    new HtmlWebpackPlugin({ filename: `${name}.html`, template, chunks: [name], templateParameters: parameters });

  return {
    name: "addin",
    target: ["web", "es2020"],
    mode,
    context: __dirname,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      preview: "./src/preview/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      // dist/ is shared with the Node bundles: remove only this config's own stale hashed bundles.
      clean: production ? { keep: (file) => !STALE_ADDIN_BUNDLE.test(file) } : false,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      noParse: EXCELJS_BROWSER,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "swc-loader",
            options: {
              jsc: {
                parser: { syntax: "typescript", tsx: true },
                transform: { react: { runtime: "automatic", development: !production } },
                // Office's webviews: WebView2 on Windows, WKWebView on the Mac, a current browser on the web.
                target: "es2020",
              },
            },
          },
        },
      ],
    },
    plugins: [
      page("taskpane", "./src/taskpane/taskpane.html", { officeJs }),
      page("commands", "./src/commands/commands.html", { officeJs }),
      // The preview runs outside Office, on the in-memory workbook: always the local copy.
      page("preview", "./src/preview/preview.html", { officeJs: OFFICE_JS_LOCAL }),
      new CopyWebpackPlugin({
        patterns: [
          // Both files: without the mapping table Office.onReady never fires. Already minified: do not re-minify.
          { from: path.join(OFFICE_JS_DIR, "office.js"), to: "office-js/office.js", info: { minimized: true } },
          {
            from: path.join(OFFICE_JS_DIR, "o15apptofilemappingtable.js"),
            to: "office-js/o15apptofilemappingtable.js",
            info: { minimized: true },
          },
          { from: "assets", to: "assets" },
          { from: "src/commands/check-result.html", to: "check-result.html" },
          // The sample workbooks the preview opens (samples/ beside preview.html); the seed JSON is not needed there.
          { from: "samples/*.xlsx", to: "samples/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // The development manifest keeps localhost; a production build for a server gets that server's URLs.
            transform: (content) => (publicUrl === undefined && !catalogUrl ? content : manifest(content.toString("utf8"))),
          },
        ],
      }),
      new PrebuiltChunk("exceljs"),
    ],
    optimization: {
      splitChunks: { cacheGroups: { exceljs: { test: EXCELJS_BROWSER, name: "exceljs", chunks: "all", enforce: true } } },
    },
    devtool: production ? false : "eval-cheap-module-source-map",
    // React, React DOM and Fluent UI make a task pane of several hundred KB: warn only well past that. The hints are
    // about what Excel loads; ExcelJS (~0.9 MB) is loaded only by the preview page, so it is left out. Development
    // bundles are unminified (~12 MB) by design: no hints there.
    performance: {
      maxAssetSize: 1_500_000,
      maxEntrypointSize: 1_500_000,
      hints: production ? "warning" : false,
      assetFilter: (file) => /\.js$/.test(file) && !/^exceljs\./.test(file),
    },
    stats: production ? "errors-warnings" : "minimal",
    devServer: serving ? await devServerOptions(production) : undefined,
  };
}

/** Hashed bundles of an earlier production build (`taskpane.1a2b3c4d.js`, its LICENSE.txt and map). */
const STALE_ADDIN_BUNDLE = /^(?:taskpane|commands|preview|exceljs)\.[0-9a-f]{8}\.js(?:\.LICENSE\.txt|\.map)?$/;

/** Marks a chunk of already-minified code as minimized, so webpack's minimizer skips it (as for office.js). */
class PrebuiltChunk {
  constructor(chunkName) {
    this.chunkName = chunkName;
  }

  apply(compiler) {
    const { Compilation } = compiler.webpack;
    compiler.hooks.compilation.tap("PrebuiltChunk", (compilation) => {
      // OPTIMIZE runs before OPTIMIZE_SIZE, where the minimizer reads the `minimized` flag.
      compilation.hooks.processAssets.tap({ name: "PrebuiltChunk", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE }, () => {
        const chunk = compilation.namedChunks.get(this.chunkName);
        for (const file of chunk ? chunk.files : []) compilation.updateAsset(file, (source) => source, { minimized: true });
      });
    });
  }
}

async function devServerOptions(production) {
  return {
    host: "localhost",
    port: ADDIN_PORT,
    server: await httpsServer(),
    // Office loads the pages, icons and the function file from other origins (office.com, the desktop host).
    headers: { "Access-Control-Allow-Origin": "*" },
    static: [
      { directory: path.resolve(__dirname, "dist"), watch: false },
      // Development pages use the npm Office.js; inside Excel it loads its host files (excel-win32-16.01.js,
      // ko-kr/office_strings.js …) from its own folder, so serve the whole 86 MB folder in place instead of copying it.
      ...(production ? [] : [{ directory: OFFICE_JS_DIR, publicPath: "/office-js", watch: false, serveIndex: false }]),
    ],
    historyApiFallback: false,
    open: false,
    // Compile errors cover the page; warnings stay in the terminal rather than over a 320-px-wide task pane.
    client: { overlay: { errors: true, warnings: false } },
    onListening(devServer) {
      if (!devServer) throw new Error("webpack-dev-server is not defined");
      const manifest = path.resolve(__dirname, "manifest.xml");
      console.log(
        `\n[yesan] 미리보기: ${DEV_ORIGIN}/preview.html · 사이드로드할 매니페스트: ${manifest}` +
          `\n[yesan] Preview: ${DEV_ORIGIN}/preview.html · manifest to sideload: ${manifest}\n`,
      );
    },
  };
}

/**
 * https options for the dev server: a CA and a localhost certificate from office-addin-dev-certs, made once into
 * .certs/ (trust .certs/ca.crt to silence the browser's warning) and remade when missing or about to expire. If
 * that fails, webpack-dev-server's own self-signed certificate still gives https.
 */
async function httpsServer() {
  const fs = require("fs");
  const crypto = require("crypto");
  const ca = path.join(CERT_DIR, "ca.crt");
  const cert = path.join(CERT_DIR, "localhost.crt");
  const key = path.join(CERT_DIR, "localhost.key");
  const usable = () => {
    if (![ca, cert, key].every((f) => fs.existsSync(f))) return false;
    const x509 = new crypto.X509Certificate(fs.readFileSync(cert));
    const oneDay = 24 * 60 * 60 * 1000;
    return Date.parse(x509.validTo) > Date.now() + oneDay && x509.checkPrivateKey(crypto.createPrivateKey(fs.readFileSync(key)));
  };
  try {
    if (!usable()) {
      // generateCertificates writes nothing when the CA file exists, so start from an empty folder.
      fs.rmSync(CERT_DIR, { recursive: true, force: true });
      fs.mkdirSync(CERT_DIR, { recursive: true });
      // Private keys never belong in git, whatever the root .gitignore says.
      fs.writeFileSync(path.join(CERT_DIR, ".gitignore"), "*\n");
      const { generateCertificates } = require("office-addin-dev-certs");
      await generateCertificates(ca, cert, key, CERT_DAYS);
      if (!usable()) throw new Error("the generated certificate does not match its key");
    }
    return { type: "https", options: { key: fs.readFileSync(key), cert: fs.readFileSync(cert) } };
  } catch (error) {
    console.warn(
      `[yesan] 개발용 인증서를 만들지 못해 webpack-dev-server의 자체 서명 인증서를 씁니다 / ` +
        `could not make the dev certificate, using webpack-dev-server's self-signed one: ${error.message}`,
    );
    return "https";
  }
}
