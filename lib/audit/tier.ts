/**
 * Tier of a resource: the library's metadata, else the `Environment` tag (`tags`, then `tags_all`,
 * then the AWS provider's `default_tags`),
 * else the tier given to the audit, else unknown. Rules that depend on the tier do not apply to
 * resources of unknown tier.
 */
import { TIER_TAG_ALIASES } from "../standards/audit-controls";
import { STANDARD_TAG_KEYS } from "../standards/naming";
import { TIER_POLICIES, isEnvironmentTier, type EnvironmentTier } from "../standards/tiers";
import type { AuditResource } from "./types";
import { resourceTags } from "./values";

/** Map a tag or metadata value to a tier (`production` → `prod`); undefined when it names none. */
export function normalizeTier(value: unknown): EnvironmentTier | undefined {
  if (typeof value !== "string") return undefined;
  if (isEnvironmentTier(value)) return value;
  return TIER_TAG_ALIASES[value.trim().toLowerCase()];
}

/** Tier recorded on the resource itself (metadata or tag), ignoring the audit's default. */
export function ownTier(resource: AuditResource): EnvironmentTier | undefined {
  return normalizeTier(resource.metadata?.tier) ?? normalizeTier(resourceTags(resource)[STANDARD_TAG_KEYS.tier]);
}

/** Tier resolver with the audit's default tier as the last resort. */
export function tierResolver(fallback: EnvironmentTier | undefined): (r: AuditResource) => EnvironmentTier | undefined {
  return (r) => ownTier(r) ?? fallback;
}

/**
 * True when the tier lets a topic have fewer replicas than its class asks for: the tier allows
 * clusters smaller than that replication factor (`TIER_POLICIES[tier].minBrokerNodes`), so the
 * constructs accept a lower `replicationFactor` there (dev: two brokers, RF 1 or 2) and record it.
 */
export function allowsReducedReplication(tier: EnvironmentTier | undefined, classReplicationFactor: number): boolean {
  return tier !== undefined && TIER_POLICIES[tier].minBrokerNodes < classReplicationFactor;
}
