/**
 * Sizing of Amazon MSK: Standard brokers (EBS), Express brokers and MSK Serverless.
 *
 * Standard follows AWS's sizing script ([awsSizingScript]): a broker's safe client ingress is
 * min(storage throughput / 6.5, network baseline / (1.5 × consumer groups + 5.7)) × 0.5, which
 * provisions for one AZ down, rebalancing and lagging consumers; EBS holds ingress × retention × RF
 * with 2× headroom, at most 16,384 GiB per broker; brokers are a multiple of the AZ count and at
 * most the cluster quota. Two deliberate differences from the script: EC2's baselines are read in
 * their published decimal units (Gbps, MB/s) and converted to MiB/s, where the script reads them as
 * MiB/s (so our per-broker ingress is up to ~5 % lower); and kafka.m7g.2xlarge may provision storage
 * throughput, as the MSK documentation says and the script does not.
 *
 * Express follows the recommended per-broker throughput of [mskExpressBestPractices] (read, like the
 * script, as MiB/s) × 0.75 utilization, for ingress and for egress (the script uses 2.5 × ingress
 * without utilization for egress; the documentation's egress figure is the one to size on).
 *
 * Pure: no cdktf import.
 */
import { BROKER_INSTANCE_CATALOG, type BrokerInstanceInfo } from "../standards/broker-types";
import { MSK_PRICES } from "../standards/pricing";
import {
  MSK_SERVERLESS_QUOTAS,
  MSK_SIZING_FACTORS,
  STANDARD_BROKER_HARDWARE,
  type StandardBrokerHardware,
} from "../standards/sizing-msk";
import { costLine, monthlyCost } from "./cost";
import { partitionsForTopic } from "./partitions";
import type { CostLine, SizingCandidate, SizingDimension, SizingOption } from "./types";
import { MB, MiB, formatNumber } from "./units";
import type { DerivedLoad, ResolvedWorkload } from "./workload";

const F = MSK_SIZING_FACTORS;

/** Rounds a broker count up to a multiple of the AZ count (at least one broker per AZ). */
export function roundToAzs(brokers: number, azs: number): number {
  return Math.max(azs, Math.ceil(brokers / azs) * azs);
}

function needed(demand: number, capacity: number): number {
  return capacity > 0 ? Math.ceil(demand / capacity - 1e-9) : Infinity;
}

function dimension(name: string, demand: number, capacity: number, unit: string, azs: number): SizingDimension {
  return Object.freeze({ name, demand, capacity, unit, unitsNeeded: roundToAzs(needed(demand, capacity), azs) });
}

function largest(dimensions: readonly SizingDimension[]): SizingDimension {
  return dimensions.reduce((a, b) => (b.unitsNeeded > a.unitsNeeded ? b : a));
}

/** Partitions per topic on MSK provisioned brokers (the library's per-partition planning figures). */
export function mskPartitionsPerTopic(w: ResolvedWorkload, load: DerivedLoad): number {
  return partitionsForTopic(load.peakIngressBytesPerSecond / w.topics, w.consumerGroups, w.availabilityZones);
}

/** Cross-AZ client traffic per month, GiB: producers (and consumers unless rack-aware) send (AZ−1)/AZ of their bytes to another AZ. */
function crossAzGiB(w: ResolvedWorkload, load: DerivedLoad): number {
  const share = (w.availabilityZones - 1) / w.availabilityZones;
  return load.monthlyInGiB * share + (w.rackAwareConsumers ? 0 : load.monthlyOutGiB * share);
}

/** Throughput figures of one Standard size, MiB/s. */
export interface StandardBrokerThroughput {
  /** Storage throughput available to the broker: min(EBS baseline, volume throughput). */
  readonly storageMiBps: number;
  /** Network baseline. */
  readonly networkMiBps: number;
  /** Safe client ingress at 100 % utilization: min(storage / 6.5, network / (azScale × groups + 5.7)). */
  readonly safeIngressMiBps: number;
  /** Which of the two binds. */
  readonly bound: "storage" | "network";
}

/** The safe ingress of a Standard broker, with or without provisioned storage throughput. */
export function standardBrokerThroughput(
  hw: StandardBrokerHardware,
  consumerGroups: number,
  availabilityZones: number,
  provisionedThroughputMiBps?: number,
): StandardBrokerThroughput {
  const ebsMiBps = (hw.ebsBaselineMBps * MB) / MiB;
  const volume = provisionedThroughputMiBps ?? F.defaultVolumeThroughputMiBps;
  const storageMiBps = Math.min(ebsMiBps, volume);
  const networkMiBps = (hw.networkBaselineGbps * 1e9) / 8 / MiB;
  const azScale = availabilityZones / (availabilityZones - 1);
  const byStorage = storageMiBps / F.storageIoFactor;
  const byNetwork = networkMiBps / (azScale * consumerGroups + F.networkIoBase);
  return Object.freeze({
    storageMiBps,
    networkMiBps,
    safeIngressMiBps: Math.min(byStorage, byNetwork),
    bound: byStorage <= byNetwork ? "storage" : "network",
  });
}

/** The PST a size can use to lift its storage throughput above the volume default, MiB/s. */
export function usefulProvisionedThroughput(hw: StandardBrokerHardware): number | undefined {
  if (hw.maxProvisionedThroughputMiBps === undefined) return undefined;
  const ebsMiBps = (hw.ebsBaselineMBps * MB) / MiB;
  const pst = Math.min(hw.maxProvisionedThroughputMiBps, ebsMiBps);
  return pst > F.defaultVolumeThroughputMiBps ? Math.floor(pst) : undefined;
}

function partitionInfo(instanceType: string): BrokerInstanceInfo {
  const info = BROKER_INSTANCE_CATALOG.find((b) => b.instanceType === instanceType);
  if (!info) throw new Error(`broker catalog has no ${instanceType}`);
  return info;
}

/** Evaluates one Standard size (with a given PST, or none) for a workload; `brokers` forces a count. */
export function standardCandidate(
  w: ResolvedWorkload,
  load: DerivedLoad,
  hw: StandardBrokerHardware,
  provisionedThroughputMiBps?: number,
  brokers?: number,
): SizingCandidate {
  const azs = w.availabilityZones;
  const thr = standardBrokerThroughput(hw, w.consumerGroups, azs, provisionedThroughputMiBps);
  const partitions = mskPartitionsPerTopic(w, load) * w.topics * w.replicationFactor;
  const ebsGiB = load.retainedReplicatedGiB * w.headroom.diskHeadroomFactor;
  const info = partitionInfo(hw.instanceType);
  const dims: SizingDimension[] = [
    dimension(
      "ingress",
      load.peakIngressBytesPerSecond / MiB,
      thr.safeIngressMiBps * w.headroom.standardUtilization,
      `MiB/s (${thr.bound}-bound)`,
      azs,
    ),
    dimension("storage", ebsGiB, F.maxVolumeGiB, "GiB of EBS", azs),
    dimension("partitions", partitions, info.recommendedPartitions, "partition replicas", azs),
    dimension("replication factor", w.replicationFactor, 1, "brokers", azs),
  ];
  if (w.clientConnections !== undefined) {
    dims.push(dimension("connections", w.clientConnections, F.iamConnectionsPerBroker, "IAM connections", azs));
  }
  const limit = largest(dims);
  const count = brokers ?? limit.unitsNeeded;
  const volume = Math.max(1, Math.ceil(ebsGiB / count));
  const prices = MSK_PRICES[w.region];
  const lines: CostLine[] = [
    costLine(`broker-hours (${hw.instanceType})`, count * F.hoursPerMonth, prices.brokerHour[hw.instanceType]),
    costLine("EBS storage", count * volume, prices.ebsGbMonth),
    costLine(
      "provisioned storage throughput",
      provisionedThroughputMiBps !== undefined ? count * provisionedThroughputMiBps : 0,
      prices.pstMiBpsMonth,
    ),
    costLine("cross-AZ client traffic", crossAzGiB(w, load), prices.crossAzGb),
  ];
  let refusal: string | undefined;
  if (count > w.headroom.brokerQuota) {
    refusal = `needs ${count} × ${hw.instanceType} (${limit.name}), above the quota of ${w.headroom.brokerQuota} brokers per cluster`;
  } else if (brokers !== undefined && brokers < limit.unitsNeeded) {
    refusal = `${brokers} × ${hw.instanceType} carry less than the workload: ${limit.name} needs ${limit.unitsNeeded}`;
  } else if (volume > F.maxVolumeGiB) {
    refusal = `needs ${volume} GiB of EBS per broker, above the ${F.maxVolumeGiB} GiB limit`;
  }
  return Object.freeze({
    size: hw.instanceType,
    ...(provisionedThroughputMiBps !== undefined ? { provisionedThroughputMiBps } : {}),
    units: count,
    fits: refusal === undefined,
    ...(refusal !== undefined ? { refusal } : {}),
    limitingFactor: limit.name,
    dimensions: Object.freeze(dims),
    cost: monthlyCost(lines),
  });
}

/** Cheapest fitting candidate; ties go to fewer brokers. */
export function cheapest(candidates: readonly SizingCandidate[]): SizingCandidate | undefined {
  let best: SizingCandidate | undefined;
  for (const c of candidates) {
    if (!c.fits) continue;
    if (
      !best ||
      c.cost.totalUsdHigh < best.cost.totalUsdHigh - 0.5 ||
      (Math.abs(c.cost.totalUsdHigh - best.cost.totalUsdHigh) <= 0.5 && c.units < best.units)
    ) {
      best = c;
    }
  }
  return best;
}

/** Every Standard candidate: each size without PST, and with PST where the size can use it. */
export function standardCandidates(w: ResolvedWorkload, load: DerivedLoad): SizingCandidate[] {
  const out: SizingCandidate[] = [];
  for (const hw of STANDARD_BROKER_HARDWARE) {
    out.push(standardCandidate(w, load, hw));
    const pst = usefulProvisionedThroughput(hw);
    if (pst !== undefined) out.push(standardCandidate(w, load, hw, pst));
  }
  return out;
}

function oneAzDown(utilization: number, azs: number): number {
  return (utilization * azs) / (azs - 1);
}

/** MSK Standard: the cheapest fitting size, or the reason none fits. */
export function sizeMskStandard(w: ResolvedWorkload, load: DerivedLoad): SizingOption {
  const candidates = standardCandidates(w, load);
  const best = cheapest(candidates);
  const perTopic = mskPartitionsPerTopic(w, load);
  const notes: string[] = [];
  if (best === undefined) {
    const closest = candidates.reduce((a, b) => (b.units < a.units ? b : a));
    return Object.freeze({
      offering: "msk-standard",
      label: "MSK Standard",
      fits: false,
      refusal: `no Standard size fits: the fewest brokers is ${closest.units} × ${closest.size} (${closest.limitingFactor}), above the quota of ${w.headroom.brokerQuota}`,
      unitName: "brokers",
      partitions: { perTopic, total: perTopic * w.topics },
      storage: { retainedGiB: load.retainedGiB, autoscalingCeilingGiB: F.maxVolumeGiB },
      dimensions: closest.dimensions,
      notes: Object.freeze([
        "tiered storage (not modelled) keeps only recent data on EBS and is how Standard carries long retention at this rate",
      ]),
      candidates: Object.freeze(candidates),
    });
  }
  const hw = STANDARD_BROKER_HARDWARE.find((h) => h.instanceType === best.size)!;
  const info = partitionInfo(best.size);
  const thr = standardBrokerThroughput(hw, w.consumerGroups, w.availabilityZones, best.provisionedThroughputMiBps);
  const inPerBroker = load.peakWriteBytesPerSecond / MiB / best.units;
  const outPerBroker = load.peakBrokerNetworkOutBytesPerSecond / MiB / best.units;
  const utilization = Math.max(
    load.peakIngressBytesPerSecond / MiB / best.units / thr.safeIngressMiBps,
    outPerBroker / thr.networkMiBps,
  );
  const dataPerBroker = load.retainedReplicatedGiB / best.units;
  const volume = Math.max(1, Math.ceil((load.retainedReplicatedGiB * w.headroom.diskHeadroomFactor) / best.units));
  if (w.replicationFactor < 3)
    notes.push(`replication factor ${w.replicationFactor}: one broker loss leaves a single copy`);
  if (best.provisionedThroughputMiBps !== undefined) {
    notes.push(
      `provisions ${best.provisionedThroughputMiBps} MiB/s of storage throughput per broker (set num.replica.fetchers as MSK advises)`,
    );
  }
  return Object.freeze({
    offering: "msk-standard",
    label: "MSK Standard",
    fits: true,
    size: best.size,
    ...(best.provisionedThroughputMiBps !== undefined
      ? { provisionedThroughputMiBps: best.provisionedThroughputMiBps }
      : {}),
    units: best.units,
    unitName: "brokers",
    limitingFactor: best.limitingFactor,
    partitions: Object.freeze({
      perTopic,
      total: perTopic * w.topics,
      replicasPerBroker: Math.ceil((perTopic * w.topics * w.replicationFactor) / best.units),
      recommendedPerBroker: info.recommendedPartitions,
      maxPerBroker: info.maxPartitions,
    }),
    storage: Object.freeze({
      retainedGiB: load.retainedGiB,
      dataPerBrokerGiB: dataPerBroker,
      volumePerBrokerGiB: volume,
      autoscalingCeilingGiB: F.maxVolumeGiB,
    }),
    network: Object.freeze({
      inPerBrokerMiBps: inPerBroker,
      outPerBrokerMiBps: outPerBroker,
      baselineMiBps: thr.networkMiBps,
      clientInPerBrokerMiBps: load.peakIngressBytesPerSecond / MiB / best.units,
      safeInMiBps: thr.safeIngressMiBps,
      utilization,
      utilizationOneAzDown: oneAzDown(utilization, w.availabilityZones),
    }),
    dimensions: best.dimensions,
    cost: best.cost,
    notes: Object.freeze(notes),
    candidates: Object.freeze(candidates),
  });
}

/** Express sizes, smallest first. */
export const EXPRESS_SIZES: readonly BrokerInstanceInfo[] = Object.freeze(
  BROKER_INSTANCE_CATALOG.filter((b) => b.family === "express"),
);

function expressRefusal(w: ResolvedWorkload): string | undefined {
  if (w.availabilityZones !== F.expressAvailabilityZones) return "Express brokers run in exactly 3 AZs";
  if (w.replicationFactor > F.fixedReplicationFactor)
    return `replication factor is fixed at 3 (workload asks ${w.replicationFactor})`;
  return undefined;
}

/** Evaluates one Express size; `brokers` forces a count. */
export function expressCandidate(
  w: ResolvedWorkload,
  load: DerivedLoad,
  info: BrokerInstanceInfo,
  brokers?: number,
): SizingCandidate {
  const azs = F.expressAvailabilityZones;
  const util = w.headroom.expressUtilization;
  const partitions = mskPartitionsPerTopic(w, load) * w.topics * F.fixedReplicationFactor;
  const dims: SizingDimension[] = [
    dimension("ingress", load.peakIngressBytesPerSecond / MiB, info.recommendedIngressMBps * util, "MiB/s", azs),
    dimension("egress", load.peakEgressBytesPerSecond / MiB, info.recommendedEgressMBps * util, "MiB/s", azs),
    dimension("partitions", partitions, info.recommendedPartitions, "partition replicas", azs),
  ];
  if (w.clientConnections !== undefined) {
    dims.push(dimension("connections", w.clientConnections, F.iamConnectionsPerBroker, "IAM connections", azs));
  }
  const limit = largest(dims);
  const count = brokers ?? limit.unitsNeeded;
  const prices = MSK_PRICES[w.region];
  const lines: CostLine[] = [
    costLine(`broker-hours (${info.instanceType})`, count * F.hoursPerMonth, prices.brokerHour[info.instanceType]),
    costLine("Express storage", load.retainedGiB, prices.expressStorageGbMonth),
    costLine("Express data written", load.monthlyInGiB, prices.expressDataInGb),
    costLine("cross-AZ client traffic", crossAzGiB(w, load), prices.crossAzGb),
  ];
  let refusal = expressRefusal(w);
  if (refusal === undefined && count > w.headroom.brokerQuota) {
    refusal = `needs ${count} × ${info.instanceType} (${limit.name}), above the quota of ${w.headroom.brokerQuota} brokers per cluster`;
  } else if (refusal === undefined && brokers !== undefined && brokers < limit.unitsNeeded) {
    refusal = `${brokers} × ${info.instanceType} carry less than the workload: ${limit.name} needs ${limit.unitsNeeded}`;
  }
  return Object.freeze({
    size: info.instanceType,
    units: count,
    fits: refusal === undefined,
    ...(refusal !== undefined ? { refusal } : {}),
    limitingFactor: limit.name,
    dimensions: Object.freeze(dims),
    cost: monthlyCost(lines),
  });
}

/** MSK Express: the cheapest fitting size, or the reason none fits. */
export function sizeMskExpress(w: ResolvedWorkload, load: DerivedLoad): SizingOption {
  const candidates = EXPRESS_SIZES.map((info) => expressCandidate(w, load, info));
  const best = cheapest(candidates);
  const perTopic = mskPartitionsPerTopic(w, load);
  const notes: string[] = [];
  if (w.replicationFactor < F.fixedReplicationFactor) {
    notes.push(`replication factor is fixed at 3 (the workload asks ${w.replicationFactor}; Express keeps 3)`);
  }
  if (best === undefined) {
    const closest = candidates.reduce((a, b) => (b.units < a.units ? b : a));
    return Object.freeze({
      offering: "msk-express",
      label: "MSK Express",
      fits: false,
      refusal:
        expressRefusal(w) ??
        `no Express size fits: the fewest brokers is ${closest.units} × ${closest.size}, above the quota of ${w.headroom.brokerQuota}`,
      unitName: "brokers",
      partitions: { perTopic, total: perTopic * w.topics },
      storage: { retainedGiB: load.retainedGiB },
      dimensions: closest.dimensions,
      notes: Object.freeze(notes),
      candidates: Object.freeze(candidates),
    });
  }
  const info = EXPRESS_SIZES.find((i) => i.instanceType === best.size)!;
  const inPerBroker = load.peakIngressBytesPerSecond / MiB / best.units;
  const outPerBroker = load.peakEgressBytesPerSecond / MiB / best.units;
  const utilization = Math.max(inPerBroker / info.recommendedIngressMBps, outPerBroker / info.recommendedEgressMBps);
  notes.push("storage is managed and unlimited: no volume to size");
  const downShare = oneAzDown(utilization, F.expressAvailabilityZones);
  if (downShare > 1) {
    notes.push(
      `with one AZ down the other brokers run at ${Math.round(downShare * 100)} % of the recommended throughput (above it performance may degrade; throttling starts at the higher quota): lower headroom.expressUtilization to keep an AZ loss within it`,
    );
  }
  return Object.freeze({
    offering: "msk-express",
    label: "MSK Express",
    fits: true,
    size: best.size,
    units: best.units,
    unitName: "brokers",
    limitingFactor: best.limitingFactor,
    partitions: Object.freeze({
      perTopic,
      total: perTopic * w.topics,
      replicasPerBroker: Math.ceil((perTopic * w.topics * F.fixedReplicationFactor) / best.units),
      recommendedPerBroker: info.recommendedPartitions,
      maxPerBroker: info.maxPartitions,
    }),
    storage: Object.freeze({ retainedGiB: load.retainedGiB }),
    network: Object.freeze({
      inPerBrokerMiBps: inPerBroker,
      outPerBrokerMiBps: outPerBroker,
      recommendedInMiBps: info.recommendedIngressMBps,
      recommendedOutMiBps: info.recommendedEgressMBps,
      utilization,
      utilizationOneAzDown: oneAzDown(utilization, F.expressAvailabilityZones),
    }),
    dimensions: best.dimensions,
    cost: best.cost,
    notes: Object.freeze(notes),
    candidates: Object.freeze(candidates),
  });
}

/** Partitions per topic on MSK Serverless (5 MB/s in and 10 MB/s out per partition). */
export function serverlessPartitionsPerTopic(w: ResolvedWorkload, load: DerivedLoad): number {
  return partitionsForTopic(load.peakIngressBytesPerSecond / w.topics, w.consumerGroups, w.availabilityZones, {
    platformIngressMBps: MSK_SERVERLESS_QUOTAS.partitionIngressMBps,
    platformEgressMBps: MSK_SERVERLESS_QUOTAS.partitionEgressMBps,
  });
}

/** MSK Serverless: fits within the per-cluster quotas, or not. */
export function sizeMskServerless(w: ResolvedWorkload, load: DerivedLoad): SizingOption {
  const q = MSK_SERVERLESS_QUOTAS;
  const perTopic = serverlessPartitionsPerTopic(w, load);
  const total = perTopic * w.topics;
  const quota = (name: string, demand: number, capacity: number, unit: string): SizingDimension =>
    Object.freeze({ name, demand, capacity, unit, unitsNeeded: demand <= capacity + 1e-9 ? 1 : Infinity });
  const dims: SizingDimension[] = [
    quota("ingress", load.peakIngressBytesPerSecond / MB, q.ingressMBps, "MB/s per cluster"),
    quota("egress", load.peakEgressBytesPerSecond / MB, q.egressMBps, "MB/s per cluster"),
    quota("partitions", total, q.partitions, "partitions per cluster"),
  ];
  if (w.clientConnections !== undefined)
    dims.push(quota("connections", w.clientConnections, q.connections, "connections per cluster"));
  const over = dims.filter((d) => d.unitsNeeded !== 1);
  const p = MSK_PRICES[w.region].serverless;
  const cost = monthlyCost([
    costLine("cluster-hours", F.hoursPerMonth, p.clusterHour),
    costLine("partition-hours", total * F.hoursPerMonth, p.partitionHour),
    costLine("data in", load.monthlyInGiB, p.dataInGb),
    costLine("data out", load.monthlyOutGiB, p.dataOutGb),
    costLine("storage", load.retainedGiB, p.storageGbMonth),
  ]);
  let refusal: string | undefined;
  if (w.replicationFactor > F.fixedReplicationFactor) {
    refusal = `replication factor is fixed at 3 (workload asks ${w.replicationFactor})`;
  } else if (over.length > 0) {
    refusal = over
      .map((d) => `${d.name} ${formatNumber(d.demand)} above the quota of ${formatNumber(d.capacity)} ${d.unit}`)
      .join("; ");
  }
  const utilization = Math.max(...dims.map((d) => d.demand / d.capacity));
  return Object.freeze({
    offering: "msk-serverless",
    label: "MSK Serverless",
    fits: refusal === undefined,
    ...(refusal !== undefined ? { refusal } : {}),
    size: "serverless",
    units: 1,
    unitName: "cluster",
    limitingFactor: dims.reduce((a, b) => (b.demand / b.capacity > a.demand / a.capacity ? b : a)).name,
    partitions: Object.freeze({ perTopic, total, clusterLimit: q.partitions }),
    storage: Object.freeze({ retainedGiB: load.retainedGiB }),
    dimensions: Object.freeze(dims),
    cost,
    notes: Object.freeze([
      `uses ${Math.round(utilization * 100)} % of its tightest quota; the cluster cannot grow past the quotas`,
      "topics default to retention.bytes of 250 GiB per partition: set retention.bytes=-1 for time-based retention",
    ]),
  });
}
