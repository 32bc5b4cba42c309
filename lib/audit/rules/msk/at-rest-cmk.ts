import { defineRule, fail, pass } from "../../rule";
import { block } from "../../values";
import { keyKind } from "../shared/kms";

/**
 * Data at rest is encrypted with a customer-managed KMS key. Trivy AVD-AWS-0179 counts at-rest
 * encryption as enabled only when `encryption_at_rest_kms_key_arn` is set; without it MSK uses the
 * AWS-managed `aws/kafka` key, whose policy and rotation the account cannot control.
 */
export const mskAtRestCmk = defineRule({
  id: "KS-MSK-003",
  area: "MSK",
  severity: "error",
  title: "MSK data at rest is encrypted with a customer-managed KMS key",
  explanation:
    "Without encryption_at_rest_kms_key_arn MSK uses the AWS-managed aws/kafka key: its key policy cannot restrict who decrypts broker volumes, and access to it cannot be revoked.",
  fix: "Create an aws_kms_key with enable_key_rotation = true and set encryption_info.encryption_at_rest_kms_key_arn to its ARN.",
  constructFix: {
    MskCluster:
      "Remove the MskCluster prop kmsKeyArn (the construct creates a rotating key), or pass the ARN of a customer-managed key.",
  },
  controls: ["AVD-AWS-0179", "GDPR-Art.32(1)(a)"],
  compliance: ["gdpr"],
  resourceTypes: ["aws_msk_cluster"],
  evaluate(cluster) {
    const value = block(cluster.attributes, "encryption_info")?.encryption_at_rest_kms_key_arn;
    const kind = keyKind(value);
    if (kind === "missing")
      return fail("encryption_info.encryption_at_rest_kms_key_arn is not set: the AWS-managed key is used");
    if (kind === "aws-managed")
      return fail(`encryption_at_rest_kms_key_arn names an AWS-managed key (${String(value)})`);
    return pass();
  },
});
