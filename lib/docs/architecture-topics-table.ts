/**
 * Topic, access, connector and replication tables of the architecture doc. Each topic's effective
 * partitions, replication factor, min ISR, retention and cleanup policy are checked against its
 * class in `TOPIC_CLASSES`; a value the topic does not set is inherited from its cluster.
 */
import { TOPIC_CLASSES, TopicClass, TopicClassName } from "../standards/topic-classes";
import type { TopicEntry } from "./architecture-clusters";
import { brokerTopicDefaults, mark, table } from "./architecture-clusters-table";
import { num } from "./architecture-document";
import type { Inventory } from "./architecture-inventory";
import { compareText } from "../core/compare";

const DAY_MS = 24 * 3600 * 1000;

/** Human form of a retention in ms. */
export function describeRetention(ms: number): string {
  if (ms < 0) return "unlimited";
  const days = ms / DAY_MS;
  if (!Number.isInteger(days)) return `${ms} ms`;
  if (days >= 365 && days % 365 <= 2) return `${Math.floor(days / 365)} years`;
  return days === 1 ? "1 day" : `${days} days`;
}

/** The class a topic declares (metadata, or the class label in its config), when known. */
function topicClass(t: TopicEntry): TopicClass | undefined {
  const name = t.className ?? t.config["kafka-standards.class"];
  return name && name in TOPIC_CLASSES ? TOPIC_CLASSES[name as TopicClassName] : undefined;
}

function sameCleanup(a: string, b: string): boolean {
  const norm = (x: string): string =>
    x
      .split(",")
      .map((s) => s.trim())
      .sort()
      .join(",");
  return norm(a) === norm(b);
}

interface TopicCheck {
  readonly cells: string[];
  readonly ok: boolean | undefined;
}

/** One topic's row: effective values, each annotated with the class requirement it misses. */
function checkTopic(inv: Inventory, t: TopicEntry): TopicCheck {
  const cluster = inv.clusters.find((c) => c.key === t.clusterKey);
  const defaults = brokerTopicDefaults(inv, cluster);
  const cls = topicClass(t);
  const minIsr = num(t.config["min.insync.replicas"]);
  const retention = num(t.config["retention.ms"]);
  const cleanup = t.config["cleanup.policy"];
  const eff = {
    minIsr: minIsr ?? defaults.minIsr,
    retention: retention ?? defaults.retentionMs,
    cleanup: cleanup ?? "delete",
  };
  const inherited = (set: unknown): string => (set === undefined ? " (cluster default)" : "");
  const misses: boolean[] = [];
  const check = (value: string, ok: boolean | undefined, requirement: string): string => {
    if (ok === undefined) return value;
    misses.push(ok);
    return ok ? value : `${value} ✗ (class: ${requirement})`;
  };
  const rf = t.replicationFactor;
  const durableIsrOk = cls && eff.minIsr >= cls.minInsyncReplicas && (rf === undefined || eff.minIsr <= rf - 1);
  const retentionOk =
    cls &&
    (cls.minRetentionMs !== undefined || cls.maxRetentionMs !== undefined
      ? (cls.minRetentionMs === undefined || eff.retention < 0 || eff.retention >= cls.minRetentionMs) &&
        (cls.maxRetentionMs === undefined || (eff.retention >= 0 && eff.retention <= cls.maxRetentionMs))
      : eff.retention === cls.retentionMs);
  const cells = [
    t.partitions === undefined ? "?" : String(t.partitions),
    check(
      rf === undefined ? "?" : String(rf),
      cls && rf !== undefined ? rf >= cls.minReplicationFactor : undefined,
      `≥ ${cls?.minReplicationFactor}`,
    ),
    check(
      `${eff.minIsr}${inherited(minIsr)}`,
      cls ? (cls.durable ? durableIsrOk : eff.minIsr === cls.minInsyncReplicas) : undefined,
      cls?.durable ? `≥ ${cls.minInsyncReplicas} and ≤ RF − 1` : `= ${cls?.minInsyncReplicas}`,
    ),
    check(
      `${describeRetention(eff.retention)}${inherited(retention)}`,
      retentionOk,
      cls ? retentionRequirement(cls) : "",
    ),
    check(
      `${eff.cleanup}${inherited(cleanup)}`,
      cls ? sameCleanup(eff.cleanup, cls.cleanupPolicy) : undefined,
      cls?.cleanupPolicy ?? "",
    ),
  ];
  return { cells, ok: cls ? misses.every(Boolean) : undefined };
}

function retentionRequirement(cls: TopicClass): string {
  const parts: string[] = [];
  if (cls.minRetentionMs !== undefined) parts.push(`≥ ${describeRetention(cls.minRetentionMs)}`);
  if (cls.maxRetentionMs !== undefined) parts.push(`≤ ${describeRetention(cls.maxRetentionMs)}`);
  return parts.length > 0 ? parts.join(", ") : describeRetention(cls.retentionMs);
}

/** The topic table. */
export function renderTopicTable(inv: Inventory): string[] {
  if (inv.topics.length === 0) return ["No topics are defined in this stack.", ""];
  const name = (key: string): string => inv.clusters.find((c) => c.key === key)?.name ?? key;
  const rows = [...inv.topics]
    .sort((a, b) => compareText(name(a.clusterKey), name(b.clusterKey)) || compareText(a.name, b.name))
    .map((t) => {
      const { cells, ok } = checkTopic(inv, t);
      const cls = topicClass(t)?.name ?? (t.className ? `${t.className} (unknown class)` : "none");
      const topic = `\`${t.name}\`${t.retire ? ` (retiring: ${t.retire})` : ""}${t.mirrorOf !== undefined ? ` (mirror of ${t.mirrorOf})` : ""}`;
      return [topic, name(t.clusterKey), cls, ...cells, mark(ok)];
    });
  return [
    ...table(["Topic", "Cluster", "Class", "Partitions", "RF", "min ISR", "Retention", "Cleanup", "✓/✗"], rows),
    "",
  ];
}

/** Who may produce to and consume from what. */
export function renderAccessTable(inv: Inventory): string[] {
  if (inv.principals.length === 0) return [];
  const clusters = new Map(inv.clusters.map((c) => [c.key, c.name]));
  const topics = new Map(inv.topics.map((t) => [t.key, t.name]));
  const cluster = (key: string): string => clusters.get(key) ?? key;
  const topic = (key: string): string => topics.get(key) ?? key;
  const byPrincipal = new Map<string, string[]>();
  for (const g of inv.grants) {
    const list = byPrincipal.get(g.principalKey) ?? [];
    list.push(`${g.access} ${g.topicKey ? topic(g.topicKey) : (g.pattern ?? "cluster")} (${cluster(g.clusterKey)})`);
    byPrincipal.set(g.principalKey, list);
  }
  const rows = inv.principals.map((p) => {
    const keys = p.credentials.map((c) => `${c.kind} (${cluster(c.clusterKey)})`);
    return [p.label, p.kind, [...(byPrincipal.get(p.key) ?? []), ...keys].join("; ") || "none"];
  });
  return ["## Access", "", ...table(["Principal", "Kind", "Grants"], rows), ""];
}

/** Connectors and replication links. */
export function renderFlowTables(inv: Inventory): string[] {
  const out: string[] = [];
  const cluster = (key: string | undefined): string => inv.clusters.find((c) => c.key === key)?.name ?? "?";
  if (inv.connectors.length > 0) {
    const rows = inv.connectors.map((c) => [
      c.name,
      c.service,
      c.direction,
      cluster(c.clusterKey),
      c.topics.join(", ") || "—",
      c.connectorClass ?? "—",
    ]);
    out.push(
      "## Connectors",
      "",
      ...table(["Connector", "Service", "Direction", "Cluster", "Topics", "Class"], rows),
      "",
    );
  }
  if (inv.links.length > 0) {
    const rows = inv.links.map((l) => [
      l.name,
      l.kind,
      cluster(l.sourceKey),
      cluster(l.targetKey),
      l.topics.join(", ") || "—",
    ]);
    out.push("## Replication", "", ...table(["Link", "Kind", "Source", "Target", "Topics"], rows), "");
  }
  return out;
}
