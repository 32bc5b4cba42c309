import { defineRule, fail, notApplicable, pass } from "../../rule";
import { keyKind, scramSecrets } from "../shared/kms";

/** SCRAM secrets are encrypted with a customer-managed key (MSK cannot read secrets under the default key). */
export const scramSecretCmk = defineRule({
  id: "KS-SCRAM-001",
  area: "SCRAM",
  severity: "error",
  title: "SCRAM secrets are encrypted with a customer-managed KMS key",
  explanation:
    "MSK rejects secrets encrypted with the default aws/secretsmanager key, and a customer-managed key lets the account control who can read the passwords.",
  fix: "Set kms_key_id on the aws_secretsmanager_secret to a customer-managed key whose policy allows MSK.",
  controls: ["CKV_AWS_149"],
  resourceTypes: ["aws_secretsmanager_secret"],
  evaluate(secret, ctx) {
    if (!scramSecrets(ctx.doc).includes(secret)) return notApplicable("not associated with an MSK cluster");
    const kind = keyKind(secret.attributes.kms_key_id);
    if (kind === "customer") return pass();
    return fail(
      kind === "missing"
        ? "kms_key_id is not set: the default aws/secretsmanager key is used"
        : "kms_key_id names an AWS-managed key",
    );
  },
});
