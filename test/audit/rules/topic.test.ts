import { describeRule, r } from "../helpers";
import type { AuditMetadata } from "../../../lib/audit/types";

const mongey = (attrs: Record<string, unknown>, metadata?: AuditMetadata) => [
  r("kafka_topic.t", { name: "orders.created", partitions: 6, replication_factor: 3, ...attrs }, metadata),
];
const confluent = (attrs: Record<string, unknown>, metadata?: AuditMetadata) => [
  r("confluent_kafka_topic.t", { topic_name: "orders.created", partitions_count: 6, ...attrs }, metadata),
];
const SEVEN_DAYS = "604800000";

describeRule("KS-TOPIC-001", [
  { name: "domain.dataset", resources: mongey({}), expect: "compliant" },
  { name: "confluent topic_name", resources: confluent({ topic_name: "payments.card-auth.v2" }), expect: "compliant" },
  {
    name: "upper case and underscore fails",
    resources: mongey({ name: "Orders_Topic" }),
    expect: "non-compliant",
    message: 'topic name "Orders_Topic" does not match ^[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*){1,4}$',
  },
  { name: "single segment fails", resources: confluent({ topic_name: "orders" }), expect: "non-compliant" },
  {
    name: "over 249 characters fails",
    resources: mongey({ name: `a.${"b".repeat(250)}` }),
    expect: "non-compliant",
    message: "topic name is 252 characters (max 249)",
  },
  { name: "unresolved name is not verifiable", resources: mongey({ name: "${var.topic}" }), expect: "not-verifiable" },
]);

describeRule("KS-TOPIC-002", [
  { name: "RF 3", resources: mongey({}), expect: "compliant" },
  { name: "Confluent (fixed at 3)", resources: confluent({}), expect: "compliant" },
  {
    name: "RF 1 fails",
    resources: mongey({ replication_factor: 1 }),
    expect: "non-compliant",
    message: "replication_factor is 1; at least 3 required",
  },
  {
    name: "RF 2 with a class fails",
    resources: mongey({ replication_factor: 2 }, { class: "events" }),
    expect: "non-compliant",
    message: "replication_factor is 2; at least 3 required (class events)",
  },
  { name: "RF -1 (placement constraints)", resources: mongey({ replication_factor: -1 }), expect: "not-applicable" },
  {
    name: "dev allows fewer replicas (clusters of two brokers)",
    resources: mongey({ replication_factor: 1 }, { class: "events", tier: "dev" }),
    expect: "compliant",
  },
  {
    name: "dev by the audit's tier option",
    resources: mongey({ replication_factor: 2 }),
    options: { tier: "dev" },
    expect: "compliant",
  },
  {
    name: "staging does not",
    resources: mongey({ replication_factor: 2 }, { class: "events", tier: "staging" }),
    expect: "non-compliant",
    message: "replication_factor is 2; at least 3 required (class events) in staging",
  },
  {
    name: "unresolved replication factor is not verifiable",
    resources: mongey({ replication_factor: "${var.rf}" }),
    expect: "not-verifiable",
  },
]);

describeRule("KS-TOPIC-003", [
  { name: "min ISR 2", resources: mongey({ config: { "min.insync.replicas": "2" } }), expect: "compliant" },
  { name: "inherited", resources: mongey({}), expect: "not-applicable" },
  {
    name: "telemetry class accepts 1",
    resources: mongey({ config: { "min.insync.replicas": "1" } }, { class: "telemetry" }),
    expect: "compliant",
  },
  {
    name: "min ISR 1 fails",
    resources: confluent({ config: { "min.insync.replicas": "1" } }),
    expect: "non-compliant",
    message: "min.insync.replicas is 1; at least 2 required",
  },
  {
    name: "dev topic with fewer replicas: RF − 1, at least 1 (as the constructs write it)",
    resources: mongey(
      { replication_factor: 2, config: { "min.insync.replicas": "1" } },
      { class: "events", tier: "dev" },
    ),
    expect: "compliant",
  },
  {
    name: "dev topic with three replicas keeps the class minimum",
    resources: mongey({ config: { "min.insync.replicas": "1" } }, { class: "events", tier: "dev" }),
    expect: "non-compliant",
    message: "min.insync.replicas is 1; at least 2 required (class events)",
  },
  {
    name: "prod topic with fewer replicas keeps the class minimum",
    resources: mongey(
      { replication_factor: 2, config: { "min.insync.replicas": "1" } },
      { class: "events", tier: "prod" },
    ),
    expect: "non-compliant",
  },
  {
    name: "unresolved min ISR is not verifiable",
    resources: mongey({ config: { "min.insync.replicas": "${var.isr}" } }),
    expect: "not-verifiable",
  },
]);

describeRule("KS-TOPIC-004", [
  { name: "2 with RF 3", resources: mongey({ config: { "min.insync.replicas": "2" } }), expect: "compliant" },
  {
    name: "3 with RF 3 fails",
    resources: mongey({ config: { "min.insync.replicas": "3" } }),
    expect: "non-compliant",
    message: "min.insync.replicas 3 > replication factor 3 − 1",
  },
  {
    name: "3 on Confluent fails",
    resources: confluent({ config: { "min.insync.replicas": "3" } }),
    expect: "non-compliant",
  },
  { name: "not set", resources: mongey({}), expect: "not-applicable" },
  {
    name: "a dev topic of one replica with min ISR 1",
    resources: mongey({ replication_factor: 1, config: { "min.insync.replicas": "1" } }, { tier: "dev" }),
    expect: "compliant",
  },
  {
    name: "one replica with min ISR 1 fails outside dev",
    resources: mongey({ replication_factor: 1, config: { "min.insync.replicas": "1" } }, { tier: "prod" }),
    expect: "non-compliant",
    message: "min.insync.replicas 1 > replication factor 1 − 1",
  },
]);

describeRule("KS-TOPIC-005", [
  {
    name: "events with class values",
    resources: mongey({ config: { "retention.ms": SEVEN_DAYS, "cleanup.policy": "delete" } }, { class: "events" }),
    expect: "compliant",
  },
  { name: "events with defaults (7 days, delete)", resources: confluent({}, { class: "events" }), expect: "compliant" },
  {
    name: "state class compacted",
    resources: mongey({ config: { "cleanup.policy": "compact" } }, { class: "state" }),
    expect: "compliant",
  },
  { name: "no class", resources: mongey({ config: { "retention.ms": "-1" } }), expect: "not-applicable" },
  {
    name: "retention differs from the class fails",
    resources: mongey({ config: { "retention.ms": "-1" } }, { class: "personal" }),
    expect: "non-compliant",
    message: "class personal without a recorded override: retention unlimited (-1) (class: 3 days)",
  },
  {
    name: "default retention on an audit topic fails",
    resources: confluent({}, { class: "audit" }),
    expect: "non-compliant",
    message: "class audit without a recorded override: retention 7 days (default) (class: 2557 days)",
  },
  {
    name: "cleanup policy differs fails",
    resources: mongey({ config: { "cleanup.policy": "delete" } }, { class: "state" }),
    expect: "non-compliant",
    message:
      "class state without a recorded override: cleanup.policy delete (class: compact); retention 7 days (default) (class: unlimited (-1))",
  },
  {
    name: "recorded override",
    resources: mongey(
      { config: { "retention.ms": "86400000" } },
      { class: "events", overrides: { retention: "replay window is one day" } },
    ),
    expect: "compliant",
  },
  {
    name: "unknown class fails",
    resources: mongey({}, { class: "gold" }),
    expect: "non-compliant",
    message: 'metadata class "gold" is not one of events, state, audit, personal, telemetry, dlq, history',
  },
]);

describeRule("KS-TOPIC-006", [
  {
    name: "prod with prevent_destroy",
    resources: mongey({ lifecycle: { prevent_destroy: true } }, { tier: "prod" }),
    expect: "compliant",
  },
  {
    name: "prod being retired",
    resources: mongey({}, { tier: "prod", retire: "replaced by orders.created.v2" }),
    expect: "compliant",
  },
  { name: "dev without", resources: mongey({}, { tier: "dev" }), expect: "not-applicable" },
  {
    name: "prod without fails",
    resources: confluent({}, { tier: "prod" }),
    expect: "non-compliant",
    message:
      "prod topic without lifecycle.prevent_destroy = true: a plan that replaces or destroys it deletes its data",
  },
  { name: "prod by audit option", resources: mongey({}), expect: "non-compliant", options: { tier: "prod" } },
]);

// Plan-only rules: on synthesized documents they do not apply; their plan cases are in topic-plan.test.ts.
const planned = (actions: string[], before: Record<string, unknown>, after: Record<string, unknown>) => [
  {
    ...r("kafka_topic.t", { name: "orders.created", replication_factor: 3, ...after }),
    change: { actions, before: { name: "orders.created", replication_factor: 3, ...before } },
  },
];

describeRule("KS-TOPIC-007", [
  { name: "synthesized topic (no plan)", resources: mongey({}), expect: "not-applicable" },
  {
    name: "partitions grow in place",
    resources: planned(["update"], { partitions: 6 }, { partitions: 12 }),
    expect: "compliant",
  },
  {
    name: "partitions shrink",
    resources: planned(["update"], { partitions: 12 }, { partitions: 6 }),
    expect: "non-compliant",
    message: "plan lowers partitions from 12 to 6",
  },
  {
    name: "replacement",
    resources: planned(["delete", "create"], { partitions: 6 }, { partitions: 6 }),
    expect: "non-compliant",
    message: "plan replaces (deletes and recreates) the topic; its records are lost",
  },
]);

describeRule("KS-TOPIC-008", [
  { name: "synthesized topic (no plan)", resources: confluent({}), expect: "not-applicable" },
  { name: "update", resources: planned(["update"], { partitions: 6 }, { partitions: 6 }), expect: "compliant" },
  {
    name: "deletion",
    resources: planned(["delete"], { partitions: 6 }, { partitions: 6 }),
    expect: "non-compliant",
    message: "plan deletes the topic; its records are lost",
  },
]);
