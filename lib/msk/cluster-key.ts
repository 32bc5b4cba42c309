import { Construct } from "constructs";
import { TerraformResourceLifecycle } from "cdktf";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { checkTags, recordMetadata } from "../core/resource-metadata";
import { checkConstructSite } from "../core/construct-site";
import { Rule, bool, custom, num, obj, oneOf, str, validate } from "../core/validate";
import { ENVIRONMENT_TIERS } from "../standards/tiers";

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

const CLUSTER_KEY_PROPS: Rule = obj(
  "KSE-CORE-004",
  "props",
  [
    str("KSE-MSK-011", "name", {
      required: true,
      pattern: /^[A-Za-z0-9/_-]{1,200}$/,
      allowed: "the cluster's resource name (letters, digits, '/', '_', '-'), e.g. orders-prod",
      fix: "Pass the cluster name; the alias is alias/kafka/<name>.",
    }),
    num("KSE-MSK-038", "deletionWindowDays", {
      required: true,
      integer: true,
      min: 7,
      max: 30,
      allowed: "a whole number of days from 7 to 30",
      fix: "Use 30 (the prod policy) or the tier's kmsDeletionWindowDays.",
    }),
    custom(
      "KSE-CORE-007",
      "tags",
      { required: true, allowed: "tag keys to values", fix: "Pass the tags, e.g. {}." },
      () => undefined,
    ),
    oneOf("KSE-MSK-014", "tier", ENVIRONMENT_TIERS, { required: true }),
    bool("KSE-CORE-006", "preventDestroy", { required: true }),
  ],
  { required: true, allowed: "ClusterKeyProps", fix: "Pass the props." },
);

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
    // Validate before adding anything to the tree: a failed call leaves nothing behind.
    const path = checkConstructSite(scope, id, "ClusterKey");
    validate(props, CLUSTER_KEY_PROPS, "props", path);
    checkTags({ tier: props.tier, tags: props.tags }, path);
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
