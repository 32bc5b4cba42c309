import { KAFKA_DEFAULT_RETENTION_MS } from "../../../standards/audit-controls";
import { TOPIC_CLASS_NAMES } from "../../../standards/topic-classes";
import { defineRule, fail, notApplicable, pass } from "../../rule";
import { TOPIC_TYPES, describeRetention, effectiveRetentionMs, topicView, unreadableRetention } from "../shared/topics";

/**
 * A topic of a known class uses the class's retention and cleanup policy, unless the construct
 * recorded an override (metadata `overrides`) with its reason.
 */
export const topicRetentionMatchesClass = defineRule({
  id: "KS-TOPIC-005",
  area: "TOPIC",
  severity: "warning",
  title: "Topic retention and cleanup policy match the topic class",
  explanation:
    "The class fixes how long data is replayable and when it is deleted; an unrecorded deviation makes consumers' replay window and storage cost differ from what the class promises.",
  fix: "Use the class's retention.ms and cleanup.policy, or record the deviation as an override with its reason.",
  constructFix: {
    KafkaTopic:
      "Remove retention.ms and cleanup.policy from the config of addTopic (the class sets them), or choose the topicClass whose retention you need.",
  },
  controls: [],
  resourceTypes: TOPIC_TYPES,
  evaluate(topic) {
    const view = topicView(topic);
    if (view.className === undefined) return notApplicable("no topic class recorded in metadata");
    const cls = view.topicClass;
    if (!cls)
      return fail(`metadata class ${JSON.stringify(view.className)} is not one of ${TOPIC_CLASS_NAMES.join(", ")}`);
    const overrides = Object.keys(topic.metadata?.overrides ?? {});
    if (overrides.some((k) => /retention|cleanup/i.test(k))) return pass();
    const problems: string[] = [];
    const policy = (view.config["cleanup.policy"] ?? "delete").replace(/\s+/g, "");
    if (policy !== cls.cleanupPolicy) problems.push(`cleanup.policy ${policy} (class: ${cls.cleanupPolicy})`);
    const retention = effectiveRetentionMs(view.config, KAFKA_DEFAULT_RETENTION_MS);
    if (retention.value === undefined) return unreadableRetention(view.config["retention.ms"]);
    if (policy.includes("delete") && retention.value !== cls.retentionMs) {
      problems.push(
        `retention ${describeRetention(retention.value)}${retention.defaulted ? " (default)" : ""} (class: ${describeRetention(cls.retentionMs)})`,
      );
    }
    if (problems.length === 0) return pass();
    return fail(`class ${cls.name} without a recorded override: ${problems.join("; ")}`);
  },
});
