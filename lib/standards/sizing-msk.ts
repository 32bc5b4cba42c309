/**
 * What bounds an Amazon MSK cluster's size: per-broker hardware of Standard brokers, the published
 * throughput of Express brokers, storage and broker quotas, MSK Serverless quotas, and the factors
 * of AWS's own sizing method. Partition limits per broker and Express throughput come from the
 * broker catalog (`broker-types.ts`), so sizing and the constructs read one table.
 *
 * Units are in the names: `MBps` is 10^6 bytes/s as the EC2 and MSK pages state it, `MiBps` is 2^20
 * bytes/s, `Gbps` is 10^9 bits/s, `GiB` is 2^30 bytes. No cdktf import here: this is data.
 */
import type { SizingSourceId } from "./sizing-sources";

/** Hardware of one Standard broker size. */
export interface StandardBrokerHardware {
  /** Exact `instance_type`. */
  readonly instanceType: string;
  /** Virtual CPUs. */
  readonly vcpu: number;
  /** Memory, GiB. */
  readonly memoryGiB: number;
  /** Baseline network bandwidth of the EC2 instance, Gbps (burst is not sized on). */
  readonly networkBaselineGbps: number;
  /** Baseline EBS throughput of the EC2 instance, MB/s (10^6 bytes; burst is not sized on). */
  readonly ebsBaselineMBps: number;
  /**
   * Highest provisioned storage throughput (PST) MSK accepts for this size, MiB/s; undefined when the
   * size cannot provision throughput and its volume stays at the 250 MiB/s default.
   */
  readonly maxProvisionedThroughputMiBps?: number;
}

function hw(
  instanceType: string,
  vcpu: number,
  memoryGiB: number,
  networkBaselineGbps: number,
  ebsBaselineMBps: number,
  maxProvisionedThroughputMiBps?: number,
): StandardBrokerHardware {
  return Object.freeze({
    instanceType,
    vcpu,
    memoryGiB,
    networkBaselineGbps,
    ebsBaselineMBps,
    ...(maxProvisionedThroughputMiBps !== undefined ? { maxProvisionedThroughputMiBps } : {}),
  });
}

/**
 * Standard broker sizes the sizing model considers, cheapest first within each family.
 *
 * - vCPU, memory, network and EBS baselines: EC2 user guide ([ec2Network], [ec2Ebs]); the network
 *   baselines agree with the table AWS's karpenter provider generates from the EC2 docs.
 * - PST maxima and eligibility (kafka.m5.4xlarge and up, kafka.m7g.2xlarge and up): [mskStorageThroughput].
 *   AWS's sizing script leaves m7g.2xlarge out; the documentation includes it, and so do we.
 * - kafka.t3.small is left out: it is for development only (burstable CPU, 4 new IAM connections/s),
 *   and AWS's sizing script does not model it either.
 */
export const STANDARD_BROKER_HARDWARE: readonly StandardBrokerHardware[] = Object.freeze([
  hw("kafka.m7g.large", 2, 8, 0.937, 78.75),
  hw("kafka.m7g.xlarge", 4, 16, 1.876, 156.25),
  hw("kafka.m7g.2xlarge", 8, 32, 3.75, 312.5, 312.5),
  hw("kafka.m7g.4xlarge", 16, 64, 7.5, 625, 625),
  hw("kafka.m7g.8xlarge", 32, 128, 15, 1250, 1000),
  hw("kafka.m7g.12xlarge", 48, 192, 22.5, 1875, 1000),
  hw("kafka.m7g.16xlarge", 64, 256, 30, 2500, 1000),
  hw("kafka.m5.large", 2, 8, 0.75, 81.25),
  hw("kafka.m5.xlarge", 4, 16, 1.25, 143.75),
  hw("kafka.m5.2xlarge", 8, 32, 2.5, 287.5),
  hw("kafka.m5.4xlarge", 16, 64, 5, 593.75, 593),
  hw("kafka.m5.8xlarge", 32, 128, 10, 850, 850),
  hw("kafka.m5.12xlarge", 48, 192, 12, 1187.5, 1000),
  hw("kafka.m5.16xlarge", 64, 256, 20, 1700, 1000),
  hw("kafka.m5.24xlarge", 96, 384, 25, 2375, 1000),
]);

/** vCPUs of the Express sizes (the m7g family's; [mskExpressBestPractices]). */
export const EXPRESS_BROKER_VCPU: Readonly<Record<string, number>> = Object.freeze({
  "express.m7g.large": 2,
  "express.m7g.xlarge": 4,
  "express.m7g.2xlarge": 8,
  "express.m7g.4xlarge": 16,
  "express.m7g.8xlarge": 32,
  "express.m7g.12xlarge": 48,
  "express.m7g.16xlarge": 64,
});

/**
 * Factors of AWS's sizing method for MSK ([awsSizingScript] unless noted).
 *
 * A Standard broker's safe client ingress is min(storage throughput / storageIoFactor, network
 * baseline / (azScale × consumer groups + networkIoBase)) × utilization, which sizes for one AZ down,
 * rebalancing and lagging consumers; with RF 3 and fan-out 2 on kafka.m7g.16xlarge it gives the
 * 154 MiB/s the Express launch post quotes for Standard ([expressLaunch]).
 */
export const MSK_SIZING_FACTORS = Object.freeze({
  /** EBS write and read IO per byte of client ingress: 1.5 ingress + 1.5 replication + 0.5 lagging + 3.0 rebalancing. */
  storageIoFactor: 6.5,
  /** Network out per byte of ingress besides consumers: 2.2 replication + 0.5 lagging + 3.0 rebalancing. */
  networkIoBase: 5.7,
  /** Default volume throughput, MiB/s, without provisioned throughput ([mskStorageThroughput]). */
  defaultVolumeThroughputMiBps: 250,
  /** Share of a Standard broker's safe throughput to plan on (the script's and workbook's default). */
  standardUtilization: 0.5,
  /** Share of an Express broker's recommended throughput to plan on (the script's default). */
  expressUtilization: 0.75,
  /**
   * Provisioned EBS per byte retained: 2 = volumes half full. The script and workbook use 2 because a
   * full disk stops a broker; AWS's sizing guide says +20 % ([awsSizingGuide]); storage autoscaling
   * targets 50–60 %. An input of the workload.
   */
  diskHeadroomFactor: 2,
  /** Largest EBS volume per broker, GiB ([mskQuotas]). */
  maxVolumeGiB: 16384,
  /** Brokers per KRaft cluster, default quota (adjustable; 30 for ZooKeeper clusters) ([mskQuotas]). */
  brokersPerCluster: 60,
  /** Express brokers run in exactly 3 AZs with RF 3 ([mskExpressBestPractices]). */
  expressAvailabilityZones: 3,
  /** Replication factor of Express, Serverless and Confluent Cloud: fixed. */
  fixedReplicationFactor: 3,
  /** Hours per month in every monthly figure (the script's and AWS's calculator's convention). */
  hoursPerMonth: 730,
  /** IAM client connections per broker (Standard and Express; [awsSizingGuide]). */
  iamConnectionsPerBroker: 3000,
});

/** The sources of {@link MSK_SIZING_FACTORS}. */
export const MSK_SIZING_FACTOR_SOURCES: Readonly<Record<keyof typeof MSK_SIZING_FACTORS, SizingSourceId>> =
  Object.freeze({
    storageIoFactor: "awsSizingScript",
    networkIoBase: "awsSizingScript",
    defaultVolumeThroughputMiBps: "mskStorageThroughput",
    standardUtilization: "awsSizingScript",
    expressUtilization: "awsSizingScript",
    diskHeadroomFactor: "awsSizingScript",
    maxVolumeGiB: "mskQuotas",
    brokersPerCluster: "mskQuotas",
    expressAvailabilityZones: "mskExpressBestPractices",
    fixedReplicationFactor: "mskExpressBestPractices",
    hoursPerMonth: "awsSizingScript",
    iamConnectionsPerBroker: "awsSizingGuide",
  });

/**
 * MSK Serverless quotas.
 * - Throughput per cluster and per partition: [mskServerlessQuotas2023] (unchanged in newer copies).
 * - Partitions per cluster: 2,400 non-compacted, 120 compacted ([mskServerlessPartitions]; the 2023
 *   copy said 120 in all).
 * - Retention: `retention.ms` may be unlimited ([mskServerlessConfig]); older copies capped it at 24 h.
 * - Connections: 3,000 per cluster ([mskServerlessPartitions]).
 */
export const MSK_SERVERLESS_QUOTAS = Object.freeze({
  /** Ingress per cluster, MB/s. */
  ingressMBps: 200,
  /** Egress per cluster, MB/s. */
  egressMBps: 400,
  /** Ingress per partition, MB/s. */
  partitionIngressMBps: 5,
  /** Egress per partition, MB/s. */
  partitionEgressMBps: 10,
  /** Non-compacted partitions per cluster. */
  partitions: 2400,
  /** Client connections per cluster. */
  connections: 3000,
});
