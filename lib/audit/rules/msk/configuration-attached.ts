import { defineRule, fail, pass } from "../../rule";
import { block, isSet } from "../../values";

/** A custom configuration is attached, so the broker baseline (KS-MSK-020…024) applies to the cluster. */
export const mskConfigurationAttached = defineRule({
  id: "KS-MSK-009",
  area: "MSK",
  severity: "error",
  title: "MSK cluster uses a custom configuration",
  explanation:
    "Without configuration_info the cluster runs MSK's defaults: unclean.leader.election.enable = true and allow.everyone.if.no.acl.found = true, so acknowledged writes can be lost and resources without ACLs are open.",
  fix: "Create an aws_msk_configuration with the broker baseline and set configuration_info { arn, revision } on the cluster.",
  controls: [],
  resourceTypes: ["aws_msk_cluster"],
  evaluate(cluster, ctx) {
    const arn = block(cluster.attributes, "configuration_info")?.arn;
    if (!isSet(arn)) return fail("no configuration_info: the cluster runs the MSK default configuration");
    const target = ctx.doc.resolve(arn);
    if (target && target.type !== "aws_msk_configuration") {
      return fail(`configuration_info.arn points at ${target.address}, not an aws_msk_configuration`);
    }
    return pass();
  },
});
