/**
 * The configuration section of the architecture doc, per cluster: platform, size, encryption,
 * authentication, logging and monitoring, and (MSK) the effective broker settings of the attached
 * `aws_msk_configuration` against the standard's broker baseline, each with ✓ or ✗.
 */
import { brokerBaseline, BASELINE_REQUIREMENTS, parseServerProperties } from "../standards/broker-baseline";
import { CONFLUENT_CLUSTER_TYPES, CONFLUENT_TIER_RULES, ConfluentClusterKind } from "../standards/confluent";
import {
  ENHANCED_MONITORING_LEVELS,
  EnhancedMonitoringLevel,
  TIER_POLICIES,
  isEnvironmentTier,
} from "../standards/tiers";
import { MSK_DEFAULTS } from "../audit/rules/shared/configuration";
import { ClusterEntry } from "./architecture-clusters";
import { DocIndex, block, bool, display, first, num, str } from "./architecture-document";
import type { Inventory } from "./architecture-inventory";
import { compareText } from "../core/compare";
import { escapeCell, table as markdownTable } from "../audit/report/markdown";

/** ✓ or ✗ for a check; empty when nothing is checked. */
export function mark(ok: boolean | undefined): string {
  return ok === undefined ? "" : ok ? "✓" : "✗";
}

/** Escapes a Markdown table cell; an empty value stays blank (the audit report's `cell` shows a dash). */
export function cell(text: unknown): string {
  return escapeCell(String(text ?? ""));
}

/** A Markdown table with blank empty cells. */
export function table(header: readonly string[], rows: readonly (readonly unknown[])[]): string[] {
  return markdownTable(header, rows, cell);
}

type Row = [aspect: string, value: string, standard: string, ok: boolean | undefined];

/** Effective `server.properties` of a cluster's attached configuration, or undefined. */
export function brokerProperties(index: DocIndex, c: ClusterEntry): Record<string, string> | undefined {
  const conf = index.ref(block(c.resource?.attrs, "configuration_info")?.arn, ["aws_msk_configuration"]);
  const text = str(conf?.attrs.server_properties);
  return text === undefined || text.includes("${") ? undefined : parseServerProperties(text);
}

function isExpress(c: ClusterEntry): boolean {
  return str(block(c.resource?.attrs, "broker_node_group_info")?.instance_type)?.startsWith("express.") === true;
}

function mskRows(c: ClusterEntry): Row[] {
  const a = c.resource!.attrs;
  const info = block(a, "broker_node_group_info");
  const brokers = num(a.number_of_broker_nodes);
  const policy = isEnvironmentTier(c.tier) ? TIER_POLICIES[c.tier] : undefined;
  const volume = num(block(info, "storage_info", "ebs_storage_info")?.volume_size);
  const transit = block(a, "encryption_info", "encryption_in_transit");
  const clientBroker = str(transit?.client_broker) ?? "TLS_PLAINTEXT (provider default)";
  const inCluster = bool(transit?.in_cluster) ?? true;
  const auth = block(a, "client_authentication");
  const sasl = block(auth, "sasl");
  const modes = [
    bool(sasl?.iam) && "IAM",
    bool(sasl?.scram) && "SASL/SCRAM",
    block(auth, "tls") && "mutual TLS",
  ].filter(Boolean);
  const unauthenticated = bool(auth?.unauthenticated) === true;
  const publicAccess = str(block(info, "connectivity_info", "public_access")?.type) ?? "DISABLED";
  const level = (str(a.enhanced_monitoring) ?? "DEFAULT") as EnhancedMonitoringLevel;
  const minLevel = policy?.enhancedMonitoring;
  return [
    ["Platform", `Amazon MSK${c.tier ? `, tier ${c.tier}` : ""}`, "", undefined],
    ["Kafka version", display(a.kafka_version), "", undefined],
    [
      "Brokers",
      `${brokers ?? display(a.number_of_broker_nodes)} × ${display(info?.instance_type)}${volume ? `, ${volume} GiB each` : ""}`,
      policy ? `≥ ${policy.minBrokerNodes} (${policy.tier})` : "",
      policy && brokers !== undefined ? brokers >= policy.minBrokerNodes : undefined,
    ],
    [
      "Encryption at rest",
      c.keys.length > 0 ? c.keys.map((k) => k.label).join(", ") : "AWS-managed key",
      "customer-managed KMS key",
      c.keys.length > 0,
    ],
    [
      "Encryption in transit",
      `client–broker ${clientBroker}, in-cluster ${inCluster ? "TLS" : "plaintext"}`,
      "TLS, in-cluster TLS",
      clientBroker === "TLS" && inCluster,
    ],
    [
      "Authentication",
      [...modes, unauthenticated ? "unauthenticated" : undefined].filter(Boolean).join(", ") || "none",
      "IAM, SCRAM or mutual TLS; no unauthenticated access",
      modes.length > 0 && !unauthenticated,
    ],
    ["Public access", publicAccess, "DISABLED", publicAccess === "DISABLED"],
    ["Broker logs", c.logs.map((l) => l.label).join(", ") || "none", "at least one destination", c.logs.length > 0],
    [
      "Enhanced monitoring",
      level,
      minLevel ? `≥ ${minLevel}` : "",
      minLevel ? ENHANCED_MONITORING_LEVELS.indexOf(level) >= ENHANCED_MONITORING_LEVELS.indexOf(minLevel) : undefined,
    ],
    alarmRow(c),
  ];
}

function alarmRow(c: ClusterEntry): Row {
  const counts = Object.entries(c.alarms)
    .sort(([x], [y]) => compareText(x, y))
    .map(([severity, n]) => `${n} ${severity}`);
  return [
    "Alarms",
    counts.join(", ") || "none",
    "Warning and Critical alarms with escalation",
    (c.alarms.Critical ?? 0) > 0,
  ];
}

/** Confluent cluster type from the block present (`basic`, `standard`, `enterprise`, `dedicated`, `freight`). */
export function confluentKind(attrs: Readonly<Record<string, unknown>> | undefined): string | undefined {
  return ["basic", "standard", "enterprise", "dedicated", "freight"].find(
    (k) => attrs?.[k] !== undefined && attrs[k] !== null,
  );
}

function confluentRows(inv: Inventory, c: ClusterEntry): Row[] {
  const a = c.resource!.attrs;
  const kind = confluentKind(a);
  const info =
    kind && kind in CONFLUENT_CLUSTER_TYPES ? CONFLUENT_CLUSTER_TYPES[kind as ConfluentClusterKind] : undefined;
  const rules = isEnvironmentTier(c.tier) ? CONFLUENT_TIER_RULES[c.tier] : undefined;
  const availability = str(a.availability) ?? "";
  const multiZone = availability === "MULTI_ZONE" || availability === "HIGH";
  const maxEcku = display(first(a[kind ?? ""])?.max_ecku);
  const capacity =
    kind === "dedicated"
      ? `${display(block(a, "dedicated")?.cku)} CKU`
      : maxEcku
        ? `elastic, max ${maxEcku} eCKU`
        : "elastic";
  const keys = inv.index
    .of("confluent_api_key")
    .filter((k) => inv.index.ref(block(k.attrs, "managed_resource")?.id)?.address === c.key);
  const userKeys = keys.filter((k) => str(block(k.attrs, "owner")?.kind) === "User").length;
  const partitions = inv.topics.filter((t) => t.clusterKey === c.key).reduce((n, t) => n + (t.partitions ?? 0), 0);
  const bindings = inv.grants.filter((g) => g.clusterKey === c.key).length;
  return [
    [
      "Platform",
      `Confluent Cloud ${kind ?? "?"}, ${display(a.cloud)} ${display(a.region)}${c.tier ? `, tier ${c.tier}` : ""}`,
      rules ? `type in ${rules.allowedClusterTypes.join("/")}` : "",
      rules && kind ? (rules.allowedClusterTypes as readonly string[]).includes(kind) : undefined,
    ],
    [
      "Availability",
      availability,
      rules?.requireMultiZone ? "multi-zone" : "",
      rules?.requireMultiZone ? multiZone : undefined,
    ],
    ["Capacity", capacity, "", undefined],
    ["Networking", c.network?.label ?? "public endpoints", "", undefined],
    [
      "Encryption",
      `TLS 1.2 in transit and encryption at rest (always on)${c.keys.length > 0 ? `; BYOK ${c.keys.map((k) => k.label).join(", ")}` : ""}`,
      "",
      undefined,
    ],
    [
      "API keys",
      `${keys.length} (${userKeys} owned by users)`,
      "owned by service accounts",
      keys.length === 0 ? undefined : userKeys === 0,
    ],
    ["Grants", `${bindings} (role bindings and ACLs)`, "", undefined],
    [
      "Partitions",
      `${partitions} in this stack`,
      info ? `≤ ${info.limits.partitions} (${kind} limit)` : "",
      info ? partitions <= info.limits.partitions : undefined,
    ],
    [
      "Monitoring",
      `monitoring/${c.name}-prometheus-rules.yml, monitoring/${c.name}-grafana-dashboard.json`,
      "Metrics API alerts and dashboard",
      undefined,
    ],
  ];
}

/** Rows of the broker-settings table: every baseline key, then any other key the configuration sets. */
function brokerSettingRows(inv: Inventory, c: ClusterEntry): Row[] {
  const props = brokerProperties(inv.index, c);
  if (!props) return [];
  const express = isExpress(c);
  const baseline = brokerBaseline({ brokerNodes: num(c.resource?.attrs.number_of_broker_nodes) ?? 3, express });
  const rows: Row[] = baseline.map((b) => {
    const required = (BASELINE_REQUIREMENTS as Readonly<Record<string, { equals?: string; min?: number }>>)[b.key];
    const value =
      props[b.key] ?? (MSK_DEFAULTS[b.key] !== undefined ? `${MSK_DEFAULTS[b.key]} (MSK default)` : "not set");
    const effective = props[b.key] ?? MSK_DEFAULTS[b.key];
    const standard = required?.min !== undefined ? `≥ ${required.min}` : `= ${required?.equals ?? b.value}`;
    const ok =
      required?.min !== undefined
        ? effective !== undefined && Number(effective) >= required.min
        : effective !== undefined && effective.trim().toLowerCase() === (required?.equals ?? b.value);
    return [b.key, value, standard, ok];
  });
  if (express) {
    // Express brokers fix these values (msk-configuration-express-read-only.html).
    rows.push(["default.replication.factor", "3 (fixed on Express)", "≥ 3", true]);
    rows.push(["min.insync.replicas", "2 (fixed on Express)", "≥ 2", true]);
    rows.push(["unclean.leader.election.enable", "false (fixed on Express)", "= false", true]);
  }
  const known = new Set(baseline.map((b) => b.key));
  for (const key of Object.keys(props).sort())
    if (!known.has(key)) rows.push([key, props[key], "not in the baseline", undefined]);
  return rows;
}

/** The configuration section for every cluster of the document. */
export function renderClusterTables(inv: Inventory): string[] {
  const out: string[] = [];
  for (const c of inv.clusters.filter((x) => x.resource)) {
    out.push(`### ${c.name}`, "");
    const rows = c.backend === "msk" ? mskRows(c) : confluentRows(inv, c);
    out.push(
      ...table(
        ["Aspect", "Value", "Standard", "✓/✗"],
        rows.map(([k, v, s, ok]) => [k, v, s, mark(ok)]),
      ),
      "",
    );
    if (c.backend !== "msk") continue;
    const settings = brokerSettingRows(inv, c);
    if (settings.length === 0) {
      out.push("No literal broker configuration is attached: MSK defaults apply.", "");
      continue;
    }
    out.push(
      ...table(
        ["Broker setting", "Effective", "Standard", "✓/✗"],
        settings.map(([k, v, s, ok]) => [`\`${k}\``, v, s, mark(ok)]),
      ),
      "",
    );
  }
  return out;
}

/** Cluster-level defaults a topic inherits when it sets none: min ISR and retention. */
export function brokerTopicDefaults(
  inv: Inventory,
  c: ClusterEntry | undefined,
): { minIsr: number; retentionMs: number } {
  const weekMs = 7 * 24 * 3600 * 1000;
  if (!c || c.backend !== "msk") return { minIsr: 2, retentionMs: weekMs }; // Confluent defaults (kafka-facts §B8)
  const p = brokerProperties(inv.index, c) ?? {};
  const minIsr = num(p["min.insync.replicas"]) ?? num(MSK_DEFAULTS["min.insync.replicas"]) ?? 2;
  // Kafka precedence: log.retention.ms, then .minutes, then .hours (default 168 hours).
  const ms = num(p["log.retention.ms"]);
  const minutes = num(p["log.retention.minutes"]);
  const retentionMs =
    ms ?? (minutes !== undefined ? minutes * 60000 : (num(p["log.retention.hours"]) ?? 168) * 3600000);
  return { minIsr, retentionMs };
}
