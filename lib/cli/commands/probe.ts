/**
 * `kafka-standards probe --config <pipeline>-heartbeat.json --bootstrap-server <s> …`: the heartbeat
 * probe of a Db2 → Kafka → Snowflake pipeline. It publishes the source-lag and end-to-end-latency
 * metrics the pipeline's alarms read (CloudWatch Embedded Metric Format on stdout, Prometheus
 * gauges with `--prometheus-port`).
 *
 * The probe runs on the JVM (`kafkastandards.loadtest.HeartbeatProbe`, built with the load
 * generator's Maven project): the databases' JDBC drivers (IBM JCC for Db2, Snowflake JDBC) are Java,
 * and so is the Kafka client that speaks every auth mode the library renders, MSK IAM included.
 */
import * as fs from "fs";
import * as path from "path";
import { KafkaStandardsError } from "../../errors";
import type { KafkaStandardsErrorCode } from "../../error-codes";
import { HEARTBEAT_PROBE_FORMAT, type HeartbeatProbeConfig } from "../../connect/heartbeat-probe";
import { ensureGenerator, findJava, GENERATOR_JVM_OPTIONS } from "../../loadtest/java";
import { parseCommandArgs } from "../args";
import { EXIT, type CliCommand, type CliIo } from "../io";
import { BOOTSTRAP_SERVERS_PATTERN } from "../../standards/naming";

/** Main class of the probe. */
export const PROBE_MAIN = "kafkastandards.loadtest.HeartbeatProbe";

const USAGE = `Usage: kafka-standards probe --config <pipeline>-heartbeat.json --bootstrap-server <servers> [options]

Run a pipeline's heartbeat probe: every interval, write a heartbeat row in the source database, and
measure when it reaches the pipeline's heartbeat topic (source lag) and the sink (end-to-end latency).
Each measurement is one CloudWatch Embedded Metric Format line on stdout. The probe file is written
by synth next to the pipeline's runbooks (kafka-standards/probes/). Needs Java 11+ (and Maven once).

Options:
  --config <file>            the pipeline's probe file (probes/<pipeline>-heartbeat.json)
  --bootstrap-server <s>     host:port[,host:port…] of the pipeline's cluster
  --command-config <file>    client properties for the cluster (SASL_SSL SCRAM, mTLS, MSK IAM)
  --source-properties <file> JDBC properties of the source database (user, password, …)
  --sink-properties <file>   JDBC properties of the sink (user, private_key_file, warehouse, …)
  --driver-jars <jars>       JDBC driver jars, separated by "${path.delimiter}" (IBM JCC, Snowflake JDBC)
  --source-url <url>         JDBC URL of the source (default: the probe file's)
  --sink-url <url>           JDBC URL of the sink (default: the probe file's)
  --sink-query <sql>         query with one ? (the pipeline) returning the newest BEAT_ID in the sink
  --interval <duration>      time between heartbeats (default: the probe file's, 60s)
  --count <n>                stop after n heartbeats have been measured (default: run until stopped)
  --duration <duration>      stop after this long (default: run until stopped)
  --prometheus-port <port>   serve /metrics on this port
  --prometheus-host <host>   address to serve /metrics on (default 127.0.0.1)
  -h, --help                 show this help

Exit codes: 0 stopped as asked, 2 bad options or probe file, or the first connection failed.
`;

/** A problem with the probe's file, options or connections: one line, exit code 2. */
export class ProbeError extends KafkaStandardsError {
  constructor(
    code: KafkaStandardsErrorCode & `KSE-PROBE-${string}`,
    prop: string,
    value: unknown,
    line: string,
    fix: string,
  ) {
    super({ code, prop, value, allowed: line, fix });
    this.name = "ProbeError";
    this.message = `${line} [${code}]`;
  }
}

/** `60s`, `500ms`, `2m` or a number of seconds → milliseconds. */
function duration(option: string, text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  const ms = m ? Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] ?? "s"]! : NaN;
  if (!Number.isFinite(ms) || ms < 100)
    throw new ProbeError(
      "KSE-PROBE-002",
      option,
      text,
      `${option} ${JSON.stringify(text)} is not a duration of 100ms or more`,
      "write e.g. 60s, 500ms or 2m",
    );
  return Math.round(ms);
}

function wholeNumber(option: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min || n > max)
    throw new ProbeError(
      "KSE-PROBE-002",
      option,
      text,
      `${option} ${JSON.stringify(text)} is not a whole number from ${min} to ${max}`,
      `pass e.g. ${option} ${min}`,
    );
  return n;
}

function existingFile(option: string, file: string): string {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile())
    throw new ProbeError("KSE-PROBE-002", option, file, `${option} ${file} is not a file`, "pass an existing file");
  return path.resolve(file);
}

const STRING_FIELDS: readonly (readonly string[])[] = [
  ["pipeline"],
  ["topic"],
  ["source", "table"],
  ["source", "jdbcUrl"],
  ["sink", "jdbcUrl"],
  ["sink", "query"],
  ["metrics", "namespace"],
  ["metrics", "sourceLag"],
  ["metrics", "endToEndLatency"],
  ["metrics", "prometheus", "sourceLag"],
  ["metrics", "prometheus", "endToEndLatency"],
];

/** Reads and checks a probe file written by synth. */
export function readProbeConfig(file: string): HeartbeatProbeConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new ProbeError(
      "KSE-PROBE-001",
      "--config",
      file,
      `cannot read probe file ${file}: ${(e as Error).message}`,
      "pass the probes/<pipeline>-heartbeat.json file synth wrote",
    );
  }
  const config = parsed as HeartbeatProbeConfig;
  if (typeof parsed !== "object" || parsed === null || config.format !== HEARTBEAT_PROBE_FORMAT)
    throw new ProbeError(
      "KSE-PROBE-001",
      "--config",
      file,
      `${file} is not a heartbeat probe file of format ${HEARTBEAT_PROBE_FORMAT}`,
      "synthesize the pipeline again with this version of the library and pass its probes/<pipeline>-heartbeat.json",
    );
  for (const keys of STRING_FIELDS) {
    const v = keys.reduce<unknown>(
      (o, k) => (typeof o === "object" && o !== null ? (o as Record<string, unknown>)[k] : undefined),
      parsed,
    );
    if (typeof v !== "string" || v.trim() === "")
      throw new ProbeError(
        "KSE-PROBE-001",
        "--config",
        file,
        `${file} has no ${keys.join(".")}`,
        "pass the probe file synth wrote, unedited, and override values with the command's options",
      );
  }
  const dims = Object.entries(config.metrics.dimensions ?? {});
  if (dims.length !== 1 || typeof config.intervalSeconds !== "number" || !(config.intervalSeconds > 0))
    throw new ProbeError(
      "KSE-PROBE-001",
      "--config",
      file,
      `${file} has no single metric dimension or interval`,
      "pass the probe file synth wrote",
    );
  return config;
}

/** The Java probe's arguments. */
export function probeArguments(
  config: HeartbeatProbeConfig,
  values: Readonly<Record<string, string | undefined>>,
): string[] {
  const bootstrap = values["bootstrap-server"]?.trim();
  if (!bootstrap || !BOOTSTRAP_SERVERS_PATTERN.test(bootstrap))
    throw new ProbeError(
      "KSE-PROBE-002",
      "--bootstrap-server",
      values["bootstrap-server"],
      `--bootstrap-server ${JSON.stringify(values["bootstrap-server"] ?? "")} is not host:port[,host:port…]`,
      "pass the pipeline cluster's bootstrap servers",
    );
  const [dimension, pipelineValue] = Object.entries(config.metrics.dimensions)[0];
  const args: [string, string][] = [
    ["bootstrap-server", bootstrap],
    ["pipeline", pipelineValue],
    ["topic", config.topic],
    ["source-table", config.source.table],
    ["source-url", values["source-url"] ?? config.source.jdbcUrl],
    ["sink-url", values["sink-url"] ?? config.sink.jdbcUrl],
    ["sink-query", values["sink-query"] ?? config.sink.query],
    ["namespace", config.metrics.namespace],
    ["dimension", dimension],
    ["source-metric", config.metrics.sourceLag],
    ["e2e-metric", config.metrics.endToEndLatency],
    ["prometheus-source", config.metrics.prometheus.sourceLag],
    ["prometheus-e2e", config.metrics.prometheus.endToEndLatency],
    [
      "interval-ms",
      String(values.interval !== undefined ? duration("--interval", values.interval) : config.intervalSeconds * 1000),
    ],
  ];
  for (const option of ["command-config", "source-properties", "sink-properties"] as const) {
    const v = values[option];
    if (v !== undefined) args.push([option, existingFile(`--${option}`, v)]);
  }
  if (values["driver-jars"] !== undefined) {
    const jars = values["driver-jars"].split(path.delimiter).filter((j) => j !== "");
    if (jars.length === 0)
      throw new ProbeError(
        "KSE-PROBE-002",
        "--driver-jars",
        values["driver-jars"],
        "--driver-jars names no jar",
        "pass the JDBC driver jars",
      );
    args.push(["driver-jars", jars.map((j) => existingFile("--driver-jars", j)).join(path.delimiter)]);
  }
  if (!(values["sink-query"] ?? config.sink.query).includes("?"))
    throw new ProbeError(
      "KSE-PROBE-002",
      "--sink-query",
      values["sink-query"],
      "--sink-query has no ? for the pipeline name",
      "write e.g. SELECT MAX(BEAT_ID) FROM T WHERE PIPELINE = ?",
    );
  if (values.count !== undefined) args.push(["count", String(wholeNumber("--count", values.count, 1, 1_000_000))]);
  if (values.duration !== undefined)
    args.push(["max-s", String(Math.ceil(duration("--duration", values.duration) / 1000))]);
  if (values["prometheus-port"] !== undefined)
    args.push(["prometheus-port", String(wholeNumber("--prometheus-port", values["prometheus-port"], 1, 65535))]);
  if (values["prometheus-host"] !== undefined) args.push(["prometheus-host", values["prometheus-host"]]);
  return args.flatMap(([k, v]) => [`--${k}`, v]);
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, {
    config: { type: "string" },
    "bootstrap-server": { type: "string" },
    "command-config": { type: "string" },
    "source-properties": { type: "string" },
    "sink-properties": { type: "string" },
    "driver-jars": { type: "string" },
    "source-url": { type: "string" },
    "sink-url": { type: "string" },
    "sink-query": { type: "string" },
    interval: { type: "string" },
    count: { type: "string" },
    duration: { type: "string" },
    "prometheus-port": { type: "string" },
    "prometheus-host": { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (values.config === undefined)
    throw new ProbeError(
      "KSE-PROBE-001",
      "--config",
      undefined,
      "--config is required",
      "pass the probes/<pipeline>-heartbeat.json file synth wrote",
    );
  const config = readProbeConfig(values.config);
  const probeArgs = probeArguments(config, values as Record<string, string | undefined>);
  const { java } = findJava(process.env);
  const built = await ensureGenerator({ env: process.env, log: (line) => io.err(`probe: ${line}\n`) });
  io.err(
    `probe: pipeline ${config.pipeline}, topic ${config.topic}, source ${config.source.table}, sink ${config.sink.table}\n`,
  );
  const { spawn } = await import("child_process");
  let lastError: string | undefined;
  const status = await new Promise<number>((resolve) => {
    const child = spawn(java, [...GENERATOR_JVM_OPTIONS, "-cp", built.classpath, PROBE_MAIN, ...probeArgs], {
      stdio: ["ignore", "pipe", "pipe"],
      env: process.env,
    });
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => io.out(chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      const error = chunk.split("\n").find((l) => l.startsWith("error: "));
      if (error) lastError = error.slice("error: ".length);
      else io.err(chunk);
    });
    child.on("error", () => resolve(-1));
    child.on("close", (code) => resolve(code ?? -1));
  });
  if (status !== 0)
    throw new ProbeError(
      "KSE-PROBE-003",
      "probe",
      status,
      `the heartbeat probe stopped: ${lastError ?? `exit ${status}`}`,
      "check the JDBC URLs, properties and driver jars, the cluster's bootstrap servers and --command-config, and the probe's grants (see the probe's page)",
    );
  return EXIT.ok;
}

/** The `probe` command. */
export const PROBE_COMMAND: CliCommand = {
  summary: "run a pipeline's heartbeat probe: source lag and end-to-end latency as CloudWatch EMF and Prometheus",
  usage: USAGE,
  run,
};
