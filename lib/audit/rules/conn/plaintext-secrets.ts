import { defineRule, fail, pass } from "../../rule";
import { isUnresolved } from "../../values";
import {
  CONNECTOR_TYPES,
  hasInlineJaasPassword,
  isConfigProviderReference,
  isCredentialKey,
  visibleConfig,
  visibleConfigAttribute,
} from "../shared/connectors";

/** No credentials in the non-sensitive connector configuration. */
export const connectorPlaintextSecrets = defineRule({
  id: "KS-CONN-002",
  area: "CONN",
  severity: "error",
  title: "Connector credentials are not in non-sensitive configuration",
  explanation:
    "config_nonsensitive and connector_configuration are stored in plain text in the plan, the state and cdk.tf.json, and shown in every plan diff.",
  fix: "Move credentials to config_sensitive (Confluent) or to a config provider reference such as ${secretsmanager:<secret>:<key>} (MSK Connect).",
  controls: [],
  resourceTypes: CONNECTOR_TYPES,
  evaluate(connector) {
    const attr = visibleConfigAttribute(connector);
    const leaked = Object.entries(visibleConfig(connector))
      .filter(([, v]) => v.trim().length > 0 && !isConfigProviderReference(v))
      .filter(([k, v]) => isCredentialKey(k) || hasInlineJaasPassword(k, v))
      .map(([k, v]) => (isUnresolved(v) ? `${k} (from a Terraform reference)` : k));
    if (leaked.length === 0) return pass();
    return fail(`${attr} holds credentials: ${leaked.sort().join(", ")}`);
  },
});
