/**
 * Alarm thresholds for MSK (namespace `AWS/Kafka`) and the Confluent Metrics API.
 *
 * Sources: AWS MSK best practices (CPU 60 %, disk 85 %, heap 60 %), the MSK metrics reference
 * (levels and dimensions) and the AWS-published MSK operations skill for the remaining values
 * (kafka-facts.md §B2).
 */

/** Alarm severity; each maps to an SNS topic of the escalation matrix. */
export type AlarmSeverity = "Warning" | "Critical";

/** Comparison used by an alarm. */
export type AlarmComparison =
  | "GreaterThanThreshold"
  | "GreaterThanOrEqualToThreshold"
  | "LessThanThreshold"
  | "LessThanOrEqualToThreshold";

/** A threshold at one severity. */
export interface AlarmLevel {
  /** Threshold value in the metric's unit. */
  readonly threshold: number;
  /** Consecutive periods that must breach. */
  readonly evaluationPeriods: number;
}

/** One alarm definition of the standard. */
export interface AlarmThreshold {
  /** Stable id, used in alarm names and runbook file names. */
  readonly id: string;
  /** CloudWatch metric name (or a metric-math label). */
  readonly metric: string;
  /** Statistic. */
  readonly statistic: "Maximum" | "Minimum" | "Average" | "Sum";
  /** Period in seconds. */
  readonly periodSeconds: number;
  /** Comparison. */
  readonly comparison: AlarmComparison;
  /** Dimension set. */
  readonly dimensions: "cluster" | "broker" | "consumer-group-topic";
  /** Warning level, when the metric has one. */
  readonly warning?: AlarmLevel;
  /** Critical level. */
  readonly critical: AlarmLevel;
  /** Broker families the alarm applies to. */
  readonly appliesTo: readonly ("standard" | "express")[];
  /** One-line meaning, used in alarm descriptions. */
  readonly summary: string;
  /** Source of the number. */
  readonly source: string;
}

const BOTH = Object.freeze(["standard", "express"] as const);
const STANDARD = Object.freeze(["standard"] as const);
const EXPRESS = Object.freeze(["express"] as const);

/** The MSK alarms every cluster gets. */
export const MSK_ALARM_THRESHOLDS: readonly AlarmThreshold[] = Object.freeze([
  {
    id: "active-controller",
    metric: "ActiveControllerCount",
    statistic: "Maximum",
    periodSeconds: 60,
    comparison: "LessThanThreshold",
    dimensions: "cluster",
    critical: { threshold: 1, evaluationPeriods: 5 },
    appliesTo: BOTH,
    summary: "No active controller: metadata changes, leader elections and topic operations stop.",
    source: "MSK metrics reference: should be exactly 1 (kafka-facts B2)",
  },
  {
    id: "offline-partitions",
    metric: "OfflinePartitionsCount",
    statistic: "Sum",
    periodSeconds: 60,
    comparison: "GreaterThanThreshold",
    dimensions: "cluster",
    critical: { threshold: 0, evaluationPeriods: 1 },
    appliesTo: STANDARD,
    summary: "Partitions without a leader: produce and consume fail for them.",
    source: "MSK metrics reference (kafka-facts B2)",
  },
  {
    id: "under-replicated-partitions",
    metric: "UnderReplicatedPartitions",
    statistic: "Sum",
    periodSeconds: 300,
    comparison: "GreaterThanThreshold",
    dimensions: "broker",
    warning: { threshold: 0, evaluationPeriods: 3 },
    critical: { threshold: 0, evaluationPeriods: 6 },
    appliesTo: STANDARD,
    summary: "Replicas have fallen behind their leader; durability is reduced.",
    source: "Sum > 0 for 15 min (AWS MSK operations skill, kafka-facts B2)",
  },
  {
    id: "under-min-isr-partitions",
    metric: "UnderMinIsrPartitionCount",
    statistic: "Sum",
    periodSeconds: 60,
    comparison: "GreaterThanOrEqualToThreshold",
    dimensions: "broker",
    critical: { threshold: 1, evaluationPeriods: 1 },
    appliesTo: STANDARD,
    summary: "Partitions below min.insync.replicas: acks=all producers are failing.",
    source: ">= 1 for 1 min (kafka-facts B2)",
  },
  {
    id: "disk-used",
    metric: "KafkaDataLogsDiskUsed",
    statistic: "Maximum",
    periodSeconds: 300,
    comparison: "GreaterThanOrEqualToThreshold",
    dimensions: "broker",
    warning: { threshold: 75, evaluationPeriods: 1 },
    critical: { threshold: 85, evaluationPeriods: 1 },
    appliesTo: STANDARD,
    summary: "Broker data volume is filling up; a full disk stops the broker.",
    source: "AWS MSK best practices: alarm at 85 % (bestpractices.html)",
  },
  {
    id: "cpu",
    metric: "CpuUser+CpuSystem",
    statistic: "Average",
    periodSeconds: 300,
    comparison: "GreaterThanThreshold",
    dimensions: "broker",
    warning: { threshold: 60, evaluationPeriods: 1 },
    critical: { threshold: 80, evaluationPeriods: 2 },
    appliesTo: BOTH,
    summary: "Broker CPU above the headroom a broker failure or rolling update needs.",
    source: "AWS MSK best practices: keep CpuUser + CpuSystem under 60 % (bestpractices.html)",
  },
  {
    id: "heap-after-gc",
    metric: "HeapMemoryAfterGC",
    statistic: "Maximum",
    periodSeconds: 300,
    comparison: "GreaterThanThreshold",
    dimensions: "broker",
    warning: { threshold: 60, evaluationPeriods: 3 },
    critical: { threshold: 80, evaluationPeriods: 3 },
    appliesTo: STANDARD,
    summary: "Broker heap still full after GC: risk of long pauses and OOM.",
    source: "AWS MSK best practices: alarm when HeapMemoryAfterGC > 60 % (bestpractices.html)",
  },
  {
    id: "consumer-max-offset-lag",
    metric: "MaxOffsetLag",
    statistic: "Maximum",
    periodSeconds: 300,
    comparison: "GreaterThanThreshold",
    dimensions: "consumer-group-topic",
    warning: { threshold: 10000, evaluationPeriods: 3 },
    critical: { threshold: 100000, evaluationPeriods: 3 },
    appliesTo: BOTH,
    summary: "A consumer group is falling behind the topic it reads.",
    source: "MaxOffsetLag > 10000 for 15 min (AWS MSK operations skill, kafka-facts B2)",
  },
  {
    id: "consumer-estimated-time-lag",
    metric: "EstimatedMaxTimeLag",
    statistic: "Maximum",
    periodSeconds: 300,
    comparison: "GreaterThanThreshold",
    dimensions: "consumer-group-topic",
    warning: { threshold: 300, evaluationPeriods: 3 },
    critical: { threshold: 900, evaluationPeriods: 3 },
    appliesTo: BOTH,
    summary: "A consumer group's oldest unread record is older than the freshness objective (seconds).",
    source: "EstimatedMaxTimeLag > SLA seconds (kafka-facts B2); 5/15 min default objective",
  },
  {
    id: "produce-throttle",
    metric: "ProduceThrottleTime",
    statistic: "Average",
    periodSeconds: 300,
    comparison: "GreaterThanThreshold",
    dimensions: "broker",
    warning: { threshold: 0, evaluationPeriods: 1 },
    critical: { threshold: 0, evaluationPeriods: 3 },
    appliesTo: EXPRESS,
    summary: "Express brokers are throttling producers: ingress is above the broker's quota.",
    source: "Express best practices: avg > 0 for 5 min (kafka-facts B2)",
  },
  {
    id: "fetch-throttle",
    metric: "FetchThrottleTime",
    statistic: "Average",
    periodSeconds: 300,
    comparison: "GreaterThanThreshold",
    dimensions: "broker",
    warning: { threshold: 0, evaluationPeriods: 1 },
    critical: { threshold: 0, evaluationPeriods: 3 },
    appliesTo: EXPRESS,
    summary: "Express brokers are throttling consumers: egress is above the broker's quota.",
    source: "Express best practices: avg > 0 for 5 min (kafka-facts B2)",
  },
] as AlarmThreshold[]).map((a) => Object.freeze(a)) as readonly AlarmThreshold[];
