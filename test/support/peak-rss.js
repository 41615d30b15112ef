// Loaded with `node --require` into a command under test: on exit it writes the process's peak resident memory
// (kilobytes, as the OS counts it) and its CPU time to the file YESAN_PEAK_FILE names, so a test can report them.
const { writeFileSync } = require("node:fs");
process.on("exit", () => {
  const u = process.resourceUsage();
  if (process.env.YESAN_PEAK_FILE) writeFileSync(process.env.YESAN_PEAK_FILE, JSON.stringify({ maxRssKb: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
});
