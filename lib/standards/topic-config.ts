/**
 * Topic-level configuration keys and value rules.
 *
 * Keys: Apache Kafka 3.9 topic configuration reference (kafka.apache.org/39/documentation#topicconfigs).
 * Confluent Cloud: the editable subset and fixed values from docs.confluent.io/cloud/current/topics/manage.html
 * and the provider's `confluent_kafka_topic` docs (replication factor fixed at 3; `compression.type` not editable).
 */

/** How a value is checked. */
export type TopicConfigRule =
  | { readonly kind: "int"; readonly min: number; readonly max?: number }
  | { readonly kind: "ratio" }
  | { readonly kind: "bool" }
  | { readonly kind: "enum"; readonly values: readonly string[] }
  | { readonly kind: "list" };

const INT = (min: number, max?: number): TopicConfigRule => ({ kind: "int", min, max });
const BOOL: TopicConfigRule = { kind: "bool" };

/** Every topic-level key of Apache Kafka 3.9 with its value rule. */
export const TOPIC_CONFIG_RULES: Readonly<Record<string, TopicConfigRule>> = Object.freeze({
  "cleanup.policy": { kind: "enum", values: ["delete", "compact", "compact,delete", "delete,compact"] },
  "compression.type": { kind: "enum", values: ["uncompressed", "zstd", "lz4", "snappy", "gzip", "producer"] },
  "delete.retention.ms": INT(0),
  "file.delete.delay.ms": INT(0),
  "flush.messages": INT(1),
  "flush.ms": INT(0),
  "follower.replication.throttled.replicas": { kind: "list" },
  "index.interval.bytes": INT(0),
  "leader.replication.throttled.replicas": { kind: "list" },
  "local.retention.bytes": INT(-2),
  "local.retention.ms": INT(-2),
  "max.compaction.lag.ms": INT(1),
  "max.message.bytes": INT(0),
  "message.downconversion.enable": BOOL,
  "message.timestamp.after.max.ms": INT(0),
  "message.timestamp.before.max.ms": INT(0),
  "message.timestamp.difference.max.ms": INT(0),
  "message.timestamp.type": { kind: "enum", values: ["CreateTime", "LogAppendTime"] },
  "min.cleanable.dirty.ratio": { kind: "ratio" },
  "min.compaction.lag.ms": INT(0),
  "min.insync.replicas": INT(1),
  preallocate: BOOL,
  "remote.log.copy.disable": BOOL,
  "remote.log.delete.on.disable": BOOL,
  "remote.storage.enable": BOOL,
  "retention.bytes": INT(-1),
  "retention.ms": INT(-1),
  "segment.bytes": INT(14),
  "segment.index.bytes": INT(4),
  "segment.jitter.ms": INT(0),
  "segment.ms": INT(1),
  "unclean.leader.election.enable": BOOL,
});

/**
 * Confluent Cloud: the topic keys that can be set through the Kafka REST API and the Terraform provider
 * (manage.html lists each key with "Editable" and "Kafka REST API and Terraform Provider Support").
 * Every other key, e.g. `compression.type` and `default.replication.factor`, is fixed by the service.
 * Schema-validation keys (`confluent.*`) are Dedicated-only and are not part of the standard.
 */
export const CONFLUENT_EDITABLE_TOPIC_KEYS: readonly string[] = Object.freeze([
  "cleanup.policy",
  "delete.retention.ms",
  "max.compaction.lag.ms",
  "max.message.bytes",
  "message.timestamp.after.max.ms",
  "message.timestamp.before.max.ms",
  "message.timestamp.difference.max.ms",
  "message.timestamp.type",
  "min.compaction.lag.ms",
  "min.insync.replicas",
  "retention.bytes",
  "retention.ms",
  "segment.bytes",
  "segment.ms",
]);

/** Confluent Cloud's fixed replication factor. */
export const CONFLUENT_REPLICATION_FACTOR = 3;

/** Partition sizing defaults (Jun Rao: partitions ≥ max(t/p, t/c); "10s of MB/s" per partition on produce). */
export const PARTITION_SIZING = Object.freeze({
  /** Conservative produce throughput per partition, MB/s. */
  producerMBpsPerPartition: 10,
  /** Conservative consume throughput per partition, MB/s. */
  consumerMBpsPerPartition: 20,
  /** Floor: one partition per availability zone. */
  minimumPartitions: 3,
});
