import { DEAD_LETTER_TOPIC_PARTITIONS } from "../standards/connect";
import type { IKafkaCluster } from "../topic/kafka-cluster";
import type { KafkaTopic } from "../topic/kafka-topic";
import type { ResolvedConnector } from "./connector-config";
import type { ConnectorIntentProps } from "./kafka-connector-props";

/**
 * What every connector declares on its cluster, on both backends: a sink's dead-letter topic (class
 * `dlq`) and the registry subjects of the topics it reads or writes.
 */
export function declareConnectorTopics(
  cluster: IKafkaCluster,
  r: ResolvedConnector,
  props: Pick<ConnectorIntentProps, "owner" | "schemaRegistry" | "subjects">,
): KafkaTopic | undefined {
  const deadLetter = r.deadLetterTopic
    ? cluster.addTopic(r.deadLetterTopic, {
        topicClass: "dlq",
        partitions: DEAD_LETTER_TOPIC_PARTITIONS,
        owner: props.owner,
      })
    : undefined;
  for (const t of r.definition.topics) props.schemaRegistry?.addTopicSubjects(t.topicName, props.subjects);
  return deadLetter;
}
