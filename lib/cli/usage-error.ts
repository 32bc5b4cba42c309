import { KafkaStandardsError } from "../errors";

/** Bad command-line arguments: printed as one line, exit code 2. */
export class UsageError extends KafkaStandardsError {
  constructor(problem: string) {
    super({
      code: "KSE-CLI-001",
      prop: "arguments",
      value: problem,
      allowed: "see --help",
      fix: "run kafka-standards --help",
    });
    this.name = "UsageError";
    this.message = problem;
  }
}
