import { defineRule, fail, notApplicable, pass } from "../../rule";
import { blocks } from "../../values";

/** No Basic Confluent Cloud clusters in prod. */
export const confluentBasicClusterInProd = defineRule({
  id: "KS-CFL-002",
  area: "CFL",
  severity: "error",
  title: "Prod Confluent clusters are not Basic",
  explanation:
    "Basic clusters have no RBAC inside Kafka, no OAuth, no audit logs and no private networking, and a lower availability commitment than Standard and above.",
  fix: "Use a standard, enterprise or dedicated block for prod clusters (Basic can be upgraded to Standard in place).",
  constructFix: {
    ConfluentCluster:
      "Set the ConfluentCluster prop clusterType to ConfluentClusterType.standard(), .enterprise() or .dedicated({ cku }) in prod.",
  },
  controls: [],
  resourceTypes: ["confluent_kafka_cluster"],
  tierDependent: true,
  evaluate(cluster, ctx) {
    const tier = ctx.tierOf(cluster);
    if (!tier) return notApplicable("tier unknown");
    if (tier !== "prod") return notApplicable(`tier ${tier} may use Basic clusters`);
    if (blocks(cluster.attributes.basic).length > 0) return fail("prod cluster uses the basic cluster type");
    return pass();
  },
});
