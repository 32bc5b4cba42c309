import { Annotations, TerraformProvider, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { isUnresolved } from "../core/resource-metadata";
import { compareText } from "../core/compare";

/** What the check needs of an MskCluster (kept structural so that this file does not import the construct). */
export interface NamedMskCluster extends IConstruct {
  /** The AWS cluster name (`<clusterName>-<tier>`). */
  readonly clusterName: string;
  /** The `aws_msk_cluster` resource, whose provider decides the account and Region. */
  readonly cluster: { readonly provider?: TerraformProvider };
}

/**
 * AWS provider settings that do not change which account or Region a resource goes to: two providers that
 * differ only in these still create resources in the same place.
 */
const PLACE_NEUTRAL = new Set(["alias", "default_tags", "ignore_tags", "max_retries", "retry_mode"]);

/** MSK clusters by AWS name, per app (the construct tree's root). */
const CLUSTERS = new WeakMap<IConstruct, Map<string, NamedMskCluster[]>>();

/**
 * Registers an MSK cluster and, at synth, warns when a cluster of the same AWS name in another stack of the
 * app is created through an AWS provider with the same literal Region and the same account settings
 * (MSK cluster names are unique per account and Region: the second apply would fail). Two clusters in one
 * stack are refused with an error when the second is constructed.
 *
 * Only a warning: with no account settings in the provider, the account comes from the credentials of the
 * environment that runs Terraform, which can differ per stack. It stays silent when anything about the
 * place is unknown or different: a Region or account setting that is a token, no Region, different
 * Regions, different assume-role, profile, credentials or allowed accounts, or a stack whose cluster has no
 * default AWS provider.
 */
export function watchClusterNameAcrossStacks(cluster: NamedMskCluster): void {
  const root = cluster.node.root;
  let byName = CLUSTERS.get(root);
  if (!byName) {
    byName = new Map();
    CLUSTERS.set(root, byName);
  }
  const same = byName.get(cluster.clusterName) ?? [];
  same.push(cluster);
  byName.set(cluster.clusterName, same);
  let warned = false;
  cluster.node.addValidation({
    validate: () => {
      if (warned) return [];
      const first = same.find((other) => other !== cluster && collide(other, cluster));
      // Warn on the later of two clusters only, naming the first.
      if (first !== undefined && same.indexOf(first) < same.indexOf(cluster)) {
        warned = true;
        const region = String(placeOf(cluster)!.region);
        Annotations.of(cluster).addWarning(
          `MSK cluster name "${cluster.clusterName}" is also used by ${first.node.path} in stack ` +
            `${TerraformStack.of(first).node.id}, and both stacks' AWS providers target ${region} with the same ` +
            `account settings: MSK cluster names are unique per account and Region, so the second apply fails. ` +
            `Give one cluster another clusterName; if the two stacks deploy to different accounts, name the ` +
            `account in each AwsProvider (allowedAccountIds, assumeRole or profile).`,
        );
      }
      return [];
    },
  });
}

function collide(a: NamedMskCluster, b: NamedMskCluster): boolean {
  if (TerraformStack.of(a) === TerraformStack.of(b)) return false;
  const pa = placeOf(a);
  const pb = placeOf(b);
  return pa !== undefined && pb !== undefined && JSON.stringify(pa) === JSON.stringify(pb);
}

/**
 * The settings of the AWS provider a cluster is created through that decide where it goes (Region and
 * account), or undefined when they are not known at synth: no such provider, no Region, or a token.
 */
function placeOf(cluster: NamedMskCluster): Record<string, unknown> | undefined {
  const stack = TerraformStack.of(cluster);
  const provider =
    cluster.cluster.provider ??
    stack.node.findAll().find((c): c is AwsProvider => c instanceof AwsProvider && c.alias === undefined);
  if (!(provider instanceof AwsProvider)) return undefined;
  const config = Object.values(provider.toTerraform().provider as Record<string, unknown[]>)[0]?.[0];
  if (!config || typeof config !== "object") return undefined;
  const place: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config).sort(([x], [y]) => compareText(x, y))) {
    if (PLACE_NEUTRAL.has(k) || v === undefined) continue;
    if (hasToken(v)) return undefined;
    place[k] = v;
  }
  return typeof place.region === "string" && place.region !== "" ? place : undefined;
}

function hasToken(value: unknown): boolean {
  if (isUnresolved(value)) return true;
  if (Array.isArray(value)) return value.some(hasToken);
  if (value && typeof value === "object") return Object.values(value).some(hasToken);
  return false;
}
