import { defineRule, fail, notApplicable, notVerifiable, pass } from "../../rule";
import { allowsReducedReplication } from "../../tier";
import { isUnresolved, num } from "../../values";
import { TOPIC_TYPES, requiredReplicationFactor, topicView } from "../shared/topics";

/** The standard's minimum for durable data; the topic class may lower it (telemetry: 1). */
const DEFAULT_MIN_ISR = 2;

/** Topics that set `min.insync.replicas` set at least 2 (or their class's value). */
export const topicMinInsyncReplicas = defineRule({
  id: "KS-TOPIC-003",
  area: "TOPIC",
  severity: "error",
  title: "Topics keep min.insync.replicas at 2 or more",
  explanation:
    "With min.insync.replicas = 1 an acks=all write is acknowledged when a single broker has it; losing that broker loses the write. Only the telemetry class accepts 1, and topics with fewer than three replicas where the tier allows them (dev), whose min ISR is at most RF − 1.",
  fix: 'Set config "min.insync.replicas" = "2" (or remove it to inherit the broker baseline).',
  constructFix: {
    KafkaTopic:
      'Remove config["min.insync.replicas"] from addTopic, or pick the class that fits (telemetry accepts 1).',
  },
  controls: [],
  resourceTypes: TOPIC_TYPES,
  evaluate(topic, ctx) {
    const view = topicView(topic);
    const raw = view.config["min.insync.replicas"];
    if (raw === undefined) return notApplicable("min.insync.replicas inherited from the cluster (see KS-MSK-022)");
    if (isUnresolved(raw)) return notVerifiable("min.insync.replicas is an unresolved reference", [raw]);
    const isr = num(raw);
    if (isr === undefined) return notApplicable("min.insync.replicas is not a literal number");
    let min = view.topicClass ? view.topicClass.minInsyncReplicas : DEFAULT_MIN_ISR;
    const rf = view.replicationFactor;
    const classRf = requiredReplicationFactor(view);
    // The constructs lower min ISR to RF − 1 (at least 1) when the tier allows fewer replicas.
    if (rf !== undefined && rf >= 1 && rf < classRf && allowsReducedReplication(ctx.tierOf(topic), classRf)) {
      min = Math.max(1, Math.min(min, rf - 1));
    }
    if (isr >= min) return pass();
    return fail(
      `min.insync.replicas is ${isr}; at least ${min} required${view.topicClass ? ` (class ${view.topicClass.name})` : ""}`,
    );
  },
});
