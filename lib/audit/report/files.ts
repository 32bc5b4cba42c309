/**
 * Reading the reports a synth wrote, for scripts that print a summary after `app.synth()`.
 */
import * as fs from "fs";
import * as path from "path";
import type { AuditReport } from "../engine";

/** Every `stacks/<stack>/kafka-standards/audit.json` under a cdktf output folder, by stack name. */
export function loadAuditReports(outdir: string): AuditReport[] {
  const stacks = path.join(outdir, "stacks");
  if (!fs.existsSync(stacks)) return [];
  return fs
    .readdirSync(stacks)
    .sort()
    .map((stack) => path.join(stacks, stack, "kafka-standards", "audit.json"))
    .filter((file) => fs.existsSync(file))
    .map((file) => JSON.parse(fs.readFileSync(file, "utf8")) as AuditReport);
}
