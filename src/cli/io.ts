// Where a command writes: the terminal, or a string in tests.
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** A `yesan` command: the whole argv (its own name first) → the process's exit code. */
export type Command = (argv: string[], io: Io) => Promise<number>;

// `yesan check … | head` closes the pipe early: the command ends quietly, as command-line tools do, instead of
// dying on an unhandled EPIPE with a stack trace.
let quietOnClosedPipe = false;
function guardPipe(): void {
  if (quietOnClosedPipe) return;
  quietOnClosedPipe = true;
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

export const stdio: Io = {
  out: (t) => {
    guardPipe();
    process.stdout.write(t);
  },
  err: (t) => process.stderr.write(t),
};

/**
 * The language asked for on the command line, read before the options are parsed: a badly written option must
 * still be explained in the user's language ("--lang en", "--lang=en"; Korean otherwise).
 */
export function requestedLang(argv: string[]): "ko" | "en" {
  // The last one given wins, in either form, as the option parser itself takes it.
  let lang: string | undefined;
  argv.forEach((a, i) => {
    if (a === "--lang") lang = argv[i + 1];
    else if (a.startsWith("--lang=")) lang = a.slice("--lang=".length);
  });
  return lang === "en" ? "en" : "ko";
}
