import { COMMANDS, runCli } from "../../lib/cli/main";
import type { CliIo } from "../../lib/cli/io";
import { UsageError } from "../../lib/cli/usage-error";
import { LOADTEST_COMMAND } from "../../lib/cli/commands/loadtest";
import { LOADTEST_USAGE, parseLoadtestArgs, type LoadtestOptions } from "../../lib/loadtest/options";

/**
 * Runs `kafka-standards loadtest ...` through the CLI's error handling. Until the command is in the
 * command table, the same mapping (UsageError: one line, exit 2) is applied here.
 */
async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t) };
  if ("loadtest" in COMMANDS) return { code: await runCli(["loadtest", ...argv], io), out, err };
  try {
    return { code: await LOADTEST_COMMAND.run(argv, io), out, err };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err += `kafka-standards loadtest: ${e.message}\n`;
    return { code: 2, out, err };
  }
}

function options(args: string[], env: NodeJS.ProcessEnv = {}): LoadtestOptions {
  const parsed = parseLoadtestArgs(args, env);
  if (parsed.help) throw new Error("help");
  return parsed.options;
}

const BASE = ["--bootstrap", "127.0.0.1:9092", "--topic", "orders"];
beforeAll(() => {
  process.env.LT_TEST_PW = "x";
});
afterAll(() => {
  delete process.env.LT_TEST_PW;
});

describe("loadtest arguments", () => {
  test("--help prints the usage and exits 0", async () => {
    const r = await cli("--help");
    expect(r.code).toBe(0);
    expect(r.out).toBe(LOADTEST_USAGE);
    expect(r.out).toContain("--password-env");
  });

  test("defaults", () => {
    expect(options(BASE)).toEqual({
      bootstrap: "127.0.0.1:9092",
      topic: "orders",
      profile: "DURABILITY",
      compareDefault: false,
      records: 100000,
      recordSize: 1024,
      auth: "plaintext",
      json: "loadtest-report.json",
      markdown: "loadtest-report.md",
      createTopic: false,
      properties: {},
      connectTimeoutS: 30,
    });
  });

  test("every option", () => {
    const o = options(
      [
        "--bootstrap",
        "b-1.example:9096, b-2.example:9096",
        "--topic",
        "orders.v1",
        "--profile",
        "exactly-once",
        "--compare-default",
        "--records",
        "5000",
        "--record-size",
        "512",
        "--throughput",
        "2500.5",
        "--auth",
        "scram",
        "--username",
        "app",
        "--password-env",
        "APP_PW",
        "--consumer-group",
        "g1",
        "--create-topic",
        "--partitions",
        "6",
        "--replication-factor",
        "3",
        "--min-insync-replicas",
        "2",
        "--property",
        "ssl.truststore.location=/etc/ca.p12",
        "--property",
        "ssl.truststore.password=${env:TRUST_PW}",
        "--connect-timeout",
        "5",
        "--json",
        "out/r.json",
        "--markdown",
        "out/r.md",
      ],
      { APP_PW: "s3cret" },
    );
    expect(o).toMatchObject({
      bootstrap: "b-1.example:9096,b-2.example:9096",
      topic: "orders.v1",
      profile: "EXACTLY_ONCE",
      compareDefault: true,
      records: 5000,
      recordSize: 512,
      throughput: 2500.5,
      auth: "scram",
      username: "app",
      passwordEnv: "APP_PW",
      consumerGroup: "g1",
      createTopic: true,
      partitions: 6,
      replicationFactor: 3,
      minInsyncReplicas: 2,
      properties: { "ssl.truststore.location": "/etc/ca.p12", "ssl.truststore.password": "${env:TRUST_PW}" },
      connectTimeoutS: 5,
      json: "out/r.json",
      markdown: "out/r.md",
    });
    expect(JSON.stringify(o)).not.toContain("s3cret");
  });

  test.each([
    [[], "--bootstrap is required (host:port[,host:port...])"],
    [["--bootstrap", "127.0.0.1:9092"], "--topic is required"],
    [["--bootstrap", "localhost", "--topic", "t"], '--bootstrap: "localhost" is not host:port'],
    [["--bootstrap", "h:70000", "--topic", "t"], '--bootstrap: port 70000 of "h:70000" is out of range'],
    [
      ["--bootstrap", "h:1", "--topic", "a b"],
      '--topic "a b" has characters Kafka does not allow (letters, digits, ".", "_", "-")',
    ],
    [
      [...BASE, "--profile", "FAST"],
      '--profile must be one of THROUGHPUT, LATENCY, DURABILITY, EXACTLY_ONCE, got "FAST"',
    ],
    [[...BASE, "--records", "0"], "--records must be between 1 and 100,000,000"],
    [[...BASE, "--records", "1e5"], '--records must be a whole number, got "1e5"'],
    [[...BASE, "--record-size", "8"], "--record-size must be between 16 and 10,485,760"],
    [[...BASE, "--throughput=-5"], '--throughput must be a positive number of records/s, got "-5"'],
    [[...BASE, "--throughput", "-5"], "Option '--throughput' argument is ambiguous."],
    [
      [...BASE, "--auth", "kerberos"],
      '--auth must be one of plaintext, tls, msk-iam, scram, confluent, got "kerberos"',
    ],
    [[...BASE, "--auth", "scram", "--password-env", "LT_TEST_PW"], "--auth scram needs --username (the SCRAM user)"],
    [
      [...BASE, "--auth", "scram", "--username", "u"],
      "--auth scram needs --password-env VAR (the variable holding the SCRAM password)",
    ],
    [
      [...BASE, "--auth", "confluent", "--username", "KEY"],
      "--auth confluent needs --password-env VAR (the variable holding the API secret)",
    ],
    [
      [...BASE, "--auth", "scram", "--username", "u", "--password-env", "NOPE"],
      "environment variable NOPE (--password-env) is not set or empty",
    ],
    [[...BASE, "--password-env", "1X"], '--password-env takes the name of an environment variable, got "1X"'],
    [[...BASE, "--username", "u"], "--username is not used with --auth plaintext"],
    [[...BASE, "--auth", "msk-iam", "--password-env", "LT_TEST_PW"], "--password-env is not used with --auth msk-iam"],
    [[...BASE, "--aws-region", "eu-west-1"], "--aws-region is only used with --auth msk-iam"],
    [[...BASE, "--auth", "msk-iam", "--aws-region", "Europe"], '--aws-region "Europe" is not an AWS region'],
    [[...BASE, "--create-topic"], "--create-topic needs --partitions and --replication-factor"],
    [[...BASE, "--partitions", "3"], "--partitions is only used with --create-topic"],
    [
      [...BASE, "--create-topic", "--partitions", "3", "--replication-factor", "2", "--min-insync-replicas", "3"],
      "--min-insync-replicas 3 is above --replication-factor 2: no write could succeed",
    ],
    [[...BASE, "--property", "linger.ms"], '--property "linger.ms" is not key=value'],
    [[...BASE, "--property", "bootstrap.servers=x:1"], "--property bootstrap.servers is set by --bootstrap"],
    [[...BASE, "--property", "group.id=g"], "--property group.id is set by --consumer-group"],
    [
      [...BASE, "--property", "ssl.key.password=hunter2"],
      "--property ssl.key.password: a secret is never a command-line value; reference an environment variable as ${env:NAME}",
    ],
    [[...BASE, "--connect-timeout", "0"], "--connect-timeout must be between 1 and 600"],
    [[...BASE, "--json", "r", "--markdown", "r"], "--json and --markdown name the same file"],
    [[...BASE, "extra"], 'unexpected argument "extra" (see --help)'],
    [[...BASE, "--frobnicate"], "Unknown option '--frobnicate'"],
  ])("%j fails with exit 2: %s", async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    const lines = r.err.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0].startsWith(`kafka-standards loadtest: ${message}`)).toBe(true);
  });

  test("a password on the command line is refused without echoing it", async () => {
    for (const argv of [
      [...BASE, "--password", "hunter2"],
      [...BASE, "--password=hunter2"],
    ]) {
      const r = await cli(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toBe(
        "kafka-standards loadtest: --password is not accepted: put the secret in an environment variable and pass --password-env VAR\n",
      );
      expect(r.err).not.toContain("hunter2");
    }
  });

  test("tls: the keystore password comes from --password-env and needs KAFKA_KEYSTORE", () => {
    expect(() => parseLoadtestArgs([...BASE, "--auth", "tls", "--password-env", "KS_PW"], { KS_PW: "x" })).toThrow(
      "--password-env with --auth tls is the keystore password: set KAFKA_KEYSTORE to the PKCS12 keystore",
    );
    expect(() => parseLoadtestArgs([...BASE, "--auth", "tls"], { KAFKA_KEYSTORE: "/k.p12" })).toThrow(
      "--auth tls with KAFKA_KEYSTORE needs --password-env VAR (the keystore password)",
    );
    expect(options([...BASE, "--auth", "tls"]).auth).toBe("tls");
    expect(
      options([...BASE, "--auth", "tls", "--password-env", "KS_PW"], { KS_PW: "x", KAFKA_KEYSTORE: "/k.p12" })
        .passwordEnv,
    ).toBe("KS_PW");
  });

  test("IPv6 and several bootstrap servers", () => {
    expect(options(["--bootstrap", "[::1]:9092,b:9092", "--topic", "t"]).bootstrap).toBe("[::1]:9092,b:9092");
  });
});
