import { defineRule, fail, notApplicable, pass } from "../../rule";
import { num } from "../../values";
import { TOPIC_TYPES, topicView } from "../shared/topics";

/** The standard's minimum for durable data; the topic class may lower it (telemetry: 1). */
const DEFAULT_MIN_ISR = 2;

/** Topics that set `min.insync.replicas` set at least 2 (or their class's value). */
export const topicMinInsyncReplicas = defineRule({
  id: "KS-TOPIC-003",
  area: "TOPIC",
  severity: "error",
  title: "Topics keep min.insync.replicas at 2 or more",
  explanation:
    "With min.insync.replicas = 1 an acks=all write is acknowledged when a single broker has it; losing that broker loses the write. Only the telemetry class accepts 1.",
  fix: 'Set config "min.insync.replicas" = "2" (or remove it to inherit the broker baseline).',
  controls: [],
  resourceTypes: TOPIC_TYPES,
  evaluate(topic) {
    const view = topicView(topic);
    const raw = view.config["min.insync.replicas"];
    if (raw === undefined) return notApplicable("min.insync.replicas inherited from the cluster (see KS-MSK-022)");
    const isr = num(raw);
    if (isr === undefined) return notApplicable("min.insync.replicas is not a literal number");
    const min = view.topicClass ? view.topicClass.minInsyncReplicas : DEFAULT_MIN_ISR;
    if (isr >= min) return pass();
    return fail(
      `min.insync.replicas is ${isr}; at least ${min} required${view.topicClass ? ` (class ${view.topicClass.name})` : ""}`,
    );
  },
});
