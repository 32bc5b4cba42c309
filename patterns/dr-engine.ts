import { isUnresolved } from "../lib/core/resource-metadata";
import { failWith } from "../lib/errors";
import { ConnectPlugin } from "../lib/connect/connect-plugin";
import type { MskConnectCapacity } from "../lib/connect/kafka-connector-props";

/** Where MSK Replicator starts reading a topic it begins to replicate (`starting_position.type`). */
export type ReplicatorStartingPosition = "EARLIEST" | "LATEST";

/** Compression of the records MSK Replicator writes to the target (`target_compression_type`). */
export type ReplicatorCompression = "NONE" | "GZIP" | "SNAPPY" | "LZ4" | "ZSTD";

/** Options of the MirrorMaker 2 engine (three connectors on the standby's MSK Connect). */
export interface MirrorMaker2EngineOptions {
  /**
   * The custom plugin of the three connectors. The MirrorMaker 2 classes ship with MSK Connect's
   * Kafka Connect runtime, so an archive with no jar of its own is enough (MSK Connect still needs one).
   */
  readonly plugin: ConnectPlugin;
  /** VPC of the standby (the workers run there). */
  readonly vpcId: string;
  /** Subnets of the workers, in the standby's VPC. */
  readonly subnetIds: readonly string[];
  /**
   * Egress of the workers to the primary's brokers (port 9098), e.g. the primary VPC's CIDR over
   * peering or a transit gateway.
   */
  readonly primaryCidr: string;
  /**
   * Capacity of the source connector (the checkpoint and heartbeat connectors take one worker each).
   * @default the tier's MSK_CONNECT_CAPACITY
   */
  readonly capacity?: MskConnectCapacity;
  /**
   * Source tasks (`tasks.max`), at most the replicated partitions.
   * @default - the number of replicated topics
   */
  readonly tasks?: number;
  /**
   * `emit.checkpoints.interval.seconds` and `sync.group.offsets.interval.seconds`: how far the
   * standby's committed offsets trail the primary's (duplicates after a failover).
   * @default 20
   */
  readonly offsetSyncIntervalSeconds?: number;
}

/** Options of the MSK Replicator engine. */
export interface ReplicatorEngineOptions {
  /**
   * Where replication of a topic starts. `EARLIEST` copies what the primary holds today (a standby
   * that starts complete, and the only safe choice for failback); `LATEST` copies only records
   * written after the replicator starts. Changing it replaces the replicator (ForceNew).
   * @default "EARLIEST" - nothing the primary holds is missing on the standby
   */
  readonly startingPosition?: ReplicatorStartingPosition;
  /**
   * Compression of the records written to the standby.
   * @default "LZ4"
   */
  readonly compression?: ReplicatorCompression;
  /**
   * Subnets of the standby the replicator reaches it from.
   * @default - the standby's client subnets
   */
  readonly standbySubnetIds?: readonly string[];
  /**
   * Subnets of the primary the replicator reaches it from (multi-VPC private connectivity across regions).
   * @default - the primary's client subnets
   */
  readonly primarySubnetIds?: readonly string[];
}

const COMPRESSIONS: readonly ReplicatorCompression[] = ["NONE", "GZIP", "SNAPPY", "LZ4", "ZSTD"];

function subnets(value: unknown, prop: string): void {
  if (value === undefined || isUnresolved(value)) return;
  if (!Array.isArray(value) || value.length === 0 || value.some((s) => typeof s !== "string" || s === "")) {
    failWith("KSE-DR-007", prop, value, "a non-empty list of subnet ids", "List the subnets.");
  }
}

/**
 * How a DR pair on MSK replicates: MirrorMaker 2 on MSK Connect, or MSK Replicator.
 *
 * @example
 * import { ConnectPlugin } from "cdktf-kafka-standards";
 * import { DrEngine } from "cdktf-kafka-standards/patterns";
 *
 * const replicator = DrEngine.replicator({ startingPosition: "EARLIEST" });
 * const mm2 = DrEngine.mirrorMaker2({
 *   plugin: ConnectPlugin.fromS3({ bucketArn: "arn:aws:s3:::connect-plugins", fileKey: "mirrormaker2-empty.zip" }),
 *   vpcId: "vpc-0123",
 *   subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
 *   primaryCidr: "10.1.0.0/16",
 * });
 * console.log(replicator.kind, mm2.kind);
 */
export class DrEngine {
  /**
   * MirrorMaker 2 (source, checkpoint and heartbeat connectors) on the standby's MSK Connect.
   * @example
   * import { ConnectPlugin } from "cdktf-kafka-standards";
   * import { DrEngine } from "cdktf-kafka-standards/patterns";
   *
   * const engine = DrEngine.mirrorMaker2({
   *   plugin: ConnectPlugin.fromS3({ bucketArn: "arn:aws:s3:::connect-plugins", fileKey: "mirrormaker2-empty.zip" }),
   *   vpcId: "vpc-0123",
   *   subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
   *   primaryCidr: "10.1.0.0/16",
   * });
   * console.log(engine.kind);
   */
  public static mirrorMaker2(options: MirrorMaker2EngineOptions): DrEngine {
    if (typeof options !== "object" || options === null) {
      failWith(
        "KSE-DR-007",
        "engine",
        options,
        "{ plugin, vpcId, subnetIds, primaryCidr }",
        "Give the MirrorMaker 2 options.",
      );
    }
    if (!(options.plugin instanceof ConnectPlugin)) {
      failWith("KSE-DR-007", "engine.plugin", options.plugin, "a ConnectPlugin", "Use ConnectPlugin.fromS3(...).");
    }
    if (!isUnresolved(options.vpcId) && (typeof options.vpcId !== "string" || !/^vpc-[0-9a-f]+$/.test(options.vpcId))) {
      failWith("KSE-DR-007", "engine.vpcId", options.vpcId, "a VPC id (vpc-…)", "Pass the standby's VPC.");
    }
    if (options.subnetIds === undefined) {
      failWith("KSE-DR-007", "engine.subnetIds", undefined, "a non-empty list of subnet ids", "List the subnets.");
    }
    subnets(options.subnetIds, "engine.subnetIds");
    if (
      !isUnresolved(options.primaryCidr) &&
      (typeof options.primaryCidr !== "string" || !/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(options.primaryCidr))
    ) {
      failWith("KSE-DR-007", "engine.primaryCidr", options.primaryCidr, "an IPv4 CIDR", "Give the primary VPC's CIDR.");
    }
    const interval = options.offsetSyncIntervalSeconds;
    if (interval !== undefined && (!Number.isInteger(interval) || interval < 1 || interval > 3600)) {
      failWith("KSE-DR-007", "engine.offsetSyncIntervalSeconds", interval, "an integer from 1 to 3600", "Use 10–60 s.");
    }
    if (options.tasks !== undefined && (!Number.isInteger(options.tasks) || options.tasks < 1)) {
      failWith("KSE-DR-007", "engine.tasks", options.tasks, "a positive integer", "Use at most the partitions.");
    }
    return new DrEngine("mirrormaker2", options, undefined);
  }

  /**
   * MSK Replicator (`aws_msk_replicator`) in the standby's region, with identical topic names.
   * @example
   * import { DrEngine } from "cdktf-kafka-standards/patterns";
   *
   * const engine = DrEngine.replicator({ startingPosition: "EARLIEST", compression: "LZ4" });
   * console.log(engine.kind);
   */
  public static replicator(options: ReplicatorEngineOptions = {}): DrEngine {
    if (typeof options !== "object" || options === null) {
      failWith("KSE-DR-007", "engine", options, "an options object", "Pass {} for the defaults.");
    }
    const start = options.startingPosition ?? "EARLIEST";
    if (start !== "EARLIEST" && start !== "LATEST") {
      failWith(
        "KSE-DR-007",
        "engine.startingPosition",
        start,
        "EARLIEST or LATEST",
        "EARLIEST copies what the primary holds.",
      );
    }
    const compression = options.compression ?? "LZ4";
    if (!COMPRESSIONS.includes(compression)) {
      failWith("KSE-DR-007", "engine.compression", compression, COMPRESSIONS.join(", "), "Use LZ4.");
    }
    subnets(options.standbySubnetIds, "engine.standbySubnetIds");
    subnets(options.primarySubnetIds, "engine.primarySubnetIds");
    return new DrEngine("replicator", undefined, { ...options, startingPosition: start, compression });
  }

  private constructor(
    /** The engine. */
    public readonly kind: "mirrormaker2" | "replicator",
    /** MirrorMaker 2 options, for that engine. */
    public readonly mirrorMaker2?: MirrorMaker2EngineOptions,
    /** Replicator options with defaults applied, for that engine. */
    public readonly replicator?: ReplicatorEngineOptions & {
      readonly startingPosition: ReplicatorStartingPosition;
      readonly compression: ReplicatorCompression;
    },
  ) {}
}
