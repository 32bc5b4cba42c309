/**
 * Kafka clusters in a synthesized document, for the architecture doc: the cluster lookup shared
 * by every reader (references, literal names, ids and ARNs, clusters outside the document), and
 * the clusters' networks, keys, log destinations, escalation topics and alarm counts.
 */
import { MSK_SCRAM_SECRET_PREFIX, STANDARD_TAG_KEYS } from "../standards/naming";
import {
  DocIndex,
  DocResource,
  block,
  blocks,
  display,
  first,
  isReference,
  str,
  strings,
} from "./architecture-document";

/** Where a cluster runs. */
export type Backend = "msk" | "confluent" | "external";

/** A network boundary drawn as a subgraph (VPC, Confluent environment or network). */
export interface NetworkEntry {
  /** Stable key. */
  readonly key: string;
  /** Text shown. */
  readonly label: string;
  /** Enclosing network (a Confluent network inside its environment). */
  readonly parent?: NetworkEntry;
}

/** A resource attached to a cluster (key, log destination, escalation topic). */
export interface Attachment {
  /** Stable key. */
  readonly key: string;
  /** Text shown. */
  readonly label: string;
  /** Alarm severity an escalation topic carries. */
  readonly severity?: string;
}

/** One Kafka cluster. */
export interface ClusterEntry {
  /** Stable key: the resource address, or `external:<name>`. */
  readonly key: string;
  /** Where it runs. */
  readonly backend: Backend;
  /** Cluster name (`cluster_name`, `display_name`, or the id of a cluster outside the document). */
  readonly name: string;
  /** The resource, when the cluster is in the document. */
  readonly resource?: DocResource;
  /** Tier from metadata or the `Environment` tag. */
  readonly tier?: string;
  /** Network it is placed in. */
  readonly network?: NetworkEntry;
  /** Encryption key(s) at rest. */
  readonly keys: Attachment[];
  /** Broker log destinations. */
  readonly logs: Attachment[];
  /** Alarm escalation topics. */
  readonly escalation: Attachment[];
  /** Alarms per severity. */
  readonly alarms: Record<string, number>;
}

/** One topic. */
export interface TopicEntry {
  /** Resource address. */
  readonly key: string;
  /** Topic name. */
  readonly name: string;
  /** Cluster key. */
  readonly clusterKey: string;
  /** Partition count, when literal. */
  readonly partitions?: number;
  /** Replication factor, when literal (Confluent fixes 3). */
  readonly replicationFactor?: number;
  /** Topic configuration. */
  readonly config: Record<string, string>;
  /** Topic class from metadata. */
  readonly className?: string;
  /** Retirement reason from metadata. */
  readonly retire?: string;
  /** Source topic of a mirror topic. */
  readonly mirrorOf?: string;
  /** The resource. */
  readonly resource: DocResource;
}

/** Cluster lookup shared by the readers: resolves references and literals, creates external clusters. */
export class ClusterRegistry {
  public readonly clusters: ClusterEntry[] = [];

  constructor(private readonly index: DocIndex) {}

  /** Adds a cluster found in the document. */
  public add(entry: ClusterEntry): void {
    this.clusters.push(entry);
  }

  /** The cluster of a resource address. */
  public byKey(key: string): ClusterEntry | undefined {
    return this.clusters.find((c) => c.key === key);
  }

  /**
   * The cluster a value names: a reference to a cluster resource, or a literal name, id or ARN.
   * A literal that matches no cluster of the document becomes an external cluster unless
   * `external` is false.
   */
  public resolve(value: unknown, external = true): ClusterEntry | undefined {
    const ref = this.index.ref(value, ["aws_msk_cluster", "confluent_kafka_cluster"]);
    if (ref) return this.byKey(ref.address);
    const text = str(value);
    if (!text || isReference(text)) return undefined;
    // MSK ARNs: arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>
    const name = /:cluster\/([^/]+)\//.exec(text)?.[1] ?? text;
    const hit = this.clusters.find(
      (c) => c.name === name || str(c.resource?.attrs.id) === text || str(c.resource?.attrs.arn) === text,
    );
    return hit ?? (external ? this.external(name) : undefined);
  }

  /** The only cluster of a backend in the document, if there is exactly one. */
  public only(backend: Backend): ClusterEntry | undefined {
    const of = this.clusters.filter((c) => c.backend === backend);
    return of.length === 1 ? of[0] : undefined;
  }

  /** A cluster outside the document, created once per name. */
  public external(name: string): ClusterEntry {
    const key = `external:${name}`;
    const hit = this.byKey(key);
    if (hit) return hit;
    const entry: ClusterEntry = {
      key,
      backend: "external",
      name,
      keys: [],
      logs: [],
      escalation: [],
      alarms: {},
    };
    this.clusters.push(entry);
    return entry;
  }
}

function tierOf(r: DocResource): string | undefined {
  return r.meta.tier ?? str(first(r.attrs.tags)?.[STANDARD_TAG_KEYS.tier]);
}

function mskNetwork(index: DocIndex, c: DocResource): NetworkEntry | undefined {
  const info = block(c.attrs, "broker_node_group_info");
  const groups = index.refs(info?.security_groups, ["aws_security_group"]);
  const vpc = groups.map((g) => g.attrs.vpc_id).find((v) => v !== undefined);
  const subnets = display(info?.client_subnets);
  if (vpc !== undefined) {
    const label = `VPC ${display(vpc)}`;
    return { key: `vpc:${display(vpc)}`, label: subnets ? `${label} · subnets ${subnets}` : label };
  }
  if (subnets) return { key: `subnets:${subnets}`, label: `subnets ${subnets}` };
  const sgs = strings(info?.security_groups).map(display).join(", ");
  return sgs ? { key: `sg:${sgs}`, label: `security groups ${sgs}` } : undefined;
}

function confluentNetwork(index: DocIndex, c: DocResource): NetworkEntry | undefined {
  const envId = block(c.attrs, "environment")?.id;
  const envRes = index.ref(envId, ["confluent_environment"]);
  const envName = envRes ? (str(envRes.attrs.display_name) ?? envRes.name) : display(envId);
  const env: NetworkEntry | undefined = envId
    ? { key: `env:${envRes?.address ?? display(envId)}`, label: `Confluent environment ${display(envName)}` }
    : undefined;
  const netId = block(c.attrs, "network")?.id;
  if (netId === undefined) return env;
  const net = index.ref(netId, ["confluent_network"]);
  const types = strings(net?.attrs.connection_types).join("/");
  const label = net
    ? `network ${display(net.attrs.display_name ?? net.name)}${types ? ` · ${types}` : ""}`
    : `network ${display(netId)}`;
  return { key: `net:${net?.address ?? display(netId)}`, label, parent: env };
}

function attachments(index: DocIndex, value: unknown, fallback: string): Attachment[] {
  const refs = index.refs(value);
  if (refs.length > 0) return refs.map((r) => ({ key: r.address, label: labelOf(index, r) }));
  const text = display(value);
  return text ? [{ key: `${fallback}:${text}`, label: text }] : [];
}

/** Display name of a resource: its name attribute, a KMS alias, else the logical name. */
export function labelOf(index: DocIndex, r: DocResource): string {
  if (r.type === "aws_kms_key") {
    const alias = index.of("aws_kms_alias").find((a) => index.ref(a.attrs.target_key_id)?.address === r.address);
    if (alias) return `KMS ${display(alias.attrs.name)}`;
    return `KMS key ${r.name}`;
  }
  const name = r.attrs.name ?? r.attrs.display_name ?? r.attrs.cluster_name;
  return name !== undefined ? display(name) : r.name;
}

function mskLogs(index: DocIndex, c: DocResource): Attachment[] {
  const logs = block(c.attrs, "logging_info", "broker_logs");
  const out: Attachment[] = [];
  const cw = first(logs?.cloudwatch_logs);
  if (cw && cw.enabled !== false) out.push(...attachments(index, cw.log_group, "logs"));
  const s3 = first(logs?.s3);
  if (s3 && s3.enabled !== false) {
    out.push({
      key: `s3:${display(s3.bucket)}`,
      label: `S3 ${display(s3.bucket)}${s3.prefix ? `/${display(s3.prefix)}` : ""}`,
    });
  }
  const fh = first(logs?.firehose);
  if (fh && fh.enabled !== false)
    out.push({ key: `firehose:${display(fh.delivery_stream)}`, label: `Firehose ${display(fh.delivery_stream)}` });
  return out;
}

export function readClusters(index: DocIndex, registry: ClusterRegistry): void {
  for (const c of index.of("aws_msk_cluster")) {
    registry.add({
      key: c.address,
      backend: "msk",
      name: display(c.attrs.cluster_name ?? c.name),
      resource: c,
      tier: tierOf(c),
      network: mskNetwork(index, c),
      keys: attachments(index, block(c.attrs, "encryption_info")?.encryption_at_rest_kms_key_arn, "kms"),
      logs: mskLogs(index, c),
      escalation: [],
      alarms: {},
    });
  }
  for (const c of index.of("confluent_kafka_cluster")) {
    const byok = block(c.attrs, "byok_key")?.id;
    registry.add({
      key: c.address,
      backend: "confluent",
      name: display(c.attrs.display_name ?? c.name),
      resource: c,
      tier: tierOf(c),
      network: confluentNetwork(index, c),
      keys: byok === undefined ? [] : attachments(index, byok, "byok"),
      logs: [],
      escalation: [],
      alarms: {},
    });
  }
}

/** Escalation topics and alarm counts per cluster (metadata first, then names and dimensions). */
export function readAlarms(index: DocIndex, registry: ClusterRegistry): void {
  const byName = (name: unknown): ClusterEntry | undefined =>
    registry.clusters.find((c) => c.backend !== "external" && c.name === name);
  const severityOf = (text: string): string | undefined =>
    /critical|warning/i.exec(text)?.[0].replace(/^./, (x) => x.toUpperCase());
  for (const t of index.of("aws_sns_topic")) {
    const cluster = byName(t.meta.cluster);
    if (cluster) cluster.escalation.push({ key: t.address, label: labelOf(index, t), severity: t.meta.severity });
  }
  for (const a of index.of("aws_cloudwatch_metric_alarm")) {
    const dims =
      first(a.attrs.dimensions) ?? first(first(blocks(a.attrs.metric_query).find((q) => q.metric)?.metric)?.dimensions);
    const cluster = byName(a.meta.cluster) ?? byName(dims?.["Cluster Name"]);
    if (!cluster) continue;
    const topic = index.ref(strings(a.attrs.alarm_actions)[0], ["aws_sns_topic"]);
    const severity =
      a.meta.severity ??
      topic?.meta.severity ??
      severityOf(`${str(a.attrs.alarm_name) ?? ""} ${topic ? labelOf(index, topic) : ""}`) ??
      "Unclassified";
    cluster.alarms[severity] = (cluster.alarms[severity] ?? 0) + 1;
    if (topic && !cluster.escalation.some((e) => e.key === topic.address)) {
      cluster.escalation.push({ key: topic.address, label: labelOf(index, topic), severity });
    }
  }
}

/** The cluster of a Mongey `kafka_*` resource: metadata, its provider's bootstrap servers, or the only MSK cluster. */
export function mongeyCluster(index: DocIndex, registry: ClusterRegistry, r: DocResource): ClusterEntry {
  if (r.meta.cluster)
    return registry.clusters.find((c) => c.name === r.meta.cluster) ?? registry.external(r.meta.cluster);
  const alias = /^kafka\.(.+)$/.exec(str(r.attrs.provider) ?? "")?.[1];
  const provider = index
    .providers("kafka")
    .find((p) => (alias === undefined ? p.alias === undefined : p.alias === alias));
  const viaProvider = provider ? registry.resolve(provider.bootstrap_servers, false) : undefined;
  if (viaProvider) return viaProvider;
  return (
    registry.only("msk") ??
    registry.external(alias ? `Kafka cluster of provider kafka.${alias}` : "Kafka cluster outside this stack")
  );
}

/** The cluster of a `confluent_*` data-plane resource: metadata, `kafka_cluster.id`, provider `kafka_id`, or the only Confluent cluster. */
export function confluentCluster(index: DocIndex, registry: ClusterRegistry, r: DocResource): ClusterEntry {
  if (r.meta.cluster)
    return registry.clusters.find((c) => c.name === r.meta.cluster) ?? registry.external(r.meta.cluster);
  const id = block(r.attrs, "kafka_cluster")?.id ?? index.providers("confluent")[0]?.kafka_id;
  const hit = id !== undefined ? registry.resolve(id) : undefined;
  return hit ?? registry.only("confluent") ?? registry.external("Confluent cluster outside this stack");
}

/** SCRAM secrets: `AmazonMSK_`-prefixed Secrets Manager secrets (the prefix MSK requires). */
export function isScramSecret(r: DocResource): boolean {
  return str(r.attrs.name)?.startsWith(MSK_SCRAM_SECRET_PREFIX) === true;
}
