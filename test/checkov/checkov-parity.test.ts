/**
 * Independent check of the audit: Checkov 3.3.30 and our rules over the same deliberately insecure
 * Terraform JSON. Every check Checkov fails must be reported by a rule that names that Checkov id in
 * its controls, on the same resource, unless the check is listed below as outside the standard.
 *
 * Needs Checkov: `.venv-checkov/bin/checkov` (created by `.ci/checkov.sh`) or `KS_CHECKOV=<binary>`.
 * Without it the suite is skipped with a note; `.ci/run` provides it.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { auditDocument } from "../../lib/audit/engine";
import { loadDocumentFile } from "../../lib/audit/loaders/load";
import { findCheckov, prepareScanCopy, runCheckov, type CheckovFailure, type CheckovResults } from "./checkov-results";

const ROOT = path.join(__dirname, "..", "..");
const FIXTURE = path.join(ROOT, "test", "fixtures", "audit", "insecure", "cdk.tf.json");
const CHECKOV = findCheckov(ROOT);

/** Checkov checks the fixture trips that are not Kafka controls, with the reason. */
export const OUT_OF_SCOPE: Readonly<Record<string, string>> = {
  CKV2_AWS_64:
    "KMS key policies are account-level IAM design; the standard requires a CMK with rotation (KS-MSK-003, KS-KMS-001), not a particular policy.",
  CKV2_AWS_57:
    "Automatic Secrets Manager rotation needs a rotation function per secret; SCRAM password rotation is an operational procedure outside the Terraform standard.",
  CKV_AWS_24:
    "SSH (22) exposure is not a Kafka control; the all-ports rule that trips it is reported as KS-NET-001 (CKV_AWS_277).",
  CKV_AWS_25:
    "RDP (3389) exposure is not a Kafka control; the all-ports rule that trips it is reported as KS-NET-001 (CKV_AWS_277).",
  CKV_AWS_260:
    "HTTP (80) exposure is not a Kafka control; the all-ports rule that trips it is reported as KS-NET-001 (CKV_AWS_277).",
};

// In CI the scan is mandatory: .ci/run installs Checkov before `npm test`.
if (!CHECKOV && process.env.CI) {
  test("Checkov is installed in CI", () => {
    throw new Error("Checkov not found: .ci/run must run `bash .ci/checkov.sh` before `npm test`.");
  });
}
const suite = CHECKOV ? describe : describe.skip;
if (!CHECKOV) {
  console.warn(
    "checkov-parity: skipped, Checkov not found. Run `bash .ci/checkov.sh` once (creates .venv-checkov) or set KS_CHECKOV=<path to checkov>.",
  );
}

suite("Checkov parity on the insecure fixture", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ks-checkov-"));
  let results: CheckovResults;
  let misses: string[];

  beforeAll(() => {
    const scanDir = path.join(tmp, "scan");
    expect(prepareScanCopy(FIXTURE, path.join(scanDir, "insecure", "cdk.tf.json"))).toBe(true);
    results = runCheckov(CHECKOV!, scanDir);
    const report = auditDocument(loadDocumentFile(FIXTURE));
    const ours = (f: CheckovFailure) =>
      report.findings.some((x) => x.resource === f.address && x.controls.includes(f.checkId));
    misses = results.failures
      .filter((f) => !(f.checkId in OUT_OF_SCOPE) && !ours(f))
      .map((f) => `${f.checkId} ${f.address} (${f.checkName})`);
  }, 120_000);

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test("Checkov parsed the fixture and found the planted MSK problems", () => {
    expect(results.parsingErrors).toBe(0);
    const msk = results.failures
      .filter((f) => f.address === "aws_msk_cluster.insecure")
      .map((f) => f.checkId)
      .sort();
    expect(msk).toEqual(["CKV_AWS_291", "CKV_AWS_80", "CKV_AWS_81"]);
  });

  test("every Checkov failure is reported by a rule naming that check (or is out of scope)", () => {
    expect(misses).toEqual([]);
  });

  test("out-of-scope entries are all still needed", () => {
    const seen = new Set(results.failures.map((f) => f.checkId));
    expect(Object.keys(OUT_OF_SCOPE).filter((id) => !seen.has(id))).toEqual([]);
  });

  test("checkov#7454 still needs the workaround: a string required_version hides every check", () => {
    const raw = path.join(tmp, "raw");
    fs.mkdirSync(raw);
    fs.copyFileSync(FIXTURE, path.join(raw, "cdk.tf.json"));
    const unpatched = runCheckov(CHECKOV!, raw);
    expect([unpatched.parsingErrors, unpatched.failures.length, unpatched.passed]).toEqual([1, 0, 0]);
  }, 120_000);
});
