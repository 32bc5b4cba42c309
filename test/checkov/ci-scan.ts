/**
 * Helper of `.ci/checkov.sh`:
 *
 *   ci-scan.ts prepare <scan-dir> <stack cdk.tf.json>...   copy stacks to <scan-dir>/<stack>/cdk.tf.json (checkov#7454 workaround)
 *   ci-scan.ts check <scan-dir> <checkov.json> <baseline.json>   exit 1 on failures not accepted by the baseline
 *
 * Baseline (`.ci/checkov-baseline.json`): `{ "accepted": [{ "check", "stack", "resource", "reason" }] }`;
 * `stack` and `resource` may be `"*"`, `reason` needs at least 10 characters. Accepted entries that
 * no longer match anything are reported so the baseline can shrink.
 */
import * as fs from "fs";
import * as path from "path";
import { parseCheckovOutput, prepareScanCopy, type CheckovFailure } from "./checkov-results";

/** One accepted Checkov failure. */
export interface BaselineEntry {
  readonly check: string;
  readonly stack: string;
  readonly resource: string;
  readonly reason: string;
}

/** Read and validate the baseline file. */
export function readBaseline(file: string): BaselineEntry[] {
  const json = JSON.parse(fs.readFileSync(file, "utf8")) as { accepted?: unknown };
  if (!Array.isArray(json.accepted)) throw new Error(`${file}: "accepted" must be an array`);
  return json.accepted.map((e: Partial<BaselineEntry>, i: number) => {
    for (const key of ["check", "stack", "resource", "reason"] as const) {
      if (typeof e[key] !== "string") throw new Error(`${file}: accepted[${i}].${key} must be a string`);
    }
    if ((e.reason as string).trim().length < 10)
      throw new Error(`${file}: accepted[${i}].reason needs at least 10 characters`);
    return e as BaselineEntry;
  });
}

/** The stack a scanned file belongs to (`<stack>/cdk.tf.json`). */
export function stackOf(failure: CheckovFailure): string {
  return failure.file.split(path.sep)[0];
}

/** True when `entry` accepts `failure`. */
export function accepts(entry: BaselineEntry, failure: CheckovFailure): boolean {
  return (
    entry.check === failure.checkId &&
    (entry.stack === "*" || entry.stack === stackOf(failure)) &&
    (entry.resource === "*" || entry.resource === failure.address)
  );
}

function prepare(scanDir: string, files: readonly string[]): number {
  for (const file of files) {
    const stack = path.basename(path.dirname(file));
    const stripped = prepareScanCopy(file, path.join(scanDir, stack, "cdk.tf.json"));
    if (stripped)
      process.stdout.write(`checkov: ${stack}: scanning without terraform.required_version (checkov#7454)\n`);
  }
  return 0;
}

function check(scanDir: string, outputFile: string, baselineFile: string): number {
  const results = parseCheckovOutput(fs.readFileSync(outputFile, "utf8"), scanDir, process.cwd());
  if (results.parsingErrors > 0) {
    process.stderr.write(
      `checkov: ${results.parsingErrors} file(s) could not be parsed; nothing in them was checked\n`,
    );
    return 1;
  }
  const baseline = readBaseline(baselineFile);
  const open = results.failures.filter((f) => !baseline.some((e) => accepts(e, f)));
  const unused = baseline.filter((e) => !results.failures.some((f) => accepts(e, f)));
  process.stdout.write(
    `checkov: ${results.passed} passed, ${results.failures.length} failed, ${results.failures.length - open.length} accepted by ${path.basename(baselineFile)}\n`,
  );
  for (const e of unused)
    process.stdout.write(`checkov: baseline entry no longer needed: ${e.check} ${e.stack} ${e.resource}\n`);
  for (const f of open)
    process.stderr.write(`checkov: FAILED ${f.checkId} ${stackOf(f)} ${f.address}: ${f.checkName}\n`);
  if (open.length > 0) {
    process.stderr.write(
      `checkov: ${open.length} failed check(s) not in ${baselineFile}: fix them, or add them with a reason\n`,
    );
    return 1;
  }
  return 0;
}

if (require.main === module) {
  const [command, ...args] = process.argv.slice(2);
  let code = 2;
  try {
    if (command === "prepare" && args.length >= 1) code = prepare(args[0], args.slice(1));
    else if (command === "check" && args.length === 3) code = check(args[0], args[1], args[2]);
    else
      process.stderr.write(
        "usage: ci-scan.ts prepare <scan-dir> <file>... | check <scan-dir> <checkov.json> <baseline.json>\n",
      );
  } catch (e) {
    process.stderr.write(`checkov: ${e instanceof Error ? e.message : String(e)}\n`);
    code = 2;
  }
  process.exitCode = code;
}
