import { KafkaStandardsError } from "../../lib/errors";
import { partitionsForThroughput, resolveTopicSpec, TopicContext } from "../../lib/topic/topic-spec";
import { KafkaTopicProps } from "../../lib/topic/kafka-topic-props";
import { TOPIC_NAME_PATTERN } from "../../lib/standards/naming";
import { SEVEN_YEARS_MS } from "../../lib/standards/topic-classes";

const MSK: TopicContext = {
  backend: "msk",
  tier: "prod",
  clusterName: "c-prod",
  brokerNodes: 3,
  namePattern: TOPIC_NAME_PATTERN,
  path: "s/c",
};
const CFL: TopicContext = { ...MSK, backend: "confluent", brokerNodes: undefined };

describe("topic defaults per class", () => {
  test.each([
    ["events", { "cleanup.policy": "delete", "min.insync.replicas": "2", "retention.ms": "604800000" }],
    ["state", { "cleanup.policy": "compact", "min.insync.replicas": "2", "retention.ms": "-1" }],
    ["audit", { "cleanup.policy": "delete", "min.insync.replicas": "2", "retention.ms": String(SEVEN_YEARS_MS) }],
    ["personal", { "cleanup.policy": "delete", "min.insync.replicas": "2", "retention.ms": "259200000" }],
    ["telemetry", { "cleanup.policy": "delete", "min.insync.replicas": "1", "retention.ms": "259200000" }],
  ] as const)("%s", (topicClass, config) => {
    const spec = resolveTopicSpec("a.b", { topicClass }, MSK);
    expect(spec.config).toEqual(config);
    expect([spec.partitions, spec.replicationFactor, spec.preventDestroy]).toEqual([6, 3, true]);
  });

  test("default class is events; caller config merges over the class", () => {
    const spec = resolveTopicSpec(
      "a.b",
      { config: { "max.message.bytes": "2097152", "retention.ms": "86400000" } },
      MSK,
    );
    expect(spec.topicClass.name).toBe("events");
    expect(spec.config).toEqual({
      "cleanup.policy": "delete",
      "max.message.bytes": "2097152",
      "min.insync.replicas": "2",
      "retention.ms": "86400000",
    });
  });

  test("retire lifts prevent_destroy and records the reason", () => {
    const spec = resolveTopicSpec("a.b", { retire: { reason: "replaced by orders.v2" } }, MSK);
    expect([spec.preventDestroy, spec.retire]).toEqual([false, "replaced by orders.v2"]);
  });

  test("no prevent_destroy below prod, except archival classes (audit), protected in every tier", () => {
    expect(resolveTopicSpec("a.b", {}, { ...MSK, tier: "staging" }).preventDestroy).toBe(false);
    for (const tier of ["dev", "staging", "prod"] as const) {
      expect(resolveTopicSpec("a.b", { topicClass: "audit" }, { ...MSK, tier }).preventDestroy).toBe(true);
      expect(resolveTopicSpec("a.b", { topicClass: "audit" }, { ...CFL, tier }).preventDestroy).toBe(true);
    }
  });

  test("retiring an audit topic needs its archive, recorded with the reason", () => {
    let error: unknown;
    try {
      resolveTopicSpec(
        "a.b",
        { topicClass: "audit", retire: { reason: "ledger moved to v2" } },
        { ...MSK, tier: "dev" },
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KafkaStandardsError);
    expect((error as KafkaStandardsError).code).toBe("KSE-TOPIC-010");
    expect((error as KafkaStandardsError).message).toContain("retire.archive");
    const spec = resolveTopicSpec(
      "a.b",
      { topicClass: "audit", retire: { reason: "ledger moved to v2", archive: "s3://audit-archive/a.b/" } },
      { ...MSK, tier: "dev" },
    );
    expect([spec.preventDestroy, spec.retire, spec.archive]).toEqual([
      false,
      "ledger moved to v2",
      "s3://audit-archive/a.b/",
    ]);
  });

  test("dev cluster with two brokers clamps RF and min ISR, recorded", () => {
    const spec = resolveTopicSpec("a.b", {}, { ...MSK, tier: "dev", brokerNodes: 2 });
    expect([spec.replicationFactor, spec.config["min.insync.replicas"]]).toEqual([2, "1"]);
    expect(spec.overrides).toEqual({ replicationFactor: "2 (dev cluster with 2 brokers)" });
  });

  test("Confluent: RF fixed at 3, editable keys only", () => {
    const spec = resolveTopicSpec("a.b", { config: { "max.message.bytes": "2097152" } }, CFL);
    expect(spec.replicationFactor).toBe(3);
  });
});

describe("partition sizing", () => {
  test.each([
    [{ targetMBps: 1 }, 3],
    [{ targetMBps: 60 }, 6],
    [{ targetMBps: 100, producerMBpsPerPartition: 5 }, 20],
    [{ targetMBps: 100, consumerMBpsPerPartition: 2 }, 50],
    [{ targetMBps: 1, minimumPartitions: 12 }, 12],
  ])("%j → %d", (t, n) => {
    expect(partitionsForThroughput(t)).toBe(n);
    expect(resolveTopicSpec("a.b", { throughput: t }, MSK).partitions).toBe(n);
  });
});

describe("topic validation", () => {
  test.each<[string, string, KafkaTopicProps, TopicContext, string, string]>([
    ["bad name", "Orders", {}, MSK, "KSE-TOPIC-001", "names matching"],
    ["unknown class", "a.b", { topicClass: "event" as any }, MSK, "KSE-TOPIC-002", 'did you mean "events"'],
    [
      "partitions and throughput",
      "a.b",
      { partitions: 3, throughput: { targetMBps: 1 } },
      MSK,
      "KSE-TOPIC-003",
      "not both",
    ],
    ["zero partitions", "a.b", { partitions: 0 }, MSK, "KSE-TOPIC-003", "1 to 10000"],
    ["negative throughput", "a.b", { throughput: { targetMBps: -1 } }, MSK, "KSE-TOPIC-003", "positive number"],
    ["RF above brokers", "a.b", { replicationFactor: 4 }, MSK, "KSE-TOPIC-004", "at most the broker count (3)"],
    ["RF below 3 in prod", "a.b", { replicationFactor: 2 }, MSK, "KSE-TOPIC-004", "at least 3"],
    ["RF on Confluent", "a.b", { replicationFactor: 4 }, CFL, "KSE-TOPIC-004", "fixed by Confluent Cloud"],
    [
      "min ISR = RF",
      "a.b",
      { config: { "min.insync.replicas": "3" } },
      MSK,
      "KSE-TOPIC-005",
      "at most replication factor − 1 (2)",
    ],
    [
      "min ISR 1 on durable",
      "a.b",
      { config: { "min.insync.replicas": "1" } },
      MSK,
      "KSE-TOPIC-005",
      "at least 2 for the durable class",
    ],
    ["unknown key", "a.b", { config: { "retention.msec": "1" } }, MSK, "KSE-TOPIC-006", 'did you mean "retention.ms"'],
    ["bad int", "a.b", { config: { "retention.ms": "7d" } }, MSK, "KSE-TOPIC-007", "an integer"],
    ["bad enum", "a.b", { config: { "compression.type": "brotli" } }, MSK, "KSE-TOPIC-007", "zstd"],
    [
      "bad ratio",
      "a.b",
      { topicClass: "state", config: { "min.cleanable.dirty.ratio": "2" } },
      MSK,
      "KSE-TOPIC-007",
      "0 to 1",
    ],
    [
      "non-editable on Confluent",
      "a.b",
      { config: { "compression.type": "lz4" } },
      CFL,
      "KSE-TOPIC-008",
      "Confluent Cloud fixes it",
    ],
    [
      "personal retention too long",
      "a.b",
      { topicClass: "personal", config: { "retention.ms": "-1" } },
      MSK,
      "KSE-TOPIC-009",
      "bounded retention",
    ],
    [
      "audit retention too short",
      "a.b",
      { topicClass: "audit", config: { "retention.ms": "86400000" } },
      MSK,
      "KSE-TOPIC-009",
      "seven-year",
    ],
    ["short retire reason", "a.b", { retire: { reason: "old" } }, MSK, "KSE-TOPIC-010", "at least 10 characters"],
    [
      "unclean election on durable",
      "a.b",
      { config: { "unclean.leader.election.enable": "true" } },
      MSK,
      "KSE-TOPIC-012",
      "loses acknowledged records",
    ],
    [
      "class cleanup policy changed",
      "a.b",
      { topicClass: "state", config: { "cleanup.policy": "delete" } },
      MSK,
      "KSE-TOPIC-013",
      '"compact" for class state',
    ],
  ])("%s", (_n, name, props, ctx, code, fragment) => {
    let error: unknown;
    try {
      resolveTopicSpec(name, props, ctx);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KafkaStandardsError);
    expect((error as KafkaStandardsError).code).toBe(code);
    expect((error as Error).message).toContain(fragment);
  });
});

describe("adopt", () => {
  const reason = "created by hand before the standard";
  test.each([
    [{ replicationFactor: 2 }, "replicationFactor", "2 (adopted as found"],
    [{ config: { "min.insync.replicas": "1" } }, 'config["min.insync.replicas"]', "1 (adopted as found"],
    [
      { topicClass: "personal" as const, config: { "retention.ms": "-1" } },
      'config["retention.ms"]',
      "-1 (adopted as found",
    ],
    [{ config: { "cleanup.policy": "compact" } }, 'config["cleanup.policy"]', "compact (adopted as found"],
    [
      { config: { "unclean.leader.election.enable": "true" } },
      'config["unclean.leader.election.enable"]',
      "true (adopted",
    ],
  ])("%j is kept as found and recorded as an override", (props, key, text) => {
    const spec = resolveTopicSpec("a.b", { ...props, adopt: { reason } }, MSK);
    expect(spec.adopt).toBe(reason);
    expect(spec.overrides[key]).toContain(text);
    expect(spec.overrides[key]).toContain(reason);
  });

  test("an adopted topic with the class's values records no override", () => {
    const spec = resolveTopicSpec("a.b", { adopt: { reason } }, MSK);
    expect(spec.overrides).toEqual({});
    expect(spec.config["min.insync.replicas"]).toBe("2");
  });

  test.each([
    [{ adopt: { reason: "short" } }, MSK, "KSE-TOPIC-015", "at least 10 characters"],
    [{ adopt: { reason } }, CFL, "KSE-TOPIC-015", "adopt on MSK clusters"],
    [{ adopt: "yes" as unknown as { reason: string } }, MSK, "KSE-TOPIC-015", "reason"],
  ])("throws for %j", (props, ctx, code, text) => {
    let error: unknown;
    try {
      resolveTopicSpec("a.b", props, ctx);
    } catch (e) {
      error = e;
    }
    expect((error as { code: string }).code).toBe(code);
    expect((error as Error).message).toContain(text);
  });
});
