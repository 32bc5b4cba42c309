import { defineRule, fail, notApplicable, pass } from "../../rule";
import { isUnresolved } from "../../values";
import { TOPIC_TYPES, topicView } from "../shared/topics";

/** The standard's minimum replication factor (3 AZs; every topic class requires 3). */
const MIN_RF = 3;

/** Topics have at least three replicas. */
export const topicReplicationFactor = defineRule({
  id: "KS-TOPIC-002",
  area: "TOPIC",
  severity: "error",
  title: "Topics have a replication factor of at least 3",
  explanation:
    "With fewer than three replicas a topic goes offline or loses acknowledged data during a rolling update or an AZ outage.",
  fix: "Set replication_factor = 3 (the Mongey provider changes it in place on Kafka 2.4+).",
  controls: [],
  resourceTypes: TOPIC_TYPES,
  evaluate(topic) {
    const view = topicView(topic);
    if (isUnresolved(view.rawReplicationFactor)) return notApplicable("replication_factor is an unresolved reference");
    const rf = view.replicationFactor;
    if (rf === undefined) return fail("replication_factor is not set");
    if (rf === -1) return notApplicable("replication_factor -1 delegates placement to the cluster");
    const min = Math.max(MIN_RF, view.topicClass?.minReplicationFactor ?? 0);
    if (rf >= min) return pass();
    return fail(
      `replication_factor is ${rf}; at least ${min} required${view.topicClass ? ` (class ${view.topicClass.name})` : ""}`,
    );
  },
});
