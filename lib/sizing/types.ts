/**
 * What the sizing model returns: one option per offering, each with its size, the dimension that
 * limits it, its partitions, storage, network and monthly cost, or the reason it is refused.
 * Pure types: no cdktf import.
 */
import type { ListPrice } from "../standards/pricing";
import type { SourceKind } from "../standards/sizing-sources";

/** The offerings the model compares. */
export type OfferingId =
  | "msk-standard"
  | "msk-express"
  | "msk-serverless"
  | "confluent-basic"
  | "confluent-standard"
  | "confluent-enterprise"
  | "confluent-dedicated";

/** An offering and how it is labelled in reports. */
export interface OfferingInfo {
  readonly id: OfferingId;
  /** Label in tables, e.g. "MSK Express". */
  readonly label: string;
  /** Platform. */
  readonly platform: "msk" | "confluent";
}

/** Every offering, in the order reports list them. */
export const OFFERINGS: readonly OfferingInfo[] = Object.freeze([
  { id: "msk-standard", label: "MSK Standard", platform: "msk" },
  { id: "msk-express", label: "MSK Express", platform: "msk" },
  { id: "msk-serverless", label: "MSK Serverless", platform: "msk" },
  { id: "confluent-basic", label: "Confluent Basic", platform: "confluent" },
  { id: "confluent-standard", label: "Confluent Standard", platform: "confluent" },
  { id: "confluent-enterprise", label: "Confluent Enterprise", platform: "confluent" },
  { id: "confluent-dedicated", label: "Confluent Dedicated", platform: "confluent" },
] as OfferingInfo[]);

/** One priced line of a monthly cost. */
export interface CostLine {
  /** What is paid for, e.g. "broker-hours (kafka.m7g.large)". */
  readonly item: string;
  /** How many units per month. */
  readonly quantity: number;
  /** The price applied (its unit, source, date and region). */
  readonly price: ListPrice;
  /** quantity × price, USD per month (low end of a range). */
  readonly monthlyUsd: number;
  /** quantity × the high end of the price, USD per month (equal to monthlyUsd for a single price). */
  readonly monthlyUsdHigh: number;
}

/** A monthly cost: its lines, total and the weakest source behind it. */
export interface MonthlyCost {
  readonly lines: readonly CostLine[];
  /** Sum of the lines, USD per month (low end). */
  readonly totalUsd: number;
  /** Sum at the high end of every range, USD per month. */
  readonly totalUsdHigh: number;
  /** The weakest kind of source among the prices used. */
  readonly weakestSource: SourceKind;
}

/** One dimension a size is checked on: how many units (brokers, eCKUs) the demand needs. */
export interface SizingDimension {
  /** "ingress", "egress", "storage", "partitions", "connections". */
  readonly name: string;
  /** Demand, in `unit`. */
  readonly demand: number;
  /** Capacity of one broker or unit in `unit` (after the headroom policy); for a cluster-wide quota, the quota. */
  readonly capacity: number;
  /** Unit of demand and capacity, e.g. "MiB/s", "GiB", "partition replicas". */
  readonly unit: string;
  /** Brokers or units this dimension alone needs (for a cluster-wide quota: 1 when within it). */
  readonly unitsNeeded: number;
}

/** One size of one offering, evaluated. */
export interface SizingCandidate {
  /** Instance type (MSK) or cluster type (Confluent). */
  readonly size: string;
  /** Provisioned storage throughput per broker, MiB/s, when the candidate provisions it. */
  readonly provisionedThroughputMiBps?: number;
  /** Brokers, eCKUs or CKUs. */
  readonly units: number;
  /** True when no limit is exceeded. */
  readonly fits: boolean;
  /** Why it does not fit. */
  readonly refusal?: string;
  /** The dimension that sets `units`. */
  readonly limitingFactor: string;
  /** Every dimension checked. */
  readonly dimensions: readonly SizingDimension[];
  /** Monthly cost. */
  readonly cost: MonthlyCost;
}

/** Partitions of an option. */
export interface PartitionFigures {
  /** Partitions per topic. */
  readonly perTopic: number;
  /** Partitions of all topics (before replication). */
  readonly total: number;
  /** Partition replicas per broker (MSK provisioned). */
  readonly replicasPerBroker?: number;
  /** Recommended replicas per broker for the size (MSK provisioned). */
  readonly recommendedPerBroker?: number;
  /** Maximum replicas per broker that still allows updates (MSK provisioned). */
  readonly maxPerBroker?: number;
  /** Partitions per cluster the type allows at its largest (before replication). */
  readonly clusterLimit?: number;
  /** Partitions the option allows at its sized units (Confluent: units × the per-unit limit, at most `clusterLimit`). */
  readonly limitAtUnits?: number;
}

/** Storage of an option. */
export interface StorageFigures {
  /** Data retained, one copy, GiB. */
  readonly retainedGiB: number;
  /** Data per broker with every replica (MSK Standard), GiB. */
  readonly dataPerBrokerGiB?: number;
  /** EBS volume to provision per broker (data × disk headroom), GiB. */
  readonly volumePerBrokerGiB?: number;
  /** Largest volume storage autoscaling may grow to, GiB. */
  readonly autoscalingCeilingGiB?: number;
  /** Cluster storage limit, one copy, GiB; undefined is unlimited. */
  readonly limitGiB?: number;
}

/** Network of one broker (MSK provisioned). */
export interface NetworkFigures {
  /** Network in per broker at peak (clients + replication), MiB/s. */
  readonly inPerBrokerMiBps: number;
  /** Network out per broker at peak (consumers + replication), MiB/s. */
  readonly outPerBrokerMiBps: number;
  /** The instance's baseline bandwidth (each direction), MiB/s (Standard). */
  readonly baselineMiBps?: number;
  /** Client ingress per broker at peak, MiB/s (Standard). */
  readonly clientInPerBrokerMiBps?: number;
  /** Safe client ingress per broker at 100 % utilization, MiB/s (Standard: AWS's script model). */
  readonly safeInMiBps?: number;
  /** Recommended client ingress per broker, MiB/s (Express). */
  readonly recommendedInMiBps?: number;
  /** Recommended client egress per broker, MiB/s (Express). */
  readonly recommendedOutMiBps?: number;
  /** Highest share of a per-broker limit used at peak, 0–1. */
  readonly utilization: number;
  /** The same share with one AZ down (its brokers' load spread over the others). */
  readonly utilizationOneAzDown: number;
}

/** The model's answer for one offering. */
export interface SizingOption {
  readonly offering: OfferingId;
  readonly label: string;
  /** True when the offering carries the workload. */
  readonly fits: boolean;
  /** Why it does not. */
  readonly refusal?: string;
  /** Instance type, or the cluster type's unit. */
  readonly size?: string;
  /** Provisioned storage throughput per broker, MiB/s. */
  readonly provisionedThroughputMiBps?: number;
  /** Brokers, eCKUs, CKUs or 1 cluster. */
  readonly units?: number;
  /** What `units` counts. */
  readonly unitName: "brokers" | "eCKU" | "CKU" | "cluster";
  /** The dimension that sets the size. */
  readonly limitingFactor?: string;
  readonly partitions: PartitionFigures;
  readonly storage: StorageFigures;
  readonly network?: NetworkFigures;
  /** Every dimension checked, for the chosen size. */
  readonly dimensions: readonly SizingDimension[];
  /** Monthly cost (also for a refused option when it could be priced). */
  readonly cost?: MonthlyCost;
  /** Caveats, self-serve limits, where the model differs from a published figure. */
  readonly notes: readonly string[];
  /** Every size evaluated (MSK provisioned: each instance type). */
  readonly candidates?: readonly SizingCandidate[];
}
