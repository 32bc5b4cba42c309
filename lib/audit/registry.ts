/**
 * Every rule, by pack, and lookup by id.
 */
import { BASE_PACK } from "./packs/base";
import { GDPR_PACK } from "./packs/gdpr";
import { SOX_PACK } from "./packs/sox";
import type { AuditRule, ComplianceProfile } from "./types";

/** Every rule the library knows, base pack first. */
export const ALL_RULES: readonly AuditRule[] = Object.freeze([...BASE_PACK, ...GDPR_PACK, ...SOX_PACK]);

const BY_ID = new Map(ALL_RULES.map((r) => [r.id, r]));

/** The rule with this id, if any. */
export function ruleById(id: string): AuditRule | undefined {
  return BY_ID.get(id);
}

/** The rules that run for a set of compliance profiles: the base pack plus each profile's pack. */
export function rulesFor(profiles: readonly ComplianceProfile[]): readonly AuditRule[] {
  return ALL_RULES.filter((r) => r.pack === "base" || profiles.includes(r.pack));
}
