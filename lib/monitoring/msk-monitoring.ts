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

/**
 * Metrics one CloudWatch alarm on a metric-math expression may read: a hard limit of CloudWatch
 * ("Alarms based on metric math expressions can reference a maximum of 10 metrics", CloudWatch
 * alarm limits). A consumer group reading more topics gets one alarm per 10 topics.
 */
export const MAX_METRICS_PER_ALARM = 10;

/** Longest alarm description CloudWatch accepts (PutMetricAlarm `AlarmDescription`). */
const MAX_DESCRIPTION = 1024;

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

/** The lag alarms of one consumer group: the topics it reads, in the order they were added. */
interface ConsumerGroupAlarms {
  readonly topics: string[];
  readonly seen: Set<string>;
  /** Alarms by `<alarm id>\0<part>\0<severity>`. */
  readonly alarms: Map<string, CloudwatchMetricAlarm>;
}

/**
 * CloudWatch alarms and a dashboard for one MSK cluster, from the thresholds in lib/standards:
 * Warning and Critical levels per alarm, per broker where the metric is per broker, each notifying
 * the escalation topic of its severity and linking its runbook. Consumer-lag alarms are added per
 * consumer group with {@link MskMonitoring.addConsumerGroup}: one alarm per lag metric and severity
 * watches the largest lag of the group over the topics it reads (CloudWatch metric math,
 * `MAX([m0, m1, …])`), in parts of at most {@link MAX_METRICS_PER_ALARM} topics.
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
  private readonly consumerGroups = new Map<string, ConsumerGroupAlarms>();

  constructor(scope: Construct, id: string, props: MskMonitoringProps) {
    super(scope, id);
    this.props = props;
    for (const def of this.definitions("cluster")) this.alarmsFor(def, {});
    for (const def of this.definitions("broker")) {
      for (let broker = 1; broker <= props.brokerNodes; broker++) this.alarmsFor(def, { broker });
    }
    if (props.dashboard !== false) this.dashboard = this.createDashboard();
  }

  /**
   * Adds a topic to the consumer-lag alarms of a consumer group (once per pair). The group's alarms
   * watch the largest lag over its topics: the signal of the former per-topic alarms (an alarm fires
   * when any of the group's topics is behind for the evaluation periods), with one alarm per lag
   * metric and severity instead of one per topic. The description lists the topics.
   */
  public addConsumerGroup(group: string, topic: string): void {
    let g = this.consumerGroups.get(group);
    if (!g) {
      g = { topics: [], seen: new Set(), alarms: new Map() };
      this.consumerGroups.set(group, g);
    }
    if (g.seen.has(topic)) return;
    g.seen.add(topic);
    g.topics.push(topic);
    const part = Math.floor((g.topics.length - 1) / MAX_METRICS_PER_ALARM);
    const topics = g.topics.slice(part * MAX_METRICS_PER_ALARM, (part + 1) * MAX_METRICS_PER_ALARM);
    for (const def of this.definitions("consumer-group-topic")) this.lagAlarms(def, g, group, part, topics);
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

  private alarmsFor(def: AlarmThreshold, at: { broker?: number }): void {
    const p = this.props;
    const dims: Record<string, string> = { "Cluster Name": p.clusterName };
    if (at.broker !== undefined) dims["Broker ID"] = String(at.broker);
    const where = at.broker !== undefined ? ` on broker ${at.broker}` : "";
    const suffix = at.broker !== undefined ? `-b${at.broker}` : "";
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
      });
      this.alarms.push(alarm);
    }
  }

  /**
   * Creates or updates the alarms of one part of a consumer group's topics: a plain metric alarm for
   * one topic, a metric-math alarm on the maximum over the topics for more.
   */
  private lagAlarms(
    def: AlarmThreshold,
    g: ConsumerGroupAlarms,
    group: string,
    part: number,
    topics: readonly string[],
  ): void {
    const p = this.props;
    const suffix = `-${group}${part > 0 ? `-part${part + 1}` : ""}`;
    const runbook = this.runbookLink(def.id);
    const dims = (topic: string): Record<string, string> => ({
      "Cluster Name": p.clusterName,
      "Consumer Group": group,
      Topic: topic,
    });
    for (const [severity, level] of this.levels(def)) {
      const key = `${def.id}\u0000${part}\u0000${severity}`;
      const condition = `Threshold ${def.comparison.replace("Threshold", "")} ${level.threshold} for ${level.evaluationPeriods} × ${def.periodSeconds} s. Runbook: ${runbook}`;
      const head = `${severity}: ${def.summary} for group ${group} on `;
      const listed =
        topics.length === 1 ? topics[0] : `topics ${topics.join(", ")} (the largest ${def.metric} of the topics)`;
      const counted = `${topics.length} topics (the largest ${def.metric} of the topics; see the alarm's metrics)`;
      const description =
        `${head}${listed} ${condition}`.length <= MAX_DESCRIPTION
          ? `${head}${listed} ${condition}`
          : `${head}${counted} ${condition}`;
      let alarm = g.alarms.get(key);
      if (!alarm) {
        alarm = new CloudwatchMetricAlarm(this, `${def.id}${suffix}-${severity}`, {
          alarmName: `${p.clusterName}-${def.id}${suffix}-${severity.toLowerCase()}`,
          alarmDescription: description,
          comparisonOperator: def.comparison,
          threshold: level.threshold,
          evaluationPeriods: level.evaluationPeriods,
          datapointsToAlarm: level.evaluationPeriods,
          treatMissingData: "notBreaching",
          alarmActions: [p.escalation.topicArn(severity)],
          okActions: severity === "Critical" ? [p.escalation.topicArn(severity)] : undefined,
          tags: { ...p.tags },
        });
        g.alarms.set(key, alarm);
        this.alarms.push(alarm);
      } else {
        alarm.alarmDescription = description;
      }
      if (topics.length === 1) {
        alarm.namespace = MSK_NAMESPACE;
        alarm.metricName = def.metric;
        alarm.dimensions = dims(topics[0]);
        alarm.period = def.periodSeconds;
        alarm.statistic = def.statistic;
      } else {
        alarm.resetNamespace();
        alarm.resetMetricName();
        alarm.resetDimensions();
        alarm.resetPeriod();
        alarm.resetStatistic();
        alarm.putMetricQuery([
          ...topics.map((topic, i) => ({
            id: `m${i}`,
            label: topic,
            metric: {
              namespace: MSK_NAMESPACE,
              metricName: def.metric,
              dimensions: dims(topic),
              period: def.periodSeconds,
              stat: def.statistic,
            },
          })),
          {
            id: "lag",
            // MAX of an array of time series is a time series: at each period, the largest value.
            expression: `MAX([${topics.map((_, i) => `m${i}`).join(", ")}])`,
            label: `${def.metric}, largest of ${topics.length} topics`,
            returnData: true,
          },
        ]);
      }
      // The metadata names the topic of a one-topic alarm; from two topics on it no longer changes.
      if (topics.length <= 2) {
        recordMetadata(alarm, {
          tier: p.tier,
          construct: "MskMonitoring",
          cluster: p.clusterName,
          alarm: def.id,
          severity,
          runbook,
          consumerGroup: group,
          topic: topics.length === 1 ? topics[0] : undefined,
        });
      }
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
