/**
 * The live inventory as the Java inspector (`kafkastandards.loadtest.Inspect`) prints it, one JSON
 * line of type `inventory`. Everything is read with describe/list Admin calls only.
 */

/** One broker as `describeCluster` reports it. */
export interface LiveBroker {
  readonly id: number;
  readonly host: string;
  readonly port: number;
  readonly rack: string | null;
}

/** Non-default configuration of one broker (`describeConfigs`; sensitive values are `<sensitive>`). */
export interface LiveBrokerConfig {
  readonly broker: number;
  readonly configs: Readonly<Record<string, string>>;
}

/** One partition of a topic. */
export interface LivePartition {
  readonly partition: number;
  /** Leader broker id; null when the partition is offline. */
  readonly leader: number | null;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
}

/** One topic. */
export interface LiveTopic {
  readonly name: string;
  readonly internal: boolean;
  readonly partitions: readonly LivePartition[];
  /** Topic-level overrides only (source DYNAMIC_TOPIC_CONFIG). */
  readonly configs: Readonly<Record<string, string>>;
  /** The effective min.insync.replicas (topic, broker or default). */
  readonly effectiveMinInsyncReplicas: number | null;
}

/** One ACL binding. */
export interface LiveAcl {
  readonly principal: string;
  readonly host: string;
  readonly operation: string;
  readonly permission: string;
  readonly resourceType: string;
  readonly resourceName: string;
  readonly patternType: string;
}

/** A SCRAM user: name and mechanisms, never credentials. */
export interface LiveScramUser {
  readonly name: string;
  readonly mechanisms: readonly string[];
}

/** One client quota entity and its values. */
export interface LiveQuota {
  /** Entity type (`user`, `client-id`, `ip`) → name; `<default>` for the default entity. */
  readonly entity: Readonly<Record<string, string>>;
  readonly values: Readonly<Record<string, number>>;
}

/** Committed and end offset of one partition for a group. */
export interface LiveGroupOffset {
  /** `topic/partition`. */
  readonly partition: string;
  readonly committed: number;
  readonly end: number | null;
  readonly lag: number;
}

/** One consumer group. */
export interface LiveConsumerGroup {
  readonly groupId: string;
  /** Group state (`Stable`, `Empty`, `Dead`, …). */
  readonly state: string;
  readonly members: number;
  /** Sum of the partitions' lag (end offset − committed offset). */
  readonly lag: number;
  readonly offsets: readonly LiveGroupOffset[];
}

/** End offsets and replica sizes at the start and end of the sampling window. */
export interface LiveWindow {
  readonly seconds: number;
  /** Per partition (`topic/partition`); null where the partition had no leader. */
  readonly offsets: readonly { partition: string; endStart: number | null; endEnd: number | null }[];
  /** Per replica (`topic/partition@broker`), from describeLogDirs. */
  readonly logDirs: readonly { replica: string; bytesStart: number | null; bytesEnd: number | null }[];
}

/** The whole inventory. */
export interface LiveInventory {
  readonly type: "inventory";
  readonly clusterId: string;
  readonly controller: number | null;
  readonly brokers: readonly LiveBroker[];
  /** `kraft` when describeMetadataQuorum answers, else `zookeeper`. */
  readonly mode: "kraft" | "zookeeper";
  /** Finalized `metadata.version` feature level (KRaft), when readable. */
  readonly metadataVersionLevel?: number | null;
  readonly brokerConfigs: readonly LiveBrokerConfig[];
  readonly topics: readonly LiveTopic[];
  /** Null when ACLs cannot be read (no authorizer, or not authorized). */
  readonly acls: readonly LiveAcl[] | null;
  readonly scramUsers: readonly LiveScramUser[] | null;
  readonly quotas: readonly LiveQuota[] | null;
  readonly consumerGroups: readonly LiveConsumerGroup[];
  readonly window: LiveWindow;
  /** Reads that failed without failing the inventory (e.g. not authorized to describe ACLs). */
  readonly warnings: readonly string[];
}

/** The inspector's other lines. */
export type InspectorMessage =
  | LiveInventory
  | { readonly type: "progress"; readonly step: string }
  | { readonly type: "error"; readonly kind: "unreachable" | "unauthorized" | "failed"; readonly message: string };
