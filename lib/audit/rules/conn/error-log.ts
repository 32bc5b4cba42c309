import { defineRule, fail, notApplicable, pass } from "../../rule";
import { isUnresolved, show } from "../../values";
import { visibleConfig } from "../shared/connectors";

/** Self-managed connectors log every error and tolerated record to the worker log. */
export const connectorErrorLog = defineRule({
  id: "KS-CONN-004",
  area: "CONN",
  severity: "warning",
  title: "MSK Connect connectors log their errors (errors.log.enable)",
  explanation:
    "Connect logs only the errors that stop a task unless errors.log.enable is true: tolerated failures (records skipped or dead-lettered) then leave no line in the worker log, and the worker log delivery the connector has shows nothing of them.",
  fix: 'Set "errors.log.enable"="true" (and keep "errors.log.include.messages"="false" when records may hold personal data).',
  controls: [],
  resourceTypes: ["aws_mskconnect_connector"],
  evaluate(connector) {
    const config = visibleConfig(connector);
    if (Object.keys(config).length === 0 && isUnresolved(connector.attributes.connector_configuration)) {
      return notApplicable("connector_configuration is an unresolved expression");
    }
    const value = config["errors.log.enable"];
    if (value?.toLowerCase() === "true") return pass();
    return fail(
      value === undefined
        ? "errors.log.enable is not set (Connect's default is false)"
        : `errors.log.enable is ${show(value)}, not "true"`,
    );
  },
});
