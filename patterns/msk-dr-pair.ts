import { Construct } from "constructs";
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { MskCluster } from "../lib/msk/msk-cluster";
import { KafkaTopic } from "../lib/topic/kafka-topic";
import { KafkaApplication } from "../lib/access/kafka-application";
import { MskConnector } from "../lib/connect/msk-connector";
import { MskConnectStack } from "../lib/connect/msk-connect-stack";
import { mirrorCheckpoint, mirrorHeartbeat, mirrorSource } from "../lib/connect/catalog/mirror-maker";
import { failWith } from "../lib/errors";
import { isUnresolved, standardTags } from "../lib/core/resource-metadata";
import { StackArtifacts } from "../lib/core/stack-artifacts";
import { addNamedOutput, outputName } from "../lib/core/outputs";
import { DR_LINK_FACTORS, DrLinkPlan, planDrLink } from "../lib/sizing/dr-link-plan";
import { DEFAULT_RUNBOOK_BASE } from "../lib/monitoring/msk-monitoring";
import { DrAlarmSpec, createDrAlarms, mirrorMakerAlarmSpecs, replicatorAlarmSpecs } from "../lib/monitoring/dr-alarms";
import { DEFAULT_DR_OBJECTIVES, DrObjectives, DrPairIntentProps, IDrPair, grantedGroups } from "./dr-pair";
import { DrEngine, MirrorMaker2EngineOptions } from "./dr-engine";
import { ReplicatorFlow } from "./msk-replicator-flow";
import { renderMskDrRunbook } from "./msk-dr-runbook";

/** The sites of a DR pair, for the inter-site plan. */
export interface DrSites {
  /**
   * Round-trip time between the primary's and the standby's region, milliseconds (measure it).
   * @default 50 across regions, 2 within one (DR_LINK_FACTORS; assumptions)
   */
  readonly rttMs?: number;
  /**
   * Bandwidth of the inter-site link available to replication, megabits per second.
   * @default - not limiting
   */
  readonly linkMbps?: number;
  /**
   * Peak bytes per second written to the replicated topics, after compression.
   * @default - from the primary's `workload` (its rate × peak factor ÷ compression, the replicated topics' share); 0 when it has none
   */
  readonly peakBytesPerSecond?: number;
}

/** The reverse direction of an active-active pair. */
export interface ActiveActiveOptions {
  /** Topics of the standby replicated to the primary: none may be a forward topic (that would loop). */
  readonly reverseTopics: readonly KafkaTopic[];
  /**
   * Consumer groups synced standby → primary.
   * @default - the groups granted on the reverse topics on the standby
   */
  readonly reverseConsumerGroups?: readonly string[];
  /** MirrorMaker 2 only: workers on the primary's MSK Connect for the reverse flow. */
  readonly reverseWorkers?: Omit<MirrorMaker2EngineOptions, "primaryCidr"> & {
    /** CIDR of the standby's VPC (the reverse workers reach its brokers on 9098). */
    readonly standbyCidr: string;
  };
}

/** Properties of an {@link MskDrPair}: the shared DR intent plus the clusters and the engine. */
export interface MskDrPairProps extends DrPairIntentProps {
  /** The cluster applications use today (IAM authentication). */
  readonly primary: MskCluster;
  /** The standby cluster (IAM authentication), in another region unless `crossRegion: false`. */
  readonly standby: MskCluster;
  /** How to replicate: `DrEngine.mirrorMaker2(...)` or `DrEngine.replicator(...)`. */
  readonly engine: DrEngine;
  /**
   * Name of the pair: replicator, connectors, alarms and runbook carry it (1–40 lower-case letters,
   * digits, hyphens). Part of resource names: changing it replaces the replication.
   * @default "<primary cluster>-dr"
   */
  readonly name?: string;
  /**
   * Refuse a standby in the primary's region (a regional outage would take both).
   * @default true
   */
  readonly crossRegion?: boolean;
  /**
   * The sites, for the inter-site plan; a plan that cannot meet the RPO throws KSE-DR-009.
   * @default - RTT assumed (DR_LINK_FACTORS), throughput from the primary's workload
   */
  readonly sites?: DrSites;
  /**
   * Active-active: also replicate `reverseTopics` from the standby to the primary. Refused unless
   * set; the two directions' topics must be disjoint.
   * @default - active-passive
   */
  readonly activeActive?: ActiveActiveOptions;
}

const NAME = /^[a-z][a-z0-9-]{0,39}$/;

function regionOf(cluster: MskCluster): string | undefined {
  const p = TerraformStack.of(cluster)
    .node.findAll()
    .find((c): c is AwsProvider => c instanceof AwsProvider);
  return p?.region;
}

function checkCluster(value: unknown, prop: string, path: string): MskCluster {
  if (!(value instanceof MskCluster)) {
    failWith("KSE-DR-001", prop, value, "an MskCluster", `Pass the ${prop} cluster.`, path);
  }
  if (!value.authentication.iam) {
    failWith(
      "KSE-DR-001",
      prop,
      value.clusterName,
      "a cluster with IAM authentication (MirrorMaker 2 on MSK Connect and MSK Replicator authenticate with IAM)",
      "Enable ClientAuthentication.iam() on it.",
      path,
    );
  }
  return value;
}

function checkTopics(value: unknown, cluster: MskCluster, prop: string, path: string): KafkaTopic[] {
  if (!Array.isArray(value) || value.length === 0) {
    failWith("KSE-DR-004", prop, value, `at least one topic of ${cluster.clusterName}`, "List the topics.", path);
  }
  for (const t of value as unknown[]) {
    if (!(t instanceof KafkaTopic) || t.cluster !== cluster) {
      failWith(
        "KSE-DR-004",
        prop,
        t instanceof KafkaTopic ? t.topicName : t,
        `KafkaTopics declared on ${cluster.clusterName}`,
        `Use ${cluster.clusterName}.addTopic(...).`,
        path,
      );
    }
  }
  return value as KafkaTopic[];
}

function checkGroups(value: unknown, prop: string, path: string): readonly string[] | undefined {
  if (value === undefined) return undefined;
  const ok =
    Array.isArray(value) &&
    value.every((g) => typeof g === "string" && /^[A-Za-z0-9._-]{1,249}$/.test(g)) &&
    new Set(value).size === value.length;
  if (!ok) {
    failWith("KSE-DR-008", prop, value, "distinct consumer group names", "List exact group names.", path);
  }
  return value as string[];
}

/** Checks objectives: positive, finite numbers (NaN, Infinity and strings refused). */
export function checkDrObjectives(value: unknown, path?: string): DrObjectives {
  const o = (value ?? DEFAULT_DR_OBJECTIVES) as DrObjectives;
  const good = (n: unknown): boolean => typeof n === "number" && Number.isFinite(n) && n > 0;
  if (typeof o !== "object" || o === null || !good(o.rpoSeconds) || !good(o.rtoMinutes)) {
    failWith(
      "KSE-DR-005",
      "objectives",
      value,
      "{ rpoSeconds, rtoMinutes }: positive finite numbers",
      "Give the agreed objectives, e.g. { rpoSeconds: 30, rtoMinutes: 20 }.",
      path,
    );
  }
  return o;
}

/**
 * Active-passive disaster recovery between two MSK clusters, with the same intent as
 * `ConfluentDrPair` (topics, consumer groups, objectives, standby access) and the engine as a choice:
 *
 * - `DrEngine.mirrorMaker2(...)`: MirrorMaker 2's source, checkpoint and heartbeat connectors on the
 *   standby's MSK Connect (`<standby stack>-connect`), identity replication (names kept), offset sync
 *   on, replication factor 3 for replicated and internal topics, byte-array converters, IAM to both
 *   clusters with a least-privilege role per connector (read-only on the primary: offset syncs live
 *   on the standby).
 * - `DrEngine.replicator(...)`: MSK Replicator in the standby's region, identical topic names,
 *   consumer-offset sync, an explicit starting position, a least-privilege execution role; across
 *   regions, the primary's cluster policy and multi-VPC connectivity.
 *
 * Every application granted on a replicated topic gets the same grants on the standby (same
 * principal), so a failover needs no new secret. Alarms derive from the RPO; a runbook
 * (`runbooks/<name>-failover.md`) covers planned failover, unplanned failover and failback with the pair's
 * outputs; an inter-site plan refuses an RPO the sites cannot meet (KSE-DR-009).
 *
 * @example
 * import { MskCluster } from "cdktf-kafka-standards";
 * import { DrEngine, MskDrPair } from "cdktf-kafka-standards/patterns";
 *
 * const standby = new MskCluster(stack, "orders-dr", {
 *   clusterName: "orders-dr",
 *   tier: "prod",
 *   vpcId: "vpc-0456",
 *   clientSubnetIds: ["subnet-d", "subnet-e", "subnet-f"],
 * });
 * const orders = cluster.addTopic("orders.created", { partitions: 6 });
 * new MskDrPair(stack, "OrdersDr", {
 *   primary: cluster,
 *   standby,
 *   topics: [orders],
 *   engine: DrEngine.replicator({ startingPosition: "EARLIEST" }),
 *   crossRegion: false,
 *   objectives: { rpoSeconds: 30, rtoMinutes: 20 },
 * });
 *
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/msk-replicator.html
 * @see https://kafka.apache.org/documentation/#georeplication
 */
export class MskDrPair extends Construct implements IDrPair {
  /** Name of the pair. */
  public readonly pairName: string;
  /** The engine. */
  public readonly engine: DrEngine;
  /** Name of the primary cluster. */
  public readonly primaryClusterName: string;
  /** Name of the standby cluster. */
  public readonly standbyClusterName: string;
  /** Names of the replicated topics. */
  public readonly protectedTopics: readonly string[];
  /** Consumer groups whose offsets are synced. */
  public readonly consumerGroups: readonly string[];
  /** The objectives in force. */
  public readonly objectives: DrObjectives;
  /** Applications of the standby that mirror the primary's grants, by name. */
  public readonly standbyApplications: Readonly<Record<string, KafkaApplication>>;
  /** The inter-site plan. */
  public readonly plan: DrLinkPlan;
  /** The replicator flows (replicator engine): forward, then reverse for active-active. */
  public readonly replicators: readonly ReplicatorFlow[];
  /** The MirrorMaker 2 connectors (mirrormaker2 engine): source, checkpoint, heartbeat per direction. */
  public readonly connectors: readonly MskConnector[];
  /** The alarms' definitions. */
  public readonly alarms: readonly DrAlarmSpec[];

  constructor(scope: Construct, id: string, props: MskDrPairProps) {
    const path = `${scope.node.path}/${id}`;
    if (typeof props !== "object" || props === null) {
      failWith("KSE-DR-001", "props", props, "{ primary, standby, topics, engine }", "Pass the props.", path);
    }
    const primary = checkCluster(props.primary, "primary", path);
    const standby = checkCluster(props.standby, "standby", path);
    if (primary === standby) {
      failWith(
        "KSE-DR-002",
        "standby",
        standby.clusterName,
        "a cluster other than the primary",
        "Create a standby cluster.",
        path,
      );
    }
    const crossRegion = props.crossRegion !== false;
    const [r1, r2] = [regionOf(primary), regionOf(standby)];
    if (crossRegion && r1 !== undefined && !isUnresolved(r1) && r1 === r2) {
      failWith(
        "KSE-DR-003",
        "standby",
        `${standby.clusterName} in ${r2}`,
        `a standby in a region other than the primary's (${r1})`,
        "Put the standby in its own stack with another region's AwsProvider, or set crossRegion: false for an in-region pair.",
        path,
      );
    }
    const topics = checkTopics(props.topics, primary, "topics", path);
    const objectives = checkDrObjectives(props.objectives, path);
    if (!(props.engine instanceof DrEngine)) {
      failWith(
        "KSE-DR-006",
        "engine",
        props.engine,
        "DrEngine.mirrorMaker2(...) or DrEngine.replicator(...)",
        "Choose the engine.",
        path,
      );
    }
    const name = props.name ?? `${primary.clusterName}-dr`;
    if (typeof name !== "string" || !NAME.test(name)) {
      failWith(
        "KSE-DR-012",
        "name",
        name,
        "1–40 lower-case letters, digits and hyphens, starting with a letter",
        "Set a short name.",
        path,
      );
    }
    const topicNames = topics.map((t) => t.topicName);
    const groups =
      checkGroups(props.consumerGroups, "consumerGroups", path) ??
      grantedGroups(primary.access.all, new Set(topicNames));
    const reverse = checkActiveActive(props, standby, topicNames, path);
    const engine = props.engine;
    const plan = planFor(props, primary, topics, engine, objectives, crossRegion);
    if (!plan.meetsRpo) {
      failWith(
        "KSE-DR-009",
        "objectives.rpoSeconds",
        objectives.rpoSeconds,
        `an RPO the sites can meet: ${plan.reason}`,
        "Add partitions or tasks, raise the link, or agree a larger RPO.",
        path,
      );
    }
    if (props.standbyAccess !== false) {
      // A SCRAM user's password lives in a secret associated with one cluster: the standby would hold
      // another secret, so "failover needs no new secret" would not hold. Refused, not half-mirrored.
      const scram = primary.access.all.find(
        (a) =>
          a.principal.kind === "scram-user" &&
          (a.produces.some((t) => topicNames.includes(t)) || a.consumes.some((c) => topicNames.includes(c.topic))),
      );
      if (scram) {
        failWith(
          "KSE-DR-013",
          "standbyAccess",
          `${scram.name} (SCRAM user ${scram.principal.name})`,
          "applications on replicated topics that authenticate with IAM roles or client certificates (the same principal on both clusters, no secret bound to one cluster)",
          "Move the application to an IAM role or a certificate, or set standbyAccess: false and provision its SCRAM user and secret on the standby yourself.",
          path,
        );
      }
    }
    super(scope, id);
    this.pairName = name;
    this.engine = engine;
    this.primaryClusterName = primary.clusterName;
    this.standbyClusterName = standby.clusterName;
    this.protectedTopics = topicNames;
    this.consumerGroups = groups;
    this.objectives = objectives;
    this.plan = plan;
    // The standby holds the same topics, declared under the standard (class, partitions, RF 3, min ISR)
    // before replication writes to them, instead of topics an engine creates with broker defaults.
    const standbyTopics = topics.map((t) => twinTopic(t, standby));
    this.standbyApplications = props.standbyAccess === false ? {} : mirrorMskAccess(primary, standby, standbyTopics);
    if (reverse) {
      const back = reverse.topics.map((t) => twinTopic(t, primary));
      if (props.standbyAccess !== false) mirrorMskAccess(standby, primary, back);
    }

    const tags = standardTags({ tier: standby.tier });
    const replicators: ReplicatorFlow[] = [];
    const connectors: MskConnector[] = [];
    let home: Construct;
    let alarms: DrAlarmSpec[];
    let connectorNames: { source: string; checkpoint: string; heartbeat: string } | undefined;
    const interval = engine.mirrorMaker2?.offsetSyncIntervalSeconds ?? 20;
    if (engine.kind === "replicator") {
      const o = engine.replicator!;
      home = new Construct(TerraformStack.of(standby), `DrPair-${name}`);
      const flow = (n: string, src: MskCluster, dst: MskCluster, t: readonly string[], g: readonly string[]) =>
        new ReplicatorFlow(home, n, {
          name: n === "Forward" ? name : `${name}-reverse`,
          source: src,
          target: dst,
          topics: t,
          groups: g,
          startingPosition: o.startingPosition,
          compression: o.compression,
          sourceSubnetIds: src === primary ? (o.primarySubnetIds ?? src.clientSubnetIds) : src.clientSubnetIds,
          targetSubnetIds: dst === standby ? (o.standbySubnetIds ?? dst.clientSubnetIds) : dst.clientSubnetIds,
          crossRegion,
          tags,
          tier: standby.tier,
        });
      replicators.push(flow("Forward", primary, standby, topicNames, groups));
      if (reverse) {
        // Its own stack in the primary's region: the primary's stack cannot reference the standby's
        // (the forward flow already makes the standby's stack depend on it).
        const back = new TerraformStack(App.of(primary), `${TerraformStack.of(primary).node.id}-${name}-reverse`);
        new AwsProvider(back, "aws", { region: regionOf(primary) });
        replicators.push(
          new ReplicatorFlow(back, "Reverse", {
            name: `${name}-reverse`,
            source: standby,
            target: primary,
            topics: reverse.topics.map((t) => t.topicName),
            groups: reverse.groups,
            startingPosition: o.startingPosition,
            compression: o.compression,
            sourceSubnetIds: standby.clientSubnetIds,
            targetSubnetIds: primary.clientSubnetIds,
            crossRegion,
            tags,
            tier: primary.tier,
          }),
        );
      }
      alarms = replicatorAlarmSpecs(name, objectives.rpoSeconds);
      addNamedOutput(home, "replicator_arn", replicators[0].replicator.arn, `ARN of MSK Replicator ${name}`);
    } else {
      const o = engine.mirrorMaker2!;
      const mm2 = (
        prefix: string,
        src: MskCluster,
        dst: MskCluster,
        t: readonly string[],
        g: readonly string[],
        w: Omit<MirrorMaker2EngineOptions, "primaryCidr">,
        cidr: string,
      ): { source: string; checkpoint: string; heartbeat: string } => {
        const common = {
          source: { alias: src.clusterName, bootstrapServers: src.bootstrapBrokersSaslIam, clusterArn: src.clusterArn },
          targetAlias: dst.clusterName,
          replicationPolicy: "identity" as const,
        };
        const msk = (capacity?: MirrorMaker2EngineOptions["capacity"]) => ({
          plugin: w.plugin,
          vpcId: w.vpcId,
          subnetIds: w.subnetIds,
          capacity,
          egress: [{ cidr, port: 9098, description: `Brokers of ${src.clusterName} (IAM, TLS)` }],
        });
        const n = { source: `${prefix}-source`, checkpoint: `${prefix}-checkpoint`, heartbeat: `${prefix}-heartbeat` };
        connectors.push(
          new MskConnector(this, `${prefix}-Source`, {
            cluster: dst,
            name: n.source,
            connector: mirrorSource({ ...common, topics: t, tasks: w.tasks }),
            msk: msk(w.capacity),
          }),
        );
        if (g.length > 0) {
          connectors.push(
            new MskConnector(this, `${prefix}-Checkpoint`, {
              cluster: dst,
              name: n.checkpoint,
              connector: mirrorCheckpoint({
                ...common,
                groups: g,
                topics: t,
                intervalSeconds: w.offsetSyncIntervalSeconds,
              }),
              msk: msk({ minWorkers: 1, maxWorkers: 1 }),
            }),
          );
        }
        connectors.push(
          new MskConnector(this, `${prefix}-Heartbeat`, {
            cluster: dst,
            name: n.heartbeat,
            connector: mirrorHeartbeat(common),
            msk: msk({ minWorkers: 1, maxWorkers: 1 }),
          }),
        );
        return n;
      };
      connectorNames = mm2(name, primary, standby, topicNames, groups, o, o.primaryCidr);
      if (reverse) {
        const w = props.activeActive!.reverseWorkers!;
        mm2(
          `${name}-reverse`,
          standby,
          primary,
          reverse.topics.map((t) => t.topicName),
          reverse.groups,
          w,
          w.standbyCidr,
        );
      }
      home = new Construct(MskConnectStack.of(standby), `DrPair-${name}`);
      alarms = mirrorMakerAlarmSpecs(connectorNames, objectives.rpoSeconds, interval).filter(
        (a) => groups.length > 0 || a.id !== "checkpoint-age",
      );
    }
    this.replicators = replicators;
    this.connectors = connectors;
    this.alarms = alarms;

    const runbook = `runbooks/${name}-failover.md`;
    createDrAlarms(
      home,
      name,
      alarms,
      standby.escalation,
      { tier: standby.tier, runbook: `${DEFAULT_RUNBOOK_BASE}/${name}-failover.md` },
      tags,
    );
    addNamedOutput(
      home,
      "primary_bootstrap",
      primary.bootstrapBrokersSaslIam,
      `IAM bootstrap brokers of ${primary.clusterName}`,
    );
    addNamedOutput(
      home,
      "standby_bootstrap",
      standby.bootstrapBrokersSaslIam,
      `IAM bootstrap brokers of ${standby.clusterName}`,
    );
    const standbyApps = Object.keys(this.standbyApplications).sort();
    const stackName = TerraformStack.of(home).node.id;
    StackArtifacts.of(home).add({
      name: `dr-${name}`,
      order: 27,
      produce: () => [
        {
          path: runbook,
          content: renderMskDrRunbook({
            name,
            engine: engine.kind,
            primary: primary.clusterName,
            standby: standby.clusterName,
            topics: topicNames,
            groups,
            objectives,
            stack: stackName,
            primaryBootstrapOutput: outputName(home, "primary_bootstrap"),
            standbyBootstrapOutput: outputName(home, "standby_bootstrap"),
            replicatorArnOutput: engine.kind === "replicator" ? outputName(home, "replicator_arn") : undefined,
            connectors: connectorNames,
            offsetSyncIntervalSeconds: interval,
            standbyApplications: standbyApps,
            standbyAccess: props.standbyAccess !== false,
            plan,
            alarms,
          }),
        },
      ],
    });
  }
}

function checkActiveActive(
  props: MskDrPairProps,
  standby: MskCluster,
  forward: readonly string[],
  path: string,
): { topics: KafkaTopic[]; groups: readonly string[] } | undefined {
  const aa = props.activeActive;
  if (aa === undefined) return undefined;
  if (typeof aa !== "object" || aa === null) {
    failWith("KSE-DR-011", "activeActive", aa, "{ reverseTopics }", "Omit it for active-passive.", path);
  }
  const topics = checkTopics(aa.reverseTopics, standby, "activeActive.reverseTopics", path);
  const loop = topics.find((t) => forward.includes(t.topicName));
  if (loop) {
    failWith(
      "KSE-DR-011",
      "activeActive.reverseTopics",
      loop.topicName,
      "topics not replicated primary → standby (identity names would loop between the clusters)",
      "Give each direction its own topics; reconcile them in the applications.",
      path,
    );
  }
  if (props.engine instanceof DrEngine && props.engine.kind === "mirrormaker2" && !aa.reverseWorkers) {
    failWith(
      "KSE-DR-011",
      "activeActive.reverseWorkers",
      undefined,
      "the primary-side workers of the reverse MirrorMaker 2 flow",
      "Give { plugin, vpcId, subnetIds, standbyCidr } of the primary's VPC.",
      path,
    );
  }
  const names = new Set(topics.map((t) => t.topicName));
  const groups =
    checkGroups(aa.reverseConsumerGroups, "activeActive.reverseConsumerGroups", path) ??
    grantedGroups(standby.access.all, names);
  return { topics, groups };
}

function planFor(
  props: MskDrPairProps,
  primary: MskCluster,
  topics: readonly KafkaTopic[],
  engine: DrEngine,
  objectives: DrObjectives,
  crossRegion: boolean,
): DrLinkPlan {
  const sites = props.sites ?? {};
  if (typeof sites !== "object" || sites === null) {
    failWith("KSE-DR-010", "sites", sites, "{ rttMs?, linkMbps?, peakBytesPerSecond? }", "Describe the sites.");
  }
  let peak = sites.peakBytesPerSecond;
  const w = primary.workload;
  if (peak === undefined && w !== undefined) {
    const share = Math.min(1, topics.length / (w.topics ?? 1));
    peak = ((w.messagesPerSecond * w.averageMessageBytes * (w.peakToAverage ?? 1)) / (w.compressionRatio ?? 1)) * share;
  }
  return planDrLink({
    engine: engine.kind,
    peakBytesPerSecond: peak ?? 0,
    rttMs:
      sites.rttMs ?? (crossRegion ? DR_LINK_FACTORS.defaultCrossRegionRttMs : DR_LINK_FACTORS.defaultSameRegionRttMs),
    linkMbps: sites.linkMbps,
    partitions: topics.reduce((n, t) => n + t.spec.partitions, 0),
    sourceBrokers: primary.brokerNodes,
    tasks: engine.mirrorMaker2?.tasks ?? topics.length,
    rpoSeconds: objectives.rpoSeconds,
  });
}

/** The topic of the same name, class and partitions on another cluster (declared there when missing). */
function twinTopic(t: KafkaTopic, on: MskCluster): KafkaTopic {
  return on.addTopic(t.topicName, { topicClass: t.spec.topicClass.name, partitions: t.spec.partitions });
}

/**
 * Gives every application of `from` granted on one of `topics` the same grants on `to`, under the same
 * principal (an application of the same name there, created when missing).
 */
function mirrorMskAccess(
  from: MskCluster,
  to: MskCluster,
  topics: readonly KafkaTopic[],
): Record<string, KafkaApplication> {
  const out: Record<string, KafkaApplication> = {};
  const byName = new Map(topics.map((t) => [t.topicName, t]));
  for (const app of from.access.all) {
    const produces = app.produces.filter((t) => byName.has(t));
    const consumes = app.consumes.filter((c) => byName.has(c.topic));
    if (produces.length === 0 && consumes.length === 0) continue;
    const twin =
      to.access.all.find((a) => a.name === app.name) ??
      to.addApplication(app.name, {
        principal: app.principal,
        producerProfile: app.producerProfile,
        consumerProfile: app.consumerProfile,
      });
    for (const t of produces) {
      to.access.grantProduce(byName.get(t)!, twin);
      if (!twin.produces.includes(t)) twin.produces.push(t);
    }
    for (const c of consumes) {
      to.access.grantConsume(byName.get(c.topic)!, twin, c.group);
      if (!twin.consumes.some((x) => x.topic === c.topic && x.group === c.group)) twin.consumes.push(c);
    }
    out[app.name] = twin;
  }
  return out;
}
