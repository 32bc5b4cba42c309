import { BASELINE_REQUIREMENTS } from "../../../standards/broker-baseline";
import { defineRule, fail, notApplicable, pass } from "../../rule";
import { num } from "../../values";
import {
  BASELINE_RULE_TYPES,
  clusterConfigurationResult,
  effective,
  readConfiguration,
  requiredReplication,
} from "../shared/configuration";

const MIN = BASELINE_REQUIREMENTS["default.replication.factor"].min;

/**
 * Broker baseline: `default.replication.factor` at least 3; 2 for a dev cluster of two brokers
 * (the smallest the dev tier allows), as the constructs write it.
 */
export const mskDefaultReplicationFactor = defineRule({
  id: "KS-MSK-024",
  area: "MSK",
  severity: "error",
  title: "MSK configuration sets default.replication.factor to at least 3",
  explanation:
    "Topics created without an explicit replication factor (by tools, Kafka Connect, Streams) get this value; below 3 they lose availability during a rolling update and data with an AZ. Dev clusters of two brokers (which the dev tier allows) use 2.",
  fix: `Set "default.replication.factor=${MIN}".`,
  constructFix: {
    MskCluster:
      'The MskCluster writes the baseline default.replication.factor: remove "default.replication.factor" from the serverProperties prop.',
  },
  controls: [],
  resourceTypes: BASELINE_RULE_TYPES,
  evaluate(configuration, ctx) {
    if (configuration.type === "aws_msk_cluster") {
      return clusterConfigurationResult(configuration, ctx, "default.replication.factor", true);
    }
    const parsed = readConfiguration(configuration, ctx);
    if (!parsed.ok) return parsed.result;
    if (parsed.express) return notApplicable("Express brokers fix the replication factor at 3");
    const required = requiredReplication(configuration, parsed.users, ctx);
    const rf = effective(parsed.props, "default.replication.factor");
    const value = num(rf.value);
    if (value !== undefined && value >= required.replicationFactor) return pass();
    return fail(
      `default.replication.factor is ${rf.value}; ${required.why} requires at least ${required.replicationFactor}`,
    );
  },
});
