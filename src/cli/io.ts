// Where a command writes: the terminal, or a string in tests.
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** A `yesan` command: the whole argv (its own name first) → the process's exit code. */
export type Command = (argv: string[], io: Io) => Promise<number>;

export const stdio: Io = {
  out: (t) => process.stdout.write(t),
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
