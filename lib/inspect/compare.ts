/**
 * Compares the data-plane resources of a synthesized stack (`kafka_topic`, `kafka_acl`, `kafka_quota`) with
 * the live inventory they were emitted from, as effective values: a topic config the program writes
 * explicitly counts as a difference only when it differs from what the topic has now (its own override,
 * else the brokers' setting, else the Kafka default). The result names every object that an apply would
 * change, create or leave unmanaged.
 */
import { commonBrokerConfig } from "./resources";
import { liveAclId } from "./emit-typescript";
import { replicationFactorOf } from "./metrics";
import type { LiveInventory, LiveTopic } from "./types";

/** One difference between the program and the cluster. */
export interface LiveDifference {
  readonly kind: "topic" | "acl" | "quota";
  readonly object: string;
  readonly detail: string;
}

/** Kafka 3.9 defaults of the topic configs the classes set (`TopicConfig` / `ServerLogConfigs`). */
const KAFKA_DEFAULTS: Readonly<Record<string, string>> = {
  "cleanup.policy": "delete",
  "retention.ms": "604800000",
  "min.insync.replicas": "1",
};

function effective(t: LiveTopic, key: string, broker: Record<string, string>): string | undefined {
  if (t.configs[key] !== undefined) return t.configs[key];
  if (key === "min.insync.replicas" && t.effectiveMinInsyncReplicas !== null)
    return String(t.effectiveMinInsyncReplicas);
  if (key === "cleanup.policy" && broker["log.cleanup.policy"] !== undefined) return broker["log.cleanup.policy"];
  if (key === "retention.ms") {
    if (broker["log.retention.ms"] !== undefined) return broker["log.retention.ms"];
    if (broker["log.retention.minutes"] !== undefined) return String(Number(broker["log.retention.minutes"]) * 60_000);
    if (broker["log.retention.hours"] !== undefined) return String(Number(broker["log.retention.hours"]) * 3_600_000);
  }
  return KAFKA_DEFAULTS[key];
}

/** The attributes the comparison reads, as synthesized. */
interface SynthesizedDataPlane {
  readonly name: string;
  readonly partitions: number;
  readonly replication_factor: number;
  readonly config?: Readonly<Record<string, string | number>>;
  readonly acl_principal: string;
  readonly acl_host: string;
  readonly acl_operation: string;
  readonly acl_permission_type: string;
  readonly resource_type: string;
  readonly resource_name: string;
  readonly resource_pattern_type_filter?: string;
  readonly entity_type: string;
  readonly entity_name?: string;
}

type Resources = Readonly<Record<string, Readonly<Record<string, SynthesizedDataPlane>>>>;

/** Differences between the resources of `doc` (a `cdk.tf.json`) and the live inventory. */
export function compareWithLive(inv: LiveInventory, doc: { resource?: Resources }): LiveDifference[] {
  const out: LiveDifference[] = [];
  const res = doc.resource ?? {};
  const broker = commonBrokerConfig(inv);
  const topics = new Map(inv.topics.filter((t) => !t.internal).map((t) => [t.name, t]));
  const declared = new Set<string>();
  for (const r of Object.values(res.kafka_topic ?? {})) {
    declared.add(r.name);
    const t = topics.get(r.name);
    if (!t) {
      out.push({ kind: "topic", object: r.name, detail: "not on the cluster: the apply creates it" });
      continue;
    }
    if (r.partitions !== t.partitions.length)
      out.push({ kind: "topic", object: r.name, detail: `partitions ${t.partitions.length} → ${r.partitions}` });
    if (r.replication_factor !== replicationFactorOf(t))
      out.push({
        kind: "topic",
        object: r.name,
        detail: `replication factor ${replicationFactorOf(t)} → ${r.replication_factor}`,
      });
    const config: Readonly<Record<string, string | number>> = r.config ?? {};
    for (const key of new Set([...Object.keys(config), ...Object.keys(t.configs)])) {
      const now = effective(t, key, broker);
      if (config[key] === undefined) out.push({ kind: "topic", object: r.name, detail: `${key} ${now} → removed` });
      else if (String(config[key]) !== now)
        out.push({ kind: "topic", object: r.name, detail: `${key} ${now} → ${config[key]}` });
    }
  }
  for (const name of topics.keys())
    if (!declared.has(name)) out.push({ kind: "topic", object: name, detail: "on the cluster, not in the program" });

  const live = new Set((inv.acls ?? []).map(liveAclId));
  const synthesized = new Set(
    Object.values(res.kafka_acl ?? {}).map((a) =>
      [
        a.acl_principal,
        a.acl_host,
        a.acl_operation,
        a.acl_permission_type,
        a.resource_type,
        a.resource_name,
        a.resource_pattern_type_filter ?? "Literal",
      ].join("|"),
    ),
  );
  for (const id of synthesized)
    if (!live.has(id)) out.push({ kind: "acl", object: id, detail: "not on the cluster: the apply creates it" });
  for (const id of live)
    if (!synthesized.has(id)) out.push({ kind: "acl", object: id, detail: "on the cluster, not in the program" });

  const key = (type: string, name: string | undefined): string => `${type}|${name ?? "<default>"}`;
  const liveQuotas = new Map(
    (inv.quotas ?? []).map((q) => {
      const types = Object.keys(q.entity).sort();
      return [key(types.join("+"), types.map((t) => q.entity[t]).join("+")), q.values] as const;
    }),
  );
  const seen = new Set<string>();
  for (const r of Object.values(res.kafka_quota ?? {})) {
    const k = key(r.entity_type, r.entity_name);
    seen.add(k);
    const values = liveQuotas.get(k);
    const want = JSON.stringify(
      Object.entries(r.config ?? {})
        .map(([c, v]) => [c, Number(v)])
        .sort(),
    );
    const have = values ? JSON.stringify(Object.entries(values).sort()) : undefined;
    if (have !== want) out.push({ kind: "quota", object: k, detail: `${have ?? "none"} → ${want}` });
  }
  for (const k of liveQuotas.keys())
    if (!seen.has(k)) out.push({ kind: "quota", object: k, detail: "on the cluster, not in the program" });
  return out;
}
