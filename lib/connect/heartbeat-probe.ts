/**
 * The heartbeat probe of a database → Kafka → warehouse pipeline: what `kafka-standards probe`
 * needs to know (the heartbeat table, its topic, the sink table and how to read it, the metric
 * names the pipeline's alarms read), written at synth time to `probes/<pipeline>-heartbeat.json`
 * with a page on how to run it.
 *
 * The probe writes one row per pipeline (`PIPELINE`, `BEAT_ID` = its clock in epoch ms, `BEAT_AT`),
 * waits for that `BEAT_ID` in the heartbeat topic (source lag) and in the sink table (end-to-end
 * latency), and publishes both as CloudWatch Embedded Metric Format lines and Prometheus gauges.
 * Pure rendering: no cdktf import.
 */
import type { ArtifactFile, ArtifactProducer } from "../core/stack-artifacts";
import { PIPELINE_PROBE } from "../standards/connect-pipeline";
import type { TableCapture } from "./pipeline-plan";

/** Version of the probe file's shape; `kafka-standards probe` refuses other versions. */
export const HEARTBEAT_PROBE_FORMAT = 1;

/** The probe file (`probes/<pipeline>-heartbeat.json`). */
export interface HeartbeatProbeConfig {
  readonly format: typeof HEARTBEAT_PROBE_FORMAT;
  /** Pipeline name: the `Pipeline` dimension and the heartbeat row's key. */
  readonly pipeline: string;
  /** Cluster the pipeline runs on. */
  readonly cluster: string;
  readonly backend: "msk" | "confluent";
  /** Seconds between heartbeats. */
  readonly intervalSeconds: number;
  readonly source: {
    /** `<SCHEMA>.<TABLE>`. */
    readonly table: string;
    /** JDBC URL of the source database (credentials are the probe's own, not the connector's). */
    readonly jdbcUrl: string;
    /** DDL of the heartbeat table. */
    readonly ddl: string;
    /** Connector that carries the heartbeat (and the tables of the same capture mode). */
    readonly connector: string;
    readonly capture: TableCapture;
  };
  /** The heartbeat topic. */
  readonly topic: string;
  readonly sink: {
    /** Qualified sink table. */
    readonly table: string;
    /** JDBC URL of the sink (add `warehouse` in the probe's sink properties). */
    readonly jdbcUrl: string;
    /** Query with one `?` (the pipeline name) returning the newest `BEAT_ID` that reached the sink. */
    readonly query: string;
    readonly connector: string;
  };
  readonly metrics: {
    readonly namespace: string;
    readonly dimensions: Readonly<Record<string, string>>;
    readonly sourceLag: string;
    readonly endToEndLatency: string;
    readonly prometheus: { readonly sourceLag: string; readonly endToEndLatency: string };
  };
}

/** What the pipeline knows about its heartbeat route. */
export interface HeartbeatProbeInput {
  readonly pipeline: string;
  readonly clusterName: string;
  readonly backend: "msk" | "confluent";
  readonly heartbeatTable: string;
  readonly topic: string;
  readonly sourceConnector: string;
  readonly sinkConnector: string;
  readonly capture: TableCapture;
  readonly db2: {
    readonly hostname: string;
    readonly port?: number;
    readonly databaseName: string;
    readonly tls?: boolean;
  };
  readonly snowflake: {
    readonly url: string;
    readonly database: string;
    readonly schema: string;
    readonly role: string;
    /** Sink table name (unqualified). */
    readonly table: string;
    /** Records land as columns (schematization) rather than `RECORD_CONTENT` variants. */
    readonly schematized: boolean;
  };
}

/**
 * The sink query. The Snowflake connector maps a record's first-level fields to columns when
 * schematization is on (else one `RECORD_CONTENT` variant); a Debezium change event nests the row
 * under `after`, a JDBC source record is the row itself.
 */
export function heartbeatSinkQuery(table: string, capture: TableCapture, schematized: boolean): string {
  const c = PIPELINE_PROBE.heartbeatColumns;
  const row = schematized
    ? capture === "cdc"
      ? "AFTER:"
      : ""
    : capture === "cdc"
      ? "RECORD_CONTENT:after:"
      : "RECORD_CONTENT:";
  const id = row ? `${row}${c.beatId}::NUMBER` : c.beatId;
  const key = row ? `${row}${c.pipeline}::STRING` : c.pipeline;
  return `SELECT MAX(${id}) FROM ${table} WHERE ${key} = ?`;
}

/** The probe file of a pipeline. */
export function heartbeatProbeConfig(input: HeartbeatProbeInput): HeartbeatProbeConfig {
  const db2 = input.db2;
  const sf = input.snowflake;
  const sinkTable = `${sf.database}.${sf.schema}.${sf.table}`;
  const account = sf.url.replace(/^https?:\/\//, "");
  return {
    format: HEARTBEAT_PROBE_FORMAT,
    pipeline: input.pipeline,
    cluster: input.clusterName,
    backend: input.backend,
    intervalSeconds: PIPELINE_PROBE.heartbeatIntervalSeconds,
    source: {
      table: input.heartbeatTable,
      jdbcUrl: `jdbc:db2://${db2.hostname}:${db2.port ?? 50000}/${db2.databaseName}${db2.tls !== false ? ":sslConnection=true;" : ""}`,
      ddl: PIPELINE_PROBE.heartbeatDdl.replace("{table}", input.heartbeatTable),
      connector: input.sourceConnector,
      capture: input.capture,
    },
    topic: input.topic,
    sink: {
      table: sinkTable,
      jdbcUrl: `jdbc:snowflake://${account}/?db=${encodeURIComponent(sf.database)}&schema=${encodeURIComponent(sf.schema)}&role=${encodeURIComponent(sf.role)}`,
      query: heartbeatSinkQuery(sinkTable, input.capture, sf.schematized),
      connector: input.sinkConnector,
    },
    metrics: {
      namespace: PIPELINE_PROBE.namespace,
      dimensions: { [PIPELINE_PROBE.dimension]: input.pipeline },
      sourceLag: PIPELINE_PROBE.sourceLagMetric,
      endToEndLatency: PIPELINE_PROBE.endToEndLatencyMetric,
      prometheus: { ...PIPELINE_PROBE.prometheus },
    },
  };
}

/** The page next to the probe file: setup and the command to run. */
export function renderHeartbeatProbePage(config: HeartbeatProbeConfig): string {
  const c = PIPELINE_PROBE.heartbeatColumns;
  const file = `${config.pipeline}-heartbeat.json`;
  return [
    `# Heartbeat probe of pipeline ${config.pipeline}`,
    "",
    `The pipeline's \`pipeline-source-lag\` and \`pipeline-end-to-end-latency\` alarms read metrics that no`,
    `service publishes: this probe does. Every ${config.intervalSeconds} s it writes \`${c.beatId}\` (its clock, epoch ms)`,
    `into \`${config.source.table}\`, then measures when that value appears in topic \`${config.topic}\``,
    `(source lag, through connector \`${config.source.connector}\`) and in \`${config.sink.table}\` (end-to-end`,
    `latency, through \`${config.sink.connector}\`). While a heartbeat is missing, the age of the oldest missing`,
    "one is published, so a stalled pipeline shows a growing lag instead of a gap.",
    "",
    "## Once: the heartbeat table",
    "",
    "```sql",
    `${config.source.ddl};`,
    ...(config.source.capture === "cdc"
      ? [
          `-- Register it for SQL Replication like the pipeline's other CDC tables (ASNCDC.ADDTABLE('${config.source.table.split(".")[0]}', '${config.source.table.split(".")[1]}')).`,
        ]
      : []),
    "```",
    "",
    `The probe's database user needs INSERT and UPDATE on \`${config.source.table}\`; its Snowflake user needs`,
    `SELECT on \`${config.sink.table}\` and USAGE on a warehouse; its Kafka principal needs READ and DESCRIBE on`,
    `\`${config.topic}\` (it reads with manual assignment, no consumer group): in code,`,
    `\`pipeline.heartbeatTopic.grantConsume(cluster.addApplication("${config.pipeline}-probe"), { group: "${config.pipeline}-probe" })\`.`,
    "",
    "## Run it",
    "",
    "```sh",
    `kafka-standards probe --config ${file} \\`,
    '  --bootstrap-server "$BOOTSTRAP" --command-config client.properties \\',
    "  --source-properties db2.properties --sink-properties snowflake.properties \\",
    "  --driver-jars jcc.jar:snowflake-jdbc.jar --prometheus-port 9464",
    "```",
    "",
    "`db2.properties` and `snowflake.properties` are JDBC connection properties (`user`, `password`, or",
    "`private_key_file` and `warehouse` for Snowflake). Each heartbeat prints one CloudWatch Embedded Metric",
    "Format line on stdout: run the probe where stdout reaches CloudWatch Logs (an ECS service with the",
    "`awslogs` log driver, or a host with the CloudWatch agent) and the metrics appear as",
    `\`${config.metrics.namespace}\` / \`${config.metrics.sourceLag}\` and \`${config.metrics.endToEndLatency}\` with dimension`,
    `\`${Object.entries(config.metrics.dimensions)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ")}\`. With \`--prometheus-port\`, \`/metrics\` serves \`${config.metrics.prometheus.sourceLag}\` and`,
    `\`${config.metrics.prometheus.endToEndLatency}\` with the label \`pipeline="${config.pipeline}"\`.`,
    "",
    "Sink query (override with `--sink-query` if the sink table was created differently):",
    "",
    "```sql",
    config.sink.query,
    "```",
    "",
  ].join("\n");
}

/** The producer of one pipeline's probe file and page. */
export function heartbeatProbeProducer(input: HeartbeatProbeInput): ArtifactProducer {
  return {
    name: `heartbeat-probe-${input.pipeline}`,
    order: 28,
    produce(): ArtifactFile[] {
      const config = heartbeatProbeConfig(input);
      return [
        { path: `probes/${input.pipeline}-heartbeat.json`, content: `${JSON.stringify(config, null, 2)}\n` },
        { path: `probes/${input.pipeline}-heartbeat.md`, content: renderHeartbeatProbePage(config) },
      ];
    },
  };
}
