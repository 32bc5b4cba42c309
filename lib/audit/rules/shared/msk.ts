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

/** The CloudWatch log group reference of a cluster's broker logs or a connector's worker logs. */
export function cloudWatchLogGroupReference(resource: AuditResource): unknown {
  return logDestinations(resource).find((d) => d.kind === "cloudwatch_logs")?.attributes.log_group;
}

const LOG_GROUP_USERS = {};

/** Clusters and connectors whose CloudWatch log destination is `logGroup` (by reference or name). */
export function logGroupUsers(doc: DocumentView, logGroup: AuditResource): readonly AuditResource[] {
  const index = doc.memo(LOG_GROUP_USERS, () => {
    const map = new Map<AuditResource, AuditResource[]>();
    for (const r of [...doc.ofType("aws_msk_cluster"), ...doc.ofType("aws_mskconnect_connector")]) {
      for (const g of doc.targets(cloudWatchLogGroupReference(r))) {
        if (g.type !== "aws_cloudwatch_log_group") continue;
        const list = map.get(g);
        if (list) list.push(r);
        else map.set(g, [r]);
      }
    }
    return map;
  });
  return index.get(logGroup) ?? [];
}

/** Log group names MSK and MSK Connect deliveries conventionally use (and the library writes). */
const KAFKA_LOG_GROUP_NAME = /^\/aws\/msk(connect)?\//;

/**
 * True when a log group holds broker or connector logs: a cluster or connector in the document
 * delivers to it, or, when its users are out of sight, its own name or the library's metadata says so.
 */
export function isKafkaLogGroup(doc: DocumentView, logGroup: AuditResource): boolean {
  if (logGroupUsers(doc, logGroup).length > 0) return true;
  const name = str(logGroup.attributes.name);
  return logGroup.metadata?.construct === "MskCluster" || (name !== undefined && KAFKA_LOG_GROUP_NAME.test(name));
}

/** Resource types that deliver logs to a CloudWatch log group. */
export const LOG_GROUP_USER_TYPES = ["aws_msk_cluster", "aws_mskconnect_connector"] as const;

/**
 * For a log-group rule evaluated on a cluster or connector: its CloudWatch log group is in the
 * document (checked there) or out of sight (`missing` names it).
 */
export function logGroupOutOfSight(
  doc: DocumentView,
  resource: AuditResource,
):
  | { readonly applies: false; readonly reason: string }
  | { readonly applies: true; readonly missing: readonly string[] } {
  const cw = logDestinations(resource).find((d) => d.kind === "cloudwatch_logs");
  if (!cw || cw.enabled === false) return { applies: false, reason: "delivers no logs to CloudWatch Logs" };
  const ref = cw.attributes.log_group;
  if (doc.targets(ref).some((g) => g.type === "aws_cloudwatch_log_group")) {
    return { applies: false, reason: "its log group is checked on the aws_cloudwatch_log_group" };
  }
  const missing = doc.outside(ref);
  if (missing.length === 0) return { applies: false, reason: "names no log group" };
  return { applies: true, missing };
}

const CONFIGURATION_USERS = {};

/** Clusters that attach `configuration` through `configuration_info.arn`. */
export function configurationUsers(doc: DocumentView, configuration: AuditResource): readonly AuditResource[] {
  const index = doc.memo(CONFIGURATION_USERS, () => {
    const map = new Map<AuditResource, AuditResource[]>();
    for (const c of doc.ofType("aws_msk_cluster")) {
      for (const t of doc.targets(block(c.attributes, "configuration_info")?.arn)) {
        if (t.type !== "aws_msk_configuration") continue;
        const list = map.get(t);
        if (list) list.push(c);
        else map.set(t, [c]);
      }
    }
    return map;
  });
  return index.get(configuration) ?? [];
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
