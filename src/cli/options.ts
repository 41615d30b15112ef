// What every `yesan` command does with its command line before its own work: the shared options (--lang,
// --format, --help), a line that cannot be parsed, a bad --lang or --format, and --help. One place, so the three
// commands answer the same mistakes with the same words.
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Lang } from "../core/findings/findings";
import { requestedLang, type Io } from "./io";

const SHARED = {
  lang: { type: "string", default: "ko" },
  format: { type: "string", default: "text" },
  help: { type: "boolean", short: "h", default: false },
} as const;

type Options = NonNullable<ParseArgsConfig["options"]>;
type Config<O extends Options> = { args: string[]; allowPositionals: true; options: O & typeof SHARED };

export type CommandLine<O extends Options> = ReturnType<typeof parseArgs<Config<O>>> & { lang: Lang; format: "text" | "json" };

const WORDS: Record<Lang, {
  unknownOption: (opt: string) => string;
  needsValue: (opt: string) => string;
  takesNoValue: (opt: string) => string;
  badOption: (msg: string) => string;
  badFormat: (v: string) => string;
  extraArgs: (args: string[]) => string;
}> = {
  ko: {
    unknownOption: (o) => `알 수 없는 옵션입니다: ${o}`,
    needsValue: (o) => `${o} 옵션에 값이 필요합니다.`,
    takesNoValue: (o) => `${o} 옵션은 값을 받지 않습니다.`,
    badOption: (m) => `잘못된 옵션입니다: ${m}`,
    badFormat: (v) => `--format은 text 또는 json이어야 합니다: ${v}`,
    extraArgs: (a) => `필요 없는 인수가 있습니다: ${a.join(" ")}`,
  },
  en: {
    unknownOption: (o) => `Unknown option: ${o}`,
    needsValue: (o) => `${o} needs a value.`,
    takesNoValue: (o) => `${o} takes no value.`,
    badOption: (m) => `Invalid option: ${m}`,
    badFormat: (v) => `--format must be text or json: ${v}`,
    extraArgs: (a) => `Unexpected argument: ${a.join(" ")}`,
  },
};
// Which language the user wants is exactly what is unknown here, so both.
const badLang = (v: string): string => `--lang은 ko 또는 en이어야 합니다: ${v}\n--lang must be ko or en: ${v}`;

/** Node's parse error in the user's words: its code and the option it names ("'--format <value>'"). */
function parseError(e: unknown, lang: Lang): string {
  const w = WORDS[lang];
  const message = e instanceof Error ? e.message : String(e);
  const code = typeof e === "object" && e !== null && "code" in e ? e.code : undefined;
  const option = /'(-[^' ,]+(?:, --[^' ]+)?)/.exec(message)?.[1]?.split(", ").pop();
  if (option === undefined) return w.badOption(message);
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return w.unknownOption(option);
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    // "argument missing", or "ambiguous" when the next word is another option ("--format --lang en").
    if (/argument missing|ambiguous/.test(message)) return w.needsValue(option);
    if (/does not take an argument/.test(message)) return w.takesNoValue(option);
  }
  return w.badOption(message);
}

/**
 * "--rate -5%": a value that starts with "-" and a figure is the option's value, not another option (Node's parser
 * would call it "ambiguous" and the user would read "needs a value"). Joined as "--rate=-5%", the value is then
 * taken, and refused or accepted by the option's own rule.
 */
function negativeValues(argv: string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = argv[i + 1];
    const long = /^--([^=]+)$/.exec(a)?.[1];
    const short = /^-([A-Za-z])$/.exec(a)?.[1];
    const name = long ?? (short === undefined ? undefined : Object.keys(options).find((k) => options[k].short === short));
    if (name !== undefined && options[name]?.type === "string" && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`--${name}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/**
 * Parses `argv` with the command's own options and the shared ones. Returns the parsed line, or the exit code when
 * the command is done: 0 after printing `usage` for --help, 2 after explaining a line that cannot be used.
 */
export function parseCommandLine<O extends Options>(argv: string[], io: Io, command: string, options: O, usage: Record<Lang, string>): CommandLine<O> | number {
  let parsed: ReturnType<typeof parseArgs<Config<O>>>;
  try {
    parsed = parseArgs({ args: negativeValues(argv, { ...options, ...SHARED }), allowPositionals: true, options: { ...options, ...SHARED } }) as ReturnType<typeof parseArgs<Config<O>>>;
  } catch (e) {
    // A badly written option is still explained in the language asked for.
    const lang = requestedLang(argv);
    io.err(`${parseError(e, lang)}\n${usage[lang]}\n`);
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
  // Options may come before the command word, but no other argument ("yesan foo template list").
  const at = parsed.positionals.indexOf(command);
  if (at > 0) {
    io.err(`${WORDS[lang].extraArgs(parsed.positionals.slice(0, at))}\n${usage[lang]}\n`);
    return 2;
  }
  return { ...parsed, lang, format };
}
