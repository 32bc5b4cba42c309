import { failWith, KafkaStandardsErrorCode } from "../errors";
import { ENVIRONMENT_TIERS, EnvironmentTier, TierPolicy, isEnvironmentTier, tierPolicy } from "../standards/tiers";
import { RESOURCE_NAME_PATTERN, resourceName } from "../standards/naming";
import { isUnresolved } from "./resource-metadata";
import { checkUniqueInStack } from "./construct-site";
import { IConstruct } from "constructs";

/** Tier, its policy and the standard resource name of a cluster. */
export interface TierAndName {
  readonly tier: EnvironmentTier;
  readonly policy: TierPolicy;
  readonly name: string;
}

/**
 * Validates a cluster's tier and base name (shared by every cluster construct) and returns the
 * `<name>-<tier>` resource name. `codes` are the construct family's error codes.
 */
export function resolveTierAndName(
  props: { readonly tier: unknown; readonly clusterName: unknown },
  codes: { readonly tier: KafkaStandardsErrorCode; readonly name: KafkaStandardsErrorCode },
  path: string,
): TierAndName {
  if (!isEnvironmentTier(props.tier)) {
    failWith(
      codes.tier,
      "tier",
      props.tier,
      ENVIRONMENT_TIERS.join(", "),
      "Set tier to one of the standard tiers.",
      path,
    );
  }
  const tier = props.tier;
  const given = props.clusterName;
  const name = resourceName(String(given), tier);
  if (typeof given !== "string" || given === "" || (!isUnresolved(given) && !RESOURCE_NAME_PATTERN.test(name))) {
    failWith(
      codes.name,
      "clusterName",
      props.clusterName,
      `lower-case letters, digits and hyphens, starting with a letter, at most 64 characters with the "-${tier}" suffix`,
      'Rename the cluster, e.g. "orders".',
      path,
    );
  }
  return { tier, policy: tierPolicy(tier), name };
}

/**
 * The weakenings of a construct as recorded in its audit metadata: the value, with the reason of the
 * explicit prod override appended when one was given.
 */
export function recordedOverrides(
  weakenings: Readonly<Record<string, string>>,
  prodOverride: { readonly reason: string } | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(weakenings)) out[k] = prodOverride ? `${v} (${prodOverride.reason})` : v;
  return out;
}

/**
 * Refuses a second cluster of the same backend, name and tier in one stack (their cloud resource names
 * would collide), before the new one is added to the tree.
 */
export function checkUniqueClusterName(
  scope: IConstruct,
  backend: "msk" | "confluent",
  name: string,
  given: unknown,
  path: string,
): void {
  const msk = backend === "msk";
  checkUniqueInStack(
    scope,
    (c) => {
      const cluster = c as { readonly backend?: unknown; readonly clusterName?: unknown };
      return cluster.backend === backend && cluster.clusterName === name;
    },
    {
      code: msk ? "KSE-MSK-034" : "KSE-CFL-027",
      prop: "clusterName",
      value: given,
      allowed: `a name and tier no other ${msk ? "MskCluster" : "ConfluentCluster"} of the stack has: "${name}" names its ${
        msk ? "AWS resources" : "environment and service accounts"
      }`,
      fix: "Give the cluster another clusterName",
    },
    path,
  );
}
