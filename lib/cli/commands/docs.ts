/**
 * `kafka-standards docs <cdk.tf.json>... [--out DIR] [--compliance gdpr,sox]`
 */
import * as fs from "fs";
import * as path from "path";
import { ArtifactProducer, StackArtifacts, TerraformDocument } from "../../core/stack-artifacts";
import { runbookProducer } from "../../docs/runbooks";
import { architectureProducer } from "../../docs/architecture";
import { confluentRunbookProducer } from "../../docs/confluent-runbooks";
import { confluentMonitoringProducer } from "../../monitoring/confluent-monitoring-producer";
import { auditDocument } from "../../audit/engine";
import { loadTerraformJsonConfig } from "../../audit/loaders/cdktf-json";
import { auditReportFiles } from "../../audit/cdktf/aspect";
import type { ComplianceProfile } from "../../audit/types";
import { EXIT, type CliCommand, type CliIo } from "../io";
import { UsageError } from "../usage-error";
import { parseCommandArgs } from "../args";

/** The artifacts rendered from a synthesized stack, in the order synth renders them. */
export const DOC_PRODUCERS: readonly ArtifactProducer[] = Object.freeze([
  runbookProducer,
  architectureProducer,
  confluentMonitoringProducer,
  confluentRunbookProducer,
]);

const USAGE = `Usage: kafka-standards docs <cdk.tf.json>... [options]

Regenerate the engagement artifacts of synthesized stacks without a synth: ARCHITECTURE.md (Mermaid
diagram and configuration table), runbooks for every alarm, Confluent Prometheus rules and Grafana
dashboards, and the audit report (audit.json, AUDIT.md). Client properties need the construct tree
and are written by \`cdktf synth\` only.

Options:
  --out <dir>              write here instead of <dir of each file>/kafka-standards (one input only)
  --compliance <profiles>  add compliance profiles to the audit report: gdpr, sox
  -h, --help               show this help
`;

function readDocument(file: string): TerraformDocument {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new UsageError(`${file}: file not found or unreadable`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new UsageError(`${file}: not JSON`);
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc) || !("resource" in doc || "data" in doc)) {
    throw new UsageError(`${file}: not a synthesized cdktf stack (expected a cdk.tf.json with "resource")`);
  }
  return doc as TerraformDocument;
}

function run(args: readonly string[], io: CliIo): number {
  const parsed = parseCommandArgs(args, {
    out: { type: "string" },
    compliance: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError("docs needs at least one cdk.tf.json (see --help)");
  if (values.out !== undefined && positionals.length > 1) throw new UsageError("--out takes a single input file");
  const compliance = (values.compliance ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean) as ComplianceProfile[];
  for (const file of positionals) {
    const document = readDocument(file);
    const stackDir = path.dirname(path.resolve(file));
    const stackName = path.basename(stackDir);
    const report = auditDocument(loadTerraformJsonConfig(document, stackName), {
      name: stackName,
      compliance,
      failOn: "never",
    });
    const files = [
      ...auditReportFiles(report),
      ...StackArtifacts.render(DOC_PRODUCERS, { stackName, document, stackDir }),
    ];
    const outDir = values.out ?? path.join(stackDir, "kafka-standards");
    for (const f of files) {
      const target = path.join(outDir, f.path);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, f.content);
    }
    io.out(`${stackName}: wrote ${files.length} files to ${outDir}\n`);
  }
  return EXIT.ok;
}

/** The `docs` command. */
export const DOCS_COMMAND: CliCommand = {
  summary: "regenerate architecture doc, runbooks, Confluent monitoring files and audit report from cdk.tf.json",
  usage: USAGE,
  run,
};
