/**
 * Alarm factory for Confluent Cloud: the standard's thresholds (`CONFLUENT_ALARM_THRESHOLDS`)
 * turned into alerts on one cluster, a Warning and a Critical level each, with the runbook link
 * convention of the MSK alarms.
 */
import { AlarmComparison, AlarmSeverity } from "../standards/alarm-thresholds";
import {
  CONFLUENT_ALARM_THRESHOLDS,
  ConfluentAlarmLevel,
  ConfluentAlarmThreshold,
  confluentMetricLimits,
} from "../standards/confluent-metrics";
import { DEFAULT_RUNBOOK_BASE } from "./msk-monitoring";
import { ConfluentMetricFactory, ConfluentMonitoringInput, ruleClusterId } from "./confluent-metric-factory";

/** One alert at one severity. */
export interface ConfluentAlert {
  /** Alarm id of the standard. */
  readonly id: string;
  /** Prometheus alert name. */
  readonly name: string;
  /** Severity. */
  readonly severity: AlarmSeverity;
  /** PromQL condition. */
  readonly expr: string;
  /** Minutes the condition must hold. */
  readonly forMinutes: number;
  /** Extra labels (besides severity). */
  readonly labels: Readonly<Record<string, string>>;
  /** One-line summary. */
  readonly summary: string;
  /** Details, with Prometheus templates. */
  readonly description: string;
  /** Runbook link. */
  readonly runbookUrl: string;
  /** The threshold in the expression's unit. */
  readonly threshold: number;
}

const OPERATORS: Readonly<Record<AlarmComparison, string>> = {
  GreaterThanThreshold: ">",
  GreaterThanOrEqualToThreshold: ">=",
  LessThanThreshold: "<",
  LessThanOrEqualToThreshold: "<=",
};

/** `consumer-max-offset-lag` → `ConfluentConsumerMaxOffsetLag`. */
export function alertName(id: string): string {
  return `Confluent${id.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase())}`;
}

/** Runbook link of an alarm of a cluster, as for MSK (`<base>/<cluster>-<alarm>.md`). */
export function confluentRunbookLink(input: ConfluentMonitoringInput, alarmId: string): string {
  return `${input.runbookBaseUrl ?? DEFAULT_RUNBOOK_BASE}/${input.clusterName}-${alarmId}.md`;
}

/** The threshold of a level in the expression's unit: a fraction of a limit, or absolute. */
function absoluteThreshold(
  def: ConfluentAlarmThreshold,
  level: ConfluentAlarmLevel,
  input: ConfluentMonitoringInput,
): number | undefined {
  if (def.limit === undefined) return level.threshold;
  const limits = confluentMetricLimits(input.clusterType, input.cku);
  const limit = {
    ingress: limits.ingressBytesPerSecond,
    egress: limits.egressBytesPerSecond,
    storage: limits.storageBytes,
    partitions: limits.partitions,
  }[def.limit];
  // Rounded: thresholds are whole bytes or partitions (0.7 × 360e6 is 251999999.99… in floating point).
  return limit === undefined ? undefined : Math.round(limit * level.threshold);
}

function describe(def: ConfluentAlarmThreshold, threshold: number, level: ConfluentAlarmLevel): string {
  const where =
    def.dimensions === "consumer-group-topic"
      ? "Group {{ $labels.consumer_group_id }} on topic {{ $labels.topic }}: v"
      : "V";
  const ratio = def.limit ? ` (${Math.round(level.threshold * 100)} % of the cluster's ${def.limit} limit)` : "";
  return `${where}alue {{ $value | humanize }}; fires at ${OPERATORS[def.comparison]} ${threshold}${ratio} for ${level.forMinutes} min.`;
}

/** Lag expressions: one per listed group and topic, else one over every group. */
function lagExpressions(
  factory: ConfluentMetricFactory,
  input: ConfluentMonitoringInput,
): { expr: string; labels: Record<string, string> }[] {
  const groups = input.consumerGroups ?? [];
  if (groups.length === 0) return [{ expr: factory.consumerLag(), labels: {} }];
  return groups.map((g) => ({
    expr: factory.consumerLag(g.group, g.topic),
    labels: { consumer_group_id: g.group, topic: g.topic },
  }));
}

/** Every alert of the standard for one cluster, in threshold order, Warning before Critical. */
export function confluentAlerts(input: ConfluentMonitoringInput): ConfluentAlert[] {
  const factory = new ConfluentMetricFactory(ruleClusterId(input));
  const out: ConfluentAlert[] = [];
  for (const def of CONFLUENT_ALARM_THRESHOLDS.filter((d) => d.appliesTo.includes(input.clusterType))) {
    const levels: [AlarmSeverity, ConfluentAlarmLevel][] = [];
    if (def.warning) levels.push(["Warning", def.warning]);
    levels.push(["Critical", def.critical]);
    const targets =
      def.metric === "consumerLagOffsets"
        ? lagExpressions(factory, input)
        : [{ expr: factory.forAlarm(def.metric), labels: {} }];
    for (const [severity, level] of levels) {
      const threshold = absoluteThreshold(def, level, input);
      if (threshold === undefined) continue; // no such limit on this cluster type (e.g. unlimited storage)
      for (const t of targets) {
        // The metrics-access expression is already 0/1: alert when it is 1.
        const expr =
          def.id === "metrics-access" ? `(${t.expr}) >= 1` : `${t.expr} ${OPERATORS[def.comparison]} ${threshold}`;
        out.push({
          id: def.id,
          name: alertName(def.id),
          severity,
          expr,
          forMinutes: level.forMinutes,
          labels: {
            cluster: input.clusterName,
            kafka_id: ruleClusterId(input),
            tier: input.tier,
            alarm: def.id,
            ...t.labels,
          },
          summary: `${input.clusterName}: ${def.summary}`,
          description: describe(def, threshold, level),
          runbookUrl: confluentRunbookLink(input, def.id),
          threshold,
        });
      }
    }
  }
  return out;
}
