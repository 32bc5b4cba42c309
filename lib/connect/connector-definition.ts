/**
 * The intent model shared by both backends: a catalog entry describes what a connector does
 * (class, keys, topics, secrets) and renders its configuration for MSK Connect or Confluent Cloud.
 */
import { isUnresolved } from "../core/resource-metadata";
import { failWith } from "../errors";
import { ConnectorDirection } from "../standards/connect";
import { KafkaTopic } from "../topic/kafka-topic";
import { ConnectorSecret } from "./connector-secret";

/** The backend a connector is rendered for. */
export type ConnectBackend = "msk" | "confluent";

/** How record keys and values are serialized, chosen by the schema registry binding. */
export interface ConverterSettings {
  /** `schema-registry` (Avro in a registry), `json` (JSON with schemas) or `bytes` (replication). */
  readonly format: "schema-registry" | "json" | "bytes";
  /** Self-managed Connect: `key.converter*` and `value.converter*` keys. */
  readonly converterConfig: Readonly<Record<string, string>>;
  /** Confluent Cloud managed connectors: the data format keyword (`AVRO`, `JSON_SR`, `JSON`). */
  readonly managedDataFormat: string;
}

/** What a catalog entry needs to render itself. */
export interface RenderContext {
  /** Backend. */
  readonly backend: ConnectBackend;
  /** Connector name. */
  readonly connectorName: string;
  /** Construct path, for error messages. */
  readonly path: string;
  /** Cluster name. */
  readonly clusterName: string;
  /** MSK: the IAM bootstrap brokers (a reference), for clients the connector opens itself. */
  readonly bootstrapServers?: string;
  /** Converters chosen for the connector. */
  readonly converters: ConverterSettings;
}

/** A topic the connector writes or reads that is not one of its declared data topics. */
export interface InternalTopicAccess {
  /** Topic name. */
  readonly name: string;
  /** The connector creates it (needs CreateTopic) or it is declared elsewhere. */
  readonly create: boolean;
  /** Read, write or both. */
  readonly access: "read" | "write" | "read-write";
}

/** Kafka access a connector needs on a cluster other than the one it runs on (MirrorMaker 2). */
export interface RemoteClusterAccess {
  /** ARN of the remote MSK cluster (IAM grants are scoped to it). */
  readonly clusterArn: string;
  /** Topics read on it. */
  readonly readTopics: readonly string[];
  /** Topics written on it. */
  readonly writeTopics: readonly string[];
  /** Consumer groups described on it. */
  readonly describeGroups: readonly string[];
}

/** A connector rendered for one backend. */
export interface RenderedConnector {
  /** `connector.class`. */
  readonly connectorClass: string;
  /** Non-secret configuration, without the keys the construct adds (name, class, errors, converters, tasks). */
  readonly config: Readonly<Record<string, string>>;
  /** Secret configuration: key → secret. */
  readonly secrets: Readonly<Record<string, ConnectorSecret>>;
  /** Every key the connector knows, for validating the caller's extra `config`. */
  readonly knownKeys: readonly string[];
  /** Upper bound of `tasks.max` (e.g. 1 for Debezium Db2). */
  readonly maxTasks?: number;
  /** `tasks.max` when the caller gives none. */
  readonly defaultTasks: number;
  /** The converters are the connector's own choice (MirrorMaker 2 copies bytes). */
  readonly fixedConverters?: Readonly<Record<string, string>>;
  /** Managed (Confluent Cloud) connectors take data formats instead of converters. */
  readonly usesManagedDataFormats?: boolean;
  /** Internal topics it needs (schema history, MM2 offset syncs…). */
  readonly internalTopics: readonly InternalTopicAccess[];
  /** Access on other clusters. */
  readonly remoteClusters: readonly RemoteClusterAccess[];
  /** Consumer groups it uses besides a sink's own (MM2 checkpoints: the groups it syncs). */
  readonly groups: readonly string[];
  /**
   * Weakenings the caller chose through a named prop, with their reasons: recorded in the
   * connector's metadata and shown in the audit report as suppressed findings of these rules.
   */
  readonly weakenings?: readonly {
    readonly prop: string;
    readonly reason: string;
    readonly rules: readonly string[];
  }[];
}

/**
 * A connector of the catalog. Create one with a `ConnectorCatalog` factory and give it to
 * `new KafkaConnector(scope, id, { cluster, connector })`.
 */
export interface ConnectorDefinition {
  /** Catalog id, e.g. `debezium-db2-source`. */
  readonly catalogId: string;
  /** Source or sink. */
  readonly direction: ConnectorDirection;
  /** Topics it writes (source) or reads (sink), declared on the connector's cluster. */
  readonly topics: readonly KafkaTopic[];
  /** Backends it can be rendered for. */
  readonly backends: readonly ConnectBackend[];
  /** Where its keys were verified (shown in the docs and errors). */
  readonly sources: readonly string[];
  /** Renders the connector for a backend; throws `KafkaStandardsError` when the backend is not supported. */
  render(ctx: RenderContext): RenderedConnector;
}

/** Throws the catalog's prop error. */
export function catalogFail(prop: string, value: unknown, allowed: string, fix: string, path?: string): never {
  return failWith("KSE-CONN-015", prop, value, allowed, fix, path);
}

/** Throws `KSE-CONN-008`: the catalog entry has no rendering for the connector's backend. */
export function unsupportedBackend(id: string, ctx: RenderContext, allowed: string, fix: string): never {
  return failWith("KSE-CONN-008", "connector", `${id} on ${ctx.backend}`, allowed, fix, ctx.path);
}

/** A non-empty string (or an unresolved token). */
export function requireString(value: unknown, prop: string, pattern?: RegExp, allowed?: string): string {
  if (isUnresolved(value)) return value as string;
  if (typeof value !== "string" || value.trim().length === 0 || (pattern && !pattern.test(value))) {
    catalogFail(prop, value, allowed ?? "a non-empty string", `Set ${prop}.`);
  }
  return value as string;
}

/** An optional positive integer within bounds, rendered as a string, or undefined. */
export function optionalInt(value: unknown, prop: string, min: number, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    catalogFail(prop, value, `an integer from ${min} to ${max}`, `Give ${prop} as a whole number.`);
  }
  return String(value);
}

/** One of a closed set of values. */
export function requireOneOf<T extends string>(value: unknown, prop: string, values: readonly T[]): T {
  if (typeof value !== "string" || !(values as readonly string[]).includes(value)) {
    catalogFail(prop, value, values.join(", "), `Pick one of ${values.join(", ")}.`);
  }
  return value as T;
}

/** Topics given to a catalog entry: at least one KafkaTopic, all on one cluster. */
export function requireTopics(value: unknown, prop: string): readonly KafkaTopic[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((t) => t instanceof KafkaTopic)) {
    catalogFail(
      prop,
      Array.isArray(value) ? `${value.length} item(s)` : value,
      "at least one KafkaTopic (from cluster.addTopic)",
      "Declare the topics on the connector's cluster and pass them.",
    );
  }
  const topics = value as KafkaTopic[];
  if (new Set(topics.map((t) => t.cluster)).size > 1) {
    catalogFail(
      prop,
      topics.map((t) => t.topicName),
      "topics of one cluster",
      "Give topics of one cluster.",
    );
  }
  return topics;
}

/** A Java-regex literal that matches exactly `value` (dots and other metacharacters escaped). */
export function exactRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A transform alias: letters, digits and `_` (Connect splits `transforms` on commas). */
export function transformAlias(prefix: string, value: string): string {
  return `${prefix}_${value.replace(/[^A-Za-z0-9]+/g, "_")}`.slice(0, 64);
}

/**
 * Appends one transform (and its predicate, when given) to a configuration, keeping the
 * `transforms` / `predicates` lists in order.
 */
export function addTransform(
  config: Record<string, string>,
  alias: string,
  settings: Readonly<Record<string, string>>,
  predicate?: { readonly alias: string; readonly settings: Readonly<Record<string, string>> },
): void {
  config.transforms = config.transforms ? `${config.transforms},${alias}` : alias;
  for (const [k, v] of Object.entries(settings)) config[`transforms.${alias}.${k}`] = v;
  if (predicate) {
    config[`transforms.${alias}.predicate`] = predicate.alias;
    if (!(config.predicates ?? "").split(",").includes(predicate.alias)) {
      config.predicates = config.predicates ? `${config.predicates},${predicate.alias}` : predicate.alias;
      for (const [k, v] of Object.entries(predicate.settings)) config[`predicates.${predicate.alias}.${k}`] = v;
    }
  }
}

/** Kafka Connect framework keys every connector accepts (apache/kafka ConnectorConfig 3.7.1). */
export const CONNECT_FRAMEWORK_KEYS: readonly string[] = Object.freeze([
  "name",
  "connector.class",
  "tasks.max",
  "key.converter",
  "value.converter",
  "header.converter",
  "transforms",
  "predicates",
  "config.action.reload",
  "errors.retry.timeout",
  "errors.retry.delay.max.ms",
  "errors.tolerance",
  "errors.log.enable",
  "errors.log.include.messages",
]);

/** Framework keys of sink connectors (apache/kafka SinkConnectorConfig 3.7.1). */
export const CONNECT_SINK_KEYS: readonly string[] = Object.freeze([
  "topics",
  "topics.regex",
  "errors.deadletterqueue.topic.name",
  "errors.deadletterqueue.topic.replication.factor",
  "errors.deadletterqueue.context.headers.enable",
]);

/** Framework keys of source connectors (apache/kafka SourceConnectorConfig 3.7.1). */
export const CONNECT_SOURCE_KEYS: readonly string[] = Object.freeze([
  "topic.creation.groups",
  "exactly.once.support",
  "transaction.boundary",
  "transaction.boundary.interval.ms",
  "offsets.storage.topic",
]);

/** Prefixes of keys that configure nested components (transforms, converters, client overrides). */
export const CONNECT_PREFIX_KEYS: readonly string[] = Object.freeze([
  "transforms.",
  "predicates.",
  "key.converter.",
  "value.converter.",
  "header.converter.",
  "producer.override.",
  "consumer.override.",
  "admin.override.",
  "topic.creation.",
]);
