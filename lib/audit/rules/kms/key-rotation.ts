import { defineRule, fail, notApplicable, notVerifiable, pass } from "../../rule";
import { bool, isUnresolved } from "../../values";
import { KAFKA_KEY_CONSUMER_TYPES, isKafkaKey, kafkaKeyUsers, keyOutOfSight } from "../shared/kms";

/** KMS keys that protect Kafka data rotate yearly. */
export const kmsKeyRotation = defineRule({
  id: "KS-KMS-001",
  area: "KMS",
  severity: "error",
  title: "KMS keys used by Kafka resources have rotation enabled",
  explanation:
    "Keys that encrypt broker volumes, SCRAM secrets or broker logs should rotate so that a leaked key version exposes a bounded window of data. A cluster, secret or log group whose key is outside the document is reported as not verifiable.",
  fix: "Set enable_key_rotation = true on the aws_kms_key.",
  constructFix: {
    MskCluster: "The MskCluster's own key rotates: remove the kmsKeyArn prop, or enable rotation on the key it names.",
  },
  controls: ["CKV_AWS_7", "GDPR-Art.32(1)(a)"],
  compliance: ["gdpr"],
  resourceTypes: ["aws_kms_key", ...KAFKA_KEY_CONSUMER_TYPES],
  evaluate(resource, ctx) {
    if (resource.type !== "aws_kms_key") {
      const link = keyOutOfSight(ctx.doc, resource);
      if (!link.applies) return notApplicable(link.reason);
      return notVerifiable("its KMS key is not in this document: rotation cannot be read", link.missing);
    }
    if (!isKafkaKey(ctx.doc, resource)) {
      return notApplicable("not used by an MSK cluster, SCRAM secret or Kafka log group");
    }
    const raw = resource.attributes.enable_key_rotation;
    if (isUnresolved(raw)) return notVerifiable("enable_key_rotation is an unresolved reference", [String(raw)]);
    if (bool(raw) === true) return pass();
    const users = kafkaKeyUsers(ctx.doc, resource);
    return fail(
      `enable_key_rotation is ${raw === undefined ? "not set" : String(raw)}` +
        (users.length > 0 ? `; used by ${users.map((u) => u.address).join(", ")}` : ""),
    );
  },
});
