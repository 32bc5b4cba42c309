import { brokerInstanceInfo } from "../../../standards/broker-types";
import { defineRule, fail, notVerifiable, pass } from "../../rule";
import { block, isUnresolved, show, str } from "../../values";

/** The broker instance type is in the catalog (flagged for `BrokerInstanceType.of(...)` escape hatches). */
export const mskBrokerTypeKnown = defineRule({
  id: "KS-MSK-012",
  area: "MSK",
  severity: "warning",
  title: "MSK broker instance type is in the catalog",
  explanation:
    "Partition limits and throughput guidance exist only for catalogued types; sizing checks cannot assess an unknown type.",
  fix: "Use a type from lib/standards/broker-types.ts (kafka.m7g.large is the default) or add the type there.",
  constructFix: {
    MskCluster:
      "Use a BrokerInstanceType constant for the MskCluster prop instanceType instead of BrokerInstanceType.of(\u2026), or add the type to lib/standards/broker-types.ts.",
  },
  controls: [],
  resourceTypes: ["aws_msk_cluster"],
  evaluate(cluster) {
    const raw = block(cluster.attributes, "broker_node_group_info")?.instance_type;
    if (isUnresolved(raw)) return notVerifiable("instance_type is an unresolved reference", [String(raw)]);
    const type = str(raw);
    if (type === undefined) return fail("broker_node_group_info.instance_type is not set");
    if (brokerInstanceInfo(type)) return pass();
    return fail(`instance_type ${show(type)} is not in the broker catalog`);
  },
});
