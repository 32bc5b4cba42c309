/**
 * Prints what the integration scripts need from the standards, one item per line.
 *
 *   ts-node --transpile-only test/integration/standards.ts kafka-release        apacheRelease of KafkaVersion.DEFAULT
 *   ts-node --transpile-only test/integration/standards.ts profiles             every client profile name
 *   ts-node --transpile-only test/integration/standards.ts producer NAME        CLIENT_PROFILES[NAME].producer.java, key=value
 *   ts-node --transpile-only test/integration/standards.ts consumer NAME        CLIENT_PROFILES[NAME].consumer.java, key=value
 */
import { CLIENT_PROFILES, CLIENT_PROFILE_NAMES, ClientProfileName } from "../../lib/standards/client-profiles";
import { KafkaVersion } from "../../lib/standards/kafka-versions";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function profile(name: string | undefined): (typeof CLIENT_PROFILES)[ClientProfileName] {
  if (!name || !(CLIENT_PROFILE_NAMES as readonly string[]).includes(name)) {
    fail(`unknown profile ${name}; known: ${CLIENT_PROFILE_NAMES.join(", ")}`);
  }
  return CLIENT_PROFILES[name as ClientProfileName];
}

function keyValues(props: Readonly<Record<string, string>>): string {
  return Object.entries(props)
    .map(([k, v]) => `${k}=${v}\n`)
    .join("");
}

function main(argv: readonly string[]): void {
  switch (argv[0]) {
    case "kafka-release": {
      const release = KafkaVersion.DEFAULT.info?.apacheRelease;
      if (!release) fail(`KafkaVersion.DEFAULT (${KafkaVersion.DEFAULT.version}) has no apacheRelease`);
      process.stdout.write(`${release}\n`);
      return;
    }
    case "profiles":
      process.stdout.write(CLIENT_PROFILE_NAMES.map((n) => `${n}\n`).join(""));
      return;
    case "producer":
      process.stdout.write(keyValues(profile(argv[1]).producer.java));
      return;
    case "consumer":
      process.stdout.write(keyValues(profile(argv[1]).consumer.java));
      return;
    default:
      fail("usage: standards.ts kafka-release | profiles | producer NAME | consumer NAME");
  }
}

main(process.argv.slice(2));
