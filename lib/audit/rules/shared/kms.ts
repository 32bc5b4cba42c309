/**
 * KMS keys and SCRAM secrets: which keys Kafka resources use, which secrets are SCRAM credentials,
 * and whether a reference is a customer-managed key. Every relation is indexed once per document.
 */
import { MSK_SCRAM_SECRET_PREFIX } from "../../../standards/naming";
import type { AuditResource, DocumentView } from "../../types";
import { block, isSet, isUnresolved, str, strings } from "../../values";
import { isKafkaLogGroup } from "./msk";

/** True for a literal that names an AWS-managed key (`alias/aws/...`), which cannot be a CMK. */
export function isAwsManagedKeyLiteral(value: unknown): boolean {
  return typeof value === "string" && !isUnresolved(value) && /(^|:)alias\/aws\//.test(value);
}

/** The secret references of a SCRAM secret association (single or list form). */
export function associationSecretRefs(association: AuditResource): string[] {
  const a = association.attributes;
  return association.type === "aws_msk_single_scram_secret_association"
    ? strings(a.secret_arn)
    : strings(a.secret_arn_list);
}

/** SCRAM association resource types. */
export const SCRAM_ASSOCIATION_TYPES = [
  "aws_msk_scram_secret_association",
  "aws_msk_single_scram_secret_association",
] as const;

const ASSOCIATED = {};

/** Secrets an association in the document associates with an MSK cluster. */
export function associatedScramSecrets(doc: DocumentView): ReadonlySet<AuditResource> {
  return doc.memo(ASSOCIATED, () => {
    const out = new Set<AuditResource>();
    for (const type of SCRAM_ASSOCIATION_TYPES) {
      for (const a of doc.ofType(type)) {
        for (const ref of associationSecretRefs(a)) {
          for (const t of doc.targets(ref)) if (t.type === "aws_secretsmanager_secret") out.add(t);
        }
      }
    }
    return out;
  });
}

/** A secret's name (or name prefix) when it is a literal. */
export function secretName(secret: AuditResource): string | undefined {
  const raw = secret.attributes.name ?? secret.attributes.name_prefix;
  return isUnresolved(raw) ? undefined : str(raw);
}

/** True when the secret's own name says it is an MSK SCRAM secret (MSK only associates `AmazonMSK_…`). */
export function namedAsScramSecret(secret: AuditResource): boolean {
  return secretName(secret)?.startsWith(MSK_SCRAM_SECRET_PREFIX) === true;
}

/**
 * Why a secret is a SCRAM secret: `associated` when an association in the document names it,
 * `named` when only its own name says so (its association may be in another file), else undefined.
 */
export function scramEvidence(doc: DocumentView, secret: AuditResource): "associated" | "named" | undefined {
  if (associatedScramSecrets(doc).has(secret)) return "associated";
  return namedAsScramSecret(secret) ? "named" : undefined;
}

const SCRAM_SECRETS = {};

/** SCRAM secrets of the document: associated with a cluster, or named `AmazonMSK_…`. */
export function scramSecrets(doc: DocumentView): readonly AuditResource[] {
  return doc.memo(SCRAM_SECRETS, () =>
    doc.ofType("aws_secretsmanager_secret").filter((s) => scramEvidence(doc, s) !== undefined),
  );
}

/**
 * The KMS keys a key reference names in the document: the key itself, or the key an alias
 * (`alias/…` name, ARN or reference) targets.
 */
export function keysReferenced(doc: DocumentView, value: unknown): AuditResource[] {
  const out: AuditResource[] = [];
  for (const t of doc.targets(value)) {
    if (t.type === "aws_kms_key") out.push(t);
    else if (t.type === "aws_kms_alias") {
      for (const k of doc.targets(t.attributes.target_key_id)) if (k.type === "aws_kms_key") out.push(k);
    }
  }
  return [...new Set(out)];
}

/** The key reference each Kafka resource encrypts with: cluster at rest, SCRAM secret, broker log group. */
export function kafkaKeyReference(resource: AuditResource): unknown {
  if (resource.type === "aws_msk_cluster") {
    return block(resource.attributes, "encryption_info")?.encryption_at_rest_kms_key_arn;
  }
  return resource.attributes.kms_key_id;
}

const KEY_USERS = {};

/** Every Kafka resource that encrypts with a key: clusters, SCRAM secrets and Kafka log groups. */
export function kafkaKeyConsumers(doc: DocumentView): readonly AuditResource[] {
  return [
    ...doc.ofType("aws_msk_cluster"),
    ...scramSecrets(doc),
    ...doc.ofType("aws_cloudwatch_log_group").filter((g) => isKafkaLogGroup(doc, g)),
  ];
}

/** Kafka resources that encrypt with `key`: clusters (at rest), SCRAM secrets, broker log groups. */
export function kafkaKeyUsers(doc: DocumentView, key: AuditResource): readonly AuditResource[] {
  const index = doc.memo(KEY_USERS, () => {
    const map = new Map<AuditResource, AuditResource[]>();
    for (const user of kafkaKeyConsumers(doc)) {
      for (const k of keysReferenced(doc, kafkaKeyReference(user))) {
        const list = map.get(k);
        if (list) list.push(user);
        else map.set(k, [user]);
      }
    }
    return map;
  });
  return index.get(key) ?? [];
}

/**
 * Whether `value` (a `kms_key_id` / `*_kms_key_arn`) names a customer-managed key:
 * `missing` when unset, `aws-managed` for `alias/aws/...`, else `customer`.
 */
export function keyKind(value: unknown): "missing" | "aws-managed" | "customer" {
  if (!isSet(value)) return "missing";
  if (isAwsManagedKeyLiteral(value)) return "aws-managed";
  return "customer";
}

/** The MSK service as a key policy names it (principal `kafka.amazonaws.com`, `kms:ViaService` `kafka.<region>.amazonaws.com`). */
const KAFKA_SERVICE_IN_POLICY = /\bkafka(\.[a-z0-9-]+)?\.amazonaws\.com/;

/**
 * True when a key protects Kafka data: a cluster, SCRAM secret or Kafka log group in the document
 * encrypts with it, or, when those are out of sight, the key says so itself (the library's
 * metadata, or a key policy that names the MSK service).
 */
export function isKafkaKey(doc: DocumentView, key: AuditResource): boolean {
  if (kafkaKeyUsers(doc, key).length > 0) return true;
  if (key.metadata?.construct === "MskCluster") return true;
  const policy = key.attributes.policy;
  return typeof policy === "string" && KAFKA_SERVICE_IN_POLICY.test(policy);
}

/** True when `resource` is a Kafka resource that encrypts with a key (cluster, SCRAM secret, Kafka log group). */
export function isKafkaKeyConsumer(doc: DocumentView, resource: AuditResource): boolean {
  switch (resource.type) {
    case "aws_msk_cluster":
      return true;
    case "aws_secretsmanager_secret":
      return scramEvidence(doc, resource) !== undefined;
    case "aws_cloudwatch_log_group":
      return isKafkaLogGroup(doc, resource);
    default:
      return false;
  }
}

/** Resource types whose key reference a key rule follows (for checks on keys out of sight). */
export const KAFKA_KEY_CONSUMER_TYPES = [
  "aws_msk_cluster",
  "aws_secretsmanager_secret",
  "aws_cloudwatch_log_group",
] as const;

/**
 * For a key rule evaluated on a Kafka resource rather than on a key: the customer-managed key the
 * resource uses is either in the document (checked there: `undefined`) or out of sight (`missing`
 * names it). Not applicable when the resource is not a key consumer or uses no customer-managed key.
 */
export function keyOutOfSight(
  doc: DocumentView,
  resource: AuditResource,
):
  | { readonly applies: false; readonly reason: string }
  | { readonly applies: true; readonly missing: readonly string[] } {
  if (!isKafkaKeyConsumer(doc, resource)) return { applies: false, reason: "not a Kafka resource that uses a key" };
  const ref = kafkaKeyReference(resource);
  if (keyKind(ref) !== "customer") return { applies: false, reason: "uses no customer-managed key" };
  if (keysReferenced(doc, ref).length > 0) return { applies: false, reason: "its key is checked on the aws_kms_key" };
  const missing = doc.outside(ref);
  if (missing.length === 0) return { applies: false, reason: "its key reference names no KMS key" };
  return { applies: true, missing };
}
