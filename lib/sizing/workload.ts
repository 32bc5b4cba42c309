/**
 * A workload to size a Kafka cluster for: what producers write and how it is read and kept. Validated
 * here once, with coded errors for every wrong shape (JavaScript callers and the CLI pass anything),
 * and turned into the derived load every offering is sized against. Pure: no cdktf import.
 */
import { failWith } from "../errors";
import { nearest } from "../core/suggest";
import { MSK_SIZING_FACTORS } from "../standards/sizing-msk";
import { PRICING_REGIONS, type PricingRegion } from "../standards/pricing";
import { GiB, HOUR_S } from "./units";

/** How much of each limit to plan on, and the margins the model keeps. */
export interface HeadroomPolicy {
  /**
   * Share of a Standard broker's safe throughput to plan on, in (0, 1].
   * @default 0.5 (AWS's sizing script and workbook)
   */
  readonly standardUtilization?: number;
  /**
   * Share of an Express broker's recommended throughput to plan on, in (0, 1].
   * @default 0.75 (AWS's sizing script)
   */
  readonly expressUtilization?: number;
  /**
   * Share of Confluent's per-unit guideline to plan on, in (0, 1]. eCKUs are billed on use, so 1
   * prices what is billed; a fixed Dedicated cluster alerts at 70 % cluster load (set 0.7 to stay below).
   * @default 1
   */
  readonly confluentUtilization?: number;
  /**
   * Provisioned EBS per byte retained on Standard brokers, at least 1 (2 = volumes half full).
   * @default 2 (AWS's sizing script and workbook; AWS's sizing guide says 1.2)
   */
  readonly diskHeadroomFactor?: number;
  /**
   * Most brokers per MSK cluster.
   * @default 60 (the KRaft quota; adjustable with AWS)
   */
  readonly brokerQuota?: number;
}

/** A workload, as a caller writes it. */
export interface Workload {
  /** Average messages produced per second, over the whole cluster. */
  readonly messagesPerSecond: number;
  /** Average size of one message (key, value and headers), bytes, before compression. */
  readonly averageMessageBytes: number;
  /**
   * Bytes before compression divided by bytes after (the producer's compression.type): 1 is none;
   * lz4 shrinks the library's benchmark records 2.56:1 (docs/PERFORMANCE.md).
   * @default 1
   */
  readonly compressionRatio?: number;
  /**
   * Replication factor (MSK Standard; Express, Serverless and Confluent Cloud fix it at 3).
   * @default 3
   */
  readonly replicationFactor?: number;
  /**
   * How long records are kept, hours.
   * @default 168 (7 days, Kafka's default retention.ms)
   */
  readonly retentionHours?: number;
  /**
   * Consumer groups that each read every message (fan-out).
   * @default 2
   */
  readonly consumerGroups?: number;
  /**
   * Peak rate divided by average rate; capacity is sized on the peak, storage and transfer on the average.
   * @default 1
   */
  readonly peakToAverage?: number;
  /**
   * Availability zones the cluster spans: 3, or 2 (MSK Standard only; Express and Confluent
   * multi-zone use 3).
   * @default 3
   */
  readonly availabilityZones?: number;
  /**
   * Topics the rate is spread over, evenly; partitions are sized per topic.
   * @default 1
   */
  readonly topics?: number;
  /**
   * Client connections to the cluster, when known (a Confluent unit dimension and an MSK IAM limit).
   * @default - not sized on
   */
  readonly clientConnections?: number;
  /**
   * Consumers fetch from a replica in their own AZ (`client.rack`); when false, consumer traffic
   * crosses AZs and is charged.
   * @default true
   */
  readonly rackAwareConsumers?: boolean;
  /**
   * Headroom policy.
   * @default - AWS's sizing script defaults (see HeadroomPolicy)
   */
  readonly headroom?: HeadroomPolicy;
  /**
   * Region whose list prices are used (see PRICING_REGIONS).
   * @default "us-east-1"
   */
  readonly region?: string;
}

/** A validated workload with every default applied. */
export interface ResolvedWorkload {
  readonly messagesPerSecond: number;
  readonly averageMessageBytes: number;
  readonly compressionRatio: number;
  readonly replicationFactor: number;
  readonly retentionHours: number;
  readonly consumerGroups: number;
  readonly peakToAverage: number;
  readonly availabilityZones: number;
  readonly topics: number;
  readonly clientConnections?: number;
  readonly rackAwareConsumers: boolean;
  readonly headroom: Required<HeadroomPolicy>;
  readonly region: PricingRegion;
}

/** Defaults of the optional workload fields. */
export const WORKLOAD_DEFAULTS = Object.freeze({
  compressionRatio: 1,
  replicationFactor: 3,
  retentionHours: 168,
  consumerGroups: 2,
  peakToAverage: 1,
  availabilityZones: 3,
  topics: 1,
  rackAwareConsumers: true,
  region: "us-east-1" as PricingRegion,
  headroom: Object.freeze({
    standardUtilization: MSK_SIZING_FACTORS.standardUtilization,
    expressUtilization: MSK_SIZING_FACTORS.expressUtilization,
    confluentUtilization: 1,
    diskHeadroomFactor: MSK_SIZING_FACTORS.diskHeadroomFactor,
    brokerQuota: MSK_SIZING_FACTORS.brokersPerCluster,
  }),
});

const WORKLOAD_KEYS: readonly string[] = Object.freeze([
  "messagesPerSecond",
  "averageMessageBytes",
  "compressionRatio",
  "replicationFactor",
  "retentionHours",
  "consumerGroups",
  "peakToAverage",
  "availabilityZones",
  "topics",
  "clientConnections",
  "rackAwareConsumers",
  "headroom",
  "region",
]);

const HEADROOM_KEYS: readonly string[] = Object.freeze(Object.keys(WORKLOAD_DEFAULTS.headroom));

function isPositive(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v) && v > 0;
}

function isPositiveInteger(v: unknown): v is number {
  return isPositive(v) && Number.isInteger(v);
}

function prefix(prop: string, base: string): string {
  return base === "" ? prop : `${base}.${prop}`;
}

function resolveHeadroom(value: unknown, base: string, path?: string): Required<HeadroomPolicy> {
  const d = WORKLOAD_DEFAULTS.headroom;
  if (value === undefined) return d;
  const prop = prefix("headroom", base);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    failWith(
      "KSE-SIZE-011",
      prop,
      value,
      `an object with ${HEADROOM_KEYS.join(", ")}`,
      "Pass e.g. { standardUtilization: 0.5 }, or leave headroom out for AWS's defaults.",
      path,
    );
  }
  const h = value as Record<string, unknown>;
  for (const key of Object.keys(h)) {
    if (!HEADROOM_KEYS.includes(key)) {
      const hint = nearest(key, HEADROOM_KEYS);
      failWith(
        "KSE-SIZE-011",
        `${prop}.${key}`,
        h[key],
        HEADROOM_KEYS.join(", "),
        hint ? `did you mean "${hint}"?` : "Remove the key.",
        path,
      );
    }
  }
  const share = (key: string, fallback: number): number => {
    const v = h[key];
    if (v === undefined) return fallback;
    if (!isPositive(v) || v > 1) {
      failWith(
        "KSE-SIZE-011",
        `${prop}.${key}`,
        v,
        "a share greater than 0 and at most 1",
        `Use e.g. ${fallback}.`,
        path,
      );
    }
    return v;
  };
  const disk = h.diskHeadroomFactor ?? d.diskHeadroomFactor;
  if (typeof disk !== "number" || !Number.isFinite(disk) || disk < 1) {
    failWith(
      "KSE-SIZE-011",
      `${prop}.diskHeadroomFactor`,
      disk,
      "a finite number of at least 1 (1 = volumes full, 2 = half full)",
      "Use 2 (AWS's script) or 1.2 (AWS's sizing guide).",
      path,
    );
  }
  const quota = h.brokerQuota ?? d.brokerQuota;
  if (!isPositiveInteger(quota)) {
    failWith(
      "KSE-SIZE-011",
      `${prop}.brokerQuota`,
      quota,
      "a positive integer",
      "Use 60 (the KRaft default), or the quota AWS raised your account to.",
      path,
    );
  }
  return Object.freeze({
    standardUtilization: share("standardUtilization", d.standardUtilization),
    expressUtilization: share("expressUtilization", d.expressUtilization),
    confluentUtilization: share("confluentUtilization", d.confluentUtilization),
    diskHeadroomFactor: disk,
    brokerQuota: quota,
  });
}

/**
 * Validates a workload and applies the defaults. Throws a KafkaStandardsError (`KSE-SIZE-0NN`) naming the
 * field, the value received and what is allowed; `base` prefixes field names (e.g. `workload`).
 */
export function resolveWorkload(input: unknown, base = "", path?: string): ResolvedWorkload {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    failWith(
      "KSE-SIZE-001",
      base === "" ? "workload" : base,
      input,
      "an object with at least messagesPerSecond and averageMessageBytes",
      "Pass e.g. { messagesPerSecond: 10000, averageMessageBytes: 1024 }.",
      path,
    );
  }
  const w = input as Record<string, unknown>;
  for (const key of Object.keys(w)) {
    if (!WORKLOAD_KEYS.includes(key)) {
      const hint = nearest(key, WORKLOAD_KEYS);
      failWith(
        "KSE-SIZE-001",
        prefix(key, base),
        w[key],
        `the workload fields ${WORKLOAD_KEYS.join(", ")}`,
        hint ? `did you mean "${hint}"?` : "Remove the key.",
        path,
      );
    }
  }
  if (!isPositive(w.messagesPerSecond)) {
    failWith(
      "KSE-SIZE-002",
      prefix("messagesPerSecond", base),
      w.messagesPerSecond,
      "a positive finite number of messages per second",
      "Give the average produce rate of the whole cluster, e.g. 10000.",
      path,
    );
  }
  if (!isPositive(w.averageMessageBytes)) {
    failWith(
      "KSE-SIZE-003",
      prefix("averageMessageBytes", base),
      w.averageMessageBytes,
      "a positive finite number of bytes",
      "Give the average size of a message before compression, e.g. 1024.",
      path,
    );
  }
  const compressionRatio = w.compressionRatio ?? WORKLOAD_DEFAULTS.compressionRatio;
  if (typeof compressionRatio !== "number" || !Number.isFinite(compressionRatio) || compressionRatio < 1) {
    failWith(
      "KSE-SIZE-004",
      prefix("compressionRatio", base),
      compressionRatio,
      "a finite number of at least 1 (bytes before compression / bytes after)",
      "Use 1 for no compression, or the ratio measured on your records (lz4 gave 2.56 on the library's benchmark records).",
      path,
    );
  }
  const replicationFactor = w.replicationFactor ?? WORKLOAD_DEFAULTS.replicationFactor;
  if (!isPositiveInteger(replicationFactor) || replicationFactor > 10) {
    failWith(
      "KSE-SIZE-005",
      prefix("replicationFactor", base),
      replicationFactor,
      "an integer from 1 to 10",
      "Use 3 (the standard's replication factor).",
      path,
    );
  }
  const retentionHours = w.retentionHours ?? WORKLOAD_DEFAULTS.retentionHours;
  if (!isPositive(retentionHours)) {
    failWith(
      "KSE-SIZE-006",
      prefix("retentionHours", base),
      retentionHours,
      "a positive finite number of hours",
      "Use e.g. 168 for 7 days.",
      path,
    );
  }
  const consumerGroups = w.consumerGroups ?? WORKLOAD_DEFAULTS.consumerGroups;
  if (typeof consumerGroups !== "number" || !Number.isInteger(consumerGroups) || consumerGroups < 0) {
    failWith(
      "KSE-SIZE-007",
      prefix("consumerGroups", base),
      consumerGroups,
      "a non-negative integer (consumer groups that each read every message)",
      "Count the applications that read the data, e.g. 2.",
      path,
    );
  }
  const peakToAverage = w.peakToAverage ?? WORKLOAD_DEFAULTS.peakToAverage;
  if (typeof peakToAverage !== "number" || !Number.isFinite(peakToAverage) || peakToAverage < 1) {
    failWith(
      "KSE-SIZE-008",
      prefix("peakToAverage", base),
      peakToAverage,
      "a finite number of at least 1 (peak rate / average rate)",
      "Use 1 for a flat rate, e.g. 2 when the busiest hour carries twice the average.",
      path,
    );
  }
  const availabilityZones = w.availabilityZones ?? WORKLOAD_DEFAULTS.availabilityZones;
  if (availabilityZones !== 2 && availabilityZones !== 3) {
    failWith(
      "KSE-SIZE-009",
      prefix("availabilityZones", base),
      availabilityZones,
      "2 or 3",
      "Use 3 (the standard in staging and prod).",
      path,
    );
  }
  const topics = w.topics ?? WORKLOAD_DEFAULTS.topics;
  if (!isPositiveInteger(topics)) {
    failWith(
      "KSE-SIZE-010",
      prefix("topics", base),
      topics,
      "a positive integer",
      "Give the number of topics the rate is spread over, e.g. 1.",
      path,
    );
  }
  const clientConnections = w.clientConnections;
  if (clientConnections !== undefined && !isPositiveInteger(clientConnections)) {
    failWith(
      "KSE-SIZE-013",
      prefix("clientConnections", base),
      clientConnections,
      "a positive integer, or nothing",
      "Give the client connections to the cluster, or leave the field out.",
      path,
    );
  }
  const rackAwareConsumers = w.rackAwareConsumers ?? WORKLOAD_DEFAULTS.rackAwareConsumers;
  if (typeof rackAwareConsumers !== "boolean") {
    failWith(
      "KSE-SIZE-014",
      prefix("rackAwareConsumers", base),
      rackAwareConsumers,
      "true or false",
      "Use true when consumers set client.rack, false otherwise.",
      path,
    );
  }
  const headroom = resolveHeadroom(w.headroom, base, path);
  const region = w.region ?? WORKLOAD_DEFAULTS.region;
  if (typeof region !== "string" || !(PRICING_REGIONS as readonly string[]).includes(region)) {
    failWith(
      "KSE-SIZE-012",
      prefix("region", base),
      region,
      `a region with a price table: ${PRICING_REGIONS.join(", ")}`,
      "Use us-east-1, or add the region's list prices (with source and date) to lib/standards/pricing.ts.",
      path,
    );
  }
  return Object.freeze({
    messagesPerSecond: w.messagesPerSecond,
    averageMessageBytes: w.averageMessageBytes,
    compressionRatio,
    replicationFactor,
    retentionHours,
    consumerGroups,
    peakToAverage,
    availabilityZones,
    topics,
    ...(clientConnections !== undefined ? { clientConnections } : {}),
    rackAwareConsumers,
    headroom,
    region: region as PricingRegion,
  });
}

/** The load a workload puts on a cluster, in bytes on the wire (after compression). */
export interface DerivedLoad {
  /** Average messages per second. */
  readonly messagesPerSecond: number;
  /** Peak messages per second. */
  readonly peakMessagesPerSecond: number;
  /** Average client ingress, bytes/s. */
  readonly ingressBytesPerSecond: number;
  /** Peak client ingress T, bytes/s: capacity is sized on it. */
  readonly peakIngressBytesPerSecond: number;
  /** Peak client egress, T × consumer groups, bytes/s. */
  readonly peakEgressBytesPerSecond: number;
  /** Peak replication traffic, T × (RF − 1), bytes/s. */
  readonly peakReplicationBytesPerSecond: number;
  /** Peak network out of all brokers, T × (groups + RF − 1), bytes/s. */
  readonly peakBrokerNetworkOutBytesPerSecond: number;
  /** Peak write IO of all brokers, T × RF, bytes/s. */
  readonly peakWriteBytesPerSecond: number;
  /** Data written per month (730 h) at the average rate, GiB. */
  readonly monthlyInGiB: number;
  /** Data read per month at the average rate, GiB. */
  readonly monthlyOutGiB: number;
  /** Data retained at the average rate, one copy, GiB. */
  readonly retainedGiB: number;
  /** Data retained with every replica, GiB. */
  readonly retainedReplicatedGiB: number;
}

/** The derived load of a resolved workload. */
export function deriveLoad(w: ResolvedWorkload): DerivedLoad {
  const avgIn = (w.messagesPerSecond * w.averageMessageBytes) / w.compressionRatio;
  const peakIn = avgIn * w.peakToAverage;
  const monthSeconds = MSK_SIZING_FACTORS.hoursPerMonth * HOUR_S;
  const monthlyInGiB = (avgIn * monthSeconds) / GiB;
  const retainedGiB = (avgIn * w.retentionHours * HOUR_S) / GiB;
  return Object.freeze({
    messagesPerSecond: w.messagesPerSecond,
    peakMessagesPerSecond: w.messagesPerSecond * w.peakToAverage,
    ingressBytesPerSecond: avgIn,
    peakIngressBytesPerSecond: peakIn,
    peakEgressBytesPerSecond: peakIn * w.consumerGroups,
    peakReplicationBytesPerSecond: peakIn * (w.replicationFactor - 1),
    peakBrokerNetworkOutBytesPerSecond: peakIn * (w.consumerGroups + w.replicationFactor - 1),
    peakWriteBytesPerSecond: peakIn * w.replicationFactor,
    monthlyInGiB,
    monthlyOutGiB: monthlyInGiB * w.consumerGroups,
    retainedGiB,
    retainedReplicatedGiB: retainedGiB * w.replicationFactor,
  });
}
