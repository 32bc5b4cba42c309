import { Construct } from "constructs";
import { TerraformResourceLifecycle } from "cdktf";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { recordMetadata } from "../core/resource-metadata";

/** Properties of a {@link ClusterKey}. */
export interface ClusterKeyProps {
  /** Name the alias and description carry. */
  readonly name: string;
  /** Deletion window, days (7–30). */
  readonly deletionWindowDays: number;
  /** Tags. */
  readonly tags: Readonly<Record<string, string>>;
  /** Tier, for the audit metadata. */
  readonly tier: string;
  /** Protect the key from `terraform destroy`. */
  readonly preventDestroy: boolean;
}

/**
 * A customer-managed KMS key with rotation on, usable by MSK (at rest), Secrets Manager (SCRAM
 * secrets), CloudWatch Logs (broker logs) and CloudWatch alarms (encrypted SNS escalation topics).
 *
 * The key policy delegates to IAM in the owning account, lets the CloudWatch Logs service use the
 * key for this account's log groups only, and lets CloudWatch alarms of this account publish to
 * topics encrypted with it (both services need an explicit key-policy grant).
 *
 * @example
 * import { ClusterKey, MskCluster } from "cdktf-kafka-standards";
 *
 * // MskCluster creates its own key unless given one; one key shared by two clusters:
 * const key = new ClusterKey(stack, "KafkaKey", {
 *   name: "kafka-shared",
 *   deletionWindowDays: 30,
 *   tags: { Owner: "team-platform" },
 *   tier: "prod",
 *   preventDestroy: true,
 * });
 * for (const name of ["orders", "payments"]) {
 *   new MskCluster(stack, name, {
 *     clusterName: name,
 *     tier: "prod",
 *     vpcId: "vpc-0123",
 *     clientSubnetIds: ["subnet-a", "subnet-b", "subnet-c"],
 *     allowedClientSecurityGroupIds: ["sg-0456"],
 *     kmsKeyArn: key.keyArn,
 *   });
 * }
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html
 */
export class ClusterKey extends Construct {
  /** The key. */
  public readonly key: KmsKey;
  /** The key ARN. */
  public readonly keyArn: string;

  constructor(scope: Construct, id: string, props: ClusterKeyProps) {
    super(scope, id);
    const account = new DataAwsCallerIdentity(this, "Account");
    const region = new DataAwsRegion(this, "Region");
    const partition = new DataAwsPartition(this, "Partition");
    const accountRoot = `arn:${partition.partition}:iam::${account.accountId}:root`;
    const lifecycle: TerraformResourceLifecycle | undefined = props.preventDestroy
      ? { preventDestroy: true }
      : undefined;

    this.key = new KmsKey(this, "Key", {
      description: `Kafka cluster ${props.name}: data at rest, SCRAM secrets and broker logs`,
      enableKeyRotation: true,
      deletionWindowInDays: props.deletionWindowDays,
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "AccountAdministersKeyThroughIam",
            Effect: "Allow",
            Principal: { AWS: accountRoot },
            Action: "kms:*",
            Resource: "*",
          },
          {
            Sid: "CloudWatchAlarmsPublishToEncryptedTopics",
            Effect: "Allow",
            Principal: { Service: "cloudwatch.amazonaws.com" },
            Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": account.accountId } },
          },
          {
            Sid: "CloudWatchLogsEncryptsThisAccountsLogGroups",
            Effect: "Allow",
            Principal: { Service: `logs.${region.region}.amazonaws.com` },
            Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            Resource: "*",
            Condition: {
              ArnLike: {
                "kms:EncryptionContext:aws:logs:arn": `arn:${partition.partition}:logs:${region.region}:${account.accountId}:log-group:*`,
              },
            },
          },
        ],
      }),
      tags: { ...props.tags },
      lifecycle,
    });
    recordMetadata(this.key, { tier: props.tier, construct: "MskCluster" });
    new KmsAlias(this, "Alias", { name: `alias/kafka/${props.name}`, targetKeyId: this.key.keyId });
    this.keyArn = this.key.arn;
  }
}
