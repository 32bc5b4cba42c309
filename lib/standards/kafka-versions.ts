/**
 * Kafka versions Amazon MSK accepts, as the exact `kafka_version` strings of the MSK API.
 *
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/supported-kafka-versions.html
 * @see aws/aws-cdk packages/@aws-cdk/aws-msk-alpha/lib/cluster-version.ts (the same strings)
 */

/** Support status of an MSK Kafka version. */
export type KafkaVersionStatus = "recommended" | "supported" | "end-of-support";

/** Catalog entry for one MSK Kafka version string. */
export interface KafkaVersionInfo {
  /** The exact string MSK accepts in `kafka_version`. */
  readonly version: string;
  /** KRaft metadata mode (chosen by the `.kraft` suffix or implied by 4.x; cannot change after creation). */
  readonly kraft: boolean;
  /** Support status. */
  readonly status: KafkaVersionStatus;
  /** End-of-support date (ISO), when AWS has published one. */
  readonly endOfSupport?: string;
  /** Only available on Express brokers. */
  readonly expressOnly?: boolean;
  /** Apache Kafka release a local test cluster uses to stand in for this MSK version. */
  readonly apacheRelease?: string;
}

function entry(info: KafkaVersionInfo): KafkaVersionInfo {
  return Object.freeze(info);
}

/**
 * Every MSK `kafka_version` the standard knows.
 *
 * End-of-support dates: supported-kafka-versions.html / version-support.html. 3.6.0 carries the
 * 2026-06-01 date from the amazonaws.cn copy of the page; the global page lists none, so we take
 * the earlier, safer date. Clusters past end of support are upgraded by AWS without notice.
 */
export const KAFKA_VERSION_CATALOG: readonly KafkaVersionInfo[] = Object.freeze([
  entry({ version: "4.2.x.kraft", kraft: true, status: "supported", expressOnly: true }),
  entry({ version: "4.1.x.kraft", kraft: true, status: "supported" }),
  entry({ version: "4.0.x.kraft", kraft: true, status: "supported" }),
  entry({ version: "3.9.x.kraft", kraft: true, status: "supported", apacheRelease: "3.9.1" }),
  entry({ version: "3.9.x", kraft: false, status: "supported", apacheRelease: "3.9.1" }),
  entry({ version: "3.8.x.kraft", kraft: true, status: "supported" }),
  entry({ version: "3.8.x", kraft: false, status: "recommended" }),
  entry({ version: "3.7.x.kraft", kraft: true, status: "supported" }),
  entry({ version: "3.7.x", kraft: false, status: "supported" }),
  entry({ version: "3.6.0", kraft: false, status: "supported", endOfSupport: "2026-06-01" }),
  entry({ version: "3.5.1", kraft: false, status: "end-of-support", endOfSupport: "2025-10-23" }),
  entry({ version: "3.4.0", kraft: false, status: "end-of-support", endOfSupport: "2025-08-04" }),
  entry({ version: "3.3.2", kraft: false, status: "end-of-support", endOfSupport: "2024-09-11" }),
  entry({ version: "3.3.1", kraft: false, status: "end-of-support", endOfSupport: "2024-09-11" }),
  entry({ version: "3.2.0", kraft: false, status: "end-of-support", endOfSupport: "2024-09-11" }),
  entry({ version: "3.1.1", kraft: false, status: "end-of-support", endOfSupport: "2024-09-11" }),
  entry({ version: "2.8.2.tiered", kraft: false, status: "end-of-support", endOfSupport: "2025-01-14" }),
  entry({ version: "2.8.1", kraft: false, status: "end-of-support", endOfSupport: "2024-09-11" }),
  entry({ version: "2.6.2", kraft: false, status: "end-of-support", endOfSupport: "2024-09-11" }),
]);

/** Look a version string up in the catalog. */
export function kafkaVersionInfo(version: string): KafkaVersionInfo | undefined {
  return KAFKA_VERSION_CATALOG.find((v) => v.version === version);
}

/** True when a version has passed its end-of-support date on `today` (ISO date). */
export function isPastEndOfSupport(info: KafkaVersionInfo, today: string): boolean {
  return info.status === "end-of-support" || (info.endOfSupport !== undefined && info.endOfSupport <= today);
}

/**
 * An MSK Kafka version.
 *
 * Use a constant (`KafkaVersion.V3_9_X_KRAFT`); `KafkaVersion.of("x.y.z")` is the escape hatch for a
 * string MSK accepts that the catalog does not know yet, and the audit report lists it.
 */
export class KafkaVersion {
  /** Kafka 3.9 in KRaft mode: the library default (the last 3.x line, no ZooKeeper). */
  public static readonly V3_9_X_KRAFT = KafkaVersion.known("3.9.x.kraft");
  /** Kafka 3.9 with ZooKeeper. */
  public static readonly V3_9_X = KafkaVersion.known("3.9.x");
  /** Kafka 3.8 in KRaft mode. */
  public static readonly V3_8_X_KRAFT = KafkaVersion.known("3.8.x.kraft");
  /** Kafka 3.8 with ZooKeeper (AWS's "recommended" version). */
  public static readonly V3_8_X = KafkaVersion.known("3.8.x");
  /** Kafka 3.7 in KRaft mode. */
  public static readonly V3_7_X_KRAFT = KafkaVersion.known("3.7.x.kraft");
  /** Kafka 3.7 with ZooKeeper. */
  public static readonly V3_7_X = KafkaVersion.known("3.7.x");
  /** Kafka 3.6.0 (end of support 2026-06-01). */
  public static readonly V3_6_0 = KafkaVersion.known("3.6.0");
  /** Kafka 4.0 (KRaft only). */
  public static readonly V4_0_X_KRAFT = KafkaVersion.known("4.0.x.kraft");
  /** Kafka 4.1 (KRaft only). */
  public static readonly V4_1_X_KRAFT = KafkaVersion.known("4.1.x.kraft");
  /** Kafka 4.2 (KRaft only, Express brokers only). */
  public static readonly V4_2_X_KRAFT = KafkaVersion.known("4.2.x.kraft");

  /** The default version for new clusters. */
  public static readonly DEFAULT = KafkaVersion.V3_9_X_KRAFT;

  /**
   * A version string the catalog does not know. It is passed to MSK as given, and the audit
   * report flags it (rule KS-MSK-011) so the choice stays visible.
   *
   * @example
   * import { KafkaVersion, MskCluster } from "cdktf-kafka-standards";
   *
   * new MskCluster(stack, "orders", {
   *   clusterName: "orders",
   *   tier: "prod",
   *   vpcId: "vpc-0123",
   *   clientSubnetIds: ["subnet-a", "subnet-b", "subnet-c"],
   *   allowedClientSecurityGroupIds: ["sg-0456"],
   *   // A version newer than the catalog; reported by the audit.
   *   kafkaVersion: KafkaVersion.of("4.3.x.kraft"),
   * });
   */
  public static of(version: string): KafkaVersion {
    const info = kafkaVersionInfo(version);
    return new KafkaVersion(version, info, info === undefined);
  }

  private static known(version: string): KafkaVersion {
    const info = kafkaVersionInfo(version);
    if (!info) throw new Error(`catalog has no entry for ${version}`);
    return new KafkaVersion(version, info, false);
  }

  private constructor(
    /** The exact `kafka_version` string. */
    public readonly version: string,
    /** The catalog entry, when known. */
    public readonly info: KafkaVersionInfo | undefined,
    /** True when created by `of()` with a string the catalog does not know. */
    public readonly isEscapeHatch: boolean,
  ) {}

  /** True for KRaft clusters (`.kraft` suffix or Kafka 4+). */
  public get kraft(): boolean {
    return this.info?.kraft ?? (this.version.endsWith(".kraft") || /^[4-9]\./.test(this.version));
  }
}
