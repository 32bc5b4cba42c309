/**
 * The shared logic of the "prod resources carry `lifecycle.prevent_destroy`" rules.
 */
import { TIER_POLICIES } from "../../../standards/tiers";
import { fail, notApplicable, notVerifiable, pass } from "../../rule";
import type { AuditResource, RuleContext, RuleResult } from "../../types";
import { preventDestroy } from "../../values";

/** Why a `prevent_destroy` check cannot be made on `terraform show -json` output. */
export const LIFECYCLE_NOT_IN_PLANS = "lifecycle blocks are not part of plan or state output";

/**
 * Compliant when the resource's tier does not require `prevent_destroy` (`TIER_POLICIES[tier].preventDestroy`:
 * prod only), carries it, or records a `retire` reason in its metadata (deletion is then intended).
 */
export function requirePreventDestroyInProd(resource: AuditResource, ctx: RuleContext, what: string): RuleResult {
  const tier = ctx.tierOf(resource);
  if (tier === undefined) return notApplicable("tier unknown");
  if (!TIER_POLICIES[tier].preventDestroy) return notApplicable(`tier ${tier} does not require prevent_destroy`);
  if (!ctx.doc.lifecycleKnown) return notVerifiable(LIFECYCLE_NOT_IN_PLANS);
  if (preventDestroy(resource.attributes)) return pass();
  if (resource.metadata?.retire) return pass();
  return fail(
    `prod ${what} without lifecycle.prevent_destroy = true: a plan that replaces or destroys it deletes its data`,
  );
}
