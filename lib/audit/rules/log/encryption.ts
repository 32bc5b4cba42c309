import { defineRule, fail, notApplicable, pass } from "../../rule";
import { logGroupUsers } from "../shared/msk";
import { keyKind } from "../shared/kms";

/** Broker and connector log groups are encrypted with a customer-managed KMS key. */
export const logEncryption = defineRule({
  id: "KS-LOG-002",
  area: "LOG",
  severity: "warning",
  title: "Kafka log groups are encrypted with a customer-managed KMS key",
  explanation:
    "Broker logs name principals, client addresses and topics; a customer-managed key lets the account restrict and audit who can read them.",
  fix: "Set kms_key_id to a customer-managed key whose policy allows the logs service principal.",
  controls: ["CKV_AWS_158", "GDPR-Art.32(1)(a)"],
  compliance: ["gdpr"],
  resourceTypes: ["aws_cloudwatch_log_group"],
  evaluate(group, ctx) {
    if (logGroupUsers(ctx.doc, group).length === 0) return notApplicable("not a broker or connector log destination");
    const kind = keyKind(group.attributes.kms_key_id);
    if (kind === "customer") return pass();
    return fail(kind === "missing" ? "kms_key_id is not set" : "kms_key_id names an AWS-managed key");
  },
});
