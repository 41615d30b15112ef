// A command run as the terminal runs it, with what it writes to stdout and stderr kept as strings.
import { main } from "../../src/cli/main";
import type { Command } from "../../src/cli/io";

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** `command` (a COMMANDS entry, or `main` itself) run with its output captured. */
export function capturing(command: Command): (...argv: string[]) => Promise<CliRun> {
  return async (...argv) => {
    let out = "";
    let err = "";
    const code = await command(argv, { out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err };
  };
}

/** `yesan <argv>`, through `main`. */
export const run = capturing(main);
