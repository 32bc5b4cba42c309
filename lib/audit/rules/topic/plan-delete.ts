import { defineRule, fail, notApplicable, pass } from "../../rule";
import { TOPIC_TYPES } from "../shared/topics";

/**
 * A plan that deletes a topic is flagged for review: intended after a `retire`, but a topic removed
 * from code by mistake loses its records on apply. Only plans carry the change.
 */
export const topicPlanDelete = defineRule({
  id: "KS-TOPIC-008",
  area: "TOPIC",
  severity: "warning",
  title: "Topic deletions in a plan are reviewed",
  explanation: "Applying the plan deletes the topic and every record in it; nothing in Kafka can bring them back.",
  fix: "Confirm the topic was retired on purpose (retire with a reason, applied before its removal); otherwise restore it in code.",
  controls: [],
  resourceTypes: TOPIC_TYPES,
  evaluate(topic) {
    const change = topic.change;
    if (!change) return notApplicable("not a plan");
    if (change.actions.includes("delete") && !change.actions.includes("create")) {
      return fail("plan deletes the topic; its records are lost");
    }
    return pass();
  },
});
