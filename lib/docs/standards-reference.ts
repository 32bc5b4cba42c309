import { TIER_POLICIES, ENVIRONMENT_TIERS, STORAGE_AUTOSCALING } from "../standards/tiers";
import { CONNECTOR_MODERNIZATIONS } from "../standards/connector-modernization";
import { MQ_MIGRATION_PHASES, MQ_MIGRATION_STANDARD } from "../standards/mq-migration";
import { KAFKA_VERSION_CATALOG, KafkaVersion } from "../standards/kafka-versions";
import { BROKER_INSTANCE_CATALOG } from "../standards/broker-types";
import { MSK_EXPRESS_CONFIG_KEYS, brokerBaseline } from "../standards/broker-baseline";
import { MSK_ALARM_THRESHOLDS } from "../standards/alarm-thresholds";
import { TOPIC_CLASSES, TOPIC_CLASS_NAMES } from "../standards/topic-classes";
import { CLIENT_PROFILES, CLIENT_PROFILE_NAMES } from "../standards/client-profiles";
import {
  CONFLUENT_CLUSTER_KINDS,
  CONFLUENT_CLUSTER_TYPES,
  CONFLUENT_TIER_RULES,
  DEDICATED_CKU,
} from "../standards/confluent";
import { CONFLUENT_EDITABLE_TOPIC_KEYS, CONFLUENT_REPLICATION_FACTOR } from "../standards/topic-config";
import {
  MSK_SCRAM_SECRET_PREFIX,
  RESOURCE_NAME_PATTERN,
  STANDARD_TAG_KEYS,
  TOPIC_NAME_PATTERN,
} from "../standards/naming";

function table(header: readonly string[], rows: readonly (readonly (string | number | boolean)[])[]): string {
  const esc = (v: string | number | boolean): string => String(v).replace(/\|/g, "\\|");
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(esc).join(" | ")} |`),
  ].join("\n");
}

function days(ms: number): string {
  if (ms < 0) return "unlimited";
  const d = ms / 86_400_000;
  return d >= 365 ? `${(d / 365).toFixed(1)} years (${Math.round(d)} days)` : `${d} days`;
}

/** Renders the standards reference (docs/STANDARDS.md) from the data in lib/standards. */
export function renderStandardsReference(): string {
  const out: string[] = [];
  out.push("# The standard, as data");
  out.push("");
  out.push(
    "Generated from `lib/standards/` by `npm run docs:standards`; do not edit by hand. Constructs take their defaults from the same data and the audit checks against it, so the three cannot disagree.",
  );
  out.push("");
  out.push("## Environment tiers");
  out.push("");
  out.push(
    table(
      ["", ...ENVIRONMENT_TIERS],
      [
        ["Minimum brokers", ...ENVIRONMENT_TIERS.map((t) => TIER_POLICIES[t].minBrokerNodes)],
        ["Minimum availability zones", ...ENVIRONMENT_TIERS.map((t) => TIER_POLICIES[t].minAvailabilityZones)],
        ["Broker log retention (days)", ...ENVIRONMENT_TIERS.map((t) => TIER_POLICIES[t].brokerLogRetentionDays)],
        ["Enhanced monitoring", ...ENVIRONMENT_TIERS.map((t) => TIER_POLICIES[t].enhancedMonitoring)],
        ["Default volume per broker (GiB)", ...ENVIRONMENT_TIERS.map((t) => TIER_POLICIES[t].defaultVolumeSizeGiB)],
        [
          "Storage autoscaling maximum (GiB)",
          ...ENVIRONMENT_TIERS.map((t) => TIER_POLICIES[t].storageAutoscalingMaxGiB),
        ],
        ["prevent_destroy", ...ENVIRONMENT_TIERS.map((t) => TIER_POLICIES[t].preventDestroy)],
        ["KMS deletion window (days)", ...ENVIRONMENT_TIERS.map((t) => TIER_POLICIES[t].kmsDeletionWindowDays)],
        ["Burstable (t3) brokers allowed", ...ENVIRONMENT_TIERS.map((t) => TIER_POLICIES[t].allowBurstableBrokers)],
      ],
    ),
  );
  out.push("");
  out.push(
    `Storage autoscaling targets ${STORAGE_AUTOSCALING.defaultTargetUtilizationPercent} % utilisation by default (AWS recommends ${STORAGE_AUTOSCALING.recommendedMinPercent}–${STORAGE_AUTOSCALING.recommendedMaxPercent} %; the service accepts ${STORAGE_AUTOSCALING.serviceMinPercent}–${STORAGE_AUTOSCALING.serviceMaxPercent} %). Volumes: ${STORAGE_AUTOSCALING.minVolumeGiB}–${STORAGE_AUTOSCALING.maxVolumeGiB} GiB per broker.`,
  );
  out.push("");
  out.push("## MSK Kafka versions");
  out.push("");
  out.push(`Default for new clusters: \`${KafkaVersion.DEFAULT.version}\`.`);
  out.push("");
  out.push(
    table(
      ["kafka_version", "KRaft", "Status", "End of support", "Notes"],
      KAFKA_VERSION_CATALOG.map((v) => [
        `\`${v.version}\``,
        v.kraft ? "yes" : "no",
        v.status,
        v.endOfSupport ?? "—",
        [
          v.expressOnly ? "Express brokers only" : "",
          v.version === KafkaVersion.DEFAULT.version ? "library default" : "",
          v.status === "recommended" ? "AWS recommended" : "",
        ]
          .filter(Boolean)
          .join(", "),
      ]),
    ),
  );
  out.push("");
  out.push("## Broker instance types");
  out.push("");
  out.push(
    table(
      ["Instance type", "Family", "Partitions (recommended / max)", "Ingress MB/s", "Egress MB/s", "Notes"],
      BROKER_INSTANCE_CATALOG.map((b) => [
        `\`${b.instanceType}\``,
        b.family,
        `${b.recommendedPartitions} / ${b.maxPartitions}`,
        b.recommendedIngressMBps,
        b.recommendedEgressMBps,
        [b.burstable ? "dev only" : "", b.provisionedThroughput ? "provisioned EBS throughput" : ""]
          .filter(Boolean)
          .join(", "),
      ]),
    ),
  );
  out.push("");
  out.push("## Broker configuration baseline (three or more Standard brokers)");
  out.push("");
  out.push(
    table(
      ["Property", "Value", "Why"],
      brokerBaseline({ brokerNodes: 3, express: false }).map((p) => [`\`${p.key}\``, `\`${p.value}\``, p.reason]),
    ),
  );
  out.push("");
  out.push(
    `Express brokers fix replication factor 3, min ISR 2 and unclean leader election off; their configuration sets ${brokerBaseline(
      { brokerNodes: 3, express: true },
    )
      .map((p) => `\`${p.key}=${p.value}\``)
      .join(", ")}. Keys Express accepts: ${MSK_EXPRESS_CONFIG_KEYS.map((k) => `\`${k}\``).join(", ")}.`,
  );
  out.push("");
  out.push("## Alarm thresholds (MSK, namespace AWS/Kafka)");
  out.push("");
  out.push(
    table(
      ["Alarm", "Metric", "Statistic / period", "Warning", "Critical", "Brokers", "Source"],
      MSK_ALARM_THRESHOLDS.map((a) => [
        a.id,
        `\`${a.metric}\``,
        `${a.statistic} / ${a.periodSeconds} s`,
        a.warning
          ? `${a.comparison.replace("Threshold", "")} ${a.warning.threshold} × ${a.warning.evaluationPeriods}`
          : "—",
        `${a.comparison.replace("Threshold", "")} ${a.critical.threshold} × ${a.critical.evaluationPeriods}`,
        a.appliesTo.join(", "),
        a.source,
      ]),
    ),
  );
  out.push("");
  out.push("## Topic classes");
  out.push("");
  out.push(
    table(
      ["Class", "cleanup.policy", "Retention", "RF ≥", "min ISR", "Durable", "Archival", "Personal data", "What"],
      TOPIC_CLASS_NAMES.map((n) => {
        const c = TOPIC_CLASSES[n];
        return [
          n,
          c.cleanupPolicy,
          days(c.retentionMs),
          c.minReplicationFactor,
          c.minInsyncReplicas,
          c.durable,
          c.archival,
          c.personalData,
          c.summary,
        ];
      }),
    ),
  );
  out.push("");
  out.push("## Client profiles");
  out.push("");
  for (const n of CLIENT_PROFILE_NAMES) {
    const p = CLIENT_PROFILES[n];
    out.push(`### ${n}`);
    out.push("");
    out.push(`${p.summary} Requires durable topics (RF ≥ 3, min ISR ≥ 2): ${p.requiresDurableTopic ? "yes" : "no"}.`);
    out.push("");
    const keys = (o: Readonly<Record<string, string>>): string =>
      Object.entries(o)
        .map(([k, v]) => `\`${k}=${v}\``)
        .join("<br>");
    out.push(
      table(
        ["", "Java client", "librdkafka"],
        [
          ["Producer", keys(p.producer.java), keys(p.producer.librdkafka)],
          ["Consumer", keys(p.consumer.java), keys(p.consumer.librdkafka)],
        ],
      ),
    );
    out.push("");
  }
  out.push("## Confluent Cloud cluster types");
  out.push("");
  out.push(
    table(
      [
        "Type",
        "Zones",
        "Networking",
        "RBAC in Kafka",
        "BYOK",
        "Scaling",
        "Ingress / egress MBps",
        "Partitions",
        "Storage",
      ],
      CONFLUENT_CLUSTER_KINDS.map((k) => {
        const t = CONFLUENT_CLUSTER_TYPES[k];
        return [
          k,
          t.availabilities.join(", "),
          t.networking.join(", "),
          t.rbacInKafka,
          t.byok,
          t.scaling,
          `${t.limits.ingressMBps} / ${t.limits.egressMBps}`,
          t.limits.partitions,
          t.limits.storageTB === undefined ? "unlimited" : `${t.limits.storageTB} TB`,
        ];
      }),
    ),
  );
  out.push("");
  out.push(
    table(
      ["", ...ENVIRONMENT_TIERS],
      [
        [
          "Cluster types allowed",
          ...ENVIRONMENT_TIERS.map((t) => CONFLUENT_TIER_RULES[t].allowedClusterTypes.join(", ")),
        ],
        ["Multi-zone required", ...ENVIRONMENT_TIERS.map((t) => CONFLUENT_TIER_RULES[t].requireMultiZone)],
        [
          "Public endpoints need prodOverride",
          ...ENVIRONMENT_TIERS.map((t) => CONFLUENT_TIER_RULES[t].publicNeedsOverride),
        ],
      ],
    ),
  );
  out.push("");
  out.push(
    `Dedicated: ${DEDICATED_CKU.min}–${DEDICATED_CKU.max} CKU, at least ${DEDICATED_CKU.minMultiZone} multi-zone. Topics: replication factor fixed at ${CONFLUENT_REPLICATION_FACTOR}; settable keys ${CONFLUENT_EDITABLE_TOPIC_KEYS.map((k) => `\`${k}\``).join(", ")}.`,
  );
  out.push("");
  out.push("## Naming and tags");
  out.push("");
  out.push(`- Resource names: \`${RESOURCE_NAME_PATTERN.source}\`, suffixed with the tier (\`orders-prod\`).`);
  out.push(`- Topic names: \`${TOPIC_NAME_PATTERN.source}\` (\`<domain>.<dataset>[.<qualifier>]\`).`);
  out.push(`- SCRAM secrets: \`${MSK_SCRAM_SECRET_PREFIX}<cluster>_<user>\`.`);
  out.push(
    `- Tags on every AWS resource: ${Object.values(STANDARD_TAG_KEYS)
      .map((k) => `\`${k}\``)
      .join(", ")}.`,
  );
  out.push("");
  out.push("## Connector modernization");
  out.push("");
  out.push(
    "Deprecated connector classes and keys and their standard replacements (`lib/standards/connector-modernization.ts`): audited by KS-CONNECT-001, inventoried and rewritten by `kafka-standards connectors`.",
  );
  out.push("");
  out.push(
    table(
      ["id", "deprecated", "replacement", "kind", "source"],
      CONNECTOR_MODERNIZATIONS.map((e) => [
        `\`${e.id}\``,
        e.title,
        e.replacement,
        e.kind === "mechanical"
          ? `mechanical: ${[
              ...(e.renames ?? []).map(
                (r) => `\`${r.from}${r.prefix ? "*" : ""}\` → \`${r.to}${r.prefix ? "*" : ""}\``,
              ),
              ...(e.values ?? []).map((v) => `\`${v.key}\` ${v.from} → ${v.to}`),
            ].join(", ")}`
          : "manual",
        e.source,
      ]),
    ),
  );
  out.push("");
  out.push("## IBM MQ migration phases");
  out.push("");
  out.push(
    table(
      ["phase", "what runs", "exit criteria", "rollback"],
      MQ_MIGRATION_PHASES.map((p) => [p.phase, p.summary, p.exitCriteria.join(" "), p.rollback]),
    ),
  );
  out.push("");
  out.push(
    `Default rollback window ${MQ_MIGRATION_STANDARD.defaultRollbackWindowDays} days; throughput alarm at ${MQ_MIGRATION_STANDARD.throughputWarningRatio} × (Warning) and ${MQ_MIGRATION_STANDARD.throughputCriticalRatio} × (Critical) the inventory's volume; messages up to ${MQ_MIGRATION_STANDARD.maxMessageBytes} bytes.`,
  );
  out.push("");
  return out.join("\n");
}
