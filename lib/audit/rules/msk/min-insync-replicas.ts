import { BASELINE_REQUIREMENTS } from "../../../standards/broker-baseline";
import { defineRule, fail, notApplicable, pass } from "../../rule";
import { num } from "../../values";
import { effective, readConfiguration } from "../shared/configuration";

const MIN = BASELINE_REQUIREMENTS["min.insync.replicas"].min;

/** Broker baseline: `min.insync.replicas` at least 2 and at most `default.replication.factor` − 1. */
export const mskMinInsyncReplicas = defineRule({
  id: "KS-MSK-022",
  area: "MSK",
  severity: "error",
  title: "MSK configuration sets min.insync.replicas between 2 and RF − 1",
  explanation:
    "min ISR 1 acknowledges acks=all writes held by a single broker; min ISR equal to the replication factor blocks every acks=all producer while one broker restarts in a rolling update.",
  fix: `Set "min.insync.replicas=${MIN}" with "default.replication.factor=3".`,
  controls: [],
  resourceTypes: ["aws_msk_configuration"],
  evaluate(configuration, ctx) {
    const parsed = readConfiguration(configuration, ctx);
    if (!parsed.ok) return parsed.result;
    if (parsed.express) return notApplicable("Express brokers fix min.insync.replicas = 2");
    const isr = effective(parsed.props, "min.insync.replicas");
    const rf = effective(parsed.props, "default.replication.factor");
    const minIsr = num(isr.value);
    const replication = num(rf.value);
    if (minIsr === undefined) return fail(`min.insync.replicas ${JSON.stringify(isr.value)} is not a number`);
    if (minIsr < MIN) return fail(`min.insync.replicas is ${minIsr}; the baseline requires at least ${MIN}`);
    if (replication !== undefined && minIsr > replication - 1) {
      return fail(
        `min.insync.replicas ${minIsr} > default.replication.factor ${replication} − 1: acks=all producers block during rolling updates`,
      );
    }
    return pass();
  },
});
