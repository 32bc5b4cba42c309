/**
 * What a synthesized document contains, as the architecture doc sees it: Kafka clusters in their
 * networks (with keys, log destinations, escalation topics and alarms), topics, connectors,
 * replication links, principals and grants.
 *
 * Everything is read from plain resource attributes, so documents written by other tools work;
 * the library's metadata (`"//"."kafka-standards"`) only adds tier, class and retirement.
 */
import { TerraformDocument } from "../core/stack-artifacts";
import {
  DocIndex,
  block,
  blocks,
  display,
  first,
  isReference,
  num,
  str,
  stringMap,
  strings,
} from "./architecture-document";
import {
  ClusterEntry,
  ClusterRegistry,
  TopicEntry,
  confluentCluster,
  mongeyCluster,
  readAlarms,
  readClusters,
} from "./architecture-clusters";
import { AccessInventory, readAccess } from "./architecture-access";

/** A connector. */
export interface ConnectorEntry {
  /** Resource address. */
  readonly key: string;
  /** Connector name. */
  readonly name: string;
  /** Service that runs it. */
  readonly service: "MSK Connect" | "Confluent";
  /** Cluster it reads or writes. */
  readonly clusterKey?: string;
  /** Data direction relative to Kafka. */
  readonly direction: "source" | "sink" | "unknown";
  /** Topic names it reads or writes, when configured literally. */
  readonly topics: string[];
  /** `connector.class`. */
  readonly connectorClass?: string;
}

/** A replication link between clusters. */
export interface LinkEntry {
  /** Resource address. */
  readonly key: string;
  /** Kind of link. */
  readonly kind: "MSK Replicator" | "Cluster link";
  /** Link name. */
  readonly name: string;
  /** Source cluster key. */
  readonly sourceKey?: string;
  /** Target cluster key. */
  readonly targetKey?: string;
  /** Topics (or patterns) replicated, when listed. */
  readonly topics: string[];
}

/** Everything the architecture doc draws and tabulates. */
export interface Inventory extends AccessInventory {
  readonly index: DocIndex;
  readonly clusters: ClusterEntry[];
  readonly topics: TopicEntry[];
  readonly connectors: ConnectorEntry[];
  readonly links: LinkEntry[];
}

function readTopics(index: DocIndex, registry: ClusterRegistry): TopicEntry[] {
  const out: TopicEntry[] = [];
  for (const t of index.of("kafka_topic")) {
    out.push({
      key: t.address,
      name: display(t.attrs.name ?? t.name),
      clusterKey: mongeyCluster(index, registry, t).key,
      partitions: num(t.attrs.partitions),
      replicationFactor: num(t.attrs.replication_factor),
      config: stringMap(t.attrs.config),
      className: t.meta.class,
      retire: t.meta.retire,
      resource: t,
    });
  }
  for (const t of index.of("confluent_kafka_topic")) {
    out.push({
      key: t.address,
      name: display(t.attrs.topic_name ?? t.name),
      clusterKey: confluentCluster(index, registry, t).key,
      // The provider defaults partitions_count to 6; Confluent fixes RF at 3 (kafka-facts §B8).
      partitions: t.attrs.partitions_count === undefined ? 6 : num(t.attrs.partitions_count),
      replicationFactor: 3,
      config: stringMap(t.attrs.config),
      className: t.meta.class,
      retire: t.meta.retire,
      resource: t,
    });
  }
  for (const m of index.of("confluent_kafka_mirror_topic")) {
    const source = display(block(m.attrs, "source_kafka_topic")?.topic_name);
    out.push({
      key: m.address,
      name: display(m.attrs.mirror_topic_name ?? source),
      clusterKey: confluentCluster(index, registry, m).key,
      replicationFactor: 3,
      config: {},
      className: m.meta.class,
      mirrorOf: source,
      resource: m,
    });
  }
  return out;
}

/** Sink when the class name or a `topics` setting says so; source when it writes a topic. */
function direction(config: Record<string, string>): ConnectorEntry["direction"] {
  const cls = config["connector.class"] ?? "";
  if (/sink/i.test(cls) || config.topics !== undefined || config["topics.regex"] !== undefined) return "sink";
  if (/source|cdc/i.test(cls) || config["kafka.topic"] !== undefined || config["topic.prefix"] !== undefined)
    return "source";
  return "unknown";
}

function connectorTopics(config: Record<string, string>): string[] {
  const raw = config.topics ?? config["kafka.topic"] ?? "";
  return raw
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t && !isReference(t));
}

function readConnectors(index: DocIndex, registry: ClusterRegistry): ConnectorEntry[] {
  const out: ConnectorEntry[] = [];
  for (const c of index.of("aws_mskconnect_connector")) {
    const config = stringMap(c.attrs.connector_configuration);
    const bootstrap = block(c.attrs, "kafka_cluster", "apache_kafka_cluster")?.bootstrap_servers;
    out.push({
      key: c.address,
      name: display(c.attrs.name ?? c.name),
      service: "MSK Connect",
      // A connector in its own stack (MskConnectStack) names its cluster in the metadata.
      clusterKey: (
        registry.resolve(bootstrap, false) ??
        registry.only("msk") ??
        (c.meta.cluster ? registry.external(c.meta.cluster) : undefined)
      )?.key,
      direction: direction(config),
      topics: connectorTopics(config),
      connectorClass: config["connector.class"],
    });
  }
  for (const c of index.of("confluent_connector")) {
    const config = stringMap(c.attrs.config_nonsensitive);
    out.push({
      key: c.address,
      name: display(config.name ?? c.name),
      service: "Confluent",
      clusterKey: confluentCluster(index, registry, c).key,
      direction: direction(config),
      topics: connectorTopics(config),
      connectorClass: config["connector.class"],
    });
  }
  return out;
}

function readLinks(index: DocIndex, registry: ClusterRegistry): LinkEntry[] {
  const out: LinkEntry[] = [];
  for (const r of index.of("aws_msk_replicator")) {
    const info = first(r.attrs.replication_info_list);
    out.push({
      key: r.address,
      kind: "MSK Replicator",
      name: display(r.attrs.replicator_name ?? r.name),
      sourceKey: registry.resolve(info?.source_kafka_cluster_arn)?.key,
      targetKey: registry.resolve(info?.target_kafka_cluster_arn)?.key,
      topics: blocks(info?.topic_replication).flatMap((t) => strings(t.topics_to_replicate)),
    });
  }
  for (const l of index.of("confluent_cluster_link")) {
    const bidirectional = str(l.attrs.link_mode) === "BIDIRECTIONAL";
    const src = block(l.attrs, bidirectional ? "remote_kafka_cluster" : "source_kafka_cluster")?.id;
    const dst = block(l.attrs, bidirectional ? "local_kafka_cluster" : "destination_kafka_cluster")?.id;
    out.push({
      key: l.address,
      kind: "Cluster link",
      name: `${display(l.attrs.link_name ?? l.name)}${bidirectional ? " (bidirectional)" : ""}`,
      sourceKey: src === undefined ? undefined : registry.resolve(src)?.key,
      targetKey: dst === undefined ? undefined : registry.resolve(dst)?.key,
      topics: [],
    });
  }
  return out;
}

/** Reads everything the architecture doc shows from a synthesized document. */
export function readInventory(doc: TerraformDocument): Inventory {
  const index = new DocIndex(doc);
  const registry = new ClusterRegistry(index);
  readClusters(index, registry);
  readAlarms(index, registry);
  const topics = readTopics(index, registry);
  const connectors = readConnectors(index, registry);
  const links = readLinks(index, registry);
  const access = readAccess(index, registry, topics);
  return { index, clusters: registry.clusters, topics, connectors, links, ...access };
}
