/**
 * The `kafka-standards` command line: a table of commands and the error handling they share.
 * Commands stay thin: each one parses its arguments and calls the library.
 */
import { KafkaStandardsError } from "../errors";
import { AuditInputError } from "../audit/loaders/input-error";
import { AUDIT_COMMAND } from "./commands/audit";
import { DOCS_COMMAND } from "./commands/docs";
import { INSPECT_COMMAND } from "./commands/inspect";
import { LOADTEST_COMMAND } from "./commands/loadtest";
import { EXIT, PROCESS_IO, type CliCommand, type CliIo } from "./io";
import { UsageError } from "./usage-error";

/** Every command, by name. Add new commands (docs, loadtest, …) here. */
export const COMMANDS: Readonly<Record<string, CliCommand>> = Object.freeze({
  audit: AUDIT_COMMAND,
  docs: DOCS_COMMAND,
  inspect: INSPECT_COMMAND,
  loadtest: LOADTEST_COMMAND,
});

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  return [
    "Usage: kafka-standards <command> [options]",
    "",
    "Commands:",
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `kafka-standards <command> --help` for a command's options.",
    "",
  ].join("\n");
}

/** Run the CLI; resolves to the exit code. Never throws and never prints a stack trace (unless KS_DEBUG=1). */
export async function runCli(argv: readonly string[], io: CliIo = PROCESS_IO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(usage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`kafka-standards: unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(", ")})\n`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof AuditInputError) {
      io.err(`kafka-standards ${name}: ${e.file}: ${e.problem} [${e.code}]\n`);
      return EXIT.usage;
    }
    if (e instanceof UsageError) {
      io.err(`kafka-standards ${name}: ${e.message}\n`);
      return EXIT.usage;
    }
    if (e instanceof KafkaStandardsError) {
      io.err(`kafka-standards ${name}: ${e.message.split("\n")[0]}\n`);
      return EXIT.usage;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.err(`kafka-standards ${name}: internal error: ${message.split("\n")[0]}\n`);
    if (process.env.KS_DEBUG === "1" && e instanceof Error && e.stack) io.err(`${e.stack}\n`);
    return EXIT.internal;
  }
}

/** Entry point for `bin/kafka-standards`. */
export function main(): void {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = EXIT.internal;
    },
  );
}
