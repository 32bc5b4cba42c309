import { KafkaStandardsError } from "../errors";
import type { KafkaStandardsErrorCode } from "../error-codes";

/** A problem with the cluster or the options of `inspect`: printed as one line, exit code 2. */
export class InspectError extends KafkaStandardsError {
  constructor(
    code: KafkaStandardsErrorCode & `KSE-INSPECT-${string}`,
    prop: string,
    value: unknown,
    line: string,
    fix: string,
  ) {
    super({ code, prop, value, allowed: line, fix });
    this.name = "InspectError";
    this.message = `${line} [${code}]`;
  }
}
