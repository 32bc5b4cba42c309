import { brokerInstanceInfo } from "../../../standards/broker-types";
import { TIER_POLICIES } from "../../../standards/tiers";
import { defineRule, fail, notApplicable, notVerifiable, pass } from "../../rule";
import { block, isUnresolved, str } from "../../values";

/** Burstable (t3) brokers only where the tier policy allows them (dev). */
export const mskBurstableBrokers = defineRule({
  id: "KS-MSK-014",
  area: "MSK",
  severity: "warning",
  title: "MSK burstable brokers are used only in dev",
  explanation:
    "kafka.t3.small brokers run on CPU credits, accept 4 new IAM connections per second and hold 300 partitions: a credit drain stalls the cluster.",
  fix: "Use kafka.m7g.large or larger outside dev.",
  constructFix: {
    MskCluster: "Set the MskCluster prop instanceType to BrokerInstanceType.M7G_LARGE or larger outside dev.",
  },
  controls: [],
  resourceTypes: ["aws_msk_cluster"],
  tierDependent: true,
  evaluate(cluster, ctx) {
    const tier = ctx.tierOf(cluster);
    if (!tier) return notApplicable("tier unknown");
    const raw = block(cluster.attributes, "broker_node_group_info")?.instance_type;
    if (isUnresolved(raw)) return notVerifiable("instance_type is an unresolved reference", [String(raw)]);
    const type = str(raw);
    const info = type === undefined ? undefined : brokerInstanceInfo(type);
    if (!info?.burstable || TIER_POLICIES[tier].allowBurstableBrokers) return pass();
    return fail(`burstable instance_type ${type} in the ${tier} tier`);
  },
});
