#!/usr/bin/env node
// The command line is bundled by webpack (`npm run build`, also run by `npm ci` through `prepare`).
require("../dist/cli/yesan.js").main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
