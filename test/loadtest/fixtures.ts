import type { LoadtestOptions } from "../../lib/loadtest/options";
import { compareRuns } from "../../lib/loadtest/report";
import type {
  ConsumerResult,
  GeneratorMessage,
  LoadtestReport,
  ProducerResult,
  RunReport,
  TopicInfo,
} from "../../lib/loadtest/types";

export const OPTIONS: LoadtestOptions = {
  bootstrap: "127.0.0.1:39092",
  topic: "lt-orders",
  profile: "DURABILITY",
  compareDefault: false,
  records: 20000,
  recordSize: 1024,
  auth: "plaintext",
  json: "loadtest-report.json",
  markdown: "loadtest-report.md",
  createTopic: false,
  properties: {},
  connectTimeoutS: 30,
};

export const TOPIC: TopicInfo = {
  name: "lt-orders",
  created: true,
  partitions: 6,
  replicationFactor: 3,
  minInsyncReplicas: 2,
  timestampType: "CreateTime",
};

export function producerResult(overrides: Partial<ProducerResult> = {}): ProducerResult {
  return {
    records: 20000,
    acknowledged: 20000,
    errors: 0,
    firstError: null,
    durationMs: 2000,
    recordsPerSec: 10000,
    mibPerSec: 9.8,
    ackLatencyMs: { count: 20000, mean: 4.2, p50: 3.1, p99: 12.5, p999: 20.25, max: 31 },
    ...overrides,
  };
}

export function consumerResult(overrides: Partial<ConsumerResult> = {}): ConsumerResult {
  return {
    consumed: 20000,
    consumedAcknowledged: 20000,
    missing: 0,
    firstMissing: [],
    duplicates: 0,
    unacknowledgedConsumed: 0,
    groupJoinMs: 120,
    durationMs: 500,
    recordsPerSec: 40000,
    mibPerSec: 39.1,
    commits: 12,
    endToEndLatencyMs: { count: 20000, mean: 8, p50: 6, p99: 25, p999: 40, max: 55 },
    endToEndFailure: null,
    ...overrides,
  };
}

/** What the generator prints for one successful run. */
export function generatorLines(
  options: { producer?: Partial<ProducerResult>; consumer?: Partial<ConsumerResult> } = {},
): GeneratorMessage[] {
  return [
    { type: "info", kafkaClientVersion: "3.9.1", javaVersion: "17.0.15", javaVendor: "Debian", host: "lt-host" },
    { type: "overrides", producer: [], consumer: [], admin: [] },
    { type: "cluster", clusterId: "abc", brokers: [{ id: 1, host: "127.0.0.1", port: 39092, rack: null }] },
    { type: "topic", ...TOPIC },
    { type: "progress", phase: "produce", done: 10000, total: 20000, elapsedMs: 1000 },
    { type: "producer", ...producerResult(options.producer) },
    { type: "progress", phase: "consume", done: 20000, total: 20000, elapsedMs: 500 },
    { type: "consumer", ...consumerResult(options.consumer) },
    { type: "done" },
  ];
}

/** A finished report with fixed numbers: client defaults and DURABILITY. */
export function fixedReport(): LoadtestReport {
  const defaults: RunReport = {
    name: "client defaults",
    profile: null,
    properties: {
      producer: { "bootstrap.servers": "127.0.0.1:39092", "client.id": "kafka-standards-loadtest" },
      consumer: { "bootstrap.servers": "127.0.0.1:39092", "group.id": "g" },
      admin: { "bootstrap.servers": "127.0.0.1:39092" },
    },
    producer: producerResult({
      recordsPerSec: 8000,
      mibPerSec: 7.8,
      ackLatencyMs: { count: 20000, mean: 5, p50: 4, p99: 25, p999: 30, max: 40 },
    }),
    consumer: consumerResult({ recordsPerSec: 32000 }),
    check: { acknowledged: 20000, consumed: 20000, missing: 0, sendErrors: 0, passed: true },
    startedAt: "2025-01-02T03:04:05.000Z",
    finishedAt: "2025-01-02T03:04:09.000Z",
  };
  const profile: RunReport = {
    ...defaults,
    name: "DURABILITY",
    profile: "DURABILITY",
    properties: {
      producer: { "bootstrap.servers": "127.0.0.1:39092", acks: "all", "enable.idempotence": "true" },
      consumer: { "bootstrap.servers": "127.0.0.1:39092", "group.id": "g", "enable.auto.commit": "false" },
      admin: { "bootstrap.servers": "127.0.0.1:39092", "client.id": "kafka-standards-loadtest-admin" },
    },
    producer: producerResult(),
    consumer: consumerResult(),
    startedAt: "2025-01-02T03:04:09.000Z",
    finishedAt: "2025-01-02T03:04:13.000Z",
  };
  return {
    schema: "kafka-standards/loadtest-report/v1",
    tool: { name: "kafka-standards loadtest", version: "0.1.0" },
    startedAt: "2025-01-02T03:04:05.000Z",
    finishedAt: "2025-01-02T03:04:13.000Z",
    host: {
      hostname: "lt-host",
      platform: "linux",
      arch: "x64",
      cpus: 2,
      node: "20.19.0",
      java: "17.0.15",
      kafkaClient: "3.9.1",
    },
    options: {
      bootstrap: "127.0.0.1:39092",
      topic: "lt-orders",
      profile: "DURABILITY",
      compareDefault: true,
      records: 20000,
      recordSize: 1024,
      throughput: null,
      auth: "scram",
      username: "it-app",
      passwordEnv: "IT_PW",
      awsRegion: null,
      consumerGroup: "g",
      extraProperties: [],
    },
    cluster: { clusterId: "abc", brokers: [{ id: 1, host: "127.0.0.1", port: 39092, rack: null }] },
    topic: TOPIC,
    runs: [defaults, profile],
    comparison: compareRuns(defaults, profile),
    warnings: [],
    passed: true,
  };
}
