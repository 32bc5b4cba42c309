/**
 * Figures derived from a live inventory: partition health, per-topic and per-broker rates over the
 * sampling window, partition and leader skew, and the Kafka release behind the metadata version.
 */
import type { LiveInventory, LiveTopic } from "./types";

/** Health of one topic's partitions. */
export interface TopicHealth {
  readonly topic: string;
  readonly partitions: number;
  /** Replication factor: the most common replica count. */
  readonly replicationFactor: number;
  /** Partitions whose ISR is smaller than their replica set. */
  readonly underReplicated: number;
  /** Partitions without a leader. */
  readonly offline: number;
  /** Partitions whose ISR is smaller than the effective min.insync.replicas (acks=all writes fail). */
  readonly belowMinIsr: number;
  readonly minInsyncReplicas: number | null;
}

/** The replication factor of a topic: the most common replica count of its partitions. */
export function replicationFactorOf(topic: LiveTopic): number {
  const counts = new Map<number, number>();
  for (const p of topic.partitions) counts.set(p.replicas.length, (counts.get(p.replicas.length) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [rf, n] of counts) if (n > bestCount || (n === bestCount && rf < best)) [best, bestCount] = [rf, n];
  return best;
}

/** Health of every topic. */
export function topicHealth(inv: LiveInventory): TopicHealth[] {
  return inv.topics.map((t) => {
    const min = t.effectiveMinInsyncReplicas;
    return {
      topic: t.name,
      partitions: t.partitions.length,
      replicationFactor: replicationFactorOf(t),
      underReplicated: t.partitions.filter((p) => p.isr.length < p.replicas.length).length,
      offline: t.partitions.filter((p) => p.leader === null).length,
      belowMinIsr: min === null ? 0 : t.partitions.filter((p) => p.isr.length < min).length,
      minInsyncReplicas: min,
    };
  });
}

/** Rates over the window. */
export interface Rate {
  readonly messagesPerSec: number;
  /** From replica size deltas (log retention or compaction in the window makes this an underestimate). */
  readonly bytesPerSec: number;
}

/** Per-topic and per-broker rates. */
export interface Rates {
  readonly seconds: number;
  readonly topics: Readonly<Record<string, Rate>>;
  /** Per broker: messages of the partitions it leads, bytes of every replica it holds. */
  readonly brokers: Readonly<Record<number, Rate>>;
}

function splitPartition(key: string): { topic: string; partition: number } {
  const slash = key.lastIndexOf("/");
  return { topic: key.slice(0, slash), partition: Number(key.slice(slash + 1)) };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Message and byte rates from the end-offset and log-dir deltas of the window. */
export function rates(inv: LiveInventory): Rates {
  const seconds = inv.window.seconds > 0 ? inv.window.seconds : 1;
  const leaders = new Map<string, number | null>();
  for (const t of inv.topics) for (const p of t.partitions) leaders.set(`${t.name}/${p.partition}`, p.leader);
  const topicMsgs: Record<string, number> = {};
  const topicBytes: Record<string, number> = {};
  const brokerMsgs: Record<number, number> = {};
  const brokerBytes: Record<number, number> = {};
  for (const b of inv.brokers) {
    brokerMsgs[b.id] = 0;
    brokerBytes[b.id] = 0;
  }
  for (const t of inv.topics) {
    topicMsgs[t.name] = 0;
    topicBytes[t.name] = 0;
  }
  for (const o of inv.window.offsets) {
    if (o.endStart === null || o.endEnd === null) continue;
    const delta = Math.max(0, o.endEnd - o.endStart);
    const { topic } = splitPartition(o.partition);
    topicMsgs[topic] = (topicMsgs[topic] ?? 0) + delta;
    const leader = leaders.get(o.partition);
    if (leader !== null && leader !== undefined) brokerMsgs[leader] = (brokerMsgs[leader] ?? 0) + delta;
  }
  for (const r of inv.window.logDirs) {
    if (r.bytesStart === null || r.bytesEnd === null) continue;
    const delta = Math.max(0, r.bytesEnd - r.bytesStart);
    const at = r.replica.lastIndexOf("@");
    const partition = r.replica.slice(0, at);
    const broker = Number(r.replica.slice(at + 1));
    brokerBytes[broker] = (brokerBytes[broker] ?? 0) + delta;
    // A topic's byte rate counts its leader replicas only (the bytes producers sent).
    if (leaders.get(partition) === broker) {
      const { topic } = splitPartition(partition);
      topicBytes[topic] = (topicBytes[topic] ?? 0) + delta;
    }
  }
  const rate = (m: number, b: number): Rate => ({
    messagesPerSec: round(m / seconds),
    bytesPerSec: round(b / seconds),
  });
  return {
    seconds: round(inv.window.seconds),
    topics: Object.fromEntries(Object.keys(topicMsgs).map((t) => [t, rate(topicMsgs[t], topicBytes[t] ?? 0)])),
    brokers: Object.fromEntries(
      Object.keys(brokerMsgs).map((b) => [Number(b), rate(brokerMsgs[Number(b)], brokerBytes[Number(b)] ?? 0)]),
    ),
  };
}

/** Replicas and leaders per broker, and how far the busiest is above the mean. */
export interface Skew {
  readonly replicas: Readonly<Record<number, number>>;
  readonly leaders: Readonly<Record<number, number>>;
  /** max / mean − 1 over brokers (0 = perfectly even); 0 when there is nothing to place. */
  readonly replicaSkew: number;
  readonly leaderSkew: number;
}

function skewOf(counts: Record<number, number>): number {
  const values = Object.values(counts);
  const total = values.reduce((a, b) => a + b, 0);
  if (values.length === 0 || total === 0) return 0;
  return round(Math.max(...values) / (total / values.length) - 1);
}

/** Partition (replica) and leader counts per broker, internal topics excluded. */
export function skew(inv: LiveInventory): Skew {
  const replicas: Record<number, number> = {};
  const leaders: Record<number, number> = {};
  for (const b of inv.brokers) {
    replicas[b.id] = 0;
    leaders[b.id] = 0;
  }
  for (const t of inv.topics) {
    if (t.internal) continue;
    for (const p of t.partitions) {
      for (const r of p.replicas) replicas[r] = (replicas[r] ?? 0) + 1;
      if (p.leader !== null) leaders[p.leader] = (leaders[p.leader] ?? 0) + 1;
    }
  }
  return { replicas, leaders, replicaSkew: skewOf(replicas), leaderSkew: skewOf(leaders) };
}

/**
 * Apache Kafka release of each `metadata.version` feature level (org.apache.kafka.server.common
 * .MetadataVersion of kafka-server-common 3.9.1: level 1 = 3.0-IV1 … 21 = 3.9-IV0). A level above the
 * table is reported as "4.0 or newer".
 */
export const METADATA_VERSION_RELEASES: readonly { readonly upTo: number; readonly release: string }[] = Object.freeze([
  { upTo: 1, release: "3.0" },
  { upTo: 2, release: "3.1" },
  { upTo: 3, release: "3.2" },
  { upTo: 7, release: "3.3" },
  { upTo: 8, release: "3.4" },
  { upTo: 11, release: "3.5" },
  { upTo: 14, release: "3.6" },
  { upTo: 19, release: "3.7" },
  { upTo: 20, release: "3.8" },
  { upTo: 21, release: "3.9" },
]);

/**
 * The Kafka release (major.minor) of the cluster: from the KRaft metadata.version level, else from the
 * brokers' inter.broker.protocol.version (ZooKeeper mode). Undefined when neither is readable.
 */
export function kafkaRelease(inv: LiveInventory): string | undefined {
  const level = inv.metadataVersionLevel;
  if (typeof level === "number" && level > 0) {
    const hit = METADATA_VERSION_RELEASES.find((r) => level <= r.upTo);
    return hit ? hit.release : "4.0 or newer";
  }
  for (const b of inv.brokerConfigs) {
    const ibp = b.configs["inter.broker.protocol.version"];
    const m = ibp ? /^(\d+\.\d+)/.exec(ibp) : null;
    if (m) return m[1];
  }
  return undefined;
}
