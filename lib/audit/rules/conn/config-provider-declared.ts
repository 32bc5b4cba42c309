import { defineRule, fail, notApplicable, pass } from "../../rule";
import { block, str } from "../../values";
import { visibleConfig } from "../shared/connectors";
import { propertiesOf, referencedProviders } from "../shared/connect";

/**
 * An MSK Connect connector that references a config provider runs with a worker configuration
 * declaring it; otherwise the worker passes the reference on as a literal (a wrong password at best).
 */
export const configProviderDeclared = defineRule({
  id: "KS-CONN-007",
  area: "CONN",
  severity: "error",
  title: "Config-provider references in MSK Connect connectors are declared in their worker configuration",
  explanation:
    "MSK Connect resolves ${secretsmanager:…} only when the worker configuration lists the provider in config.providers with its class; without it the connector receives the reference text itself and fails to authenticate, or worse, a plugin logs it.",
  fix: "Attach a worker configuration with config.providers=secretsmanager and config.providers.secretsmanager.class=com.amazonaws.kafka.config.providers.SecretsManagerConfigProvider (and the provider's jar in the plugin).",
  controls: [],
  resourceTypes: ["aws_mskconnect_connector"],
  evaluate(connector, ctx) {
    const used = referencedProviders(Object.values(visibleConfig(connector)));
    if (used.length === 0) return notApplicable("no config-provider reference in connector_configuration");
    const arn = block(connector.attributes, "worker_configuration")?.arn;
    if (arn === undefined) {
      return fail(
        `references ${used.join(", ")} but has no worker_configuration: the default worker declares no provider`,
      );
    }
    const worker = ctx.doc.resolve(arn);
    if (!worker || worker.type !== "aws_mskconnect_worker_configuration") {
      return notApplicable("the worker configuration is not in this document");
    }
    const props = propertiesOf(str(worker.attributes.properties_file_content) ?? "");
    const declared = (props["config.providers"] ?? "").split(",").map((p) => p.trim().toLowerCase());
    const missing = used.filter((p) => !declared.includes(p) || !props[`config.providers.${p}.class`]);
    if (missing.length === 0) return pass();
    return fail(
      `worker configuration ${worker.address} does not declare config provider(s) ${missing.join(", ")} (config.providers and its .class)`,
    );
  },
});
