import { defineRule, fail, notApplicable, notVerifiable, pass } from "../../rule";
import { SCRAM_ASSOCIATION_TYPES, associationSecretRefs, keyKind, scramEvidence } from "../shared/kms";

/** SCRAM secrets are encrypted with a customer-managed key (MSK cannot read secrets under the default key). */
export const scramSecretCmk = defineRule({
  id: "KS-SCRAM-001",
  area: "SCRAM",
  severity: "error",
  title: "SCRAM secrets are encrypted with a customer-managed KMS key",
  explanation:
    "MSK rejects secrets encrypted with the default aws/secretsmanager key, and a customer-managed key lets the account control who can read the passwords. A secret is a SCRAM secret when an association names it, or, when its association is out of sight, when its name starts with AmazonMSK_ (MSK associates no other).",
  fix: "Set kms_key_id on the aws_secretsmanager_secret to a customer-managed key whose policy allows MSK.",
  constructFix: {
    MskCluster:
      "The MskCluster encrypts its SCRAM secrets with its own key: remove the kmsKeyArn prop, or pass the ARN of a customer-managed key whose policy allows MSK and Secrets Manager.",
  },
  controls: ["CKV_AWS_149"],
  resourceTypes: ["aws_secretsmanager_secret", ...SCRAM_ASSOCIATION_TYPES],
  evaluate(resource, ctx) {
    if (resource.type !== "aws_secretsmanager_secret") {
      const missing = associationSecretRefs(resource).flatMap((ref) => ctx.doc.outside(ref));
      if (missing.length > 0) {
        return notVerifiable("the associated secret is not in this document: its kms_key_id cannot be read", missing);
      }
      return notApplicable("the associated secrets are checked on their aws_secretsmanager_secret");
    }
    if (!scramEvidence(ctx.doc, resource)) {
      return notApplicable("not a SCRAM secret: no association names it and its name does not start with AmazonMSK_");
    }
    const kind = keyKind(resource.attributes.kms_key_id);
    if (kind === "customer") return pass();
    return fail(
      kind === "missing"
        ? "kms_key_id is not set: the default aws/secretsmanager key is used"
        : "kms_key_id names an AWS-managed key",
    );
  },
});
