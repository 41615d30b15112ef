// What every `yesan` command does with its command line before its own work: the shared options (--lang,
// --format, --help), a line that cannot be parsed, a bad --lang or --format, and --help. One place, so the three
// commands answer the same mistakes with the same words.
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Lang } from "../core/findings";
import { requestedLang, type Io } from "./io";

const SHARED = {
  lang: { type: "string", default: "ko" },
  format: { type: "string", default: "text" },
  help: { type: "boolean", short: "h", default: false },
} as const;

type Options = NonNullable<ParseArgsConfig["options"]>;
type Config<O extends Options> = { args: string[]; allowPositionals: true; options: O & typeof SHARED };

export type CommandLine<O extends Options> = ReturnType<typeof parseArgs<Config<O>>> & { lang: Lang; format: "text" | "json" };

const WORDS: Record<Lang, { badOption: (msg: string) => string; badFormat: (v: string) => string }> = {
  ko: {
    badOption: (m) => `잘못된 옵션입니다: ${m}`,
    badFormat: (v) => `--format은 text 또는 json이어야 합니다: ${v}`,
  },
  en: {
    badOption: (m) => `Invalid option: ${m}`,
    badFormat: (v) => `--format must be text or json: ${v}`,
  },
};
// Which language the user wants is exactly what is unknown here, so both.
const badLang = (v: string): string => `--lang은 ko 또는 en이어야 합니다: ${v}\n--lang must be ko or en: ${v}`;

/**
 * Parses `argv` with the command's own options and the shared ones. Returns the parsed line, or the exit code when
 * the command is done: 0 after printing `usage` for --help, 2 after explaining a line that cannot be used.
 */
export function parseCommandLine<O extends Options>(argv: string[], io: Io, options: O, usage: Record<Lang, string>): CommandLine<O> | number {
  let parsed: ReturnType<typeof parseArgs<Config<O>>>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { ...options, ...SHARED } }) as ReturnType<typeof parseArgs<Config<O>>>;
  } catch (e) {
    // A badly written option is still explained in the language asked for.
    const lang = requestedLang(argv);
    io.err(`${WORDS[lang].badOption((e as Error).message)}\n${usage[lang]}\n`);
    return 2;
  }
  const { lang, format, help } = parsed.values as { lang: string; format: string; help: boolean };
  if (lang !== "ko" && lang !== "en") {
    io.err(`${badLang(lang)}\n`);
    return 2;
  }
  if (help) {
    io.out(`${usage[lang]}\n`);
    return 0;
  }
  if (format !== "text" && format !== "json") {
    io.err(`${WORDS[lang].badFormat(format)}\n`);
    return 2;
  }
  return { ...parsed, lang, format };
}
