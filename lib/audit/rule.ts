/**
 * Helpers for writing rules: `defineRule` fills defaults and freezes the definition; `pass`, `fail`,
 * `notApplicable` and `notVerifiable` build results.
 */
import type {
  AuditResource,
  AuditRule,
  ComplianceProfile,
  LibraryConstruct,
  RuleArea,
  RulePack,
  RuleContext,
  RuleResult,
  Severity,
} from "./types";

/** The parts of a rule its author writes. */
export interface RuleDefinition {
  readonly id: string;
  readonly area: RuleArea;
  readonly severity: Severity;
  readonly title: string;
  readonly explanation: string;
  readonly fix: string;
  /** @default {} - the HCL fix for every resource */
  readonly constructFix?: Readonly<Partial<Record<LibraryConstruct, string>>>;
  readonly controls: readonly string[];
  readonly resourceTypes: readonly string[];
  /** @default "base" */
  readonly pack?: RulePack;
  /** @default [] */
  readonly compliance?: readonly ComplianceProfile[];
  /** @default false */
  readonly tierDependent?: boolean;
  evaluate(resource: AuditResource, ctx: RuleContext): RuleResult;
}

/** Build a frozen rule from its definition. */
export function defineRule(def: RuleDefinition): AuditRule {
  return Object.freeze({
    ...def,
    pack: def.pack ?? "base",
    compliance: Object.freeze([...(def.compliance ?? [])]),
    constructFix: Object.freeze({ ...(def.constructFix ?? {}) }),
    controls: Object.freeze([...def.controls]),
    resourceTypes: Object.freeze([...def.resourceTypes]),
    tierDependent: def.tierDependent ?? false,
  });
}

const COMPLIANT: RuleResult = Object.freeze({ status: "compliant" });

/** The resource meets the rule. */
export function pass(): RuleResult {
  return COMPLIANT;
}

/** The resource breaks the rule; `message` says how, with the values found. */
export function fail(message: string): RuleResult {
  return { status: "non-compliant", message };
}

/** The rule does not apply to this resource (or cannot be decided from the document). */
export function notApplicable(reason: string): RuleResult {
  return { status: "not-applicable", reason };
}

/**
 * The rule concerns the resource but the document cannot decide it: `missing` names what is out of
 * sight (a linked resource's address or literal identifier), when known.
 */
export function notVerifiable(reason: string, missing: readonly string[] = []): RuleResult {
  return missing.length > 0
    ? { status: "not-verifiable", reason, missing: [...missing] }
    : { status: "not-verifiable", reason };
}
