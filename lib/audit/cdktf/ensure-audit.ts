import { IConstruct } from "constructs";
import { TerraformStack } from "cdktf";
import { KafkaStandardsAudit } from "./aspect";

/**
 * Turns the audit on for the stack of a library construct, with default options, unless the stack
 * already has one (options set with `KafkaStandardsAudit.of` / `forApp` are kept). Every stack that
 * holds a cluster, topic or grant of the library is audited on synth by default.
 */
export function ensureAudit(scope: IConstruct): void {
  KafkaStandardsAudit.ensure(TerraformStack.of(scope));
}
