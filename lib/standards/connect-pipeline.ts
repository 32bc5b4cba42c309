/**
 * Data pipelines (source connector → topics → sink connector): sizing rules, the alarms every
 * pipeline gets and their runbooks.
 *
 * Metrics:
 * - [mskc-metrics] MSK Connect developer guide, "Monitoring MSK Connect": namespace `AWS/KafkaConnect`,
 *   dimension `ConnectorName`, metrics `ErroredTaskCount`, `RunningTaskCount`, `SourceRecordPollRate`,
 *   `SinkRecordReadRate`, `CpuUtilization`, …
 * - [msk-metrics] MSK metrics reference: `MessagesInPerSec` per `Topic` and `Broker ID` at the
 *   PER_TOPIC_PER_BROKER monitoring level; `EstimatedMaxTimeLag` / `MaxOffsetLag` per consumer group
 *   and topic (used through the cluster's consumer-lag alarms).
 * - [cc-metrics] Confluent Cloud Metrics API export: `confluent_kafka_server_received_records` (delta
 *   of one 60-second sample, per topic) and `confluent_kafka_server_consumer_lag_offsets`
 *   (grafana.com/solutions/confluent-cloud/monitor key metrics; lib/standards/confluent-metrics.ts).
 * - Source lag and end-to-end latency have no service metric on either platform: the pipeline's
 *   heartbeat probe publishes them (see `PIPELINE_PROBE`).
 *
 * No cdktf import here: this is data.
 */
import { AlarmComparison, AlarmLevel } from "./alarm-thresholds";
import { RunbookEntry } from "./runbooks";
import { MQ_MIGRATION_STANDARD } from "./mq-migration";

/** Namespace and metric names the pipeline's heartbeat probe publishes (CloudWatch and Prometheus). */
export const PIPELINE_PROBE = Object.freeze({
  /** CloudWatch namespace of the probe's metrics. */
  namespace: "KafkaStandards/Pipelines",
  /** Dimension naming the pipeline. */
  dimension: "Pipeline",
  /** Seconds between a heartbeat row's commit in the source database and its arrival in Kafka. */
  sourceLagMetric: "SourceLagSeconds",
  /** Seconds between a heartbeat row's commit in the source database and its arrival in the sink. */
  endToEndLatencyMetric: "EndToEndLatencySeconds",
  /** Prometheus names of the same two gauges (label `pipeline`). */
  prometheus: Object.freeze({
    sourceLag: "kafka_standards_pipeline_source_lag_seconds",
    endToEndLatency: "kafka_standards_pipeline_end_to_end_latency_seconds",
  }),
  /** Seconds between heartbeat rows: the probe's resolution. */
  heartbeatIntervalSeconds: 60,
  /**
   * Columns of the heartbeat table, one row per pipeline: the probe updates `BEAT_ID` (its clock in
   * epoch milliseconds, strictly increasing) and `BEAT_AT` (the database's `CURRENT TIMESTAMP`) and
   * waits for that `BEAT_ID` in the pipeline's heartbeat topic and in the sink.
   */
  heartbeatColumns: Object.freeze({ pipeline: "PIPELINE", beatId: "BEAT_ID", beatAt: "BEAT_AT" }),
  /** Db2 DDL of the heartbeat table (`{table}` is the qualified name). */
  heartbeatDdl:
    "CREATE TABLE {table} (PIPELINE VARCHAR(128) NOT NULL PRIMARY KEY, BEAT_ID BIGINT NOT NULL, BEAT_AT TIMESTAMP NOT NULL)",
});

/** Where a pipeline alarm's metric comes from. */
export type PipelineMetricSource =
  /** The pipeline's heartbeat probe. */
  | "probe"
  /** Records written to the pipeline's dead-letter topics (broker topic metrics). */
  | "dead-letter-topic"
  /** The connector service (MSK Connect `AWS/KafkaConnect`, Confluent connector status). */
  | "connector"
  /** Consumer lag of the sink connector's group (Confluent Cloud; on MSK the cluster's lag alarms). */
  | "sink-group"
  /** Records written to a flow's topic, divided by the volume its inventory declared (MQ migration). */
  | "topic-throughput";

/** One alarm every pipeline gets. */
export interface PipelineAlarmThreshold {
  /** Stable id, used in alarm names and runbook file names (`<pipeline>-<id>.md`). */
  readonly id: string;
  /** What is measured. */
  readonly source: PipelineMetricSource;
  /** Metric name on MSK (CloudWatch). */
  readonly cloudWatchMetric: string;
  /** Statistic. */
  readonly statistic: "Maximum" | "Sum" | "Average";
  /** Period, seconds. */
  readonly periodSeconds: number;
  /** Comparison. */
  readonly comparison: AlarmComparison;
  /** Warning level. */
  readonly warning?: AlarmLevel;
  /** Critical level. */
  readonly critical: AlarmLevel;
  /** A missing metric is itself a failure (the probe stopped publishing). */
  readonly missingIsBreaching: boolean;
  /** One-line meaning. */
  readonly summary: string;
  /** Where the number comes from. */
  readonly rationale: string;
}

/**
 * The pipeline alarms. Sink lag is the consumer lag of the sink connector's group, alarmed through
 * the cluster's own consumer-lag alarms (`consumer-max-offset-lag`, `consumer-estimated-time-lag`).
 */
export const PIPELINE_ALARM_THRESHOLDS: readonly PipelineAlarmThreshold[] = Object.freeze(
  (
    [
      {
        id: "pipeline-source-lag",
        source: "probe",
        cloudWatchMetric: PIPELINE_PROBE.sourceLagMetric,
        statistic: "Maximum",
        periodSeconds: 300,
        comparison: "GreaterThanThreshold",
        warning: { threshold: 300, evaluationPeriods: 3 },
        critical: { threshold: 900, evaluationPeriods: 3 },
        missingIsBreaching: true,
        summary: "Changes committed in the source database take too long to reach Kafka (seconds).",
        rationale:
          "Same 5/15-minute freshness objective as the consumer-lag alarms (alarm-thresholds.ts consumer-estimated-time-lag); a silent probe counts as lag.",
      },
      {
        id: "pipeline-end-to-end-latency",
        source: "probe",
        cloudWatchMetric: PIPELINE_PROBE.endToEndLatencyMetric,
        statistic: "Maximum",
        periodSeconds: 300,
        comparison: "GreaterThanThreshold",
        warning: { threshold: 600, evaluationPeriods: 3 },
        critical: { threshold: 1800, evaluationPeriods: 3 },
        missingIsBreaching: true,
        summary: "Changes committed in the source database take too long to reach the sink (seconds).",
        rationale:
          "Source and sink freshness objectives added (2 × 5 min, 2 × 15 min) ; a silent probe counts as latency.",
      },
      {
        id: "pipeline-dead-letter-rate",
        source: "dead-letter-topic",
        cloudWatchMetric: "MessagesInPerSec",
        statistic: "Average",
        periodSeconds: 300,
        comparison: "GreaterThanThreshold",
        warning: { threshold: 0, evaluationPeriods: 1 },
        critical: { threshold: 1, evaluationPeriods: 3 },
        missingIsBreaching: false,
        summary: "Records are failing conversion or transformation and land in the dead-letter topic (records/s).",
        rationale:
          "Any dead-lettered record is a data-quality incident (Warning); a sustained rate of 1/s for 15 min means a systematic failure (Critical).",
      },
      {
        id: "pipeline-sink-lag",
        source: "sink-group",
        cloudWatchMetric: "MaxOffsetLag",
        statistic: "Maximum",
        periodSeconds: 300,
        comparison: "GreaterThanThreshold",
        warning: { threshold: 10000, evaluationPeriods: 3 },
        critical: { threshold: 100000, evaluationPeriods: 3 },
        missingIsBreaching: false,
        summary: "The sink connector's consumer group falls behind its topics (records).",
        rationale:
          "The cluster's consumer-max-offset-lag levels (alarm-thresholds.ts). On MSK the sink group gets the cluster's own lag alarms; this id is used by the Confluent Cloud rule file.",
      },
      {
        id: "pipeline-connector-failed-tasks",
        source: "connector",
        cloudWatchMetric: "ErroredTaskCount",
        statistic: "Maximum",
        periodSeconds: 60,
        comparison: "GreaterThanThreshold",
        critical: { threshold: 0, evaluationPeriods: 5 },
        missingIsBreaching: false,
        summary: "A connector task has failed: its share of the data is not moving.",
        rationale: "[mskc-metrics] ErroredTaskCount should be 0; 5 minutes allows an automatic restart.",
      },
      {
        id: "pipeline-throughput-over-plan",
        source: "topic-throughput",
        cloudWatchMetric: "MessagesInPerSec",
        statistic: "Average",
        periodSeconds: 300,
        comparison: "GreaterThanThreshold",
        warning: { threshold: MQ_MIGRATION_STANDARD.throughputWarningRatio, evaluationPeriods: 3 },
        critical: { threshold: MQ_MIGRATION_STANDARD.throughputCriticalRatio, evaluationPeriods: 3 },
        missingIsBreaching: false,
        summary:
          "A migrated flow carries more messages than its inventory declared (observed ÷ declared volume): its topic was sized for less.",
        rationale:
          "Partitions are planned from the inventory's peak volume (mq-migration-plan.ts); 1.5 × for 15 min means the plan is out of date, 2 × means the partitions' capacity margin is gone (mq-migration.ts MQ_MIGRATION_STANDARD).",
      },
    ] as PipelineAlarmThreshold[]
  ).map((a) => Object.freeze(a)),
);

/** Sizing of a pipeline's topics. */
export const PIPELINE_SIZING = Object.freeze({
  /**
   * Retention ≥ this many recovery SLAs: data must outlive a sink outage as long as the agreed
   * recovery time, and a full replay after it.
   */
  retentionPerRecoverySla: 2,
  /** Default recovery SLA of the sink, hours. */
  defaultRecoverySlaHours: 24,
  /** Topic compression of pipeline topics on MSK (producer-side on Confluent Cloud, where it is fixed). */
  defaultCompression: "lz4" as "lz4" | "snappy",
  /** Compression codecs the standard allows for pipeline topics. */
  compressions: Object.freeze(["lz4", "snappy"] as const),
});

// Run through the Db2 command line processor so the runbook block is a shell command.
const PROBE_SQL =
  'db2 "SELECT TIMESTAMPDIFF(2, CHAR(CURRENT TIMESTAMP - MAX(BEAT_AT))) FROM {heartbeatTable}"  # seconds since the last heartbeat';

/** Runbook content per pipeline alarm id. Placeholders: `{pipeline}`, `{connector}`, `{topic}`, `{group}`. */
export const PIPELINE_RUNBOOKS: Readonly<Record<string, RunbookEntry>> = Object.freeze({
  "pipeline-source-lag": {
    symptom:
      "The newest heartbeat row seen in Kafka is older than the objective, or the probe stopped publishing SourceLagSeconds.",
    impact:
      "Downstream data in the sink is stale. With a log-based CDC source the change tables keep growing in the source database; with a polling source, rows updated twice between polls lose their intermediate state.",
    checks: [
      {
        step: "Connector and task state (MSK Connect)",
        command:
          "aws kafkaconnect list-connectors --connector-name-prefix {connector} --query 'connectors[].{name:connectorName,state:connectorState}'",
      },
      { step: "Age of the newest heartbeat row in the source database", command: PROBE_SQL },
      {
        step: "Records the source connector wrote in the last hour",
        command:
          'aws cloudwatch get-metric-statistics --namespace AWS/KafkaConnect --metric-name SourceRecordWriteRate --dimensions Name=ConnectorName,Value={connector} --start-time "$(( $(date -u +%s) - 3600 ))" --end-time "$(date -u +%s)" --period 300 --statistics Average',
      },
    ],
    remediation: [
      "If a task failed, read the connector's worker log group for the first ERROR and fix its cause (credentials, network, database permissions); then restart the task.",
      "For Debezium Db2: check that the ASN capture agent runs (`VALUES ASNCDC.ASNCDCSERVICES('status','asncdc')`) and that the table is still in capture mode.",
      "For polling sources: check the timestamp column is set on every update and that `poll.interval.ms` and `batch.max.rows` keep up with the change rate.",
      "If the probe itself stopped, restart it: without it the pipeline is not monitored.",
    ],
  },
  "pipeline-end-to-end-latency": {
    symptom:
      "The newest heartbeat row in the sink is older than the objective, or the probe stopped publishing EndToEndLatencySeconds.",
    impact: "Reports and applications reading the sink see stale data.",
    checks: [
      { step: "Age of the newest heartbeat row in the source database", command: PROBE_SQL },
      {
        step: "Consumer lag of the sink connector's group",
        command:
          "kafka-consumer-groups.sh --bootstrap-server {bootstrap} --command-config client.properties --describe --group {group}",
      },
    ],
    remediation: [
      "If source lag is also high, follow the source-lag runbook first.",
      "If the sink group lags, check the sink connector's tasks and the sink's availability (Snowflake warehouse, role grants, private key rotation).",
      "Raise the sink's flush/buffer settings only after the cause is known: larger buffers trade latency for throughput.",
    ],
  },
  "pipeline-dead-letter-rate": {
    symptom: "Records arrive in the pipeline's dead-letter topic.",
    impact:
      "Each dead-lettered record is missing from the sink until it is replayed; the pipeline keeps running for all other records.",
    checks: [
      {
        step: "Read the newest dead-letter records with their error context headers",
        command:
          "kafka-console-consumer.sh --bootstrap-server {bootstrap} --consumer.config client.properties --topic {topic} --from-beginning --max-messages 10 --property print.headers=true",
      },
    ],
    remediation: [
      "Group the records by the header `__connect.errors.exception.class.name` and the original topic `__connect.errors.topic`.",
      "Fix the cause: an incompatible schema change (check the subject's compatibility), a value the sink rejects, or a transformation bug.",
      "Replay the dead-lettered records to the original topic once fixed, then confirm they arrived in the sink.",
    ],
  },
  "pipeline-sink-lag": {
    symptom: "The sink connector's consumer group lags behind the pipeline's topics.",
    impact:
      "Data reaches the sink late; retention may delete unread records if the lag lasts longer than the topics keep data.",
    checks: [
      {
        step: "Consumer lag per topic and partition of the sink's group",
        command:
          "kafka-consumer-groups.sh --bootstrap-server {bootstrap} --command-config client.properties --describe --group {group}",
      },
    ],
    remediation: [
      "Check the sink connector's status and its tasks; restart failed tasks.",
      "Check the sink system (Snowflake warehouse, role, key) for throttling or authorization errors.",
      "If the load grew, add partitions to the topics and raise tasks.max to match.",
    ],
  },
  "pipeline-throughput-over-plan": {
    symptom: "The flow's topic receives more messages per second than the migration inventory declared for the flow.",
    impact:
      "The topic's partitions were sized for the declared volume: consumers and the connectors may fall behind, and strict-order flows (one partition) have no headroom.",
    checks: [
      {
        step: "Records per second written to the flow's topic over the last hour (MSK)",
        command:
          'aws cloudwatch get-metric-statistics --namespace AWS/Kafka --metric-name MessagesInPerSec --dimensions Name=Topic,Value={topic} --start-time "$(( $(date -u +%s) - 3600 ))" --end-time "$(date -u +%s)" --period 300 --statistics Average',
      },
      {
        step: "Consumer lag of the flow's consumers",
        command:
          "kafka-consumer-groups.sh --bootstrap-server {bootstrap} --command-config client.properties --describe --all-groups",
      },
    ],
    remediation: [
      "Confirm the new volume with the flow's producers (a batch job, a new client, a replay).",
      "Update the flow's volumeMessagesPerSecond in the inventory and synthesize: the plan re-sizes the partitions and the alarm's baseline.",
      "For a strict-order flow beyond one partition's capacity, move it to ordering by key before raising the volume.",
    ],
  },
  "pipeline-connector-failed-tasks": {
    symptom: "A connector reports failed tasks.",
    impact: "The partitions or tables of the failed task are not moving; lag grows until it restarts.",
    checks: [
      {
        step: "Connector state and its latest operations (MSK Connect)",
        command:
          "aws kafkaconnect list-connectors --connector-name-prefix {connector} --query 'connectors[].{name:connectorName,state:connectorState,arn:connectorArn}'",
      },
    ],
    remediation: [
      "Read the first ERROR of the failed task in the connector's worker log group.",
      "Fix the cause, then restart the connector (MSK Connect restarts failed tasks itself; re-create the connector if it stays FAILED).",
    ],
  },
});
