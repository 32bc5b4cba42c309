import { STANDARD_TAG_KEYS } from "../../../standards/naming";
import { defineRule, fail, notApplicable, pass } from "../../rule";
import type { AuditResource, DocumentView } from "../../types";
import { resourceTags } from "../../values";
import { isKafkaKey } from "../shared/kms";
import { isKafkaLogGroup } from "../shared/msk";

function inScope(resource: AuditResource, doc: DocumentView): boolean {
  if (resource.type === "aws_kms_key") return isKafkaKey(doc, resource);
  if (resource.type === "aws_cloudwatch_log_group") return isKafkaLogGroup(doc, resource);
  return true;
}

const OWNER = STANDARD_TAG_KEYS.owner;

/** Clusters, their KMS keys and log groups name an owning team (`Owner` tag, own or from provider `default_tags`). */
export const soxOwnerTag = defineRule({
  id: "KS-SOX-003",
  area: "SOX",
  pack: "sox",
  severity: "error",
  title: "Kafka clusters, keys and log groups carry an Owner tag",
  explanation:
    "Change management needs every change attributable to an accountable team; the Owner tag is how the estate records it. A tag inherited from the AWS provider's default_tags counts.",
  fix: `Set tags { ${OWNER} = "<team>" } on the resource, or default_tags { tags = { ${OWNER} = "<team>" } } on its AWS provider.`,
  constructFix: {
    MskCluster: `Set the MskCluster prop owner: "<team>" (written as the ${OWNER} tag on the cluster, its key, log group and secrets), or ${OWNER} in the AwsProvider's defaultTags.`,
  },
  controls: ["SOX-404"],
  compliance: ["sox"],
  resourceTypes: ["aws_msk_cluster", "aws_msk_serverless_cluster", "aws_kms_key", "aws_cloudwatch_log_group"],
  evaluate(resource, ctx) {
    if (!inScope(resource, ctx.doc)) return notApplicable("not used by a Kafka resource");
    const owner = resourceTags(resource)[OWNER];
    if (owner && owner.trim().length > 0) return pass();
    return fail(`no ${OWNER} tag (neither on the resource nor in its AWS provider's default_tags)`);
  },
});
