/**
 * MSK broker instance catalog: partitions per broker and throughput guidance.
 *
 * Standard brokers: partitions per broker counting leader and follower replicas, from the AWS MSK
 * best-practices table (bestpractices.html, "Right-size your cluster: Number of partitions per
 * Standard broker"). Standard brokers have no published MB/s quota; with RF 3 and no provisioned
 * EBS throughput, ~83 MiB/s of client ingress per broker saturates the 250 MiB/s gp3 write limit.
 *
 * Express brokers: recommended ingress/egress from "Best practices for Express brokers"
 * (bestpractices-express.html); partition limits from the Express quota table (limits.html#msk-express-quota).
 */

/** Standard (EBS) or Express brokers. */
export type BrokerFamily = "standard" | "express";

/** Catalog entry for one MSK broker instance type. */
export interface BrokerInstanceInfo {
  /** Exact `instance_type` string. */
  readonly instanceType: string;
  /** Standard or Express. */
  readonly family: BrokerFamily;
  /** Recommended partitions per broker (leaders + followers). */
  readonly recommendedPartitions: number;
  /** Maximum partitions per broker that still allows update operations. */
  readonly maxPartitions: number;
  /** Recommended sustained client ingress per broker, MB/s. */
  readonly recommendedIngressMBps: number;
  /** Recommended sustained client egress per broker, MB/s. */
  readonly recommendedEgressMBps: number;
  /** Burstable instance (CPU credits): development only. */
  readonly burstable: boolean;
  /** EBS provisioned throughput available (kafka.m5.4xlarge+ and kafka.m7g.2xlarge+). */
  readonly provisionedThroughput: boolean;
}

/** ~83 MiB/s client ingress per standard broker at RF 3 before gp3's 250 MiB/s write limit; egress twice that. */
const STANDARD_INGRESS = 83;
const STANDARD_EGRESS = 166;

function standard(
  instanceType: string,
  recommendedPartitions: number,
  maxPartitions: number,
  opts: { burstable?: boolean; provisionedThroughput?: boolean; ingress?: number } = {},
): BrokerInstanceInfo {
  const ingress = opts.ingress ?? STANDARD_INGRESS;
  return Object.freeze({
    instanceType,
    family: "standard",
    recommendedPartitions,
    maxPartitions,
    recommendedIngressMBps: ingress,
    recommendedEgressMBps: ingress === STANDARD_INGRESS ? STANDARD_EGRESS : ingress * 2,
    burstable: opts.burstable ?? false,
    provisionedThroughput: opts.provisionedThroughput ?? false,
  });
}

function express(instanceType: string, ingress: number, egress: number, rec: number, max: number): BrokerInstanceInfo {
  return Object.freeze({
    instanceType,
    family: "express",
    recommendedPartitions: rec,
    maxPartitions: max,
    recommendedIngressMBps: ingress,
    recommendedEgressMBps: egress,
    burstable: false,
    provisionedThroughput: false,
  });
}

const PT = { provisionedThroughput: true };

/** Every broker instance type the standard knows. */
export const BROKER_INSTANCE_CATALOG: readonly BrokerInstanceInfo[] = Object.freeze([
  // t3.small: dev only, 300 partitions, low network baseline.
  standard("kafka.t3.small", 300, 300, { burstable: true, ingress: 5 }),
  standard("kafka.m5.large", 1000, 1500),
  standard("kafka.m5.xlarge", 1000, 1500),
  standard("kafka.m5.2xlarge", 2000, 3000),
  standard("kafka.m5.4xlarge", 4000, 6000, PT),
  standard("kafka.m5.8xlarge", 4000, 6000, PT),
  standard("kafka.m5.12xlarge", 4000, 6000, PT),
  standard("kafka.m5.16xlarge", 4000, 6000, PT),
  standard("kafka.m5.24xlarge", 4000, 6000, PT),
  standard("kafka.m7g.large", 1000, 1500),
  standard("kafka.m7g.xlarge", 1000, 1500),
  standard("kafka.m7g.2xlarge", 2000, 3000, PT),
  standard("kafka.m7g.4xlarge", 4000, 6000, PT),
  standard("kafka.m7g.8xlarge", 4000, 6000, PT),
  standard("kafka.m7g.12xlarge", 4000, 6000, PT),
  standard("kafka.m7g.16xlarge", 4000, 6000, PT),
  express("express.m7g.large", 15.6, 31.2, 1000, 1500),
  express("express.m7g.xlarge", 31.2, 62.5, 1000, 2000),
  express("express.m7g.2xlarge", 62.5, 125.0, 2500, 4000),
  express("express.m7g.4xlarge", 124.9, 249.8, 6000, 8000),
  express("express.m7g.8xlarge", 250.0, 500.0, 12000, 16000),
  express("express.m7g.12xlarge", 375.0, 750.0, 16000, 24000),
  express("express.m7g.16xlarge", 500.0, 1000.0, 20000, 32000),
]);

/** Look an instance type up in the catalog. */
export function brokerInstanceInfo(instanceType: string): BrokerInstanceInfo | undefined {
  return BROKER_INSTANCE_CATALOG.find((b) => b.instanceType === instanceType);
}

/**
 * An MSK broker instance type.
 *
 * Use a constant (`BrokerInstanceType.M7G_LARGE`); `BrokerInstanceType.of("kafka.x.y")` is the escape
 * hatch for a type the catalog does not know yet, and the audit report lists it.
 */
export class BrokerInstanceType {
  /** kafka.t3.small (dev only). */
  public static readonly T3_SMALL = BrokerInstanceType.known("kafka.t3.small");
  /** kafka.m5.large. */
  public static readonly M5_LARGE = BrokerInstanceType.known("kafka.m5.large");
  /** kafka.m5.xlarge. */
  public static readonly M5_XLARGE = BrokerInstanceType.known("kafka.m5.xlarge");
  /** kafka.m5.2xlarge. */
  public static readonly M5_2XLARGE = BrokerInstanceType.known("kafka.m5.2xlarge");
  /** kafka.m5.4xlarge. */
  public static readonly M5_4XLARGE = BrokerInstanceType.known("kafka.m5.4xlarge");
  /** kafka.m7g.large: the library default for standard brokers. */
  public static readonly M7G_LARGE = BrokerInstanceType.known("kafka.m7g.large");
  /** kafka.m7g.xlarge. */
  public static readonly M7G_XLARGE = BrokerInstanceType.known("kafka.m7g.xlarge");
  /** kafka.m7g.2xlarge. */
  public static readonly M7G_2XLARGE = BrokerInstanceType.known("kafka.m7g.2xlarge");
  /** kafka.m7g.4xlarge. */
  public static readonly M7G_4XLARGE = BrokerInstanceType.known("kafka.m7g.4xlarge");
  /** kafka.m7g.8xlarge. */
  public static readonly M7G_8XLARGE = BrokerInstanceType.known("kafka.m7g.8xlarge");
  /** kafka.m7g.16xlarge. */
  public static readonly M7G_16XLARGE = BrokerInstanceType.known("kafka.m7g.16xlarge");
  /** express.m7g.large. */
  public static readonly EXPRESS_M7G_LARGE = BrokerInstanceType.known("express.m7g.large");
  /** express.m7g.xlarge. */
  public static readonly EXPRESS_M7G_XLARGE = BrokerInstanceType.known("express.m7g.xlarge");
  /** express.m7g.2xlarge. */
  public static readonly EXPRESS_M7G_2XLARGE = BrokerInstanceType.known("express.m7g.2xlarge");
  /** express.m7g.4xlarge. */
  public static readonly EXPRESS_M7G_4XLARGE = BrokerInstanceType.known("express.m7g.4xlarge");
  /** express.m7g.8xlarge. */
  public static readonly EXPRESS_M7G_8XLARGE = BrokerInstanceType.known("express.m7g.8xlarge");
  /** express.m7g.16xlarge. */
  public static readonly EXPRESS_M7G_16XLARGE = BrokerInstanceType.known("express.m7g.16xlarge");

  /** The default broker type. */
  public static readonly DEFAULT = BrokerInstanceType.M7G_LARGE;

  /**
   * A type the catalog does not know; passed as given and flagged by the audit (KS-MSK-012).
   *
   * @example
   * import { BrokerInstanceType, MskCluster } from "cdktf-kafka-standards";
   *
   * new MskCluster(stack, "orders", {
   *   clusterName: "orders",
   *   tier: "prod",
   *   vpcId: "vpc-0123",
   *   clientSubnetIds: ["subnet-a", "subnet-b", "subnet-c"],
   *   allowedClientSecurityGroupIds: ["sg-0456"],
   *   // A type the catalog does not list yet; reported by the audit.
   *   instanceType: BrokerInstanceType.of("kafka.m7g.24xlarge"),
   * });
   */
  public static of(instanceType: string): BrokerInstanceType {
    const info = brokerInstanceInfo(instanceType);
    return new BrokerInstanceType(instanceType, info, info === undefined);
  }

  private static known(instanceType: string): BrokerInstanceType {
    const info = brokerInstanceInfo(instanceType);
    if (!info) throw new Error(`catalog has no entry for ${instanceType}`);
    return new BrokerInstanceType(instanceType, info, false);
  }

  private constructor(
    /** The exact `instance_type` string. */
    public readonly instanceType: string,
    /** The catalog entry, when known. */
    public readonly info: BrokerInstanceInfo | undefined,
    /** True when created by `of()` with a type the catalog does not know. */
    public readonly isEscapeHatch: boolean,
  ) {}

  /** True for Express brokers. */
  public get express(): boolean {
    return this.info?.family === "express" || this.instanceType.startsWith("express.");
  }
}
