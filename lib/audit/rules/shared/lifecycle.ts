/**
 * The shared logic of the "prod resources carry `lifecycle.prevent_destroy`" rules.
 */
import { notApplicable, pass, fail } from "../../rule";
import type { AuditResource, RuleContext, RuleResult } from "../../types";
import { preventDestroy } from "../../values";

/**
 * Compliant when the resource is not prod, carries `prevent_destroy`, or records a `retire`
 * reason in its metadata (deletion is then intended).
 */
export function requirePreventDestroyInProd(resource: AuditResource, ctx: RuleContext, what: string): RuleResult {
  if (!ctx.doc.lifecycleKnown) return notApplicable("lifecycle blocks are not part of plan or state output");
  const tier = ctx.tierOf(resource);
  if (tier === undefined) return notApplicable("tier unknown");
  if (tier !== "prod") return notApplicable(`tier ${tier} does not require prevent_destroy`);
  if (preventDestroy(resource.attributes)) return pass();
  if (resource.metadata?.retire) return pass();
  return fail(
    `prod ${what} without lifecycle.prevent_destroy = true: a plan that replaces or destroys it deletes its data`,
  );
}
