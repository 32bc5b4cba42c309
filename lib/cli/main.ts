/**
 * The `kafka-standards` command line: a table of commands and the error handling they share.
 * Commands stay thin: each one parses its arguments and calls the library.
 */
import { KafkaStandardsError } from "../errors";
import { AuditInputError } from "../audit/loaders/input-error";
import { EXIT, PROCESS_IO, type CliCommand, type CliIo } from "./io";
import { UsageError } from "./usage-error";

/** A command in the list: its summary, and its module, loaded only when the command runs. */
export interface RegisteredCommand {
  /** One line for the command list (the same as the module's `summary`). */
  readonly summary: string;
  /** Loads the command's module. */
  load(): Promise<CliCommand>;
}

/**
 * Every command, by name. Add new commands here. A command's module (and what it imports: the audit
 * engine, cdktf for docs, …) loads only when that command runs, so `size` answers without loading
 * the others.
 */
export const COMMANDS: Readonly<Record<string, RegisteredCommand>> = Object.freeze({
  audit: {
    summary: "audit cdk.tf.json or terraform show -json output against the Kafka standards",
    load: async () => (await import("./commands/audit")).AUDIT_COMMAND,
  },
  connectors: {
    summary:
      "inventory Kafka Connect connectors (REST export or cdktf.out), report deprecated classes and keys, rewrite them",
    load: async () => (await import("./commands/connectors")).CONNECTORS_COMMAND,
  },
  docs: {
    summary: "regenerate architecture doc, runbooks, Confluent monitoring files and audit report from cdk.tf.json",
    load: async () => (await import("./commands/docs")).DOCS_COMMAND,
  },
  inspect: {
    summary: "inventory and audit a live Kafka cluster, read-only (Java Admin client)",
    load: async () => (await import("./commands/inspect")).INSPECT_COMMAND,
  },
  loadtest: {
    summary: "producer and consumer load with a client profile against any Kafka cluster (Java client)",
    load: async () => (await import("./commands/loadtest")).LOADTEST_COMMAND,
  },
  probe: {
    summary: "run a pipeline's heartbeat probe: source lag and end-to-end latency as CloudWatch EMF and Prometheus",
    load: async () => (await import("./commands/probe")).PROBE_COMMAND,
  },
  size: {
    summary: "size and price a workload on MSK and Confluent Cloud, and plan the steps between two rates",
    load: async () => (await import("./commands/size")).SIZE_COMMAND,
  },
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
    return await (await command.load()).run(rest, io);
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
