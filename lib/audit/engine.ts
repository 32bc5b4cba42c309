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
import { countKafkaResources } from "./scope";
import { tierResolver } from "./tier";
import {
  SEVERITIES,
  type AuditResource,
  type AuditRule,
  type DocumentSource,
  type Finding,
  type LibraryConstruct,
  type RuleContext,
  type RuleResult,
  type RuleStats,
  type SuppressionEntry,
  type UnverifiedCheck,
} from "./types";
import { compareText } from "../core/compare";

/** Minimum length of a suppression reason. */
export const MIN_SUPPRESSION_REASON_LENGTH = 10;

/**
 * The verdict of one audit run:
 * - `pass`: no unsuppressed finding at `failOn` or worse;
 * - `fail`: at least one;
 * - `nothing-to-audit`: the document holds no Kafka resource (no MSK, MSK Connect, Kafka-provider or
 *   Confluent resource, SCRAM secret or kafka-cluster IAM policy), so no check said anything about
 *   Kafka. The CLI exits 2 when every input is so; a synth reports it and goes on.
 */
export type AuditOutcome = "pass" | "fail" | "nothing-to-audit";

/** Counts of one audit run. */
export interface AuditSummary {
  /** The verdict. */
  readonly outcome: AuditOutcome;
  /** Resources and data sources in the document. */
  readonly resources: number;
  /** Of those, Kafka resources (see `AuditOutcome`). */
  readonly kafkaResources: number;
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
  /** Checks that apply but could not be made from the document (linked resource out of sight, value unknown). */
  readonly notVerifiable: number;
  /** True when no unsuppressed finding reaches `failOn` (also when there was nothing to audit: see `outcome`). */
  readonly passed: boolean;
}

/** The result of auditing one document. */
export interface AuditReport {
  /** 2: adds `summary.outcome`, `summary.kafkaResources`, `summary.notVerifiable`, `unverified` and per-rule `notVerifiable`. */
  readonly schemaVersion: 2;
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
  /** Checks that could not be made from the document, by rule then resource. */
  readonly unverified: readonly UnverifiedCheck[];
  /** Per-rule outcome counts. */
  readonly rules: readonly RuleStats[];
  readonly inventory: Inventory;
  /** Present when compliance profiles are on. */
  readonly scorecard?: Scorecard;
}

/** One rule evaluation on one resource. */
export interface Evaluation {
  readonly rule: AuditRule;
  readonly resource: AuditResource;
  readonly status: RuleResult["status"];
  /** The rule's result (message, reason, what is missing). */
  readonly result: RuleResult;
  /** True when a non-compliant result is accepted by a suppression on the resource. */
  readonly suppressed: boolean;
  /** The suppression that matched, when one did. */
  readonly suppression?: SuppressionEntry;
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
    compareText(a.rule, b.rule) ||
    compareText(a.resource, b.resource)
  );
}

/** The fix hint for a finding: the construct prop when a library construct built the resource, else the HCL. */
export function fixFor(rule: AuditRule, resource: AuditResource): string {
  const construct = resource.metadata?.construct as LibraryConstruct | undefined;
  return (construct !== undefined ? rule.constructFix[construct] : undefined) ?? rule.fix;
}

/** Evaluate rules over every resource of a listed type, in rule order, applying suppressions. */
export function evaluateRules(doc: AuditDocument, rules: readonly AuditRule[], ctx: RuleContext): Evaluation[] {
  const out: Evaluation[] = [];
  for (const rule of rules) {
    for (const type of rule.resourceTypes) {
      for (const resource of doc.ofType(type)) {
        const result = rule.evaluate(resource, ctx);
        const suppression =
          result.status === "non-compliant" ? validSuppressions(resource).find((s) => s.id === rule.id) : undefined;
        out.push({
          rule,
          resource,
          status: result.status,
          result,
          suppressed: suppression !== undefined,
          ...(suppression ? { suppression } : {}),
        });
      }
    }
  }
  return out;
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
  const evaluations = evaluateRules(doc, rules, ctx);

  const findings: Finding[] = [];
  const unverified: UnverifiedCheck[] = [];
  const stats = new Map<
    string,
    { compliant: number; nonCompliant: number; suppressed: number; notApplicable: number; notVerifiable: number }
  >(rules.map((r) => [r.id, { compliant: 0, nonCompliant: 0, suppressed: 0, notApplicable: 0, notVerifiable: 0 }]));
  for (const e of evaluations) {
    const { rule, resource, result } = e;
    const counts = stats.get(rule.id)!;
    if (result.status === "compliant") counts.compliant++;
    else if (result.status === "not-applicable") counts.notApplicable++;
    else if (result.status === "not-verifiable") {
      counts.notVerifiable++;
      unverified.push({
        rule: rule.id,
        severity: rule.severity,
        title: rule.title,
        resource: resource.address,
        type: resource.type,
        ...(resource.path ? { path: resource.path } : {}),
        reason: result.reason,
        ...(result.missing && result.missing.length > 0 ? { missing: result.missing } : {}),
      });
    } else {
      counts.nonCompliant++;
      if (e.suppressed) counts.suppressed++;
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
        fix: fixFor(rule, resource),
        controls: rule.controls,
        compliance: rule.compliance,
        suppressed: e.suppressed,
        ...(e.suppression ? { suppressionReason: e.suppression.reason } : {}),
      });
    }
  }
  findings.sort(compareFindings);
  const ruleStats: RuleStats[] = rules.map((r) => ({ rule: r.id, ...stats.get(r.id)! }));

  const open = findings.filter((f) => !f.suppressed);
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const f of open) bySeverity[f.severity]++;
  const passed = !open.some((f) => failsAt(f.severity, resolved.failOn));
  const kafkaResources = countKafkaResources(doc);
  const summary: AuditSummary = {
    outcome: kafkaResources === 0 ? "nothing-to-audit" : passed ? "pass" : "fail",
    resources: doc.all().length,
    kafkaResources,
    rulesRun: rules.length,
    ...bySeverity,
    suppressed: findings.length - open.length,
    compliant: ruleStats.reduce((n, s) => n + s.compliant, 0),
    notVerifiable: unverified.length,
    passed,
  };
  const shownOptions = {
    compliance: resolved.compliance,
    ...(resolved.tier ? { tier: resolved.tier } : {}),
    failOn: resolved.failOn,
  };
  return {
    schemaVersion: 2,
    name: resolved.name ?? doc.name,
    source: doc.source,
    auditDate: resolved.today,
    options: shownOptions,
    summary,
    findings,
    unverified,
    rules: ruleStats,
    inventory: buildInventory(doc, tierOf, resolved.today),
    ...(resolved.compliance.length > 0 ? { scorecard: buildScorecard(resolved.compliance, rules, evaluations) } : {}),
  };
}

/** Unsuppressed findings that fail the run under the report's `failOn`. */
export function failingFindings(report: AuditReport): Finding[] {
  return report.findings.filter((f) => !f.suppressed && failsAt(f.severity, report.options.failOn));
}
