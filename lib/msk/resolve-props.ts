import { failWith } from "../errors";
import { recordedOverrides, resolveTierAndName } from "../core/resolve-common";
import { isUnresolved } from "../core/resource-metadata";
import { nearest } from "../core/suggest";
import { BrokerInstanceType, brokerInstanceInfo } from "../standards/broker-types";
import { KafkaVersion, kafkaVersionInfo } from "../standards/kafka-versions";
import {
  BASELINE_REQUIREMENTS,
  MSK_EXPRESS_CONFIG_KEYS,
  MSK_STANDARD_CONFIG_KEYS,
  brokerBaseline,
} from "../standards/broker-baseline";
import {
  ENHANCED_MONITORING_LEVELS,
  EnhancedMonitoringLevel,
  EnvironmentTier,
  STORAGE_AUTOSCALING,
  TierPolicy,
} from "../standards/tiers";
import { MSK_SCRAM_SECRET_PREFIX } from "../standards/naming";
import { ClientAuthentication } from "./client-authentication";
import { validateMonitoringOptions } from "../monitoring/msk-monitoring";
import { MskClusterProps } from "./msk-cluster-props";
import { applyMskWorkload } from "../sizing/apply-workload";

/** CloudWatch Logs accepted retention values, in days (PutRetentionPolicy API). */
export const LOG_RETENTION_DAYS = Object.freeze([
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
]);

/** Props with every default applied and every rule checked. */
export interface ResolvedMskClusterProps {
  readonly name: string;
  readonly tier: EnvironmentTier;
  readonly policy: TierPolicy;
  readonly brokerNodes: number;
  readonly instanceType: BrokerInstanceType;
  readonly kafkaVersion: KafkaVersion;
  readonly express: boolean;
  readonly volumeSizeGiB?: number;
  readonly autoscaling?: { readonly targetPercent: number; readonly maxGiB: number };
  readonly authentication: ClientAuthentication;
  readonly logRetentionDays: number;
  readonly enhancedMonitoring: EnhancedMonitoringLevel;
  readonly serverProperties: Readonly<Record<string, string>>;
  readonly clientBroker: "TLS" | "TLS_PLAINTEXT";
  /** Weakenings in effect, by prop, for the audit metadata. */
  readonly overrides: Readonly<Record<string, string>>;
}

const fail: typeof failWith = failWith;

function resolveInstanceType(value: unknown, path: string): BrokerInstanceType {
  if (value === undefined) return BrokerInstanceType.DEFAULT;
  if (value instanceof BrokerInstanceType) return value;
  if (typeof value === "string" && brokerInstanceInfo(value)) return BrokerInstanceType.of(value);
  const hint = typeof value === "string" ? nearest(value, catalogTypes()) : undefined;
  return fail(
    "KSE-MSK-004",
    "instanceType",
    value,
    `a BrokerInstanceType constant (${catalogTypes().slice(0, 4).join(", ")}, …)`,
    `${hint ? `did you mean "${hint}"? ` : ""}Use a BrokerInstanceType constant, or BrokerInstanceType.of("${String(
      value,
    )}") to use a type the standard does not know (the audit reports it).`,
    path,
  );
}

function catalogTypes(): string[] {
  return ["kafka.m7g.large", "kafka.m7g.xlarge", "kafka.m5.large", "express.m7g.large"];
}

function resolveKafkaVersion(value: unknown, path: string): KafkaVersion {
  if (value === undefined) return KafkaVersion.DEFAULT;
  if (value instanceof KafkaVersion) return value;
  if (typeof value === "string" && kafkaVersionInfo(value)) return KafkaVersion.of(value);
  return fail(
    "KSE-MSK-005",
    "kafkaVersion",
    value,
    "a KafkaVersion constant (KafkaVersion.V3_9_X_KRAFT, V3_8_X, V4_1_X_KRAFT, …)",
    `Use a KafkaVersion constant, or KafkaVersion.of("${String(value)}") for a version MSK accepts that the standard does not list yet (the audit reports it).`,
    path,
  );
}

function checkServerProperties(
  props: Readonly<Record<string, string>> | undefined,
  express: boolean,
  path: string,
): void {
  if (!props) return;
  const allowed = express ? MSK_EXPRESS_CONFIG_KEYS : MSK_STANDARD_CONFIG_KEYS;
  for (const key of Object.keys(props)) {
    if (!allowed.includes(key)) {
      const hint = nearest(key, allowed);
      fail(
        "KSE-MSK-013",
        `serverProperties["${key}"]`,
        props[key],
        `keys MSK accepts in a custom configuration for ${express ? "Express" : "Standard"} brokers`,
        hint ? `did you mean "${hint}"?` : `Remove "${key}"; MSK manages it and rejects it in a configuration.`,
        path,
      );
    }
  }
}

/** Baseline keys whose value a caller weakened, with the value given. */
function weakenedBaselineKeys(props: Readonly<Record<string, string>>): string[] {
  const weakened: string[] = [];
  for (const [key, req] of Object.entries(BASELINE_REQUIREMENTS)) {
    const v = props[key];
    if (v === undefined) continue;
    if ("equals" in req && v !== req.equals) weakened.push(`${key}=${v}`);
    if ("min" in req && Number(v) < req.min) weakened.push(`${key}=${v}`);
  }
  return weakened;
}

/** Validates props and applies the standard's defaults. Throws KafkaStandardsError on the first problem. */
export function resolveMskClusterProps(input: MskClusterProps, path: string): ResolvedMskClusterProps {
  const props = applyMskWorkload(input, path);
  const { tier, policy, name } = resolveTierAndName(props, { tier: "KSE-MSK-014", name: "KSE-MSK-011" }, path);

  const subnets = props.clientSubnetIds;
  const subnetsKnown = !isUnresolved(subnets);
  if (subnetsKnown && subnets.length < 2) {
    fail(
      "KSE-MSK-015",
      "clientSubnetIds",
      subnets,
      "2 or 3 subnets in distinct availability zones",
      "List one subnet per AZ.",
      path,
    );
  }
  const subnetCount = subnetsKnown ? subnets.length : 3;
  if (subnetsKnown && new Set(subnets).size !== subnets.length) {
    fail("KSE-MSK-015", "clientSubnetIds", subnets, "distinct subnet ids", "Remove the duplicate subnet.", path);
  }

  const instanceType = resolveInstanceType(props.instanceType, path);
  const kafkaVersion = resolveKafkaVersion(props.kafkaVersion, path);
  const express = instanceType.express;
  const brokerNodes = props.brokerNodes ?? subnetCount;

  if (!Number.isInteger(brokerNodes) || brokerNodes < 1) {
    fail(
      "KSE-MSK-001",
      "brokerNodes",
      brokerNodes,
      "a positive integer multiple of the number of client subnets",
      "Set brokerNodes to e.g. 3 or 6.",
      path,
    );
  }
  if (brokerNodes % subnetCount !== 0) {
    fail(
      "KSE-MSK-001",
      "brokerNodes",
      brokerNodes,
      `a multiple of the number of client subnets (${subnetCount})`,
      `Use ${Math.max(subnetCount, Math.round(brokerNodes / subnetCount) * subnetCount)} brokers, or change the subnets.`,
      path,
    );
  }
  if (brokerNodes < policy.minBrokerNodes) {
    fail(
      "KSE-MSK-002",
      "brokerNodes",
      brokerNodes,
      `at least ${policy.minBrokerNodes} brokers in ${tier}`,
      `Use ${policy.minBrokerNodes} or more brokers (replication factor 3 needs 3 brokers).`,
      path,
    );
  }
  if (subnetCount < policy.minAvailabilityZones) {
    fail(
      "KSE-MSK-003",
      "clientSubnetIds",
      subnets,
      `at least ${policy.minAvailabilityZones} subnets in distinct availability zones in ${tier}`,
      "Add a subnet in a third availability zone.",
      path,
    );
  }
  if (express && (subnetCount !== 3 || brokerNodes % 3 !== 0)) {
    fail(
      "KSE-MSK-009",
      "brokerNodes",
      { brokerNodes, clientSubnets: subnetCount },
      "Express brokers: 3 client subnets and a broker count that is a multiple of 3",
      "Use 3 subnets in 3 AZs and 3, 6, 9 … brokers.",
      path,
    );
  }
  if (kafkaVersion.info?.expressOnly && !express) {
    fail(
      "KSE-MSK-016",
      "kafkaVersion",
      kafkaVersion.version,
      "a version available on Standard brokers",
      "Use an express.m7g.* instance type or another Kafka version.",
      path,
    );
  }
  if (instanceType.info?.burstable && !policy.allowBurstableBrokers) {
    fail(
      "KSE-MSK-012",
      "instanceType",
      instanceType.instanceType,
      `non-burstable brokers in ${tier} (t3 brokers are for dev only)`,
      "Use BrokerInstanceType.M7G_LARGE or larger.",
      path,
    );
  }

  let volumeSizeGiB: number | undefined;
  let autoscaling: ResolvedMskClusterProps["autoscaling"];
  if (!express) {
    volumeSizeGiB = props.volumeSizeGiB ?? policy.defaultVolumeSizeGiB;
    if (
      !isUnresolved(volumeSizeGiB) &&
      (!Number.isInteger(volumeSizeGiB) ||
        volumeSizeGiB < STORAGE_AUTOSCALING.minVolumeGiB ||
        volumeSizeGiB > STORAGE_AUTOSCALING.maxVolumeGiB)
    ) {
      fail(
        "KSE-MSK-006",
        "volumeSizeGiB",
        volumeSizeGiB,
        "an integer from 1 to 16384 GiB",
        "Pick a volume size inside the MSK limits.",
        path,
      );
    }
    if (props.storageAutoscaling !== false) {
      const targetPercent =
        props.storageAutoscaling?.targetUtilizationPercent ?? STORAGE_AUTOSCALING.defaultTargetUtilizationPercent;
      const maxGiB =
        props.storageAutoscaling?.maxVolumeSizeGiB ?? Math.max(policy.storageAutoscalingMaxGiB, volumeSizeGiB);
      if (
        targetPercent < STORAGE_AUTOSCALING.serviceMinPercent ||
        targetPercent > STORAGE_AUTOSCALING.serviceMaxPercent
      ) {
        fail(
          "KSE-MSK-010",
          "storageAutoscaling.targetUtilizationPercent",
          targetPercent,
          "10 to 80 percent (50 to 60 recommended)",
          "Use 55.",
          path,
        );
      }
      if (!Number.isInteger(maxGiB) || maxGiB < volumeSizeGiB || maxGiB > STORAGE_AUTOSCALING.maxVolumeGiB) {
        fail(
          "KSE-MSK-010",
          "storageAutoscaling.maxVolumeSizeGiB",
          maxGiB,
          `an integer from volumeSizeGiB (${volumeSizeGiB}) to 16384`,
          "Raise the maximum above the initial volume, or lower the initial volume.",
          path,
        );
      }
      autoscaling = { targetPercent, maxGiB };
    }
  } else if (props.volumeSizeGiB !== undefined || props.storageAutoscaling) {
    fail(
      "KSE-MSK-006",
      props.volumeSizeGiB !== undefined ? "volumeSizeGiB" : "storageAutoscaling",
      props.volumeSizeGiB ?? props.storageAutoscaling,
      "nothing: Express brokers have no EBS volume to size or scale",
      "Remove the prop, or use a kafka.* (Standard) instance type.",
      path,
    );
  }

  const authentication = props.authentication ?? ClientAuthentication.iam();
  if (authentication.isEmpty && props.unauthenticatedAccess !== true) {
    fail(
      "KSE-MSK-007",
      "authentication",
      authentication.modes,
      "at least one of IAM, SASL/SCRAM or mutual TLS",
      "Use ClientAuthentication.iam() (the default) or ClientAuthentication.scram({ users: [...] }).",
      path,
    );
  }
  const users = authentication.scram?.users ?? [];
  const seen = new Set<string>();
  for (const [i, user] of users.entries()) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(user) || seen.has(user)) {
      fail(
        "KSE-MSK-020",
        `authentication.scram.users[${i}]`,
        user,
        "unique names of letters, digits, '.', '_' or '-' (at most 64)",
        `Rename the user; its secret is named ${MSK_SCRAM_SECRET_PREFIX}${name}_<user>.`,
        path,
      );
    }
    seen.add(user);
  }

  const logRetentionDays = props.logging?.retentionDays ?? policy.brokerLogRetentionDays;
  if (!LOG_RETENTION_DAYS.includes(logRetentionDays)) {
    fail(
      "KSE-MSK-019",
      "logging.retentionDays",
      logRetentionDays,
      LOG_RETENTION_DAYS.join(", "),
      "Pick a retention CloudWatch Logs accepts.",
      path,
    );
  }
  const enhancedMonitoring = props.enhancedMonitoring ?? policy.enhancedMonitoring;
  if (!ENHANCED_MONITORING_LEVELS.includes(enhancedMonitoring)) {
    fail(
      "KSE-MSK-017",
      "enhancedMonitoring",
      enhancedMonitoring,
      ENHANCED_MONITORING_LEVELS.join(", "),
      "Use a level MSK knows.",
      path,
    );
  }

  validateMonitoringOptions(props.monitoring, path);
  checkServerProperties(props.serverProperties, express, path);
  const baseline = Object.fromEntries(brokerBaseline({ brokerNodes, express }).map((p) => [p.key, p.value]));
  const serverProperties = { ...baseline, ...(props.serverProperties ?? {}) };

  // Weakenings: each needs prodOverride in prod, and all are recorded for the audit.
  const weakenings: Record<string, string> = {};
  const clientBroker = props.clientBrokerEncryption ?? "TLS";
  if (clientBroker !== "TLS") weakenings.clientBrokerEncryption = clientBroker;
  if (props.unauthenticatedAccess === true) weakenings.unauthenticatedAccess = "true";
  if (props.publicAccess === true) weakenings.publicAccess = "true";
  const openCidrs = (props.allowedClientCidrs ?? []).filter((c) => c === "0.0.0.0/0");
  if (openCidrs.length > 0) weakenings.allowedClientCidrs = "0.0.0.0/0";
  const weakBaseline = weakenedBaselineKeys(props.serverProperties ?? {});
  if (weakBaseline.length > 0) weakenings.serverProperties = weakBaseline.join(", ");
  if (props.storageAutoscaling === false && !express) weakenings.storageAutoscaling = "off";
  for (const [alarm, reason] of Object.entries(props.monitoring?.disabledAlarms ?? {})) {
    weakenings[`alarm:${alarm}`] = `disabled: ${reason}`;
  }
  const minLevel = ENHANCED_MONITORING_LEVELS.indexOf(policy.enhancedMonitoring);
  if (ENHANCED_MONITORING_LEVELS.indexOf(enhancedMonitoring) < minLevel)
    weakenings.enhancedMonitoring = enhancedMonitoring;

  if (props.prodOverride !== undefined && (props.prodOverride.reason ?? "").trim().length < 10) {
    fail(
      "KSE-MSK-021",
      "prodOverride.reason",
      props.prodOverride.reason,
      "a reason of at least 10 characters",
      "Say why the weakening is acceptable.",
      path,
    );
  }
  const hardWeakenings = Object.keys(weakenings).filter(
    (k) => k !== "enhancedMonitoring" && k !== "storageAutoscaling" && !k.startsWith("alarm:"),
  );
  if (tier === "prod" && hardWeakenings.length > 0 && props.prodOverride === undefined) {
    const first = hardWeakenings[0];
    fail(
      "KSE-MSK-008",
      first,
      weakenings[first],
      "TLS-only, authenticated, private access and the durability baseline in prod",
      `Remove the weakening, or set prodOverride: { reason: "…" } to accept it explicitly (it is shown in the audit report). Weakenings: ${hardWeakenings
        .map((k) => `${k}=${weakenings[k]}`)
        .join("; ")}.`,
      path,
    );
  }
  const overrides = recordedOverrides(weakenings, props.prodOverride);

  return {
    name,
    tier,
    policy,
    brokerNodes,
    instanceType,
    kafkaVersion,
    express,
    volumeSizeGiB,
    autoscaling,
    authentication,
    logRetentionDays,
    enhancedMonitoring,
    serverProperties,
    clientBroker,
    overrides,
  };
}
