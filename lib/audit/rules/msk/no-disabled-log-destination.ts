import { defineRule, fail, pass } from "../../rule";
import { logDestinations } from "../shared/msk";

/** KICS fails a cluster on any declared broker-log destination that is not enabled, even when another one is. */
export const mskNoDisabledLogDestination = defineRule({
  id: "KS-MSK-005",
  area: "MSK",
  severity: "warning",
  title: "MSK declares no disabled broker-log destination",
  explanation:
    "KICS reports a cluster when any declared broker_logs destination lacks enabled = true, even if another destination is on. A disabled block documents nothing and trips the scanner.",
  fix: "Remove broker_logs destinations with enabled = false instead of declaring them disabled.",
  constructFix: {
    MskCluster:
      "In the MskCluster prop logging, leave out the destinations you do not use rather than switching them off.",
  },
  controls: ["2f56b7ab-7fba-4e93-82f0-247e5ddeb239"],
  resourceTypes: ["aws_msk_cluster"],
  evaluate(cluster) {
    const off = logDestinations(cluster).filter((d) => d.enabled === false || d.rawEnabled === undefined);
    if (off.length === 0) return pass();
    return fail(`broker_logs declares ${off.map((d) => d.kind).join(", ")} without enabled = true`);
  },
});
