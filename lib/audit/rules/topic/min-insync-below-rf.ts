import { defineRule, fail, notApplicable, pass } from "../../rule";
import { allowsReducedReplication } from "../../tier";
import { num } from "../../values";
import { TOPIC_TYPES, requiredReplicationFactor, topicView } from "../shared/topics";

/** `min.insync.replicas` ≤ replication factor − 1, so one replica can be down. */
export const topicMinInsyncBelowReplication = defineRule({
  id: "KS-TOPIC-004",
  area: "TOPIC",
  severity: "error",
  title: "Topics keep min.insync.replicas at most RF − 1",
  explanation:
    "When min.insync.replicas equals the replication factor, every acks=all producer blocks as soon as one replica is offline, which happens on every rolling update. Where the tier allows single-replica topics (dev), such a topic has no replica to spare and its min ISR of 1 passes.",
  fix: "Lower min.insync.replicas to replication_factor − 1 (2 for RF 3).",
  constructFix: {
    KafkaTopic: 'Remove config["min.insync.replicas"] from addTopic (the class sets RF − 1).',
  },
  controls: [],
  resourceTypes: TOPIC_TYPES,
  evaluate(topic, ctx) {
    const view = topicView(topic);
    const isr = num(view.config["min.insync.replicas"]);
    const rf = view.replicationFactor;
    if (isr === undefined || rf === undefined || rf < 1)
      return notApplicable("min.insync.replicas or replication factor not known");
    if (isr <= rf - 1) return pass();
    // The constructs accept RF 1 with min ISR 1 where the tier allows fewer replicas than the class (dev).
    if (rf === 1 && isr === 1 && allowsReducedReplication(ctx.tierOf(topic), requiredReplicationFactor(view)))
      return pass();
    return fail(`min.insync.replicas ${isr} > replication factor ${rf} − 1`);
  },
});
