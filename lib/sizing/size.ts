/**
 * The sizing model's entry point: a workload in, one option per offering out (MSK Standard, Express,
 * Serverless; Confluent Basic, Standard, Enterprise, Dedicated), each sized, priced and checked
 * against its limits, and the cheapest option that fits. Pure: no cdktf import, so the CLI answers
 * without loading the construct library.
 */
import { failWith } from "../errors";
import { nearest } from "../core/suggest";
import { SIZING_SOURCES, type SizingSource } from "../standards/sizing-sources";
import { sizeConfluent } from "./confluent";
import { sizeMskExpress, sizeMskServerless, sizeMskStandard } from "./msk";
import { OFFERINGS, type OfferingId, type SizingOption } from "./types";
import { deriveLoad, resolveWorkload, type DerivedLoad, type ResolvedWorkload, type Workload } from "./workload";

/** The model's answer for one workload. */
export interface SizingReport {
  /** The workload with every default applied. */
  readonly workload: ResolvedWorkload;
  /** The load it puts on a cluster. */
  readonly load: DerivedLoad;
  /** One option per offering, in OFFERINGS order. */
  readonly options: readonly SizingOption[];
  /** The cheapest option that fits (at the high end of any price range); undefined when none fits. */
  readonly chosen?: OfferingId;
  /** Why it was chosen, or why nothing was. */
  readonly choice: string;
  /** Every source behind the limits and prices used, for the report's reference list. */
  readonly sources: readonly SizingSource[];
}

/** Every offering id. */
export const OFFERING_IDS: readonly OfferingId[] = Object.freeze(OFFERINGS.map((o) => o.id));

/** Checks an offering name (CLI `--offering`, plan option). */
export function resolveOffering(value: unknown, prop = "offering"): OfferingId {
  if (typeof value === "string" && (OFFERING_IDS as readonly string[]).includes(value)) return value as OfferingId;
  const hint = typeof value === "string" ? nearest(value, OFFERING_IDS) : undefined;
  return failWith(
    "KSE-SIZE-031",
    prop,
    value,
    OFFERING_IDS.join(", "),
    hint ? `did you mean "${hint}"?` : "Pick one of the offerings the model compares.",
  );
}

/** Sizes one offering for a resolved workload. */
export function sizeOffering(
  offering: OfferingId,
  w: ResolvedWorkload,
  load: DerivedLoad = deriveLoad(w),
): SizingOption {
  switch (offering) {
    case "msk-standard":
      return sizeMskStandard(w, load);
    case "msk-express":
      return sizeMskExpress(w, load);
    case "msk-serverless":
      return sizeMskServerless(w, load);
    case "confluent-basic":
      return sizeConfluent("basic", w, load);
    case "confluent-standard":
      return sizeConfluent("standard", w, load);
    case "confluent-enterprise":
      return sizeConfluent("enterprise", w, load);
    case "confluent-dedicated":
      return sizeConfluent("dedicated", w, load);
  }
}

/** The cheapest fitting option, ties to fewer units, then to the earlier offering. */
export function cheapestOption(options: readonly SizingOption[]): SizingOption | undefined {
  let best: SizingOption | undefined;
  for (const o of options) {
    if (!o.fits || !o.cost) continue;
    const cost = o.cost.totalUsdHigh;
    const bestCost = best?.cost?.totalUsdHigh ?? Infinity;
    if (cost < bestCost - 0.5 || (Math.abs(cost - bestCost) <= 0.5 && (o.units ?? 0) < (best?.units ?? 0))) best = o;
  }
  return best;
}

function sourcesOf(options: readonly SizingOption[]): SizingSource[] {
  const ids = new Set<string>([
    "awsSizingScript",
    "awsSizingGuide",
    "mskBestPractices",
    "mskExpressBestPractices",
    "mskStorageThroughput",
    "mskQuotas",
    "ec2Ebs",
    "ec2Network",
    "mskServerlessQuotas2023",
    "mskServerlessPartitions",
    "confluentClusterTypes",
    "confluentBilling",
    "partitionsBlog",
  ]);
  for (const o of options) for (const l of o.cost?.lines ?? []) ids.add(l.price.source);
  return [...ids].map((id) => SIZING_SOURCES[id as keyof typeof SIZING_SOURCES]);
}

/**
 * Sizes a workload for every offering. Throws a KafkaStandardsError (`KSE-SIZE-0NN`) for an invalid
 * workload; an offering the workload does not fit is returned refused, with the reason.
 */
export function sizeWorkload(workload: Workload): SizingReport {
  const w = resolveWorkload(workload);
  const load = deriveLoad(w);
  const options = OFFERINGS.map((o) => sizeOffering(o.id, w, load));
  const best = cheapestOption(options);
  const priced = best?.cost;
  const choice = best
    ? `${best.label}: the cheapest option that fits${
        priced && priced.weakestSource !== "vendor-doc" && priced.weakestSource !== "vendor-code"
          ? ` (its prices are ${priced.weakestSource}: confirm before committing)`
          : ""
      }`
    : "no offering fits: split the workload over several clusters, or raise the quotas that refuse it";
  return Object.freeze({
    workload: w,
    load,
    options: Object.freeze(options),
    ...(best ? { chosen: best.offering } : {}),
    choice,
    sources: Object.freeze(sourcesOf(options)),
  });
}
