/**
 * Inter-site planning of a disaster-recovery pair: from the replicated throughput and the sites'
 * round-trip time, the bandwidth the link needs and the replication lag to expect, and whether the
 * RPO can be met. Pure: no cdktf import.
 *
 * The model is deliberately simple and states its assumptions:
 * - Wire bytes are the producers' bytes after compression, plus {@link DR_LINK_FACTORS}.protocolOverhead
 *   for the Kafka protocol and TLS framing.
 * - MirrorMaker 2 fetches over one TCP connection per source broker and task. Kafka clients set the
 *   socket receive buffer to `receive.buffer.bytes` (65 536 bytes by default, apache/kafka
 *   `ConsumerConfig`), which caps one connection at buffer ÷ RTT: across regions that ceiling, not the
 *   link, usually limits a task.
 * - MSK Replicator's throughput follows AWS's partition guidance: 167 partitions for 50 MB/s, i.e.
 *   about 0.3 MB/s per partition (MSK Replicator best practices).
 * - Steady-state lag is one fetch round trip plus processing, inflated by the utilization of the
 *   limiting ceiling (1 ÷ (1 − ρ), queueing): it grows without bound when demand reaches the ceiling.
 */
import { failWith } from "../errors";

/** Factors of the model, with their sources. */
export const DR_LINK_FACTORS = Object.freeze({
  /** Kafka protocol and TLS framing over the payload bytes [assumption, ~10 %]. */
  protocolOverhead: 0.1,
  /** Default consumer `receive.buffer.bytes` (apache/kafka ConsumerConfig): caps one TCP connection's window. */
  consumerReceiveBufferBytes: 65_536,
  /** MSK Replicator: MB/s per partition (AWS best practices: 50 MB/s needs 167 partitions). */
  replicatorMBpsPerPartition: 50 / 167,
  /** Fetch, produce and commit processing per cycle, seconds [assumption]. */
  processingSeconds: 0.1,
  /** RTT assumed when none is given: between two regions of one continent [assumption; measure yours]. */
  defaultCrossRegionRttMs: 50,
  /** RTT assumed within one region (across AZs) [assumption]. */
  defaultSameRegionRttMs: 2,
});

/** What the plan needs. */
export interface DrLinkPlanInput {
  /** Replication engine. */
  readonly engine: "mirrormaker2" | "replicator";
  /** Bytes per second written to the replicated topics at peak, after compression (wire bytes); 0 when unknown. */
  readonly peakBytesPerSecond: number;
  /** Round-trip time between the sites, milliseconds. */
  readonly rttMs: number;
  /** Partitions of the replicated topics, in total. */
  readonly partitions: number;
  /** Brokers of the source cluster (MirrorMaker 2 opens one connection per broker and task). */
  readonly sourceBrokers: number;
  /** MirrorMaker 2 source tasks. */
  readonly tasks: number;
  /** Recovery point objective, seconds. */
  readonly rpoSeconds: number;
  /** Bandwidth of the inter-site link available to replication, megabits per second, when known. */
  readonly linkMbps?: number;
}

/** The plan. */
export interface DrLinkPlan {
  /** Bandwidth replication needs at peak, megabits per second (payload plus protocol overhead). */
  readonly bandwidthMbps: number;
  /** Throughput the engine can sustain across this RTT, MB/s. */
  readonly ceilingMBps: number;
  /** What limits the ceiling. */
  readonly limitedBy: string;
  /** Peak demand ÷ ceiling. */
  readonly utilization: number;
  /** Replication lag to expect in steady state, seconds (Infinity when demand reaches the ceiling). */
  readonly expectedLagSeconds: number;
  /** True when the expected lag is below the RPO and the link (when given) is large enough. */
  readonly meetsRpo: boolean;
  /** Why not, when it does not. */
  readonly reason?: string;
}

function positive(value: unknown, prop: string, allowZero = false): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    failWith(
      "KSE-DR-010",
      prop,
      value,
      allowZero ? "a finite number ≥ 0" : "a positive finite number",
      `Give ${prop} as a number.`,
    );
  }
  return value;
}

/** Plans the inter-site link of a DR pair. Throws KSE-DR-010 on invalid input; never throws on an unmet RPO. */
export function planDrLink(input: DrLinkPlanInput): DrLinkPlan {
  const peak = positive(input.peakBytesPerSecond, "peakBytesPerSecond", true);
  const rtt = positive(input.rttMs, "sites.rttMs") / 1000;
  const partitions = positive(input.partitions, "partitions");
  const brokers = positive(input.sourceBrokers, "sourceBrokers");
  const tasks = positive(input.tasks, "tasks");
  const rpo = positive(input.rpoSeconds, "objectives.rpoSeconds");
  const link = input.linkMbps === undefined ? undefined : positive(input.linkMbps, "sites.linkMbps");
  const f = DR_LINK_FACTORS;
  const bandwidthMbps = (peak * (1 + f.protocolOverhead) * 8) / 1e6;
  let ceilingMBps: number;
  let limitedBy: string;
  if (input.engine === "mirrormaker2") {
    const connections = Math.min(tasks * brokers, partitions);
    ceilingMBps = (connections * f.consumerReceiveBufferBytes) / rtt / 1e6;
    limitedBy = `${connections} fetch connection(s) × ${f.consumerReceiveBufferBytes} B receive buffer ÷ ${input.rttMs} ms RTT`;
  } else {
    ceilingMBps = partitions * f.replicatorMBpsPerPartition;
    limitedBy = `${partitions} partition(s) × ${f.replicatorMBpsPerPartition.toFixed(2)} MB/s (AWS partition guidance)`;
  }
  if (link !== undefined && (link / 8) * (1 / (1 + f.protocolOverhead)) < ceilingMBps) {
    ceilingMBps = link / 8 / (1 + f.protocolOverhead);
    limitedBy = `the ${link} Mbit/s inter-site link`;
  }
  const utilization = peak / 1e6 / ceilingMBps;
  const base = rtt + f.processingSeconds;
  const expectedLagSeconds = utilization >= 1 ? Infinity : base / (1 - utilization);
  let reason: string | undefined;
  if (utilization >= 1) {
    reason = `peak demand ${(peak / 1e6).toFixed(2)} MB/s reaches the ceiling of ${ceilingMBps.toFixed(2)} MB/s (${limitedBy}): lag grows without bound`;
  } else if (expectedLagSeconds > rpo) {
    reason = `expected lag ${expectedLagSeconds.toFixed(2)} s exceeds the RPO of ${rpo} s`;
  }
  return {
    bandwidthMbps,
    ceilingMBps,
    limitedBy,
    utilization,
    expectedLagSeconds,
    meetsRpo: reason === undefined,
    reason,
  };
}
