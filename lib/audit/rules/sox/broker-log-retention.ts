import { SOX_BROKER_LOG_RETENTION_DAYS } from "../../../standards/audit-controls";
import { defineRule, fail, notApplicable, notVerifiable, pass } from "../../rule";
import { isUnresolved, num } from "../../values";
import { LOG_GROUP_USER_TYPES, isKafkaLogGroup, logGroupOutOfSight } from "../shared/msk";

/** Broker and connector logs are kept a year in every tier (never-expiring groups pass). */
export const soxBrokerLogRetention = defineRule({
  id: "KS-SOX-004",
  area: "SOX",
  pack: "sox",
  severity: "error",
  title: `Kafka log groups keep logs for at least ${SOX_BROKER_LOG_RETENTION_DAYS} days`,
  explanation:
    "The annual assessment of internal controls needs a year of operational evidence: who connected, what was denied, which configuration changed.",
  fix: `Set retention_in_days to ${SOX_BROKER_LOG_RETENTION_DAYS} or more.`,
  constructFix: {
    MskCluster: `Set the MskCluster prop logging.retentionDays to ${SOX_BROKER_LOG_RETENTION_DAYS} or more.`,
  },
  controls: ["SOX-404"],
  compliance: ["sox"],
  resourceTypes: ["aws_cloudwatch_log_group", ...LOG_GROUP_USER_TYPES],
  evaluate(resource, ctx) {
    if (resource.type !== "aws_cloudwatch_log_group") {
      const link = logGroupOutOfSight(ctx.doc, resource);
      if (!link.applies) return notApplicable(link.reason);
      return notVerifiable("its log group is not in this document: retention_in_days cannot be read", link.missing);
    }
    if (!isKafkaLogGroup(ctx.doc, resource)) return notApplicable("not a broker or connector log destination");
    const raw = resource.attributes.retention_in_days;
    if (isUnresolved(raw)) return notVerifiable("retention_in_days is an unresolved reference", [String(raw)]);
    const days = num(raw);
    if (days === undefined || days === 0 || days >= SOX_BROKER_LOG_RETENTION_DAYS) return pass();
    return fail(`retention_in_days is ${days}; SOX requires at least ${SOX_BROKER_LOG_RETENTION_DAYS}`);
  },
});
