import { TIER_POLICIES } from "../../../standards/tiers";
import { defineRule, fail, notApplicable, notVerifiable, pass } from "../../rule";
import { block, isUnresolved, num, strings } from "../../values";

/** Broker count and AZ spread meet the tier minimum (3 brokers over 3 AZs in staging and prod). */
export const mskBrokerSpread = defineRule({
  id: "KS-MSK-013",
  area: "MSK",
  severity: "error",
  title: "MSK broker count and AZ spread meet the tier minimum",
  explanation:
    "RF 3 with min ISR 2 survives one AZ loss and a rolling update only with at least three brokers in three AZs.",
  fix: "Raise number_of_broker_nodes and give broker_node_group_info.client_subnets one subnet per AZ, up to the tier minimum.",
  constructFix: {
    MskCluster: "Raise the MskCluster props brokerNodes and clientSubnetIds (one subnet per AZ) to the tier minimum.",
  },
  controls: [],
  resourceTypes: ["aws_msk_cluster"],
  tierDependent: true,
  evaluate(cluster, ctx) {
    const tier = ctx.tierOf(cluster);
    if (!tier) return notApplicable("tier unknown");
    const policy = TIER_POLICIES[tier];
    const problems: string[] = [];
    const brokers = num(cluster.attributes.number_of_broker_nodes);
    if (brokers !== undefined && brokers < policy.minBrokerNodes) {
      problems.push(`number_of_broker_nodes ${brokers} < ${policy.minBrokerNodes}`);
    }
    const subnets = block(cluster.attributes, "broker_node_group_info")?.client_subnets;
    // MSK places each client subnet in a distinct AZ, so the count of the list is the AZ count,
    // even when its elements are references; a list that is one reference cannot be counted.
    const list = strings(subnets);
    if (!isUnresolved(subnets) && list.length > 0 && list.length < policy.minAvailabilityZones) {
      problems.push(`${list.length} client_subnets < ${policy.minAvailabilityZones} availability zones`);
    }
    if (problems.length === 0 && isUnresolved(subnets)) {
      return notVerifiable("client_subnets is an unresolved reference: its AZs cannot be counted", [String(subnets)]);
    }
    if (problems.length === 0) return pass();
    return fail(
      `${tier} tier requires ${policy.minBrokerNodes} brokers over ${policy.minAvailabilityZones} AZs: ${problems.join("; ")}`,
    );
  },
});
