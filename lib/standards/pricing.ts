/**
 * List prices the sizing model multiplies, per region, each with its source, the date it was read
 * and its unit. Prices change: the report prints the date next to every cost line, and a region
 * without a table here is refused rather than guessed.
 *
 * Only us-east-1 is published in a source reachable here: AWS's own sizing script prices us-east-1
 * alone, and no reachable source gives eu-west-1. Add a region by reading the AWS Price List API
 * (service code `AmazonMSK`) and Confluent's pricing page, with the date read.
 *
 * Where a source gives a range (Confluent Standard networking; Enterprise and Dedicated), the price
 * carries `usd` (low) and `usdHigh`; costs are then shown as a range. No cdktf import here: this is data.
 */
import type { ConfluentClusterKind } from "./confluent";
import { SIZING_SOURCES, type SizingSourceId, type SourceKind } from "./sizing-sources";

/** One list price. */
export interface ListPrice {
  /** USD per unit; the low end when the source gives a range. */
  readonly usd: number;
  /** High end of a published range, USD per unit. @default - a single price */
  readonly usdHigh?: number;
  /** What one unit is, e.g. "broker-hour", "GB-month" (AWS and Confluent bill GB as GiB). */
  readonly unit: string;
  /** Where the price was read. */
  readonly source: SizingSourceId;
  /** When it was read or published (ISO date). */
  readonly date: string;
  /** Region the price applies to. */
  readonly region: string;
  /** How much weight the price carries (the source's kind unless the price itself is weaker). */
  readonly kind: SourceKind;
  /** Why the price is what it is, when not plain. */
  readonly note?: string;
}

/** Regions with a price table. */
export type PricingRegion = "us-east-1";

/** Every region with a price table. */
export const PRICING_REGIONS: readonly PricingRegion[] = Object.freeze(["us-east-1"]);

/** MSK prices of one region. */
export interface MskPrices {
  /** Standard and Express broker-hours, by instance type. */
  readonly brokerHour: Readonly<Record<string, ListPrice>>;
  /** Provisioned EBS storage of Standard brokers, per GB-month. */
  readonly ebsGbMonth: ListPrice;
  /** Provisioned storage throughput, per MiB/s-month. */
  readonly pstMiBpsMonth: ListPrice;
  /** Express storage, per GB-month of data stored (one logical copy). */
  readonly expressStorageGbMonth: ListPrice;
  /** Data written to Express brokers, per GB. */
  readonly expressDataInGb: ListPrice;
  /** Client traffic that crosses an AZ, per GB (0.01 out + 0.01 in); in-cluster replication is free. */
  readonly crossAzGb: ListPrice;
  /** MSK Serverless. */
  readonly serverless: {
    readonly clusterHour: ListPrice;
    readonly partitionHour: ListPrice;
    readonly dataInGb: ListPrice;
    readonly dataOutGb: ListPrice;
    readonly storageGbMonth: ListPrice;
  };
}

/** Confluent Cloud prices of one cluster type in one region. */
export interface ConfluentPrices {
  /** Per eCKU-hour or CKU-hour. */
  readonly unitHour: ListPrice;
  /** Units per cluster that are not charged (Basic: the first eCKU). */
  readonly freeUnits: number;
  /** Per GB written and per GB read. */
  readonly networkGb: ListPrice;
  /** Per GB-month stored. */
  readonly storageGbMonth: ListPrice;
}

function price(
  usd: number,
  unit: string,
  source: SizingSourceId,
  extra: { usdHigh?: number; kind?: SourceKind; note?: string } = {},
): ListPrice {
  return Object.freeze({
    usd,
    ...(extra.usdHigh !== undefined ? { usdHigh: extra.usdHigh } : {}),
    unit,
    source,
    // The source's date: a price cannot carry another date than the page it was read from.
    date: SIZING_SOURCES[source].date,
    region: "us-east-1",
    kind: extra.kind ?? SIZING_SOURCES[source].kind,
    ...(extra.note !== undefined ? { note: extra.note } : {}),
  });
}

function brokerHours(entries: Readonly<Record<string, number>>): Readonly<Record<string, ListPrice>> {
  return Object.freeze(
    Object.fromEntries(
      Object.entries(entries).map(([type, usd]) => [type, price(usd, "broker-hour", "awsSizingScript")]),
    ),
  );
}

/**
 * MSK list prices, us-east-1.
 * - Broker-hours, EBS, PST, Express storage and data-in, cross-AZ: [awsSizingScript] (on-demand,
 *   us-east-1). Express broker-hours are twice the Standard m7g size's; a Price List note of
 *   2026-09-11 gives express.m7g.large the same $0.408.
 * - PST: the script charges every provisioned MiB/s; whether AWS bills only the part above the
 *   250 MiB/s default is not confirmed here, so the higher reading is kept.
 * - Serverless: [mskPriceList] (a third-party reading of the Price List API; an aggregator agrees).
 */
export const MSK_PRICES: Readonly<Record<PricingRegion, MskPrices>> = Object.freeze({
  "us-east-1": Object.freeze({
    brokerHour: brokerHours({
      "kafka.m5.large": 0.21,
      "kafka.m5.xlarge": 0.42,
      "kafka.m5.2xlarge": 0.84,
      "kafka.m5.4xlarge": 1.68,
      "kafka.m5.8xlarge": 3.36,
      "kafka.m5.12xlarge": 5.04,
      "kafka.m5.16xlarge": 6.72,
      "kafka.m5.24xlarge": 10.08,
      "kafka.m7g.large": 0.204,
      "kafka.m7g.xlarge": 0.408,
      "kafka.m7g.2xlarge": 0.816,
      "kafka.m7g.4xlarge": 1.632,
      "kafka.m7g.8xlarge": 3.264,
      "kafka.m7g.12xlarge": 4.896,
      "kafka.m7g.16xlarge": 6.528,
      "express.m7g.large": 0.408,
      "express.m7g.xlarge": 0.816,
      "express.m7g.2xlarge": 1.632,
      "express.m7g.4xlarge": 3.264,
      "express.m7g.8xlarge": 6.528,
      "express.m7g.12xlarge": 9.792,
      "express.m7g.16xlarge": 13.056,
    }),
    ebsGbMonth: price(0.1, "GB-month", "awsSizingScript"),
    pstMiBpsMonth: price(0.08, "MiB/s-month", "awsSizingScript", {
      note: "charged on every provisioned MiB/s, as AWS's script does",
    }),
    expressStorageGbMonth: price(0.1, "GB-month", "awsSizingScript", {
      note: "one logical copy of the data stored",
    }),
    expressDataInGb: price(0.01, "GB written", "awsSizingScript"),
    crossAzGb: price(0.02, "GB", "awsSizingScript", {
      note: "$0.01 out + $0.01 in; producers in 3 AZs send 2/3 of their bytes to another AZ",
    }),
    serverless: Object.freeze({
      clusterHour: price(0.75, "cluster-hour", "mskPriceList"),
      partitionHour: price(0.0015, "partition-hour", "mskPriceList"),
      dataInGb: price(0.1, "GB in", "mskPriceList"),
      dataOutGb: price(0.05, "GB out", "mskPriceList"),
      storageGbMonth: price(0.1, "GB-month", "mskPriceList"),
    }),
  }),
});

/**
 * Confluent Cloud list prices, AWS us-east-1 ([confluentBilling]: per eCKU/CKU-hour, per GB written
 * and read, per GB-month; GB = GiB).
 * - Basic: first eCKU free, then $0.14; $0.05/GB; $0.08/GB-month ([confluentPricing]).
 * - Standard: $0.75 per eCKU-hour; networking $0.035–0.05/GB ([confluentPricingStandard]); storage
 *   assumed equal to Basic's ([confluentPricing]; not confirmed).
 * - Enterprise and Dedicated: ranges from an aggregator ([confluentPricingRanges]): Enterprise
 *   $1.75–2.25 per eCKU-hour; Dedicated about $8.75 per CKU-hour (one estimate); networking
 *   $0.014–0.05/GB and storage $0.03–0.08/GB-month for all tiers. Use Confluent's cost estimator or
 *   a quote before committing to these.
 */
export const CONFLUENT_PRICES: Readonly<
  Record<PricingRegion, Readonly<Record<ConfluentClusterKind, ConfluentPrices>>>
> = Object.freeze({
  "us-east-1": Object.freeze({
    basic: Object.freeze({
      unitHour: price(0.14, "eCKU-hour", "confluentPricing"),
      freeUnits: 1,
      networkGb: price(0.05, "GB written or read", "confluentPricing"),
      storageGbMonth: price(0.08, "GB-month", "confluentPricing"),
    }),
    standard: Object.freeze({
      unitHour: price(0.75, "eCKU-hour", "confluentPricingStandard"),
      freeUnits: 0,
      networkGb: price(0.035, "GB written or read", "confluentPricingStandard", { usdHigh: 0.05 }),
      storageGbMonth: price(0.08, "GB-month", "confluentPricing", {
        kind: "unverified",
        note: "assumed equal to Basic's",
      }),
    }),
    enterprise: Object.freeze({
      unitHour: price(1.75, "eCKU-hour", "confluentPricingRanges", { usdHigh: 2.25 }),
      freeUnits: 0,
      networkGb: price(0.014, "GB written or read", "confluentPricingRanges", { usdHigh: 0.05 }),
      storageGbMonth: price(0.03, "GB-month", "confluentPricingRanges", { usdHigh: 0.08 }),
    }),
    dedicated: Object.freeze({
      unitHour: price(8.75, "CKU-hour", "confluentPricingRanges", {
        note: "one published estimate; Confluent quotes Dedicated",
      }),
      freeUnits: 0,
      networkGb: price(0.014, "GB written or read", "confluentPricingRanges", { usdHigh: 0.05 }),
      storageGbMonth: price(0.03, "GB-month", "confluentPricingRanges", { usdHigh: 0.08 }),
    }),
  }),
});
