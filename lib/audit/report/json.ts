/**
 * JSON renderings: `audit.json` (the full report) and the CLI's `--json` findings document.
 */
import type { AuditReport } from "../engine";
import type { Scorecard } from "./scorecard";

/** `audit.json`: the full report, pretty-printed. */
export function renderAuditJson(report: AuditReport): string {
  return JSON.stringify(report, null, 2) + "\n";
}

/** One finding of the CLI's `--json` output. */
export interface CliJsonFinding {
  readonly rule: string;
  readonly severity: string;
  /** Terraform address (module prefix kept for plan and state input). */
  readonly resource: string;
  readonly message: string;
  readonly controls: readonly string[];
  /** Input file, only when several files were audited. */
  readonly file?: string;
}

/** One check of the CLI's `--json` output that could not be made from its document. */
export interface CliJsonUnverified {
  readonly rule: string;
  readonly severity: string;
  readonly resource: string;
  readonly reason: string;
  /** What is out of sight (addresses or literal identifiers), when known. */
  readonly missing?: readonly string[];
  /** Input file, only when several files were audited. */
  readonly file?: string;
}

/** The CLI's `--json` document. */
export interface CliJsonOutput {
  /** Unsuppressed findings. */
  readonly findings: readonly CliJsonFinding[];
  /** Checks that could not be made for lack of a linked resource or value, only when there are any. */
  readonly notVerifiable?: readonly CliJsonUnverified[];
  /** Input files that hold no Kafka resource, only when there are any. */
  readonly nothingToAudit?: readonly string[];
  /** Suppressed findings with their reason, only when there are any. */
  readonly suppressed?: readonly (CliJsonFinding & { readonly reason: string })[];
  /** Per-file scorecards, only when compliance profiles are on. */
  readonly scorecard?: readonly { readonly file: string; readonly scorecard: Scorecard }[];
}

/**
 * Build `{"findings":[{"rule","severity","resource","message","controls"}]}` over several reports.
 * `file` is added to each finding only when there is more than one report.
 */
export function toCliJson(reports: readonly { readonly file: string; readonly report: AuditReport }[]): CliJsonOutput {
  const many = reports.length > 1;
  const findings: CliJsonFinding[] = [];
  const suppressed: (CliJsonFinding & { reason: string })[] = [];
  for (const { file, report } of reports) {
    for (const f of report.findings) {
      const item: CliJsonFinding = {
        rule: f.rule,
        severity: f.severity,
        resource: f.resource,
        message: f.message,
        controls: [...f.controls],
        ...(many ? { file } : {}),
      };
      if (f.suppressed) suppressed.push({ ...item, reason: f.suppressionReason ?? "" });
      else findings.push(item);
    }
  }
  const unverified: CliJsonUnverified[] = reports.flatMap(({ file, report }) =>
    (report.unverified ?? []).map((u) => ({
      rule: u.rule,
      severity: u.severity,
      resource: u.resource,
      reason: u.reason,
      ...(u.missing && u.missing.length > 0 ? { missing: [...u.missing] } : {}),
      ...(many ? { file } : {}),
    })),
  );
  const empty = reports.filter((r) => r.report.summary.outcome === "nothing-to-audit").map((r) => r.file);
  const scorecards = reports
    .filter((r) => r.report.scorecard)
    .map((r) => ({ file: r.file, scorecard: r.report.scorecard as Scorecard }));
  return {
    findings,
    ...(suppressed.length > 0 ? { suppressed } : {}),
    ...(unverified.length > 0 ? { notVerifiable: unverified } : {}),
    ...(empty.length > 0 ? { nothingToAudit: empty } : {}),
    ...(scorecards.length > 0 ? { scorecard: scorecards } : {}),
  };
}
