/**
 * Where the constructs meet the sizing model: `MskCluster`, `ConfluentCluster` and topics take the
 * size a `workload` prop calls for. Explicit props win; an explicit prop that cannot carry the
 * workload is refused with a coded error before anything is created. The constructs call one
 * function each from their props resolution; every rule lives here.
 *
 * The one file of lib/sizing that reads construct types (type-only) and cdktf tokens; the model
 * itself (size.ts and what it imports) stays free of cdktf.
 */
import { failWith } from "../errors";
import { isUnresolved } from "../core/resource-metadata";
import { BrokerInstanceType, brokerInstanceInfo, type BrokerInstanceInfo } from "../standards/broker-types";
import { MSK_EXPRESS_CONFIG_KEYS } from "../standards/broker-baseline";
import { CONFLUENT_CLUSTER_TYPES, CONFLUENT_TIER_RULES, type ConfluentClusterKind } from "../standards/confluent";
import { kafkaVersionInfo } from "../standards/kafka-versions";
import { STANDARD_BROKER_HARDWARE, MSK_SIZING_FACTORS } from "../standards/sizing-msk";
import { TIER_POLICIES } from "../standards/tiers";
import { ConfluentClusterType } from "../confluent/cluster-type";
import type { ConfluentClusterProps } from "../confluent/confluent-cluster-props";
import type { MskClusterProps } from "../msk/msk-cluster-props";
import type { KafkaTopicProps } from "../topic/kafka-topic-props";
import { confluentCandidate, confluentPartitionsPerTopic } from "./confluent";
import {
  EXPRESS_SIZES,
  cheapest,
  expressCandidate,
  mskPartitionsPerTopic,
  standardCandidate,
  usefulProvisionedThroughput,
} from "./msk";
import type { SizingCandidate } from "./types";
import { deriveLoad, resolveWorkload, type DerivedLoad, type ResolvedWorkload } from "./workload";

/** What the model decided for an MSK cluster, for tests and docs. */
export interface MskWorkloadSizing {
  readonly candidate: SizingCandidate;
  readonly workload: ResolvedWorkload;
}

function instanceTypeName(value: unknown): string | undefined {
  if (value instanceof BrokerInstanceType) return value.instanceType;
  if (typeof value === "string") return value;
  return undefined;
}

function standardCandidatesFor(
  w: ResolvedWorkload,
  load: DerivedLoad,
  size?: string,
  brokers?: number,
): SizingCandidate[] {
  const out: SizingCandidate[] = [];
  for (const hw of STANDARD_BROKER_HARDWARE) {
    if (size !== undefined && hw.instanceType !== size) continue;
    out.push(standardCandidate(w, load, hw, undefined, brokers));
    const pst = usefulProvisionedThroughput(hw);
    if (pst !== undefined) out.push(standardCandidate(w, load, hw, pst, brokers));
  }
  return out;
}

function expressCandidatesFor(
  w: ResolvedWorkload,
  load: DerivedLoad,
  size?: string,
  brokers?: number,
): SizingCandidate[] {
  return EXPRESS_SIZES.filter((i: BrokerInstanceInfo) => size === undefined || i.instanceType === size).map((i) =>
    expressCandidate(w, load, i, brokers),
  );
}

/** Why the other props rule Express out, or undefined when they allow it. */
function expressExcludedBy(props: MskClusterProps, subnets: number): string | undefined {
  if (subnets !== MSK_SIZING_FACTORS.expressAvailabilityZones) return `${subnets} client subnets (Express needs 3)`;
  if (props.volumeSizeGiB !== undefined) return "volumeSizeGiB (Express has no EBS volume)";
  if (props.storageAutoscaling !== undefined) return "storageAutoscaling (Express has no EBS volume)";
  const key = Object.keys(props.serverProperties ?? {}).find((k) => !MSK_EXPRESS_CONFIG_KEYS.includes(k));
  if (key !== undefined) return `serverProperties["${key}"] (not accepted on Express)`;
  return undefined;
}

/**
 * Sizes an MskCluster from its `workload`: instance type, broker count, EBS volume and autoscaling
 * ceiling, each unless given explicitly. Without an explicit instanceType, the cheapest fitting of
 * Standard and Express sizes is taken among those the other props allow (Express needs 3 subnets,
 * no volume props and Express-only server properties; an Express-only Kafka version rules Standard
 * out). Returns the props unchanged when there is no workload.
 */
export function applyMskWorkload(props: MskClusterProps, path: string): MskClusterProps {
  if (props.workload === undefined) return props;
  const policy = TIER_POLICIES[props.tier];
  const subnetsKnown = Array.isArray(props.clientSubnetIds) && !isUnresolved(props.clientSubnetIds);
  const subnets = subnetsKnown ? props.clientSubnetIds.length : 3;
  const given = resolveWorkload(props.workload, "workload", path);
  // The subnets decide how many AZs the brokers spread over; the rest of the workload is the caller's.
  const w = subnets === 2 || subnets === 3 ? resolveWorkload({ ...given, availabilityZones: subnets }) : given;
  const load = deriveLoad(w);

  const explicitType = instanceTypeName(props.instanceType);
  const explicitBrokers = props.brokerNodes;
  if (
    explicitBrokers !== undefined &&
    (typeof explicitBrokers !== "number" || !Number.isInteger(explicitBrokers) || explicitBrokers < 1)
  ) {
    return props; // resolve-props refuses it with its own code
  }
  if (explicitType !== undefined && !brokerInstanceInfo(explicitType)) {
    failWith(
      "KSE-SIZE-020",
      "instanceType",
      explicitType,
      "a broker type the sizing model knows (BrokerInstanceType constants), when a workload is given",
      "Use a catalog type, or remove the workload and size the cluster by hand.",
      path,
    );
  }
  const families: ("standard" | "express")[] = [];
  const excluded = expressExcludedBy(props, subnets);
  const expressOnly =
    props.kafkaVersion?.info?.expressOnly ?? kafkaVersionInfo(String(props.kafkaVersion ?? ""))?.expressOnly;
  if (explicitType !== undefined) families.push(explicitType.startsWith("express.") ? "express" : "standard");
  else {
    if (!expressOnly) families.push("standard");
    if (excluded === undefined) families.push("express");
  }
  const candidates: SizingCandidate[] = [];
  for (const f of families) {
    candidates.push(
      ...(f === "standard"
        ? standardCandidatesFor(w, load, explicitType, explicitBrokers)
        : expressCandidatesFor(w, load, explicitType, explicitBrokers)),
    );
  }
  const best = cheapest(candidates);
  if (!best) {
    const unforced =
      explicitBrokers !== undefined
        ? cheapest(
            families.flatMap((f) =>
              f === "standard"
                ? standardCandidatesFor(w, load, explicitType)
                : expressCandidatesFor(w, load, explicitType),
            ),
          )
        : undefined;
    if (explicitBrokers !== undefined || explicitType !== undefined) {
      const first = candidates.find((c) => c.refusal) ?? candidates[0];
      const prop = explicitBrokers !== undefined ? "brokerNodes" : "instanceType";
      failWith(
        "KSE-SIZE-020",
        prop,
        explicitBrokers !== undefined ? explicitBrokers : explicitType,
        `a ${prop} that carries the workload (${first?.refusal ?? "no size fits"})`,
        unforced
          ? `Use ${unforced.units} × ${unforced.size}, or remove ${prop} to let the workload size the cluster.`
          : `Remove ${prop}, or lower the workload; no ${families.join(" or ")} size fits it within ${w.headroom.brokerQuota} brokers.`,
        path,
      );
    }
    const smallest = candidates.reduce<SizingCandidate | undefined>(
      (a, c) => (!a || c.units < a.units ? c : a),
      undefined,
    );
    failWith(
      "KSE-SIZE-022",
      "workload",
      { messagesPerSecond: w.messagesPerSecond, averageMessageBytes: w.averageMessageBytes },
      `a workload one MSK cluster carries (${families.join(" and ")} brokers${excluded && !families.includes("express") ? `; Express ruled out by ${excluded}` : ""})`,
      `The fewest brokers is ${smallest?.units} × ${smallest?.size} (${smallest?.limitingFactor}), above the quota of ${w.headroom.brokerQuota}: raise headroom.brokerQuota after AWS raises the quota, shorten retention, or split the workload over clusters.`,
      path,
    );
  }
  const chosen = best as SizingCandidate;
  const express = chosen.size.startsWith("express.");
  const sized: { -readonly [K in keyof MskClusterProps]: MskClusterProps[K] } = { ...props };
  if (explicitType === undefined) sized.instanceType = BrokerInstanceType.of(chosen.size);
  if (explicitBrokers === undefined) sized.brokerNodes = chosen.units;
  if (!express) {
    const needGiB = Math.ceil((load.retainedReplicatedGiB * w.headroom.diskHeadroomFactor) / chosen.units);
    const autoscaling = props.storageAutoscaling;
    const ceiling =
      autoscaling === false
        ? (props.volumeSizeGiB ?? needGiB)
        : (autoscaling?.maxVolumeSizeGiB ?? MSK_SIZING_FACTORS.maxVolumeGiB);
    if (props.volumeSizeGiB !== undefined && ceiling < needGiB) {
      failWith(
        "KSE-SIZE-021",
        autoscaling === false ? "volumeSizeGiB" : "storageAutoscaling.maxVolumeSizeGiB",
        autoscaling === false ? props.volumeSizeGiB : ceiling,
        `at least ${needGiB} GiB per broker: ${Math.round(load.retainedReplicatedGiB)} GiB retained with replicas × ${w.headroom.diskHeadroomFactor} headroom over ${chosen.units} brokers`,
        "Raise it, turn storage autoscaling on, or shorten the retention.",
        path,
      );
    }
    if (props.volumeSizeGiB === undefined) {
      if (
        autoscaling !== false &&
        autoscaling?.maxVolumeSizeGiB !== undefined &&
        autoscaling.maxVolumeSizeGiB < needGiB
      ) {
        failWith(
          "KSE-SIZE-021",
          "storageAutoscaling.maxVolumeSizeGiB",
          autoscaling.maxVolumeSizeGiB,
          `at least ${needGiB} GiB per broker for the workload's retained data`,
          "Raise the ceiling, or remove it for the standard's.",
          path,
        );
      }
      sized.volumeSizeGiB = Math.max(1, needGiB);
      // The tier's autoscaling ceiling would sit below the volume the workload needs: let it grow to MSK's limit.
      if (autoscaling === undefined && policy !== undefined && needGiB > policy.storageAutoscalingMaxGiB) {
        sized.storageAutoscaling = { maxVolumeSizeGiB: MSK_SIZING_FACTORS.maxVolumeGiB };
      }
    }
  }
  return sized;
}

/** Cluster types ordered as the standard lists them. */
const KINDS: readonly ConfluentClusterKind[] = Object.freeze(["basic", "standard", "enterprise", "dedicated"]);

/**
 * Sizes a ConfluentCluster from its `workload`: the cheapest cluster type the tier, availability and
 * networking allow, with its eCKU ceiling (`maxEcku`) or CKU count, unless `clusterType` is given; an
 * explicit type, ceiling or CKU count that cannot carry the workload is refused. Returns the props
 * unchanged when there is no workload.
 */
export function applyConfluentWorkload(props: ConfluentClusterProps, path: string): ConfluentClusterProps {
  if (props.workload === undefined) return props;
  const rules = CONFLUENT_TIER_RULES[props.tier];
  const given = resolveWorkload(props.workload, "workload", path);
  const availability = props.availability ?? rules?.defaultAvailability ?? "MULTI_ZONE";
  const multiZone = availability === "MULTI_ZONE";
  // Confluent places replicas itself: one zone, or three.
  const w: ResolvedWorkload = Object.freeze({ ...given, availabilityZones: multiZone ? 3 : 1 });
  const load = deriveLoad(w);
  const explicit = props.clusterType instanceof ConfluentClusterType ? props.clusterType : undefined;
  if (props.clusterType !== undefined && explicit === undefined) return props; // resolve-props refuses it

  if (explicit) {
    const kind = explicit.kind;
    const units = kind === "dedicated" ? explicit.cku : explicit.maxEcku;
    if (units !== undefined && isUnresolved(units)) return props;
    const cand = confluentCandidate(kind, w, load, units);
    if (!cand.fits) {
      const needed = confluentCandidate(kind, w, load);
      const prop =
        units === undefined ? "clusterType" : kind === "dedicated" ? "clusterType.cku" : "clusterType.maxEcku";
      failWith(
        "KSE-SIZE-023",
        prop,
        units ?? kind,
        `a cluster type and size that carry the workload (${cand.refusal})`,
        needed.fits
          ? `Use ${kind === "dedicated" ? `ConfluentClusterType.dedicated({ cku: ${needed.units} })` : `ConfluentClusterType.${kind}({ maxEcku: ${needed.units} })`}, or remove clusterType to let the workload choose.`
          : "Remove clusterType to let the workload choose a type that carries it, or lower the workload.",
        path,
      );
    }
    return props;
  }

  const allowed = KINDS.filter((k) => {
    const info = CONFLUENT_CLUSTER_TYPES[k];
    if (rules && !rules.allowedClusterTypes.includes(k)) return false;
    if (!info.availabilities.includes(availability)) return false;
    if (props.networking === undefined) return info.defaultNetworking !== undefined;
    return info.networking.includes(props.networking.kind);
  });
  const candidates = allowed.map((k) => confluentCandidate(k, w, load));
  const best = cheapest(candidates);
  if (!best) {
    failWith(
      "KSE-SIZE-024",
      "workload",
      { messagesPerSecond: w.messagesPerSecond, averageMessageBytes: w.averageMessageBytes },
      `a workload a ${allowed.join(", ") || "(no allowed)"} cluster carries in ${props.tier}, ${availability}${props.networking ? `, ${props.networking.kind}` : ""}`,
      `${candidates.map((c) => `${c.size}: ${c.refusal}`).join("; ")}. ${allowed.includes("dedicated") ? "" : "Give networking to allow Dedicated, "}or split the workload over clusters.`,
      path,
    );
  }
  const chosen = best as SizingCandidate;
  const kind = chosen.size as ConfluentClusterKind;
  const minimum = multiZone ? 2 : 1;
  const clusterType =
    kind === "dedicated"
      ? ConfluentClusterType.dedicated({ cku: Math.max(chosen.units, minimum) })
      : kind === "basic"
        ? ConfluentClusterType.basic({ maxEcku: Math.max(chosen.units, minimum) })
        : kind === "standard"
          ? ConfluentClusterType.standard({ maxEcku: Math.max(chosen.units, minimum) })
          : ConfluentClusterType.enterprise({ maxEcku: Math.max(chosen.units, minimum) });
  return { ...props, clusterType };
}

/** Where a topic is declared, as the topic layer knows it. */
export interface TopicWorkloadContext {
  readonly backend: "msk" | "confluent";
  readonly path: string;
}

/**
 * Partitions of a topic from its `workload` (the topic's own, or its cluster's: the rate is spread
 * over `workload.topics`): MSK uses the library's per-partition planning figures, Confluent also
 * the Standard type's 5 MB/s per-partition guideline (the strictest of the types the standard allows
 * in prod). Explicit `partitions` win when they carry the workload; fewer are refused. Returns
 * undefined when the topic has no workload.
 */
export function topicPartitionsFromWorkload(props: KafkaTopicProps, ctx: TopicWorkloadContext): number | undefined {
  if (props.workload === undefined) return undefined;
  if (props.throughput !== undefined) {
    failWith(
      "KSE-SIZE-025",
      "workload",
      "workload and throughput",
      "either workload or throughput, not both",
      "Remove throughput: the workload sizes the partitions.",
      ctx.path,
    );
  }
  const w = resolveWorkload(props.workload, "workload", ctx.path);
  const load = deriveLoad(w);
  const needed =
    ctx.backend === "msk" ? mskPartitionsPerTopic(w, load) : confluentPartitionsPerTopic("standard", w, load);
  if (props.partitions !== undefined && typeof props.partitions === "number" && props.partitions < needed) {
    failWith(
      "KSE-SIZE-025",
      "partitions",
      props.partitions,
      `at least ${needed} partitions for the workload (${w.messagesPerSecond / w.topics} messages/s per topic)`,
      `Use ${needed} partitions, or remove partitions to take them from the workload.`,
      ctx.path,
    );
  }
  return props.partitions ?? needed;
}
