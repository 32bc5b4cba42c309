import { TerraformResource, Token } from "cdktf";
import { EnvironmentTier } from "../standards/tiers";
import { MANAGED_BY, RESOURCE_METADATA_KEY, ResourceMetadata, STANDARD_TAG_KEYS } from "../standards/naming";

/**
 * Records the library's metadata on a synthesized resource under `"//"."kafka-standards"`.
 * Terraform ignores `"//"` keys in JSON configuration; the audit reads them.
 */
export function recordMetadata(resource: TerraformResource, metadata: ResourceMetadata): void {
  const clean = Object.fromEntries(Object.entries(metadata).filter(([, v]) => v !== undefined));
  resource.addOverride(`//.${RESOURCE_METADATA_KEY}`, clean);
}

/** Inputs for the standard tag set. */
export interface StandardTagInputs {
  /** Environment tier. */
  readonly tier: EnvironmentTier;
  /** Owning team, when known. */
  readonly owner?: string;
  /** Data classification, when known. */
  readonly dataClassification?: string;
  /** Caller tags; they win over nothing the standard requires (tier and ManagedBy are fixed). */
  readonly tags?: Readonly<Record<string, string>>;
}

/** The tags every AWS resource of the library carries. */
export function standardTags(inputs: StandardTagInputs): Record<string, string> {
  const tags: Record<string, string> = { ...(inputs.tags ?? {}) };
  tags[STANDARD_TAG_KEYS.tier] = inputs.tier;
  tags[STANDARD_TAG_KEYS.managedBy] = MANAGED_BY;
  if (inputs.owner !== undefined) tags[STANDARD_TAG_KEYS.owner] = inputs.owner;
  if (inputs.dataClassification !== undefined) tags[STANDARD_TAG_KEYS.dataClassification] = inputs.dataClassification;
  return tags;
}

/** True when a value is an unresolved cdktf token (validation skips those). */
export function isUnresolved(value: unknown): boolean {
  if (typeof value === "string") return Token.isUnresolved(value);
  if (typeof value === "number") return Token.isUnresolved(value);
  if (Array.isArray(value)) return Token.isUnresolved(value);
  return false;
}
