import { KafkaStandardsError } from "../errors";
import { ArtifactProducer, JsonAny, TerraformDocument } from "../core/stack-artifacts";

/** Topic resources and the attribute that holds their partition count. */
const PARTITION_ATTRIBUTE: Readonly<Record<string, string>> = Object.freeze({
  kafka_topic: "partitions",
  confluent_kafka_topic: "partitions_count",
});

/** Topics whose partition count is lower in `next` than in `previous` (same Terraform address). */
export function loweredPartitions(
  previous: TerraformDocument,
  next: TerraformDocument,
): { address: string; topic: string; before: number; after: number }[] {
  const out: { address: string; topic: string; before: number; after: number }[] = [];
  for (const [type, attr] of Object.entries(PARTITION_ATTRIBUTE)) {
    const before = (previous.resource?.[type] ?? {}) as Record<string, JsonAny>;
    for (const [name, r] of Object.entries<JsonAny>(next.resource?.[type] ?? {})) {
      const old = before[name];
      if (old && typeof old[attr] === "number" && typeof r[attr] === "number" && r[attr] < old[attr]) {
        out.push({ address: `${type}.${name}`, topic: r.name ?? r.topic_name, before: old[attr], after: r[attr] });
      }
    }
  }
  return out;
}

/**
 * Refuses a synth that lowers a topic's partition count compared with the previous synth of the same
 * stack: the Kafka providers would delete and recreate the topic, losing its data.
 */
export const partitionGuard: ArtifactProducer = {
  name: "partition-guard",
  order: 0,
  usesPreviousDocument: true,
  verifyReadsFiles: false,
  produce: () => [],
  verify({ document, previousDocument }) {
    if (!previousDocument) return;
    const lowered = loweredPartitions(previousDocument, document);
    if (lowered.length === 0) return;
    const first = lowered[0];
    throw new KafkaStandardsError({
      code: "KSE-TOPIC-011",
      prop: "partitions",
      value: lowered.map((l) => `${l.topic}: ${l.before} → ${l.after}`).join(", "),
      allowed: "partition counts that only grow (the provider would delete and recreate the topic, losing its data)",
      fix: `Keep ${first.topic} at ${first.before} or more partitions; to really start over, retire the topic and create a new one under a new name.`,
      path: first.address,
    });
  },
};
