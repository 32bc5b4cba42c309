/**
 * Running Checkov on Terraform JSON and reading its results, shared by the parity test and
 * `.ci/checkov.sh` (through `ci-scan.ts`).
 *
 * Two Checkov quirks are handled here:
 * - bridgecrewio/checkov#7454: the terraform_json parser fails when `terraform.required_version` is
 *   a plain string; Checkov then reports a parsing error, scans nothing and still exits 0. We scan a
 *   copy without that key (it has no bearing on any check) and treat any parsing error as a failure.
 * - Non-graph checks name a terraform_json resource `resource.<name>` without its type; the line
 *   range Checkov reports is mapped back to the full address (`<type>.<name>`).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

/** One failed Checkov check on one resource. */
export interface CheckovFailure {
  readonly checkId: string;
  readonly checkName: string;
  /** Scanned file, relative to the scan root (e.g. `stack-a/cdk.tf.json`). */
  readonly file: string;
  /** Terraform address (`aws_msk_cluster.main`), or Checkov's own name when it cannot be mapped. */
  readonly address: string;
}

/** Parsed Checkov output. */
export interface CheckovResults {
  readonly failures: readonly CheckovFailure[];
  readonly parsingErrors: number;
  readonly passed: number;
}

/** A resource block's address and line range in a pretty-printed (2-space) Terraform JSON file. */
export interface ResourceLines {
  readonly address: string;
  readonly start: number;
  readonly end: number;
}

/** Line ranges of `resource.<type>.<name>` and `data.<type>.<name>` blocks (1-based, inclusive). */
export function resourceLineRanges(text: string): ResourceLines[] {
  const lines = text.split("\n");
  const keys: string[] = [];
  const open: { address: string; start: number; indent: string }[] = [];
  const out: ResourceLines[] = [];
  lines.forEach((line, i) => {
    const key = /^( *)"((?:[^"\\]|\\.)*)": [{[]\s*$/.exec(line);
    if (key) {
      const depth = key[1].length / 2;
      keys.length = depth;
      keys[depth] = key[2];
      if (depth === 3 && (keys[1] === "resource" || keys[1] === "data")) {
        const address = keys[1] === "data" ? `data.${keys[2]}.${keys[3]}` : `${keys[2]}.${keys[3]}`;
        open.push({ address, start: i + 1, indent: key[1] });
      }
      return;
    }
    const last = open[open.length - 1];
    if (last && new RegExp(`^${last.indent}[}\\]],?\\s*$`).test(line)) {
      out.push({ address: last.address, start: last.start, end: i + 1 });
      open.pop();
    }
  });
  return out;
}

/**
 * Copy a stack's `cdk.tf.json` for scanning, without `terraform.required_version` when it is a
 * string (checkov#7454). Returns true when the key was removed.
 */
export function prepareScanCopy(source: string, target: string): boolean {
  const json = JSON.parse(fs.readFileSync(source, "utf8")) as Record<string, unknown>;
  const terraform = json.terraform as Record<string, unknown> | undefined;
  const strip = typeof terraform?.required_version === "string";
  if (strip) delete terraform!.required_version;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, JSON.stringify(json, null, 2) + "\n");
  return strip;
}

interface RawCheck {
  check_id: string;
  check_name?: string;
  resource: string;
  file_abs_path?: string;
  file_path?: string;
  file_line_range?: [number, number];
}

/** Parse `checkov -o json` output of a scan of `root` (run with `cwd`). */
export function parseCheckovOutput(output: string, root: string, cwd: string): CheckovResults {
  const parsed = JSON.parse(output) as unknown;
  const reports = (Array.isArray(parsed) ? parsed : [parsed]) as {
    results?: { failed_checks?: RawCheck[] };
    summary?: { parsing_errors?: number; passed?: number };
    parsing_errors?: number;
    passed?: number;
  }[];
  const rangesByFile = new Map<string, ResourceLines[]>();
  const failures: CheckovFailure[] = [];
  let parsingErrors = 0;
  let passed = 0;
  for (const report of reports) {
    parsingErrors += report.summary?.parsing_errors ?? report.parsing_errors ?? 0;
    passed += report.summary?.passed ?? report.passed ?? 0;
    for (const check of report.results?.failed_checks ?? []) {
      const abs = path.resolve(cwd, check.file_abs_path ?? path.join(root, check.file_path ?? ""));
      if (!rangesByFile.has(abs)) {
        rangesByFile.set(abs, fs.existsSync(abs) ? resourceLineRanges(fs.readFileSync(abs, "utf8")) : []);
      }
      const start = check.file_line_range?.[0] ?? -1;
      const hit = rangesByFile
        .get(abs)!
        .filter((r) => r.start <= start && start <= r.end)
        .sort((a, b) => b.start - a.start)[0];
      failures.push({
        checkId: check.check_id,
        checkName: check.check_name ?? "",
        file: path.relative(path.resolve(cwd, root), abs),
        address: hit?.address ?? check.resource,
      });
    }
  }
  return { failures, parsingErrors, passed };
}

/** Run Checkov's terraform_json framework over `root`. Throws when Checkov cannot run. */
export function runCheckov(binary: string, root: string): CheckovResults {
  const cwd = path.dirname(root);
  const result = spawnSync(
    binary,
    [
      "--framework",
      "terraform_json",
      "-d",
      root,
      "--skip-download",
      "--quiet",
      "--compact",
      "--soft-fail",
      "-o",
      "json",
    ],
    { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.error) throw result.error;
  if (result.status !== 0)
    throw new Error(`checkov exited with ${result.status}: ${result.stderr.split("\n").slice(-5).join(" ")}`);
  return parseCheckovOutput(result.stdout, root, cwd);
}

/** The Checkov binary: `KS_CHECKOV`, else the repository's `.venv-checkov`, else undefined. */
export function findCheckov(repoRoot: string): string | undefined {
  const fromEnv = process.env.KS_CHECKOV;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  const venv = path.join(repoRoot, ".venv-checkov", "bin", "checkov");
  return fs.existsSync(venv) ? venv : undefined;
}
