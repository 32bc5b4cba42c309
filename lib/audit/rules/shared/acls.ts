/**
 * One view over `kafka_acl` (Mongey/kafka) and `confluent_kafka_acl`.
 */
import type { AuditResource } from "../../types";
import { str } from "../../values";

/** Resource types that define a Kafka ACL. */
export const ACL_TYPES = ["kafka_acl", "confluent_kafka_acl"] as const;

/** What the ACL rules read. */
export interface AclView {
  readonly principal: string | undefined;
  readonly resourceName: string | undefined;
  readonly resourceType: string | undefined;
  /** Upper-cased pattern type (`LITERAL` when absent, the Mongey default). */
  readonly patternType: string;
  /** True for ALLOW (case-insensitive). */
  readonly allow: boolean;
}

/** Read an ACL resource. */
export function aclView(acl: AuditResource): AclView {
  const a = acl.attributes;
  const confluent = acl.type === "confluent_kafka_acl";
  return {
    principal: str(confluent ? a.principal : a.acl_principal),
    resourceName: str(a.resource_name),
    resourceType: str(a.resource_type),
    patternType: (str(confluent ? a.pattern_type : a.resource_pattern_type_filter) ?? "LITERAL").toUpperCase(),
    allow: (str(confluent ? a.permission : a.acl_permission_type) ?? "").toUpperCase() === "ALLOW",
  };
}
