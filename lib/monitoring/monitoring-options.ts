import { AlarmLevel } from "../standards/alarm-thresholds";
import { AlarmEscalation, ESCALATION_SUBSCRIPTIONS, EscalationSubscriptions } from "./alarm-escalation";
import { Rule, bool, instance, num, obj, record, reject, str } from "../core/validate";

/** A changed threshold for one alarm of the standard. */
export interface AlarmThresholdOverride {
  /** Warning level. @default - the standard's */
  readonly warning?: AlarmLevel;
  /** Critical level. @default - the standard's */
  readonly critical?: AlarmLevel;
}

/**
 * How a cluster is monitored. Monitoring is always on: alarms can be re-tuned, or switched off one
 * by one with a reason that the audit report shows, never dropped silently.
 */
export interface MonitoringOptions {
  /**
   * Escalation topics to notify; share one across clusters of a team.
   * @default - a new AlarmEscalation per cluster, encrypted with the cluster key
   */
  readonly escalation?: AlarmEscalation;
  /**
   * Subscribers of the cluster's own escalation topics (ignored when `escalation` is given).
   * @default - none
   */
  readonly subscriptions?: EscalationSubscriptions;
  /**
   * Changed thresholds, by alarm id (`disk-used`, `cpu`, …; see docs/STANDARDS.md).
   * @default - the standard's thresholds
   */
  readonly thresholds?: Readonly<Record<string, AlarmThresholdOverride>>;
  /**
   * Alarms switched off, by alarm id, each with a reason of at least 10 characters.
   * @default - none
   */
  readonly disabledAlarms?: Readonly<Record<string, string>>;
  /**
   * Base URL of the runbooks linked from alarm descriptions, e.g. your repository's folder of the
   * synthesized runbooks.
   * @default "kafka-standards/runbooks" (relative to the stack's synthesized folder)
   */
  readonly runbookBaseUrl?: string;
  /**
   * Create a CloudWatch dashboard for the cluster.
   * @default true
   */
  readonly dashboard?: boolean;
}

const LEVEL = (key: "warning" | "critical"): Rule =>
  obj(
    "KSE-MON-005",
    key,
    [
      num("KSE-MON-005", "threshold", {
        required: true,
        allowed: "a finite number in the metric's unit",
        fix: "Give the threshold as a number, e.g. 80.",
      }),
      num("KSE-MON-003", "evaluationPeriods", {
        required: true,
        integer: true,
        min: 1,
        allowed: "a positive integer",
        fix: "Use 1 or more evaluation periods.",
      }),
    ],
    { allowed: "{ threshold, evaluationPeriods }", fix: "Give both the threshold and its evaluation periods." },
  );

const MONITORING_OPTIONS: Rule = obj(
  "KSE-CORE-006",
  "monitoring",
  [
    instance("KSE-CORE-006", "escalation", AlarmEscalation, {
      allowed: "an AlarmEscalation construct",
      fix: "Pass new AlarmEscalation(stack, id, props) to share topics, or omit escalation for the cluster's own.",
    }),
    ESCALATION_SUBSCRIPTIONS,
    record(
      "KSE-MON-005",
      "thresholds",
      obj("KSE-MON-005", "", [LEVEL("warning"), LEVEL("critical")], {
        allowed: "{ warning?: { threshold, evaluationPeriods }, critical?: { threshold, evaluationPeriods } }",
        fix: 'Override a level, e.g. { "disk-used": { warning: { threshold: 70, evaluationPeriods: 3 } } }.',
      }),
      {
        allowed: "alarm ids mapped to { warning?, critical? }",
        fix: "Key overrides by alarm id, e.g. { cpu: { critical: { threshold: 85, evaluationPeriods: 3 } } }.",
      },
    ),
    record(
      "KSE-MON-002",
      "disabledAlarms",
      str("KSE-MON-002", "", {
        allowed: "a reason of at least 10 characters",
        fix: "Say why this alarm is not wanted; the audit report shows it.",
      }),
      {
        allowed: "alarm ids mapped to reasons of at least 10 characters",
        fix: 'Give { "<alarm id>": "<why>" }.',
      },
    ),
    str("KSE-CORE-006", "runbookBaseUrl", {
      test: (v) => (/\s/.test(v) ? "Remove the white space from the URL." : undefined),
      allowed: "a URL or relative folder without white space",
      fix: 'Give the base URL of your runbooks, e.g. "https://git.example.com/ops/runbooks".',
    }),
    bool("KSE-CORE-006", "dashboard"),
  ],
  {
    allowed:
      "MonitoringOptions { escalation?, subscriptions?, thresholds?, disabledAlarms?, runbookBaseUrl?, dashboard? }",
    fix: "Give monitoring options as an object, or omit monitoring for the standard's alarms.",
  },
);

/**
 * Validates the shape of monitoring options: every key known, thresholds finite numbers with whole
 * evaluation periods, reasons strings, subscribers well formed. Alarm ids, reason length and the
 * order of levels are checked against the standard by `validateMonitoringOptions`.
 */
export function checkMonitoringOptions(options: unknown, path: string | undefined, prop = "monitoring"): void {
  if (options === undefined) return;
  if (options === null) {
    reject(MONITORING_OPTIONS, { prop, path }, options, MONITORING_OPTIONS.allowed, "Omit monitoring for the default.");
  }
  MONITORING_OPTIONS.check(options, { prop, path });
}
