/**
 * `kafka-standards audit <file>... [--json] [--compliance gdpr,sox] [--tier prod] [--fail-on error]`
 */
import { auditDocument, type AuditReport } from "../../audit/engine";
import { loadDocumentFile } from "../../audit/loaders/load";
import { resolveAuditOptions, type FailOn } from "../../audit/options";
import { toCliJson } from "../../audit/report/json";
import { formatReportText } from "../../audit/report/summary";
import type { ComplianceProfile } from "../../audit/types";
import type { EnvironmentTier } from "../../standards/tiers";
import { EXIT, type CliCommand, type CliIo } from "../io";
import { UsageError } from "../usage-error";
import { parseCommandArgs } from "../args";

const USAGE = `Usage: kafka-standards audit <file>... [options]

Audit Terraform JSON against the Kafka standards. <file> is a cdktf cdk.tf.json
(cdktf.out/stacks/<stack>/cdk.tf.json) or \`terraform show -json\` output of a plan or state.

Options:
  --json                   print {"findings":[{"rule","severity","resource","message","controls"}]}
  --compliance <profiles>  add compliance profiles and a scorecard: gdpr, sox (comma-separated)
  --tier <tier>            tier of resources that record none: dev, staging, prod
  --fail-on <severity>     lowest severity that makes the exit code 1: error (default), warning, info, never
  --today <YYYY-MM-DD>     audit date for end-of-support checks (default: today)
  -h, --help               show this help

Besides findings, the report lists the checks that could not be made from a file
("not verifiable": a linked resource such as a KMS key, log group, configuration or
secret is in another file or module, or a value is known only after apply).

Exit codes: 0 no unsuppressed finding at --fail-on, 1 otherwise, 2 unusable input or
arguments, including inputs that hold no Kafka resource at all (nothing to audit).
`;

function run(args: readonly string[], io: CliIo): number {
  const parsed = parseCommandArgs(args, {
    json: { type: "boolean" },
    compliance: { type: "string" },
    tier: { type: "string" },
    "fail-on": { type: "string" },
    today: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError("audit needs at least one file (see --help)");
  const compliance = (values.compliance ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0) as ComplianceProfile[];
  const options = {
    compliance,
    ...(values.tier !== undefined ? { tier: values.tier as EnvironmentTier } : {}),
    ...(values["fail-on"] !== undefined ? { failOn: values["fail-on"] as FailOn } : {}),
    ...(values.today !== undefined ? { today: values.today } : {}),
  };

  resolveAuditOptions(options);
  // Load every file first, so one unusable input fails the run before any output.
  const docs = positionals.map((file) => ({ file, doc: loadDocumentFile(file) }));
  const reports: { file: string; report: AuditReport }[] = docs.map(({ file, doc }) => ({
    file,
    report: auditDocument(doc, {
      ...options,
      name: doc.source === "cdktf" && doc.name !== file ? `${doc.name} (${file})` : file,
    }),
  }));

  if (values.json) io.out(JSON.stringify(toCliJson(reports), null, 2) + "\n");
  else for (const { report } of reports) io.out(formatReportText(report));
  // A green PASS on a file without a single Kafka resource would say nothing: unusable input.
  if (reports.every((r) => r.report.summary.outcome === "nothing-to-audit")) {
    io.err(
      `kafka-standards audit: nothing to audit: no Kafka resource (MSK, MSK Connect, Kafka provider, Confluent, SCRAM secret or kafka-cluster IAM policy) in ${reports.map((r) => r.file).join(", ")}\n`,
    );
    return EXIT.usage;
  }
  return reports.every((r) => r.report.summary.passed) ? EXIT.ok : EXIT.findings;
}

/** The `audit` command. */
export const AUDIT_COMMAND: CliCommand = {
  summary: "audit cdk.tf.json or terraform show -json output against the Kafka standards",
  usage: USAGE,
  run,
};
