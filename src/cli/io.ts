// Where a command writes: the terminal, or a string in tests.
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const stdio: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

/**
 * The language asked for on the command line, read before the options are parsed: a badly written option must
 * still be explained in the user's language ("--lang en", "--lang=en"; Korean otherwise).
 */
export function requestedLang(argv: string[]): "ko" | "en" {
  const i = argv.lastIndexOf("--lang");
  if (i >= 0 && argv[i + 1] === "en") return "en";
  return argv.includes("--lang=en") ? "en" : "ko";
}
