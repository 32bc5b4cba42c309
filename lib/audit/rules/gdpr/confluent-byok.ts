import { defineRule, fail, notApplicable, pass } from "../../rule";
import { block, isSet } from "../../values";
import { documentHoldsPersonalTopics, holdsPersonalData } from "../shared/personal-data";

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
    "Without BYOK, Confluent's own keys protect the data at rest: the account cannot revoke access to it or prove who could decrypt it.",
  fix: "Use a dedicated cluster with byok_key { id = confluent_byok_key.<key>.id }.",
  controls: ["GDPR-Art.32(1)(a)"],
  compliance: ["gdpr"],
  resourceTypes: ["confluent_kafka_cluster"],
  evaluate(cluster, ctx) {
    if (!holdsPersonalData(cluster) && !documentHoldsPersonalTopics(ctx.doc)) {
      return notApplicable("no personal data recorded on the cluster or its document's topics");
    }
    if (
      isSet(block(cluster.attributes, "byok_key")?.id) ||
      isSet(block(cluster.attributes, "dedicated")?.encryption_key)
    ) {
      return pass();
    }
    return fail("cluster in GDPR scope has no byok_key: data at rest is encrypted with Confluent-managed keys");
  },
});
