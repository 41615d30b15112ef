// Node-side bundles: the `yesan` command line, the sample-workbook builder and the benchmark.
// The add-in (task pane, commands) gets its own entries with the add-in issue.
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
  externals: { exceljs: "commonjs exceljs" },
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
  }),
];
