/**
 * Tier of a resource: the library's metadata, else the `Environment` tag (`tags`, then `tags_all`),
 * else the tier given to the audit, else unknown. Rules that depend on the tier do not apply to
 * resources of unknown tier.
 */
import { TIER_TAG_ALIASES } from "../standards/audit-controls";
import { STANDARD_TAG_KEYS } from "../standards/naming";
import { isEnvironmentTier, type EnvironmentTier } from "../standards/tiers";
import type { AuditResource } from "./types";
import { tagsOf } from "./values";

/** Map a tag or metadata value to a tier (`production` → `prod`); undefined when it names none. */
export function normalizeTier(value: unknown): EnvironmentTier | undefined {
  if (typeof value !== "string") return undefined;
  if (isEnvironmentTier(value)) return value;
  return TIER_TAG_ALIASES[value.trim().toLowerCase()];
}

/** Tier recorded on the resource itself (metadata or tag), ignoring the audit's default. */
export function ownTier(resource: AuditResource): EnvironmentTier | undefined {
  return normalizeTier(resource.metadata?.tier) ?? normalizeTier(tagsOf(resource.attributes)[STANDARD_TAG_KEYS.tier]);
}

/** Tier resolver with the audit's default tier as the last resort. */
export function tierResolver(fallback: EnvironmentTier | undefined): (r: AuditResource) => EnvironmentTier | undefined {
  return (r) => ownTier(r) ?? fallback;
}
