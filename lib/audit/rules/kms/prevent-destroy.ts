import { defineRule, notApplicable } from "../../rule";
import { ownTier } from "../../tier";
import { requirePreventDestroyInProd } from "../shared/lifecycle";
import { kafkaKeyUsers } from "../shared/kms";
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
  controls: [],
  resourceTypes: ["aws_kms_key"],
  tierDependent: true,
  evaluate(key, ctx) {
    const users = kafkaKeyUsers(ctx.doc, key);
    if (users.length === 0) return notApplicable("not used by an MSK cluster, SCRAM secret or Kafka log group");
    const tier = supportingTier(key, users, ownTier, ctx.tierOf);
    return requirePreventDestroyInProd(key, { ...ctx, tierOf: () => tier }, "KMS key");
  },
});
