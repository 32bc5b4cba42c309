import { defineRule, fail, notApplicable, pass } from "../../rule";
import { isUnresolved } from "../../values";
import { CONNECTOR_TYPES, allConfigKeys, visibleConfig, visibleConfigAttribute } from "../shared/connectors";
import { connectorDirection } from "../shared/connect";

/**
 * Every sink skips a record it cannot write into a dead-letter topic, with the context headers that
 * say where it came from and why it failed.
 */
export const connectorDeadLetterQueue = defineRule({
  id: "KS-CONN-003",
  area: "CONN",
  severity: "warning",
  title: "Sink connectors route failed records to a dead-letter topic with context headers",
  explanation:
    "Without a dead-letter topic a sink either stops at the first record it cannot convert (errors.tolerance=none), halting the whole pipeline, or drops it. Without context headers a dead-lettered record no longer says which topic, partition and offset it came from, nor which exception rejected it.",
  fix: 'Set "errors.tolerance"="all", "errors.deadletterqueue.topic.name" to a topic of class dlq and "errors.deadletterqueue.context.headers.enable"="true" (self-managed Connect). Confluent Cloud sinks default to tolerance all with a dead-letter topic.',
  controls: [],
  resourceTypes: CONNECTOR_TYPES,
  evaluate(connector) {
    const attr = visibleConfigAttribute(connector);
    const config = visibleConfig(connector);
    if (Object.keys(config).length === 0 && isUnresolved(connector.attributes[attr])) {
      return notApplicable(`${attr} is an unresolved expression`);
    }
    if (connectorDirection(connector) !== "sink") return notApplicable("not a sink connector");
    const managed = connector.type === "confluent_connector";
    const keys = allConfigKeys(connector);
    // Connect's own default is none; Confluent Cloud's managed sinks default to all (patterns-facts C4).
    const tolerance = (config["errors.tolerance"] ?? (managed ? "all" : "none")).toLowerCase();
    if (tolerance === "none") {
      return fail("errors.tolerance is none: the first record the sink cannot write stops it; no dead-letter topic");
    }
    if (managed) return pass();
    if (!keys.has("errors.deadletterqueue.topic.name"))
      return fail(`${attr} names no errors.deadletterqueue.topic.name`);
    if (config["errors.deadletterqueue.context.headers.enable"]?.toLowerCase() !== "true") {
      return fail(
        "errors.deadletterqueue.context.headers.enable is not true: dead-lettered records lose their origin and exception",
      );
    }
    return pass();
  },
});
