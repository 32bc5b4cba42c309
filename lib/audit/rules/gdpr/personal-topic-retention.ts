import { KAFKA_DEFAULT_RETENTION_MS } from "../../../standards/audit-controls";
import { TOPIC_CLASSES } from "../../../standards/topic-classes";
import { defineRule, fail, notApplicable, pass } from "../../rule";
import { holdsPersonalData } from "../shared/personal-data";
import { TOPIC_TYPES, describeRetention, effectiveRetentionMs, topicView, unreadableRetention } from "../shared/topics";

/** The personal class's ceiling applies to every topic holding personal data. */
const MAX_MS = TOPIC_CLASSES.personal.maxRetentionMs ?? TOPIC_CLASSES.personal.retentionMs;

/** Topics with personal data delete records within the personal class's maximum retention. */
export const gdprPersonalTopicRetention = defineRule({
  id: "KS-GDPR-001",
  area: "GDPR",
  pack: "gdpr",
  severity: "error",
  title: "Topics with personal data have bounded retention",
  explanation:
    "Storage limitation: personal data may be kept no longer than its purpose needs. Unlimited retention, or compaction without deletion, keeps every record (or the latest per key) forever.",
  fix: `Use cleanup.policy "delete" (or "compact,delete") and retention.ms of at most ${MAX_MS} (${describeRetention(MAX_MS)}).`,
  constructFix: {
    KafkaTopic:
      'Use topicClass "personal" for the topic, or lower config["retention.ms"] of addTopic to the personal maximum with cleanup.policy "delete".',
  },
  controls: ["GDPR-Art.5(1)(e)"],
  compliance: ["gdpr"],
  resourceTypes: TOPIC_TYPES,
  evaluate(topic) {
    if (!holdsPersonalData(topic)) return notApplicable("no personal data recorded (class or data classification)");
    const { config } = topicView(topic);
    const policy = (config["cleanup.policy"] ?? "delete").replace(/\s+/g, "");
    if (!policy.split(",").includes("delete")) return fail(`cleanup.policy ${policy} never deletes records`);
    const retention = effectiveRetentionMs(config, KAFKA_DEFAULT_RETENTION_MS);
    if (retention.value === undefined) return unreadableRetention(config["retention.ms"]);
    if (retention.value >= 0 && retention.value <= MAX_MS) return pass();
    return fail(
      `retention ${describeRetention(retention.value)} exceeds the personal-data maximum of ${describeRetention(MAX_MS)}`,
    );
  },
});
