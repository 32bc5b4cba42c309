import { BASELINE_REQUIREMENTS } from "../../../standards/broker-baseline";
import { defineRule, fail, notApplicable, pass } from "../../rule";
import { num } from "../../values";
import { effective, readConfiguration } from "../shared/configuration";

const MIN = BASELINE_REQUIREMENTS["default.replication.factor"].min;

/** Broker baseline: `default.replication.factor` at least 3. */
export const mskDefaultReplicationFactor = defineRule({
  id: "KS-MSK-024",
  area: "MSK",
  severity: "error",
  title: "MSK configuration sets default.replication.factor to at least 3",
  explanation:
    "Topics created without an explicit replication factor (by tools, Kafka Connect, Streams) get this value; below 3 they lose availability during a rolling update and data with an AZ.",
  fix: `Set "default.replication.factor=${MIN}".`,
  controls: [],
  resourceTypes: ["aws_msk_configuration"],
  evaluate(configuration, ctx) {
    const parsed = readConfiguration(configuration, ctx);
    if (!parsed.ok) return parsed.result;
    if (parsed.express) return notApplicable("Express brokers fix the replication factor at 3");
    const rf = effective(parsed.props, "default.replication.factor");
    const value = num(rf.value);
    if (value !== undefined && value >= MIN) return pass();
    return fail(`default.replication.factor is ${rf.value}; the baseline requires at least ${MIN}`);
  },
});
