/**
 * Confluent Cloud metrics and the standard's alert thresholds on them, for Prometheus rules and
 * Grafana dashboards fed by the Confluent Cloud Metrics API export endpoint.
 *
 * The export endpoint (`GET /v2/metrics/cloud/export?resource.kafka.id=lkc-…`) serves the most
 * recent one-minute data point of each metric in Prometheus text format. Names are translated to
 * Prometheus rules (`io.confluent.kafka.server/received_bytes` → `confluent_kafka_server_received_bytes`)
 * and label prefixes are dropped (`resource.kafka.id` → `kafka_id`, `metric.topic` → `topic`).
 * Counter metrics are exported as gauges holding the delta of one 60-second sample, so a rate in
 * units per second is the sample divided by 60.
 *
 * Sources (one stored version each):
 * - [export] Confluent Cloud Metrics API reference, `/v2/metrics/{dataset}/export`: translation
 *   rules, example output `confluent_kafka_server_received_bytes{kafka_id="lkc-1",topic="topicA"}`,
 *   gauge type for delta counters, 3-minute timestamp offset, scrape at most once a minute
 *   (api.telemetry.confluent.cloud/docs, OpenAPI spec `api.yaml`).
 * - [stacks] confluentinc/jmx-monitoring-stacks `ccloud-prometheus-grafana` dashboard (Confluent's
 *   own): the metric names and labels below as queried from the export, `consumer_group_id`,
 *   `type`, and "retained_bytes is after replication thus needs to be divided by 3".
 * - [load] docs.confluent.io/cloud/current/monitoring/monitor-performance.html: "expect higher
 *   latency and some degree of throttling if the cluster load is greater than 80%"; Dedicated only
 *   (monitoring/cluster-load-metric.html). confluentinc/cli treats the value as a 0–1 ratio and
 *   recommends staying under 0.7 before shrinking.
 * - Limits per cluster type: {@link CONFLUENT_CLUSTER_TYPES} (kafka-facts §B8).
 *
 * No cdktf import here: this is data.
 */
import { AlarmComparison, MSK_ALARM_THRESHOLDS } from "./alarm-thresholds";
import { CONFLUENT_CLUSTER_TYPES, ConfluentClusterKind, DEDICATED_CKU } from "./confluent";

/** How the export endpoint presents a metric's value. */
export type ConfluentMetricKind =
  /** Delta of one 60-second sample (a Metrics API COUNTER, exported as a gauge). */
  | "delta-per-minute"
  /** Instantaneous value (a Metrics API GAUGE). */
  | "gauge";

/** One metric as the export endpoint serves it. */
export interface ConfluentMetric {
  /** Prometheus metric name in the export. */
  readonly name: string;
  /** Metrics API name. */
  readonly apiName: string;
  /** Labels the export carries (besides `kafka_id`). */
  readonly labels: readonly string[];
  /** Value semantics. */
  readonly kind: ConfluentMetricKind;
  /** Unit of the exported value. */
  readonly unit: "bytes" | "count" | "ratio";
  /** What it measures. */
  readonly summary: string;
  /** Source of the name and labels. */
  readonly source: string;
}

/** The metrics the standard's rules and dashboards use, by short id. */
export const CONFLUENT_METRICS = Object.freeze({
  receivedBytes: {
    name: "confluent_kafka_server_received_bytes",
    apiName: "io.confluent.kafka.server/received_bytes",
    labels: ["topic"],
    kind: "delta-per-minute",
    unit: "bytes",
    summary: "Bytes of customer data received from the network (ingress) in the one-minute sample.",
    source: "[export] example output; [stacks]",
  },
  sentBytes: {
    name: "confluent_kafka_server_sent_bytes",
    apiName: "io.confluent.kafka.server/sent_bytes",
    labels: ["topic"],
    kind: "delta-per-minute",
    unit: "bytes",
    summary: "Bytes of customer data sent to the network (egress) in the one-minute sample.",
    source: "[export] example output; [stacks]",
  },
  retainedBytes: {
    name: "confluent_kafka_server_retained_bytes",
    apiName: "io.confluent.kafka.server/retained_bytes",
    labels: ["topic"],
    kind: "gauge",
    unit: "bytes",
    summary: "Bytes retained by the cluster, after replication (divide by 3 for the pre-replication size).",
    source: "[export] object model (GAUGE example); [stacks] retained-bytes panel",
  },
  consumerLagOffsets: {
    name: "confluent_kafka_server_consumer_lag_offsets",
    apiName: "io.confluent.kafka.server/consumer_lag_offsets",
    labels: ["consumer_group_id", "topic"],
    kind: "gauge",
    unit: "count",
    summary: "Lag between a group member's committed offset and the partition's high watermark.",
    source: "[stacks] consumer-lag panel",
  },
  activeConnectionCount: {
    name: "confluent_kafka_server_active_connection_count",
    apiName: "io.confluent.kafka.server/active_connection_count",
    labels: [],
    kind: "gauge",
    unit: "count",
    summary: "Active authenticated connections.",
    source: "[stacks] connections panel",
  },
  partitionCount: {
    name: "confluent_kafka_server_partition_count",
    apiName: "io.confluent.kafka.server/partition_count",
    labels: [],
    kind: "gauge",
    unit: "count",
    summary: "Partitions of the cluster (before replication).",
    source: "[stacks] partition-count panel, compared with the pre-replication limit",
  },
  clusterLoadPercent: {
    name: "confluent_kafka_server_cluster_load_percent",
    apiName: "io.confluent.kafka.server/cluster_load_percent",
    labels: [],
    kind: "gauge",
    unit: "ratio",
    summary: "Cluster load of a Dedicated cluster, 0 (idle) to 1 (saturated).",
    source: "[load]; name from confluentinc/cli `ClusterLoadMetricName`",
  },
  requestCount: {
    name: "confluent_kafka_server_request_count",
    apiName: "io.confluent.kafka.server/request_count",
    labels: ["type"],
    kind: "delta-per-minute",
    unit: "count",
    summary: "Requests received over the network in the one-minute sample, by request type.",
    source: "[stacks] request panels",
  },
  scrapeResourceAccessError: {
    name: "confluent_scrape_resource_access_error",
    apiName: "(export endpoint)",
    labels: ["resource_id", "resource_type"],
    kind: "gauge",
    unit: "count",
    summary: "1 when the export cannot access a requested resource (deleted or unauthorized), else 0.",
    source: "[export] changelog 2026-04-16 and example output",
  },
} as const satisfies Record<string, ConfluentMetric>);

/** Short ids of {@link CONFLUENT_METRICS}. */
export type ConfluentMetricId = keyof typeof CONFLUENT_METRICS;

/** Every exported metric name the standard uses. */
export const CONFLUENT_METRIC_NAMES: readonly string[] = Object.freeze(
  Object.values(CONFLUENT_METRICS).map((m) => m.name),
);

/** One alert level: the threshold and how long it must hold (Prometheus `for`). */
export interface ConfluentAlarmLevel {
  /** Threshold: a fraction of the cluster-type limit for `limit` alarms, else in the metric's unit. */
  readonly threshold: number;
  /** Minutes the condition must hold. */
  readonly forMinutes: number;
}

/** What a threshold is measured against. */
export type ConfluentLimit = "ingress" | "egress" | "storage" | "partitions";

/** One alarm of the standard for Confluent Cloud clusters. */
export interface ConfluentAlarmThreshold {
  /** Stable id, used in alert labels and runbook file names. */
  readonly id: string;
  /** Metric. */
  readonly metric: ConfluentMetricId;
  /** Cluster-type limit the threshold is a fraction of; absent for absolute thresholds. */
  readonly limit?: ConfluentLimit;
  /** Comparison. */
  readonly comparison: AlarmComparison;
  /** Aggregation: the whole cluster, or per consumer group and topic. */
  readonly dimensions: "cluster" | "consumer-group-topic";
  /** Warning level. */
  readonly warning?: ConfluentAlarmLevel;
  /** Critical level. */
  readonly critical: ConfluentAlarmLevel;
  /** Cluster types it applies to. */
  readonly appliesTo: readonly ConfluentClusterKind[];
  /** One-line meaning, used in alert summaries. */
  readonly summary: string;
  /** Source of the numbers. */
  readonly source: string;
}

const ALL_KINDS: readonly ConfluentClusterKind[] = Object.freeze(["basic", "standard", "enterprise", "dedicated"]);

/** Levels of an MSK alarm, in minutes, so both platforms alert on the same numbers. */
function mskLevels(id: string): { warning?: ConfluentAlarmLevel; critical: ConfluentAlarmLevel } {
  const def = MSK_ALARM_THRESHOLDS.find((a) => a.id === id)!;
  const level = (l: { threshold: number; evaluationPeriods: number }): ConfluentAlarmLevel => ({
    threshold: l.threshold,
    forMinutes: (l.evaluationPeriods * def.periodSeconds) / 60,
  });
  return { warning: def.warning && level(def.warning), critical: level(def.critical) };
}

/** Disk-used levels of MSK (75 % / 85 %) as fractions of the storage limit. */
function storageLevels(): { warning?: ConfluentAlarmLevel; critical: ConfluentAlarmLevel } {
  const m = mskLevels("disk-used");
  const frac = (l: ConfluentAlarmLevel): ConfluentAlarmLevel => ({
    threshold: l.threshold / 100,
    forMinutes: l.forMinutes,
  });
  return { warning: m.warning && frac(m.warning), critical: frac(m.critical) };
}

/** The Confluent Cloud alarms every cluster gets. */
export const CONFLUENT_ALARM_THRESHOLDS: readonly ConfluentAlarmThreshold[] = Object.freeze(
  (
    [
      {
        id: "ingress",
        metric: "receivedBytes",
        limit: "ingress",
        comparison: "GreaterThanThreshold",
        dimensions: "cluster",
        warning: { threshold: 0.7, forMinutes: 15 },
        critical: { threshold: 0.9, forMinutes: 5 },
        appliesTo: ALL_KINDS,
        summary: "Ingress is approaching the cluster's limit; producers will be throttled at the limit.",
        source: "Limit per type (kafka-facts §B8); 70 % / 90 % keeps headroom for a traffic spike (standard's choice)",
      },
      {
        id: "egress",
        metric: "sentBytes",
        limit: "egress",
        comparison: "GreaterThanThreshold",
        dimensions: "cluster",
        warning: { threshold: 0.7, forMinutes: 15 },
        critical: { threshold: 0.9, forMinutes: 5 },
        appliesTo: ALL_KINDS,
        summary: "Egress is approaching the cluster's limit; consumers will be throttled at the limit.",
        source: "Limit per type (kafka-facts §B8); 70 % / 90 % as for ingress",
      },
      {
        id: "storage",
        metric: "retainedBytes",
        limit: "storage",
        comparison: "GreaterThanOrEqualToThreshold",
        dimensions: "cluster",
        ...storageLevels(),
        appliesTo: ["basic"],
        summary: "Retained data is approaching the cluster's storage limit (before replication).",
        source: "Basic 5 TB (kafka-facts §B8); levels of the MSK disk-used alarm (75 % / 85 %)",
      },
      {
        id: "partitions",
        metric: "partitionCount",
        limit: "partitions",
        comparison: "GreaterThanOrEqualToThreshold",
        dimensions: "cluster",
        warning: { threshold: 0.8, forMinutes: 5 },
        critical: { threshold: 0.9, forMinutes: 5 },
        appliesTo: ALL_KINDS,
        summary: "The partition count is approaching the cluster's limit; topic creation will fail at the limit.",
        source: "Limit per type (kafka-facts §B8); 80 % / 90 % (standard's choice)",
      },
      {
        id: "consumer-max-offset-lag",
        metric: "consumerLagOffsets",
        comparison: "GreaterThanThreshold",
        dimensions: "consumer-group-topic",
        ...mskLevels("consumer-max-offset-lag"),
        appliesTo: ALL_KINDS,
        summary: "A consumer group is falling behind the topic it reads (records).",
        source: "Same levels as the MSK MaxOffsetLag alarm (MSK_ALARM_THRESHOLDS)",
      },
      {
        id: "cluster-load",
        metric: "clusterLoadPercent",
        comparison: "GreaterThanThreshold",
        dimensions: "cluster",
        warning: { threshold: 0.7, forMinutes: 15 },
        critical: { threshold: 0.8, forMinutes: 15 },
        appliesTo: ["dedicated"],
        summary: "Dedicated cluster load is high: latency rises and clients are throttled above 80 %.",
        source: "[load]: > 80 % expect latency and throttling; confluentinc/cli recommends < 70 %",
      },
      {
        id: "metrics-access",
        metric: "scrapeResourceAccessError",
        comparison: "GreaterThanOrEqualToThreshold",
        dimensions: "cluster",
        critical: { threshold: 1, forMinutes: 5 },
        appliesTo: ALL_KINDS,
        summary:
          "The Metrics API cannot read this cluster, or no metric of it arrives: no other alert of the cluster can fire.",
        source:
          "[export] confluent_scrape_resource_access_error; missing metrics count as breaching, as for the MSK active-controller alarm",
      },
    ] as ConfluentAlarmThreshold[]
  ).map((a) => Object.freeze(a)),
);

/** Per-CKU throughput of Dedicated clusters, MBps (the Dedicated limits divided by {@link DEDICATED_CKU}.max). */
export const DEDICATED_CKU_THROUGHPUT = Object.freeze({
  ingressMBps: CONFLUENT_CLUSTER_TYPES.dedicated.limits.ingressMBps / DEDICATED_CKU.max,
  egressMBps: CONFLUENT_CLUSTER_TYPES.dedicated.limits.egressMBps / DEDICATED_CKU.max,
});

/** A cluster's limits in the units the metrics use. */
export interface ConfluentMetricLimits {
  /** Ingress, bytes per second. */
  readonly ingressBytesPerSecond: number;
  /** Egress, bytes per second. */
  readonly egressBytesPerSecond: number;
  /** Storage before replication, bytes; undefined is unlimited. */
  readonly storageBytes?: number;
  /** Partitions before replication. */
  readonly partitions: number;
}

/** Confluent states limits in decimal units: 1 MB = 10^6 bytes, 1 TB = 10^12 bytes. */
const MB = 1e6;
const TB = 1e12;

/**
 * The limits of a cluster type; a Dedicated cluster with a known CKU count gets its per-CKU
 * throughput ({@link DEDICATED_CKU_THROUGHPUT} × CKU), otherwise the type's maximum.
 */
export function confluentMetricLimits(kind: ConfluentClusterKind, cku?: number): ConfluentMetricLimits {
  const l = CONFLUENT_CLUSTER_TYPES[kind].limits;
  const perCku = kind === "dedicated" && cku !== undefined && cku > 0;
  return {
    ingressBytesPerSecond: (perCku ? DEDICATED_CKU_THROUGHPUT.ingressMBps * cku : l.ingressMBps) * MB,
    egressBytesPerSecond: (perCku ? DEDICATED_CKU_THROUGHPUT.egressMBps * cku : l.egressMBps) * MB,
    storageBytes: l.storageTB === undefined ? undefined : l.storageTB * TB,
    partitions: l.partitions,
  };
}
