import { STANDARD_TAG_KEYS } from "../../../standards/naming";
import { defineRule, fail, notApplicable, pass } from "../../rule";
import type { AuditResource, DocumentView } from "../../types";
import { tagsOf } from "../../values";
import { kafkaKeyUsers } from "../shared/kms";
import { logGroupUsers } from "../shared/msk";

function inScope(resource: AuditResource, doc: DocumentView): boolean {
  if (resource.type === "aws_kms_key") return kafkaKeyUsers(doc, resource).length > 0;
  if (resource.type === "aws_cloudwatch_log_group") return logGroupUsers(doc, resource).length > 0;
  return true;
}

/** Clusters, their KMS keys and log groups name an owning team (`Owner` tag). */
export const soxOwnerTag = defineRule({
  id: "KS-SOX-003",
  area: "SOX",
  pack: "sox",
  severity: "error",
  title: "Kafka clusters, keys and log groups carry an Owner tag",
  explanation:
    "Change management needs every change attributable to an accountable team; the Owner tag is how the estate records it.",
  fix: `Set tags { ${STANDARD_TAG_KEYS.owner} = "<team>" } (or provider default_tags).`,
  controls: ["SOX-404"],
  compliance: ["sox"],
  resourceTypes: ["aws_msk_cluster", "aws_msk_serverless_cluster", "aws_kms_key", "aws_cloudwatch_log_group"],
  evaluate(resource, ctx) {
    if (!inScope(resource, ctx.doc)) return notApplicable("not used by a Kafka resource");
    const owner = tagsOf(resource.attributes)[STANDARD_TAG_KEYS.owner];
    if (owner && owner.trim().length > 0) return pass();
    return fail(`no ${STANDARD_TAG_KEYS.owner} tag`);
  },
});
