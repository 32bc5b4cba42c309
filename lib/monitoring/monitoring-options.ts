import { AlarmLevel } from "../standards/alarm-thresholds";
import { AlarmEscalation, EscalationSubscriptions } from "./alarm-escalation";

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
