/**
 * Where a CLI command writes. Tests pass their own; `bin/kafka-standards` uses the process streams.
 */
export interface CliIo {
  /** Write to standard output. */
  out(text: string): void;
  /** Write to standard error. */
  err(text: string): void;
}

/** The process's streams. */
export const PROCESS_IO: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

/** One CLI command. */
export interface CliCommand {
  /** One line for the command list. */
  readonly summary: string;
  /** Usage text (`--help`). */
  readonly usage: string;
  /** Run with the arguments after the command name; returns the exit code. */
  run(args: readonly string[], io: CliIo): number | Promise<number>;
}

/** Exit codes shared by all commands. */
export const EXIT = Object.freeze({
  ok: 0,
  /** The check found something (audit: an unsuppressed error finding). */
  findings: 1,
  /** Unusable input or arguments. */
  usage: 2,
  /** A bug: unexpected exception. */
  internal: 3,
});
