/**
 * Where every sizing limit and list price of the library comes from.
 *
 * Each figure in `sizing-msk.ts`, `sizing-confluent.ts` and `pricing.ts` names one of these sources,
 * so a sizing report can print, next to each number, the page it was read from, the date of that
 * page (or of the copy read) and how much weight it carries. No cdktf import here: this is data.
 */

/**
 * How much a source is worth.
 * - `vendor-doc`: the vendor's own documentation.
 * - `vendor-code`: code or data the vendor itself published (AWS's MSK sizing script).
 * - `secondary`: a third party quoting the vendor (a price list note, a catalog).
 * - `unverified`: a figure no reachable source confirms, or on which sources disagree; shown, flagged.
 */
export type SourceKind = "vendor-doc" | "vendor-code" | "secondary" | "unverified";

/** Every kind, strongest first. */
export const SOURCE_KINDS: readonly SourceKind[] = Object.freeze([
  "vendor-doc",
  "vendor-code",
  "secondary",
  "unverified",
]);

/** One source of sizing facts. */
export interface SizingSource {
  /** Stable id, used by the data tables. */
  readonly id: string;
  /** What it is. */
  readonly title: string;
  /** Where it is. */
  readonly url: string;
  /** Date of the page or of the copy read (ISO date, or as precise as the copy allows; "current copy" when it carries none). */
  readonly date: string;
  /** How much weight it carries. */
  readonly kind: SourceKind;
}

function source(s: SizingSource): SizingSource {
  return Object.freeze(s);
}

/** Every source the sizing data cites, by id. */
export const SIZING_SOURCES = Object.freeze({
  mskBestPractices: source({
    id: "mskBestPractices",
    title: "Amazon MSK best practices for Standard brokers (partitions per broker, CPU under 60 %)",
    url: "https://docs.aws.amazon.com/msk/latest/developerguide/bestpractices.html",
    date: "current copy",
    kind: "vendor-doc",
  }),
  mskExpressBestPractices: source({
    id: "mskExpressBestPractices",
    title: "Amazon MSK best practices for Express brokers (recommended throughput per size; 45/90 MBps example)",
    url: "https://docs.aws.amazon.com/msk/latest/developerguide/bestpractices-express.html",
    date: "current copy",
    kind: "vendor-doc",
  }),
  mskStorageThroughput: source({
    id: "mskStorageThroughput",
    title: "Amazon MSK: manage storage throughput for Standard brokers (250 MiB/s default, PST maxima)",
    url: "https://docs.aws.amazon.com/msk/latest/developerguide/msk-provision-throughput-management.html",
    date: "current copy",
    kind: "vendor-doc",
  }),
  mskQuotas: source({
    id: "mskQuotas",
    title: "Amazon MSK quota (brokers per cluster, EBS per broker, Serverless and Express quotas)",
    url: "https://docs.aws.amazon.com/msk/latest/developerguide/limits.html",
    date: "current copy",
    kind: "vendor-doc",
  }),
  mskServerlessConfig: source({
    id: "mskServerlessConfig",
    title: "Configuration properties for MSK Serverless clusters (retention.ms up to unlimited)",
    url: "https://docs.aws.amazon.com/msk/latest/developerguide/serverless-config.html",
    date: "current copy",
    kind: "vendor-doc",
  }),
  mskServerlessQuotas2023: source({
    id: "mskServerlessQuotas2023",
    title: "Amazon MSK developer guide, MSK Serverless quota (200/400 MBps per cluster, 5/10 MBps per partition)",
    url: "https://github.com/awsdocs/amazon-msk-developer-guide/blob/main/doc_source/limits.md",
    date: "2023-06-15",
    kind: "vendor-doc",
  }),
  mskServerlessPartitions: source({
    id: "mskServerlessPartitions",
    title: "MSK Serverless partitions per cluster (2,400 non-compacted, 120 compacted), quoted from limits.html",
    url: "https://docs.aws.amazon.com/msk/latest/developerguide/limits.html#serverless-quota",
    date: "2025–2026 (third-party notes; day not stated)",
    kind: "secondary",
  }),
  awsSizingScript: source({
    id: "awsSizingScript",
    title:
      "AWS managing-amazon-msk skill, scripts/msk_sizing.py (storage IO factor 6.5, network factor 1.5·fan-out + 5.7, utilization 0.5 / 0.75, EBS headroom 2×, us-east-1 prices)",
    url: "https://github.com/aws/agent-toolkit-for-aws/blob/main/skills/specialized-skills/analytics-skills/managing-amazon-msk/scripts/msk_sizing.py",
    date: "2026-06-23",
    kind: "vendor-code",
  }),
  awsSizingGuide: source({
    id: "awsSizingGuide",
    title:
      "AWS managing-amazon-msk skill, references/size-and-choose-cluster.md (write IO = ingress × RF, +20 % EBS headroom, 100 MiB/s × 5 groups example)",
    url: "https://github.com/aws/agent-toolkit-for-aws/blob/main/skills/specialized-skills/analytics-skills/managing-amazon-msk/references/size-and-choose-cluster.md",
    date: "2026-07-30",
    kind: "vendor-code",
  }),
  ec2Ebs: source({
    id: "ec2Ebs",
    title: "Amazon EC2 user guide: EBS-optimized instances (baseline throughput, MB/s)",
    url: "https://github.com/awsdocs/amazon-ec2-user-guide/blob/master/doc_source/ebs-optimized.md",
    date: "2023-05-11",
    kind: "vendor-doc",
  }),
  ec2Network: source({
    id: "ec2Network",
    title: "Amazon EC2 user guide: general purpose instances (baseline network bandwidth, Gbps)",
    url: "https://github.com/awsdocs/amazon-ec2-user-guide/blob/master/doc_source/general-purpose-instances.md",
    date: "2023-05-11",
    kind: "vendor-doc",
  }),
  expressLaunch: source({
    id: "expressLaunch",
    title: "AWS News Blog: Introducing Express brokers for Amazon MSK (m7g.16xl Standard 154 MBps, Express 500 MBps)",
    url: "https://aws.amazon.com/blogs/aws/introducing-express-brokers-for-amazon-msk-to-deliver-high-throughput-and-faster-scaling-for-your-kafka-clusters/",
    date: "2024-11-07",
    kind: "vendor-doc",
  }),
  mskPriceList: source({
    id: "mskPriceList",
    title: "MSK Serverless list prices read from the AWS Price List API (third-party note; an aggregator agrees)",
    url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonMSK/current/index.json",
    date: "2026-09-11",
    kind: "secondary",
  }),
  mskFaq: source({
    id: "mskFaq",
    title: "Amazon MSK FAQ: no data transfer charge for in-cluster replication",
    url: "https://aws.amazon.com/msk/faqs/",
    date: "current copy",
    kind: "vendor-doc",
  }),
  rightSizingBlog: source({
    id: "rightSizingBlog",
    title: "AWS Big Data Blog: Best practices for right-sizing your Apache Kafka clusters (Equation 1)",
    url: "https://aws.amazon.com/blogs/big-data/best-practices-for-right-sizing-your-apache-kafka-clusters-to-optimize-performance-and-cost/",
    date: "2022-03-17",
    kind: "vendor-doc",
  }),
  confluentClusterTypes: source({
    id: "confluentClusterTypes",
    title: "Confluent Cloud cluster types: per-eCKU/CKU limits and cluster limits",
    url: "https://docs.confluent.io/cloud/current/clusters/cluster-types.html",
    date: "2025-12-17 or later (lists 32-eCKU Enterprise as GA)",
    kind: "vendor-doc",
  }),
  confluentBilling: source({
    id: "confluentBilling",
    title: "Confluent Cloud billing dimensions (eCKU/CKU-hour, GB written and read, GB stored; GB = GiB)",
    url: "https://docs.confluent.io/cloud/current/billing/billing-dimensions.html",
    date: "current copy",
    kind: "vendor-doc",
  }),
  confluentPricing: source({
    id: "confluentPricing",
    title: "Confluent Cloud Basic list prices (confluent.io/pricing, as quoted by two public notes and an API catalog)",
    url: "https://www.confluent.io/pricing/",
    date: "2026-09-21",
    kind: "secondary",
  }),
  confluentPricingStandard: source({
    id: "confluentPricingStandard",
    title: "Confluent Cloud Standard list prices (confluent.io/pricing, as quoted by a public note)",
    url: "https://www.confluent.io/pricing/",
    date: "2026-10-02",
    kind: "secondary",
  }),
  confluentPricingRanges: source({
    id: "confluentPricingRanges",
    title: "Confluent Cloud price ranges for Enterprise and Dedicated (aggregator; not confirmed by Confluent)",
    url: "https://www.confluent.io/pricing/",
    date: "2026-10-02",
    kind: "unverified",
  }),
  partitionsBlog: source({
    id: "partitionsBlog",
    title: "Jun Rao: How to choose the number of topics/partitions in a Kafka cluster (partitions ≥ max(t/p, t/c))",
    url: "https://www.confluent.io/blog/how-choose-number-topics-partitions-kafka-cluster/",
    date: "2015-03",
    kind: "vendor-doc",
  }),
});

/** Id of a source in {@link SIZING_SOURCES}. */
export type SizingSourceId = keyof typeof SIZING_SOURCES;

/** The weaker of two source kinds. */
export function weakerKind(a: SourceKind, b: SourceKind): SourceKind {
  return SOURCE_KINDS.indexOf(a) >= SOURCE_KINDS.indexOf(b) ? a : b;
}
