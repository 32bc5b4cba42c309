import { BASELINE_REQUIREMENTS } from "../../../standards/broker-baseline";
import { defineRule, fail, notApplicable, pass } from "../../rule";
import { effective, readConfiguration } from "../shared/configuration";

const KEY = "unclean.leader.election.enable";
const REQUIRED = BASELINE_REQUIREMENTS[KEY].equals;

/** Broker baseline: `unclean.leader.election.enable=false` in every MSK configuration. */
export const mskUncleanLeaderElection = defineRule({
  id: "KS-MSK-020",
  area: "MSK",
  severity: "error",
  title: "MSK configuration disables unclean leader election",
  explanation:
    "With unclean leader election an out-of-sync replica can become leader and acknowledged writes are silently lost. MSK's default for Standard brokers is true.",
  fix: `Add "${KEY}=${REQUIRED}" to server_properties.`,
  controls: [],
  resourceTypes: ["aws_msk_configuration"],
  evaluate(configuration, ctx) {
    const parsed = readConfiguration(configuration, ctx);
    if (!parsed.ok) return parsed.result;
    if (parsed.express) return notApplicable("Express brokers fix unclean.leader.election.enable = false");
    const { value, defaulted } = effective(parsed.props, KEY);
    if (value === REQUIRED) return pass();
    return fail(
      `${KEY} is ${value}${defaulted ? " (MSK default: key not set)" : ""}; the baseline requires ${REQUIRED}`,
    );
  },
});
