import { defineRule, fail, notVerifiable, pass } from "../../rule";
import { isUnresolved } from "../../values";
import {
  CONNECTOR_TYPES,
  allConfigKeys,
  isSinkConnector,
  visibleConfig,
  visibleConfigAttribute,
} from "../shared/connectors";

/**
 * Connectors declare their error handling: `errors.tolerance`, and for a sink that tolerates errors,
 * a dead-letter-queue topic, so bad records are kept rather than dropped.
 */
export const connectorErrorHandling = defineRule({
  id: "KS-CONN-001",
  area: "CONN",
  severity: "warning",
  title: "Connectors declare error handling (errors.tolerance, DLQ for sinks)",
  explanation:
    "Left implicit, the first malformed record either stops the pipeline (errors.tolerance=none) or, with errors.tolerance=all and no dead-letter queue, is dropped without trace.",
  fix: 'Set "errors.tolerance" explicitly; with "all" on a sink also set "errors.deadletterqueue.topic.name" (and "errors.deadletterqueue.context.headers.enable=true").',
  controls: [],
  resourceTypes: CONNECTOR_TYPES,
  evaluate(connector) {
    const config = visibleConfig(connector);
    const keys = allConfigKeys(connector);
    const attr = visibleConfigAttribute(connector);
    if (Object.keys(config).length === 0 && isUnresolved(connector.attributes[attr])) {
      return notVerifiable(`${attr} is an unresolved expression`, [String(connector.attributes[attr])]);
    }
    const tolerance = config["errors.tolerance"];
    if (tolerance === undefined && !keys.has("errors.tolerance")) {
      return fail(`${attr} does not set errors.tolerance`);
    }
    if (
      tolerance?.toLowerCase() === "all" &&
      isSinkConnector(config) &&
      !keys.has("errors.deadletterqueue.topic.name")
    ) {
      return fail(
        "sink connector with errors.tolerance=all has no errors.deadletterqueue.topic.name: failed records are dropped",
      );
    }
    return pass();
  },
});
