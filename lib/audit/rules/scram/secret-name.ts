import { MSK_SCRAM_SECRET_PREFIX } from "../../../standards/naming";
import { defineRule, fail, notApplicable, pass } from "../../rule";
import { isUnresolved, show, str } from "../../values";
import { scramSecrets } from "../shared/kms";

/** SCRAM secrets are named with the `AmazonMSK_` prefix MSK requires. */
export const scramSecretName = defineRule({
  id: "KS-SCRAM-002",
  area: "SCRAM",
  severity: "error",
  title: "SCRAM secrets are named AmazonMSK_…",
  explanation:
    "MSK only associates Secrets Manager secrets whose name starts with AmazonMSK_; the apply fails otherwise.",
  fix: `Name the secret ${MSK_SCRAM_SECRET_PREFIX}<user> (name or name_prefix).`,
  controls: [],
  resourceTypes: ["aws_secretsmanager_secret"],
  evaluate(secret, ctx) {
    if (!scramSecrets(ctx.doc).includes(secret)) return notApplicable("not associated with an MSK cluster");
    const raw = secret.attributes.name ?? secret.attributes.name_prefix;
    if (isUnresolved(raw)) return notApplicable("name is an unresolved reference");
    const name = str(raw);
    if (name?.startsWith(MSK_SCRAM_SECRET_PREFIX)) return pass();
    return fail(`secret name ${show(name)} does not start with ${MSK_SCRAM_SECRET_PREFIX}`);
  },
});
