import { failWith } from "../errors";
import { nearest } from "../core/suggest";
import { EnvironmentTier, TIER_POLICIES } from "../standards/tiers";
import { TOPIC_CLASSES, TOPIC_CLASS_NAMES, TopicClass, TopicClassName } from "../standards/topic-classes";
import { TOPIC_NAME_MAX_LENGTH } from "../standards/naming";
import {
  CONFLUENT_EDITABLE_TOPIC_KEYS,
  CONFLUENT_REPLICATION_FACTOR,
  PARTITION_SIZING,
  TOPIC_CONFIG_RULES,
  TopicConfigRule,
} from "../standards/topic-config";
import { KafkaTopicProps, TopicThroughput } from "./kafka-topic-props";
import { topicPartitionsFromWorkload } from "../sizing/apply-workload";
import { Rule, custom, num, obj, record, str, validate } from "../core/validate";

/** Where a topic is created. */
export interface TopicContext {
  /** Backend of the cluster. */
  readonly backend: "msk" | "confluent";
  /** Tier of the cluster. */
  readonly tier: EnvironmentTier;
  /** Cluster name. */
  readonly clusterName: string;
  /** Number of brokers, when the library knows it (MSK). */
  readonly brokerNodes?: number;
  /** Topic name convention of the cluster. */
  readonly namePattern: RegExp;
  /** Construct path, for error messages. */
  readonly path: string;
}

/** A validated topic with every default applied. */
export interface TopicSpec {
  readonly name: string;
  readonly topicClass: TopicClass;
  readonly partitions: number;
  readonly replicationFactor: number;
  /** Effective topic configuration (class + caller), sorted by key. */
  readonly config: Readonly<Record<string, string>>;
  readonly preventDestroy: boolean;
  readonly retire?: string;
  /** Where a retired topic's records were archived. */
  readonly archive?: string;
  readonly owner?: string;
  /** Recorded weakenings. */
  readonly overrides: Readonly<Record<string, string>>;
  /** Set when the topic exists already: imported on the first apply, with this reason. */
  readonly adopt?: string;
}

/** Default partition count when neither partitions nor throughput is given (a multiple of 3 AZs). */
export const DEFAULT_PARTITIONS = 6;

const fail: typeof failWith = failWith;

/** Partitions for a throughput target: max(t/p, t/c) rounded up, at least the floor (Jun Rao's rule). */
export function partitionsForThroughput(t: TopicThroughput): number {
  const p = t.producerMBpsPerPartition ?? PARTITION_SIZING.producerMBpsPerPartition;
  const c = t.consumerMBpsPerPartition ?? PARTITION_SIZING.consumerMBpsPerPartition;
  const floor = t.minimumPartitions ?? PARTITION_SIZING.minimumPartitions;
  return Math.max(floor, Math.ceil(t.targetMBps / p), Math.ceil(t.targetMBps / c));
}

function checkValue(key: string, value: string, rule: TopicConfigRule): string | undefined {
  switch (rule.kind) {
    case "int": {
      if (!/^-?\d+$/.test(value)) return "an integer";
      const n = Number(value);
      if (n < rule.min || (rule.max !== undefined && n > rule.max))
        return `an integer ≥ ${rule.min}${rule.max !== undefined ? ` and ≤ ${rule.max}` : ""}`;
      return undefined;
    }
    case "ratio":
      return /^\d*\.?\d+$/.test(value) && Number(value) >= 0 && Number(value) <= 1 ? undefined : "a number from 0 to 1";
    case "bool":
      return value === "true" || value === "false" ? undefined : "true or false";
    case "enum":
      return rule.values.includes(value) ? undefined : rule.values.join(", ");
    case "list":
      return /^[\w:,*.-]*$/.test(value) ? undefined : `a comma-separated list for ${key}`;
  }
}

function classConfig(c: TopicClass): Record<string, string> {
  return {
    "cleanup.policy": c.cleanupPolicy,
    "retention.ms": String(c.retentionMs),
    "min.insync.replicas": String(c.minInsyncReplicas),
  };
}

const MB_PER_SECOND = (key: string, required = false): Rule =>
  num("KSE-TOPIC-003", key, {
    required,
    min: 0,
    exclusiveMin: true,
    allowed: "a positive number",
    fix: "Give MB/s figures greater than zero.",
    literal: "Give throughput as numbers, not references: partitions are derived from them at synth time.",
  });

/** The declarative description of {@link KafkaTopicProps}: every key, its type, shape and code. */
const KAFKA_TOPIC_PROPS: Rule = obj(
  "KSE-CORE-004",
  "props",
  [
    custom(
      "KSE-TOPIC-002",
      "topicClass",
      { allowed: TOPIC_CLASS_NAMES.join(", "), fix: "Pick a class of the standard." },
      () => undefined, // checked below, with "did you mean"
    ),
    num("KSE-TOPIC-003", "partitions", {
      integer: true,
      min: 1,
      max: 10000,
      allowed: "an integer from 1 to 10000",
      fix: "Pick a partition count, or give throughput to derive one.",
      literal: "Give partitions as a number, not a reference: the partition guard compares counts at synth time.",
    }),
    obj(
      "KSE-TOPIC-003",
      "throughput",
      [
        MB_PER_SECOND("targetMBps", true),
        MB_PER_SECOND("producerMBpsPerPartition"),
        MB_PER_SECOND("consumerMBpsPerPartition"),
        num("KSE-TOPIC-003", "minimumPartitions", {
          integer: true,
          min: 1,
          max: 10000,
          allowed: "an integer from 1 to 10000",
          fix: "Give the floor as a whole number of partitions, e.g. 3.",
          literal: "Give the floor as a number, not a reference.",
        }),
      ],
      {
        allowed: "{ targetMBps, producerMBpsPerPartition?, consumerMBpsPerPartition?, minimumPartitions? }",
        fix: "Give throughput: { targetMBps: 50 }.",
      },
    ),
    num("KSE-TOPIC-004", "replicationFactor", {
      integer: true,
      min: 1,
      allowed: "a positive integer",
      fix: "Use 3.",
      literal:
        "Give the replication factor as a number, not a reference: it is checked against the brokers and the class.",
    }),
    record(
      "KSE-CORE-006",
      "config",
      str("KSE-TOPIC-007", "config[]", {
        allowed: "a string value, as Kafka topic configs take",
        fix: 'Give the value as a string, e.g. "604800000".',
      }),
      { allowed: "an object of topic config keys to string values", fix: 'Give e.g. { "retention.ms": "604800000" }.' },
    ),
    obj(
      "KSE-TOPIC-010",
      "retire",
      [
        str("KSE-TOPIC-010", "reason", {
          required: true,
          allowEmpty: true,
          allowed: "a reason of at least 10 characters",
          fix: "Say why the topic is retired.",
        }),
        str("KSE-TOPIC-010", "archive", {
          allowed: "where the records were archived, e.g. s3://audit-archive/orders-audit/",
          fix: "Name the archive that holds the topic's records, or omit archive.",
        }),
      ],
      { allowed: '{ reason: "…", archive?: "…" }', fix: "Say why the topic is retired." },
    ),
    obj(
      "KSE-TOPIC-015",
      "adopt",
      [
        str("KSE-TOPIC-015", "reason", {
          required: true,
          allowEmpty: true,
          allowed: "a reason of at least 10 characters",
          fix: "Say why the topic is adopted as it is.",
        }),
      ],
      { allowed: '{ reason: "…" }', fix: "Say why the topic is adopted as it is." },
    ),
    str("KSE-CORE-006", "owner", { allowed: "the owning team's name", fix: "Name the owning team, or omit owner." }),
    custom(
      "KSE-SIZE-001",
      "workload",
      {
        allowed: "a Workload { messagesPerSecond, averageMessageBytes, … }",
        fix: "See Workload in the API reference.",
      },
      () => undefined, // checked field by field by the sizing model (KSE-SIZE-001…011)
    ),
  ],
  {
    allowed:
      "KafkaTopicProps { topicClass?, partitions?, throughput?, workload?, replicationFactor?, config?, retire?, adopt?, owner? }",
    fix: 'Pass topic props as an object, e.g. addTopic("orders.created", { topicClass: "events" }).',
  },
);

/** Validates a topic against the standard and applies its class. Throws KafkaStandardsError. */
export function resolveTopicSpec(name: string, input: KafkaTopicProps | undefined, ctx: TopicContext): TopicSpec {
  const path = ctx.path;
  validate(input, KAFKA_TOPIC_PROPS, "props", path);
  const props: KafkaTopicProps = input ?? {};
  if (typeof name !== "string" || name.length > TOPIC_NAME_MAX_LENGTH || !ctx.namePattern.test(name)) {
    fail(
      "KSE-TOPIC-001",
      "name",
      name,
      `names matching ${ctx.namePattern} (at most ${TOPIC_NAME_MAX_LENGTH} characters)`,
      'Use <domain>.<dataset>[.<qualifier>], e.g. "orders.created", or configure the cluster\'s topic name pattern.',
      path,
    );
  }
  const className: TopicClassName = props.topicClass ?? "events";
  const topicClass = (
    typeof className === "string" && Object.hasOwn(TOPIC_CLASSES, className) ? TOPIC_CLASSES[className] : undefined
  ) as TopicClass;
  if (!topicClass) {
    const hint = nearest(String(className), TOPIC_CLASS_NAMES);
    fail(
      "KSE-TOPIC-002",
      "topicClass",
      className,
      TOPIC_CLASS_NAMES.join(", "),
      hint ? `did you mean "${hint}"?` : "Pick a class of the standard.",
      path,
    );
  }

  const adopt = props.adopt === undefined ? undefined : String(props.adopt.reason ?? "").trim();
  if (adopt !== undefined && adopt.length < 10) {
    fail(
      "KSE-TOPIC-015",
      "adopt.reason",
      props.adopt?.reason,
      "a reason of at least 10 characters",
      "Say why the topic is adopted as it is.",
      path,
    );
  }
  if (adopt !== undefined && ctx.backend !== "msk") {
    fail(
      "KSE-TOPIC-015",
      "adopt",
      props.adopt,
      "adopt on MSK clusters and existing clusters (MskCluster.fromAttributes)",
      "Remove adopt; on Confluent Cloud import the topic with the confluent_kafka_topic import id instead.",
      path,
    );
  }
  const overrides: Record<string, string> = {};
  /** Fails, or with `adopt` records the deviation as an override and goes on. */
  const deviation: typeof failWith = (code, prop, value, allowed, fix, at) => {
    if (adopt === undefined) return fail(code, prop, value, allowed, fix, at);
    overrides[prop] = `${String(value)} (adopted as found: ${adopt}; standard: ${allowed})`;
    return undefined as never;
  };

  if (props.partitions !== undefined && props.throughput !== undefined) {
    fail(
      "KSE-TOPIC-003",
      "partitions",
      props.partitions,
      "either partitions or throughput, not both",
      "Remove one of them.",
      path,
    );
  }
  if (props.throughput) {
    const t = props.throughput;
    for (const [k, v] of Object.entries(t)) {
      if (typeof v !== "number" || !(v > 0)) {
        fail("KSE-TOPIC-003", `throughput.${k}`, v, "a positive number", "Give MB/s figures greater than zero.", path);
      }
    }
  }
  const partitions =
    topicPartitionsFromWorkload(props, ctx) ??
    props.partitions ??
    (props.throughput ? partitionsForThroughput(props.throughput) : DEFAULT_PARTITIONS);
  if (!Number.isInteger(partitions) || partitions < 1 || partitions > 10000) {
    fail(
      "KSE-TOPIC-003",
      "partitions",
      partitions,
      "an integer from 1 to 10000",
      "Pick a partition count, or give throughput to derive one.",
      path,
    );
  }

  let replicationFactor: number;
  if (ctx.backend === "confluent") {
    if (props.replicationFactor !== undefined && props.replicationFactor !== CONFLUENT_REPLICATION_FACTOR) {
      fail(
        "KSE-TOPIC-004",
        "replicationFactor",
        props.replicationFactor,
        "3 (fixed by Confluent Cloud)",
        "Remove replicationFactor.",
        path,
      );
    }
    replicationFactor = CONFLUENT_REPLICATION_FACTOR;
  } else {
    const brokers = ctx.brokerNodes;
    const devClamp = ctx.tier === "dev" && brokers !== undefined && brokers < topicClass.minReplicationFactor;
    replicationFactor = props.replicationFactor ?? (devClamp ? brokers! : topicClass.minReplicationFactor);
    if (!Number.isInteger(replicationFactor) || replicationFactor < 1) {
      fail("KSE-TOPIC-004", "replicationFactor", replicationFactor, "a positive integer", "Use 3.", path);
    }
    if (brokers !== undefined && replicationFactor > brokers) {
      fail(
        "KSE-TOPIC-004",
        "replicationFactor",
        replicationFactor,
        `at most the broker count (${brokers})`,
        "Lower it to the broker count or add brokers.",
        path,
      );
    }
    if (replicationFactor < topicClass.minReplicationFactor) {
      if (ctx.tier !== "dev") {
        deviation(
          "KSE-TOPIC-004",
          "replicationFactor",
          replicationFactor,
          `at least ${topicClass.minReplicationFactor} for class ${className} in ${ctx.tier}`,
          "Use replication factor 3.",
          path,
        );
      }
      overrides.replicationFactor ??= `${replicationFactor} (dev cluster with ${brokers ?? "?"} brokers)`;
    }
  }

  const given = props.config ?? {};
  const keys = Object.keys(TOPIC_CONFIG_RULES);
  for (const [key, value] of Object.entries(given)) {
    const rule = TOPIC_CONFIG_RULES[key];
    if (!rule) {
      const hint = nearest(key, keys);
      fail(
        "KSE-TOPIC-006",
        `config["${key}"]`,
        value,
        "Kafka topic configuration keys",
        hint ? `did you mean "${hint}"?` : "Remove the key.",
        path,
      );
    }
    if (ctx.backend === "confluent" && !CONFLUENT_EDITABLE_TOPIC_KEYS.includes(key)) {
      fail(
        "KSE-TOPIC-008",
        `config["${key}"]`,
        value,
        `keys Confluent Cloud lets you set: ${CONFLUENT_EDITABLE_TOPIC_KEYS.join(", ")}`,
        "Remove the key; Confluent Cloud fixes it.",
        path,
      );
    }
    const problem = checkValue(key, String(value), rule);
    if (problem) fail("KSE-TOPIC-007", `config["${key}"]`, value, problem, `Give ${key} a valid value.`, path);
  }
  if (given["cleanup.policy"] !== undefined && given["cleanup.policy"] !== topicClass.cleanupPolicy) {
    deviation(
      "KSE-TOPIC-013",
      'config["cleanup.policy"]',
      given["cleanup.policy"],
      `"${topicClass.cleanupPolicy}" for class ${className}`,
      "Choose the class whose cleanup policy you need (e.g. state for compaction).",
      path,
    );
  }

  const config: Record<string, string> = { ...classConfig(topicClass), ...given };
  if (adopt !== undefined) {
    // An adopted topic keeps its live values: each one that differs from the class is an accepted weakening.
    const byClass = classConfig(topicClass);
    for (const [key, value] of Object.entries(given)) {
      if (byClass[key] !== undefined && byClass[key] !== String(value))
        overrides[`config["${key}"]`] ??= `${value} (adopted as found: ${adopt}; class ${className}: ${byClass[key]})`;
    }
  }
  if (
    replicationFactor < topicClass.minReplicationFactor &&
    (adopt === undefined || given["min.insync.replicas"] === undefined)
  ) {
    config["min.insync.replicas"] = String(
      Math.max(1, Math.min(Number(config["min.insync.replicas"]), replicationFactor - 1)),
    );
  }
  const minIsr = Number(config["min.insync.replicas"]);
  if (minIsr > replicationFactor - 1 && replicationFactor > 1) {
    deviation(
      "KSE-TOPIC-005",
      'config["min.insync.replicas"]',
      minIsr,
      `at most replication factor − 1 (${replicationFactor - 1}), or acks=all writes stop during a rolling update`,
      "Use 2 with replication factor 3.",
      path,
    );
  }
  if (topicClass.durable && minIsr < 2 && replicationFactor >= 3) {
    deviation(
      "KSE-TOPIC-005",
      'config["min.insync.replicas"]',
      minIsr,
      `at least 2 for the durable class ${className}`,
      "Use 2, or a non-durable class such as telemetry.",
      path,
    );
  }
  if (topicClass.durable && config["unclean.leader.election.enable"] === "true") {
    deviation(
      "KSE-TOPIC-012",
      'config["unclean.leader.election.enable"]',
      "true",
      `false for the durable class ${className}`,
      "Remove it: unclean election loses acknowledged records.",
      path,
    );
  }
  const retention = Number(config["retention.ms"]);
  if (topicClass.maxRetentionMs !== undefined && (retention < 0 || retention > topicClass.maxRetentionMs)) {
    deviation(
      "KSE-TOPIC-009",
      'config["retention.ms"]',
      config["retention.ms"],
      `at most ${topicClass.maxRetentionMs} ms for class ${className} (bounded retention of personal data)`,
      "Lower retention.ms.",
      path,
    );
  }
  if (topicClass.minRetentionMs !== undefined && retention >= 0 && retention < topicClass.minRetentionMs) {
    deviation(
      "KSE-TOPIC-009",
      'config["retention.ms"]',
      config["retention.ms"],
      `at least ${topicClass.minRetentionMs} ms for class ${className} (seven-year record keeping)`,
      "Raise retention.ms, or archive the topic before it ages out.",
      path,
    );
  }

  if (props.retire !== undefined && (props.retire.reason ?? "").trim().length < 10) {
    fail(
      "KSE-TOPIC-010",
      "retire.reason",
      props.retire.reason,
      "a reason of at least 10 characters",
      "Say why the topic is retired.",
      path,
    );
  }
  if (props.retire !== undefined && topicClass.archival && props.retire.archive === undefined) {
    fail(
      "KSE-TOPIC-010",
      "retire.archive",
      undefined,
      `where the records were archived: class ${className} must be archived before its topic is deleted`,
      'Archive the records first, then add archive: "s3://…" to retire.',
      path,
    );
  }

  const sorted = Object.fromEntries(
    Object.keys(config)
      .sort()
      .map((k) => [k, config[k]]),
  );
  return {
    name,
    topicClass,
    partitions,
    replicationFactor,
    config: sorted,
    // Archival classes (audit) are protected in every tier: their records must outlive any environment.
    preventDestroy: (TIER_POLICIES[ctx.tier].preventDestroy || topicClass.archival) && props.retire === undefined,
    retire: props.retire?.reason,
    archive: props.retire?.archive,
    owner: props.owner,
    overrides,
    ...(adopt !== undefined ? { adopt } : {}),
  };
}
