/**
 * Runs a load test: renders the client properties, runs the Java generator once per configuration
 * (the client defaults first with --compare-default, then the profile), draws progress, and builds
 * and writes the reports.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { ClientProfileName } from "../standards/client-profiles";
import {
  ensureGenerator,
  findJava,
  GENERATOR_JVM_OPTIONS,
  GENERATOR_MAIN,
  LoadtestError,
  packageVersion,
  spawnGenerator,
  type GeneratorSpawner,
} from "./java";
import type { LoadtestOptions } from "./options";
import { ProgressReporter } from "./progress";
import {
  generatorEnvironment,
  LOADTEST_CLIENT_ID,
  loadtestClientConfig,
  redactProperties,
  renderPropertiesFile,
  withOverrides,
} from "./properties";
import { compareRuns, countCheck, renderMarkdown, renderSummary, reportWarnings } from "./report";
import type {
  ClusterInfo,
  ConsumerResult,
  GeneratorInfo,
  GeneratorMessage,
  LoadtestReport,
  ProducerResult,
  RunReport,
  TopicInfo,
} from "./types";

/** What a run needs from its surroundings; tests replace the Java parts. */
export interface LoadtestDeps {
  /** Standard output. */
  readonly out: (text: string) => void;
  /** Standard error. */
  readonly err: (text: string) => void;
  /** Whether stderr is a terminal (progress bar) and its width. */
  readonly tty: boolean;
  readonly columns?: number;
  /** Environment (secrets are read from it). */
  readonly env: NodeJS.ProcessEnv;
  /** Current time. */
  readonly now: () => Date;
  /** The java command and classpath; default: find java, build the generator if needed. */
  readonly prepare?: (log: (line: string) => void) => Promise<{ java: string; classpath: string }>;
  /** Runs the generator; default: spawn the JVM. */
  readonly spawn?: GeneratorSpawner;
  /** A new run id (16 hex digits). */
  readonly newRunId?: () => string;
}

async function defaultPrepare(
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<{ java: string; classpath: string }> {
  const { java } = findJava(env);
  const generator = await ensureGenerator({ env, log });
  if (generator.built) log(`load generator built in ${((generator.buildMs ?? 0) / 1000).toFixed(1)} s`);
  return { java, classpath: generator.classpath };
}

interface GeneratorOutcome {
  info?: GeneratorInfo;
  cluster?: ClusterInfo;
  topic?: TopicInfo;
  overrides: { producer: readonly string[]; consumer: readonly string[]; admin: readonly string[] };
  producer?: ProducerResult;
  consumer?: ConsumerResult;
}

/** Java's error kinds are all things the user can act on; they become one-line errors (exit 2). */
function generatorFailure(kind: string, message: string): LoadtestError {
  const prefix: Record<string, string> = {
    config: "invalid client configuration: ",
    unreachable: "cluster unreachable: ",
    auth: "",
    topic: "",
    runtime: "load generator failed: ",
  };
  return new LoadtestError(`${prefix[kind] ?? ""}${message}`);
}

/** Runs the load test, writes both reports, prints the summary; resolves to the exit code (0 or 1). */
export async function runLoadtest(
  options: LoadtestOptions,
  deps: LoadtestDeps,
): Promise<{ code: number; report: LoadtestReport }> {
  const progress = new ProgressReporter(deps.err, {
    tty: deps.tty,
    ...(deps.columns ? { columns: deps.columns } : {}),
  });
  const log = (line: string): void => progress.message(`loadtest: ${line}`);
  const prepare = deps.prepare ?? ((l: (line: string) => void) => defaultPrepare(deps.env, l));
  const { java, classpath } = await prepare(log);
  const startedAt = deps.now();
  const spawn = deps.spawn ?? spawnGenerator;
  const newRunId = deps.newRunId ?? (() => crypto.randomBytes(8).toString("hex"));
  const childEnv = { ...deps.env, ...generatorEnvironment(options, deps.env) };
  const secrets = options.passwordEnv && deps.env[options.passwordEnv] ? [deps.env[options.passwordEnv]!] : [];

  const configurations: { name: string; profile: ClientProfileName | undefined }[] = [
    ...(options.compareDefault ? [{ name: "client defaults", profile: undefined }] : []),
    { name: options.profile, profile: options.profile },
  ];
  const runs: RunReport[] = [];
  let last: GeneratorOutcome | undefined;
  let createdTopic = false;
  const firstRunId = newRunId();
  const group = options.consumerGroup ?? `${LOADTEST_CLIENT_ID}-${firstRunId}`;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "kafka-standards-loadtest-"));
  try {
    for (const [index, configuration] of configurations.entries()) {
      const runId = index === 0 ? firstRunId : newRunId();
      const config = loadtestClientConfig(options, configuration.profile, { runId, group }, deps.env);
      const files = {
        producer: path.join(work, `${runId}-producer.properties`),
        consumer: path.join(work, `${runId}-consumer.properties`),
        admin: path.join(work, `${runId}-admin.properties`),
        overrides: path.join(work, `${runId}-overrides.properties`),
      };
      const header = `kafka-standards loadtest ${configuration.name}`;
      fs.writeFileSync(files.producer, renderPropertiesFile(config.producer, header), { mode: 0o600 });
      fs.writeFileSync(files.consumer, renderPropertiesFile(config.consumer, header), { mode: 0o600 });
      fs.writeFileSync(files.admin, renderPropertiesFile(config.admin, header), { mode: 0o600 });
      const hasOverrides = Object.keys(options.properties).length > 0;
      if (hasOverrides) fs.writeFileSync(files.overrides, renderPropertiesFile(options.properties), { mode: 0o600 });
      const args = [
        ...GENERATOR_JVM_OPTIONS,
        "-cp",
        classpath,
        GENERATOR_MAIN,
        "--producer-config",
        files.producer,
        "--consumer-config",
        files.consumer,
        "--admin-config",
        files.admin,
        ...(hasOverrides ? ["--overrides", files.overrides] : []),
        "--topic",
        options.topic,
        "--records",
        String(options.records),
        "--record-size",
        String(options.recordSize),
        ...(options.throughput !== undefined ? ["--throughput", String(options.throughput)] : []),
        "--run-id",
        runId,
        "--connect-timeout-ms",
        String(options.connectTimeoutS * 1000),
        ...(options.createTopic
          ? [
              "--create-topic",
              "--partitions",
              String(options.partitions),
              "--replication-factor",
              String(options.replicationFactor),
              ...(options.minInsyncReplicas !== undefined
                ? ["--min-insync-replicas", String(options.minInsyncReplicas)]
                : []),
            ]
          : []),
      ];
      const outcome: GeneratorOutcome = { overrides: { producer: [], consumer: [], admin: [] } };
      let error: { kind: string; message: string } | undefined;
      const runStarted = deps.now();
      log(`${configuration.name}: connecting to ${options.bootstrap}`);
      const label = (phase: string): string =>
        `${configuration.name} ${phase === "produce" ? "producing" : "consuming"}`;
      const exit = await spawn(java, args, childEnv, (m: GeneratorMessage) => {
        switch (m.type) {
          case "info":
            outcome.info = m;
            break;
          case "overrides":
            outcome.overrides = m;
            break;
          case "cluster":
            outcome.cluster = { clusterId: m.clusterId, brokers: m.brokers };
            break;
          case "topic":
            outcome.topic = m;
            createdTopic ||= m.created;
            if (m.created) log(`created topic ${m.name} (${m.partitions} partitions, RF ${m.replicationFactor})`);
            break;
          case "progress":
            progress.update({ label: label(m.phase), done: m.done, total: m.total, elapsedMs: m.elapsedMs });
            break;
          case "producer":
            outcome.producer = m;
            progress.update({
              label: label("produce"),
              done: m.acknowledged,
              total: m.records,
              elapsedMs: m.durationMs,
            });
            break;
          case "consumer":
            outcome.consumer = m;
            progress.update({
              label: label("consume"),
              done: m.consumedAcknowledged,
              total: m.consumedAcknowledged + m.missing,
              elapsedMs: m.durationMs,
            });
            break;
          case "error":
            error = { kind: m.kind, message: m.message };
            break;
          case "done":
            break;
        }
      });
      progress.end();
      if (error) throw generatorFailure(error.kind, error.message);
      if (exit.status !== 0 || !outcome.producer || !outcome.consumer || !outcome.topic || !outcome.cluster) {
        const why = exit.stderrTail[exit.stderrTail.length - 1] ?? "no output";
        throw new LoadtestError(`the load generator exited with status ${exit.status}: ${why}`);
      }
      const properties = {
        producer: redactProperties(
          withOverrides(config.producer, options.properties, outcome.overrides.producer),
          secrets,
        ),
        consumer: redactProperties(
          withOverrides(config.consumer, options.properties, outcome.overrides.consumer),
          secrets,
        ),
        admin: redactProperties(withOverrides(config.admin, options.properties, outcome.overrides.admin), secrets),
      };
      runs.push({
        name: configuration.name,
        profile: configuration.profile ?? null,
        properties,
        producer: stripType(outcome.producer),
        consumer: stripType(outcome.consumer),
        check: countCheck(outcome.producer, outcome.consumer),
        startedAt: runStarted.toISOString(),
        finishedAt: deps.now().toISOString(),
      });
      last = outcome;
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }

  const final = last!;
  // The topic as the last run saw it; "created" when any run created it.
  const topic = { ...stripType(final.topic!), created: createdTopic };
  const report: LoadtestReport = {
    schema: "kafka-standards/loadtest-report/v1",
    tool: { name: "kafka-standards loadtest", version: packageVersion() },
    startedAt: startedAt.toISOString(),
    finishedAt: deps.now().toISOString(),
    host: {
      hostname: os.hostname(),
      platform: process.platform,
      arch: process.arch,
      cpus: os.cpus().length,
      node: process.versions.node,
      java: final.info?.javaVersion ?? "unknown",
      kafkaClient: final.info?.kafkaClientVersion ?? "unknown",
    },
    options: {
      bootstrap: options.bootstrap,
      topic: options.topic,
      profile: options.profile,
      compareDefault: options.compareDefault,
      records: options.records,
      recordSize: options.recordSize,
      throughput: options.throughput ?? null,
      auth: options.auth,
      username: options.username ?? null,
      passwordEnv: options.passwordEnv ?? null,
      awsRegion: options.awsRegion ?? null,
      consumerGroup: group,
      extraProperties: Object.keys(options.properties),
    },
    cluster: final.cluster!,
    topic,
    runs,
    comparison: runs.length === 2 ? compareRuns(runs[0], runs[1]) : null,
    warnings: reportWarnings({
      profile: options.profile,
      topic,
      extraProperties: Object.keys(options.properties),
      runs,
    }),
    passed: runs.every((r) => r.check.passed),
  };
  writeReport(options.json, JSON.stringify(report, null, 2) + "\n");
  writeReport(options.markdown, renderMarkdown(report));
  deps.out(renderSummary(report, { json: options.json, markdown: options.markdown }));
  return { code: report.passed ? 0 : 1, report };
}

/** A generator message without its "type", as the report keeps it. */
function stripType<T extends object>(m: T): T {
  const rest: Record<string, unknown> = { ...(m as Record<string, unknown>) };
  delete rest.type;
  return rest as T;
}

function writeReport(file: string, content: string): void {
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, content);
  } catch (e) {
    throw new LoadtestError(`cannot write ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
