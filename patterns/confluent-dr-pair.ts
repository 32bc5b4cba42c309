import { Construct } from "constructs";
import { ClusterLink } from "../lib/providers/confluent/cluster-link";
import { KafkaMirrorTopic } from "../lib/providers/confluent/kafka-mirror-topic";
import { ConfluentCluster } from "../lib/confluent/confluent-cluster";
import { KafkaApplication } from "../lib/access/kafka-application";
import { failWith } from "../lib/errors";
import { recordMetadata } from "../lib/core/resource-metadata";
import { StackArtifacts } from "../lib/core/stack-artifacts";
import { outputName } from "../lib/core/outputs";
import { renderFailoverRunbook } from "./failover-runbook";
import { DEFAULT_DR_OBJECTIVES, DrObjectives, DrPairIntentProps, IDrPair, grantedGroups } from "./dr-pair";

/** Properties of a {@link ConfluentDrPair}: the shared DR intent plus the two Confluent clusters and the link. */
export interface ConfluentDrPairProps extends DrPairIntentProps {
  /** The cluster applications use today. */
  readonly primary: ConfluentCluster;
  /** The standby cluster, in another region; Dedicated or Enterprise (cluster-link destinations). */
  readonly dr: ConfluentCluster;
  /**
   * Cluster link name.
   * @default "<primary cluster>-to-<dr cluster>"
   */
  readonly linkName?: string;
}

/** Cluster types that can be the destination of a cluster link. */
const DESTINATION_KINDS = ["dedicated", "enterprise"];

/**
 * Multi-site disaster recovery on Confluent Cloud: a cluster link from the primary to a standby
 * cluster with a mirror topic per protected topic and consumer-offset sync, plus a generated
 * failover / failback runbook and continuity test plan (`runbooks/<link>-failover.md`).
 *
 * Mirror topics are read-only until failover; failing over is a change of their `status` to
 * `FAILED_OVER` (or `PROMOTED` when the primary is healthy), applied with Terraform or the Confluent
 * CLI as the runbook describes.
 *
 * @example
 * import { ConfluentCluster, ConfluentClusterType, ConfluentNetworking } from "cdktf-kafka-standards";
 * import { ConfluentDrPair } from "cdktf-kafka-standards/patterns";
 *
 * const standby = new ConfluentCluster(stack, "orders-dr", {
 *   clusterName: "orders-dr",
 *   tier: "prod",
 *   cloud: "AWS",
 *   region: "eu-west-1",
 *   clusterType: ConfluentClusterType.dedicated({ cku: 2 }),
 *   networking: ConfluentNetworking.privateLink({ allowedAccounts: ["123456789012"] }),
 * });
 * new ConfluentDrPair(stack, "OrdersDr", {
 *   primary: confluentCluster,
 *   dr: standby,
 *   topics: [confluentCluster.addTopic("orders.created", { partitions: 6 })],
 *   objectives: { rpoSeconds: 30, rtoMinutes: 20 },
 * });
 *
 * @see https://docs.confluent.io/cloud/current/multi-cloud/cluster-linking/dr-failover.html
 */
export class ConfluentDrPair extends Construct implements IDrPair {
  /** The cluster link (on the DR cluster, destination mode). */
  public readonly link: ClusterLink;
  /** Mirror topics on the DR cluster, by topic name. */
  public readonly mirrors: Readonly<Record<string, KafkaMirrorTopic>>;
  /** The link name. */
  public readonly linkName: string;
  /** Applications of the standby that mirror the primary's grants, by name (empty with `standbyAccess: false`). */
  public readonly standbyApplications: Readonly<Record<string, KafkaApplication>>;
  /** Name of the primary cluster. */
  public readonly primaryClusterName: string;
  /** Name of the standby cluster. */
  public readonly standbyClusterName: string;
  /** Names of the mirrored topics. */
  public readonly protectedTopics: readonly string[];
  /** Consumer groups whose offsets are synced. */
  public readonly consumerGroups: readonly string[];
  /** The objectives in force. */
  public readonly objectives: DrObjectives;

  constructor(scope: Construct, id: string, props: ConfluentDrPairProps) {
    super(scope, id);
    const { primary, dr } = props;
    const path = this.node.path;
    if (!DESTINATION_KINDS.includes(dr.clusterType.kind)) {
      failWith(
        "KSE-PAT-001",
        "dr",
        dr.clusterType.kind,
        "a Dedicated or Enterprise cluster (cluster-link destinations)",
        "Create the standby with ConfluentClusterType.dedicated({ cku }) or .enterprise().",
        path,
      );
    }
    if (primary === dr) {
      failWith(
        "KSE-PAT-002",
        "dr",
        dr.clusterName,
        "a cluster other than the primary",
        "Create a standby cluster in another region.",
        path,
      );
    }
    if (props.topics.length === 0) {
      failWith("KSE-PAT-003", "topics", [], "at least one topic of the primary", "List the topics to protect.", path);
    }
    for (const t of props.topics) {
      if (t.cluster !== primary) {
        failWith(
          "KSE-PAT-003",
          "topics",
          t.topicName,
          `topics of the primary cluster ${primary.clusterName}`,
          "Mirror topics declared on the primary.",
          path,
        );
      }
    }
    const objectives = props.objectives ?? DEFAULT_DR_OBJECTIVES;
    if (!(objectives.rpoSeconds > 0) || !(objectives.rtoMinutes > 0)) {
      failWith(
        "KSE-PAT-004",
        "objectives",
        objectives,
        "positive RPO seconds and RTO minutes",
        "Give the agreed objectives.",
        path,
      );
    }
    this.linkName = props.linkName ?? `${primary.clusterName}-to-${dr.clusterName}`;
    const groups =
      props.consumerGroups ?? grantedGroups(primary.access.all, new Set(props.topics.map((t) => t.topicName)));
    this.primaryClusterName = primary.clusterName;
    this.standbyClusterName = dr.clusterName;
    this.protectedTopics = props.topics.map((t) => t.topicName);
    this.consumerGroups = groups;
    this.objectives = objectives;
    const meta = { tier: dr.tier, construct: "ConfluentDrPair", cluster: dr.clusterName };

    this.link = new ClusterLink(this, "Link", {
      linkName: this.linkName,
      linkMode: "DESTINATION",
      sourceKafkaCluster: {
        id: primary.clusterId,
        bootstrapEndpoint: primary.bootstrapEndpoint,
        credentials: { ...primary.kafkaCredentials },
      },
      destinationKafkaCluster: {
        id: dr.clusterId,
        restEndpoint: dr.restEndpoint,
        credentials: { ...dr.kafkaCredentials },
      },
      config: {
        "consumer.offset.sync.enable": String(groups.length > 0),
        ...(groups.length > 0
          ? {
              "consumer.offset.group.filters": JSON.stringify({
                groupFilters: groups.map((g) => ({ name: g, patternType: "LITERAL", filterType: "INCLUDE" })),
              }),
            }
          : {}),
      },
      lifecycle: dr.tier === "prod" ? { preventDestroy: true } : undefined,
    });
    recordMetadata(this.link, meta);

    const mirrors: Record<string, KafkaMirrorTopic> = {};
    for (const t of props.topics) {
      const m = new KafkaMirrorTopic(this, `Mirror-${t.topicName}`, {
        sourceKafkaTopic: { topicName: t.topicName },
        clusterLink: { linkName: this.link.linkName },
        kafkaCluster: { id: dr.clusterId, restEndpoint: dr.restEndpoint, credentials: { ...dr.kafkaCredentials } },
        lifecycle: dr.tier === "prod" ? { preventDestroy: true } : undefined,
      });
      recordMetadata(m, { ...meta, class: t.spec.topicClass.name });
      mirrors[t.topicName] = m;
    }
    this.mirrors = mirrors;
    this.standbyApplications =
      props.standbyAccess === false ? {} : mirrorAccess(primary, dr, new Set(props.topics.map((t) => t.topicName)));

    const linkName = this.linkName;
    const standbyApps = Object.keys(this.standbyApplications).sort();
    StackArtifacts.of(this).add({
      name: `dr-${linkName}`,
      order: 27,
      produce: () => [
        {
          path: `runbooks/${linkName}-failover.md`,
          content: renderFailoverRunbook({
            linkName,
            primary: primary.clusterName,
            dr: dr.clusterName,
            topics: props.topics.map((t) => t.topicName),
            groups,
            objectives,
            drClusterIdOutput: outputName(dr, "cluster_id"),
            drEnvironmentIdOutput: outputName(dr, "environment_id"),
            drBootstrapOutput: outputName(dr, "bootstrap_endpoint"),
            standbyApplications: standbyApps.map((name) => ({
              name,
              serviceAccount: dr.application(name)!.serviceAccountName,
              apiKeyOutput: dr.credentialOutputs
                ? outputName(dr, `${name.replace(/[^A-Za-z0-9_]/g, "_")}_api_key`)
                : undefined,
              apiSecretOutput: dr.credentialOutputs
                ? outputName(dr, `${name.replace(/[^A-Za-z0-9_]/g, "_")}_api_secret`)
                : undefined,
            })),
            standbyAccess: props.standbyAccess !== false,
          }),
        },
      ],
    });
  }
}

/**
 * Mirrors the primary's grants on the given topics onto the standby: for each application of the
 * primary granted on one of them, the standby application of the same name (created with the same
 * profiles when missing) gets the same produce and consume rights on the standby.
 */
function mirrorAccess(
  primary: ConfluentCluster,
  dr: ConfluentCluster,
  topics: ReadonlySet<string>,
): Record<string, KafkaApplication> {
  const out: Record<string, KafkaApplication> = {};
  for (const app of primary.access.all) {
    const produces = app.produces.filter((t) => topics.has(t));
    const consumes = app.consumes.filter((c) => topics.has(c.topic));
    if (produces.length === 0 && consumes.length === 0) continue;
    const standby =
      dr.access.get(app.name) ??
      dr.addApplication(app.name, { producerProfile: app.producerProfile, consumerProfile: app.consumerProfile });
    for (const t of produces) dr.access.grantProduceOn(t, standby);
    for (const c of consumes) dr.access.grantConsumeOn(c.topic, standby, c.group);
    out[app.name] = standby;
  }
  return out;
}
