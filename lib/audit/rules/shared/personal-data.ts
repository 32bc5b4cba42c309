/**
 * GDPR scope: which resources hold personal data.
 */
import { PERSONAL_DATA_CLASSIFICATION } from "../../../standards/audit-controls";
import { STANDARD_TAG_KEYS } from "../../../standards/naming";
import type { AuditResource, DocumentView } from "../../types";
import { block, resourceTags } from "../../values";
import { TOPIC_TYPES } from "./topics";

function isPersonalValue(value: unknown): boolean {
  return typeof value === "string" && value.trim().toLowerCase() === PERSONAL_DATA_CLASSIFICATION;
}

/** True when the resource is marked as holding personal data (topic class, metadata or tag). */
export function holdsPersonalData(resource: AuditResource): boolean {
  return (
    isPersonalValue(resource.metadata?.class) ||
    isPersonalValue(resource.metadata?.dataClassification) ||
    isPersonalValue(resourceTags(resource)[STANDARD_TAG_KEYS.dataClassification])
  );
}

/** Topics of the document by the Confluent cluster they name (`kafka_cluster.id`), and those whose cluster is out of sight. */
interface TopicsByCluster {
  readonly byCluster: ReadonlyMap<AuditResource, readonly AuditResource[]>;
  /** Topics whose cluster is not a cluster of the document (Kafka-provider topics, or a cluster out of sight). */
  readonly unattributed: readonly AuditResource[];
}

const TOPICS_BY_CLUSTER = {};

function topicsByCluster(doc: DocumentView): TopicsByCluster {
  return doc.memo(TOPICS_BY_CLUSTER, () => {
    const byCluster = new Map<AuditResource, AuditResource[]>();
    const unattributed: AuditResource[] = [];
    for (const type of TOPIC_TYPES) {
      for (const topic of doc.ofType(type)) {
        const clusters = doc
          .targets(block(topic.attributes, "kafka_cluster")?.id)
          .filter((c) => c.type === "confluent_kafka_cluster");
        if (clusters.length === 0) unattributed.push(topic);
        for (const c of clusters) {
          const list = byCluster.get(c);
          if (list) list.push(topic);
          else byCluster.set(c, [topic]);
        }
      }
    }
    return { byCluster, unattributed };
  });
}

/**
 * Whether a Confluent cluster is in GDPR scope: `yes` when it or one of its topics is marked
 * personal (or a topic whose cluster cannot be told is); `no` when its topics are in the document
 * and none is; `unknown` when none of its topics is in sight (a cluster of another tool whose
 * topics live elsewhere). The library keeps a cluster's topics in the cluster's stack.
 */
export function clusterHoldsPersonalData(doc: DocumentView, cluster: AuditResource): "yes" | "no" | "unknown" {
  if (holdsPersonalData(cluster)) return "yes";
  const { byCluster, unattributed } = topicsByCluster(doc);
  const own = byCluster.get(cluster) ?? [];
  if (own.some(holdsPersonalData) || unattributed.some(holdsPersonalData)) return "yes";
  if (own.length > 0 || cluster.metadata?.construct !== undefined) return "no";
  return "unknown";
}
