import { defineRule, fail, notApplicable, pass } from "../../rule";
import { TOPIC_TYPES } from "../shared/topics";

const PARTITIONS: Readonly<Record<string, string>> = {
  kafka_topic: "partitions",
  confluent_kafka_topic: "partitions_count",
};

/**
 * A plan must not recreate a topic, nor lower its partition count: either loses the topic's data
 * without anyone having asked for it. Only `terraform show -json` of a plan carries the change; other
 * documents are not applicable. Plain deletions are KS-TOPIC-008.
 */
export const topicPlanDataLoss = defineRule({
  id: "KS-TOPIC-007",
  area: "TOPIC",
  severity: "error",
  title: "Plans do not recreate or shrink topics",
  explanation:
    "Replacing a topic deletes its records; a lower partition count or a renamed topic makes the Kafka providers delete and recreate it.",
  fix: "Keep the topic's name and partition count (counts only grow); to start over, create a new topic and retire the old one.",
  controls: [],
  resourceTypes: TOPIC_TYPES,
  evaluate(topic) {
    const change = topic.change;
    if (!change) return notApplicable("not a plan");
    const attr = PARTITIONS[topic.type];
    const before = change.before?.[attr];
    const after = topic.attributes[attr];
    if (
      typeof before === "number" &&
      typeof after === "number" &&
      after < before &&
      !change.actions.includes("delete")
    ) {
      return fail(`plan lowers partitions from ${before} to ${after}`);
    }
    if (change.actions.includes("delete") && change.actions.includes("create")) {
      const shrink =
        typeof before === "number" && typeof after === "number" && after < before
          ? ` (partitions ${before} → ${after})`
          : "";
      return fail(`plan replaces (deletes and recreates) the topic${shrink}; its records are lost`);
    }
    return pass();
  },
});
