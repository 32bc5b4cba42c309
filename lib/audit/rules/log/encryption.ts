import { defineRule, fail, notApplicable, notVerifiable, pass } from "../../rule";
import { LOG_GROUP_USER_TYPES, isKafkaLogGroup, logGroupOutOfSight } from "../shared/msk";
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
  constructFix: {
    MskCluster:
      "The MskCluster encrypts its log group with its own key: remove the kmsKeyArn prop, or name a customer-managed key whose policy allows CloudWatch Logs.",
  },
  controls: ["CKV_AWS_158", "GDPR-Art.32(1)(a)"],
  compliance: ["gdpr"],
  resourceTypes: ["aws_cloudwatch_log_group", ...LOG_GROUP_USER_TYPES],
  evaluate(resource, ctx) {
    if (resource.type !== "aws_cloudwatch_log_group") {
      const link = logGroupOutOfSight(ctx.doc, resource);
      if (!link.applies) return notApplicable(link.reason);
      return notVerifiable("its log group is not in this document: kms_key_id cannot be read", link.missing);
    }
    if (!isKafkaLogGroup(ctx.doc, resource)) return notApplicable("not a broker or connector log destination");
    const kind = keyKind(resource.attributes.kms_key_id);
    if (kind === "customer") return pass();
    return fail(kind === "missing" ? "kms_key_id is not set" : "kms_key_id names an AWS-managed key");
  },
});
