/**
 * Options of an audit run, with their validation.
 */
import { KafkaStandardsError } from "../errors";
import { ENVIRONMENT_TIERS, isEnvironmentTier, type EnvironmentTier } from "../standards/tiers";
import { COMPLIANCE_PROFILES, SEVERITIES, type ComplianceProfile, type Severity } from "./types";

/** Lowest severity that fails the audit, or `never` to report only. */
export type FailOn = Severity | "never";

/** Options of `auditDocument`, the Aspect and the CLI. */
export interface AuditOptions {
  /**
   * Compliance profiles to add to the base pack; each adds its rules and a scorecard.
   * @default [] - base pack only
   */
  readonly compliance?: readonly ComplianceProfile[];
  /**
   * Tier for resources that record none (no metadata, no `Environment` tag).
   * @default - unknown: tier-dependent rules do not apply to such resources
   */
  readonly tier?: EnvironmentTier;
  /**
   * Lowest severity of an unsuppressed finding that fails the audit (synth error, CLI exit 1).
   * @default "error"
   */
  readonly failOn?: FailOn;
  /**
   * Audit date (ISO `YYYY-MM-DD`) for end-of-support checks.
   * @default - today (UTC)
   */
  readonly today?: string;
  /**
   * Name of the audited document in reports.
   * @default - the cdktf stack name, else the file name, else "document"
   */
  readonly name?: string;
}

/** Options with defaults applied. */
export interface ResolvedAuditOptions {
  readonly compliance: readonly ComplianceProfile[];
  readonly tier?: EnvironmentTier;
  readonly failOn: FailOn;
  readonly today: string;
  readonly name?: string;
}

const FAIL_ON: readonly FailOn[] = [...SEVERITIES, "never"];

/** Validate options and apply defaults; invalid values raise `KafkaStandardsError`. */
export function resolveAuditOptions(options: AuditOptions = {}): ResolvedAuditOptions {
  const compliance = [...new Set(options.compliance ?? [])];
  for (const p of compliance) {
    if (!COMPLIANCE_PROFILES.includes(p)) {
      throw new KafkaStandardsError({
        code: "KSE-AUDIT-003",
        prop: "compliance",
        value: p,
        allowed: COMPLIANCE_PROFILES.join(", "),
        fix: `use one of ${COMPLIANCE_PROFILES.join(", ")}`,
      });
    }
  }
  if (options.tier !== undefined && !isEnvironmentTier(options.tier)) {
    throw new KafkaStandardsError({
      code: "KSE-AUDIT-004",
      prop: "tier",
      value: options.tier,
      allowed: ENVIRONMENT_TIERS.join(", "),
      fix: "pass one of the standard's tiers, or omit it",
    });
  }
  const failOn = options.failOn ?? "error";
  if (!FAIL_ON.includes(failOn)) {
    throw new KafkaStandardsError({
      code: "KSE-AUDIT-005",
      prop: "failOn",
      value: failOn,
      allowed: FAIL_ON.join(", "),
      fix: 'use "error" (default), "warning", "info" or "never"',
    });
  }
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) {
    throw new KafkaStandardsError({
      code: "KSE-AUDIT-006",
      prop: "today",
      value: today,
      allowed: "an ISO date YYYY-MM-DD",
      fix: 'pass e.g. "2026-01-31", or omit it to use the current date',
    });
  }
  return {
    compliance: COMPLIANCE_PROFILES.filter((p) => compliance.includes(p)),
    ...(options.tier ? { tier: options.tier } : {}),
    failOn,
    today,
    ...(options.name ? { name: options.name } : {}),
  };
}

/** True when a finding of `severity` fails an audit run with `failOn`. */
export function failsAt(severity: Severity, failOn: FailOn): boolean {
  if (failOn === "never") return false;
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(failOn);
}
