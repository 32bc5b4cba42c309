import { Annotations } from "cdktf";
import { Construct } from "constructs";
import { MskCluster } from "../lib/msk/msk-cluster";
import { ConfluentCluster } from "../lib/confluent/confluent-cluster";
import { KafkaTopic } from "../lib/topic/kafka-topic";
import { failWith } from "../lib/errors";
import { StackArtifacts } from "../lib/core/stack-artifacts";
import { ResourceMetadata } from "../lib/standards/naming";
import { extendMetadata } from "../lib/core/resource-metadata";
import { PIPELINE_PROBE } from "../lib/standards/connect-pipeline";
import { ConnectorSecret, requireBackendSecret } from "../lib/connect/connector-secret";
import { ConnectPlugin } from "../lib/connect/connect-plugin";
import { ConnectorCatalog } from "../lib/connect/connector-catalog";
import { KafkaConnector } from "../lib/connect/kafka-connector";
import { ConnectorEgressRule, MskConnectCapacity } from "../lib/connect/kafka-connector-props";
import { MqConnection, MqTls, checkMqConnection } from "../lib/connect/catalog/ibm-mq";
import { MqFlow, MqMigrationPlan, PlannedMqFlow, planMqMigration } from "../lib/connect/mq-migration-plan";
import { renderMqMigrationPlan } from "../lib/connect/mq-migration-doc";
import { createPipelineAlarms } from "../lib/connect/pipeline-alarms";
import { MskConnectStack } from "../lib/connect/msk-connect-stack";
import { pipelinePrometheusProducer } from "../lib/connect/pipeline-prometheus";

/** The queue manager the flows live on. */
export interface MqQueueManagerSettings {
  /** Queue manager name. */
  readonly queueManager: string;
  /** Its listeners (one on Confluent Cloud, whose managed sink takes a single host). */
  readonly connections: readonly MqConnection[];
  /** Server-connection channel of the connectors. */
  readonly channel: string;
  /** MQ user of the connectors. @default - none (certificate authentication) */
  readonly user?: string;
  /** Its password: Secrets Manager on MSK, a sensitive Terraform reference on Confluent Cloud. @default - none */
  readonly password?: ConnectorSecret;
  /** TLS of the channel. */
  readonly tls?: MqTls;
  /** Accept an unencrypted channel, with the reason (shows in the audit). @default - refused */
  readonly plaintext?: { readonly reason: string };
}

/** MSK Connect settings of the migration's connectors. */
export interface MqMigrationMskSettings {
  /** VPC of the workers. */
  readonly vpcId: string;
  /** Worker subnets. */
  readonly subnetIds: readonly string[];
  /**
   * Custom plugins: IBM's open-source MQ source and sink (github.com/ibm-messaging kafka-connect-mq-source
   * / -sink v3, jar-with-dependencies in a zip). The sink is needed once a flow is in coexistence.
   */
  readonly plugins: { readonly mqSource: ConnectPlugin; readonly mqSink?: ConnectPlugin };
  /** Egress of the workers to the queue manager and AWS endpoints. @default - none */
  readonly egress?: readonly ConnectorEgressRule[];
  /** Capacity of each connector. @default the tier's */
  readonly capacity?: MskConnectCapacity;
}

/** Properties of an {@link MqMigration}. */
export interface MqMigrationProps {
  /** Migration name (lower case): prefix of its connectors, alarms and runbooks. */
  readonly name: string;
  /** The cluster the flows move to. */
  readonly cluster: MskCluster | ConfluentCluster;
  /** Business domain: the first segment of topic names (`<domain>.<flow>.<region>`). */
  readonly domain: string;
  /** Region segment of topic names, e.g. `eu-west-1`. */
  readonly region: string;
  /** The flows (queues) to migrate, each with its phase. */
  readonly flows: readonly MqFlow[];
  /** The queue manager. */
  readonly mq: MqQueueManagerSettings;
  /**
   * Days a flow can go back to MQ: topics keep at least that much.
   * @default 7
   */
  readonly rollbackWindowDays?: number;
  /**
   * How message bodies become records and back: `default` (bytes or text as is) or `json`.
   * @default "default"
   */
  readonly messageFormat?: "default" | "json";
  /** MSK Connect settings; required on MSK. */
  readonly msk?: MqMigrationMskSettings;
  /** Owning team. @default - none */
  readonly owner?: string;
}

/**
 * IBM MQ → Kafka migration, flow by flow, from a declared inventory of queues:
 *
 * 1. **Topics**: one per flow, `<domain>.<flow>.<region>` (and `<flow>-reply` for request/reply),
 *    class `events` or `personal`, partitions from the flow's volume × message size (one partition
 *    for strict queue order), keyed by a message header where order per key is needed, retention
 *    at least the rollback window.
 * 2. **Connectors per phase** (`pilot`, `coexistence`, `switched`, one value per flow): the MQ source
 *    (from a copy queue in the pilot, from the producers' queue in coexistence), the MQ sink back to
 *    a legacy queue for consumers not yet migrated, and a reply sink for request/reply flows (the
 *    reply's `JMSCorrelationID` from the record key, the request's `JMSMessageID`). On MSK Connect,
 *    IBM's open-source connectors as custom plugins; on Confluent Cloud the managed `IbmMQSource` /
 *    `IbmMqSink`: the key names differ and each backend gets its own.
 * 3. **Monitoring per flow**: MQ → Kafka lag (the probe's age of the oldest message on the queue),
 *    dead-letter records of the sinks, throughput against the inventory's volume; Warning and
 *    Critical levels with runbooks (`runbooks/<name>-<flow>-<alarm>.md`).
 * 4. **The plan**: `MQ-MIGRATION-<name>.md` in the stack's artifacts: order and pilot, per-flow
 *    phase, connectors, SLA checks, exit criteria and rollback.
 *
 * @example
 * import { TerraformVariable } from "cdktf";
 * import { ConnectorSecret } from "cdktf-kafka-standards";
 * import { MqMigration } from "cdktf-kafka-standards/patterns";
 *
 * // On Confluent Cloud: the managed IbmMQSource and IbmMqSink.
 * new MqMigration(stack, "Payments", {
 *   name: "payments",
 *   cluster: confluentCluster,
 *   domain: "payments",
 *   region: "eu-west-1",
 *   mq: {
 *     queueManager: "QM1",
 *     connections: [{ host: "mq.payments.example.com", port: 1414 }],
 *     channel: "KAFKA.SVRCONN",
 *     user: "kafka",
 *     password: ConnectorSecret.terraformReference(
 *       new TerraformVariable(stack, "mq_password", { type: "string", sensitive: true }).stringValue,
 *     ),
 *     tls: { cipherSuite: "TLS_AES_256_GCM_SHA384" },
 *   },
 *   flows: [
 *     {
 *       name: "notifications",
 *       queue: "NOTIFY.OUT",
 *       pilotQueue: "NOTIFY.OUT.COPY",
 *       volumeMessagesPerSecond: 50,
 *       messageSizeBytes: 2048,
 *       ordering: "none",
 *       exchange: "fire-and-forget",
 *       consumers: [{ name: "mailer", migrated: false }],
 *       phase: "pilot",
 *     },
 *   ],
 * });
 */
export class MqMigration extends Construct {
  /** Migration name. */
  public readonly migrationName: string;
  /** The plan computed from the inventory. */
  public readonly plan: MqMigrationPlan;
  /** Topics by flow name (replies under `<flow>-reply`). */
  public readonly topics: ReadonlyMap<string, KafkaTopic>;
  /** Connectors by connector name. */
  public readonly connectors: ReadonlyMap<string, KafkaConnector>;

  constructor(scope: Construct, id: string, props: MqMigrationProps) {
    super(scope, id);
    const path = this.node.path;
    const cluster = props?.cluster;
    const backend =
      cluster instanceof MskCluster ? "msk" : cluster instanceof ConfluentCluster ? "confluent" : undefined;
    if (!backend) {
      failWith("KSE-CONN-019", "cluster", cluster, "an MskCluster or a ConfluentCluster", "Pass the cluster.", path);
    }
    const plan = planMqMigration({
      name: props.name,
      domain: props.domain,
      region: props.region,
      flows: props.flows,
      rollbackWindowDays: props.rollbackWindowDays,
      path,
    });
    this.plan = plan;
    this.migrationName = props.name;
    // Everything is checked before the first topic is created: an error leaves nothing half-built.
    checkSettings(props, plan, backend, path);
    if (cluster instanceof MskCluster) {
      const connectStack = MskConnectStack.of(cluster);
      for (const f of plan.flows) for (const c of f.connectors) connectStack.checkConnectorNameFree(c.name, path);
    }

    const topics = new Map<string, KafkaTopic>();
    for (const f of plan.flows) {
      topics.set(f.flow.name, this.addTopic(cluster, f, f.topicName, props));
      if (f.replyTopicName) topics.set(`${f.flow.name}-reply`, this.addTopic(cluster, f, f.replyTopicName, props));
    }
    this.topics = topics;

    const connectors = new Map<string, KafkaConnector>();
    const mq = props.mq;
    const connection = {
      queueManager: mq.queueManager,
      connections: mq.connections,
      channel: mq.channel,
      user: mq.user,
      password: mq.password,
      tls: mq.tls,
      plaintext: mq.plaintext,
    };
    const format = props.messageFormat ?? "default";
    for (const f of plan.flows) {
      for (const c of f.connectors) {
        const topic = topics.get(c.topicName === f.topicName ? f.flow.name : `${f.flow.name}-reply`)!;
        const definition =
          c.direction === "source"
            ? ConnectorCatalog.ibmMqSource({
                ...connection,
                queue: c.queue,
                topic,
                recordBuilder: format,
                keyHeader: f.keyHeader,
              })
            : ConnectorCatalog.ibmMqSink({
                ...connection,
                queue: c.queue,
                topics: [topic],
                messageBuilder: format,
                keyHeader: c.keyHeader === "JMSCorrelationID" ? "JMSCorrelationID" : undefined,
              });
        const plugin = c.direction === "source" ? props.msk?.plugins.mqSource : props.msk?.plugins.mqSink;
        connectors.set(
          c.name,
          new KafkaConnector(this, c.name, {
            cluster,
            name: c.name,
            connector: definition,
            pipeline: `${props.name}-${f.flow.name}`,
            owner: props.owner,
            msk: props.msk
              ? {
                  plugin: plugin!,
                  vpcId: props.msk.vpcId,
                  subnetIds: props.msk.subnetIds,
                  egress: props.msk.egress,
                  capacity: props.msk.capacity,
                }
              : undefined,
          }),
        );
      }
    }
    this.connectors = connectors;

    // Monitoring per flow.
    for (const f of plan.flows) {
      const owned = f.connectors.map((c) => connectors.get(c.name)!);
      const dlqs = owned.map((c) => c.deadLetterTopic?.topicName).filter((t): t is string => t !== undefined);
      const flowTopics = [f.topicName];
      if (cluster instanceof MskCluster) {
        this.mskMonitoring(cluster, props, f, flowTopics, dlqs, path);
      } else {
        StackArtifacts.of(this).add(
          pipelinePrometheusProducer({
            pipeline: `${props.name}-${f.flow.name}`,
            clusterName: cluster.clusterName,
            tier: cluster.tier,
            sinkTopics: owned.filter((c) => c.resolved.direction === "sink").flatMap(() => flowTopics),
            deadLetterTopics: dlqs,
            connectors: owned.map((c) => c.connectorName),
            plannedThroughput: { topics: flowTopics, messagesPerSecond: f.flow.volumeMessagesPerSecond },
          }),
        );
      }
    }

    // The plan document, rendered from the inventory at synth.
    const doc = renderMqMigrationPlan({
      plan,
      platform: backend === "msk" ? "MSK Connect" : "Confluent Cloud",
      clusterName: cluster.clusterName,
      queueManager: mq.queueManager,
    });
    StackArtifacts.of(this).add({
      name: `mq-migration-${props.name}`,
      order: 28,
      produce: () => [{ path: `MQ-MIGRATION-${props.name}.md`, content: doc }],
    });
  }

  private addTopic(
    cluster: MskCluster | ConfluentCluster,
    f: PlannedMqFlow,
    name: string,
    props: MqMigrationProps,
  ): KafkaTopic {
    const config: Record<string, string> = {};
    if (f.retentionMs !== undefined) config["retention.ms"] = String(f.retentionMs);
    const topic = cluster.addTopic(name, {
      topicClass: f.topicClass,
      partitions: f.partitions,
      config,
      owner: props.owner,
    });
    // The flow's phase is recorded on its topic: the audit report and the docs show where each flow stands.
    extendMetadata(topic.resource, {
      pipeline: `${props.name}-${f.flow.name}`,
      migrationPhase: f.flow.phase,
      ...(f.retentionReason ? { overrides: { retention: f.retentionReason } } : {}),
    } as ResourceMetadata);
    return topic;
  }

  private mskMonitoring(
    cluster: MskCluster,
    props: MqMigrationProps,
    f: PlannedMqFlow,
    flowTopics: readonly string[],
    dlqs: readonly string[],
    path: string,
  ): void {
    const owner = `${props.name}-${f.flow.name}`;
    const scope = MskConnectStack.of(cluster).pipelineScope(owner, path);
    const target = {
      owner,
      pipeline: owner,
      tier: cluster.tier,
      escalation: cluster.escalation,
      tags: {
        Environment: cluster.tier,
        ManagedBy: "cdktf-kafka-standards",
        ...(props.owner ? { Owner: props.owner } : {}),
      },
    };
    const level = cluster.cluster.enhancedMonitoringInput;
    if (level !== "PER_TOPIC_PER_BROKER" && level !== "PER_TOPIC_PER_PARTITION") {
      Annotations.of(this).addWarning(
        `The throughput and dead-letter alarms of ${owner} read MessagesInPerSec per topic, which MSK publishes only at PER_TOPIC_PER_BROKER monitoring or above (cluster ${cluster.clusterName}: ${level ?? "DEFAULT"}).`,
      );
    }
    const perBroker = (topic: string) =>
      Array.from({ length: cluster.brokerNodes }, (_, i) => ({
        namespace: "AWS/Kafka",
        metricName: "MessagesInPerSec",
        dimensions: { "Cluster Name": cluster.clusterName, "Broker ID": String(i + 1), Topic: topic },
      }));
    // MQ → Kafka lag: the probe publishes the age of the oldest message on the flow's source queue.
    if (f.connectors.some((c) => c.direction === "source")) {
      createPipelineAlarms(scope, "pipeline-source-lag", target, {
        namespace: PIPELINE_PROBE.namespace,
        metricName: PIPELINE_PROBE.sourceLagMetric,
        dimensions: { [PIPELINE_PROBE.dimension]: owner },
      });
    }
    for (const topic of flowTopics) {
      createPipelineAlarms(
        scope,
        "pipeline-throughput-over-plan",
        target,
        {
          label: `MessagesInPerSec of ${topic} ÷ ${f.flow.volumeMessagesPerSecond} msg/s planned`,
          sum: perBroker(topic),
          divideBy: f.flow.volumeMessagesPerSecond,
        },
        "",
        `on ${topic}`,
        topic,
      );
    }
    dlqs.forEach((dlq, i) =>
      createPipelineAlarms(
        scope,
        "pipeline-dead-letter-rate",
        target,
        { label: `MessagesInPerSec of ${dlq}`, sum: perBroker(dlq) },
        dlqs.length > 1 ? String(i + 1) : "",
        `on ${dlq}`,
        dlq,
      ),
    );
  }
}

function checkSettings(
  props: MqMigrationProps,
  plan: MqMigrationPlan,
  backend: "msk" | "confluent",
  path: string,
): void {
  const mq = props.mq;
  if (typeof mq !== "object" || mq === null || !Array.isArray(mq.connections)) {
    failWith(
      "KSE-MQ-008",
      "mq",
      mq,
      "{ queueManager, connections, channel, tls | plaintext }",
      "Describe the queue manager the flows live on.",
      path,
    );
  }
  if (mq.password !== undefined) requireBackendSecret(mq.password, "mq.password", backend, path);
  checkMqConnection({ ...mq, queue: plan.flows[0].flow.queue });
  const needs = (dir: "source" | "sink") => plan.flows.some((f) => f.connectors.some((c) => c.direction === dir));
  if (backend === "confluent") {
    if (props.msk !== undefined) {
      failWith(
        "KSE-CONN-019",
        "msk",
        "<MSK Connect settings>",
        "no MSK settings on Confluent Cloud",
        "Remove msk.",
        path,
      );
    }
    if (needs("sink") && mq.connections.length !== 1) {
      failWith(
        "KSE-MQ-008",
        "mq.connections",
        mq.connections.map((c) => c?.host).join(","),
        "one listener on Confluent Cloud (the managed IbmMqSink takes mq.hostname and mq.port)",
        "Give the queue manager's single listener, or a load balancer in front of a multi-instance queue manager.",
        path,
      );
    }
    return;
  }
  const msk = props.msk;
  if (typeof msk !== "object" || msk === null || typeof msk.plugins !== "object" || msk.plugins === null) {
    failWith(
      "KSE-MQ-008",
      "msk",
      msk,
      "{ vpcId, subnetIds, plugins: { mqSource, mqSink? } }",
      "Give the MQ connector plugins and the workers' network.",
      path,
    );
  }
  for (const [key, needed, what] of [
    ["mqSource", needs("source"), "the MQ source (kafka-connect-mq-source)"],
    ["mqSink", needs("sink"), "the MQ sink of flows in coexistence (kafka-connect-mq-sink)"],
  ] as const) {
    if (needed && !ConnectPlugin.isConnectPlugin(msk.plugins[key])) {
      failWith(
        "KSE-MQ-008",
        `msk.plugins.${key}`,
        msk.plugins[key],
        `a ConnectPlugin for ${what}`,
        "Package IBM's connector jar (jar-with-dependencies) in a zip and pass ConnectPlugin.fromS3(...).",
        path,
      );
    }
  }
}
