import { defineRule } from "../../rule";
import { TOPIC_TYPES } from "../shared/topics";
import { requirePreventDestroyInProd } from "../shared/lifecycle";

/** Prod topics carry `lifecycle.prevent_destroy` unless metadata records they are being retired. */
export const topicPreventDestroy = defineRule({
  id: "KS-TOPIC-006",
  area: "TOPIC",
  severity: "error",
  title: "Prod topics are protected from destroy",
  explanation:
    "Renaming a topic, lowering its partitions (Mongey provider) or removing it from code deletes the topic and its data on the next apply.",
  fix: "Set lifecycle { prevent_destroy = true }; to delete a topic on purpose, record a retire reason first.",
  controls: [],
  resourceTypes: TOPIC_TYPES,
  tierDependent: true,
  evaluate: (topic, ctx) => requirePreventDestroyInProd(topic, ctx, "topic"),
});
