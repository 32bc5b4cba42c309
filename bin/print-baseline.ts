/**
 * Prints the broker baseline `server.properties` that `MskCluster` attaches, for tools that need it
 * outside TypeScript (the local broker harness).
 *
 *   ts-node --transpile-only bin/print-baseline.ts [--brokers N] [--express]
 */
import { brokerBaseline, renderServerProperties } from "../lib/standards/broker-baseline";

function main(argv: readonly string[]): void {
  const i = argv.indexOf("--brokers");
  const brokerNodes = i >= 0 ? Number(argv[i + 1]) : 3;
  if (!Number.isInteger(brokerNodes) || brokerNodes < 1) {
    process.stderr.write(`--brokers must be a positive integer, got ${argv[i + 1]}\n`);
    process.exit(2);
  }
  const props = Object.fromEntries(
    brokerBaseline({ brokerNodes, express: argv.includes("--express") }).map((p) => [p.key, p.value]),
  );
  process.stdout.write(renderServerProperties(props));
}

main(process.argv.slice(2));
