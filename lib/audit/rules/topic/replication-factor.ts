import { defineRule, fail, notApplicable, notVerifiable, pass } from "../../rule";
import { allowsReducedReplication } from "../../tier";
import { isUnresolved } from "../../values";
import { TOPIC_TYPES, requiredReplicationFactor, topicView } from "../shared/topics";

/** Topics have at least three replicas (fewer only where the tier allows smaller clusters: dev). */
export const topicReplicationFactor = defineRule({
  id: "KS-TOPIC-002",
  area: "TOPIC",
  severity: "error",
  title: "Topics have a replication factor of at least 3",
  explanation:
    "With fewer than three replicas a topic goes offline or loses acknowledged data during a rolling update or an AZ outage. Tiers that allow clusters of fewer than three brokers (dev) accept fewer replicas, as the constructs do.",
  fix: "Set replication_factor = 3 (the Mongey provider changes it in place on Kafka 2.4+).",
  constructFix: {
    KafkaTopic: "Remove the replicationFactor prop of addTopic (the class's replication factor, 3, is the default).",
  },
  controls: [],
  resourceTypes: TOPIC_TYPES,
  evaluate(topic, ctx) {
    const view = topicView(topic);
    if (isUnresolved(view.rawReplicationFactor)) {
      return notVerifiable("replication_factor is an unresolved reference", [String(view.rawReplicationFactor)]);
    }
    const rf = view.replicationFactor;
    if (rf === undefined) return fail("replication_factor is not set");
    if (rf === -1) return notApplicable("replication_factor -1 delegates placement to the cluster");
    const min = requiredReplicationFactor(view);
    if (rf >= min) return pass();
    const tier = ctx.tierOf(topic);
    if (rf >= 1 && allowsReducedReplication(tier, min)) return pass();
    return fail(
      `replication_factor is ${rf}; at least ${min} required${view.topicClass ? ` (class ${view.topicClass.name})` : ""}${tier ? ` in ${tier}` : ""}`,
    );
  },
});
