import { MSK_SCRAM_SECRET_PREFIX } from "../../../standards/naming";
import { defineRule, fail, notApplicable, notVerifiable, pass } from "../../rule";
import { isUnresolved, show } from "../../values";
import { SCRAM_ASSOCIATION_TYPES, associationSecretRefs, scramEvidence, secretName } from "../shared/kms";

/** The secret name inside a Secrets Manager ARN (`…:secret:<name>-<6 random characters>`). */
function nameInSecretArn(value: string): string | undefined {
  return /^arn:[^:]+:secretsmanager:[^:]*:[^:]*:secret:(.+)-[A-Za-z0-9]{6}$/.exec(value)?.[1];
}

/** SCRAM secrets are named with the `AmazonMSK_` prefix MSK requires. */
export const scramSecretName = defineRule({
  id: "KS-SCRAM-002",
  area: "SCRAM",
  severity: "error",
  title: "SCRAM secrets are named AmazonMSK_…",
  explanation:
    "MSK only associates Secrets Manager secrets whose name starts with AmazonMSK_; the apply fails otherwise. A secret outside the document is checked by the name its ARN carries.",
  fix: `Name the secret ${MSK_SCRAM_SECRET_PREFIX}<user> (name or name_prefix).`,
  controls: [],
  resourceTypes: ["aws_secretsmanager_secret", ...SCRAM_ASSOCIATION_TYPES],
  evaluate(resource, ctx) {
    if (resource.type !== "aws_secretsmanager_secret") {
      const missing: string[] = [];
      const wrong: string[] = [];
      let verified = 0;
      for (const ref of associationSecretRefs(resource)) {
        for (const out of ctx.doc.outside(ref)) {
          const name = isUnresolved(out) ? undefined : nameInSecretArn(out);
          if (name === undefined) missing.push(out);
          else if (!name.startsWith(MSK_SCRAM_SECRET_PREFIX)) wrong.push(name);
          else verified++;
        }
      }
      if (wrong.length > 0) {
        return fail(`associates secret ${wrong.map(show).join(", ")}, not named ${MSK_SCRAM_SECRET_PREFIX}…`);
      }
      if (missing.length > 0) return notVerifiable("the associated secret's name is not in this document", missing);
      if (verified > 0) return pass();
      return notApplicable("the associated secrets are checked on their aws_secretsmanager_secret");
    }
    if (scramEvidence(ctx.doc, resource) !== "associated") {
      return notApplicable("no association in this document names the secret");
    }
    const raw = resource.attributes.name ?? resource.attributes.name_prefix;
    if (isUnresolved(raw)) return notVerifiable("name is an unresolved reference", [String(raw)]);
    const name = secretName(resource);
    if (name?.startsWith(MSK_SCRAM_SECRET_PREFIX)) return pass();
    return fail(`secret name ${show(name)} does not start with ${MSK_SCRAM_SECRET_PREFIX}`);
  },
});
