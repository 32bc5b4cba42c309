/**
 * Environment tiers and what the standard requires of each.
 *
 * Constructs read these values for their defaults, audit rules read them for their checks and
 * the standards reference is generated from them, so the three can never disagree.
 * No cdktf import here: this is data.
 */

/** The environment tiers the standard knows. */
export type EnvironmentTier = "dev" | "staging" | "prod";

/** Every tier, in promotion order. */
export const ENVIRONMENT_TIERS: readonly EnvironmentTier[] = Object.freeze(["dev", "staging", "prod"]);

/** MSK enhanced monitoring levels, lowest first. */
export type EnhancedMonitoringLevel = "DEFAULT" | "PER_BROKER" | "PER_TOPIC_PER_BROKER" | "PER_TOPIC_PER_PARTITION";

/** Ordered levels, so a level can be compared with a minimum. */
export const ENHANCED_MONITORING_LEVELS: readonly EnhancedMonitoringLevel[] = Object.freeze([
  "DEFAULT",
  "PER_BROKER",
  "PER_TOPIC_PER_BROKER",
  "PER_TOPIC_PER_PARTITION",
]);

/** What the standard requires of one tier. */
export interface TierPolicy {
  /** The tier. */
  readonly tier: EnvironmentTier;
  /** Minimum number of broker nodes. */
  readonly minBrokerNodes: number;
  /** Minimum number of distinct availability zones (client subnets). */
  readonly minAvailabilityZones: number;
  /** CloudWatch Logs retention for broker logs, in days. */
  readonly brokerLogRetentionDays: number;
  /** MSK enhanced monitoring level used by default. */
  readonly enhancedMonitoring: EnhancedMonitoringLevel;
  /** Upper bound for EBS storage autoscaling per broker, in GiB. */
  readonly storageAutoscalingMaxGiB: number;
  /** Initial EBS volume per broker, in GiB, when none is given. */
  readonly defaultVolumeSizeGiB: number;
  /** Whether clusters, topics and keys carry `lifecycle.prevent_destroy`. */
  readonly preventDestroy: boolean;
  /** KMS key deletion window in days (7–30). */
  readonly kmsDeletionWindowDays: number;
  /** Whether burstable (t3) brokers are acceptable. */
  readonly allowBurstableBrokers: boolean;
}

/**
 * Tier policies.
 *
 * - 3 brokers over 3 AZs in prod: RF 3 with min ISR 2 survives one AZ loss and a rolling update
 *   (AWS MSK best practices, "Build highly available clusters").
 * - 365 days of broker logs in prod: SOX-style retention of operational evidence; 30/90 days below.
 * - PER_TOPIC_PER_BROKER in staging and prod: AWS Security Hub MSK.2 asks for at least this level.
 * - Storage autoscaling maxima: 16384 GiB is the MSK per-broker limit (limits.html).
 * - t3 brokers are dev only (kafka-facts B2: CPU credits; 4 new IAM connections/s).
 */
export const TIER_POLICIES: Readonly<Record<EnvironmentTier, TierPolicy>> = Object.freeze({
  dev: Object.freeze({
    tier: "dev",
    minBrokerNodes: 2,
    minAvailabilityZones: 2,
    brokerLogRetentionDays: 30,
    enhancedMonitoring: "PER_BROKER",
    storageAutoscalingMaxGiB: 500,
    defaultVolumeSizeGiB: 100,
    preventDestroy: false,
    kmsDeletionWindowDays: 7,
    allowBurstableBrokers: true,
  }),
  staging: Object.freeze({
    tier: "staging",
    minBrokerNodes: 3,
    minAvailabilityZones: 3,
    brokerLogRetentionDays: 90,
    enhancedMonitoring: "PER_TOPIC_PER_BROKER",
    storageAutoscalingMaxGiB: 2000,
    defaultVolumeSizeGiB: 500,
    preventDestroy: false,
    kmsDeletionWindowDays: 30,
    allowBurstableBrokers: false,
  }),
  prod: Object.freeze({
    tier: "prod",
    minBrokerNodes: 3,
    minAvailabilityZones: 3,
    brokerLogRetentionDays: 365,
    enhancedMonitoring: "PER_TOPIC_PER_BROKER",
    storageAutoscalingMaxGiB: 16384,
    defaultVolumeSizeGiB: 1000,
    preventDestroy: true,
    kmsDeletionWindowDays: 30,
    allowBurstableBrokers: false,
  }),
});

/** The policy of a tier. */
export function tierPolicy(tier: EnvironmentTier): TierPolicy {
  return TIER_POLICIES[tier];
}

/** True when `value` names a known tier. */
export function isEnvironmentTier(value: unknown): value is EnvironmentTier {
  return typeof value === "string" && (ENVIRONMENT_TIERS as readonly string[]).includes(value);
}

/**
 * Storage autoscaling target utilisation, in percent.
 * AWS recommends 50–60 % (msk-autoexpand); 10–80 is accepted by the service.
 */
export const STORAGE_AUTOSCALING = Object.freeze({
  defaultTargetUtilizationPercent: 55,
  recommendedMinPercent: 50,
  recommendedMaxPercent: 60,
  serviceMinPercent: 10,
  serviceMaxPercent: 80,
  /** MSK EBS volume bounds per broker, GiB (limits.html). */
  minVolumeGiB: 1,
  maxVolumeGiB: 16384,
});
