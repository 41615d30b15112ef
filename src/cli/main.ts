// `yesan <command> ...`: each command parses its own options and resolves to the process's exit code.
import { checkCommand } from "./check-command";
import { scenarioCommand } from "./scenario-command";
import { templateCommand } from "./template-command";
import { stdio, type Command, type Io } from "./io";

/** The commands by their first word; each gets the whole argv (its own name first). */
const COMMANDS: Record<string, Command> = {
  check: checkCommand,
  scenario: scenarioCommand,
  template: templateCommand,
};

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  // The first argument that names a command: options and their values ("--lang en") may come before it.
  const command = argv.find((a) => Object.hasOwn(COMMANDS, a));
  const run = command === undefined ? undefined : COMMANDS[command];
  // Help and unknown commands go through `check`, which prints the usage (0 for --help, 2 otherwise).
  return (run ?? checkCommand)(argv, io);
}
