/**
 * One direction of MSK Replicator between two MSK clusters: the replicator in the target's region with
 * identical topic names and consumer-offset sync, its least-privilege service execution role, the
 * security group it reaches the target from, and, across regions, the source's cluster policy and
 * multi-VPC private connectivity.
 *
 * Schema: @cdktf/provider-aws 21.22.1 `lib/msk-replicator` (hashicorp/aws 6.25.0); requirements:
 * AWS developer guide msk-replicator-ser.html, msk-replicator-cross-region.html (patterns-facts A1).
 */
import * as crypto from "crypto";
import { Construct } from "constructs";
import { TerraformStack } from "cdktf";
import { MskReplicator } from "@cdktf/provider-aws/lib/msk-replicator";
import { MskClusterPolicy } from "@cdktf/provider-aws/lib/msk-cluster-policy";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { recordMetadata } from "../lib/core/resource-metadata";
import { exactRegex } from "../lib/connect/connector-definition";
import { kafkaResourceArn } from "../lib/connect/msk-connector-role";
import { MSK_IAM_PORT } from "../lib/standards/connect";
import type { MskCluster } from "../lib/msk/msk-cluster";
import type { ReplicatorCompression, ReplicatorStartingPosition } from "./dr-engine";

/** Prefix of the internal topics and groups MSK Replicator keeps on the clusters [U: name not in the AWS docs]. */
export const REPLICATOR_INTERNAL_PREFIX = "__amazon_msk_replicator";

/** One replication direction. */
export interface ReplicatorFlowProps {
  /** Replicator name (deterministic; part of the resource address, see {@link replicatorAddress}). */
  readonly name: string;
  readonly source: MskCluster;
  readonly target: MskCluster;
  readonly topics: readonly string[];
  readonly groups: readonly string[];
  readonly startingPosition: ReplicatorStartingPosition;
  readonly compression: ReplicatorCompression;
  readonly sourceSubnetIds: readonly string[];
  readonly targetSubnetIds: readonly string[];
  readonly crossRegion: boolean;
  readonly tags: Readonly<Record<string, string>>;
  readonly tier: string;
}

/** An anchored regular expression matching exactly one name. */
export function exactPattern(name: string): string {
  return `^${exactRegex(name)}$`;
}

/**
 * The construct id of a replicator: its name, description and role name hashed into it. The provider
 * neither replaces nor updates a replicator when these change (it applies nothing and leaves a
 * perpetual diff), so a change of any of them moves the resource to a new address: Terraform
 * destroys the old replicator and creates the new one.
 */
export function replicatorAddress(name: string, description: string, roleName: string): string {
  const digest = crypto.createHash("sha256").update(`${name}\n${description}\n${roleName}`).digest("hex").slice(0, 8);
  return `Replicator-${digest}`;
}

/** The role's policy statements: read on the source, write on the target, exactly the pair's topics and groups. */
export function replicatorStatements(
  sourceArn: string,
  targetArn: string,
  topics: readonly string[],
  groups: readonly string[],
): { Sid: string; Effect: "Allow"; Action: string[]; Resource: string[] }[] {
  const T = (...a: string[]): string[] => a.map((x) => `kafka-cluster:${x}`);
  const topic = (arn: string, n: string): string => kafkaResourceArn(arn, "topic", n);
  const group = (arn: string, n: string): string => kafkaResourceArn(arn, "group", n);
  const internal = `${REPLICATOR_INTERNAL_PREFIX}*`;
  const s = [
    // WriteDataIdempotently is needed on both clusters (msk-replicator-ser.html).
    {
      Sid: "SourceCluster",
      Action: T("Connect", "DescribeCluster", "WriteDataIdempotently"),
      Resource: [sourceArn],
    },
    {
      Sid: "SourceTopicsRead",
      Action: T("DescribeTopic", "ReadData", "DescribeTopicDynamicConfiguration"),
      Resource: topics.map((t) => topic(sourceArn, t)),
    },
    { Sid: "SourceGroupsDescribe", Action: T("DescribeGroup"), Resource: groups.map((g) => group(sourceArn, g)) },
    {
      Sid: "TargetCluster",
      Action: T("Connect", "DescribeCluster", "AlterCluster", "WriteDataIdempotently"),
      Resource: [targetArn],
    },
    {
      Sid: "TargetTopicsWrite",
      Action: T(
        "DescribeTopic",
        "CreateTopic",
        "AlterTopic",
        "WriteData",
        "ReadData",
        "DescribeTopicDynamicConfiguration",
        "AlterTopicDynamicConfiguration",
      ),
      Resource: topics.map((t) => topic(targetArn, t)),
    },
    {
      Sid: "TargetGroupsOffsets",
      Action: T("DescribeGroup", "AlterGroup"),
      Resource: groups.map((g) => group(targetArn, g)),
    },
    {
      Sid: "InternalTopics",
      Action: T("DescribeTopic", "CreateTopic", "ReadData", "WriteData"),
      Resource: [topic(sourceArn, internal), topic(targetArn, internal)],
    },
    {
      Sid: "InternalGroups",
      Action: T("DescribeGroup", "AlterGroup"),
      Resource: [group(sourceArn, internal), group(targetArn, internal)],
    },
  ];
  return s.filter((x) => x.Resource.length > 0).map((x) => ({ ...x, Effect: "Allow" as const }));
}

/** One direction of MSK Replicator. */
export class ReplicatorFlow extends Construct {
  /** The replicator. */
  public readonly replicator: MskReplicator;
  /** Its service execution role. */
  public readonly role: IamRole;
  /** The security group of its network interfaces in the target's VPC. */
  public readonly securityGroup: SecurityGroup;
  /** The source's cluster policy (cross-region only). */
  public readonly clusterPolicy?: MskClusterPolicy;

  constructor(scope: Construct, id: string, p: ReplicatorFlowProps) {
    super(scope, id);
    const meta = { tier: p.tier, construct: "MskDrPair", cluster: p.target.clusterName };
    const account = new DataAwsCallerIdentity(this, "Account").accountId;
    const roleName = `${p.name.slice(0, 50)}-replicator`;
    this.role = new IamRole(this, "Role", {
      name: roleName,
      description: `Service execution role of MSK Replicator ${p.name}`,
      assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { Service: "kafka.amazonaws.com" },
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "aws:SourceAccount": account } },
          },
        ],
      }),
      tags: { ...p.tags },
    });
    recordMetadata(this.role, meta);
    const statements = replicatorStatements(p.source.clusterArn, p.target.clusterArn, p.topics, p.groups);
    new IamRolePolicy(this, "Policy", {
      name: "least-privilege",
      role: this.role.name,
      policy: JSON.stringify({ Version: "2012-10-17", Statement: statements }),
    });

    this.securityGroup = new SecurityGroup(this, "SecurityGroup", {
      name: `${p.name.slice(0, 50)}-replicator`,
      description: `MSK Replicator ${p.name}: brokers of ${p.target.clusterName} on ${MSK_IAM_PORT} only`,
      vpcId: p.target.securityGroup.securityGroup.vpcId,
      tags: { ...p.tags, Name: `${p.name}-replicator` },
    });
    recordMetadata(this.securityGroup, meta);
    const brokerSg = p.target.securityGroup.securityGroup.id;
    new VpcSecurityGroupEgressRule(this, "ToBrokers", {
      securityGroupId: this.securityGroup.id,
      referencedSecurityGroupId: brokerSg,
      ipProtocol: "tcp",
      fromPort: MSK_IAM_PORT,
      toPort: MSK_IAM_PORT,
      description: `Kafka brokers of ${p.target.clusterName} (IAM, TLS)`,
      tags: { ...p.tags },
    });
    new VpcSecurityGroupIngressRule(this, "BrokersFromReplicator", {
      securityGroupId: brokerSg,
      referencedSecurityGroupId: this.securityGroup.id,
      ipProtocol: "tcp",
      fromPort: MSK_IAM_PORT,
      toPort: MSK_IAM_PORT,
      description: `MSK Replicator ${p.name}`,
      tags: { ...p.tags },
    });

    if (p.crossRegion) {
      // Across regions the replicator reaches the source through multi-VPC private connectivity
      // (IAM), which the source's cluster policy lets the MSK service set up.
      p.source.cluster.addOverride("broker_node_group_info.connectivity_info.vpc_connectivity", {
        client_authentication: { sasl: { iam: true } },
      });
      const home = new Construct(TerraformStack.of(p.source), `DrSource-${p.name}`);
      const sourceAccount = new DataAwsCallerIdentity(home, "Account").accountId;
      this.clusterPolicy = new MskClusterPolicy(home, "ClusterPolicy", {
        clusterArn: p.source.clusterArn,
        policy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "MskReplicator",
              Effect: "Allow",
              Principal: { Service: "kafka.amazonaws.com" },
              Action: ["kafka:CreateVpcConnection", "kafka:GetBootstrapBrokers", "kafka:DescribeClusterV2"],
              Resource: p.source.clusterArn,
              Condition: { StringEquals: { "aws:SourceAccount": sourceAccount } },
            },
          ],
        }),
      });
    }

    const description = `DR of ${p.source.clusterName} on ${p.target.clusterName}: ${p.topics.length} topic(s), identical names`;
    this.replicator = new MskReplicator(this, replicatorAddress(p.name, description, roleName), {
      replicatorName: p.name,
      description,
      serviceExecutionRoleArn: this.role.arn,
      kafkaCluster: [
        {
          amazonMskCluster: { mskClusterArn: p.source.clusterArn },
          // Across regions no security group is given for the source (hashicorp/terraform-provider-aws#42656).
          vpcConfig: {
            subnetIds: [...p.sourceSubnetIds],
            securityGroupsIds: p.crossRegion ? undefined : [this.securityGroup.id],
          },
        },
        {
          amazonMskCluster: { mskClusterArn: p.target.clusterArn },
          vpcConfig: { subnetIds: [...p.targetSubnetIds], securityGroupsIds: [this.securityGroup.id] },
        },
      ],
      replicationInfoList: {
        sourceKafkaClusterArn: p.source.clusterArn,
        targetKafkaClusterArn: p.target.clusterArn,
        targetCompressionType: p.compression,
        topicReplication: [
          {
            topicsToReplicate: p.topics.map(exactPattern),
            topicNameConfiguration: { type: "IDENTICAL" },
            startingPosition: { type: p.startingPosition },
            copyTopicConfigurations: true,
            // Access on the standby is declared by the pair (same principals, same grants), not copied.
            copyAccessControlListsForTopics: false,
            // Exactly the listed topics: a new topic joins the pair in code.
            detectAndCopyNewTopics: false,
          },
        ],
        consumerGroupReplication: [
          {
            consumerGroupsToReplicate: p.groups.map(exactPattern),
            synchroniseConsumerGroupOffsets: true,
            detectAndCopyNewConsumerGroups: false,
          },
        ],
      },
      // Explicit: the provider's defaults changed between releases (patterns-facts A1).
      timeouts: { create: "60m", update: "180m", delete: "90m" },
      tags: { ...p.tags },
    });
    recordMetadata(this.replicator, meta);
  }
}
