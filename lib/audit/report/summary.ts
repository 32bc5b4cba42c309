/**
 * Short text summary of one or more reports: a few lines per stack, for `npm run synth` and the CLI.
 */
import type { AuditReport } from "../engine";
import type { Finding, UnverifiedCheck } from "../types";

/** How many findings each stack's summary lists. */
const TOP_FINDINGS = 5;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function findingLine(f: Finding): string {
  return `    ${f.severity.padEnd(7)} ${f.rule.padEnd(13)} ${f.resource}: ${f.message}`;
}

function unverifiedLine(u: UnverifiedCheck): string {
  const missing = u.missing && u.missing.length > 0 ? ` (out of sight: ${u.missing.join(", ")})` : "";
  return `    not verifiable ${u.rule} ${u.resource}: ${u.reason}${missing}`;
}

/** The verdict word of a report. */
export function verdict(report: AuditReport): string {
  const outcome = report.summary.outcome ?? (report.summary.passed ? "pass" : "fail");
  return outcome === "nothing-to-audit" ? "NOTHING TO AUDIT" : outcome.toUpperCase();
}

/** The one-line summary of a report (no trailing newline). */
export function summaryLine(r: AuditReport): string {
  const s = r.summary;
  if (s.outcome === "nothing-to-audit") {
    return `kafka-standards audit  ${r.name}  NOTHING TO AUDIT  no Kafka resource (MSK, MSK Connect, Kafka provider, Confluent, SCRAM secret or kafka-cluster IAM policy) among ${plural(s.resources, "resource")}`;
  }
  return `kafka-standards audit  ${r.name}  ${verdict(r)}  ${plural(s.error, "error")}, ${plural(s.warning, "warning")}, ${s.info} info, ${s.suppressed} suppressed, ${s.notVerifiable ?? 0} not verifiable (${plural(s.resources, "resource")}, ${plural(s.rulesRun, "rule")})`;
}

/**
 * Render a summary: per report, the verdict and counts by severity, then the top findings.
 *
 * ```
 * kafka-standards audit  payments-prod  FAIL  2 errors, 1 warning, 0 info, 1 suppressed, 0 not verifiable (38 resources, 46 rules)
 *     error   KS-MSK-001    aws_msk_cluster.main: encryption_in_transit.client_broker is "TLS_PLAINTEXT", not "TLS"
 * ```
 */
export function formatSummary(reports: AuditReport | readonly AuditReport[]): string {
  const list: readonly AuditReport[] = Array.isArray(reports) ? reports : [reports as AuditReport];
  const lines: string[] = [];
  for (const r of list) {
    lines.push(summaryLine(r));
    const open = r.findings.filter((f) => !f.suppressed);
    for (const f of open.slice(0, TOP_FINDINGS)) lines.push(findingLine(f));
    if (open.length > TOP_FINDINGS) lines.push(`    … ${open.length - TOP_FINDINGS} more (see audit.json / AUDIT.md)`);
    for (const p of r.scorecard?.profiles ?? []) {
      lines.push(`    ${p.profile.toUpperCase()} scorecard: ${p.status} (${p.score}%)`);
    }
  }
  return lines.join("\n") + "\n";
}

/**
 * Render every finding of one report as text: the summary line, each open finding with its fix,
 * the suppressed ones with their reason, then the checks that could not be made. Used by the CLI.
 */
export function formatReportText(report: AuditReport): string {
  const lines = [summaryLine(report)];
  for (const f of report.findings.filter((x) => !x.suppressed)) {
    lines.push(findingLine(f), `${" ".repeat(26)}fix: ${f.fix}`);
  }
  for (const f of report.findings.filter((x) => x.suppressed)) {
    lines.push(`    suppressed ${f.rule} ${f.resource}: ${f.suppressionReason ?? ""}`);
  }
  for (const u of report.unverified ?? []) lines.push(unverifiedLine(u));
  for (const p of report.scorecard?.profiles ?? []) {
    lines.push(`    ${p.profile.toUpperCase()} scorecard: ${p.status} (${p.score}%)`);
    for (const c of p.controls)
      lines.push(
        `      ${c.status.padEnd(12)} ${c.control}: ${c.compliant} passed, ${c.failed} failed, ${c.accepted} accepted`,
      );
  }
  return lines.join("\n") + "\n";
}
