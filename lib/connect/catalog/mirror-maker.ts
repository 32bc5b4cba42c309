/**
 * MirrorMaker 2's three connectors, usable on their own (a DR pattern composes them): each runs on
 * the TARGET cluster's Connect and reads the source cluster over IAM.
 *
 * Keys: apache/kafka 3.7.1 `connect/mirror/src/main/java/org/apache/kafka/connect/mirror/`
 * `MirrorConnectorConfig`, `MirrorSourceConfig`, `MirrorCheckpointConfig`, `MirrorHeartbeatConfig`,
 * `DefaultTopicFilter`, `DefaultGroupFilter`, and `mirror-client/MirrorClientConfig`
 * (patterns-facts A2). IAM client settings: aws-samples/mirrormaker2-msk-migration
 * `Configuration/connectors/iam/mm2-{msc,cpc,hbc}-iam-auth.json`.
 */
import { CONNECT_CONVERTERS } from "../../standards/connect";
import {
  CONNECT_FRAMEWORK_KEYS,
  CONNECT_SOURCE_KEYS,
  ConnectorDefinition,
  InternalTopicAccess,
  RenderContext,
  RenderedConnector,
  RemoteClusterAccess,
  catalogFail,
  exactRegex,
  optionalInt,
  requireOneOf,
  requireString,
  unsupportedBackend,
} from "../connector-definition";
import { mskIamClientSettings } from "./common";

/** The cluster MirrorMaker 2 reads from. */
export interface MirrorSourceCluster {
  /** Alias of the source cluster (`source.cluster.alias`), e.g. `primary`. */
  readonly alias: string;
  /** Its IAM bootstrap brokers (port 9098), e.g. `primaryCluster.bootstrapBrokersSaslIam`. */
  readonly bootstrapServers: string;
  /** Its ARN: the connector's role is granted read access on exactly its topics and groups. */
  readonly clusterArn: string;
}

/** Naming of replicated topics (`replication.policy.class`). */
export type MirrorReplicationPolicy = "identity" | "prefixed";

/** What all three connectors share. */
export interface MirrorCommonProps {
  /** The source cluster. */
  readonly source: MirrorSourceCluster;
  /** Alias of the target cluster (`target.cluster.alias`), e.g. `dr`. */
  readonly targetAlias: string;
  /**
   * `identity` keeps topic names (IdentityReplicationPolicy, Kafka ≥ 3.0; active-passive DR);
   * `prefixed` names them `<source alias>.<topic>` (DefaultReplicationPolicy). Set it identically
   * on all three connectors.
   * @default "identity"
   */
  readonly replicationPolicy?: MirrorReplicationPolicy;
}

/** Properties of the MirrorSourceConnector (records and topic configurations). */
export interface MirrorSourceProps extends MirrorCommonProps {
  /** Topic names on the source to replicate (exact names). */
  readonly topics: readonly string[];
  /**
   * Replication factor of the topics it creates on the target (`replication.factor`; MM2's default is 2).
   * @default 3
   */
  readonly replicationFactor?: number;
  /**
   * `refresh.topics.interval.seconds`.
   * @default 60
   */
  readonly refreshTopicsIntervalSeconds?: number;
  /**
   * `tasks.max`: at most the number of source partitions.
   * @default the number of topics
   */
  readonly tasks?: number;
}

/** Properties of the MirrorCheckpointConnector (consumer offsets). */
export interface MirrorCheckpointProps extends MirrorCommonProps {
  /** Consumer groups whose offsets are translated and synced to the target (exact names). */
  readonly groups: readonly string[];
  /** Topics the groups read (for the role's grants on the source). */
  readonly topics: readonly string[];
  /**
   * `emit.checkpoints.interval.seconds` and `sync.group.offsets.interval.seconds`.
   * @default 20
   */
  readonly intervalSeconds?: number;
}

/** Properties of the MirrorHeartbeatConnector. */
export interface MirrorHeartbeatProps extends MirrorCommonProps {
  /**
   * `emit.heartbeats.interval.seconds`.
   * @default 1 (MM2's default)
   */
  readonly intervalSeconds?: number;
}

const POLICIES: Record<MirrorReplicationPolicy, string> = {
  identity: "org.apache.kafka.connect.mirror.IdentityReplicationPolicy",
  prefixed: "org.apache.kafka.connect.mirror.DefaultReplicationPolicy",
};

const MIRROR_KEYS: readonly string[] = Object.freeze([
  ...CONNECT_FRAMEWORK_KEYS,
  ...CONNECT_SOURCE_KEYS,
  "source.cluster.alias",
  "target.cluster.alias",
  "replication.policy.class",
  "replication.policy.separator",
  "topics",
  "topics.exclude",
  "groups",
  "groups.exclude",
  "replication.factor",
  "offset-syncs.topic.replication.factor",
  "offset-syncs.topic.location",
  "offset.lag.max",
  "refresh.topics.enabled",
  "refresh.topics.interval.seconds",
  "sync.topic.configs.enabled",
  "sync.topic.configs.interval.seconds",
  "sync.topic.acls.enabled",
  "sync.topic.acls.interval.seconds",
  "emit.checkpoints.enabled",
  "emit.checkpoints.interval.seconds",
  "sync.group.offsets.enabled",
  "sync.group.offsets.interval.seconds",
  "refresh.groups.enabled",
  "refresh.groups.interval.seconds",
  "checkpoints.topic.replication.factor",
  "emit.heartbeats.enabled",
  "emit.heartbeats.interval.seconds",
  "heartbeats.topic.replication.factor",
  "config.properties.exclude",
]);

/** Prefixes MM2 passes to its clients (MirrorClientConfig, MirrorConnectorConfig). */
export const MIRROR_PREFIX_KEYS: readonly string[] = Object.freeze([
  "source.cluster.",
  "target.cluster.",
  "source.consumer.",
  "source.producer.",
  "source.admin.",
  "target.consumer.",
  "target.producer.",
  "target.admin.",
]);

/** Names of MM2's internal topics (MirrorClientConfig / DefaultReplicationPolicy). */
export const MIRROR_INTERNAL_TOPICS = Object.freeze({
  heartbeats: "heartbeats",
  /**
   * `mm2-offset-syncs.<other cluster alias>.internal`, where the other cluster is the one the topic does
   * not live on: the SOURCE's alias with `offset-syncs.topic.location=target`, as this catalog sets it
   * (apache/kafka MirrorSourceConfig / MirrorCheckpointConfig `offsetSyncsTopic()`).
   */
  offsetSyncs: (otherAlias: string): string => `mm2-offset-syncs.${otherAlias}.internal`,
  checkpoints: (sourceAlias: string): string => `${sourceAlias}.checkpoints.internal`,
});

function checkCommon(props: MirrorCommonProps): MirrorReplicationPolicy {
  if (typeof props !== "object" || props === null) catalogFail("props", props, "an object", "Pass the props.");
  const alias = /^[A-Za-z0-9_-]{1,64}$/;
  if (typeof props.source !== "object" || props.source === null) {
    catalogFail("source", props.source, "{ alias, bootstrapServers, clusterArn }", "Describe the source cluster.");
  }
  requireString(props.source.alias, "source.alias", alias, "letters, digits, '_' or '-'");
  requireString(props.source.bootstrapServers, "source.bootstrapServers");
  requireString(props.source.clusterArn, "source.clusterArn", /^arn:aws[a-z-]*:kafka:/, "an MSK cluster ARN");
  requireString(props.targetAlias, "targetAlias", alias, "letters, digits, '_' or '-'");
  if (props.targetAlias === props.source.alias) {
    catalogFail("targetAlias", props.targetAlias, "an alias other than the source's", "Name the clusters apart.");
  }
  return requireOneOf(props.replicationPolicy ?? "identity", "replicationPolicy", ["identity", "prefixed"]);
}

function names(value: unknown, prop: string): readonly string[] {
  if (!Array.isArray(value) || value.length === 0) {
    catalogFail(prop, value, "at least one exact name", `List the ${prop} to replicate.`);
  }
  for (const [i, n] of (value as unknown[]).entries()) {
    requireString(n, `${prop}[${i}]`, /^[A-Za-z0-9._-]{1,249}$/, "a Kafka topic or group name");
  }
  return value as string[];
}

function mskOnly(ctx: RenderContext, id: string): void {
  if (ctx.backend !== "msk") {
    unsupportedBackend(
      id,
      ctx,
      "MSK Connect (on Confluent Cloud, replicate with cluster links: ConfluentDrPair)",
      "Use ConfluentDrPair on Confluent Cloud.",
    );
  }
}

/** Settings every MM2 connector gets: aliases, bootstraps, IAM for both clusters, policy, byte converters. */
function common(props: MirrorCommonProps, policy: MirrorReplicationPolicy, ctx: RenderContext): Record<string, string> {
  return {
    "source.cluster.alias": props.source.alias,
    "target.cluster.alias": props.targetAlias,
    "source.cluster.bootstrap.servers": props.source.bootstrapServers,
    "target.cluster.bootstrap.servers": ctx.bootstrapServers ?? "",
    ...mskIamClientSettings("source.cluster."),
    ...mskIamClientSettings("target.cluster."),
    "replication.policy.class": POLICIES[policy],
  };
}

const BYTES = Object.freeze({
  "key.converter": CONNECT_CONVERTERS.byteArray,
  "value.converter": CONNECT_CONVERTERS.byteArray,
  "header.converter": CONNECT_CONVERTERS.byteArray,
});

function rendered(
  cls: string,
  config: Record<string, string>,
  tasks: number,
  internalTopics: InternalTopicAccess[],
  remote: RemoteClusterAccess,
  groups: readonly string[] = [],
): RenderedConnector {
  return {
    connectorClass: `org.apache.kafka.connect.mirror.${cls}`,
    config,
    secrets: {},
    knownKeys: MIRROR_KEYS,
    defaultTasks: tasks,
    fixedConverters: BYTES,
    internalTopics,
    remoteClusters: [remote],
    groups,
  };
}

/** Target name of a replicated topic under a policy. */
export function replicatedTopicName(policy: MirrorReplicationPolicy, sourceAlias: string, topic: string): string {
  return policy === "identity" ? topic : `${sourceAlias}.${topic}`;
}

/**
 * MirrorSourceConnector: copies records and topic configurations of the listed topics from the
 * source cluster; offset syncs are written on the target (`offset-syncs.topic.location=target`) so
 * the source needs read access only; ACL sync off (IAM clusters authorize with IAM, not ACLs).
 */
export function mirrorSource(props: MirrorSourceProps): ConnectorDefinition {
  const policy = checkCommon(props);
  const topics = names(props.topics, "topics");
  const rf = optionalInt(props.replicationFactor, "replicationFactor", 3, 10) ?? "3";
  const refresh = optionalInt(props.refreshTopicsIntervalSeconds, "refreshTopicsIntervalSeconds", 10, 86_400) ?? "60";
  const tasks = Number(optionalInt(props.tasks, "tasks", 1, 1000) ?? topics.length);
  return {
    catalogId: "mirror-source",
    direction: "source",
    topics: [],
    backends: ["msk"],
    sources: ["apache/kafka 3.7.1 MirrorSourceConfig.java, MirrorConnectorConfig.java"],
    render(ctx) {
      mskOnly(ctx, "mirror-source");
      const config: Record<string, string> = {
        ...common(props, policy, ctx),
        topics: topics.map(exactRegex).join(","),
        "replication.factor": rf,
        "offset-syncs.topic.replication.factor": "3",
        "offset-syncs.topic.location": "target",
        "sync.topic.configs.enabled": "true",
        "sync.topic.acls.enabled": "false",
        "refresh.topics.interval.seconds": refresh,
      };
      const targets = topics.map((t) => replicatedTopicName(policy, props.source.alias, t));
      return rendered(
        "MirrorSourceConnector",
        config,
        tasks,
        [
          ...targets.map((name): InternalTopicAccess => ({ name, create: true, access: "write" })),
          { name: MIRROR_INTERNAL_TOPICS.offsetSyncs(props.source.alias), create: true, access: "read-write" },
        ],
        { clusterArn: props.source.clusterArn, readTopics: topics, writeTopics: [], describeGroups: [] },
      );
    },
  };
}

/**
 * MirrorCheckpointConnector: translates the listed groups' committed offsets and writes them to the
 * target's groups (`sync.group.offsets.enabled=true`), so consumers resume there after a failover.
 * Offsets are written only for groups with no active member on the target.
 */
export function mirrorCheckpoint(props: MirrorCheckpointProps): ConnectorDefinition {
  const policy = checkCommon(props);
  const groups = names(props.groups, "groups");
  const topics = names(props.topics, "topics");
  const interval = optionalInt(props.intervalSeconds, "intervalSeconds", 1, 3600) ?? "20";
  return {
    catalogId: "mirror-checkpoint",
    direction: "source",
    topics: [],
    backends: ["msk"],
    sources: ["apache/kafka 3.7.1 MirrorCheckpointConfig.java, MirrorCheckpointTask.java"],
    render(ctx) {
      mskOnly(ctx, "mirror-checkpoint");
      const config: Record<string, string> = {
        ...common(props, policy, ctx),
        groups: groups.map(exactRegex).join(","),
        // No `topics`: MirrorCheckpointConnector's ConfigDef does not declare it (Kafka 3.9 validation
        // refuses it, seen by test/integration/verify-connect.sh); checkpoints exist only for topics
        // with offset syncs, i.e. the replicated ones, so the listed groups are the filter.
        "emit.checkpoints.enabled": "true",
        "emit.checkpoints.interval.seconds": interval,
        "sync.group.offsets.enabled": "true",
        "sync.group.offsets.interval.seconds": interval,
        "refresh.groups.interval.seconds": "60",
        "checkpoints.topic.replication.factor": "3",
        "offset-syncs.topic.location": "target",
      };
      return rendered(
        "MirrorCheckpointConnector",
        config,
        1,
        [
          { name: MIRROR_INTERNAL_TOPICS.checkpoints(props.source.alias), create: true, access: "read-write" },
          { name: MIRROR_INTERNAL_TOPICS.offsetSyncs(props.source.alias), create: true, access: "read-write" },
          ...topics.map(
            (t): InternalTopicAccess => ({
              name: replicatedTopicName(policy, props.source.alias, t),
              create: false,
              access: "read",
            }),
          ),
        ],
        { clusterArn: props.source.clusterArn, readTopics: topics, writeTopics: [], describeGroups: groups },
        groups,
      );
    },
  };
}

/** MirrorHeartbeatConnector: writes heartbeats to the target's `heartbeats` topic (replication liveness). */
export function mirrorHeartbeat(props: MirrorHeartbeatProps): ConnectorDefinition {
  const policy = checkCommon(props);
  const interval = optionalInt(props.intervalSeconds, "intervalSeconds", 1, 3600) ?? "1";
  return {
    catalogId: "mirror-heartbeat",
    direction: "source",
    topics: [],
    backends: ["msk"],
    sources: ["apache/kafka 3.7.1 MirrorHeartbeatConfig.java"],
    render(ctx) {
      mskOnly(ctx, "mirror-heartbeat");
      const config: Record<string, string> = {
        ...common(props, policy, ctx),
        "emit.heartbeats.enabled": "true",
        "emit.heartbeats.interval.seconds": interval,
        "heartbeats.topic.replication.factor": "3",
      };
      return rendered(
        "MirrorHeartbeatConnector",
        config,
        1,
        [{ name: MIRROR_INTERNAL_TOPICS.heartbeats, create: true, access: "write" }],
        { clusterArn: props.source.clusterArn, readTopics: [], writeTopics: [], describeGroups: [] },
      );
    },
  };
}
