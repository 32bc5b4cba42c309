/**
 * Reading `aws_msk_cluster`, `aws_mskconnect_connector` and the resources around them.
 */
import type { EnvironmentTier } from "../../../standards/tiers";
import type { AuditResource, DocumentView } from "../../types";
import { block, bool, str } from "../../values";

/** The three broker-log destinations of `logging_info.broker_logs`. */
export const BROKER_LOG_DESTINATIONS = ["cloudwatch_logs", "firehose", "s3"] as const;

/** One declared log destination and whether it is enabled. */
export interface LogDestination {
  readonly kind: (typeof BROKER_LOG_DESTINATIONS)[number];
  /** `true`, `false`, or undefined when absent or unresolved. */
  readonly enabled: boolean | undefined;
  /** Raw `enabled` value (for unresolved references). */
  readonly rawEnabled: unknown;
  readonly attributes: Record<string, unknown>;
}

/** Destinations declared in `logging_info.broker_logs` (cluster) or `log_delivery.worker_log_delivery` (connector). */
export function logDestinations(resource: AuditResource): LogDestination[] {
  const container =
    resource.type === "aws_mskconnect_connector"
      ? block(resource.attributes, "log_delivery", "worker_log_delivery")
      : block(resource.attributes, "logging_info", "broker_logs");
  if (!container) return [];
  const out: LogDestination[] = [];
  for (const kind of BROKER_LOG_DESTINATIONS) {
    const dest = block(container, kind);
    if (dest) out.push({ kind, enabled: bool(dest.enabled), rawEnabled: dest.enabled, attributes: dest });
  }
  return out;
}

/** True when the cluster uses Express brokers. */
export function isExpressCluster(cluster: AuditResource): boolean {
  const type = str(block(cluster.attributes, "broker_node_group_info")?.instance_type);
  return type !== undefined && type.startsWith("express.");
}

/** Clusters and connectors whose CloudWatch log destination is `logGroup` (by reference or name). */
export function logGroupUsers(doc: DocumentView, logGroup: AuditResource): AuditResource[] {
  const users: AuditResource[] = [];
  for (const r of [...doc.ofType("aws_msk_cluster"), ...doc.ofType("aws_mskconnect_connector")]) {
    const cw = logDestinations(r).find((d) => d.kind === "cloudwatch_logs");
    const target = cw?.attributes.log_group;
    if (target !== undefined && doc.refersTo(target, logGroup)) users.push(r);
  }
  return users;
}

/** Clusters that attach `configuration` through `configuration_info.arn`. */
export function configurationUsers(doc: DocumentView, configuration: AuditResource): AuditResource[] {
  return doc
    .ofType("aws_msk_cluster")
    .filter((c) => doc.refersTo(block(c.attributes, "configuration_info")?.arn, configuration));
}

const TIER_ORDER: readonly EnvironmentTier[] = ["dev", "staging", "prod"];

/**
 * Tier of a supporting resource (key, log group, secret): its own tier, else the highest tier of
 * the resources that use it, else the audit default.
 */
export function supportingTier(
  resource: AuditResource,
  users: readonly AuditResource[],
  ownTier: (r: AuditResource) => EnvironmentTier | undefined,
  tierOf: (r: AuditResource) => EnvironmentTier | undefined,
): EnvironmentTier | undefined {
  const own = ownTier(resource);
  if (own) return own;
  const fromUsers = users.map(ownTier).filter((t): t is EnvironmentTier => t !== undefined);
  if (fromUsers.length > 0) return fromUsers.sort((a, b) => TIER_ORDER.indexOf(b) - TIER_ORDER.indexOf(a))[0];
  return tierOf(resource);
}
