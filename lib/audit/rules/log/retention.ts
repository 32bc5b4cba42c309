import { TIER_POLICIES } from "../../../standards/tiers";
import { defineRule, fail, notApplicable, notVerifiable, pass } from "../../rule";
import { isUnresolved, num } from "../../values";
import { ownTier } from "../../tier";
import {
  LOG_GROUP_USER_TYPES,
  isKafkaLogGroup,
  logGroupOutOfSight,
  logGroupUsers,
  supportingTier,
} from "../shared/msk";

/** Broker and connector log groups keep logs at least as long as the tier policy says, and say so explicitly. */
export const logRetention = defineRule({
  id: "KS-LOG-001",
  area: "LOG",
  severity: "error",
  title: "Kafka log groups set a retention of at least the tier policy",
  explanation:
    "Broker and connector logs are the evidence for access reviews and incident analysis; too short a retention loses it, and no retention keeps personal data (principals, client addresses) forever.",
  fix: "Set retention_in_days to at least the tier's brokerLogRetentionDays (prod 365, staging 90, dev 30).",
  constructFix: {
    MskCluster:
      "Set the MskCluster prop logging.retentionDays to at least the tier's minimum, or leave it unset (the tier default).",
  },
  controls: ["CKV_AWS_338", "CKV_AWS_66"],
  resourceTypes: ["aws_cloudwatch_log_group", ...LOG_GROUP_USER_TYPES],
  tierDependent: true,
  evaluate(resource, ctx) {
    if (resource.type !== "aws_cloudwatch_log_group") {
      const link = logGroupOutOfSight(ctx.doc, resource);
      if (!link.applies) return notApplicable(link.reason);
      if (!ctx.tierOf(resource)) return notApplicable("tier unknown");
      return notVerifiable("its log group is not in this document: retention_in_days cannot be read", link.missing);
    }
    if (!isKafkaLogGroup(ctx.doc, resource)) return notApplicable("not a broker or connector log destination");
    const tier = supportingTier(resource, logGroupUsers(ctx.doc, resource), ownTier, ctx.tierOf);
    if (!tier) return notApplicable("tier unknown");
    const required = TIER_POLICIES[tier].brokerLogRetentionDays;
    const raw = resource.attributes.retention_in_days;
    if (isUnresolved(raw)) return notVerifiable("retention_in_days is an unresolved reference", [String(raw)]);
    const days = num(raw);
    if (days === undefined || days === 0) {
      return fail(
        `retention_in_days is not set: logs never expire; set it explicitly to at least ${required} (${tier})`,
      );
    }
    if (days >= required) return pass();
    return fail(`retention_in_days is ${days}; the ${tier} tier requires at least ${required}`);
  },
});
