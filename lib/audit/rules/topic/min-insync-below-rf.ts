import { defineRule, fail, notApplicable, pass } from "../../rule";
import { num } from "../../values";
import { TOPIC_TYPES, topicView } from "../shared/topics";

/** `min.insync.replicas` ≤ replication factor − 1, so one replica can be down. */
export const topicMinInsyncBelowReplication = defineRule({
  id: "KS-TOPIC-004",
  area: "TOPIC",
  severity: "error",
  title: "Topics keep min.insync.replicas at most RF − 1",
  explanation:
    "When min.insync.replicas equals the replication factor, every acks=all producer blocks as soon as one replica is offline, which happens on every rolling update.",
  fix: "Lower min.insync.replicas to replication_factor − 1 (2 for RF 3).",
  controls: [],
  resourceTypes: TOPIC_TYPES,
  evaluate(topic) {
    const view = topicView(topic);
    const isr = num(view.config["min.insync.replicas"]);
    const rf = view.replicationFactor;
    if (isr === undefined || rf === undefined || rf < 1)
      return notApplicable("min.insync.replicas or replication factor not known");
    if (isr <= rf - 1) return pass();
    return fail(`min.insync.replicas ${isr} > replication factor ${rf} − 1`);
  },
});
