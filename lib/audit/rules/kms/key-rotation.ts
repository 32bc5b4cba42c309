import { defineRule, fail, notApplicable, pass } from "../../rule";
import { bool, isUnresolved } from "../../values";
import { kafkaKeyUsers } from "../shared/kms";

/** KMS keys that protect Kafka data rotate yearly. */
export const kmsKeyRotation = defineRule({
  id: "KS-KMS-001",
  area: "KMS",
  severity: "error",
  title: "KMS keys used by Kafka resources have rotation enabled",
  explanation:
    "Keys that encrypt broker volumes, SCRAM secrets or broker logs should rotate so that a leaked key version exposes a bounded window of data.",
  fix: "Set enable_key_rotation = true on the aws_kms_key.",
  controls: ["CKV_AWS_7", "GDPR-Art.32(1)(a)"],
  compliance: ["gdpr"],
  resourceTypes: ["aws_kms_key"],
  evaluate(key, ctx) {
    const users = kafkaKeyUsers(ctx.doc, key);
    if (users.length === 0) return notApplicable("not used by an MSK cluster, SCRAM secret or Kafka log group");
    const raw = key.attributes.enable_key_rotation;
    if (isUnresolved(raw)) return notApplicable("enable_key_rotation is an unresolved reference");
    if (bool(raw) === true) return pass();
    return fail(
      `enable_key_rotation is ${raw === undefined ? "not set" : String(raw)}; used by ${users.map((u) => u.address).join(", ")}`,
    );
  },
});
