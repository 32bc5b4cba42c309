import { EnhancedMonitoringLevel, EnvironmentTier } from "../standards/tiers";
import { BrokerInstanceType } from "../standards/broker-types";
import { KafkaVersion } from "../standards/kafka-versions";
import { ClientAuthentication } from "./client-authentication";
import { MonitoringOptions } from "../monitoring/monitoring-options";
import type { Workload } from "../sizing/workload";

/** EBS storage autoscaling settings. */
export interface StorageAutoscalingProps {
  /**
   * Target broker storage utilisation, in percent (10–80; the standard recommends 50–60).
   * @default 55
   */
  readonly targetUtilizationPercent?: number;
  /**
   * Maximum volume per broker, in GiB (up to 16384).
   * @default - the tier maximum (`TIER_POLICIES[tier].storageAutoscalingMaxGiB`)
   */
  readonly maxVolumeSizeGiB?: number;
}

/** Broker log destinations. Only enabled destinations are written (KICS fails declared-but-disabled ones). */
export interface BrokerLoggingProps {
  /**
   * Ship broker logs to a KMS-encrypted CloudWatch Logs group created by the construct.
   * @default true
   */
  readonly cloudWatch?: boolean;
  /**
   * Retention of the CloudWatch Logs group, in days (a value CloudWatch Logs accepts).
   * @default - the tier policy (`brokerLogRetentionDays`: 30 dev, 90 staging, 365 prod)
   */
  readonly retentionDays?: number;
  /** Also deliver to S3. @default - not delivered to S3 */
  readonly s3?: { readonly bucket: string; readonly prefix?: string };
  /** Also deliver to a Firehose delivery stream. @default - not delivered to Firehose */
  readonly firehoseDeliveryStream?: string;
}

/** Prometheus open monitoring exporters. */
export interface OpenMonitoringProps {
  /** JMX exporter. @default true */
  readonly jmxExporter?: boolean;
  /** Node exporter. @default true */
  readonly nodeExporter?: boolean;
}

/**
 * An explicit, reasoned acknowledgement that a `prod` cluster weakens the standard.
 * Recorded in the synthesized metadata and shown in the audit report.
 */
export interface ProdOverride {
  /** Why the weakening is acceptable (at least 10 characters). */
  readonly reason: string;
}

/** Where and how the MSK data plane runs. */
export interface MskDataPlaneOptions {
  /** Id of the data-plane stack. @default "<control-plane stack id>-data" */
  readonly stackId?: string;
  /**
   * SCRAM user the Kafka provider authenticates as (required when IAM is off).
   * @default - IAM, with the AWS credentials of the environment running Terraform
   */
  readonly adminScramUser?: string;
}

/** Properties of an {@link MskCluster}. */
export interface MskClusterProps {
  /**
   * Cluster base name; the tier is appended (`orders` → `orders-prod`). Lower case, digits, hyphens.
   *
   * MSK cluster names are unique per account and Region: a second cluster of the same name and tier in the
   * stack is refused with an error, and one in another stack of the app gets a synth warning when both
   * stacks' AWS providers have the same literal Region and the same account settings.
   */
  readonly clusterName: string;
  /** Environment tier: drives broker count rules, log retention, monitoring level and deletion protection. */
  readonly tier: EnvironmentTier;
  /** VPC of the client subnets. */
  readonly vpcId: string;
  /** Client subnets, one per availability zone (3 in staging and prod). */
  readonly clientSubnetIds: readonly string[];
  /**
   * Number of broker nodes; a multiple of the number of client subnets.
   * @default - one broker per client subnet
   */
  readonly brokerNodes?: number;
  /**
   * The load the cluster must carry (messages/s, message size, retention, consumer groups …). It sizes
   * what is not given explicitly: the instance type (the cheapest Standard or Express size that fits
   * and the other props allow), `brokerNodes`, `volumeSizeGiB` and the autoscaling ceiling. An
   * explicit prop that cannot carry the workload throws KSE-SIZE-020 or KSE-SIZE-021.
   * @default - no sizing: the props and their defaults decide the size
   * @see `kafka-standards size`, which prints the same model's comparison and scale plan
   */
  readonly workload?: Workload;
  /**
   * Broker instance type.
   * @default BrokerInstanceType.M7G_LARGE
   */
  readonly instanceType?: BrokerInstanceType;
  /**
   * Kafka version.
   * @default KafkaVersion.V3_9_X_KRAFT
   */
  readonly kafkaVersion?: KafkaVersion;
  /**
   * Initial EBS volume per broker, in GiB (1–16384). Ignored as drift afterwards, because storage
   * autoscaling owns it. Not used with Express brokers.
   * @default - the tier default (`TIER_POLICIES[tier].defaultVolumeSizeGiB`)
   */
  readonly volumeSizeGiB?: number;
  /**
   * Storage autoscaling; `false` turns it off (reported by the audit).
   * @default - on, target 55 %, maximum per tier
   */
  readonly storageAutoscaling?: StorageAutoscalingProps | false;
  /**
   * Client authentication.
   * @default ClientAuthentication.iam()
   */
  readonly authentication?: ClientAuthentication;
  /**
   * Security groups whose members may connect, on the ports of the enabled authentication modes only.
   * @default - none
   */
  readonly allowedClientSecurityGroupIds?: readonly string[];
  /**
   * IPv4 CIDR blocks that may connect, on the ports of the enabled authentication modes only.
   * `0.0.0.0/0` is a weakening (needs `prodOverride` in prod).
   * @default - none
   */
  readonly allowedClientCidrs?: readonly string[];
  /**
   * ARN of an existing customer-managed KMS key for encryption at rest, logs and SCRAM secrets.
   * Its key policy must let CloudWatch Logs use it.
   * @default - a new key with rotation on, created by the construct
   */
  readonly kmsKeyArn?: string;
  /**
   * Broker log destinations.
   * @default - CloudWatch Logs, KMS-encrypted, retention per tier
   */
  readonly logging?: BrokerLoggingProps;
  /**
   * Enhanced monitoring level.
   * @default - the tier policy (PER_BROKER in dev, PER_TOPIC_PER_BROKER in staging and prod)
   */
  readonly enhancedMonitoring?: EnhancedMonitoringLevel;
  /**
   * Prometheus open monitoring.
   * @default - off
   */
  readonly openMonitoring?: OpenMonitoringProps;
  /**
   * Alarms, escalation topics and dashboard. Monitoring is always on; tune thresholds, switch single
   * alarms off with a reason, or share escalation topics across clusters.
   * @default - every alarm of the standard at its thresholds, a dashboard, and Warning/Critical SNS
   *   topics encrypted with the cluster key
   */
  readonly monitoring?: MonitoringOptions;
  /**
   * Extra `server.properties`, merged over the baseline. Keys must be ones MSK accepts for the broker
   * family; changing a baseline durability key counts as a weakening.
   * @default - the baseline only
   */
  readonly serverProperties?: Readonly<Record<string, string>>;
  /**
   * Client-to-broker encryption. `TLS_PLAINTEXT` also opens port 9092 and is a weakening.
   * @default "TLS"
   */
  readonly clientBrokerEncryption?: "TLS" | "TLS_PLAINTEXT";
  /**
   * Allow unauthenticated clients. A weakening.
   * @default false
   */
  readonly unauthenticatedAccess?: boolean;
  /**
   * Public access with AWS-provided Elastic IPs. A weakening. MSK only allows turning it on for an
   * existing cluster, so enable it in a second deployment.
   * @default false
   */
  readonly publicAccess?: boolean;
  /**
   * Required in prod for any weakening (plaintext, unauthenticated, public, open CIDR, weaker baseline).
   * @default - none: weakening a prod cluster throws KSE-MSK-008
   */
  readonly prodOverride?: ProdOverride;
  /**
   * Topic name convention of this cluster.
   * @default TOPIC_NAME_PATTERN (`<domain>.<dataset>[.<qualifier>]`, lower case)
   */
  readonly topicNamePattern?: RegExp;
  /**
   * The data-plane stack that holds topics, ACLs and quotas (created on the first `addTopic`,
   * `addQuota` or SCRAM/mTLS grant).
   * @default - stack `<control-plane stack id>-data` in the same app, authenticating with IAM
   */
  readonly dataPlane?: MskDataPlaneOptions;
  /**
   * Owning team, written as the `Owner` tag (SOX traceability).
   * @default - no Owner tag (reported by the sox profile)
   */
  readonly owner?: string;
  /**
   * Extra tags for every resource.
   * @default - the standard tags only
   */
  readonly tags?: Readonly<Record<string, string>>;
}
