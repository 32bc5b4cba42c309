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

const MIN = BASELINE_REQUIREMENTS["min.insync.replicas"].min;

/**
 * Broker baseline: `min.insync.replicas` at least 2 and at most `default.replication.factor` − 1.
 * A dev cluster of two brokers (the smallest the dev tier allows) gets RF 2 and min ISR 1 from the
 * same baseline the constructs write, and passes.
 */
export const mskMinInsyncReplicas = defineRule({
  id: "KS-MSK-022",
  area: "MSK",
  severity: "error",
  title: "MSK configuration sets min.insync.replicas between 2 and RF − 1",
  explanation:
    "min ISR 1 acknowledges acks=all writes held by a single broker; min ISR equal to the replication factor blocks every acks=all producer while one broker restarts in a rolling update. Dev clusters of two brokers (which the dev tier allows) use min ISR 1.",
  fix: `Set "min.insync.replicas=${MIN}" with "default.replication.factor=3".`,
  constructFix: {
    MskCluster:
      'The MskCluster writes the baseline min.insync.replicas: remove "min.insync.replicas" from the serverProperties prop.',
  },
  controls: [],
  resourceTypes: BASELINE_RULE_TYPES,
  evaluate(configuration, ctx) {
    if (configuration.type === "aws_msk_cluster") {
      return clusterConfigurationResult(configuration, ctx, "min.insync.replicas", true);
    }
    const parsed = readConfiguration(configuration, ctx);
    if (!parsed.ok) return parsed.result;
    if (parsed.express) return notApplicable("Express brokers fix min.insync.replicas = 2");
    const required = requiredReplication(configuration, parsed.users, ctx);
    const isr = effective(parsed.props, "min.insync.replicas");
    const rf = effective(parsed.props, "default.replication.factor");
    const minIsr = num(isr.value);
    const replication = num(rf.value);
    if (minIsr === undefined) return fail(`min.insync.replicas ${JSON.stringify(isr.value)} is not a number`);
    if (minIsr < required.minInsyncReplicas) {
      return fail(`min.insync.replicas is ${minIsr}; ${required.why} requires at least ${required.minInsyncReplicas}`);
    }
    if (replication !== undefined && replication > 1 && minIsr > replication - 1) {
      return fail(
        `min.insync.replicas ${minIsr} > default.replication.factor ${replication} − 1: acks=all producers block during rolling updates`,
      );
    }
    return pass();
  },
});
