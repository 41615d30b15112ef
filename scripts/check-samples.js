#!/usr/bin/env node
// `npm run check-samples`: checks the sample workbooks built from the seed documents with the command line.
// Findings on the samples are the point of the demo (the seeds have printed mistakes), so exit 1 is fine here;
// exit 2 (an unreadable input) still fails.
require("../dist/cli/yesan.js")
  .main(["check", "samples", ...process.argv.slice(2)])
  .then((code) => {
    if (code === 2) process.exitCode = 2;
    else console.log("\n(샘플 통합문서: 인쇄본의 오류를 찾아낸 결과입니다 / the sample workbooks: these are the seed's printed mistakes)");
  });
