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
import { ConfluentSchemaRegistry, GlueSchemaRegistry, ISchemaRegistry } from "../lib/connect/schema-registry";
import { SnowflakeIngestionMethod, checkSnowflakeSettings } from "../lib/connect/catalog/snowflake-sink";
import { checkDb2Connection } from "../lib/connect/catalog/debezium-db2-source";
import {
  PipelinePlan,
  PipelineTable,
  PlannedTable,
  TableCapture,
  captureSlug,
  planPipeline,
} from "../lib/connect/pipeline-plan";
import { createPipelineAlarms } from "../lib/connect/pipeline-alarms";
import { MskConnectStack } from "../lib/connect/msk-connect-stack";
import { pipelinePrometheusProducer } from "../lib/connect/pipeline-prometheus";
import { heartbeatProbeProducer } from "../lib/connect/heartbeat-probe";

/** The source database. */
export interface Db2SourceSettings {
  /** Db2 host. */
  readonly hostname: string;
  /** Db2 port. @default 50000 */
  readonly port?: number;
  /** Database name. */
  readonly databaseName: string;
  /** User of the source connectors. */
  readonly user: string;
  /** Its password: Secrets Manager on MSK, a sensitive Terraform reference on Confluent Cloud. */
  readonly password: ConnectorSecret;
  /** TLS to Db2. @default true */
  readonly tls?: boolean;
  /** Schema of the ASN capture tables (CDC). @default "ASNCDC" */
  readonly cdcSchema?: string;
}

/** The target warehouse. */
export interface SnowflakeTargetSettings {
  /** Account URL, e.g. `xy12345.eu-west-1.snowflakecomputing.com:443`. */
  readonly url: string;
  /** Connector user (key-pair authentication). */
  readonly user: string;
  /** Its private key. */
  readonly privateKey: ConnectorSecret;
  /** Passphrase of an encrypted key. @default - not encrypted */
  readonly privateKeyPassphrase?: ConnectorSecret;
  /** Database. */
  readonly database: string;
  /** Staging schema the change rows land in; downstream tasks merge them into curated tables. */
  readonly stagingSchema: string;
  /** Role of the connector. */
  readonly role: string;
  /** Ingestion method. @default "SNOWPIPE_STREAMING" */
  readonly ingestion?: SnowflakeIngestionMethod;
  /** Schema evolution (new columns appear in Snowflake). @default true with Snowpipe Streaming */
  readonly schemaEvolution?: boolean;
  /** `buffer.flush.time`, s. @default the connector's */
  readonly bufferFlushSeconds?: number;
  /** `buffer.size.bytes`. @default the connector's */
  readonly bufferSizeBytes?: number;
  /** `buffer.count.records`. @default the connector's */
  readonly bufferCountRecords?: number;
}

/** MSK Connect settings of the pipeline's connectors. */
export interface PipelineMskSettings {
  /** VPC of the workers. */
  readonly vpcId: string;
  /** Worker subnets. */
  readonly subnetIds: readonly string[];
  /** Plugins: Debezium Db2 (CDC tables), Confluent JDBC (polled tables), Snowflake. */
  readonly plugins: {
    readonly debeziumDb2?: ConnectPlugin;
    readonly jdbc?: ConnectPlugin;
    readonly snowflake: ConnectPlugin;
  };
  /** Egress of the source workers (Db2) and AWS endpoints. @default - none */
  readonly sourceEgress?: readonly ConnectorEgressRule[];
  /** Egress of the sink workers (Snowflake over HTTPS) and AWS endpoints. @default - none */
  readonly sinkEgress?: readonly ConnectorEgressRule[];
  /** Capacity of each connector. @default the tier's */
  readonly capacity?: MskConnectCapacity;
}

/** Properties of a {@link Db2ToSnowflakePipeline}. */
export interface Db2ToSnowflakePipelineProps {
  /** Pipeline name (lower case): prefix of its connectors, alarms and runbooks. */
  readonly name: string;
  /** The cluster the data flows through. */
  readonly cluster: MskCluster | ConfluentCluster;
  /** Business domain: the first segment of topic names (`<domain>.<table>.<region>`). */
  readonly domain: string;
  /** Region segment of topic names, e.g. `eu-west-1`. */
  readonly region: string;
  /** The tables to move. */
  readonly tables: readonly PipelineTable[];
  /** Source database. */
  readonly db2: Db2SourceSettings;
  /** Target warehouse. */
  readonly snowflake: SnowflakeTargetSettings;
  /**
   * Time to recover the sink, hours: topics keep at least twice that.
   * @default 24
   */
  readonly recoverySlaHours?: number;
  /** Topic compression on MSK (fixed by Confluent Cloud). @default "lz4" */
  readonly compression?: "lz4" | "snappy";
  /**
   * The schema registry. @default a GlueSchemaRegistry `<cluster>-<pipeline>` on MSK, the
   * environment's Schema Registry on Confluent Cloud
   */
  readonly schemaRegistry?: ISchemaRegistry;
  /**
   * Heartbeat table of the pipeline's probe (`<SCHEMA>.<TABLE>`), e.g. `KAFKA_OPS.PIPELINE_HEARTBEAT`:
   * routed through the pipeline like a table (its own topic, the source connector of the first capture
   * mode, the sink), and written to `probes/<name>-heartbeat.json` for `kafka-standards probe`, which
   * publishes the source-lag and end-to-end-latency metrics the pipeline's alarms read. Without it
   * those two alarms have no data and stay in ALARM (a silent pipeline is not a healthy one).
   * @default - no heartbeat route (synth warns)
   */
  readonly heartbeatTable?: string;
  /** MSK Connect settings; required on MSK. */
  readonly msk?: PipelineMskSettings;
  /** Owning team. @default - none */
  readonly owner?: string;
}

/**
 * Db2 → Kafka → Snowflake, the standard's worked example, phase by phase:
 *
 * 1. **Topics** from the table inventory: `<domain>.<table>.<region>`, partitions from throughput or
 *    the sink's parallelism (at least 3), retention ≥ 2 × the recovery SLA, lz4 or snappy, keyed by the
 *    business key, class `events` (or `personal`).
 * 2. **Schemas**: a registry subject per topic with BACKWARD compatibility (Glue on AWS; the
 *    environment's Schema Registry on Confluent Cloud); converters write Avro through it.
 * 3. **Sources**: change data capture where available (Debezium Db2 on MSK, for tables with ASN
 *    capture), else one JDBC polling connector per mode (`IbmDb2Source` on Confluent Cloud).
 * 4. **Sink**: Snowflake into a staging schema, Snowpipe Streaming with schema evolution, buffer and
 *    flush settings, a dead-letter topic with context headers.
 * 5. **Monitoring**: source lag and end-to-end latency (heartbeat probe), sink lag (the sink group's
 *    consumer lag), dead-letter rate and failed tasks, each with Warning/Critical thresholds from
 *    lib/standards and a runbook; the pipeline is drawn in ARCHITECTURE.md.
 *
 * @example
 * import { TerraformVariable } from "cdktf";
 * import { ConnectorSecret } from "cdktf-kafka-standards";
 * import { Db2ToSnowflakePipeline } from "cdktf-kafka-standards/patterns";
 *
 * const sensitive = (name: string): ConnectorSecret =>
 *   ConnectorSecret.terraformReference(new TerraformVariable(stack, name, { type: "string", sensitive: true }).stringValue);
 * // On Confluent Cloud: managed IbmDb2Source (timestamp+incrementing) and SnowflakeSink connectors.
 * new Db2ToSnowflakePipeline(stack, "Dwh", {
 *   name: "dwh",
 *   cluster: confluentCluster,
 *   domain: "sales",
 *   region: "eu-west-1",
 *   recoverySlaHours: 96,
 *   tables: [
 *     { schema: "SALES", table: "ORDERS", businessKey: ["ORDER_ID"], timestampColumns: ["UPDATED_AT"], incrementingColumn: "ORDER_ID" },
 *   ],
 *   db2: { hostname: "db2.sales.example.com", port: 50001, databaseName: "SALES", user: "KAFKA", password: sensitive("db2_password") },
 *   snowflake: {
 *     url: "xy12345.eu-west-1.snowflakecomputing.com:443",
 *     user: "KAFKA_CONNECTOR",
 *     privateKey: sensitive("snowflake_private_key"),
 *     database: "DWH",
 *     stagingSchema: "STAGING",
 *     role: "KAFKA_LOADER",
 *   },
 *   heartbeatTable: "KAFKA_OPS.PIPELINE_HEARTBEAT",
 * });
 */
export class Db2ToSnowflakePipeline extends Construct {
  /** Pipeline name. */
  public readonly pipelineName: string;
  /** The plan (topics, capture modes). */
  public readonly plan: PipelinePlan;
  /** Topics by `SCHEMA.TABLE`. */
  public readonly topics: ReadonlyMap<string, KafkaTopic>;
  /** Source connectors, by capture mode. */
  public readonly sources: ReadonlyMap<TableCapture, KafkaConnector>;
  /** The Snowflake sink. */
  public readonly sink: KafkaConnector;
  /** The schema registry. */
  public readonly schemaRegistry: ISchemaRegistry;
  /** The heartbeat probe's topic, when `heartbeatTable` is set. */
  public readonly heartbeatTopic?: KafkaTopic;

  constructor(scope: Construct, id: string, props: Db2ToSnowflakePipelineProps) {
    super(scope, id);
    const path = this.node.path;
    const cluster = props.cluster;
    const backend =
      cluster instanceof MskCluster ? "msk" : cluster instanceof ConfluentCluster ? "confluent" : undefined;
    if (!backend) {
      failWith(
        "KSE-CONN-019",
        "cluster",
        cluster,
        "an MskCluster or a ConfluentCluster",
        "Pass the pipeline's cluster.",
        path,
      );
    }
    const plan = planPipeline({
      name: props.name,
      domain: props.domain,
      region: props.region,
      backend,
      tables: props.tables,
      recoverySlaHours: props.recoverySlaHours,
      compression: props.compression,
      heartbeatTable: props.heartbeatTable,
      path,
    });
    this.plan = plan;
    this.pipelineName = props.name;
    // Every setting is checked before the first topic is created: an error leaves nothing half-built.
    if (backend === "confluent" && props.msk !== undefined) {
      failWith(
        "KSE-CONN-019",
        "msk",
        "<MSK Connect settings>",
        "no MSK settings on Confluent Cloud",
        "Remove msk.",
        path,
      );
    }
    checkDb2Connection(props.db2 ?? ({} as Db2SourceSettings));
    checkSnowflakeSettings({
      ...(props.snowflake ?? ({} as SnowflakeTargetSettings)),
      schema: props.snowflake?.stagingSchema,
    });
    for (const [prop, value] of [
      ["db2.password", props.db2?.password],
      ["snowflake.privateKey", props.snowflake?.privateKey],
      ["snowflake.privateKeyPassphrase", props.snowflake?.privateKeyPassphrase],
    ] as const) {
      if (value === undefined && prop === "snowflake.privateKeyPassphrase") continue;
      requireBackendSecret(value, prop, backend, path);
    }
    let monitoringScope: Construct | undefined;
    if (cluster instanceof MskCluster) {
      checkMskSettings(props.msk, plan, path);
      // Connectors and pipeline alarms live in the cluster's connect stack, deployed after the topics.
      const connectStack = MskConnectStack.of(cluster);
      for (const mode of plan.byCapture.keys()) {
        connectStack.checkConnectorNameFree(`${props.name}-${captureSlug(mode)}-source`, path);
      }
      connectStack.checkConnectorNameFree(`${props.name}-snowflake-sink`, path);
      monitoringScope = connectStack.pipelineScope(props.name, path);
    }
    // Phase 1: topics.
    const allTopics = new Map<string, KafkaTopic>();
    for (const t of plan.tables)
      allTopics.set(`${t.source.schema}.${t.source.table}`.toUpperCase(), this.addTopic(cluster, t, plan, props));
    const topicOf = (t: PlannedTable): KafkaTopic =>
      allTopics.get(`${t.source.schema}.${t.source.table}`.toUpperCase())!;
    this.heartbeatTopic = plan.heartbeat ? topicOf(plan.heartbeat) : undefined;
    this.topics = new Map([...allTopics].filter(([, topic]) => topic !== this.heartbeatTopic));

    // Phase 2: schemas.
    this.schemaRegistry =
      props.schemaRegistry ??
      (cluster instanceof MskCluster
        ? new GlueSchemaRegistry(this, "Schemas", {
            registryName: `${cluster.clusterName}-${props.name}`,
            tier: cluster.tier,
          })
        : new ConfluentSchemaRegistry(this, "Schemas", { cluster: cluster as ConfluentCluster }));
    for (const t of plan.tables) {
      this.schemaRegistry.addTopicSubjects(t.topicName, { valueSchema: t.source.valueSchema });
    }

    // Phase 3: sources, one per capture mode.
    const sources = new Map<TableCapture, KafkaConnector>();
    const common = { cluster, schemaRegistry: this.schemaRegistry, pipeline: props.name, owner: props.owner };
    const mskFor = (plugin: ConnectPlugin | undefined, egress: readonly ConnectorEgressRule[] | undefined) =>
      props.msk
        ? {
            plugin: plugin!,
            vpcId: props.msk.vpcId,
            subnetIds: props.msk.subnetIds,
            egress,
            capacity: props.msk.capacity,
          }
        : undefined;
    for (const [mode, tables] of plan.byCapture) {
      const routes = tables.map((t) => ({
        schema: t.source.schema,
        table: t.source.table,
        topic: topicOf(t),
        keyColumns: t.source.businessKey,
        timestampColumns: t.source.timestampColumns,
        incrementingColumn: t.source.incrementingColumn,
      }));
      const name = `${props.name}-${captureSlug(mode)}-source`;
      const connector =
        mode === "cdc"
          ? ConnectorCatalog.debeziumDb2Source({
              hostname: props.db2.hostname,
              port: props.db2.port,
              databaseName: props.db2.databaseName,
              user: props.db2.user,
              password: props.db2.password,
              tables: routes,
              topicPrefix: props.name,
              historyTopic: cluster.addTopic(`${props.domain}.${props.name}-history.${props.region}`, {
                topicClass: "history",
                partitions: 1,
                owner: props.owner,
              }),
              tls: props.db2.tls,
              cdcSchema: props.db2.cdcSchema,
            })
          : ConnectorCatalog.jdbcSource({
              hostname: props.db2.hostname,
              port: props.db2.port,
              databaseName: props.db2.databaseName,
              user: props.db2.user,
              password: props.db2.password,
              mode,
              tables: routes,
              tls: props.db2.tls,
            });
      sources.set(
        mode,
        new KafkaConnector(this, `Source-${captureSlug(mode)}`, {
          ...common,
          name,
          connector,
          msk: mskFor(
            mode === "cdc" ? props.msk?.plugins.debeziumDb2 : props.msk?.plugins.jdbc,
            props.msk?.sourceEgress,
          ),
        }),
      );
    }
    this.sources = sources;

    // Phase 4: the sink.
    const sf = props.snowflake;
    this.sink = new KafkaConnector(this, "Sink", {
      ...common,
      name: `${props.name}-snowflake-sink`,
      connector: ConnectorCatalog.snowflakeSink({
        topics: plan.tables.map((t) => ({
          topic: topicOf(t),
          table: t.source.snowflakeTable ?? t.source.table.toUpperCase(),
        })),
        url: sf.url,
        user: sf.user,
        privateKey: sf.privateKey,
        privateKeyPassphrase: sf.privateKeyPassphrase,
        database: sf.database,
        schema: sf.stagingSchema,
        role: sf.role,
        ingestion: sf.ingestion,
        schemaEvolution: sf.schemaEvolution,
        bufferFlushSeconds: sf.bufferFlushSeconds,
        bufferSizeBytes: sf.bufferSizeBytes,
        bufferCountRecords: sf.bufferCountRecords,
      }),
      msk: mskFor(props.msk?.plugins.snowflake, props.msk?.sinkEgress),
    });

    // Phase 5: monitoring.
    const connectors = [...sources.values(), this.sink].map((c) => c.connectorName);
    if (plan.heartbeat) {
      const hb = plan.heartbeat;
      const source = sources.get(hb.capture)!;
      // Next to the pipeline's alarms and runbooks (the connect stack on MSK).
      StackArtifacts.of(monitoringScope ?? this).add(
        heartbeatProbeProducer({
          pipeline: props.name,
          clusterName: cluster.clusterName,
          backend,
          heartbeatTable: `${hb.source.schema}.${hb.source.table}`,
          topic: hb.topicName,
          sourceConnector: source.connectorName,
          sinkConnector: this.sink.connectorName,
          capture: hb.capture,
          db2: props.db2,
          snowflake: {
            url: sf.url,
            database: sf.database,
            schema: sf.stagingSchema,
            role: sf.role,
            table: hb.source.snowflakeTable ?? hb.source.table.toUpperCase(),
            schematized:
              (sf.ingestion ?? "SNOWPIPE_STREAMING") === "SNOWPIPE_STREAMING" && sf.schemaEvolution !== false,
          },
        }),
      );
    } else {
      Annotations.of(this).addWarning(
        `Pipeline ${props.name} has no heartbeatTable: its source-lag and end-to-end-latency alarms have no probe to read and stay in ALARM. Set heartbeatTable and run \`kafka-standards probe\`.`,
      );
    }
    const dlq = this.sink.deadLetterTopic?.topicName;
    if (cluster instanceof MskCluster) {
      this.mskMonitoring(monitoringScope!, cluster, props, dlq);
    } else {
      StackArtifacts.of(this).add(
        pipelinePrometheusProducer({
          pipeline: props.name,
          clusterName: cluster.clusterName,
          tier: cluster.tier,
          sinkTopics: plan.tables.map((t) => t.topicName),
          deadLetterTopics: dlq ? [dlq] : [],
          connectors,
          heartbeatTable: props.heartbeatTable,
        }),
      );
    }
  }

  private addTopic(
    cluster: MskCluster | ConfluentCluster,
    t: PlannedTable,
    plan: PipelinePlan,
    props: Db2ToSnowflakePipelineProps,
  ): KafkaTopic {
    const config: Record<string, string> = {};
    // Confluent Cloud fixes compression.type (topic-config.ts CONFLUENT_EDITABLE_TOPIC_KEYS).
    if (cluster instanceof MskCluster) config["compression.type"] = plan.compression;
    if (t.retentionMs !== undefined) config["retention.ms"] = String(t.retentionMs);
    const topic = cluster.addTopic(t.topicName, {
      topicClass: t.topicClass,
      partitions: t.partitions,
      config,
      owner: props.owner,
    });
    // The deviation from the class is recorded, so the audit (of the synth and of plans) and the docs show why.
    extendMetadata(topic.resource, {
      pipeline: props.name,
      ...(t.retentionReason ? { overrides: { retention: t.retentionReason } } : {}),
    } as ResourceMetadata);
    return topic;
  }

  private mskMonitoring(
    scope: Construct,
    cluster: MskCluster,
    props: Db2ToSnowflakePipelineProps,
    dlq: string | undefined,
  ): void {
    const target = {
      owner: props.name,
      pipeline: props.name,
      tier: cluster.tier,
      escalation: cluster.escalation,
      tags: {
        Environment: cluster.tier,
        ManagedBy: "cdktf-kafka-standards",
        ...(props.owner ? { Owner: props.owner } : {}),
      },
    };
    const probe = { Pipeline: props.name };
    createPipelineAlarms(scope, "pipeline-source-lag", target, {
      namespace: PIPELINE_PROBE.namespace,
      metricName: PIPELINE_PROBE.sourceLagMetric,
      dimensions: probe,
    });
    createPipelineAlarms(scope, "pipeline-end-to-end-latency", target, {
      namespace: PIPELINE_PROBE.namespace,
      metricName: PIPELINE_PROBE.endToEndLatencyMetric,
      dimensions: probe,
    });
    if (dlq) {
      const level = cluster.cluster.enhancedMonitoringInput;
      if (level !== "PER_TOPIC_PER_BROKER" && level !== "PER_TOPIC_PER_PARTITION") {
        Annotations.of(this).addWarning(
          `The dead-letter alarm of ${props.name} reads MessagesInPerSec per topic, which MSK publishes only at PER_TOPIC_PER_BROKER monitoring or above (cluster ${cluster.clusterName}: ${level ?? "DEFAULT"}).`,
        );
      }
      createPipelineAlarms(
        scope,
        "pipeline-dead-letter-rate",
        target,
        {
          label: `MessagesInPerSec of ${dlq}`,
          sum: Array.from({ length: cluster.brokerNodes }, (_, i) => ({
            namespace: "AWS/Kafka",
            metricName: "MessagesInPerSec",
            dimensions: { "Cluster Name": cluster.clusterName, "Broker ID": String(i + 1), Topic: dlq },
          })),
        },
        "",
        `on ${dlq}`,
        dlq,
      );
    }
  }
}

function checkMskSettings(msk: PipelineMskSettings | undefined, plan: PipelinePlan, path: string): void {
  if (typeof msk !== "object" || msk === null || typeof msk.plugins !== "object" || msk.plugins === null) {
    failWith(
      "KSE-CONN-105",
      "msk",
      msk,
      "{ vpcId, subnetIds, plugins: { snowflake, debeziumDb2?, jdbc? } }",
      "Give the plugins of the connectors the pipeline needs and the workers' network.",
      path,
    );
  }
  const need: [keyof PipelineMskSettings["plugins"], boolean, string][] = [
    ["snowflake", true, "the Snowflake sink"],
    ["debeziumDb2", plan.byCapture.has("cdc"), "the CDC tables (Debezium Db2)"],
    ["jdbc", [...plan.byCapture.keys()].some((m) => m !== "cdc"), "the polled tables (JDBC source)"],
  ];
  for (const [key, needed, what] of need) {
    if (needed && !ConnectPlugin.isConnectPlugin(msk.plugins[key])) {
      failWith(
        "KSE-CONN-105",
        `msk.plugins.${key}`,
        msk.plugins[key],
        `a ConnectPlugin for ${what}`,
        "Package the connector (with com.ibm.db2:jcc and the msk-config-providers jar) and pass ConnectPlugin.fromS3(...).",
        path,
      );
    }
  }
}
