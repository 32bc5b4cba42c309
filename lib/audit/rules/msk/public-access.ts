import { defineRule, fail, pass } from "../../rule";
import { block, show } from "../../values";

/** Brokers have no public endpoints (Checkov CKV_AWS_291, Security Hub MSK.4, KICS 54378d69). */
export const mskPublicAccess = defineRule({
  id: "KS-MSK-006",
  area: "MSK",
  severity: "error",
  title: "MSK brokers are not publicly accessible",
  explanation:
    "public_access.type = SERVICE_PROVIDED_EIPS gives every broker an internet-facing address; Security Hub rates this critical.",
  fix: 'Remove connectivity_info.public_access or set its type to "DISABLED"; reach the cluster through VPC peering, PrivateLink or multi-VPC connectivity.',
  constructFix: {
    MskCluster: "Remove publicAccess from the MskCluster props.",
  },
  controls: ["CKV_AWS_291", "MSK.4", "54378d69-dd7c-4b08-a43e-80d563396857", "CT.MSK.PR.2"],
  resourceTypes: ["aws_msk_cluster"],
  evaluate(cluster) {
    const type = block(cluster.attributes, "broker_node_group_info", "connectivity_info", "public_access")?.type;
    if (type === "SERVICE_PROVIDED_EIPS") return fail(`connectivity_info.public_access.type is ${show(type)}`);
    return pass();
  },
});
