/**
 * The audit engine: run the selected rules over every resource of a document, apply suppressions,
 * and assemble the report.
 */
import { AuditDocument } from "./document";
import { loadDocument } from "./loaders/load";
import { failsAt, resolveAuditOptions, type AuditOptions, type ResolvedAuditOptions } from "./options";
import { rulesFor } from "./registry";
import { buildInventory, type Inventory } from "./report/inventory";
import { buildScorecard, type Scorecard } from "./report/scorecard";
import { tierResolver } from "./tier";
import {
  SEVERITIES,
  type AuditResource,
  type AuditRule,
  type DocumentSource,
  type Finding,
  type RuleContext,
  type RuleStats,
  type SuppressionEntry,
} from "./types";

/** Minimum length of a suppression reason. */
export const MIN_SUPPRESSION_REASON_LENGTH = 10;

/** Counts of one audit run. */
export interface AuditSummary {
  /** Resources and data sources in the document. */
  readonly resources: number;
  /** Rules run. */
  readonly rulesRun: number;
  /** Unsuppressed findings by severity. */
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  /** Suppressed findings. */
  readonly suppressed: number;
  /** Rule evaluations that passed. */
  readonly compliant: number;
  /** True when no unsuppressed finding reaches `failOn`. */
  readonly passed: boolean;
}

/** The result of auditing one document. */
export interface AuditReport {
  readonly schemaVersion: 1;
  /** Stack or file name. */
  readonly name: string;
  /** Where the document came from. */
  readonly source: DocumentSource;
  /** Date the end-of-support checks used. */
  readonly auditDate: string;
  /** Options in effect. */
  readonly options: Omit<ResolvedAuditOptions, "today" | "name">;
  readonly summary: AuditSummary;
  /** Findings, worst first, suppressed ones included (marked). */
  readonly findings: readonly Finding[];
  /** Per-rule outcome counts. */
  readonly rules: readonly RuleStats[];
  readonly inventory: Inventory;
  /** Present when compliance profiles are on. */
  readonly scorecard?: Scorecard;
}

/** One rule evaluation, kept for the scorecard. */
export interface Evaluation {
  readonly rule: AuditRule;
  readonly resource: AuditResource;
  readonly status: "compliant" | "non-compliant" | "not-applicable";
  readonly suppressed: boolean;
}

function validSuppressions(resource: AuditResource): readonly SuppressionEntry[] {
  const list = resource.metadata?.suppressions;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (s): s is SuppressionEntry =>
      typeof s?.id === "string" &&
      typeof s.reason === "string" &&
      s.reason.trim().length >= MIN_SUPPRESSION_REASON_LENGTH,
  );
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    Number(a.suppressed) - Number(b.suppressed) ||
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    a.rule.localeCompare(b.rule) ||
    a.resource.localeCompare(b.resource)
  );
}

/**
 * Audit a Terraform document: cdktf `cdk.tf.json` content, `terraform show -json` output (plan or
 * state) as a parsed object, or an already loaded `AuditDocument`.
 *
 * @throws AuditInputError when the input is not a Terraform document
 * @throws KafkaStandardsError when an option is invalid
 */
export function auditDocument(input: unknown, options: AuditOptions = {}): AuditReport {
  const resolved = resolveAuditOptions(options);
  const doc = input instanceof AuditDocument ? input : loadDocument(input, resolved.name ?? "document");
  const rules = rulesFor(resolved.compliance);
  const tierOf = tierResolver(resolved.tier);
  const ctx: RuleContext = { doc, tierOf, today: resolved.today };

  const findings: Finding[] = [];
  const evaluations: Evaluation[] = [];
  const stats: RuleStats[] = [];
  for (const rule of rules) {
    let compliant = 0;
    let nonCompliant = 0;
    let suppressedCount = 0;
    let notApplicable = 0;
    for (const type of rule.resourceTypes) {
      for (const resource of doc.ofType(type)) {
        const result = rule.evaluate(resource, ctx);
        if (result.status !== "non-compliant") {
          if (result.status === "compliant") compliant++;
          else notApplicable++;
          evaluations.push({ rule, resource, status: result.status, suppressed: false });
          continue;
        }
        nonCompliant++;
        const suppression = validSuppressions(resource).find((s) => s.id === rule.id);
        if (suppression) suppressedCount++;
        evaluations.push({ rule, resource, status: "non-compliant", suppressed: suppression !== undefined });
        const tier = tierOf(resource);
        findings.push({
          rule: rule.id,
          severity: rule.severity,
          title: rule.title,
          resource: resource.address,
          type: resource.type,
          ...(resource.path ? { path: resource.path } : {}),
          ...(tier ? { tier } : {}),
          message: result.message,
          fix: rule.fix,
          controls: rule.controls,
          compliance: rule.compliance,
          suppressed: suppression !== undefined,
          ...(suppression ? { suppressionReason: suppression.reason } : {}),
        });
      }
    }
    stats.push({ rule: rule.id, compliant, nonCompliant, suppressed: suppressedCount, notApplicable });
  }
  findings.sort(compareFindings);

  const open = findings.filter((f) => !f.suppressed);
  const count = (s: string): number => open.filter((f) => f.severity === s).length;
  const summary: AuditSummary = {
    resources: doc.all().length,
    rulesRun: rules.length,
    error: count("error"),
    warning: count("warning"),
    info: count("info"),
    suppressed: findings.length - open.length,
    compliant: stats.reduce((n, s) => n + s.compliant, 0),
    passed: !open.some((f) => failsAt(f.severity, resolved.failOn)),
  };
  const shownOptions = {
    compliance: resolved.compliance,
    ...(resolved.tier ? { tier: resolved.tier } : {}),
    failOn: resolved.failOn,
  };
  return {
    schemaVersion: 1,
    name: resolved.name ?? doc.name,
    source: doc.source,
    auditDate: resolved.today,
    options: shownOptions,
    summary,
    findings,
    rules: stats,
    inventory: buildInventory(doc, tierOf, resolved.today),
    ...(resolved.compliance.length > 0 ? { scorecard: buildScorecard(resolved.compliance, rules, evaluations) } : {}),
  };
}

/** Unsuppressed findings that fail the run under the report's `failOn`. */
export function failingFindings(report: AuditReport): Finding[] {
  return report.findings.filter((f) => !f.suppressed && failsAt(f.severity, report.options.failOn));
}
