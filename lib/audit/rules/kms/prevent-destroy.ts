import { TIER_POLICIES } from "../../../standards/tiers";
import { defineRule, notApplicable, notVerifiable } from "../../rule";
import { ownTier } from "../../tier";
import { requirePreventDestroyInProd } from "../shared/lifecycle";
import { KAFKA_KEY_CONSUMER_TYPES, isKafkaKey, kafkaKeyUsers, keyOutOfSight } from "../shared/kms";
import { supportingTier } from "../shared/msk";

/** Prod KMS keys that protect Kafka data carry `lifecycle.prevent_destroy`. */
export const kmsPreventDestroy = defineRule({
  id: "KS-KMS-002",
  area: "KMS",
  severity: "error",
  title: "Prod KMS keys used by Kafka resources are protected from destroy",
  explanation:
    "A deleted key makes every broker volume, SCRAM secret or log encrypted with it unreadable once the deletion window ends.",
  fix: "Set lifecycle { prevent_destroy = true } on the aws_kms_key.",
  constructFix: {
    MskCluster: "The MskCluster protects its own key in prod: remove the kmsKeyArn prop, or protect the key it names.",
  },
  controls: [],
  resourceTypes: ["aws_kms_key", ...KAFKA_KEY_CONSUMER_TYPES],
  tierDependent: true,
  evaluate(resource, ctx) {
    if (resource.type !== "aws_kms_key") {
      const link = keyOutOfSight(ctx.doc, resource);
      if (!link.applies) return notApplicable(link.reason);
      const tier = ctx.tierOf(resource);
      if (!tier) return notApplicable("tier unknown");
      if (!TIER_POLICIES[tier].preventDestroy) return notApplicable(`tier ${tier} does not require prevent_destroy`);
      return notVerifiable("its KMS key is not in this document: its lifecycle cannot be read", link.missing);
    }
    if (!isKafkaKey(ctx.doc, resource)) {
      return notApplicable("not used by an MSK cluster, SCRAM secret or Kafka log group");
    }
    const tier = supportingTier(resource, kafkaKeyUsers(ctx.doc, resource), ownTier, ctx.tierOf);
    return requirePreventDestroyInProd(resource, { ...ctx, tierOf: () => tier }, "KMS key");
  },
});
