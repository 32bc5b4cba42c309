/**
 * CloudWatch alarms of connectors and pipelines on MSK, from `PIPELINE_ALARM_THRESHOLDS`: Warning
 * and Critical levels, each notifying the escalation topic of its severity and linking its runbook
 * (`<runbook base>/<pipeline or connector>-<alarm id>.md`, written by {@link pipelineRunbookProducer}).
 */
import { Construct } from "constructs";
import { CloudwatchMetricAlarm, CloudwatchMetricAlarmConfig } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { recordMetadata } from "../core/resource-metadata";
import { AlarmSeverity } from "../standards/alarm-thresholds";
import { PIPELINE_ALARM_THRESHOLDS, PipelineAlarmThreshold } from "../standards/connect-pipeline";
import { AlarmEscalation } from "../monitoring/alarm-escalation";
import { DEFAULT_RUNBOOK_BASE } from "../monitoring/msk-monitoring";

/** Who an alarm belongs to and where it escalates. */
export interface PipelineAlarmTarget {
  /** Pipeline name, or the connector's when it is not part of a pipeline (the runbook file prefix). */
  readonly owner: string;
  /** Pipeline name, when part of one. */
  readonly pipeline?: string;
  /** Connector name, for connector alarms. */
  readonly connector?: string;
  /** Tier. */
  readonly tier: string;
  /** Escalation topics (the cluster's). */
  readonly escalation: AlarmEscalation;
  /** Tags. */
  readonly tags: Readonly<Record<string, string>>;
  /** Base of runbook links. @default "kafka-standards/runbooks" */
  readonly runbookBaseUrl?: string;
}

/** The metric an alarm watches: one metric, or a metric-math sum of several. */
export type PipelineAlarmMetric =
  | {
      readonly namespace: string;
      readonly metricName: string;
      readonly dimensions: Readonly<Record<string, string>>;
    }
  | {
      /** Metrics summed into one series (e.g. a topic's MessagesInPerSec on every broker). */
      readonly sum: readonly {
        readonly namespace: string;
        readonly metricName: string;
        readonly dimensions: Readonly<Record<string, string>>;
      }[];
      /** Label of the sum. */
      readonly label: string;
      /** The sum is divided by this (a planned volume: the alarm compares a ratio). @default 1 */
      readonly divideBy?: number;
    };

/** The standard's definition of a pipeline alarm id. */
export function pipelineAlarmDefinition(id: string): PipelineAlarmThreshold {
  return PIPELINE_ALARM_THRESHOLDS.find((a) => a.id === id)!;
}

/** Runbook link of a pipeline alarm. */
export function pipelineRunbookLink(target: PipelineAlarmTarget, alarmId: string): string {
  return `${target.runbookBaseUrl ?? DEFAULT_RUNBOOK_BASE}/${target.owner}-${alarmId}.md`;
}

/**
 * Creates the Warning and Critical alarms of one pipeline alarm id on one metric.
 * @param suffix distinguishes instances of the same alarm (e.g. per dead-letter topic)
 * @param where what the instance watches, for the description
 */
export function createPipelineAlarms(
  scope: Construct,
  alarmId: string,
  target: PipelineAlarmTarget,
  metric: PipelineAlarmMetric,
  suffix = "",
  where = "",
  topic?: string,
): CloudwatchMetricAlarm[] {
  const def = pipelineAlarmDefinition(alarmId);
  const runbook = pipelineRunbookLink(target, def.id);
  const levels: [AlarmSeverity, { threshold: number; evaluationPeriods: number }][] = [];
  if (def.warning) levels.push(["Warning", def.warning]);
  levels.push(["Critical", def.critical]);
  return levels.map(([severity, level]) => {
    const base: CloudwatchMetricAlarmConfig = {
      alarmName: `${target.owner}-${def.id}${suffix ? `-${suffix}` : ""}-${severity.toLowerCase()}`,
      alarmDescription: `${severity}: ${def.summary}${where ? ` ${where}.` : ""} Threshold ${def.comparison.replace("Threshold", "")} ${level.threshold} for ${level.evaluationPeriods} × ${def.periodSeconds} s. Runbook: ${runbook}`,
      comparisonOperator: def.comparison,
      threshold: level.threshold,
      evaluationPeriods: level.evaluationPeriods,
      datapointsToAlarm: level.evaluationPeriods,
      treatMissingData: def.missingIsBreaching ? "breaching" : "notBreaching",
      alarmActions: [target.escalation.topicArn(severity)],
      okActions: severity === "Critical" ? [target.escalation.topicArn(severity)] : undefined,
      tags: { ...target.tags },
    };
    const config: CloudwatchMetricAlarmConfig =
      "sum" in metric
        ? {
            ...base,
            metricQuery: [
              ...metric.sum.map((m, i) => ({
                id: `m${i}`,
                metric: {
                  namespace: m.namespace,
                  metricName: m.metricName,
                  dimensions: { ...m.dimensions },
                  period: def.periodSeconds,
                  stat: def.statistic,
                },
              })),
              {
                id: "total",
                expression:
                  metric.divideBy === undefined
                    ? metric.sum.map((_, i) => `m${i}`).join(" + ")
                    : `(${metric.sum.map((_, i) => `m${i}`).join(" + ")}) / ${metric.divideBy}`,
                label: metric.label,
                returnData: true,
              },
            ],
          }
        : {
            ...base,
            namespace: metric.namespace,
            metricName: metric.metricName,
            dimensions: { ...metric.dimensions },
            period: def.periodSeconds,
            statistic: def.statistic,
          };
    const alarm = new CloudwatchMetricAlarm(scope, `${def.id}${suffix ? `-${suffix}` : ""}-${severity}`, config);
    recordMetadata(alarm, {
      tier: target.tier,
      construct: "PipelineMonitoring",
      alarm: def.id,
      severity,
      runbook,
      pipeline: target.pipeline,
      connector: target.connector,
      topic,
      // Known here even when the escalation topics live in another stack.
      escalation: target.escalation.topics[severity].nameInput?.replace(/-alarms-(warning|critical)$/, ""),
    });
    return alarm;
  });
}
