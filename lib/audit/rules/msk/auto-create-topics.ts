import { BASELINE_REQUIREMENTS } from "../../../standards/broker-baseline";
import { defineRule, fail, pass } from "../../rule";
import { effective, readConfiguration } from "../shared/configuration";

const KEY = "auto.create.topics.enable";
const REQUIRED = BASELINE_REQUIREMENTS[KEY].equals;

/** Broker baseline: `auto.create.topics.enable=false` in every MSK configuration. */
export const mskAutoCreateTopics = defineRule({
  id: "KS-MSK-021",
  area: "MSK",
  severity: "error",
  title: "MSK configuration disables topic auto-creation",
  explanation:
    "Auto-created topics get broker defaults (one partition, no class, no owner) and appear from typos in client configuration.",
  fix: `Add "${KEY}=${REQUIRED}" to server_properties.`,
  controls: [],
  resourceTypes: ["aws_msk_configuration"],
  evaluate(configuration, ctx) {
    const parsed = readConfiguration(configuration, ctx);
    if (!parsed.ok) return parsed.result;
    const { value, defaulted } = effective(parsed.props, KEY);
    if (value === REQUIRED) return pass();
    return fail(
      `${KEY} is ${value}${defaulted ? " (MSK default: key not set)" : ""}; the baseline requires ${REQUIRED}`,
    );
  },
});
