/**
 * Types shared by the audit engine, its rules, loaders and reports. No cdktf import here: rules are
 * pure functions over synthesized Terraform, so they run on `cdk.tf.json`, on `terraform show -json`
 * output and inside a cdktf Aspect alike.
 */
import type { EnvironmentTier } from "../standards/tiers";
import type { ResourceMetadata } from "../standards/naming";

/** How bad a finding is. `error` fails synth and the CLI; `warning` and `info` are reported only. */
export type Severity = "error" | "warning" | "info";

/** Severities, worst first. */
export const SEVERITIES: readonly Severity[] = Object.freeze(["error", "warning", "info"]);

/** Compliance profiles that add rules and a scorecard to the base pack. */
export type ComplianceProfile = "gdpr" | "sox";

/** Every compliance profile. */
export const COMPLIANCE_PROFILES: readonly ComplianceProfile[] = Object.freeze(["gdpr", "sox"]);

/** The pack a rule belongs to: `base` always runs, the others only when their profile is on. */
export type RulePack = "base" | ComplianceProfile;

/** Rule areas: the middle part of a rule id (`KS-<AREA>-NNN`). */
export type RuleArea =
  | "MSK"
  | "MSKC"
  | "CONN"
  | "CONNECT"
  | "CFL"
  | "TOPIC"
  | "ACL"
  | "IAM"
  | "NET"
  | "LOG"
  | "KMS"
  | "SCRAM"
  | "MON"
  | "GDPR"
  | "SOX"
  | "SCHEMA";

/** One suppression as recorded on a resource (`"//"."kafka-standards".suppressions`). */
export interface SuppressionEntry {
  /** Rule id, e.g. `KS-MSK-004`. */
  readonly id: string;
  /** Why the finding is accepted (at least 10 characters). */
  readonly reason: string;
  /** Construct path the suppression was declared on, when applied by `KafkaStandardsSuppressions`. */
  readonly scope?: string;
}

/**
 * The `"//"."kafka-standards"` object the library writes on resources it builds, plus the fields the
 * audit itself records there.
 */
export interface AuditMetadata extends ResourceMetadata {
  /** Accepted findings on this resource. */
  readonly suppressions?: readonly SuppressionEntry[];
  /** Where the data of an audit-class topic is archived before it ages out (SOX pack). */
  readonly archive?: string;
  /** Data classification, e.g. `personal` (GDPR pack), for resources without tags. */
  readonly dataClassification?: string;
}

/**
 * Kinds of library construct recorded in a resource's metadata (`construct`), for fix hints that
 * name the construct's props.
 */
export type LibraryConstruct =
  | "MskCluster"
  | "MskAccess"
  | "MskMonitoring"
  | "AlarmEscalation"
  | "KafkaTopic"
  | "KafkaQuota"
  | "ConfluentCluster"
  | "ConfluentDrPair";

/** Where a document came from. */
export type DocumentSource = "cdktf" | "plan" | "state";

/** One Terraform resource or data source, as the rules see it. */
export interface AuditResource {
  /** Resource type, e.g. `aws_msk_cluster`. */
  readonly type: string;
  /** Resource name (the cdktf logical id, or the HCL label). */
  readonly name: string;
  /** Terraform address: `aws_msk_cluster.main`, `module.msk.aws_msk_cluster.this[0]`, `data.x.y`. */
  readonly address: string;
  /** `managed` for resources, `data` for data sources. */
  readonly mode: "managed" | "data";
  /** Attribute values. Blocks are objects or arrays of objects; unresolved values are `${…}` strings. */
  readonly attributes: Readonly<Record<string, unknown>>;
  /** The library's metadata object, when present. */
  readonly metadata?: AuditMetadata;
  /** cdktf construct path (`"//".metadata.path`), when synthesized by cdktf. */
  readonly path?: string;
  /**
   * Tags the resource inherits from its AWS provider's `default_tags` (the provider configuration
   * it uses, alias included), when the document shows them. Empty or absent for other providers.
   */
  readonly defaultTags?: Readonly<Record<string, string>>;
  /** The planned change, when the document is `terraform show -json` of a plan. */
  readonly change?: PlannedChange;
}

/** What a plan will do to a resource (`resource_changes[].change`). */
export interface PlannedChange {
  /** Terraform's actions, e.g. `["update"]`, `["delete", "create"]` (replace), `["delete"]`. */
  readonly actions: readonly string[];
  /** Values before the change, when the resource exists. */
  readonly before?: Readonly<Record<string, unknown>>;
}

/** The outcomes of one rule on one resource. */
export type RuleStatus = "compliant" | "non-compliant" | "not-applicable" | "not-verifiable";

/**
 * What a rule concluded about one resource.
 *
 * - `compliant` / `non-compliant`: the rule applies and the document decides it.
 * - `not-applicable`: the rule does not concern this resource (another type of secret, a dev-only
 *   allowance, a DENY ACL…).
 * - `not-verifiable`: the rule concerns this resource, but the document lacks what the verdict needs:
 *   a linked resource is outside it (a key, log group, configuration or secret in another file or
 *   module), a value is known only after apply, or the format drops it (plans and states carry no
 *   `lifecycle`). Reported as checks that could not be made; never a pass, never a failure.
 */
export type RuleResult =
  | { readonly status: "compliant" }
  | { readonly status: "non-compliant"; readonly message: string }
  | { readonly status: "not-applicable"; readonly reason: string }
  | {
      readonly status: "not-verifiable";
      readonly reason: string;
      /** What is out of sight: addresses or literal identifiers the document does not contain. */
      readonly missing?: readonly string[];
    };

/** Read-only view of the whole document, for rules that relate resources to each other. */
export interface DocumentView {
  /** Where the document came from. */
  readonly source: DocumentSource;
  /** Whether `lifecycle` blocks are visible (cdktf JSON yes; plan and state output no). */
  readonly lifecycleKnown: boolean;
  /** Every resource and data source. */
  all(): readonly AuditResource[];
  /** Managed resources of one type. */
  ofType(type: string): readonly AuditResource[];
  /** A resource or data source by address. */
  get(address: string): AuditResource | undefined;
  /**
   * The resource a value points at: a `${type.name.attr}` reference, or a literal equal to the
   * `arn`, `id`, `name` or `key_id` of a resource in the document.
   */
  resolve(value: unknown): AuditResource | undefined;
  /** True when `value` refers to `target` (reference or literal identifier). */
  refersTo(value: unknown, target: AuditResource): boolean;
  /**
   * Every resource `value` refers to: the inverse of `refersTo`, from an index (an unindexed
   * address names every instance; a literal names the resources whose identifying attribute equals it).
   */
  targets(value: unknown): readonly AuditResource[];
  /**
   * What `value` points at outside the document: the resource addresses a `${…}` reference names
   * that the document lacks (or the whole expression when it names none, e.g. `var.key_arn` or a
   * value known only after apply), or a literal identifier (ARN, id) no resource here carries.
   * Empty when the value is unset or everything it names is in the document.
   */
  outside(value: unknown): readonly string[];
  /**
   * Derived data computed once per document and shared by every rule that asks with the same
   * key (reverse indexes such as "which clusters use this key"), so an audit stays linear in the
   * number of resources.
   */
  memo<T>(key: object, compute: () => T): T;
}

/** What a rule may read besides the resource. */
export interface RuleContext {
  /** The whole document. */
  readonly doc: DocumentView;
  /** Tier of a resource: metadata, then `Environment` tag, then the audit option; undefined when unknown. */
  tierOf(resource: AuditResource): EnvironmentTier | undefined;
  /** The audit date (ISO `YYYY-MM-DD`), for end-of-support checks. */
  readonly today: string;
}

/** One audit rule. */
export interface AuditRule {
  /** Stable id, `KS-<AREA>-NNN`. Never reused for another meaning. */
  readonly id: string;
  /** Area (the middle of the id). */
  readonly area: RuleArea;
  /** Pack: base rules always run; gdpr/sox rules only with that profile. */
  readonly pack: RulePack;
  /** Severity of its findings. */
  readonly severity: Severity;
  /** One-line title. */
  readonly title: string;
  /** Why the rule exists. */
  readonly explanation: string;
  /** How to fix a finding, in Terraform terms (HCL attribute names). */
  readonly fix: string;
  /**
   * How to fix a finding on a resource a library construct synthesized, by construct kind
   * (`"//"."kafka-standards".construct`): the construct prop to set instead of the HCL attribute.
   */
  readonly constructFix: Readonly<Partial<Record<LibraryConstruct, string>>>;
  /** External controls the rule covers (ids of `AUDIT_CONTROLS`). */
  readonly controls: readonly string[];
  /** Compliance profiles whose scorecard counts this rule. */
  readonly compliance: readonly ComplianceProfile[];
  /** Resource types the rule evaluates. */
  readonly resourceTypes: readonly string[];
  /** True when the rule needs the resource's tier (not applicable when the tier is unknown). */
  readonly tierDependent: boolean;
  /** Evaluate one resource of a listed type. Pure: same input, same result. */
  evaluate(resource: AuditResource, ctx: RuleContext): RuleResult;
}

/** A non-compliant result, as reported. */
export interface Finding {
  /** Rule id. */
  readonly rule: string;
  /** Rule severity. */
  readonly severity: Severity;
  /** Rule title. */
  readonly title: string;
  /** Terraform address of the resource. */
  readonly resource: string;
  /** Resource type. */
  readonly type: string;
  /** cdktf construct path, when known. */
  readonly path?: string;
  /** Tier the resource was audited at, when known. */
  readonly tier?: EnvironmentTier;
  /** What is wrong with this resource. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
  /** External control ids. */
  readonly controls: readonly string[];
  /** Compliance profiles the rule counts for. */
  readonly compliance: readonly ComplianceProfile[];
  /** True when a suppression matched. */
  readonly suppressed: boolean;
  /** The suppression's reason, when suppressed. */
  readonly suppressionReason?: string;
}

/** A check that applies to a resource but could not be made from the document. */
export interface UnverifiedCheck {
  /** Rule id. */
  readonly rule: string;
  /** Rule severity (what a failure would have been). */
  readonly severity: Severity;
  /** Rule title. */
  readonly title: string;
  /** Terraform address of the resource. */
  readonly resource: string;
  /** Resource type. */
  readonly type: string;
  /** cdktf construct path, when known. */
  readonly path?: string;
  /** Why the check could not be made. */
  readonly reason: string;
  /** What is out of sight (addresses or literal identifiers), when known. */
  readonly missing?: readonly string[];
}

/** Outcome counts of one rule over one document. */
export interface RuleStats {
  /** Rule id. */
  readonly rule: string;
  /** Resources that passed. */
  readonly compliant: number;
  /** Resources that failed, suppressed or not. */
  readonly nonCompliant: number;
  /** Of those, suppressed. */
  readonly suppressed: number;
  /** Resources of a listed type the rule did not apply to. */
  readonly notApplicable: number;
  /** Resources the rule applies to but could not check from the document. */
  readonly notVerifiable: number;
}
