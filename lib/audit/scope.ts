/**
 * What makes a document worth auditing: at least one Kafka resource. A file of VPCs, buckets or
 * unrelated IAM roles has nothing the standard speaks about, and a green PASS on it would mislead.
 */
import type { AuditResource, DocumentView } from "./types";
import { namedAsScramSecret } from "./rules/shared/kms";
import { IAM_POLICY_TYPES, policyStatements } from "./rules/shared/iam-policy";

/** Type prefixes of Kafka resources: MSK, MSK Connect, the Kafka (Mongey) and Confluent providers. */
const KAFKA_TYPE_PREFIXES = ["aws_msk", "kafka_", "confluent_"] as const;

/**
 * True for a resource the standard speaks about: an MSK, MSK Connect, Kafka-provider or Confluent
 * resource, a resource a library construct built, a SCRAM secret (`AmazonMSK_…`), or an IAM policy
 * that names `kafka-cluster:` actions.
 */
export function isKafkaResource(doc: DocumentView, resource: AuditResource): boolean {
  if (resource.mode !== "managed") return false;
  if (KAFKA_TYPE_PREFIXES.some((p) => resource.type.startsWith(p))) return true;
  if (resource.metadata?.construct !== undefined) return true;
  if (resource.type === "aws_secretsmanager_secret") return namedAsScramSecret(resource);
  if ((IAM_POLICY_TYPES as readonly string[]).includes(resource.type)) {
    return (policyStatements(resource, doc) ?? []).some((s) =>
      s.actions.some((a) => a.toLowerCase().startsWith("kafka-cluster:")),
    );
  }
  return false;
}

/** Number of Kafka resources in a document. */
export function countKafkaResources(doc: DocumentView): number {
  return doc.all().filter((r) => isKafkaResource(doc, r)).length;
}
