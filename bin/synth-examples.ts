/**
 * Synthesizes every example into one output folder (default `cdktf.out/`), as `cdktf synth` does,
 * without a cloud account or the cdktf CLI, and prints the audit summary of every stack.
 *
 *   ts-node --transpile-only bin/synth-examples.ts [--outdir DIR] [--only name,name]
 *
 * Exits 1 when a stack has an unsuppressed error-severity finding (after writing every report).
 */
import * as fs from "fs";
import * as path from "path";
import { App } from "cdktf";
// Before the examples: they import the package by name ("cdktf-kafka-standards"), as a user's project does.
import "../scripts/self-reference";
import { EXAMPLES } from "../examples/registry";
import { KafkaStandardsAudit } from "../lib/audit/cdktf/aspect";
import { loadAuditReports } from "../lib/audit/report/files";
import { formatSummary } from "../lib/audit/report/summary";

function arg(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function main(argv: readonly string[]): void {
  // When run by `cdktf synth`, the CLI passes the output folder in CDKTF_OUTDIR.
  const outdir = arg(argv, "--outdir") ?? process.env.CDKTF_OUTDIR ?? "cdktf.out";
  const only = arg(argv, "--only")?.split(",");
  const app = new App({ outdir, skipBackendValidation: true });
  const selected = EXAMPLES.filter((e) => !only || only.includes(e.name));
  for (const example of selected) example.build(app);
  // Report on every stack instead of stopping at the first failing one; the exit code still fails.
  KafkaStandardsAudit.forApp(app, { failOn: "never", print: false });
  app.synth();
  const stacksDir = path.join(outdir, "stacks");
  const stacks = fs.existsSync(stacksDir) ? fs.readdirSync(stacksDir).sort() : [];
  process.stdout.write(`Synthesized ${stacks.length} stacks into ${path.resolve(outdir)}:\n`);
  for (const s of stacks) process.stdout.write(`  ${path.join(stacksDir, s, "cdk.tf.json")}\n`);
  const reports = loadAuditReports(outdir);
  process.stdout.write(`\n${formatSummary(reports)}\n`);
  if (reports.some((r) => r.summary.error > 0)) process.exitCode = 1;
}

main(process.argv.slice(2));
