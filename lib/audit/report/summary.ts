/**
 * Short text summary of one or more reports: a few lines per stack, for `npm run synth` and the CLI.
 */
import type { AuditReport } from "../engine";
import type { Finding } from "../types";

/** How many findings each stack's summary lists. */
const TOP_FINDINGS = 5;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function findingLine(f: Finding): string {
  return `    ${f.severity.padEnd(7)} ${f.rule.padEnd(13)} ${f.resource}: ${f.message}`;
}

/**
 * Render a summary: per report, the verdict and counts by severity, then the top findings.
 *
 * ```
 * kafka-standards audit  payments-prod  FAIL  2 errors, 1 warning, 0 info, 1 suppressed (38 resources, 46 rules)
 *     error   KS-MSK-001    aws_msk_cluster.main: encryption_in_transit.client_broker is "TLS_PLAINTEXT", not "TLS"
 * ```
 */
export function formatSummary(reports: AuditReport | readonly AuditReport[]): string {
  const list: readonly AuditReport[] = Array.isArray(reports) ? reports : [reports as AuditReport];
  const lines: string[] = [];
  for (const r of list) {
    const s = r.summary;
    const verdict = s.passed ? "PASS" : "FAIL";
    lines.push(
      `kafka-standards audit  ${r.name}  ${verdict}  ${plural(s.error, "error")}, ${plural(s.warning, "warning")}, ${s.info} info, ${s.suppressed} suppressed (${plural(s.resources, "resource")}, ${plural(s.rulesRun, "rule")})`,
    );
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
 * then the suppressed ones with their reason. Used by the CLI.
 */
export function formatReportText(report: AuditReport): string {
  const [header] = formatSummary(report).split("\n");
  const lines = [header];
  for (const f of report.findings.filter((x) => !x.suppressed)) {
    lines.push(findingLine(f), `${" ".repeat(26)}fix: ${f.fix}`);
  }
  for (const f of report.findings.filter((x) => x.suppressed)) {
    lines.push(`    suppressed ${f.rule} ${f.resource}: ${f.suppressionReason ?? ""}`);
  }
  for (const p of report.scorecard?.profiles ?? []) {
    lines.push(`    ${p.profile.toUpperCase()} scorecard: ${p.status} (${p.score}%)`);
    for (const c of p.controls)
      lines.push(
        `      ${c.status.padEnd(12)} ${c.control}: ${c.compliant} passed, ${c.failed} failed, ${c.accepted} accepted`,
      );
  }
  return lines.join("\n") + "\n";
}
