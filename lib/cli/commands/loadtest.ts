/**
 * `kafka-standards loadtest --bootstrap <servers> --topic <name> [--profile P] [options]`
 */
import { LOADTEST_USAGE, parseLoadtestArgs } from "../../loadtest/options";
import { runLoadtest } from "../../loadtest/run";
import { EXIT, PROCESS_IO, type CliCommand, type CliIo } from "../io";

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseLoadtestArgs(args, process.env);
  if (parsed.help) {
    io.out(LOADTEST_USAGE);
    return EXIT.ok;
  }
  const onTerminal = io === PROCESS_IO && process.stderr.isTTY === true;
  const { code } = await runLoadtest(parsed.options, {
    out: (t) => io.out(t),
    err: (t) => io.err(t),
    tty: onTerminal,
    ...(onTerminal && process.stderr.columns ? { columns: process.stderr.columns } : {}),
    env: process.env,
    now: () => new Date(),
  });
  return code === 0 ? EXIT.ok : EXIT.findings;
}

/** The `loadtest` command. */
export const LOADTEST_COMMAND: CliCommand = {
  summary: "producer and consumer load with a client profile against any Kafka cluster (Java client)",
  usage: LOADTEST_USAGE,
  run,
};
