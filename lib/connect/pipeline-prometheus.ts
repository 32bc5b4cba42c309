/**
 * Pipeline monitoring on Confluent Cloud: a Prometheus rule file per pipeline
 * (`monitoring/<pipeline>-pipeline-rules.yml`) over the Metrics API export (dead-letter records,
 * the managed sink's consumer lag) and the heartbeat probe's gauges (source lag, end-to-end
 * latency), with the pipeline runbooks the alerts link to.
 */
import { ArtifactFile, ArtifactProducer } from "../core/stack-artifacts";
import { KAFKA_CLUSTER_ID_PLACEHOLDER, promString } from "../monitoring/confluent-metric-factory";
import { DEFAULT_RUNBOOK_BASE } from "../monitoring/msk-monitoring";
import { CONFLUENT_METRICS } from "../standards/confluent-metrics";
import { CONFLUENT_MANAGED_SINK_GROUP_PREFIX } from "../standards/connect";
import { PIPELINE_ALARM_THRESHOLDS, PIPELINE_PROBE, PipelineAlarmThreshold } from "../standards/connect-pipeline";
import { renderPipelineRunbook } from "./pipeline-runbooks";

/** What the rule file of one pipeline needs. */
export interface PipelinePrometheusInput {
  /** Pipeline name. */
  readonly pipeline: string;
  /** Cluster name (escalation and labels). */
  readonly clusterName: string;
  /** Tier label. */
  readonly tier: string;
  /** Topics the sink reads. */
  readonly sinkTopics: readonly string[];
  /** Dead-letter topics. */
  readonly deadLetterTopics: readonly string[];
  /** Connectors of the pipeline. */
  readonly connectors: readonly string[];
  /** Heartbeat table of the probe. */
  readonly heartbeatTable?: string;
  /** Base of runbook links. @default "kafka-standards/runbooks" */
  readonly runbookBaseUrl?: string;
  /**
   * Topics whose throughput is compared with a planned volume (MQ migration flows).
   * @default - no throughput alert
   */
  readonly plannedThroughput?: { readonly topics: readonly string[]; readonly messagesPerSecond: number };
}

/** One alert of the file. */
export interface PipelineAlert {
  readonly id: string;
  readonly severity: "Warning" | "Critical";
  readonly expr: string;
  readonly forMinutes: number;
}

const OPS: Record<string, string> = {
  GreaterThanThreshold: ">",
  GreaterThanOrEqualToThreshold: ">=",
  LessThanThreshold: "<",
  LessThanOrEqualToThreshold: "<=",
};

function regexAlternatives(values: readonly string[]): string {
  return values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
}

function base(def: PipelineAlarmThreshold, input: PipelinePrometheusInput): string | undefined {
  const id = promString(KAFKA_CLUSTER_ID_PLACEHOLDER);
  const pipeline = promString(input.pipeline);
  switch (def.source) {
    case "probe": {
      const metric =
        def.id === "pipeline-source-lag"
          ? PIPELINE_PROBE.prometheus.sourceLag
          : PIPELINE_PROBE.prometheus.endToEndLatency;
      return `max(${metric}{pipeline=${pipeline}})`;
    }
    case "dead-letter-topic":
      if (input.deadLetterTopics.length === 0) return undefined;
      // Counters are exported as the delta of one 60-second sample (confluent-metrics.ts).
      return `sum(confluent_kafka_server_received_records{kafka_id=${id},topic=~${promString(regexAlternatives(input.deadLetterTopics))}}) / 60`;
    case "sink-group":
      if (input.sinkTopics.length === 0) return undefined;
      return `max by (consumer_group_id, topic) (${CONFLUENT_METRICS.consumerLagOffsets.name}{kafka_id=${id},consumer_group_id=~${promString(`${CONFLUENT_MANAGED_SINK_GROUP_PREFIX}.*`)},topic=~${promString(regexAlternatives(input.sinkTopics))}})`;
    case "topic-throughput": {
      const planned = input.plannedThroughput;
      if (!planned || planned.topics.length === 0) return undefined;
      return `sum(confluent_kafka_server_received_records{kafka_id=${id},topic=~${promString(regexAlternatives(planned.topics))}}) / 60 / ${planned.messagesPerSecond}`;
    }
    case "connector":
      // Connector task state is not in the Metrics API export: watched through the connector's status.
      return undefined;
  }
}

/** The pipeline's alerts, Warning before Critical. */
export function pipelineAlerts(input: PipelinePrometheusInput): PipelineAlert[] {
  const out: PipelineAlert[] = [];
  for (const def of PIPELINE_ALARM_THRESHOLDS) {
    const expr = base(def, input);
    if (!expr) continue;
    const levels: ["Warning" | "Critical", { threshold: number; evaluationPeriods: number }][] = [];
    if (def.warning) levels.push(["Warning", def.warning]);
    levels.push(["Critical", def.critical]);
    for (const [severity, level] of levels) {
      const cond = `${expr} ${OPS[def.comparison]} ${level.threshold}`;
      const missing =
        def.missingIsBreaching && def.source === "probe" ? ` or absent(${expr.replace(/^max\((.*)\)$/, "$1")})` : "";
      out.push({
        id: def.id,
        severity,
        expr: `${cond}${missing}`,
        forMinutes: (level.evaluationPeriods * def.periodSeconds) / 60,
      });
    }
  }
  return out;
}

const q = (v: string): string => JSON.stringify(v);

/** Renders `monitoring/<pipeline>-pipeline-rules.yml`. */
export function renderPipelinePrometheusRules(input: PipelinePrometheusInput): string {
  const runbookBase = input.runbookBaseUrl ?? DEFAULT_RUNBOOK_BASE;
  const out = [
    `# Prometheus alerting rules of pipeline ${input.pipeline} on Confluent Cloud cluster ${input.clusterName} (tier ${input.tier}).`,
    "# Generated by cdktf-kafka-standards from lib/standards/connect-pipeline.ts; do not edit, synthesize again.",
    "#",
    "# Metrics: the Confluent Cloud Metrics API export of the cluster (see the cluster's own rule file), and the",
    `# pipeline's heartbeat probe, which publishes ${PIPELINE_PROBE.prometheus.sourceLag} and`,
    `# ${PIPELINE_PROBE.prometheus.endToEndLatency} with the label pipeline="${input.pipeline}".`,
    `# The cluster id is known after terraform apply: substitute ${KAFKA_CLUSTER_ID_PLACEHOLDER} with`,
    `#   envsubst '${KAFKA_CLUSTER_ID_PLACEHOLDER}' < ${input.pipeline}-pipeline-rules.yml > /etc/prometheus/rules/${input.pipeline}.yml`,
    "groups:",
    `  - name: ${q(`kafka-standards-pipeline-${input.pipeline}`)}`,
    "    interval: 1m",
    "    rules:",
  ];
  for (const a of pipelineAlerts(input)) {
    const def = PIPELINE_ALARM_THRESHOLDS.find((d) => d.id === a.id)!;
    out.push(
      `      - alert: ${a.id.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase())}`,
      `        expr: ${q(a.expr)}`,
      `        for: ${a.forMinutes}m`,
      "        labels:",
      `          severity: ${a.severity.toLowerCase()}`,
      `          pipeline: ${q(input.pipeline)}`,
      `          cluster: ${q(input.clusterName)}`,
      `          tier: ${q(input.tier)}`,
      `          alarm: ${q(a.id)}`,
      "        annotations:",
      `          summary: ${q(`${input.pipeline}: ${def.summary}`)}`,
      `          runbook_url: ${q(`${runbookBase}/${input.pipeline}-${a.id}.md`)}`,
    );
  }
  return `${out.join("\n")}\n`;
}

/** The producer of one Confluent pipeline: its rule file and runbooks. */
export function pipelinePrometheusProducer(input: PipelinePrometheusInput): ArtifactProducer {
  return {
    name: `pipeline-monitoring-${input.pipeline}`,
    order: 27,
    produce(): ArtifactFile[] {
      const alerts = pipelineAlerts(input);
      const files: ArtifactFile[] = [
        { path: `monitoring/${input.pipeline}-pipeline-rules.yml`, content: renderPipelinePrometheusRules(input) },
      ];
      for (const id of [...new Set(alerts.map((a) => a.id))]) {
        files.push({
          path: `runbooks/${input.pipeline}-${id}.md`,
          content: renderPipelineRunbook({
            owner: input.pipeline,
            alarmId: id,
            alarms: alerts
              .filter((a) => a.id === id)
              .map((a) => ({
                name: `${a.id} (${a.severity})`,
                severity: a.severity,
                condition: `\`${a.expr}\` for ${a.forMinutes} min`,
              })),
            connectors: input.connectors,
            topics:
              id === "pipeline-dead-letter-rate"
                ? input.deadLetterTopics
                : id === "pipeline-throughput-over-plan"
                  ? (input.plannedThroughput?.topics ?? [])
                  : input.sinkTopics,
            platform: "Confluent Cloud",
            heartbeatTable: input.heartbeatTable,
            escalationPrefix: input.clusterName,
          }),
        });
      }
      return files;
    },
  };
}
