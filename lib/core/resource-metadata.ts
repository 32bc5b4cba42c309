import { TerraformResource, Token } from "cdktf";
import { failWith } from "../errors";
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

/** AWS tag limits (Tagging AWS resources, "Tag naming limits and requirements"). */
export const AWS_TAG_LIMITS = Object.freeze({
  maxKeyLength: 128,
  maxValueLength: 256,
  maxTagsPerResource: 50,
  /** Letters, digits, white space and `_ . : / = + - @`, the set every AWS service accepts. */
  characters: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u,
});

function checkTagValue(prop: string, value: unknown, path: string | undefined): void {
  if (typeof value !== "string") {
    failWith(
      "KSE-CORE-007",
      prop,
      value,
      `a string of at most ${AWS_TAG_LIMITS.maxValueLength} characters`,
      "Give tag values as strings.",
      path,
    );
  }
  if (Token.isUnresolved(value)) return;
  if (value.length > AWS_TAG_LIMITS.maxValueLength || !AWS_TAG_LIMITS.characters.test(value)) {
    failWith(
      "KSE-CORE-007",
      prop,
      value,
      `at most ${AWS_TAG_LIMITS.maxValueLength} characters of letters, digits, spaces and _ . : / = + - @ (got ${value.length} characters)`,
      "Shorten the value, or drop the characters AWS refuses.",
      path,
    );
  }
}

/**
 * Validates caller tags and the owner before anything is created: keys of 1–128 characters without
 * the reserved `aws:` prefix, values of at most 256, AWS's character set, at most 50 tags with the
 * standard's own (which win over caller tags of the same key).
 */
export function checkTags(
  inputs: { readonly tier: string; readonly owner?: unknown; readonly tags?: unknown },
  path: string | undefined,
): void {
  if (inputs.owner !== undefined) {
    checkTagValue("owner", inputs.owner, path);
    if (!Token.isUnresolved(inputs.owner) && (inputs.owner as string).trim() === "") {
      failWith(
        "KSE-CORE-007",
        "owner",
        inputs.owner,
        "a non-empty team name",
        "Name the owning team, or omit owner.",
        path,
      );
    }
  }
  const tags = inputs.tags;
  if (tags === undefined) return;
  const proto = typeof tags === "object" && tags !== null ? Object.getPrototypeOf(tags) : undefined;
  if (proto !== Object.prototype && proto !== null) {
    failWith(
      "KSE-CORE-007",
      "tags",
      tags,
      "an object of tag keys to string values",
      'Give tags as { Team: "payments" }.',
      path,
    );
  }
  const entries = Object.entries(tags as Record<string, unknown>);
  for (const [key, value] of entries) {
    const prop = `tags[${JSON.stringify(key)}]`;
    if (!Token.isUnresolved(key)) {
      if (
        key.trim() === "" ||
        key.length > AWS_TAG_LIMITS.maxKeyLength ||
        /^aws:/i.test(key) ||
        !AWS_TAG_LIMITS.characters.test(key)
      ) {
        failWith(
          "KSE-CORE-007",
          prop,
          key,
          `tag keys of 1 to ${AWS_TAG_LIMITS.maxKeyLength} letters, digits, spaces and _ . : / = + - @, not starting with "aws:"`,
          /^aws:/i.test(key) ? 'Drop the "aws:" prefix; AWS reserves it.' : "Rename the tag key.",
          path,
        );
      }
    }
    checkTagValue(prop, value, path);
  }
  const standard = new Set([
    STANDARD_TAG_KEYS.tier,
    STANDARD_TAG_KEYS.managedBy,
    ...(inputs.owner !== undefined ? [STANDARD_TAG_KEYS.owner] : []),
  ]);
  const total = new Set([...entries.map(([k]) => k), ...standard]).size;
  if (total > AWS_TAG_LIMITS.maxTagsPerResource) {
    failWith(
      "KSE-CORE-007",
      "tags",
      `${entries.length} tags`,
      `at most ${AWS_TAG_LIMITS.maxTagsPerResource} tags per resource, ${standard.size} of them the standard's`,
      "Drop some tags.",
      path,
    );
  }
}
