/**
 * A scale plan: from a current rate to a target rate, the steps between them for one offering. Each
 * step says what changes (brokers, broker type, units), up to which rate its configuration carries
 * the load (so the next step starts before saturation), the partitions the load needs and what an
 * increase does to keyed records, which client profile fits the per-partition rate, which alarm
 * thresholds stop meaning what they meant, and what the step costs per month. Pure: no cdktf import.
 */
import { failWith } from "../errors";
import { CLIENT_PROFILES, type ClientProfileName } from "../standards/client-profiles";
import { MSK_ALARM_THRESHOLDS } from "../standards/alarm-thresholds";
import { CONFLUENT_ALARM_THRESHOLDS, confluentMetricLimits } from "../standards/confluent-metrics";
import type { ConfluentClusterKind } from "../standards/confluent";
import { STANDARD_BROKER_HARDWARE } from "../standards/sizing-msk";
import { BROKER_INSTANCE_CATALOG } from "../standards/broker-types";
import { CONFLUENT_CAPACITY } from "../standards/sizing-confluent";
import { confluentCandidate, confluentPartitionLimit } from "./confluent";
import { EXPRESS_SIZES, cheapest, expressCandidate, roundToAzs, sizeMskServerless, standardCandidate } from "./msk";
import { resolveOffering, sizeOffering, sizeWorkload } from "./size";
import type { OfferingId, SizingCandidate, SizingOption } from "./types";
import { MB, formatNumber, shortCount } from "./units";
import { deriveLoad, resolveWorkload, type ResolvedWorkload, type Workload } from "./workload";

/** How partitions follow the load. */
export type PartitionStrategy = "grow" | "target";

/** Options of a plan. */
export interface ScalePlanOptions {
  /**
   * Offering to plan for.
   * @default - the cheapest offering that fits the target load
   */
  readonly offering?: OfferingId;
  /**
   * Rates to plan at between current and target (both are always included).
   * @default - 1-3-10 steps: 10K, 30K, 100K, 300K, 1M …
   */
  readonly rates?: readonly number[];
  /**
   * "grow": partitions follow each step's load (each increase remaps keys); "target": topics are
   * created with the target's partition count at the first step and never change.
   * @default "grow"
   */
  readonly partitionStrategy?: PartitionStrategy;
}

/** The client profile a step's per-partition rate calls for. */
export interface ClientGuidance {
  /** Profile to give producing applications. */
  readonly profile: ClientProfileName;
  /** Bytes one partition receives during the THROUGHPUT profile's linger.ms (all producers together). */
  readonly bytesPerPartitionPerLinger: number;
  /** Producer properties that change from the previous step's profile (empty when unchanged). */
  readonly changes: Readonly<Record<string, string>>;
  /** Why. */
  readonly reason: string;
}

/** An alarm threshold a step moves, or warns about. */
export interface AlarmChange {
  /** Alarm id of the standard (see docs/STANDARDS.md). */
  readonly alarm: string;
  /** What the current threshold means at this step's load. */
  readonly meaning: string;
  /** Threshold to set (the MonitoringOptions `thresholds` override), when one is proposed. */
  readonly proposed?: { readonly warning?: number; readonly critical: number };
}

/** One step of a plan. */
export interface ScaleStep {
  /** Messages per second the step is sized for. */
  readonly messagesPerSecond: number;
  /** Peak ingress on the wire, MB/s. */
  readonly peakIngressMBps: number;
  /**
   * The offering sized for this step: at rate ÷ 0.8 on the plan's workload (AZ-loss safe), or at the
   * rate when the offering stops short of rate ÷ 0.8 (`pastTrigger`). `configuration` may differ when
   * the plan keeps a larger type or more units.
   */
  readonly option: SizingOption;
  /** The configuration the plan uses, e.g. "9 × express.m7g.large" or "5 eCKU". */
  readonly configuration: string;
  /** Size (instance type or cluster type) and units of the configuration. */
  readonly size?: string;
  readonly units?: number;
  /** Highest rate this configuration carries (messages/s, same workload shape); undefined when it does not fit at all. */
  readonly carriesUpTo?: number;
  /** Start the next step before the 7-day peak reaches this rate (80 % of `carriesUpTo`; above `messagesPerSecond` unless `pastTrigger`). */
  readonly nextStepAt?: number;
  /** True when the offering carries the step's rate but not rate ÷ 0.8: the step starts past its own next-step trigger. */
  readonly pastTrigger?: boolean;
  /** What to change coming from the previous step. */
  readonly actions: readonly string[];
  /** Partitions per topic at this step. */
  readonly partitionsPerTopic: number;
  /** Client profile. */
  readonly client: ClientGuidance;
  /** Alarm thresholds that move or need a look at this step. */
  readonly alarms: readonly AlarmChange[];
  /** Monthly cost, USD (low and high end of any price range). */
  readonly monthlyUsd?: number;
  readonly monthlyUsdHigh?: number;
  /** Why the offering does not fit here, when it does not. */
  readonly refusal?: string;
}

/** A plan from one rate to another. */
export interface ScalePlan {
  readonly offering: OfferingId;
  readonly label: string;
  readonly fromMessagesPerSecond: number;
  readonly toMessagesPerSecond: number;
  /** The target workload, resolved. */
  readonly workload: ResolvedWorkload;
  readonly partitionStrategy: PartitionStrategy;
  readonly steps: readonly ScaleStep[];
  /** What adding partitions does to keyed records. */
  readonly keyOrdering: string;
  /** Plan-wide advice. */
  readonly notes: readonly string[];
  /**
   * Why the last step's configuration is not the one the comparison (`sizeWorkload`) picks at the
   * target rate, when it is not; also the first of `notes`.
   */
  readonly comparisonNote?: string;
}

/** A step's next-step trigger as a share of what its configuration carries. */
export const NEXT_STEP_FRACTION = 0.8;

/**
 * The workload the plan sizes on: the target's, with MSK Express held at the utilization that keeps
 * one AZ's loss within the recommended throughput ((AZs − 1) / AZs: 2/3 with 3 AZs), when the headroom
 * policy allows more. MSK Standard's safe ingress (AWS's script) already provisions for one AZ down;
 * Confluent and MSK Serverless run their zones themselves.
 */
export function planWorkload(offering: OfferingId, w: ResolvedWorkload): ResolvedWorkload {
  if (offering !== "msk-express") return w;
  const azSafe = (w.availabilityZones - 1) / w.availabilityZones;
  if (w.headroom.expressUtilization <= azSafe) return w;
  return resolveWorkload({ ...w, headroom: { ...w.headroom, expressUtilization: azSafe } });
}

/** What an increase of partitions does to keyed records (Jun Rao, [partitionsBlog]). */
export const KEY_ORDERING_CONSEQUENCE =
  "adding partitions changes hash(key) % partitions for most keys: records of a key written after the change land in another partition than the ones before, so consumers can read that key out of order across the change, and per-key state (compacted topics, Kafka Streams stores) splits. Where per-key order matters, pause the keyed producers and let consumers drain before the change, or create a new topic with the new count and migrate.";

/** 1-3-10 rates strictly between `from` and `to`. */
export function defaultRates(from: number, to: number): number[] {
  const out: number[] = [];
  for (let decade = Math.pow(10, Math.floor(Math.log10(from))); decade <= to; decade *= 10) {
    for (const m of [1, 3]) {
      const r = decade * m;
      if (r > from * 1.0001 && r < to * 0.9999) out.push(r);
    }
  }
  return out;
}

function withRate(target: ResolvedWorkload, rate: number): ResolvedWorkload {
  return resolveWorkload({ ...target, messagesPerSecond: rate });
}

/** One configuration of an offering, to test at other rates. */
interface Configuration {
  readonly size?: string;
  readonly pst?: number;
  readonly units?: number;
}

function candidateAt(offering: OfferingId, w: ResolvedWorkload, c: Configuration): boolean {
  const load = deriveLoad(w);
  switch (offering) {
    case "msk-standard": {
      const hw = STANDARD_BROKER_HARDWARE.find((h) => h.instanceType === c.size)!;
      return standardCandidate(w, load, hw, c.pst, c.units).fits;
    }
    case "msk-express":
      return expressCandidate(w, load, EXPRESS_SIZES.find((i) => i.instanceType === c.size)!, c.units).fits;
    case "msk-serverless":
      return sizeMskServerless(w, load).fits;
    default:
      return confluentCandidate(offering.replace("confluent-", "") as ConfluentClusterKind, w, load, c.units).fits;
  }
}

/** Highest rate a configuration carries, by bisection on the rate (same workload shape), at least `from` when it carries `from`. */
function ceilingRate(
  offering: OfferingId,
  target: ResolvedWorkload,
  c: Configuration,
  from: number,
): number | undefined {
  if (!candidateAt(offering, withRate(target, from), c)) return undefined;
  let lo = from;
  let hi = from * 2;
  while (candidateAt(offering, withRate(target, hi), c) && hi < 1e12) {
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < 40 && hi - lo > lo * 1e-4; i++) {
    const mid = (lo + hi) / 2;
    if (candidateAt(offering, withRate(target, mid), c)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** The plan's configuration at a step: never a smaller MSK type than the previous step's, never fewer units. */
function pickConfiguration(
  option: SizingOption,
  previous: Configuration | undefined,
): { c: Configuration; cand?: SizingCandidate } {
  if (!option.candidates || option.offering === "msk-serverless") {
    return { c: { size: option.size, units: Math.max(option.units ?? 0, previous?.units ?? 0) || option.units } };
  }
  const order = option.candidates.map((c) => c.size);
  const family = (t: string): string => t.split(".").slice(0, 2).join(".");
  const firstFamily = previous?.size ? family(previous.size) : undefined;
  const minRank = previous?.size ? order.indexOf(previous.size) : -1;
  // Never a smaller type, never another family; prefer not to lose brokers (removing brokers is the hard move).
  const allowed = option.candidates.filter(
    (c) =>
      (firstFamily === undefined || family(c.size) === firstFamily) &&
      order.indexOf(c.size) >= minRank &&
      !(c.size === previous?.size && c.units < (previous?.units ?? 0)),
  );
  const growing = allowed.filter((c) => c.units >= (previous?.units ?? 0));
  const best = cheapest(growing) ?? cheapest(allowed) ?? cheapest(option.candidates);
  if (!best) return { c: { size: option.size, units: option.units } };
  return { c: { size: best.size, pst: best.provisionedThroughputMiBps, units: best.units }, cand: best };
}

function describe(option: SizingOption, c: Configuration): string {
  if (option.offering === "msk-serverless") return "1 serverless cluster";
  if (option.unitName === "eCKU" || option.unitName === "CKU") return `${c.units} ${option.unitName}`;
  return `${c.units} × ${c.size}${c.pst !== undefined ? ` + ${c.pst} MiB/s PST` : ""}`;
}

function actionsFor(option: SizingOption, prev: Configuration | undefined, c: Configuration): string[] {
  if (!prev) {
    if (option.offering === "msk-serverless") return ["create an MSK Serverless cluster"];
    return [`create the cluster with ${describe(option, c)}`];
  }
  const out: string[] = [];
  if (option.offering === "msk-serverless") return out;
  if (option.unitName === "eCKU") {
    if ((c.units ?? 0) > (prev.units ?? 0)) {
      out.push(
        `raise maxEcku from ${prev.units} to ${c.units} (elastic: Confluent adds eCKUs as load grows, up to maxEcku)`,
      );
    }
    return out;
  }
  if (option.unitName === "CKU") {
    if ((c.units ?? 0) > (prev.units ?? 0))
      out.push(`expand from ${prev.units} to ${c.units} CKU (Dedicated capacity is fixed: expand ahead of the load)`);
    return out;
  }
  if (c.size !== prev.size) {
    out.push(
      `change the broker type from ${prev.size} to ${c.size}: MSK replaces brokers one at a time; clients must retry through it`,
    );
  }
  if ((c.units ?? 0) > (prev.units ?? 0)) {
    const rebalance =
      option.offering === "msk-express"
        ? "Intelligent Rebalancing moves partitions onto them"
        : "then move partitions onto them (kafka-reassign-partitions or Cruise Control)";
    out.push(
      `add ${(c.units ?? 0) - (prev.units ?? 0)} brokers (${prev.units} → ${c.units}), a multiple of the AZ count; ${rebalance}`,
    );
  } else if ((c.units ?? 0) < (prev.units ?? 0)) {
    out.push(
      `go from ${prev.units} to ${c.units} brokers: removing brokers has preconditions on MSK; a new cluster and a migration is the safe route`,
    );
  }
  if (c.pst !== undefined && c.pst !== prev.pst)
    out.push(`provision ${c.pst} MiB/s of storage throughput per broker and raise num.replica.fetchers`);
  return out;
}

function clientGuidance(w: ResolvedWorkload, partitionsPerTopic: number, previous?: ClientGuidance): ClientGuidance {
  const linger = Number(CLIENT_PROFILES.THROUGHPUT.producer.java["linger.ms"]);
  const batch = Number(CLIENT_PROFILES.THROUGHPUT.producer.java["batch.size"]);
  const perPartition =
    (w.messagesPerSecond * w.peakToAverage * w.averageMessageBytes) / (w.topics * partitionsPerTopic);
  const fill = (perPartition * linger) / 1000;
  // Kafka's default batch.size: below it per linger window, batching has little to gather.
  const DEFAULT_BATCH = 16384;
  let profile: ClientProfileName;
  let reason: string;
  if (fill < DEFAULT_BATCH) {
    profile = "DURABILITY";
    reason = `${formatNumber(fill / 1024)} KiB reach a partition per ${linger} ms: too little for batching to matter; keep the default DURABILITY profile (no linger)`;
  } else if (fill < batch) {
    profile = "THROUGHPUT";
    reason = `${formatNumber(fill / 1024)} KiB reach a partition per ${linger} ms: THROUGHPUT sends them as one lz4 batch instead of many small requests (4.9× records/s of the client defaults in docs/PERFORMANCE.md), at up to ${linger} ms more latency`;
  } else {
    profile = "THROUGHPUT";
    reason = `${formatNumber(fill / 1024)} KiB reach a partition per ${linger} ms, more than batch.size (${batch / 1024} KiB): batches fill before linger.ms expires, so THROUGHPUT costs no latency; divide by the producer instances per partition before raising batch.size`;
  }
  if (profile === "THROUGHPUT" && w.compressionRatio === 1) {
    reason +=
      "; the sizing assumes no compression: measure lz4 on your records and pass the ratio (--compression) to size the smaller cluster";
  }
  const before = previous ? CLIENT_PROFILES[previous.profile].producer.java : undefined;
  const now = CLIENT_PROFILES[profile].producer.java;
  const changes: Record<string, string> = {};
  if (before && previous?.profile !== profile) {
    for (const [k, v] of Object.entries(now)) if (before[k] !== v) changes[k] = v;
  }
  return Object.freeze({ profile, bytesPerPartitionPerLinger: fill, changes: Object.freeze(changes), reason });
}

/**
 * 12345 → 13000: thresholds proposed with two significant digits, rounded up. A value that is a
 * multiple of the step up to floating-point noise (500000.00000000006) stays where it is: the
 * tolerance sits below any real fraction of a step the model produces.
 */
export function roundUp2(n: number): number {
  if (!(n > 0)) return 0;
  const p = Math.pow(10, Math.max(0, Math.floor(Math.log10(n * (1 + 1e-12))) - 1));
  return Math.ceil(n / p - 1e-9) * p;
}

function alarmChanges(
  offering: OfferingId,
  w: ResolvedWorkload,
  partitionsPerTopic: number,
  base: { recordsPerPartitionPerSecond: number },
  units: number | undefined,
): AlarmChange[] {
  const out: AlarmChange[] = [];
  const lag = MSK_ALARM_THRESHOLDS.find((a) => a.id === "consumer-max-offset-lag")!;
  const perPartition = (w.messagesPerSecond * w.peakToAverage) / (w.topics * partitionsPerTopic);
  const warn = lag.warning!.threshold;
  const crit = lag.critical.threshold;
  const keepWarnSeconds = warn / base.recordsPerPartitionPerSecond;
  const keepCritSeconds = crit / base.recordsPerPartitionPerSecond;
  out.push({
    alarm: "consumer-max-offset-lag",
    meaning: `${formatNumber(warn)} / ${formatNumber(crit)} records of lag are ${formatNumber(warn / perPartition)} s / ${formatNumber(crit / perPartition)} s behind at ${formatNumber(perPartition)} records/s per partition`,
    proposed: {
      warning: roundUp2(perPartition * keepWarnSeconds),
      critical: roundUp2(perPartition * keepCritSeconds),
    },
  });
  if (offering.startsWith("confluent-")) {
    const kind = offering.replace("confluent-", "") as ConfluentClusterKind;
    const limits = confluentMetricLimits(kind, kind === "dedicated" ? units : undefined);
    const load = deriveLoad(w);
    for (const id of ["ingress", "egress"] as const) {
      const alarm = CONFLUENT_ALARM_THRESHOLDS.find((a) => a.id === id)!;
      const limit = id === "ingress" ? limits.ingressBytesPerSecond : limits.egressBytesPerSecond;
      const demand = id === "ingress" ? load.peakIngressBytesPerSecond : load.peakEgressBytesPerSecond;
      const share = demand / limit;
      if (share >= alarm.warning!.threshold) {
        out.push({
          alarm: id,
          meaning: `${id} of ${formatNumber(demand / MB)} MB/s is ${Math.round(share * 100)} % of the ${formatNumber(limit / MB)} MB/s the standard's alarm measures against (lib/standards/confluent.ts): the alarm fires at this load; that limit predates the per-eCKU table the sizing reads`,
        });
      }
    }
  }
  return out;
}

/** Partitions (before replication) a configuration allows, or replica counts per broker it recommends (MSK). */
function partitionsFit(
  offering: OfferingId,
  c: Configuration,
  totalPartitions: number,
  w: ResolvedWorkload,
): { readonly fits: boolean; readonly words: string; readonly unitsNeeded: number } {
  if (offering === "msk-serverless" || c.units === undefined) return { fits: true, words: "", unitsNeeded: 0 };
  if (offering.startsWith("confluent-")) {
    const kind = offering.replace("confluent-", "") as ConfluentClusterKind;
    const cap = CONFLUENT_CAPACITY[kind];
    const limit = confluentPartitionLimit(kind, c.units);
    return {
      fits: totalPartitions <= limit,
      words:
        totalPartitions <= limit
          ? `${totalPartitions} of the ${formatNumber(limit)} partitions ${c.units} ${cap.unit} allow`
          : `above the ${formatNumber(limit)} partitions ${c.units} ${cap.unit} allow`,
      unitsNeeded: Math.ceil(totalPartitions / cap.partitionsPerUnit),
    };
  }
  const info = BROKER_INSTANCE_CATALOG.find((b) => b.instanceType === c.size);
  if (!info) return { fits: true, words: "", unitsNeeded: 0 };
  const rf = offering === "msk-standard" ? w.replicationFactor : 3;
  const perBroker = Math.ceil((totalPartitions * rf) / c.units);
  return {
    fits: perBroker <= info.recommendedPartitions,
    words:
      perBroker <= info.recommendedPartitions
        ? `${c.units} brokers hold them (${perBroker} replicas per broker of the ${formatNumber(info.recommendedPartitions)} recommended)`
        : `that is ${perBroker} replicas per broker, above the ${formatNumber(info.recommendedPartitions)} recommended`,
    unitsNeeded: roundToAzs(Math.ceil((totalPartitions * rf) / info.recommendedPartitions), w.availabilityZones),
  };
}

/** The cost of a configuration at a workload (its candidate's). */
function costAt(offering: OfferingId, w: ResolvedWorkload, c: Configuration): SizingCandidate | undefined {
  const load = deriveLoad(w);
  switch (offering) {
    case "msk-standard": {
      const hw = STANDARD_BROKER_HARDWARE.find((h) => h.instanceType === c.size)!;
      return standardCandidate(w, load, hw, c.pst, c.units);
    }
    case "msk-express":
      return expressCandidate(w, load, EXPRESS_SIZES.find((i) => i.instanceType === c.size)!, c.units);
    case "msk-serverless":
      return undefined;
    default:
      return confluentCandidate(offering.replace("confluent-", "") as ConfluentClusterKind, w, load, c.units);
  }
}

/**
 * Plans the steps from `fromMessagesPerSecond` to the workload's rate. Throws a KafkaStandardsError
 * for an invalid workload (`KSE-SIZE-0NN`), an unknown offering, or a current rate that is not
 * below the target (`KSE-SIZE-030`).
 */
export function planScale(target: Workload, fromMessagesPerSecond: number, options: ScalePlanOptions = {}): ScalePlan {
  const w = resolveWorkload(target);
  if (
    typeof fromMessagesPerSecond !== "number" ||
    !Number.isFinite(fromMessagesPerSecond) ||
    fromMessagesPerSecond <= 0 ||
    fromMessagesPerSecond >= w.messagesPerSecond
  ) {
    failWith(
      "KSE-SIZE-030",
      "fromMessagesPerSecond",
      fromMessagesPerSecond,
      `a positive rate below the target's ${w.messagesPerSecond} messages/s`,
      "Give the current rate, e.g. 10000, and the target as the workload's messagesPerSecond.",
    );
  }
  const offering =
    options.offering !== undefined ? resolveOffering(options.offering) : (sizeWorkload(w).chosen ?? "msk-express");
  const strategy: PartitionStrategy = options.partitionStrategy ?? "grow";
  const between = (options.rates ?? defaultRates(fromMessagesPerSecond, w.messagesPerSecond)).filter(
    (r) => r > fromMessagesPerSecond && r < w.messagesPerSecond,
  );
  const rates = [fromMessagesPerSecond, ...[...new Set(between)].sort((a, b) => a - b), w.messagesPerSecond];
  // The comparison's answer at the target, and the workload the plan sizes on (AZ-loss safe).
  const targetOption = sizeOffering(offering, w);
  const pw = planWorkload(offering, w);
  const targetPartitions = targetOption.partitions.perTopic;
  const first = withRate(w, fromMessagesPerSecond);
  const firstPartitions = strategy === "target" ? targetPartitions : sizeOffering(offering, first).partitions.perTopic;
  const base = {
    recordsPerPartitionPerSecond: (first.messagesPerSecond * first.peakToAverage) / (first.topics * firstPartitions),
  };

  const steps: ScaleStep[] = [];
  let prevConf: Configuration | undefined;
  let prevClient: ClientGuidance | undefined;
  let prevPartitions: number | undefined;
  let lastUnconstrained: Configuration | undefined;
  for (const rate of rates) {
    const wr = withRate(w, rate);
    const atRate = sizeOffering(offering, wr);
    // Sized for rate ÷ 0.8, so that the step's rate sits below its own next-step trigger; where the
    // offering stops short of that (a quota, a type's maximum), sized for the rate and flagged.
    const sizedRate = rate / NEXT_STEP_FRACTION;
    const atSized = sizeOffering(offering, withRate(pw, sizedRate));
    const atRateSafe = atSized.fits ? atSized : sizeOffering(offering, withRate(pw, rate));
    const option = atRateSafe;
    const pastTrigger = !atSized.fits && atRateSafe.fits;
    const partitions =
      strategy === "target" ? Math.max(targetPartitions, atRate.partitions.perTopic) : atRate.partitions.perTopic;
    const client = clientGuidance(wr, partitions, prevClient);
    const alarms = alarmChanges(offering, wr, partitions, base, option.units);
    if (!option.fits) {
      steps.push(
        Object.freeze({
          messagesPerSecond: rate,
          peakIngressMBps: deriveLoad(wr).peakIngressBytesPerSecond / MB,
          option,
          configuration: "does not fit",
          actions: Object.freeze([`${option.label} does not carry ${shortCount(rate)} messages/s: ${option.refusal}`]),
          partitionsPerTopic: partitions,
          client,
          alarms: Object.freeze(alarms),
          refusal: option.refusal,
        }),
      );
      prevClient = client;
      continue;
    }
    let c = pickConfiguration(option, prevConf).c;
    lastUnconstrained = { size: option.size, pst: option.provisionedThroughputMiBps, units: option.units };
    // The configuration holds the step's partitions (with "target", the target's from the first step).
    const held = partitionsFit(offering, c, partitions * w.topics, w);
    if (!held.fits) c = { ...c, units: held.unitsNeeded };
    const sizedAt = withRate(pw, atSized.fits ? sizedRate : rate);
    // Priced at the step's rate: what running this configuration at this load costs a month.
    const cand = costAt(offering, withRate(pw, rate), c);
    const refusedHere = cand !== undefined && !cand.fits && cand.refusal !== undefined ? cand.refusal : undefined;
    if (refusedHere) {
      steps.push(
        Object.freeze({
          messagesPerSecond: rate,
          peakIngressMBps: deriveLoad(wr).peakIngressBytesPerSecond / MB,
          option,
          configuration: "does not fit",
          actions: Object.freeze([
            `${option.label} does not hold ${partitions} partitions per topic at ${shortCount(rate)} messages/s: ${refusedHere}`,
          ]),
          partitionsPerTopic: partitions,
          client,
          alarms: Object.freeze(alarms),
          refusal: refusedHere,
        }),
      );
      prevClient = client;
      continue;
    }
    const actions = actionsFor(option, prevConf, c);
    if (pastTrigger) {
      actions.push(
        `${option.label} carries ${shortCount(rate)} messages/s but not ${shortCount(sizedRate)}: this step starts past its own next-step trigger; plan the move off ${option.label} now`,
      );
    }
    if (prevPartitions !== undefined && partitions > prevPartitions) {
      actions.push(`raise partitions per topic from ${prevPartitions} to ${partitions}: keys remap (see key ordering)`);
    }
    if (prevClient && client.profile !== prevClient.profile) {
      actions.push(
        `move producers to the ${client.profile} profile (${Object.entries(client.changes)
          .map(([k, v]) => `${k}=${v}`)
          .join(", ")})`,
      );
    }
    const standardLag = MSK_ALARM_THRESHOLDS.find((a) => a.id === "consumer-max-offset-lag")!;
    for (const a of alarms) {
      if (a.proposed && prevConf !== undefined && a.proposed.critical !== standardLag.critical.threshold) {
        actions.push(
          `set the ${a.alarm} alarm to ${formatNumber(a.proposed.warning ?? 0)} / ${formatNumber(a.proposed.critical)} records (monitoring.thresholds) to keep its meaning`,
        );
      }
    }
    const ceiling = ceilingRate(offering, pw, c, sizedAt.messagesPerSecond) ?? ceilingRate(offering, pw, c, rate);

    const cost = cand?.cost ?? atRate.cost;
    steps.push(
      Object.freeze({
        messagesPerSecond: rate,
        peakIngressMBps: deriveLoad(wr).peakIngressBytesPerSecond / MB,
        option,
        configuration: describe(option, c),
        ...(c.size !== undefined ? { size: c.size } : {}),
        ...(c.units !== undefined ? { units: c.units } : {}),
        ...(ceiling !== undefined ? { carriesUpTo: ceiling, nextStepAt: ceiling * NEXT_STEP_FRACTION } : {}),
        ...(pastTrigger ? { pastTrigger: true } : {}),
        actions: Object.freeze(actions),
        partitionsPerTopic: partitions,
        client,
        alarms: Object.freeze(alarms),
        ...(cost ? { monthlyUsd: cost.totalUsd, monthlyUsdHigh: cost.totalUsdHigh } : {}),
      }),
    );
    prevConf = c;
    prevClient = client;
    prevPartitions = partitions;
  }
  const firstStep = steps.find((s) => s.refusal === undefined);
  const holds =
    firstStep && firstStep.units !== undefined
      ? partitionsFit(offering, { size: firstStep.size, units: firstStep.units }, targetPartitions * w.topics, w).words
      : "";
  const comparisonNote = compareWithTarget(offering, w, pw, targetOption, steps, prevConf, lastUnconstrained);
  const pct = (x: number): string => `${Math.round(x * 100)} %`;
  const azNote =
    offering === "msk-express"
      ? pw.headroom.expressUtilization < w.headroom.expressUtilization
        ? `an AZ loss: each Express configuration runs at most ${pct(pw.headroom.expressUtilization)} of the recommended throughput, so the other ${w.availabilityZones - 1} AZs carry the load within it with one down (the comparison's ${pct(w.headroom.expressUtilization)} runs at ${pct((w.headroom.expressUtilization * w.availabilityZones) / (w.availabilityZones - 1))} with one AZ down)`
        : `an AZ loss: the headroom policy's Express utilization (${pct(w.headroom.expressUtilization)}) already keeps one AZ's loss within the recommended throughput`
      : offering === "msk-standard"
        ? "an AZ loss: MSK Standard's safe ingress (AWS's script: storage / 6.5, network / (1.5 × groups + 5.7)) already provisions for one AZ down"
        : `an AZ loss: ${targetOption.label} runs its zones itself; its per-unit guidelines are what it sells, and the model does not add a margin for a zone loss`;
  const notes: string[] = [
    ...(comparisonNote ? [comparisonNote] : []),
    strategy === "grow"
      ? `to skip every partition increase, create the topics with the target's ${targetPartitions} partitions per topic at the first step (Jun Rao: size partitions for the expected peak)${holds ? `; ${holds}` : ""}`
      : `topics are created with the target's ${targetPartitions} partitions per topic at the first step: no increase, no key remapping${holds ? `; ${holds}` : ""}`,
    `each step is sized for its rate ÷ ${NEXT_STEP_FRACTION} within the headroom policy, so its rate sits below its next-step trigger (${pct(NEXT_STEP_FRACTION)} of what the configuration carries); start the next step when the 7-day peak reaches the trigger, which leaves lead time for the change${strategy === "grow" ? "; partitions per topic are those of the step's rate" : ""}`,
    azNote,
    "thresholds that are percentages (CPU, disk used, throttling, Confluent load) keep their meaning at every step; record counts do not",
  ];
  return Object.freeze({
    offering,
    label: targetOption.label,
    fromMessagesPerSecond,
    toMessagesPerSecond: w.messagesPerSecond,
    workload: w,
    partitionStrategy: strategy,
    steps: Object.freeze(steps),
    keyOrdering: KEY_ORDERING_CONSEQUENCE,
    notes: Object.freeze(notes),
    ...(comparisonNote ? { comparisonNote } : {}),
  });
}

function sameConfiguration(a: Configuration, b: Configuration): boolean {
  return a.size === b.size && a.units === b.units && a.pst === b.pst;
}

/** Why the plan's last configuration is not the comparison's at the target; undefined when it is. */
function compareWithTarget(
  offering: OfferingId,
  w: ResolvedWorkload,
  pw: ResolvedWorkload,
  targetOption: SizingOption,
  steps: readonly ScaleStep[],
  last: Configuration | undefined,
  lastUnconstrained: Configuration | undefined,
): string | undefined {
  const lastStep = steps[steps.length - 1];
  if (!targetOption.fits || !last || lastStep.refusal !== undefined || offering === "msk-serverless") return undefined;
  const compared: Configuration = {
    size: targetOption.size,
    pst: targetOption.provisionedThroughputMiBps,
    units: targetOption.units,
  };
  if (sameConfiguration(last, compared)) return undefined;
  const reasons: string[] = [];
  if (!lastStep.pastTrigger) {
    reasons.push(
      `each step is sized for its rate ÷ ${NEXT_STEP_FRACTION} (${shortCount(lastStep.messagesPerSecond / NEXT_STEP_FRACTION)} here), so that its rate sits below its next-step trigger`,
    );
  }
  if (pw.headroom.expressUtilization < w.headroom.expressUtilization) {
    reasons.push(
      `it keeps one AZ's loss within the recommended throughput (Express at most ${Math.round(pw.headroom.expressUtilization * 100)} % of it, where the comparison uses ${Math.round(w.headroom.expressUtilization * 100)} %)`,
    );
  }
  if (lastUnconstrained && !sameConfiguration(last, lastUnconstrained)) {
    reasons.push(
      "it never moves to a smaller broker type or to fewer brokers or units than the step before (removing brokers is the hard move on MSK)",
    );
  }
  if (lastStep.partitionsPerTopic > targetOption.partitions.perTopic) {
    reasons.push("it holds the partitions the plan keeps");
  }
  const describeC = (c: Configuration): string => describe(targetOption, c);
  return `the plan's last step (${describeC(last)}) is not the comparison's answer at ${shortCount(w.messagesPerSecond)} messages/s (${describeC(compared)}): ${reasons.join("; ")}. To run a step's configuration, pin it (MskCluster instanceType and brokerNodes, ConfluentCluster maxEcku or cku) instead of letting the workload size the cluster`;
}
