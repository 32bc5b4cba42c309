import { defineRule, fail, notApplicable, notVerifiable, pass } from "../../rule";
import { block, isSet } from "../../values";
import { clusterHoldsPersonalData } from "../shared/personal-data";

/**
 * Confluent clusters in GDPR scope encrypt with a customer-managed key (BYOK, Dedicated only).
 * Confluent always encrypts at rest, but with its own keys unless BYOK is configured.
 */
export const gdprConfluentByok = defineRule({
  id: "KS-GDPR-002",
  area: "GDPR",
  pack: "gdpr",
  severity: "warning",
  title: "Confluent clusters with personal data use a customer-managed key (BYOK)",
  explanation:
    "Without BYOK, Confluent's own keys protect the data at rest: the account cannot revoke access to it or prove who could decrypt it. A cluster is in scope when it, or one of its topics, is marked personal; when none of its topics is in the document, the check is not verifiable.",
  fix: "Use a dedicated cluster with byok_key { id = confluent_byok_key.<key>.id }.",
  constructFix: {
    ConfluentCluster:
      "Set the ConfluentCluster prop clusterType: ConfluentClusterType.dedicated({ cku, byokKeyId }) with the id of a confluent_byok_key.",
  },
  controls: ["GDPR-Art.32(1)(a)"],
  compliance: ["gdpr"],
  resourceTypes: ["confluent_kafka_cluster"],
  evaluate(cluster, ctx) {
    const scope = clusterHoldsPersonalData(ctx.doc, cluster);
    if (scope === "no") return notApplicable("no personal data recorded on the cluster or its topics");
    if (
      isSet(block(cluster.attributes, "byok_key")?.id) ||
      isSet(block(cluster.attributes, "dedicated")?.encryption_key)
    ) {
      return pass();
    }
    if (scope === "unknown") {
      return notVerifiable(
        "none of the cluster's topics is in this document: whether it holds personal data is unknown",
      );
    }
    return fail("cluster in GDPR scope has no byok_key: data at rest is encrypted with Confluent-managed keys");
  },
});
