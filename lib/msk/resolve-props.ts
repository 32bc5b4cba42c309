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
import { checkMonitoringOptions } from "../monitoring/monitoring-options";
import { checkTags } from "../core/resource-metadata";
import {
  Rule,
  bool,
  custom,
  instance,
  ipv4CidrProblem,
  list,
  num,
  obj,
  oneOf,
  orFalse,
  record,
  str,
  validate,
} from "../core/validate";
import { ENVIRONMENT_TIERS } from "../standards/tiers";
import { BROKER_INSTANCE_CATALOG } from "../standards/broker-types";
import { KAFKA_VERSION_CATALOG } from "../standards/kafka-versions";
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

/** Shape of an MSK `instance_type`: `kafka.<family>.<size>` (Standard) or `express.<family>.<size>`. */
const INSTANCE_TYPE_FORM = /^(kafka|express)\.[a-z0-9]+\.[a-z0-9]+$/;

/** Shape of an MSK `kafka_version`: `3.9.x`, `3.9.x.kraft`, `3.6.0`, `2.8.2.tiered`. */
const KAFKA_VERSION_FORM = /^\d+\.\d+\.[a-z0-9]+(\.[a-z]+)?$/;

function resolveInstanceType(value: unknown, path: string): BrokerInstanceType {
  if (value === undefined) return BrokerInstanceType.DEFAULT;
  if (value instanceof BrokerInstanceType && value.isEscapeHatch && !INSTANCE_TYPE_FORM.test(value.instanceType)) {
    const hint = typeof value.instanceType === "string" ? nearest(value.instanceType, catalogTypes()) : undefined;
    return fail(
      "KSE-MSK-004",
      "instanceType",
      value.instanceType,
      "an MSK instance type: kafka.<family>.<size> or express.<family>.<size>",
      `${hint ? `did you mean "${hint}"? ` : ""}Use a BrokerInstanceType constant, or BrokerInstanceType.of() with the exact instance type MSK lists.`,
      path,
    );
  }
  if (value instanceof BrokerInstanceType) return value;
  if (typeof value === "string" && brokerInstanceInfo(value)) return BrokerInstanceType.of(value);
  const hint = typeof value === "string" ? nearest(value, catalogTypes()) : undefined;
  return fail(
    "KSE-MSK-004",
    "instanceType",
    value,
    `a BrokerInstanceType constant (${catalogTypes().join(", ")})`,
    `${hint ? `did you mean "${hint}"? ` : ""}Use a BrokerInstanceType constant, or BrokerInstanceType.of("${String(
      value,
    )}") to use a type the standard does not know (the audit reports it).`,
    path,
  );
}

/** Every instance type of the catalog, for messages and "did you mean". */
function catalogTypes(): string[] {
  return BROKER_INSTANCE_CATALOG.map((b) => b.instanceType);
}

function resolveKafkaVersion(value: unknown, path: string): KafkaVersion {
  if (value === undefined) return KafkaVersion.DEFAULT;
  const versions = KAFKA_VERSION_CATALOG.map((v) => v.version);
  if (value instanceof KafkaVersion && value.isEscapeHatch && !KAFKA_VERSION_FORM.test(value.version)) {
    const hint = typeof value.version === "string" ? nearest(value.version, versions) : undefined;
    return fail(
      "KSE-MSK-005",
      "kafkaVersion",
      value.version,
      "an MSK Kafka version such as 3.9.x.kraft, 3.8.x or 3.6.0",
      `${hint ? `did you mean "${hint}"? ` : ""}Use a KafkaVersion constant, or KafkaVersion.of() with the exact version MSK lists.`,
      path,
    );
  }
  if (value instanceof KafkaVersion) return value;
  if (typeof value === "string" && kafkaVersionInfo(value)) return KafkaVersion.of(value);
  const hint = typeof value === "string" ? nearest(value, versions) : undefined;
  return fail(
    "KSE-MSK-005",
    "kafkaVersion",
    value,
    `a KafkaVersion constant (KafkaVersion.V3_9_X_KRAFT, V3_8_X, V4_1_X_KRAFT, …; versions: ${versions.join(", ")})`,
    `${hint ? `did you mean "${hint}"? ` : ""}Use a KafkaVersion constant, or KafkaVersion.of("${String(value)}") for a version MSK accepts that the standard does not list yet (the audit reports it).`,
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

/** An AWS resource id of one kind: `vpc-…`, `sg-…`. */
function awsId(prefix: string, what: string): (value: string) => string | undefined {
  return (v) => {
    if (v.startsWith("arn:")) return `Pass the ${what} id (${prefix}-…), not its ARN.`;
    if (!new RegExp(`^${prefix}-[0-9A-Za-z]+$`).test(v))
      return `Pass the ${what} id, e.g. ${prefix}-0123456789abcdef0.`;
    return undefined;
  };
}

/** `arn:<partition>:kms:<region>:<account>:key/<id>` (MSK and CloudWatch Logs take a key ARN, not an alias). */
const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d+:key\/[\w-]+$/;

function kmsKeyArnProblem(v: string): string | undefined {
  if (KMS_KEY_ARN.test(v)) return undefined;
  if (v.startsWith("alias/") || /^arn:aws[a-z-]*:kms:.*:alias\//.test(v)) {
    return "Pass the key ARN (arn:aws:kms:<region>:<account>:key/<id>), not an alias: MSK and CloudWatch Logs need the key ARN.";
  }
  if (/^(mrk-)?[0-9a-f-]{32,36}$/i.test(v)) return "Pass the full key ARN, not the key id.";
  return "Pass the ARN of a customer-managed KMS key: arn:aws:kms:<region>:<account>:key/<id>.";
}

/** S3 bucket names (bucketnamingrules.html): 3–63 lower-case letters, digits, dots and hyphens. */
const S3_BUCKET_NAME = /^(?!xn--)(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Firehose delivery stream names: 1–64 letters, digits, `_`, `.`, `-`. */
const FIREHOSE_STREAM_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/** The declarative description of {@link MskClusterProps}: every key, its type, shape and code. */
const MSK_CLUSTER_PROPS: Rule = obj(
  "KSE-CORE-004",
  "props",
  [
    str("KSE-MSK-011", "clusterName", {
      required: true,
      allowed: 'lower-case letters, digits and hyphens, starting with a letter, e.g. "orders"',
      fix: 'Name the cluster, e.g. clusterName: "orders" (the tier is appended).',
    }),
    oneOf("KSE-MSK-014", "tier", ENVIRONMENT_TIERS, { required: true, fix: "Set tier to one of the standard tiers." }),
    str("KSE-MSK-024", "vpcId", {
      required: true,
      test: awsId("vpc", "VPC"),
      allowed: "the id of the VPC of the client subnets (vpc-…)",
      fix: "Pass the VPC id, e.g. vpc.id.",
    }),
    list(
      "KSE-MSK-015",
      "clientSubnetIds",
      str("KSE-MSK-025", "clientSubnetIds[]", {
        test: (v) => {
          if (v.startsWith("arn:")) return "Pass subnet ids (subnet-…), not ARNs.";
          if (v.includes("/")) return "Pass subnet ids (subnet-…), not CIDR blocks.";
          if (!/^[A-Za-z0-9-]+$/.test(v)) return "Pass subnet ids such as subnet-0123456789abcdef0.";
          return undefined;
        },
        allowed: "subnet ids (subnet-…)",
        fix: "Pass one subnet id per availability zone.",
      }),
      {
        required: true,
        allowed: "2 or 3 subnets in distinct availability zones",
        fix: "List one subnet per AZ, e.g. clientSubnetIds: [subnetA.id, subnetB.id, subnetC.id].",
      },
    ),
    num("KSE-MSK-001", "brokerNodes", {
      integer: true,
      min: 1,
      allowed: "a positive integer multiple of the number of client subnets",
      fix: "Set brokerNodes to e.g. 3 or 6.",
      literal: "Give brokerNodes as a number, not a reference: the construct creates alarms per broker.",
    }),
    custom(
      "KSE-MSK-004",
      "instanceType",
      { allowed: "a BrokerInstanceType constant", fix: "Use e.g. BrokerInstanceType.M7G_LARGE." },
      () => undefined, // resolveInstanceType: constants, catalog strings and "did you mean"
    ),
    custom(
      "KSE-MSK-005",
      "kafkaVersion",
      { allowed: "a KafkaVersion constant", fix: "Use e.g. KafkaVersion.V3_9_X_KRAFT." },
      () => undefined, // resolveKafkaVersion
    ),
    num("KSE-MSK-006", "volumeSizeGiB", {
      integer: true,
      min: STORAGE_AUTOSCALING.minVolumeGiB,
      max: STORAGE_AUTOSCALING.maxVolumeGiB,
      allowed: "an integer from 1 to 16384 GiB",
      fix: "Pick a volume size inside the MSK limits.",
    }),
    orFalse(
      obj(
        "KSE-CORE-006",
        "storageAutoscaling",
        [
          num("KSE-MSK-010", "targetUtilizationPercent", {
            min: STORAGE_AUTOSCALING.serviceMinPercent,
            max: STORAGE_AUTOSCALING.serviceMaxPercent,
            allowed: "10 to 80 percent (50 to 60 recommended)",
            fix: "Use 55.",
            literal: "Give the target as a number, not a reference.",
          }),
          num("KSE-MSK-010", "maxVolumeSizeGiB", {
            integer: true,
            min: STORAGE_AUTOSCALING.minVolumeGiB,
            max: STORAGE_AUTOSCALING.maxVolumeGiB,
            allowed: "an integer from volumeSizeGiB to 16384",
            fix: "Raise the maximum above the initial volume, or lower the initial volume.",
            literal: "Give the maximum as a number, not a reference.",
          }),
        ],
        {
          allowed: "false, or { targetUtilizationPercent?, maxVolumeSizeGiB? }",
          fix: "Give storageAutoscaling as an object, false to turn it off, or omit it.",
        },
      ),
    ),
    instance("KSE-MSK-030", "authentication", ClientAuthentication, {
      allowed:
        "a ClientAuthentication: ClientAuthentication.iam(), .scram({ users }), .mutualTls({ certificateAuthorityArns }) or .of({ … })",
      fix: "Use a ClientAuthentication factory, e.g. ClientAuthentication.iam() (the default).",
    }),
    list(
      "KSE-MSK-026",
      "allowedClientSecurityGroupIds",
      str("KSE-MSK-026", "allowedClientSecurityGroupIds[]", {
        test: awsId("sg", "security group"),
        allowed: "security group ids (sg-…)",
        fix: "Pass the ids of the clients' security groups.",
      }),
      {
        unique: true,
        allowed: "a list of distinct security group ids (sg-…)",
        fix: "List each client security group once.",
        duplicateFix: "Remove the duplicate security group: each one gets its own ingress rules.",
      },
    ),
    list(
      "KSE-MSK-027",
      "allowedClientCidrs",
      str("KSE-MSK-027", "allowedClientCidrs[]", {
        test: (v) => ipv4CidrProblem(v),
        allowed: "IPv4 CIDR blocks in canonical form, e.g. 10.20.0.0/16",
        fix: "Give the clients' IPv4 ranges.",
      }),
      {
        unique: true,
        allowed: "a list of distinct IPv4 CIDR blocks",
        fix: "List each client range once.",
        duplicateFix: "Remove the duplicate CIDR block: each one gets its own ingress rules.",
      },
    ),
    str("KSE-MSK-028", "kmsKeyArn", {
      test: kmsKeyArnProblem,
      allowed: "the ARN of a customer-managed KMS key (arn:aws:kms:<region>:<account>:key/<id>)",
      fix: "Pass key.arn, or omit kmsKeyArn to let the construct create a key.",
    }),
    obj(
      "KSE-CORE-006",
      "logging",
      [
        bool("KSE-CORE-006", "cloudWatch"),
        num("KSE-MSK-019", "retentionDays", {
          integer: true,
          min: 1,
          allowed: LOG_RETENTION_DAYS.join(", "),
          fix: "Pick a retention CloudWatch Logs accepts.",
          literal:
            "Give the retention as a number, not a reference: it is checked against what CloudWatch Logs accepts.",
        }),
        obj(
          "KSE-MSK-029",
          "s3",
          [
            str("KSE-MSK-029", "bucket", {
              required: true,
              test: (v) =>
                v.startsWith("arn:")
                  ? "Pass the bucket name, not its ARN."
                  : S3_BUCKET_NAME.test(v)
                    ? undefined
                    : "Pass the name of an existing S3 bucket (3-63 lower-case letters, digits, dots and hyphens).",
              allowed: "an S3 bucket name",
              fix: "Pass bucket.bucket.",
            }),
            str("KSE-MSK-029", "prefix", {
              allowed: "a key prefix, e.g. msk/orders/",
              fix: "Give a prefix, or omit it.",
            }),
          ],
          { allowed: "{ bucket, prefix? }", fix: 'Give s3: { bucket: "my-log-bucket" }.' },
        ),
        str("KSE-MSK-029", "firehoseDeliveryStream", {
          test: (v) =>
            v.startsWith("arn:")
              ? "Pass the delivery stream name, not its ARN."
              : FIREHOSE_STREAM_NAME.test(v)
                ? undefined
                : "Pass the delivery stream name (1-64 letters, digits, '_', '.', '-').",
          allowed: "a Firehose delivery stream name",
          fix: "Pass the stream's name.",
        }),
      ],
      {
        allowed: "{ cloudWatch?, retentionDays?, s3?, firehoseDeliveryStream? }",
        fix: "Give logging as an object, or omit it for CloudWatch Logs.",
      },
    ),
    oneOf("KSE-MSK-017", "enhancedMonitoring", ENHANCED_MONITORING_LEVELS, { fix: "Use a level MSK knows." }),
    obj("KSE-CORE-006", "openMonitoring", [bool("KSE-CORE-006", "jmxExporter"), bool("KSE-CORE-006", "nodeExporter")], {
      allowed: "{ jmxExporter?, nodeExporter? }",
      fix: "Give openMonitoring: { jmxExporter: true, nodeExporter: true }, or omit it.",
    }),
    custom(
      "KSE-CORE-006",
      "monitoring",
      { allowed: "MonitoringOptions", fix: "Give monitoring options as an object." },
      (value, at) => checkMonitoringOptions(value, at.path, at.prop),
    ),
    record(
      "KSE-CORE-006",
      "serverProperties",
      str("KSE-MSK-036", "serverProperties[]", {
        allowed: "a non-empty string value, as in server.properties",
        fix: 'Give the value as a string, e.g. "3".',
      }),
      { allowed: "an object of server.properties keys to string values", fix: 'Give e.g. { "num.partitions": "6" }.' },
    ),
    oneOf("KSE-MSK-033", "clientBrokerEncryption", ["TLS", "TLS_PLAINTEXT"], {
      fix: 'Use "TLS" (the default); "TLS_PLAINTEXT" also opens the plaintext port and is a weakening. Plaintext only is not offered.',
    }),
    bool("KSE-CORE-006", "unauthenticatedAccess"),
    bool("KSE-CORE-006", "publicAccess"),
    obj(
      "KSE-MSK-021",
      "prodOverride",
      [
        str("KSE-MSK-021", "reason", {
          required: true,
          allowEmpty: true,
          allowed: "a reason of at least 10 characters",
          fix: "Say why the weakening is acceptable.",
        }),
      ],
      {
        allowed: '{ reason: "…" } with a reason of at least 10 characters',
        fix: "Say why the weakening is acceptable.",
      },
    ),
    instance("KSE-CORE-006", "topicNamePattern", RegExp, {
      allowed: "a regular expression",
      fix: "Give a RegExp such as /^[a-z]+\\.[a-z-]+$/, or omit it for the standard's pattern.",
    }),
    obj(
      "KSE-CORE-006",
      "dataPlane",
      [
        str("KSE-MSK-035", "stackId", {
          test: (v) => (v.includes("/") ? "Use an id without '/'." : undefined),
          allowed: "a stack id not used by another stack",
          fix: 'Set dataPlane: { stackId: "<unique id>" }, or omit it.',
        }),
        str("KSE-MSK-022", "adminScramUser", {
          allowed: "one of the cluster's SCRAM users",
          fix: "Name a user of ClientAuthentication.scram({ users }).",
        }),
      ],
      { allowed: "{ stackId?, adminScramUser? }", fix: "Give dataPlane options as an object, or omit it." },
    ),
    custom("KSE-CORE-007", "owner", { allowed: "a team name", fix: "Name the owning team." }, () => undefined), // checkTags
    custom("KSE-CORE-007", "tags", { allowed: "tag keys to values", fix: "Give tags as an object." }, () => undefined), // checkTags
    custom(
      "KSE-SIZE-001",
      "workload",
      {
        allowed: "a Workload { messagesPerSecond, averageMessageBytes, … }",
        fix: "See Workload in the API reference.",
      },
      () => undefined, // checked field by field by the sizing model (KSE-SIZE-001…011)
    ),
  ],
  {
    allowed: "MskClusterProps { clusterName, tier, vpcId, clientSubnetIds, … }",
    fix: 'Pass props, e.g. new MskCluster(stack, "orders", { clusterName: "orders", tier: "prod", vpcId, clientSubnetIds }).',
  },
);

/** Validates props and applies the standard's defaults. Throws KafkaStandardsError on the first problem. */
export function resolveMskClusterProps(input: MskClusterProps, path: string): ResolvedMskClusterProps {
  validate(input, { ...MSK_CLUSTER_PROPS, required: true }, "props", path);
  checkTags({ tier: input.tier, owner: input.owner, tags: input.tags }, path);
  const props = applyMskWorkload(input, path);
  const { tier, policy, name } = resolveTierAndName(props, { tier: "KSE-MSK-014", name: "KSE-MSK-011" }, path);

  const subnets = props.clientSubnetIds;
  const subnetsKnown = !isUnresolved(subnets);
  if (subnetsKnown && (subnets.length < 2 || subnets.length > 3)) {
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

  const admin = props.dataPlane?.adminScramUser;
  if (admin !== undefined && !isUnresolved(admin) && !users.includes(admin)) {
    fail(
      "KSE-MSK-022",
      "dataPlane.adminScramUser",
      admin,
      `one of the cluster's SCRAM users (${users.join(", ") || "none"})`,
      "Name a user listed in ClientAuthentication.scram({ users }).",
      path,
    );
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
