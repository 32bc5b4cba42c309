import { KAFKA_DEFAULT_RETENTION_MS } from "../../../standards/audit-controls";
import { SEVEN_YEARS_MS } from "../../../standards/topic-classes";
import { defineRule, fail, notApplicable, pass } from "../../rule";
import { TOPIC_TYPES, describeRetention, effectiveRetentionMs, topicView, unreadableRetention } from "../shared/topics";

/** Audit-class topics keep seven years of records, or record where they are archived. */
export const soxAuditTopicRetention = defineRule({
  id: "KS-SOX-001",
  area: "SOX",
  pack: "sox",
  severity: "error",
  title: "Audit topics keep records for seven years or are archived",
  explanation:
    "Audit records supporting financial reporting are kept seven years (SOX §802, SEC Regulation S-X Rule 2-06). A shorter topic retention is acceptable only when the records are archived before they age out.",
  fix: `Set retention.ms to at least ${SEVEN_YEARS_MS} (or -1), or record the archive destination in the topic's metadata (archive).`,
  constructFix: {
    KafkaTopic: "Remove retention.ms from the config of the audit-class topic (the class keeps seven years).",
  },
  controls: ["SOX-802"],
  compliance: ["sox"],
  resourceTypes: TOPIC_TYPES,
  evaluate(topic) {
    const view = topicView(topic);
    if (view.className !== "audit") return notApplicable("not an audit-class topic");
    if (topic.metadata?.archive) return pass();
    const retention = effectiveRetentionMs(view.config, KAFKA_DEFAULT_RETENTION_MS);
    if (retention.value === undefined) return unreadableRetention(view.config["retention.ms"]);
    if (retention.value < 0 || retention.value >= SEVEN_YEARS_MS) return pass();
    return fail(
      `retention ${describeRetention(retention.value)}${retention.defaulted ? " (default)" : ""} is under seven years and no archive is recorded`,
    );
  },
});
