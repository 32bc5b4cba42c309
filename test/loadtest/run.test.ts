import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { LoadtestError, type GeneratorSpawner } from "../../lib/loadtest/java";
import type { LoadtestOptions } from "../../lib/loadtest/options";
import { runLoadtest, type LoadtestDeps } from "../../lib/loadtest/run";
import type { GeneratorMessage } from "../../lib/loadtest/types";
import { generatorLines, OPTIONS } from "./fixtures";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ks-loadtest-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Call {
  command: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  files: Record<string, string>;
}

/** A generator that replays `lines` and records what it was given (property files included). */
function fakeSpawner(runs: GeneratorMessage[][], calls: Call[], status = 0): GeneratorSpawner {
  return async (command, args, env, onMessage) => {
    const files: Record<string, string> = {};
    for (const flag of ["--producer-config", "--consumer-config", "--admin-config", "--overrides"]) {
      const i = args.indexOf(flag);
      if (i >= 0) files[flag.slice(2).replace("-config", "")] = fs.readFileSync(args[i + 1], "utf8");
    }
    calls.push({ command, args, env, files });
    for (const m of runs[calls.length - 1] ?? []) onMessage(m);
    return { status, stderrTail: ["last stderr line"] };
  };
}

function deps(
  spawn: GeneratorSpawner,
  env: NodeJS.ProcessEnv = {},
): LoadtestDeps & { outText: () => string; errText: () => string } {
  let out = "";
  let err = "";
  let clock = Date.parse("2025-01-02T03:04:05Z");
  let id = 0;
  return {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    tty: false,
    env,
    now: () => new Date((clock += 1000)),
    prepare: async () => ({ java: "/jdk/bin/java", classpath: "/cache/x.jar:/cache/dependency/*" }),
    spawn,
    newRunId: () => `00000000000000${String(++id).padStart(2, "0")}`,
    outText: () => out,
    errText: () => err,
  };
}

function options(o: Partial<LoadtestOptions> = {}): LoadtestOptions {
  const name = `r${Math.random().toString(16).slice(2)}`;
  return { ...OPTIONS, json: path.join(tmp, `${name}.json`), markdown: path.join(tmp, `${name}.md`), ...o };
}

describe("runLoadtest with a stand-in generator", () => {
  test("one run: arguments, property files, reports, summary, progress lines", async () => {
    const calls: Call[] = [];
    const d = deps(fakeSpawner([generatorLines()], calls));
    const o = options({
      createTopic: true,
      partitions: 6,
      replicationFactor: 3,
      minInsyncReplicas: 2,
      throughput: 5000,
    });
    const { code, report } = await runLoadtest(o, d);
    expect(code).toBe(0);
    expect(calls).toHaveLength(1);
    const args = calls[0].args;
    expect(calls[0].command).toBe("/jdk/bin/java");
    expect(args.slice(args.indexOf("-cp"), args.indexOf("-cp") + 3)).toEqual([
      "-cp",
      "/cache/x.jar:/cache/dependency/*",
      "kafkastandards.loadtest.LoadTest",
    ]);
    const after = (flag: string) => args[args.indexOf(flag) + 1];
    expect(after("--topic")).toBe("lt-orders");
    expect(after("--records")).toBe("20000");
    expect(after("--record-size")).toBe("1024");
    expect(after("--throughput")).toBe("5000");
    expect(after("--run-id")).toBe("0000000000000001");
    expect(after("--connect-timeout-ms")).toBe("30000");
    expect(after("--partitions")).toBe("6");
    expect(after("--replication-factor")).toBe("3");
    expect(after("--min-insync-replicas")).toBe("2");
    expect(args).toContain("--create-topic");
    expect(args).not.toContain("--overrides");
    expect(calls[0].files.producer).toContain("\nacks=all\n");
    expect(calls[0].files.consumer).toContain("\ngroup.id=kafka-standards-loadtest-0000000000000001\n");

    const json = JSON.parse(fs.readFileSync(o.json, "utf8"));
    expect(json).toEqual(JSON.parse(JSON.stringify(report)));
    expect(json.runs).toHaveLength(1);
    expect(json.runs[0].producer.acknowledged).toBe(20000);
    expect(json.runs[0].consumer.consumedAcknowledged).toBe(20000);
    expect(json.runs[0].producer).not.toHaveProperty("type");
    expect(json.runs[0].properties.producer.acks).toBe("all");
    expect(json.host.kafkaClient).toBe("3.9.1");
    expect(json.startedAt).toBe("2025-01-02T03:04:06.000Z");
    expect(json.passed).toBe(true);
    expect(fs.readFileSync(o.markdown, "utf8")).toContain("# Kafka load test: DURABILITY");
    expect(d.outText()).toContain("  check     20,000 acknowledged, 20,000 consumed, 0 missing: PASS\n");
    expect(d.errText()).toContain("loadtest: DURABILITY: connecting to 127.0.0.1:39092\n");
    expect(d.errText()).toContain("loadtest: DURABILITY producing 50% (10,000/20,000 records");
    expect(d.errText()).toContain("loadtest: DURABILITY consuming 100%");
  });

  test("--compare-default: defaults first, then the profile, with ratios", async () => {
    const calls: Call[] = [];
    const d = deps(fakeSpawner([generatorLines({ producer: { recordsPerSec: 5000 } }), generatorLines()], calls));
    const { code, report } = await runLoadtest(options({ compareDefault: true, profile: "THROUGHPUT" }), d);
    expect(code).toBe(0);
    expect(calls).toHaveLength(2);
    expect(calls[0].files.producer).not.toContain("linger.ms");
    expect(calls[1].files.producer).toContain("linger.ms=20");
    expect(report.runs.map((r) => r.name)).toEqual(["client defaults", "THROUGHPUT"]);
    expect(report.comparison![0]).toMatchObject({ metric: "producer throughput", ratio: 2 });
    // One consumer group for both runs.
    expect(calls[1].files.consumer).toContain("group.id=kafka-standards-loadtest-0000000000000001");
  });

  test("secrets: passed to the generator's environment, absent from files, args and reports", async () => {
    const secret = "pa55-w0rd-that-must-not-leak";
    const calls: Call[] = [];
    const d = deps(fakeSpawner([generatorLines()], calls), { LT_PW: secret, PATH: "/usr/bin" });
    const o = options({
      auth: "scram",
      username: "it-app",
      passwordEnv: "LT_PW",
      properties: { "ssl.truststore.location": "/ca.p12" },
    });
    const { report } = await runLoadtest(o, d);
    expect(calls[0].env.KAFKA_SASL_PASSWORD).toBe(secret);
    expect(calls[0].env.PATH).toBe("/usr/bin");
    expect(JSON.stringify(calls[0].args)).not.toContain(secret);
    expect(JSON.stringify(calls[0].files)).not.toContain(secret);
    expect(calls[0].files.producer).toContain('password="${env:KAFKA_SASL_PASSWORD}"');
    expect(calls[0].files.overrides).toBe("ssl.truststore.location=/ca.p12\n");
    for (const text of [fs.readFileSync(o.json, "utf8"), fs.readFileSync(o.markdown, "utf8"), d.outText(), d.errText()])
      expect(text).not.toContain(secret);
    expect(report.options.passwordEnv).toBe("LT_PW");
    // The generator reported no client taking the override: the report does not claim it was used.
    expect(report.runs[0].properties.producer).not.toHaveProperty("ssl.truststore.location");
  });

  test("overrides are shown on the clients that took them", async () => {
    const calls: Call[] = [];
    const lines = generatorLines().map((m) =>
      m.type === "overrides" ? { ...m, producer: ["linger.ms"], consumer: [], admin: [] } : m,
    );
    const { report } = await runLoadtest(
      options({ properties: { "linger.ms": "7" } }),
      deps(fakeSpawner([lines], calls)),
    );
    expect(report.runs[0].properties.producer["linger.ms"]).toBe("7");
    expect(report.runs[0].properties.consumer).not.toHaveProperty("linger.ms");
  });

  test("a failed count check: exit code 1 and FAIL, reports written", async () => {
    const calls: Call[] = [];
    const d = deps(
      fakeSpawner(
        [generatorLines({ consumer: { consumedAcknowledged: 19990, missing: 10, firstMissing: [1, 2] } })],
        calls,
      ),
    );
    const o = options();
    const { code } = await runLoadtest(o, d);
    expect(code).toBe(1);
    expect(JSON.parse(fs.readFileSync(o.json, "utf8")).passed).toBe(false);
    expect(d.outText()).toContain("10 missing: FAIL");
  });

  test.each([
    [
      "config",
      "unknown producer property foo.bar (not defined by Kafka client 3.9.1)",
      "invalid client configuration: unknown producer property foo.bar (not defined by Kafka client 3.9.1)",
    ],
    [
      "unreachable",
      "no broker of h:1 answered within 30 s",
      "cluster unreachable: no broker of h:1 answered within 30 s",
    ],
    [
      "auth",
      "authentication failed: SaslAuthenticationException: bad",
      "authentication failed: SaslAuthenticationException: bad",
    ],
    ["topic", "topic t does not exist", "topic t does not exist"],
  ])("a generator error of kind %s is one line (LoadtestError, exit 2)", async (kind, message, expected) => {
    const o = options();
    const run = runLoadtest(o, deps(fakeSpawner([[{ type: "error", kind, message }]], [], 2)));
    await expect(run).rejects.toThrow(LoadtestError);
    await expect(runLoadtest(o, deps(fakeSpawner([[{ type: "error", kind, message }]], [], 2)))).rejects.toThrow(
      expected,
    );
    expect(fs.existsSync(o.json)).toBe(false);
  });

  test("a generator that dies without an error line", async () => {
    await expect(runLoadtest(options(), deps(fakeSpawner([generatorLines().slice(0, 4)], [], 137)))).rejects.toThrow(
      "the load generator exited with status 137: last stderr line",
    );
  });
});
