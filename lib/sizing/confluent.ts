/**
 * Sizing of Confluent Cloud clusters: units needed = the largest of demand / per-unit capacity over
 * ingress, egress, partitions and (when known) connections ([confluentClusterTypes]), at least the
 * type's minimum, refused above its maximum units, partitions or storage. Cost = units × unit-hour +
 * GiB written and read × networking + GiB stored × storage ([confluentBilling]); storage is priced on
 * one copy of the data (whether Confluent bills before or after replication is not confirmed here).
 * Pure: no cdktf import.
 */
import { CONFLUENT_PRICES } from "../standards/pricing";
import { CONFLUENT_CAPACITY, CONFLUENT_PARTITION_EGRESS_MULTIPLE } from "../standards/sizing-confluent";
import type { ConfluentClusterKind } from "../standards/confluent";
import { MSK_SIZING_FACTORS } from "../standards/sizing-msk";
import { costLine, monthlyCost } from "./cost";
import { partitionsForTopic } from "./partitions";
import type { OfferingId, SizingCandidate, SizingDimension, SizingOption } from "./types";
import { GiB, MB, formatNumber } from "./units";
import type { DerivedLoad, ResolvedWorkload } from "./workload";

const LABELS: Readonly<Record<ConfluentClusterKind, string>> = Object.freeze({
  basic: "Confluent Basic",
  standard: "Confluent Standard",
  enterprise: "Confluent Enterprise",
  dedicated: "Confluent Dedicated",
});

/** Partitions per topic on a Confluent cluster type (its per-partition guideline, and the library's 10 MB/s). */
export function confluentPartitionsPerTopic(
  kind: ConfluentClusterKind,
  w: ResolvedWorkload,
  load: DerivedLoad,
): number {
  const c = CONFLUENT_CAPACITY[kind];
  return partitionsForTopic(load.peakIngressBytesPerSecond / w.topics, w.consumerGroups, w.availabilityZones, {
    platformIngressMBps: c.partitionIngressMBps,
    platformEgressMBps: c.partitionIngressMBps * CONFLUENT_PARTITION_EGRESS_MULTIPLE,
  });
}

/** Partitions (before replication) a cluster of `units` eCKU or CKU allows: units × the per-unit limit, at most the type's. */
export function confluentPartitionLimit(kind: ConfluentClusterKind, units: number): number {
  const c = CONFLUENT_CAPACITY[kind];
  return Math.min(units * c.partitionsPerUnit, c.maxPartitions);
}

/** Evaluates one Confluent cluster type; `units` forces a count (a Dedicated CKU count or an eCKU ceiling). */
export function confluentCandidate(
  kind: ConfluentClusterKind,
  w: ResolvedWorkload,
  load: DerivedLoad,
  units?: number,
): SizingCandidate {
  const c = CONFLUENT_CAPACITY[kind];
  const util = w.headroom.confluentUtilization;
  const multiZone = w.availabilityZones > 1;
  const total = confluentPartitionsPerTopic(kind, w, load) * w.topics;
  const dim = (name: string, demand: number, capacity: number, unit: string): SizingDimension =>
    Object.freeze({ name, demand, capacity, unit, unitsNeeded: Math.ceil(demand / capacity - 1e-9) });
  const dims: SizingDimension[] = [
    dim("ingress", load.peakIngressBytesPerSecond / MB, c.ingressMBpsPerUnit * util, `MB/s per ${c.unit}`),
    dim("egress", load.peakEgressBytesPerSecond / MB, c.egressMBpsPerUnit * util, `MB/s per ${c.unit}`),
    dim("partitions", total, c.partitionsPerUnit, `partitions per ${c.unit}`),
  ];
  if (w.clientConnections !== undefined) {
    dims.push(dim("connections", w.clientConnections, c.connectionsPerUnit, `connections per ${c.unit}`));
  }
  const min = multiZone ? (c.minUnitsMultiZone ?? c.minUnits) : c.minUnits;
  const limit = dims.reduce((a, b) => (b.unitsNeeded > a.unitsNeeded ? b : a));
  const neededUnits = Math.max(min, limit.unitsNeeded);
  const count = units ?? neededUnits;
  const p = CONFLUENT_PRICES[w.region][kind];
  const cost = monthlyCost([
    costLine(`${c.unit}-hours`, Math.max(0, count - p.freeUnits) * MSK_SIZING_FACTORS.hoursPerMonth, p.unitHour),
    costLine("data written and read", load.monthlyInGiB + load.monthlyOutGiB, p.networkGb),
    costLine("storage", load.retainedGiB, p.storageGbMonth),
  ]);
  const retainedTB = (load.retainedGiB * GiB) / 1e12;
  let refusal: string | undefined;
  if (multiZone && c.minUnitsMultiZone === undefined) {
    refusal = `single-zone only: the workload spans ${w.availabilityZones} AZs`;
  } else if (w.replicationFactor > MSK_SIZING_FACTORS.fixedReplicationFactor) {
    refusal = `replication factor is fixed at 3 (workload asks ${w.replicationFactor})`;
  } else if (neededUnits > c.maxUnits) {
    refusal = `needs ${neededUnits} ${c.unit} (${limit.name}), above the type's maximum of ${c.maxUnits}`;
  } else if (total > c.maxPartitions) {
    refusal = `needs ${total} partitions, above the type's ${c.maxPartitions}`;
  } else if (c.maxStorageTB !== undefined && retainedTB > c.maxStorageTB) {
    refusal = `retains ${formatNumber(retainedTB)} TB, above the type's ${c.maxStorageTB} TB`;
  } else if (units !== undefined && units < neededUnits) {
    refusal = `${units} ${c.unit} carry less than the workload: ${limit.name} needs ${neededUnits}`;
  } else if (units !== undefined && units > c.maxUnits) {
    refusal = `${units} ${c.unit} is above the type's maximum of ${c.maxUnits}`;
  }
  return Object.freeze({
    size: kind,
    units: count,
    fits: refusal === undefined,
    ...(refusal !== undefined ? { refusal } : {}),
    limitingFactor: limit.unitsNeeded >= min ? limit.name : "minimum units",
    dimensions: Object.freeze(dims),
    cost,
  });
}

/** One Confluent cluster type as an option. */
export function sizeConfluent(kind: ConfluentClusterKind, w: ResolvedWorkload, load: DerivedLoad): SizingOption {
  const c = CONFLUENT_CAPACITY[kind];
  const cand = confluentCandidate(kind, w, load);
  const perTopic = confluentPartitionsPerTopic(kind, w, load);
  const notes = [...c.caveats, `SLA ${c.sla}`];
  if (w.replicationFactor < MSK_SIZING_FACTORS.fixedReplicationFactor) {
    notes.push(`replication factor is fixed at 3 (the workload asks ${w.replicationFactor})`);
  }
  if (kind === "enterprise" && cand.units > 10)
    notes.push(`${cand.units} eCKU: above 10 on AWS needs private network interfaces`);
  if (kind === "dedicated" && cand.units > 24)
    notes.push(`${cand.units} CKU: above the self-serve 24, arrange with Confluent`);
  else if (kind === "dedicated" && cand.units > 4) notes.push(`${cand.units} CKU: above 4, invoice billing is needed`);
  if (c.maxStorageTB === undefined) notes.push("storage unlimited");
  return Object.freeze({
    offering: `confluent-${kind}` as OfferingId,
    label: LABELS[kind],
    fits: cand.fits,
    ...(cand.refusal !== undefined ? { refusal: cand.refusal } : {}),
    size: kind,
    units: cand.units,
    unitName: c.unit,
    limitingFactor: cand.limitingFactor,
    partitions: Object.freeze({
      perTopic,
      total: perTopic * w.topics,
      clusterLimit: c.maxPartitions,
      limitAtUnits: confluentPartitionLimit(kind, cand.units),
    }),
    storage: Object.freeze({
      retainedGiB: load.retainedGiB,
      ...(c.maxStorageTB !== undefined ? { limitGiB: (c.maxStorageTB * 1e12) / GiB } : {}),
    }),
    dimensions: cand.dimensions,
    cost: cand.cost,
    notes: Object.freeze(notes),
  });
}
