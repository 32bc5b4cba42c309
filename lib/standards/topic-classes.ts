/**
 * Topic classes: retention, cleanup policy, durability and archival per kind of data.
 *
 * A topic names its class; the class fixes the configuration the standard requires, and the audit
 * checks a topic's configuration against the class it declares (tag or config).
 */

/** Known topic class ids. */
export type TopicClassName = "events" | "state" | "audit" | "personal" | "telemetry" | "dlq" | "history";

/** One topic class. */
export interface TopicClass {
  /** Class id. */
  readonly name: TopicClassName;
  /** What belongs in it. */
  readonly summary: string;
  /** `cleanup.policy`. */
  readonly cleanupPolicy: "delete" | "compact" | "compact,delete";
  /** `retention.ms`; -1 is unlimited (compacted state). */
  readonly retentionMs: number;
  /** Minimum replication factor. */
  readonly minReplicationFactor: number;
  /** `min.insync.replicas` the class sets. */
  readonly minInsyncReplicas: number;
  /** Durable: written with acks=all; RF >= 3 and min ISR >= 2 required. */
  readonly durable: boolean;
  /** Data must be archived (e.g. to object storage) before it ages out. */
  readonly archival: boolean;
  /** Holds personal data (GDPR): retention must be bounded. */
  readonly personalData: boolean;
  /** Retention may not be raised above `retentionMs` (GDPR storage limitation). */
  readonly maxRetentionMs?: number;
  /** Retention may not be lowered below this (SOX record keeping). */
  readonly minRetentionMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Seven years, the SOX record-keeping period (SEC Rule 2-06 of Regulation S-X: 7 years), in ms. */
export const SEVEN_YEARS_MS = 7 * 365 * DAY_MS + 2 * DAY_MS;

/** Every topic class of the standard. */
export const TOPIC_CLASSES: Readonly<Record<TopicClassName, TopicClass>> = Object.freeze({
  events: Object.freeze({
    name: "events",
    summary: "Business events: replayable for a week, durable.",
    cleanupPolicy: "delete",
    retentionMs: 7 * DAY_MS,
    minReplicationFactor: 3,
    minInsyncReplicas: 2,
    durable: true,
    archival: false,
    personalData: false,
  }),
  state: Object.freeze({
    name: "state",
    summary: "Latest value per key (changelogs, reference data): compacted, kept forever.",
    cleanupPolicy: "compact",
    retentionMs: -1,
    minReplicationFactor: 3,
    minInsyncReplicas: 2,
    durable: true,
    archival: false,
    personalData: false,
  }),
  audit: Object.freeze({
    name: "audit",
    summary: "Audit trail: kept seven years, archived, protected from deletion (SOX).",
    cleanupPolicy: "delete",
    retentionMs: SEVEN_YEARS_MS,
    minReplicationFactor: 3,
    minInsyncReplicas: 2,
    durable: true,
    archival: true,
    personalData: false,
    minRetentionMs: SEVEN_YEARS_MS,
  }),
  personal: Object.freeze({
    name: "personal",
    summary: "Short-lived personal data: bounded retention (GDPR storage limitation), durable.",
    cleanupPolicy: "delete",
    retentionMs: 3 * DAY_MS,
    minReplicationFactor: 3,
    minInsyncReplicas: 2,
    durable: true,
    archival: false,
    personalData: true,
    maxRetentionMs: 30 * DAY_MS,
  }),
  telemetry: Object.freeze({
    name: "telemetry",
    summary: "Metrics and logs: short retention; RF 3 but min ISR 1 so producers never block.",
    cleanupPolicy: "delete",
    retentionMs: 3 * DAY_MS,
    minReplicationFactor: 3,
    minInsyncReplicas: 1,
    durable: false,
    archival: false,
    personalData: false,
  }),
  dlq: Object.freeze({
    name: "dlq",
    summary:
      "Dead-letter queue of a sink connector: records that failed, kept two weeks for diagnosis and replay, durable.",
    cleanupPolicy: "delete",
    retentionMs: 14 * DAY_MS,
    minReplicationFactor: 3,
    minInsyncReplicas: 2,
    durable: true,
    archival: false,
    personalData: false,
  }),
  history: Object.freeze({
    name: "history",
    summary:
      "Connector-internal history (Debezium schema history): never compacted, kept without limit, durable; the connector cannot restart without it.",
    cleanupPolicy: "delete",
    retentionMs: -1,
    minReplicationFactor: 3,
    minInsyncReplicas: 2,
    durable: true,
    archival: false,
    personalData: false,
  }),
});

/** Every class name. */
export const TOPIC_CLASS_NAMES = Object.freeze(Object.keys(TOPIC_CLASSES) as TopicClassName[]);

/** Tag / label key that records a topic's class (Terraform has no tags on topics: see topic config below). */
export const TOPIC_CLASS_LABEL = "kafka-standards.class";
