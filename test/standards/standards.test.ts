import * as fs from "fs";
import * as path from "path";
import {
  BASELINE_REQUIREMENTS,
  MSK_EXPRESS_CONFIG_KEYS,
  MSK_STANDARD_CONFIG_KEYS,
  brokerBaseline,
  parseServerProperties,
  renderServerProperties,
} from "../../lib/standards/broker-baseline";
import {
  KAFKA_VERSION_CATALOG,
  KafkaVersion,
  isPastEndOfSupport,
  kafkaVersionInfo,
} from "../../lib/standards/kafka-versions";
import { BROKER_INSTANCE_CATALOG, BrokerInstanceType } from "../../lib/standards/broker-types";
import { ENVIRONMENT_TIERS, TIER_POLICIES } from "../../lib/standards/tiers";
import { MSK_ALARM_THRESHOLDS } from "../../lib/standards/alarm-thresholds";
import { CLIENT_PROFILES, CLIENT_PROFILE_NAMES } from "../../lib/standards/client-profiles";
import { TOPIC_CLASSES, TOPIC_CLASS_NAMES } from "../../lib/standards/topic-classes";
import { TOPIC_NAME_PATTERN } from "../../lib/standards/naming";
import { renderStandardsReference } from "../../lib/docs/standards-reference";

describe("broker baseline", () => {
  test.each([3, 6, 9])("with %d brokers it meets every requirement the audit checks", (brokerNodes) => {
    const props = Object.fromEntries(brokerBaseline({ brokerNodes, express: false }).map((p) => [p.key, p.value]));
    for (const [key, req] of Object.entries(BASELINE_REQUIREMENTS)) {
      if ("equals" in req) expect([key, props[key]]).toEqual([key, req.equals]);
      if ("min" in req) expect(Number(props[key])).toBeGreaterThanOrEqual(req.min);
    }
    expect(Number(props["min.insync.replicas"])).toBe(Number(props["default.replication.factor"]) - 1);
  });

  test("uses only keys MSK accepts, for both broker families", () => {
    for (const p of brokerBaseline({ brokerNodes: 3, express: false }))
      expect(MSK_STANDARD_CONFIG_KEYS).toContain(p.key);
    for (const p of brokerBaseline({ brokerNodes: 3, express: true })) expect(MSK_EXPRESS_CONFIG_KEYS).toContain(p.key);
  });

  test("express keys are a subset of the standard keys and never set the fixed durability keys", () => {
    for (const k of MSK_EXPRESS_CONFIG_KEYS) expect(MSK_STANDARD_CONFIG_KEYS).toContain(k);
    const express = brokerBaseline({ brokerNodes: 3, express: true }).map((p) => p.key);
    expect(express).not.toContain("min.insync.replicas");
    expect(express).not.toContain("default.replication.factor");
    expect(express).not.toContain("unclean.leader.election.enable");
  });

  test("every property has a reason", () => {
    for (const p of brokerBaseline({ brokerNodes: 3, express: false })) expect(p.reason.length).toBeGreaterThan(20);
  });

  test("render and parse round-trip, sorted by key", () => {
    const text = renderServerProperties({ b: "2", a: "1" });
    expect(text).toBe("a=1\nb=2\n");
    expect(parseServerProperties(`# comment\n\n${text}c = 3\n`)).toEqual({ a: "1", b: "2", c: "3" });
  });
});

describe("Kafka versions", () => {
  test("catalog versions are unique", () => {
    const v = KAFKA_VERSION_CATALOG.map((x) => x.version);
    expect(new Set(v).size).toBe(v.length);
  });

  test.each(KAFKA_VERSION_CATALOG.map((v) => [v.version, v]))(
    "%s: KRaft flag matches the version string",
    (version, info) => {
      expect(info.kraft).toBe(version.endsWith(".kraft"));
    },
  );

  test("the default is KRaft, supported and has an Apache release for local tests", () => {
    expect(KafkaVersion.DEFAULT.version).toBe("3.9.x.kraft");
    expect(KafkaVersion.DEFAULT.kraft).toBe(true);
    expect(KafkaVersion.DEFAULT.info?.status).toBe("supported");
    expect(KafkaVersion.DEFAULT.info?.apacheRelease).toBe("3.9.1");
  });

  test("end of support by status or date", () => {
    expect(isPastEndOfSupport(kafkaVersionInfo("3.5.1")!, "2020-01-01")).toBe(true);
    expect(isPastEndOfSupport(kafkaVersionInfo("3.6.0")!, "2026-05-31")).toBe(false);
    expect(isPastEndOfSupport(kafkaVersionInfo("3.6.0")!, "2026-06-01")).toBe(true);
    expect(isPastEndOfSupport(kafkaVersionInfo("3.9.x.kraft")!, "2030-01-01")).toBe(false);
  });

  test("of() marks unknown strings as escape hatches and infers KRaft", () => {
    expect(KafkaVersion.of("3.9.x").isEscapeHatch).toBe(false);
    const v = KafkaVersion.of("4.3.x.kraft");
    expect([v.isEscapeHatch, v.kraft, v.info]).toEqual([true, true, undefined]);
  });
});

describe("broker instance types", () => {
  test("catalog is unique and recommended ≤ max", () => {
    const t = BROKER_INSTANCE_CATALOG.map((b) => b.instanceType);
    expect(new Set(t).size).toBe(t.length);
    for (const b of BROKER_INSTANCE_CATALOG) expect(b.recommendedPartitions).toBeLessThanOrEqual(b.maxPartitions);
  });

  test("family follows the prefix", () => {
    for (const b of BROKER_INSTANCE_CATALOG)
      expect(b.family).toBe(b.instanceType.startsWith("express.") ? "express" : "standard");
    expect(BrokerInstanceType.EXPRESS_M7G_LARGE.express).toBe(true);
    expect(BrokerInstanceType.M7G_LARGE.express).toBe(false);
  });

  test("published partition guidance", () => {
    expect(BrokerInstanceType.T3_SMALL.info).toMatchObject({
      recommendedPartitions: 300,
      maxPartitions: 300,
      burstable: true,
    });
    expect(BrokerInstanceType.M7G_LARGE.info).toMatchObject({ recommendedPartitions: 1000, maxPartitions: 1500 });
    expect(BrokerInstanceType.EXPRESS_M7G_4XLARGE.info).toMatchObject({
      recommendedIngressMBps: 124.9,
      recommendedEgressMBps: 249.8,
    });
  });
});

describe("tiers", () => {
  test("prod is at least as strict as staging, staging as dev", () => {
    for (let i = 1; i < ENVIRONMENT_TIERS.length; i++) {
      const lo = TIER_POLICIES[ENVIRONMENT_TIERS[i - 1]];
      const hi = TIER_POLICIES[ENVIRONMENT_TIERS[i]];
      expect(hi.minBrokerNodes).toBeGreaterThanOrEqual(lo.minBrokerNodes);
      expect(hi.brokerLogRetentionDays).toBeGreaterThanOrEqual(lo.brokerLogRetentionDays);
      expect(hi.storageAutoscalingMaxGiB).toBeGreaterThanOrEqual(lo.storageAutoscalingMaxGiB);
    }
    expect(TIER_POLICIES.prod).toMatchObject({
      minBrokerNodes: 3,
      minAvailabilityZones: 3,
      preventDestroy: true,
      allowBurstableBrokers: false,
    });
  });

  test("data is frozen", () => {
    expect(Object.isFrozen(TIER_POLICIES.prod)).toBe(true);
    expect(Object.isFrozen(MSK_ALARM_THRESHOLDS[0])).toBe(true);
  });
});

describe("alarm thresholds", () => {
  test.each(MSK_ALARM_THRESHOLDS.filter((a) => a.warning).map((a) => [a.id, a]))(
    "%s: warning is less severe than critical",
    (_id, a) => {
      const w = a.warning!.threshold;
      const c = a.critical.threshold;
      if (a.comparison.startsWith("Greater")) expect(w).toBeLessThanOrEqual(c);
      else expect(w).toBeGreaterThanOrEqual(c);
      if (w === c) expect(a.warning!.evaluationPeriods).toBeLessThan(a.critical.evaluationPeriods);
    },
  );

  test("AWS best-practice numbers", () => {
    const byId = Object.fromEntries(MSK_ALARM_THRESHOLDS.map((a) => [a.id, a]));
    expect(byId["disk-used"].critical.threshold).toBe(85);
    expect(byId["cpu"].warning!.threshold).toBe(60);
    expect(byId["heap-after-gc"].warning!.threshold).toBe(60);
    expect(byId["active-controller"]).toMatchObject({ comparison: "LessThanThreshold", critical: { threshold: 1 } });
  });
});

// Property names from the Apache Kafka client configuration reference and librdkafka CONFIGURATION.md.
const JAVA_PRODUCER = [
  "acks",
  "enable.idempotence",
  "batch.size",
  "linger.ms",
  "compression.type",
  "buffer.memory",
  "max.in.flight.requests.per.connection",
  "retries",
  "delivery.timeout.ms",
  "transaction.timeout.ms",
];
const JAVA_CONSUMER = [
  "fetch.min.bytes",
  "fetch.max.wait.ms",
  "max.partition.fetch.bytes",
  "enable.auto.commit",
  "auto.offset.reset",
  "isolation.level",
];
const LIBRDKAFKA = [
  "acks",
  "enable.idempotence",
  "batch.size",
  "linger.ms",
  "compression.type",
  "queue.buffering.max.kbytes",
  "max.in.flight.requests.per.connection",
  "retries",
  "delivery.timeout.ms",
  "transaction.timeout.ms",
  "fetch.min.bytes",
  "fetch.wait.max.ms",
  "max.partition.fetch.bytes",
  "enable.auto.commit",
  "auto.offset.reset",
  "isolation.level",
];

describe("client profiles", () => {
  test.each(CLIENT_PROFILE_NAMES)("%s uses only property names the target client knows", (name) => {
    const p = CLIENT_PROFILES[name];
    for (const k of Object.keys(p.producer.java)) expect(JAVA_PRODUCER).toContain(k);
    for (const k of Object.keys(p.consumer.java)) expect(JAVA_CONSUMER).toContain(k);
    for (const k of [...Object.keys(p.producer.librdkafka), ...Object.keys(p.consumer.librdkafka)])
      expect(LIBRDKAFKA).toContain(k);
  });

  test.each(CLIENT_PROFILE_NAMES)("%s: acks flag matches the properties", (name) => {
    const p = CLIENT_PROFILES[name];
    expect(p.producer.java.acks === "all").toBe(p.acksAll);
    expect(p.producer.librdkafka.acks).toBe(p.producer.java.acks);
  });

  test("durable profiles are idempotent, commit manually and need durable topics", () => {
    for (const name of ["DURABILITY", "EXACTLY_ONCE"] as const) {
      const p = CLIENT_PROFILES[name];
      expect(p.requiresDurableTopic).toBe(true);
      expect(p.producer.java["enable.idempotence"]).toBe("true");
      expect(p.consumer.java["enable.auto.commit"]).toBe("false");
    }
    expect(CLIENT_PROFILES.EXACTLY_ONCE.consumer.java["isolation.level"]).toBe("read_committed");
    // librdkafka refuses a transactional producer whose delivery timeout exceeds the transaction timeout.
    for (const lib of ["java", "librdkafka"] as const) {
      const p = CLIENT_PROFILES.EXACTLY_ONCE.producer[lib];
      expect(Number(p["transaction.timeout.ms"])).toBeGreaterThanOrEqual(Number(p["delivery.timeout.ms"]));
    }
  });
});

describe("topic classes", () => {
  test.each(TOPIC_CLASS_NAMES)("%s: durable classes have RF ≥ 3 and 2 ≤ min ISR ≤ RF − 1", (name) => {
    const c = TOPIC_CLASSES[name];
    expect(c.minReplicationFactor).toBeGreaterThanOrEqual(3);
    expect(c.minInsyncReplicas).toBeLessThanOrEqual(c.minReplicationFactor - 1);
    if (c.durable) expect(c.minInsyncReplicas).toBeGreaterThanOrEqual(2);
  });

  test("audit keeps seven years; personal data is bounded", () => {
    expect(TOPIC_CLASSES.audit.retentionMs).toBeGreaterThanOrEqual(7 * 365 * 86_400_000);
    expect(TOPIC_CLASSES.personal.retentionMs).toBeLessThanOrEqual(TOPIC_CLASSES.personal.maxRetentionMs!);
  });
});

describe("naming", () => {
  test.each([
    ["orders.created", true],
    ["payments.ledger.v2", true],
    ["Orders.created", false],
    ["orders_created", false],
    ["orders", false],
    ["a.b.c.d.e.f", false],
  ])("topic name %s valid: %s", (name, ok) => {
    expect(TOPIC_NAME_PATTERN.test(name)).toBe(ok);
  });
});

test("docs/STANDARDS.md is generated from the data and up to date", () => {
  const committed = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "STANDARDS.md"), "utf8");
  expect(committed).toBe(renderStandardsReference());
});
