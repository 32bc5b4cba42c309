/**
 * The service execution role of an MSK Connect connector, least privilege: `kafka-cluster:*`
 * actions on exactly the connector's topics, groups and internal topics of its cluster (and, for
 * MirrorMaker 2, the topics and groups it reads on the source), the one secret per credential, the
 * Glue registry's schemas and the plugin object.
 *
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/msk-connect-service-execution-role.html
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/msk-connect-manage-connector-offsets.html
 */
import { Construct } from "constructs";
import { Fn } from "cdktf";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { recordMetadata } from "../core/resource-metadata";
import { MSK_CONNECT_INTERNAL_PREFIX } from "../standards/connect";
import { ResourceMetadata } from "../standards/naming";
import { ResolvedConnector } from "./connector-config";
import { GlueSchemaRegistry, ISchemaRegistry } from "./schema-registry";

/** One statement of the policy. */
interface Statement {
  readonly Sid: string;
  readonly Effect: "Allow";
  readonly Action: string[];
  readonly Resource: string[];
  readonly Condition?: Record<string, Record<string, string>>;
}

/** What the role needs to know. */
export interface ConnectorRoleProps {
  /** The resolved connector. */
  readonly connector: ResolvedConnector;
  /** ARN of the connector's MSK cluster. */
  readonly clusterArn: string;
  /** Topic names the connector writes (source) or reads (sink). */
  readonly dataTopics: readonly string[];
  /** The plugin object's ARN, when known. */
  readonly pluginObjectArn?: string;
  /** The schema registry, for its grants. */
  readonly schemaRegistry?: ISchemaRegistry;
  /** Tags. */
  readonly tags: Readonly<Record<string, string>>;
  /** Audit metadata. */
  readonly metadata: ResourceMetadata;
}

const T = (...actions: string[]): string[] => actions.map((a) => `kafka-cluster:${a}`);

/** ARN of a topic or group of a cluster: `arn:…:topic/<cluster>/<uuid>/<name>`. */
export function kafkaResourceArn(clusterArn: string, kind: "topic" | "group", name: string): string {
  return `${Fn.replace(clusterArn, ":cluster/", `:${kind}/`)}/${name}`;
}

/** The execution role and its policy. */
export class ConnectorRole extends Construct {
  /** The role. */
  public readonly role: IamRole;
  /** Its policy. */
  public readonly policy: IamPolicy;
  /** The attachment (the connector waits for it). */
  public readonly attachment: IamRolePolicyAttachment;
  /** The policy's statements, for tests and docs. */
  public readonly statements: readonly Statement[];

  constructor(scope: Construct, id: string, props: ConnectorRoleProps) {
    super(scope, id);
    const c = props.connector;
    const account = new DataAwsCallerIdentity(this, "Account").accountId;
    const partition = new DataAwsPartition(this, "Partition").partition;
    const region = new DataAwsRegion(this, "Region").region;
    const name = c.name;

    this.role = new IamRole(this, "Role", {
      name: `${name.slice(0, 58)}-mskc`,
      description: `Service execution role of MSK Connect connector ${name}`,
      assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { Service: "kafkaconnect.amazonaws.com" },
            Action: "sts:AssumeRole",
            // Confused-deputy protection: only this account's connector of this name.
            Condition: {
              StringEquals: { "aws:SourceAccount": account },
              ArnLike: { "aws:SourceArn": `arn:${partition}:kafkaconnect:${region}:${account}:connector/${name}/*` },
            },
          },
        ],
      }),
      tags: { ...props.tags },
    });
    recordMetadata(this.role, props.metadata);

    const s: Statement[] = [];
    const add = (sid: string, actions: string[], resources: string[], condition?: Statement["Condition"]): void => {
      if (resources.length === 0) return;
      s.push({
        Sid: sid,
        Effect: "Allow",
        Action: actions,
        Resource: resources,
        ...(condition ? { Condition: condition } : {}),
      });
    };
    const topic = (n: string): string => kafkaResourceArn(props.clusterArn, "topic", n);
    const group = (n: string): string => kafkaResourceArn(props.clusterArn, "group", n);
    const source = c.direction === "source";

    add("Cluster", T("Connect", "DescribeCluster", ...(source ? ["WriteDataIdempotently"] : [])), [props.clusterArn]);
    add(
      source ? "WriteTopics" : "ReadTopics",
      T("DescribeTopic", source ? "WriteData" : "ReadData"),
      props.dataTopics.map(topic),
    );
    if (c.consumerGroup) add("SinkGroup", T("DescribeGroup", "AlterGroup"), [group(c.consumerGroup)]);
    if (c.deadLetterTopic) {
      add("DeadLetterTopic", T("DescribeTopic", "WriteData", "CreateTopic"), [topic(c.deadLetterTopic)]);
    }
    // MSK Connect's own config, offset and status topics: __amazon_msk_connect_<kind>_<name>_<id>.
    add("InternalTopics", T("DescribeTopic", "CreateTopic", "ReadData", "WriteData"), [
      topic(`${MSK_CONNECT_INTERNAL_PREFIX}*_${name}_*`),
    ]);
    add("InternalGroups", T("DescribeGroup", "AlterGroup"), [group(`${MSK_CONNECT_INTERNAL_PREFIX}*`)]);
    const internal = c.rendered.internalTopics;
    const reads = internal.filter((t) => t.access !== "write").map((t) => topic(t.name));
    const writes = internal.filter((t) => t.access !== "read").map((t) => topic(t.name));
    const creates = internal.filter((t) => t.create).map((t) => topic(t.name));
    add("ConnectorTopicsRead", T("DescribeTopic", "ReadData"), reads);
    add("ConnectorTopicsWrite", T("DescribeTopic", "WriteData"), writes);
    add(
      "ConnectorTopicsCreate",
      T("CreateTopic", "AlterTopic", "DescribeTopicDynamicConfiguration", "AlterTopicDynamicConfiguration"),
      creates,
    );
    add("ConnectorGroups", T("DescribeGroup", "AlterGroup"), c.rendered.groups.map(group));
    c.rendered.remoteClusters.forEach((r, i) => {
      add(`Remote${i}Cluster`, T("Connect", "DescribeCluster"), [r.clusterArn]);
      add(
        `Remote${i}Read`,
        T("DescribeTopic", "ReadData", "DescribeTopicDynamicConfiguration"),
        r.readTopics.map((n) => kafkaResourceArn(r.clusterArn, "topic", n)),
      );
      add(
        `Remote${i}Write`,
        T("DescribeTopic", "WriteData"),
        r.writeTopics.map((n) => kafkaResourceArn(r.clusterArn, "topic", n)),
      );
      add(
        `Remote${i}Groups`,
        T("DescribeGroup"),
        r.describeGroups.map((n) => kafkaResourceArn(r.clusterArn, "group", n)),
      );
    });

    const secrets = Object.values(c.secrets).filter((x) => x.kind === "secrets-manager");
    const secretArns = [...new Set(secrets.map((x) => x.secretsManagerSecret!.secretArn))];
    add("Secrets", ["secretsmanager:GetSecretValue"], secretArns);
    const keys = [...new Set(secrets.map((x) => x.secretsManagerSecret!.kmsKeyArn).filter((k): k is string => !!k))];
    add("SecretKeys", ["kms:Decrypt"], keys, {
      StringEquals: { "kms:ViaService": `secretsmanager.${region}.amazonaws.com` },
    });

    if (props.schemaRegistry instanceof GlueSchemaRegistry) {
      const glue = props.schemaRegistry;
      add(
        "SchemaRegistry",
        source
          ? [
              "glue:GetRegistry",
              "glue:CreateSchema",
              "glue:GetSchema",
              "glue:RegisterSchemaVersion",
              "glue:GetSchemaByDefinition",
              "glue:GetSchemaVersion",
              "glue:PutSchemaVersionMetadata",
            ]
          : ["glue:GetRegistry", "glue:GetSchema", "glue:GetSchemaVersion"],
        [glue.registryArn, glue.schemaArnPattern],
      );
    }
    if (props.pluginObjectArn) add("Plugin", ["s3:GetObject"], [props.pluginObjectArn]);

    this.statements = s;
    this.policy = new IamPolicy(this, "Policy", {
      name: `${name.slice(0, 58)}-mskc`,
      description: `Least-privilege access of MSK Connect connector ${name}`,
      policy: JSON.stringify({ Version: "2012-10-17", Statement: s }),
      tags: { ...props.tags },
    });
    recordMetadata(this.policy, props.metadata);
    this.attachment = new IamRolePolicyAttachment(this, "Attachment", {
      role: this.role.name,
      policyArn: this.policy.arn,
    });
  }
}
