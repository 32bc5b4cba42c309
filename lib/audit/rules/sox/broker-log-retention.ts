import { SOX_BROKER_LOG_RETENTION_DAYS } from "../../../standards/audit-controls";
import { defineRule, fail, notApplicable, pass } from "../../rule";
import { isUnresolved, num } from "../../values";
import { logGroupUsers } from "../shared/msk";

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
  controls: ["SOX-404"],
  compliance: ["sox"],
  resourceTypes: ["aws_cloudwatch_log_group"],
  evaluate(group, ctx) {
    if (logGroupUsers(ctx.doc, group).length === 0) return notApplicable("not a broker or connector log destination");
    const raw = group.attributes.retention_in_days;
    if (isUnresolved(raw)) return notApplicable("retention_in_days is an unresolved reference");
    const days = num(raw);
    if (days === undefined || days === 0 || days >= SOX_BROKER_LOG_RETENTION_DAYS) return pass();
    return fail(`retention_in_days is ${days}; SOX requires at least ${SOX_BROKER_LOG_RETENTION_DAYS}`);
  },
});
