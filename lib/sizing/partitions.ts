/**
 * Partitions per topic for a throughput, per offering: Jun Rao's rule, partitions ≥ max(t/p, t/c)
 * ([partitionsBlog]), with the library's planning figures p = 10 MB/s produced and c = 20 MB/s
 * consumed per partition (`PARTITION_SIZING`), each platform's own per-partition limits where it
 * has some, a floor of 6 (what a topic gets without a throughput, `DEFAULT_PARTITIONS`), and
 * rounded up to a multiple of the AZ count so leaders spread evenly. Pure: no cdktf import.
 */
import { PARTITION_SIZING } from "../standards/topic-config";
import { MB } from "./units";

/** Partitions of a topic when nothing is known about its throughput (equals `DEFAULT_PARTITIONS`). */
export const PARTITION_FLOOR = 6;

/** What bounds one partition's throughput on a platform. */
export interface PartitionLimits {
  /** Produce throughput one partition is planned for, MB/s. @default PARTITION_SIZING.producerMBpsPerPartition */
  readonly producerMBps?: number;
  /** Consume throughput of one partition for one consumer group, MB/s. @default PARTITION_SIZING.consumerMBpsPerPartition */
  readonly consumerMBps?: number;
  /** The platform's ingress limit or guideline per partition, MB/s. @default - none */
  readonly platformIngressMBps?: number;
  /** The platform's egress limit per partition, all consumer groups together, MB/s. @default - none */
  readonly platformEgressMBps?: number;
}

/**
 * Partitions per topic for a topic's peak ingress (bytes/s on the wire) read by `consumerGroups` groups.
 */
export function partitionsForTopic(
  peakIngressBytesPerSecond: number,
  consumerGroups: number,
  availabilityZones: number,
  limits: PartitionLimits = {},
): number {
  const t = peakIngressBytesPerSecond / MB;
  const p = Math.min(
    limits.producerMBps ?? PARTITION_SIZING.producerMBpsPerPartition,
    limits.platformIngressMBps ?? Infinity,
  );
  const c = limits.consumerMBps ?? PARTITION_SIZING.consumerMBpsPerPartition;
  const needed = Math.max(
    PARTITION_FLOOR,
    Math.ceil(t / p - 1e-9),
    Math.ceil(t / c - 1e-9),
    limits.platformEgressMBps !== undefined ? Math.ceil((t * consumerGroups) / limits.platformEgressMBps - 1e-9) : 0,
  );
  return Math.ceil(needed / availabilityZones) * availabilityZones;
}
