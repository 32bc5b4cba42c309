/**
 * Capacity of Confluent Cloud clusters, per billing unit (eCKU for Basic, Standard and Enterprise;
 * CKU for Dedicated) and per cluster, as the sizing model reads them.
 *
 * Source: [confluentClusterTypes] docs.confluent.io/cloud/current/clusters/cluster-types.html, a
 * copy at least as new as 2025-12-17 (it lists 32-eCKU Enterprise as GA). Ingress, egress,
 * connections and requests are guidelines; partitions and storage are enforced limits. Older copies
 * of the page gave Basic 100 MBps and 2,048–4,096 partitions, and `confluent.ts` still carries the
 * cluster limits of such a copy for the constructs' alarms; sizing uses this newer table.
 * No cdktf import here: this is data.
 */
import type { ConfluentClusterKind } from "./confluent";

/** Capacity of one eCKU or CKU, and of the whole cluster, for one cluster type. */
export interface ConfluentCapacity {
  /** The cluster type. */
  readonly kind: ConfluentClusterKind;
  /** Billing unit. */
  readonly unit: "eCKU" | "CKU";
  /** Ingress per unit, MB/s (10^6 bytes). */
  readonly ingressMBpsPerUnit: number;
  /** Egress per unit, MB/s. */
  readonly egressMBpsPerUnit: number;
  /** Partitions per unit, before replication. */
  readonly partitionsPerUnit: number;
  /** Client connections per unit. */
  readonly connectionsPerUnit: number;
  /** Requests per second per unit. */
  readonly requestsPerSecondPerUnit: number;
  /** Fewest units of a single-zone cluster. */
  readonly minUnits: number;
  /** Fewest units of a multi-zone cluster; undefined when the type has no multi-zone option. */
  readonly minUnitsMultiZone?: number;
  /** Most units of one cluster (AWS and GCP; Azure Dedicated stops at 100). */
  readonly maxUnits: number;
  /** Partitions per cluster, before replication. */
  readonly maxPartitions: number;
  /** Retained data per cluster before replication, TB (10^12 bytes); undefined is unlimited. */
  readonly maxStorageTB?: number;
  /** Ingress guideline per partition, MB/s (egress is three times it). */
  readonly partitionIngressMBps: number;
  /** Uptime SLA, as published, single-zone / multi-zone. */
  readonly sla: string;
  /** What else bounds the type, shown with a sized option. */
  readonly caveats: readonly string[];
}

function capacity(c: ConfluentCapacity): ConfluentCapacity {
  return Object.freeze({ ...c, caveats: Object.freeze([...c.caveats]) });
}

/** Capacity of each cluster type the library builds (Freight is not offered by the constructs). */
export const CONFLUENT_CAPACITY: Readonly<Record<ConfluentClusterKind, ConfluentCapacity>> = Object.freeze({
  basic: capacity({
    kind: "basic",
    unit: "eCKU",
    ingressMBpsPerUnit: 5,
    egressMBpsPerUnit: 15,
    partitionsPerUnit: 30,
    connectionsPerUnit: 20,
    requestsPerSecondPerUnit: 100,
    minUnits: 1,
    maxUnits: 50,
    maxPartitions: 1500,
    maxStorageTB: 5,
    partitionIngressMBps: 5,
    sla: "99.5 %",
    caveats: ["single zone and public endpoints only; no RBAC inside Kafka (never in prod)"],
  }),
  standard: capacity({
    kind: "standard",
    unit: "eCKU",
    ingressMBpsPerUnit: 25,
    egressMBpsPerUnit: 75,
    partitionsPerUnit: 250,
    connectionsPerUnit: 1000,
    requestsPerSecondPerUnit: 1500,
    minUnits: 1,
    minUnitsMultiZone: 1,
    maxUnits: 10,
    maxPartitions: 2500,
    partitionIngressMBps: 5,
    sla: "99.9 % (99.99 % with 2 eCKU, multi-zone)",
    caveats: ["public endpoints only"],
  }),
  enterprise: capacity({
    kind: "enterprise",
    unit: "eCKU",
    ingressMBpsPerUnit: 60,
    egressMBpsPerUnit: 180,
    partitionsPerUnit: 3000,
    connectionsPerUnit: 18000,
    requestsPerSecondPerUnit: 7500,
    minUnits: 1,
    minUnitsMultiZone: 2,
    maxUnits: 32,
    maxPartitions: 96000,
    partitionIngressMBps: 6,
    sla: "99.9 % (99.99 % with 2 eCKU, multi-zone)",
    caveats: [
      "private networking only",
      "on AWS, more than 10 eCKU needs private network interfaces (PrivateLink stops at 10)",
      "scales fast to 10 eCKU, then about 20 minutes per eCKU",
    ],
  }),
  dedicated: capacity({
    kind: "dedicated",
    unit: "CKU",
    ingressMBpsPerUnit: 60,
    egressMBpsPerUnit: 180,
    partitionsPerUnit: 4500,
    connectionsPerUnit: 18000,
    requestsPerSecondPerUnit: 15000,
    minUnits: 1,
    minUnitsMultiZone: 2,
    maxUnits: 152,
    maxPartitions: 100000,
    partitionIngressMBps: 12,
    sla: "99.95 % single-zone, 99.99 % multi-zone",
    caveats: [
      "CKUs are fixed: scale by changing the count",
      "self-serve up to 4 CKU on a card and 24 on invoice; more by request",
    ],
  }),
});

/** Per-partition egress guideline as a multiple of the ingress one ([confluentClusterTypes]). */
export const CONFLUENT_PARTITION_EGRESS_MULTIPLE = 3;
