/**
 * KMS key references: which keys Kafka resources use, and whether a reference is a
 * customer-managed key.
 */
import type { AuditResource, DocumentView } from "../../types";
import { block, isSet, isUnresolved, strings } from "../../values";
import { logGroupUsers } from "./msk";

/** True for a literal that names an AWS-managed key (`alias/aws/...`), which cannot be a CMK. */
export function isAwsManagedKeyLiteral(value: unknown): boolean {
  return typeof value === "string" && !isUnresolved(value) && /(^|:)alias\/aws\//.test(value);
}

/** `aws_secretsmanager_secret`s associated with an MSK cluster for SASL/SCRAM. */
export function scramSecrets(doc: DocumentView): AuditResource[] {
  const refs: unknown[] = [];
  for (const a of doc.ofType("aws_msk_scram_secret_association")) refs.push(...strings(a.attributes.secret_arn_list));
  for (const a of doc.ofType("aws_msk_single_scram_secret_association")) refs.push(a.attributes.secret_arn);
  return doc.ofType("aws_secretsmanager_secret").filter((s) => refs.some((r) => doc.refersTo(r, s)));
}

/** Kafka resources that encrypt with `key`: clusters (at rest), SCRAM secrets, broker log groups. */
export function kafkaKeyUsers(doc: DocumentView, key: AuditResource): AuditResource[] {
  const users: AuditResource[] = [];
  for (const c of doc.ofType("aws_msk_cluster")) {
    if (doc.refersTo(block(c.attributes, "encryption_info")?.encryption_at_rest_kms_key_arn, key)) users.push(c);
  }
  for (const s of scramSecrets(doc)) if (doc.refersTo(s.attributes.kms_key_id, key)) users.push(s);
  for (const g of doc.ofType("aws_cloudwatch_log_group")) {
    if (logGroupUsers(doc, g).length > 0 && doc.refersTo(g.attributes.kms_key_id, key)) users.push(g);
  }
  return users;
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
