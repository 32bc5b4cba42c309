/**
 * Naming conventions and the tags the standard writes on every resource.
 */

/**
 * Tag keys the library writes and the audit reads. Using common keys lets the audit classify
 * resources of estates that were never built with this library.
 */
export const STANDARD_TAG_KEYS = Object.freeze({
  /** Environment tier: dev, staging or prod. */
  tier: "Environment",
  /** Owning team: SOX traceability of changes. */
  owner: "Owner",
  /** Tool that manages the resource. */
  managedBy: "ManagedBy",
  /** Data classification, e.g. `personal` for GDPR scope. */
  dataClassification: "DataClassification",
});

/** Value of the ManagedBy tag. */
export const MANAGED_BY = "cdktf-kafka-standards";

/**
 * Resource names: lower-case letters, digits and hyphens, starting with a letter.
 * MSK cluster names allow 1–64 characters of `[a-zA-Z0-9-]` starting with a letter (CreateClusterV2 API);
 * the standard narrows that to lower case so names are stable across tools.
 */
export const RESOURCE_NAME_PATTERN = /^[a-z][a-z0-9-]{0,63}$/;

/** Maximum MSK cluster name length (CreateClusterV2 API). */
export const MSK_CLUSTER_NAME_MAX_LENGTH = 64;

/**
 * Topic names: `<domain>.<dataset>[.<qualifier>...]`, lower case, dot-separated segments of
 * letters, digits and hyphens (2 to 5 segments). Dots and underscores collide in Kafka metric
 * names, so underscores are not allowed.
 */
export const TOPIC_NAME_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*){1,4}$/;

/**
 * One segment of a generated topic name (a pipeline's or migration's name, domain and region in
 * `<domain>.<name>-<dataset>.<region>`): lower case, letters, digits and hyphens.
 */
export const TOPIC_SEGMENT_PATTERN = /^[a-z][a-z0-9-]{0,40}$/;

/** Kafka's own limit on topic name length. */
export const TOPIC_NAME_MAX_LENGTH = 249;

/** Prefix MSK requires on Secrets Manager secrets used for SASL/SCRAM. */
export const MSK_SCRAM_SECRET_PREFIX = "AmazonMSK_";

/** Build the standard resource name `<name>-<tier>` (used for clusters, keys, log groups). */
export function resourceName(name: string, tier: string): string {
  return `${name}-${tier}`;
}

/**
 * Key under a synthesized resource's `"//"` comment object where the library records what the audit
 * needs and Terraform cannot hold (Terraform ignores `"//"` in JSON configuration):
 * `{ "//": { "kafka-standards": { "tier": "prod", "class": "events", "retire": "…" } } }`.
 */
export const RESOURCE_METADATA_KEY = "kafka-standards";

/** Shape of the metadata the library records on each resource it creates. */
export interface ResourceMetadata {
  /** Environment tier of the resource. */
  readonly tier?: string;
  /** Topic class (topics only). */
  readonly class?: string;
  /** Reason a prod topic is being retired (deletion allowed). */
  readonly retire?: string;
  /** Where a retired topic's records were archived. */
  readonly archive?: string;
  /** Escape hatches used to weaken the standard, by prop name, with the reason given. */
  readonly overrides?: Readonly<Record<string, string>>;
  /** Kind of construct that created it, e.g. `MskCluster`. */
  readonly construct?: string;
  /** Name of the Kafka cluster the resource belongs to. */
  readonly cluster?: string;
  /** Alarm id from the standard's thresholds (alarms only). */
  readonly alarm?: string;
  /** Alarm severity (alarms and escalation topics). */
  readonly severity?: string;
  /** Runbook link of an alarm. */
  readonly runbook?: string;
  /** Broker id an alarm watches. */
  readonly broker?: number;
  /** Consumer group and topic a lag alarm watches. */
  readonly consumerGroup?: string;
  /** Topic a lag alarm watches. */
  readonly topic?: string;
  /** Data pipeline a connector, topic or alarm belongs to. */
  readonly pipeline?: string;
  /** Connector an alarm or resource belongs to. */
  readonly connector?: string;
  /** Name prefix of the escalation topics an alarm notifies (`<prefix>-alarms-<severity>`). */
  readonly escalation?: string;
}

/** Kafka bootstrap servers as clients take them: `host:port[,host:port…]`. */
export const BOOTSTRAP_SERVERS_PATTERN = /^[^\s,]+:\d+(,[^\s,]+:\d+)*$/;
