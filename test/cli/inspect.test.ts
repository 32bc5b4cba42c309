import { runCli } from "../../lib/cli/main";
import type { CliIo } from "../../lib/cli/io";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { emitAuth, parseDuration } from "../../lib/cli/commands/inspect";

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t) };
  const code = await runCli(argv, io);
  return { code, out, err };
}

test("inspect is listed and has help", async () => {
  expect((await cli("--help")).out).toMatch(/inspect\s+inventory and audit a live Kafka cluster/);
  const help = await cli("inspect", "--help");
  expect(help.code).toBe(0);
  expect(help.out).toContain("--bootstrap-server <s>");
});

test.each([
  [["inspect"], '--bootstrap-server "" is not host:port[,host:port…] [KSE-INSPECT-004]'],
  [
    ["inspect", "--bootstrap-server", "localhost"],
    '--bootstrap-server "localhost" is not host:port[,host:port…] [KSE-INSPECT-004]',
  ],
  [["inspect", "--bootstrap-server", "a:1", "--window", "ten"], '--window "ten" is not a duration [KSE-INSPECT-004]'],
  [["inspect", "--bootstrap-server", "a:1", "--timeout", "10ms"], "--timeout 10ms is below 1s [KSE-INSPECT-004]"],
  [
    ["inspect", "--bootstrap-server", "a:1", "--json", "--markdown"],
    "--json and --markdown exclude each other [KSE-INSPECT-004]",
  ],
  [
    ["inspect", "--bootstrap-server", "a:1", "--max-lag", "1.5"],
    "--max-lag 1.5 is not a whole number of messages [KSE-INSPECT-004]",
  ],
  [["inspect", "--bootstrap-server", "a:1", "--emit", "hcl"], "--emit hcl is not a known format [KSE-INSPECT-004]"],
  [
    ["inspect", "--bootstrap-server", "a:1", "--emit", "typescript", "--topic-class", "orders=event"],
    "--topic-class orders=event is not <topic>=<class> with a class of events, state, audit, personal, telemetry, dlq, history [KSE-INSPECT-004]",
  ],
])("%j: exit 2, one line", async (argv, line) => {
  const r = await cli(...argv);
  expect(r.code).toBe(2);
  expect(r.err).toBe(`kafka-standards inspect: ${line}\n`);
});

test.each([
  ["10s", 10_000],
  ["500ms", 500],
  ["2m", 120_000],
  ["1.5", 1500],
  ["0s", 0],
])("duration %s is %d ms", (text, ms) => {
  expect(parseDuration("--window", text)).toBe(ms);
});

test.each([
  [[], { kind: "plaintext" }],
  [["security.protocol=SASL_SSL", "sasl.mechanism=AWS_MSK_IAM"], { kind: "iam" }],
  [
    [
      "security.protocol=SASL_SSL",
      "sasl.mechanism=SCRAM-SHA-512",
      'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="ops" password="x";',
    ],
    { kind: "scram", username: "ops" },
  ],
  [["security.protocol=SSL", "ssl.keystore.location=/k.p12"], { kind: "mtls" }],
])("the emitted program authenticates as the command config %j does", (lines, auth) => {
  let file: string | undefined;
  if (lines.length > 0) {
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cc-")), "admin.properties");
    fs.writeFileSync(file, lines.join("\n") + "\n");
  }
  expect(emitAuth(file)).toEqual(auth);
});
