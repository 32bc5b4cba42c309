/**
 * Broker configuration baseline (`server.properties` for `aws_msk_configuration`).
 *
 * Only keys MSK accepts in a custom configuration are listed; MSK manages every other key.
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/msk-configuration-properties.html
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/msk-configuration-express-read-write.html
 */

/**
 * `server.properties` keys that MSK accepts in a custom configuration for Standard brokers
 * (msk-configuration-properties.html; `local.retention.*` from the tiered-storage section).
 */
export const MSK_STANDARD_CONFIG_KEYS: readonly string[] = Object.freeze([
  "allow.everyone.if.no.acl.found",
  "auto.create.topics.enable",
  "compression.type",
  "connections.max.idle.ms",
  "default.replication.factor",
  "delete.topic.enable",
  "group.initial.rebalance.delay.ms",
  "group.max.session.timeout.ms",
  "group.min.session.timeout.ms",
  "leader.imbalance.per.broker.percentage",
  "local.retention.bytes",
  "local.retention.ms",
  "log.cleaner.delete.retention.ms",
  "log.cleaner.min.cleanable.ratio",
  "log.cleanup.policy",
  "log.flush.interval.messages",
  "log.flush.interval.ms",
  "log.message.timestamp.difference.max.ms",
  "log.message.timestamp.type",
  "log.retention.bytes",
  "log.retention.hours",
  "log.retention.minutes",
  "log.retention.ms",
  "log.roll.ms",
  "log.segment.bytes",
  "max.incremental.fetch.session.cache.slots",
  "message.max.bytes",
  "min.insync.replicas",
  "num.io.threads",
  "num.network.threads",
  "num.partitions",
  "num.recovery.threads.per.data.dir",
  "num.replica.fetchers",
  "offsets.retention.minutes",
  "offsets.topic.replication.factor",
  "replica.fetch.max.bytes",
  "replica.fetch.response.max.bytes",
  "replica.lag.time.max.ms",
  "replica.selector.class",
  "replica.socket.receive.buffer.bytes",
  "socket.receive.buffer.bytes",
  "socket.request.max.bytes",
  "socket.send.buffer.bytes",
  "transaction.max.timeout.ms",
  "transaction.state.log.min.isr",
  "transaction.state.log.replication.factor",
  "transactional.id.expiration.ms",
  "unclean.leader.election.enable",
  "zookeeper.connection.timeout.ms",
  "zookeeper.session.timeout.ms",
]);

/**
 * Static keys Express brokers accept in a custom configuration (msk-configuration-express-read-write.html).
 * Replication factor, min ISR and unclean leader election are read-only on Express (fixed at 3 / 2 / false).
 */
export const MSK_EXPRESS_CONFIG_KEYS: readonly string[] = Object.freeze([
  "allow.everyone.if.no.acl.found",
  "auto.create.topics.enable",
  "compression.type",
  "connections.max.idle.ms",
  "delete.topic.enable",
]);

/** One baseline property with the reason the standard sets it. */
export interface BaselineProperty {
  /** `server.properties` key. */
  readonly key: string;
  /** Value written to the configuration. */
  readonly value: string;
  /** Why the standard sets it, with the source. */
  readonly reason: string;
}

/** Inputs that shape the baseline of one cluster. */
export interface BaselineInputs {
  /** Number of broker nodes. */
  readonly brokerNodes: number;
  /** Express brokers (a reduced, fixed configuration surface). */
  readonly express: boolean;
}

/**
 * Required values the audit checks on any `aws_msk_configuration` (Standard brokers).
 * `min` means "at least"; `equals` an exact string.
 */
export const BASELINE_REQUIREMENTS = Object.freeze({
  "auto.create.topics.enable": { equals: "false" },
  "unclean.leader.election.enable": { equals: "false" },
  "allow.everyone.if.no.acl.found": { equals: "false" },
  "min.insync.replicas": { min: 2 },
  "default.replication.factor": { min: 3 },
} as const);

/**
 * The broker baseline for one cluster, as ordered properties.
 *
 * Replication is clamped to the broker count so a two-broker dev cluster still starts
 * (RF 2 / min ISR 1), and the audit reports that weakening; staging and prod require 3 brokers.
 */
export function brokerBaseline(inputs: BaselineInputs): readonly BaselineProperty[] {
  const props: BaselineProperty[] = [
    {
      key: "auto.create.topics.enable",
      value: "false",
      reason: "Topics are created explicitly, with a class, owner and partitions (MSK default is also false).",
    },
    {
      key: "allow.everyone.if.no.acl.found",
      value: "false",
      reason: "Deny by default: a resource without ACLs is not open to every principal (MSK default is true).",
    },
  ];
  if (inputs.express) {
    // Express fixes RF 3, min ISR 2 and unclean leader election off (msk-configuration-express-read-only.html).
    props.push({ key: "delete.topic.enable", value: "true", reason: "Retired topics can be deleted by Terraform." });
    return Object.freeze(props.map((p) => Object.freeze(p)));
  }
  const rf = Math.min(3, Math.max(1, inputs.brokerNodes));
  const minIsr = Math.max(1, Math.min(2, rf - 1));
  props.push(
    {
      key: "unclean.leader.election.enable",
      value: "false",
      reason:
        "An out-of-sync replica never becomes leader, so acknowledged writes are never lost (MSK default is true).",
    },
    {
      key: "default.replication.factor",
      value: String(rf),
      reason: "Three replicas over three AZs survive an AZ loss and a rolling update (MSK best practices).",
    },
    {
      key: "min.insync.replicas",
      value: String(minIsr),
      reason: "RF - 1: acks=all writes survive one replica down; min ISR = RF would block produce during updates.",
    },
    {
      key: "offsets.topic.replication.factor",
      value: String(rf),
      reason: "Committed consumer offsets are as durable as the data.",
    },
    {
      key: "transaction.state.log.replication.factor",
      value: String(rf),
      reason: "Transaction state is as durable as the data (exactly-once producers).",
    },
    {
      key: "transaction.state.log.min.isr",
      value: String(minIsr),
      reason: "Same min ISR as data topics for the transaction log.",
    },
    {
      key: "num.partitions",
      value: "3",
      reason: "A topic created without a partition count still spreads over the three AZs.",
    },
    {
      key: "delete.topic.enable",
      value: "true",
      reason: "Retired topics can be deleted by Terraform; deletion is gated by prevent_destroy and `retire`.",
    },
    {
      key: "log.retention.hours",
      value: "168",
      reason: "Seven days unless a topic class says otherwise (Kafka default, stated explicitly).",
    },
  );
  return Object.freeze(props.map((p) => Object.freeze(p)));
}

/** Render properties as `server.properties` text (one `key=value` line each, sorted by key). */
export function renderServerProperties(properties: Readonly<Record<string, string>>): string {
  return (
    Object.keys(properties)
      .sort()
      .map((k) => `${k}=${properties[k]}`)
      .join("\n") + "\n"
  );
}

/** Parse `server.properties` text into a map (comments and blank lines ignored). */
export function parseServerProperties(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith("!")) continue;
    const i = line.search(/[=:]/);
    if (i < 0) {
      out[line] = "";
      continue;
    }
    out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}
