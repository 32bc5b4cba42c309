import { Construct } from "constructs";
import { CloudwatchMetricAlarm, CloudwatchMetricAlarmConfig } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { CloudwatchDashboard } from "@cdktf/provider-aws/lib/cloudwatch-dashboard";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { KafkaStandardsError } from "../errors";
import { nearest } from "../core/suggest";
import { recordMetadata } from "../core/resource-metadata";
import { AlarmLevel, AlarmSeverity, AlarmThreshold, MSK_ALARM_THRESHOLDS } from "../standards/alarm-thresholds";
import { AlarmEscalation } from "./alarm-escalation";
import { AlarmThresholdOverride, MonitoringOptions } from "./monitoring-options";

/** Namespace of MSK metrics. */
export const MSK_NAMESPACE = "AWS/Kafka";

/** Properties of an {@link MskMonitoring}. */
export interface MskMonitoringProps extends MonitoringOptions {
  /** MSK cluster name. */
  readonly clusterName: string;
  /** Number of brokers (MSK broker ids are 1..N). */
  readonly brokerNodes: number;
  /** Express brokers (a different metric set). */
  readonly express: boolean;
  /** Escalation topics. */
  readonly escalation: AlarmEscalation;
  /** Tier, for the audit metadata. */
  readonly tier: string;
  /** Tags. */
  readonly tags: Readonly<Record<string, string>>;
}

/** The default runbook folder, relative to a stack's synthesized folder. */
export const DEFAULT_RUNBOOK_BASE = "kafka-standards/runbooks";

/** Validates monitoring options against the standard's alarm ids. */
export function validateMonitoringOptions(options: MonitoringOptions | undefined, path: string): void {
  const ids = MSK_ALARM_THRESHOLDS.map((a) => a.id);
  const check = (prop: string, id: string): void => {
    if (!ids.includes(id)) {
      const hint = nearest(id, ids);
      throw new KafkaStandardsError({
        code: "KSE-MON-001",
        prop: `monitoring.${prop}["${id}"]`,
        value: id,
        allowed: ids.join(", "),
        fix: hint ? `did you mean "${hint}"?` : "Use an alarm id from docs/STANDARDS.md.",
        path,
      });
    }
  };
  for (const [id, reason] of Object.entries(options?.disabledAlarms ?? {})) {
    check("disabledAlarms", id);
    if ((reason ?? "").trim().length < 10) {
      throw new KafkaStandardsError({
        code: "KSE-MON-002",
        prop: `monitoring.disabledAlarms["${id}"]`,
        value: reason,
        allowed: "a reason of at least 10 characters",
        fix: "Say why this alarm is not wanted; the audit report shows it.",
        path,
      });
    }
  }
  for (const [id, o] of Object.entries(options?.thresholds ?? {})) {
    check("thresholds", id);
    const def = MSK_ALARM_THRESHOLDS.find((a) => a.id === id)!;
    const w = o.warning ?? def.warning;
    const c = o.critical ?? def.critical;
    const greater = def.comparison.startsWith("Greater");
    if (w && (greater ? w.threshold > c.threshold : w.threshold < c.threshold)) {
      throw new KafkaStandardsError({
        code: "KSE-MON-003",
        prop: `monitoring.thresholds["${id}"]`,
        value: { warning: w.threshold, critical: c.threshold },
        allowed: `a warning threshold ${greater ? "at or below" : "at or above"} the critical one`,
        fix: "Swap or adjust the levels.",
        path,
      });
    }
    for (const level of [w, c]) {
      if (level && (!Number.isInteger(level.evaluationPeriods) || level.evaluationPeriods < 1)) {
        throw new KafkaStandardsError({
          code: "KSE-MON-003",
          prop: `monitoring.thresholds["${id}"].evaluationPeriods`,
          value: level.evaluationPeriods,
          allowed: "a positive integer",
          fix: "Use 1 or more evaluation periods.",
          path,
        });
      }
    }
  }
}

/**
 * CloudWatch alarms and a dashboard for one MSK cluster, from the thresholds in lib/standards:
 * Warning and Critical levels per alarm, per broker where the metric is per broker, each notifying
 * the escalation topic of its severity and linking its runbook. Consumer-lag alarms are added per
 * consumer group and topic with {@link MskMonitoring.addConsumerGroup}.
 *
 * @example
 * // Created by MskCluster (its `monitoring` prop tunes thresholds); lag alarms for a group that reads a
 * // topic through a principal the library does not manage:
 * cluster.monitoring.addConsumerGroup("legacy-billing", "orders.created");
 */
export class MskMonitoring extends Construct {
  /** Every alarm created, in creation order. */
  public readonly alarms: CloudwatchMetricAlarm[] = [];
  /** The dashboard, unless turned off. */
  public readonly dashboard?: CloudwatchDashboard;
  private readonly props: MskMonitoringProps;
  private readonly consumerGroups = new Set<string>();

  constructor(scope: Construct, id: string, props: MskMonitoringProps) {
    super(scope, id);
    this.props = props;
    for (const def of this.definitions("cluster")) this.alarmsFor(def, {});
    for (const def of this.definitions("broker")) {
      for (let broker = 1; broker <= props.brokerNodes; broker++) this.alarmsFor(def, { broker });
    }
    if (props.dashboard !== false) this.dashboard = this.createDashboard();
  }

  /** Adds the consumer-lag alarms of one consumer group reading one topic (once per pair). */
  public addConsumerGroup(group: string, topic: string): void {
    const key = `${group}\u0000${topic}`;
    if (this.consumerGroups.has(key)) return;
    this.consumerGroups.add(key);
    for (const def of this.definitions("consumer-group-topic")) this.alarmsFor(def, { group, topic });
  }

  /** Runbook link of an alarm id. */
  public runbookLink(alarmId: string): string {
    return `${this.props.runbookBaseUrl ?? DEFAULT_RUNBOOK_BASE}/${this.props.clusterName}-${alarmId}.md`;
  }

  private definitions(dimensions: AlarmThreshold["dimensions"]): AlarmThreshold[] {
    const family = this.props.express ? "express" : "standard";
    return MSK_ALARM_THRESHOLDS.filter(
      (a) =>
        a.dimensions === dimensions && a.appliesTo.includes(family) && !(a.id in (this.props.disabledAlarms ?? {})),
    );
  }

  private levels(def: AlarmThreshold): [AlarmSeverity, AlarmLevel][] {
    const o: AlarmThresholdOverride = this.props.thresholds?.[def.id] ?? {};
    const warning = o.warning ?? def.warning;
    const out: [AlarmSeverity, AlarmLevel][] = [];
    if (warning) out.push(["Warning", warning]);
    out.push(["Critical", o.critical ?? def.critical]);
    return out;
  }

  private alarmsFor(def: AlarmThreshold, at: { broker?: number; group?: string; topic?: string }): void {
    const p = this.props;
    const dims: Record<string, string> = { "Cluster Name": p.clusterName };
    if (at.broker !== undefined) dims["Broker ID"] = String(at.broker);
    if (at.group !== undefined) dims["Consumer Group"] = at.group;
    if (at.topic !== undefined) dims["Topic"] = at.topic;
    const where =
      at.broker !== undefined ? ` on broker ${at.broker}` : at.group ? ` for group ${at.group} on ${at.topic}` : "";
    const suffix = at.broker !== undefined ? `-b${at.broker}` : at.group ? `-${at.group}-${at.topic}` : "";
    const runbook = this.runbookLink(def.id);
    for (const [severity, level] of this.levels(def)) {
      const base: CloudwatchMetricAlarmConfig = {
        alarmName: `${p.clusterName}-${def.id}${suffix}-${severity.toLowerCase()}`,
        alarmDescription: `${severity}: ${def.summary}${where} Threshold ${def.comparison.replace("Threshold", "")} ${level.threshold} for ${level.evaluationPeriods} × ${def.periodSeconds} s. Runbook: ${runbook}`,
        comparisonOperator: def.comparison,
        threshold: level.threshold,
        evaluationPeriods: level.evaluationPeriods,
        datapointsToAlarm: level.evaluationPeriods,
        // A missing controller metric means the cluster is not reporting: treat it as breaching.
        treatMissingData: def.id === "active-controller" ? "breaching" : "notBreaching",
        alarmActions: [p.escalation.topicArn(severity)],
        okActions: severity === "Critical" ? [p.escalation.topicArn(severity)] : undefined,
        tags: { ...p.tags },
      };
      const config: CloudwatchMetricAlarmConfig =
        def.metric === "CpuUser+CpuSystem"
          ? {
              ...base,
              metricQuery: [
                {
                  id: "user",
                  metric: {
                    namespace: MSK_NAMESPACE,
                    metricName: "CpuUser",
                    dimensions: dims,
                    period: def.periodSeconds,
                    stat: def.statistic,
                  },
                },
                {
                  id: "system",
                  metric: {
                    namespace: MSK_NAMESPACE,
                    metricName: "CpuSystem",
                    dimensions: dims,
                    period: def.periodSeconds,
                    stat: def.statistic,
                  },
                },
                { id: "cpu", expression: "user + system", label: "CpuUser + CpuSystem", returnData: true },
              ],
            }
          : {
              ...base,
              namespace: MSK_NAMESPACE,
              metricName: def.metric,
              dimensions: dims,
              period: def.periodSeconds,
              statistic: def.statistic,
            };
      const alarm = new CloudwatchMetricAlarm(this, `${def.id}${suffix}-${severity}`, config);
      recordMetadata(alarm, {
        tier: p.tier,
        construct: "MskMonitoring",
        cluster: p.clusterName,
        alarm: def.id,
        severity,
        runbook,
        broker: at.broker,
        consumerGroup: at.group,
        topic: at.topic,
      });
      this.alarms.push(alarm);
    }
  }

  private createDashboard(): CloudwatchDashboard {
    const p = this.props;
    const region = new DataAwsRegion(this, "Region").region;
    const brokers = Array.from({ length: p.brokerNodes }, (_, i) => String(i + 1));
    const family = p.express ? "express" : "standard";
    const defs = MSK_ALARM_THRESHOLDS.filter(
      (a) => a.appliesTo.includes(family) && a.dimensions !== "consumer-group-topic",
    );
    const widgets = defs.map((def, i) => {
      const metrics =
        def.metric === "CpuUser+CpuSystem"
          ? brokers.flatMap((b) => [
              [
                MSK_NAMESPACE,
                "CpuUser",
                "Cluster Name",
                p.clusterName,
                "Broker ID",
                b,
                { id: `u${b}`, visible: false },
              ],
              [
                MSK_NAMESPACE,
                "CpuSystem",
                "Cluster Name",
                p.clusterName,
                "Broker ID",
                b,
                { id: `s${b}`, visible: false },
              ],
              [{ expression: `u${b} + s${b}`, label: `broker ${b}`, id: `cpu${b}` }],
            ])
          : def.dimensions === "cluster"
            ? [[MSK_NAMESPACE, def.metric, "Cluster Name", p.clusterName]]
            : brokers.map((b) => [MSK_NAMESPACE, def.metric, "Cluster Name", p.clusterName, "Broker ID", b]);
      const levels = this.levels(def);
      return {
        type: "metric",
        x: (i % 3) * 8,
        y: Math.floor(i / 3) * 6,
        width: 8,
        height: 6,
        properties: {
          title: `${def.metric} (${def.id})`,
          region,
          stat: def.statistic,
          period: def.periodSeconds,
          view: "timeSeries",
          metrics,
          annotations: { horizontal: levels.map(([severity, l]) => ({ label: severity, value: l.threshold })) },
        },
      };
    });
    return new CloudwatchDashboard(this, "Dashboard", {
      dashboardName: `kafka-${p.clusterName}`,
      // Plain JSON with the region as an interpolation: far cheaper to synthesize than a jsonencode() expression tree.
      dashboardBody: JSON.stringify({ widgets }),
    });
  }
}
