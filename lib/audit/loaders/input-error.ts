import { KafkaStandardsError, type KafkaStandardsErrorCode } from "../../errors";

/** What an audit input must be. */
export const ACCEPTED_INPUT =
  "a cdktf cdk.tf.json or Terraform JSON configuration, or `terraform show -json` output of a plan or state";

/**
 * An audit input that cannot be used: missing file, bad JSON, or not a Terraform document.
 * The CLI maps it to exit code 2 and prints `file: problem` on one line.
 */
export class AuditInputError extends KafkaStandardsError {
  /** The input that failed (file path or document name). */
  public readonly file: string;
  /** What is wrong with it, in a few words. */
  public readonly problem: string;

  constructor(code: KafkaStandardsErrorCode, file: string, problem: string, fix: string) {
    super({ code, prop: `audit input (${problem})`, value: file, allowed: ACCEPTED_INPUT, fix });
    this.name = "AuditInputError";
    this.file = file;
    this.problem = problem;
  }
}

/** Error codes of unusable input. */
export const INPUT_ERROR_CODES = Object.freeze({
  unreadable: "KSE-AUDIT-020",
  badJson: "KSE-AUDIT-021",
  notTerraform: "KSE-AUDIT-022",
} as const);
