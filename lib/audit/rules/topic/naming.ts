import { TOPIC_NAME_MAX_LENGTH, TOPIC_NAME_PATTERN } from "../../../standards/naming";
import { defineRule, fail, notVerifiable, pass } from "../../rule";
import { isUnresolved, show } from "../../values";
import { TOPIC_TYPES, topicView } from "../shared/topics";

/** Topic names follow `<domain>.<dataset>[.<qualifier>…]` in lower case. */
export const topicNaming = defineRule({
  id: "KS-TOPIC-001",
  area: "TOPIC",
  severity: "warning",
  title: "Topic names follow the naming pattern",
  explanation:
    "Consistent names let ACLs, IAM policies and quotas use prefixes per domain; dots and underscores collide in Kafka metric names, so the pattern allows dots only.",
  fix: `Rename the topic to match ${TOPIC_NAME_PATTERN.source} (e.g. "orders.created"); renaming re-creates the topic, so migrate its data.`,
  constructFix: {
    KafkaTopic:
      'Give addTopic a name that matches the standard pattern (e.g. "orders.created"), or drop the cluster\'s custom topicNamePattern prop.',
  },
  controls: [],
  resourceTypes: TOPIC_TYPES,
  evaluate(topic) {
    const { name } = topicView(topic);
    if (isUnresolved(name)) return notVerifiable("topic name is an unresolved reference", [String(name)]);
    if (typeof name !== "string") return fail("topic name is not set");
    if (name.length > TOPIC_NAME_MAX_LENGTH)
      return fail(`topic name is ${name.length} characters (max ${TOPIC_NAME_MAX_LENGTH})`);
    if (TOPIC_NAME_PATTERN.test(name)) return pass();
    return fail(`topic name ${show(name)} does not match ${TOPIC_NAME_PATTERN.source}`);
  },
});
