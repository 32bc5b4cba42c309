import { defineRule, fail, notApplicable, pass } from "../../rule";
import { isUnresolved, str } from "../../values";
import { hasInlineJaasPassword, isConfigProviderReference, isCredentialKey } from "../shared/connectors";
import { credentialPart, propertiesOf } from "../shared/connect";

/** No credential sits in an MSK Connect worker configuration: it is stored and shown in plain text. */
export const workerConfigurationSecrets = defineRule({
  id: "KS-CONN-006",
  area: "CONN",
  severity: "error",
  title: "MSK Connect worker configurations hold no credentials",
  explanation:
    "properties_file_content is plain text in cdk.tf.json, the plan, the state and the MSK Connect console; a password or key there is readable by anyone who can read any of them.",
  fix: "Keep credentials in Secrets Manager and reference them with a config provider (${secretsmanager:<secret>:<key>}) declared in the worker configuration.",
  controls: [],
  resourceTypes: ["aws_mskconnect_worker_configuration"],
  evaluate(worker) {
    const text = str(worker.attributes.properties_file_content);
    if (text === undefined) return notApplicable("properties_file_content is not a string");
    const props = propertiesOf(text);
    const leaked = Object.entries(props)
      .filter(([, v]) => v.trim().length > 0 && !isConfigProviderReference(v))
      .filter(([k, v]) => isCredentialKey(credentialPart(k)) || hasInlineJaasPassword(k, v))
      .map(([k, v]) => (isUnresolved(v) ? `${k} (from a Terraform reference)` : k));
    if (leaked.length === 0) return pass();
    return fail(`properties_file_content holds credentials: ${leaked.sort().join(", ")}`);
  },
});
