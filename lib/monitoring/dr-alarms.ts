/**
 * Alarms of a disaster-recovery pair on MSK, with thresholds derived from its RPO, Warning and
 * Critical, each notifying the standby cluster's escalation topic of its severity.
 *
 * Metrics (verified against the AWS developer guide):
 * - MSK Replicator: namespace `AWS/Kafka`, dimension `ReplicatorName`: `ReplicationLatency`
 *   (milliseconds, Maximum), `MessageLag` (count, Sum), `ReplicatorFailure`, `AuthError`
 *   (docs.aws.amazon.com/msk/latest/developerguide/msk-replicator-metrics-ref.html).
 * - MSK Connect: namespace `AWS/KafkaConnect`, dimension `ConnectorName`: `RunningTaskCount`,
 *   `SourceRecordWriteRate` (docs.aws.amazon.com/msk/latest/developerguide/mkc-monitoring-overview.html).
 *   MirrorMaker 2's own `replication-latency-ms` and checkpoint metrics are JMX metrics that MSK
 *   Connect does not publish: the heartbeat and checkpoint connectors' write rates stand for them.
 */
import { Construct } from "constructs";
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { recordMetadata } from "../core/resource-metadata";
import { AlarmSeverity } from "../standards/alarm-thresholds";
import { AlarmEscalation } from "./alarm-escalation";

/** One alarm of a DR pair, as the runbook lists it. */
export interface DrAlarmSpec {
  /** Alarm id (file suffix of the runbook section). */
  readonly id: string;
  readonly severity: AlarmSeverity;
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly statistic: "Maximum" | "Minimum" | "Sum" | "Average";
  readonly comparison: "GreaterThanThreshold" | "LessThanThreshold";
  readonly threshold: number;
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  readonly missingIsBreaching: boolean;
  /** What it means, for the description. */
  readonly summary: string;
}

/** Period of the alarms, seconds: one minute, CloudWatch's standard resolution. */
const PERIOD = 60;

/** Periods a condition must hold: the RPO in minutes, at least `min`. */
function periodsWithin(rpoSeconds: number, min: number): number {
  return Math.max(min, Math.ceil(rpoSeconds / PERIOD));
}

/** The alarms of an MSK Replicator, from the RPO. */
export function replicatorAlarmSpecs(replicatorName: string, rpoSeconds: number): DrAlarmSpec[] {
  const dims = { ReplicatorName: replicatorName };
  const base = { namespace: "AWS/Kafka", dimensions: dims, periodSeconds: PERIOD };
  return [
    {
      ...base,
      id: "replication-latency",
      severity: "Warning",
      metricName: "ReplicationLatency",
      statistic: "Maximum",
      comparison: "GreaterThanThreshold",
      // Half the RPO: time to act before the RPO is at risk.
      threshold: Math.round(rpoSeconds * 500),
      evaluationPeriods: 3,
      missingIsBreaching: false,
      summary: `replication latency above half the RPO (${rpoSeconds / 2} s)`,
    },
    {
      ...base,
      id: "replication-latency",
      severity: "Critical",
      metricName: "ReplicationLatency",
      statistic: "Maximum",
      comparison: "GreaterThanThreshold",
      threshold: Math.round(rpoSeconds * 1000),
      evaluationPeriods: 2,
      missingIsBreaching: false,
      summary: `replication latency above the RPO (${rpoSeconds} s): a failover now would lose more than agreed`,
    },
    {
      ...base,
      id: "replicator-failure",
      severity: "Critical",
      metricName: "ReplicatorFailure",
      statistic: "Maximum",
      comparison: "GreaterThanThreshold",
      threshold: 0,
      evaluationPeriods: 1,
      missingIsBreaching: false,
      summary: "the replicator reports failures",
    },
    {
      ...base,
      id: "replicator-auth-error",
      severity: "Critical",
      metricName: "AuthError",
      statistic: "Sum",
      comparison: "GreaterThanThreshold",
      threshold: 0,
      evaluationPeriods: 1,
      missingIsBreaching: false,
      summary: "the replicator's execution role is refused by a cluster",
    },
  ];
}

/** The alarms of MirrorMaker 2 on MSK Connect, from the RPO and the offset-sync interval. */
export function mirrorMakerAlarmSpecs(
  connectors: { readonly source: string; readonly checkpoint: string; readonly heartbeat: string },
  rpoSeconds: number,
  offsetSyncIntervalSeconds: number,
): DrAlarmSpec[] {
  const kc = (name: string) => ({
    namespace: "AWS/KafkaConnect",
    dimensions: { ConnectorName: name },
    periodSeconds: PERIOD,
  });
  return [
    {
      ...kc(connectors.source),
      id: "source-tasks",
      severity: "Critical",
      metricName: "RunningTaskCount",
      statistic: "Minimum",
      comparison: "LessThanThreshold",
      threshold: 1,
      // Nothing replicates while no task runs: alarm before the RPO is spent.
      evaluationPeriods: periodsWithin(rpoSeconds / 2, 1),
      missingIsBreaching: true,
      summary: "no MirrorMaker 2 source task is running: nothing is replicated",
    },
    {
      ...kc(connectors.heartbeat),
      id: "heartbeat-freshness",
      severity: "Critical",
      metricName: "SourceRecordWriteRate",
      statistic: "Maximum",
      comparison: "LessThanThreshold",
      // One heartbeat a second (emit.heartbeats.interval.seconds=1): none for the RPO means the
      // standby's Connect cannot write.
      threshold: 0.1,
      evaluationPeriods: periodsWithin(rpoSeconds, 1),
      missingIsBreaching: true,
      summary: `no heartbeat written to the standby for the RPO (${rpoSeconds} s)`,
    },
    {
      ...kc(connectors.checkpoint),
      id: "checkpoint-age",
      severity: "Warning",
      metricName: "SourceRecordWriteRate",
      statistic: "Maximum",
      comparison: "LessThanThreshold",
      threshold: 0.001,
      // Checkpoints are emitted every interval while groups commit; five silent intervals (at least
      // five minutes) means consumers would restart from stale offsets after a failover.
      evaluationPeriods: Math.max(5, Math.ceil((5 * offsetSyncIntervalSeconds) / PERIOD)),
      missingIsBreaching: false,
      summary: "no consumer-offset checkpoint written to the standby: failed-over consumers would reprocess more",
    },
  ];
}

/** Creates the alarms of a DR pair. */
export function createDrAlarms(
  scope: Construct,
  owner: string,
  specs: readonly DrAlarmSpec[],
  escalation: AlarmEscalation,
  meta: { readonly tier: string; readonly runbook: string },
  tags: Readonly<Record<string, string>>,
): CloudwatchMetricAlarm[] {
  return specs.map((s) => {
    const name = `${owner}-${s.id}-${s.severity.toLowerCase()}`;
    const alarm = new CloudwatchMetricAlarm(scope, `${s.id}-${s.severity}`, {
      alarmName: name,
      alarmDescription: `${s.severity}: ${s.summary}. ${s.metricName} ${s.comparison.replace("Threshold", "")} ${s.threshold} for ${s.evaluationPeriods} × ${s.periodSeconds} s. Runbook: ${meta.runbook}`,
      namespace: s.namespace,
      metricName: s.metricName,
      dimensions: { ...s.dimensions },
      statistic: s.statistic,
      period: s.periodSeconds,
      comparisonOperator: s.comparison,
      threshold: s.threshold,
      evaluationPeriods: s.evaluationPeriods,
      datapointsToAlarm: s.evaluationPeriods,
      treatMissingData: s.missingIsBreaching ? "breaching" : "notBreaching",
      alarmActions: [escalation.topicArn(s.severity)],
      okActions: s.severity === "Critical" ? [escalation.topicArn(s.severity)] : undefined,
      tags: { ...tags },
    });
    recordMetadata(alarm, {
      tier: meta.tier,
      construct: "DrMonitoring",
      alarm: s.id,
      severity: s.severity,
      runbook: meta.runbook,
      escalation: escalation.topics[s.severity].nameInput?.replace(/-alarms-(warning|critical)$/, ""),
    });
    return alarm;
  });
}
