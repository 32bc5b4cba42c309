/**
 * One view over `kafka_topic` (Mongey/kafka) and `confluent_kafka_topic`.
 */
import { TOPIC_CLASSES, type TopicClass, type TopicClassName } from "../../../standards/topic-classes";
import { notApplicable, notVerifiable } from "../../rule";
import type { AuditResource, RuleResult } from "../../types";
import { isUnresolved, num, str, stringMap } from "../../values";

/** Resource types that define a topic. */
export const TOPIC_TYPES = ["kafka_topic", "confluent_kafka_topic"] as const;

/** The standard's replication factor: three replicas over three AZs (every topic class requires at least 3). */
export const STANDARD_REPLICATION_FACTOR = 3;

/** Confluent Cloud fixes the replication factor at 3 (kafka-facts §B8). */
const CONFLUENT_REPLICATION_FACTOR = 3;

/** What the topic rules read. */
export interface TopicView {
  /** Topic name (raw value, may be unresolved). */
  readonly name: unknown;
  /** Replication factor, when known. */
  readonly replicationFactor: number | undefined;
  /** Raw `replication_factor` (Mongey) for unresolved checks. */
  readonly rawReplicationFactor: unknown;
  /** Topic-level configuration. */
  readonly config: Readonly<Record<string, string>>;
  /** Class recorded in metadata, when it names a known class. */
  readonly topicClass: TopicClass | undefined;
  /** Class name as recorded, even when unknown. */
  readonly className: string | undefined;
}

/** Views already read, per resource: several rules read each topic in one audit. */
const VIEWS = new WeakMap<AuditResource, TopicView>();

/** Read a topic resource (once per resource object; the view is frozen, so no rule can change another's). */
export function topicView(topic: AuditResource): TopicView {
  let view = VIEWS.get(topic);
  if (!view) {
    view = readTopicView(topic);
    VIEWS.set(topic, view);
  }
  return view;
}

function readTopicView(topic: AuditResource): TopicView {
  const a = topic.attributes;
  const confluent = topic.type === "confluent_kafka_topic";
  const className = str(topic.metadata?.class);
  return Object.freeze({
    name: confluent ? a.topic_name : a.name,
    replicationFactor: confluent ? CONFLUENT_REPLICATION_FACTOR : num(a.replication_factor),
    rawReplicationFactor: confluent ? CONFLUENT_REPLICATION_FACTOR : a.replication_factor,
    config: Object.freeze(stringMap(a.config)),
    topicClass: className && className in TOPIC_CLASSES ? TOPIC_CLASSES[className as TopicClassName] : undefined,
    className,
  });
}

/** Effective `retention.ms`: as configured, else the Kafka / Confluent default (7 days). */
export function effectiveRetentionMs(
  config: Record<string, string>,
  fallback: number,
): { value: number | undefined; defaulted: boolean } {
  const raw = config["retention.ms"];
  if (raw === undefined) return { value: fallback, defaulted: true };
  return { value: num(raw), defaulted: false };
}

/** Human form of a retention in ms. */
export function describeRetention(ms: number): string {
  if (ms < 0) return "unlimited (-1)";
  const days = ms / 86400000;
  return Number.isInteger(days) ? `${days} days` : `${ms} ms`;
}

/** The result when `retention.ms` is not a number: not verifiable for a reference, not applicable for other text. */
export function unreadableRetention(raw: string | undefined): RuleResult {
  if (isUnresolved(raw)) return notVerifiable("retention.ms is an unresolved reference", [String(raw)]);
  return notApplicable("retention.ms is not a literal number");
}

/** The replication factor a topic needs: the standard's, or its class's when higher. */
export function requiredReplicationFactor(view: TopicView): number {
  return Math.max(STANDARD_REPLICATION_FACTOR, view.topicClass?.minReplicationFactor ?? 0);
}
