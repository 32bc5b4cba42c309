import * as crypto from "crypto";
import * as path from "path";
import { Construct } from "constructs";
import { Fn, Lazy } from "cdktf";
import { MskconnectConnector } from "@cdktf/provider-aws/lib/mskconnect-connector";
import { MskconnectCustomPlugin } from "@cdktf/provider-aws/lib/mskconnect-custom-plugin";
import { MskconnectWorkerConfiguration } from "@cdktf/provider-aws/lib/mskconnect-worker-configuration";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { S3Object } from "@cdktf/provider-aws/lib/s3-object";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { isUnresolved, recordMetadata, standardTags } from "../core/resource-metadata";
import { failWith } from "../errors";
import { KafkaStandardsSuppressions } from "../audit/cdktf/suppressions";
import {
  CONNECT_CONVERTERS,
  MSK_CONFIG_PROVIDER,
  MSK_CONNECT_CAPACITY,
  MSK_CONNECT_VERSION,
  MSK_IAM_PORT,
  mskOffsetStorageTopic,
} from "../standards/connect";
import { TIER_POLICIES } from "../standards/tiers";
import type { MskCluster } from "../msk/msk-cluster";
import type { KafkaTopic } from "../topic/kafka-topic";
import { declareConnectorTopics } from "./connector-topics";
import { ConverterSettings } from "./connector-definition";
import { ResolvedConnector, checkConnectorName, resolveConnector } from "./connector-config";
import { ConnectorIntentProps, MskConnectOptions, defaultConnectorName } from "./kafka-connector-props";
import { ConnectorRole } from "./msk-connector-role";
import { createPipelineAlarms } from "./pipeline-alarms";
import { MskConnectStack } from "./msk-connect-stack";

/** Properties of an {@link MskConnector}. */
export interface MskConnectorProps extends ConnectorIntentProps {
  /** The MSK cluster (IAM authentication enabled) the connector reads from or writes to. */
  readonly cluster: MskCluster;
  /** Plugin, network and capacity. */
  readonly msk: MskConnectOptions;
}

/** Converters when no schema registry is bound: JSON with embedded schemas. */
const JSON_WITH_SCHEMAS: ConverterSettings = Object.freeze({
  format: "json",
  managedDataFormat: "JSON",
  converterConfig: Object.freeze({
    "key.converter": CONNECT_CONVERTERS.json,
    "key.converter.schemas.enable": "true",
    "value.converter": CONNECT_CONVERTERS.json,
    "value.converter.schemas.enable": "true",
  }),
});

/**
 * A Kafka Connect connector on Amazon MSK Connect, secure by default: IAM authentication and TLS to
 * the brokers, a least-privilege service execution role, worker logs in a KMS-encrypted CloudWatch
 * Logs group, autoscaling capacity per tier, a security group that reaches the brokers on 9098 and
 * only the listed destinations, secrets only as Secrets Manager config-provider references (the
 * worker configuration declares the provider), and the standard's error handling: a sink's
 * dead-letter topic is created on the cluster (`dlq.<name>`, class `dlq`) and its consumer group
 * gets the cluster's lag alarms; failed tasks raise an alarm with a runbook.
 *
 * Source connectors keep their offsets in a named topic (`offset.storage.topic`), so a re-created
 * connector resumes where the previous one stopped.
 *
 * The connector's resources live in the cluster's {@link MskConnectStack} (`<cluster stack>-connect`),
 * deployed after the data plane that creates its topics; the construct stays where it is declared.
 *
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/msk-connect.html
 * @example
 * import { ConnectPlugin, ConnectorCatalog, ConnectorSecret, MskConnector } from "cdktf-kafka-standards";
 *
 * // A Snowflake sink on MSK Connect with the standard's error handling (DLQ, logs, retries):
 * new MskConnector(stack, "OrdersSink", {
 *   cluster,
 *   name: "orders-sink",
 *   connector: ConnectorCatalog.snowflakeSink({
 *     topics: [{ topic: cluster.addTopic("sales.orders.eu-west-1", { partitions: 6 }) }],
 *     url: "xy12345.eu-west-1.snowflakecomputing.com:443",
 *     user: "KAFKA",
 *     privateKey: ConnectorSecret.secretsManager(
 *       { secretArn: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/sales/pipeline-AbCdEf", secretName: "prod/sales/pipeline" },
 *       "snowflake_private_key",
 *     ),
 *     database: "DWH",
 *     schema: "STAGING",
 *     role: "LOADER",
 *   }),
 *   msk: {
 *     plugin: ConnectPlugin.fromS3({ bucketArn: "arn:aws:s3:::connect-plugins", fileKey: "snowflake-kafka-connector-2.5.0.zip" }),
 *     vpcId: "vpc-0123",
 *     subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
 *     egress: [{ cidr: "0.0.0.0/0", port: 443, description: "Snowflake over HTTPS" }],
 *   },
 * });
 */
export class MskConnector extends Construct {
  /** Connector name. */
  public readonly connectorName: string;
  /** The resolved configuration. */
  public readonly resolved: ResolvedConnector;
  /** The `aws_mskconnect_connector`. */
  public readonly connector: MskconnectConnector;
  /** The custom plugin. */
  public readonly plugin: MskconnectCustomPlugin;
  /** The worker configuration. */
  public readonly workerConfiguration: MskconnectWorkerConfiguration;
  /** The worker log group. */
  public readonly logGroup: CloudwatchLogGroup;
  /** The service execution role. */
  public readonly role: ConnectorRole;
  /** The workers' security group. */
  public readonly securityGroup: SecurityGroup;
  /** The dead-letter topic, for sinks. */
  public readonly deadLetterTopic?: KafkaTopic;
  /** The stack holding the connector's resources. */
  public readonly connectStack: MskConnectStack;

  constructor(scope: Construct, id: string, props: MskConnectorProps) {
    super(scope, id);
    const p = this.node.path;
    const cluster = props.cluster;
    if (typeof cluster !== "object" || cluster === null || cluster.backend !== "msk") {
      failWith("KSE-CONN-019", "cluster", cluster, "an MskCluster", "Pass the MSK cluster the connector uses.", p);
    }
    if (!cluster.authentication.iam) {
      failWith(
        "KSE-CONN-011",
        "cluster",
        cluster.clusterName,
        "a cluster with IAM authentication (MSK Connect authenticates only with IAM or not at all)",
        "Enable ClientAuthentication.iam() on the cluster.",
        p,
      );
    }
    const msk = checkMskOptions(props.msk, p);
    const name = checkConnectorName(props.name ?? defaultConnectorName(id), p);
    this.connectorName = name;
    const converters = props.schemaRegistry?.converters("msk", p) ?? JSON_WITH_SCHEMAS;
    const r = resolveConnector(name, {
      definition: props.connector,
      ctx: {
        backend: "msk",
        connectorName: name,
        path: p,
        clusterName: cluster.clusterName,
        bootstrapServers: cluster.bootstrapBrokersSaslIam,
        converters,
      },
      extraConfig: props.config,
      errorHandling: props.errorHandling,
      tasksMax: props.tasksMax,
    });
    this.resolved = r;
    const foreign = r.definition.topics.find((t) => t.cluster !== cluster);
    if (foreign) {
      failWith(
        "KSE-CONN-009",
        "connector.topics",
        foreign.topicName,
        `topics of cluster ${cluster.clusterName}`,
        "Declare the connector's topics on the cluster it runs against.",
        p,
      );
    }
    const capacity = resolveCapacity(msk, cluster.tier, p);
    this.connectStack = MskConnectStack.of(cluster);
    // Checked before anything is created: the name is unique among the cluster's connectors.
    const home = this.connectStack.connectorScope(name, p);

    // Everything is valid: create.
    const tags = standardTags({ tier: cluster.tier, owner: props.owner, tags: props.tags });
    const meta = {
      tier: cluster.tier,
      construct: "MskConnector",
      cluster: cluster.clusterName,
      connector: name,
      pipeline: props.pipeline,
    };
    this.deadLetterTopic = declareConnectorTopics(cluster, r, props);

    this.logGroup = new CloudwatchLogGroup(home, "WorkerLogs", {
      name: `/aws/mskconnect/${cluster.clusterName}/${name}`,
      retentionInDays: TIER_POLICIES[cluster.tier].brokerLogRetentionDays,
      kmsKeyId: cluster.kmsKeyArn,
      tags,
    });
    recordMetadata(this.logGroup, meta);

    const { pluginLocation, pluginObjectArn } = this.pluginLocation(home, msk, name, cluster.kmsKeyArn, tags, meta);
    this.plugin = new MskconnectCustomPlugin(home, "Plugin", {
      name: `${name}-plugin`,
      contentType: msk.plugin.contentType,
      description: `Plugin of connector ${name} (${r.definition.catalogId})`,
      location: { s3: pluginLocation },
      tags,
    });
    recordMetadata(this.plugin, meta);

    const workerProperties = this.workerProperties(home, r);
    this.workerConfiguration = new MskconnectWorkerConfiguration(home, "WorkerConfiguration", {
      // Content-addressed: the resource cannot be updated in place, so a change creates a new one first.
      // The digest is taken over the content as Terraform receives it (tokens resolved to their
      // expressions), never over token placeholders, whose numbering changes with unrelated code.
      name: Lazy.stringValue({
        produce: (context) =>
          `${name}-${crypto
            .createHash("sha256")
            .update(String(context.resolve(workerProperties)))
            .digest("hex")
            .slice(0, 8)}`,
      }),
      description: `Worker configuration of connector ${name}`,
      propertiesFileContent: workerProperties,
      tags,
      lifecycle: { createBeforeDestroy: true },
    });
    recordMetadata(this.workerConfiguration, meta);

    this.role = new ConnectorRole(home, "ExecutionRole", {
      connector: r,
      clusterArn: cluster.clusterArn,
      dataTopics: r.definition.topics.map((t) => t.topicName),
      pluginObjectArn,
      schemaRegistry: props.schemaRegistry,
      tags,
      metadata: meta,
    });

    this.securityGroup = new SecurityGroup(home, "SecurityGroup", {
      name: `${name}-mskc-workers`,
      description: `MSK Connect workers of ${name}: brokers on ${MSK_IAM_PORT} and the listed destinations only`,
      vpcId: msk.vpcId,
      tags: { ...tags, Name: `${name}-mskc-workers` },
    });
    recordMetadata(this.securityGroup, meta);
    const brokerSg = cluster.securityGroup.securityGroup.id;
    new VpcSecurityGroupEgressRule(home, "ToBrokers", {
      securityGroupId: this.securityGroup.id,
      referencedSecurityGroupId: brokerSg,
      ipProtocol: "tcp",
      fromPort: MSK_IAM_PORT,
      toPort: MSK_IAM_PORT,
      description: `Kafka brokers of ${cluster.clusterName} (IAM, TLS)`,
      tags: { ...tags },
    });
    new VpcSecurityGroupIngressRule(home, "BrokersFromWorkers", {
      securityGroupId: brokerSg,
      referencedSecurityGroupId: this.securityGroup.id,
      ipProtocol: "tcp",
      fromPort: MSK_IAM_PORT,
      toPort: MSK_IAM_PORT,
      description: `MSK Connect workers of connector ${name}`,
      tags: { ...tags },
    });
    (msk.egress ?? []).forEach((e, i) => {
      new VpcSecurityGroupEgressRule(home, `Egress${i}`, {
        securityGroupId: this.securityGroup.id,
        cidrIpv4: e.cidr,
        prefixListId: e.prefixListId,
        ipProtocol: "tcp",
        fromPort: e.port,
        toPort: e.port,
        description: e.description,
        tags: { ...tags },
      });
    });

    const holder = new Construct(home, "Resource");
    const configuration: Record<string, string> = { ...r.config };
    for (const [k, secret] of Object.entries(r.secrets)) configuration[k] = secret.configValue();
    this.connector = new MskconnectConnector(holder, "Connector", {
      name,
      description: `${r.definition.catalogId} ${r.direction} of cluster ${cluster.clusterName}`,
      kafkaconnectVersion: MSK_CONNECT_VERSION,
      serviceExecutionRoleArn: this.role.role.arn,
      connectorConfiguration: Object.fromEntries(
        Object.keys(configuration)
          .sort()
          .map((k) => [k, configuration[k]]),
      ),
      capacity: {
        autoscaling: {
          minWorkerCount: capacity.minWorkers,
          maxWorkerCount: capacity.maxWorkers,
          mcuCount: capacity.mcuCount,
          scaleInPolicy: { cpuUtilizationPercentage: capacity.scaleInCpuPercent },
          scaleOutPolicy: { cpuUtilizationPercentage: capacity.scaleOutCpuPercent },
        },
      },
      kafkaCluster: {
        apacheKafkaCluster: {
          bootstrapServers: cluster.bootstrapBrokersSaslIam,
          vpc: { securityGroups: [this.securityGroup.id], subnets: [...msk.subnetIds] },
        },
      },
      kafkaClusterClientAuthentication: { authenticationType: "IAM" },
      kafkaClusterEncryptionInTransit: { encryptionType: "TLS" },
      plugin: [{ customPlugin: { arn: this.plugin.arn, revision: this.plugin.latestRevision } }],
      workerConfiguration: {
        arn: this.workerConfiguration.arn,
        revision: this.workerConfiguration.latestRevision,
      },
      logDelivery: { workerLogDelivery: { cloudwatchLogs: { enabled: true, logGroup: this.logGroup.name } } },
      tags,
      dependsOn: [this.role.attachment],
    });
    const overrides = Object.fromEntries(r.weakenings.map((w) => [w.prop, w.reason]));
    recordMetadata(this.connector, {
      ...meta,
      overrides: Object.keys(overrides).length > 0 ? overrides : undefined,
    });
    const suppressions = r.weakenings.flatMap((w) => w.rules.map((id) => ({ id, reason: `${w.prop}: ${w.reason}` })));
    if (suppressions.length > 0) KafkaStandardsSuppressions.add(holder, suppressions);

    // Monitoring: failed tasks, and the sink group's lag through the cluster's own lag alarms.
    createPipelineAlarms(
      home,
      "pipeline-connector-failed-tasks",
      {
        owner: props.pipeline ?? name,
        pipeline: props.pipeline,
        connector: name,
        tier: cluster.tier,
        escalation: cluster.escalation,
        tags,
        runbookBaseUrl: msk.runbookBaseUrl,
      },
      { namespace: "AWS/KafkaConnect", metricName: "ErroredTaskCount", dimensions: { ConnectorName: name } },
      props.pipeline ? name : "",
      `for connector ${name}`,
    );
    if (r.consumerGroup) {
      for (const t of r.definition.topics) cluster.addConsumerGroup(r.consumerGroup, t.topicName);
    }
  }

  private workerProperties(scope: Construct, r: ResolvedConnector): string {
    const lines = [
      "# Worker configuration generated by cdktf-kafka-standards.",
      // Required by MSK Connect; each connector sets its own converters, which take precedence.
      `key.converter=${CONNECT_CONVERTERS.string}`,
      `value.converter=${CONNECT_CONVERTERS.string}`,
    ];
    if (Object.values(r.secrets).some((s) => s.kind === "secrets-manager")) {
      lines.push(
        `config.providers=${MSK_CONFIG_PROVIDER.name}`,
        `config.providers.${MSK_CONFIG_PROVIDER.name}.class=${MSK_CONFIG_PROVIDER.className}`,
        `config.providers.${MSK_CONFIG_PROVIDER.name}.param.region=${new DataAwsRegion(scope, "Region").region}`,
      );
    }
    if (r.direction === "source") lines.push(`offset.storage.topic=${mskOffsetStorageTopic(r.name)}`);
    return `${lines.join("\n")}\n`;
  }

  private pluginLocation(
    scope: Construct,
    msk: MskConnectOptions,
    name: string,
    kmsKeyArn: string,
    tags: Record<string, string>,
    meta: Record<string, string | undefined>,
  ): { pluginLocation: { bucketArn: string; fileKey: string; objectVersion?: string }; pluginObjectArn: string } {
    const plugin = msk.plugin;
    if (plugin.location) {
      const l = plugin.location;
      return {
        pluginLocation: { bucketArn: l.bucketArn, fileKey: l.fileKey, objectVersion: l.objectVersion },
        pluginObjectArn: `${l.bucketArn}/${l.fileKey}`,
      };
    }
    const u = plugin.uploadSource!;
    const key = u.fileKey ?? `mskconnect/plugins/${name}/${path.basename(u.path)}`;
    const object = new S3Object(scope, "PluginObject", {
      bucket: u.bucketName,
      key,
      source: path.resolve(u.path),
      sourceHash: Fn.filemd5(path.resolve(u.path)),
      kmsKeyId: kmsKeyArn,
      serverSideEncryption: "aws:kms",
      tags,
    });
    recordMetadata(object, meta);
    return {
      pluginLocation: { bucketArn: u.bucketArn, fileKey: object.key, objectVersion: object.versionId },
      pluginObjectArn: `${u.bucketArn}/${key}`,
    };
  }
}

function checkMskOptions(msk: MskConnectOptions | undefined, p: string): MskConnectOptions {
  if (typeof msk !== "object" || msk === null) {
    failWith(
      "KSE-CONN-011",
      "msk",
      msk,
      "{ plugin, vpcId, subnetIds }",
      "Give the connector's plugin and the subnets its workers run in.",
      p,
    );
  }
  if (!msk.plugin || typeof msk.plugin !== "object" || !("contentType" in msk.plugin)) {
    failWith(
      "KSE-CONN-010",
      "msk.plugin",
      msk.plugin,
      "a ConnectPlugin",
      "Use ConnectPlugin.fromS3(...) or .upload(...).",
      p,
    );
  }
  if (!isUnresolved(msk.vpcId) && (typeof msk.vpcId !== "string" || !/^vpc-[0-9a-f]+$/.test(msk.vpcId))) {
    failWith("KSE-CONN-011", "msk.vpcId", msk.vpcId, "a VPC id (vpc-…)", "Pass the cluster's VPC.", p);
  }
  if (!isUnresolved(msk.subnetIds) && (!Array.isArray(msk.subnetIds) || msk.subnetIds.length === 0)) {
    failWith("KSE-CONN-011", "msk.subnetIds", msk.subnetIds, "at least one subnet id", "Pass private subnets.", p);
  }
  (msk.egress ?? []).forEach((e, i) => {
    const one = (e?.cidr !== undefined) !== (e?.prefixListId !== undefined);
    const cidrOk = e?.cidr === undefined || isUnresolved(e.cidr) || /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(e.cidr);
    const portOk = Number.isInteger(e?.port) && e.port >= 1 && e.port <= 65535;
    const described = typeof e?.description === "string" && e.description.trim().length >= 3;
    if (!one || !cidrOk || !portOk || !described) {
      failWith(
        "KSE-CONN-018",
        `msk.egress[${i}]`,
        e,
        "{ cidr | prefixListId, port (1–65535), description }",
        "Name one destination, one TCP port and what it is.",
        p,
      );
    }
  });
  return msk;
}

function resolveCapacity(msk: MskConnectOptions, tier: "dev" | "staging" | "prod", p: string) {
  const std = MSK_CONNECT_CAPACITY[tier];
  const c = msk.capacity ?? {};
  const min = c.minWorkers ?? std.minWorkers;
  const max = c.maxWorkers ?? Math.max(std.maxWorkers, min);
  const mcu = c.mcuCount ?? std.mcuCount;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max > 10 || min > max) {
    failWith(
      "KSE-CONN-012",
      "msk.capacity",
      { minWorkers: min, maxWorkers: max },
      "1 ≤ minWorkers ≤ maxWorkers ≤ 10 (MSK Connect limits)",
      "Adjust the worker counts.",
      p,
    );
  }
  if (![1, 2, 4, 8].includes(mcu)) {
    failWith("KSE-CONN-012", "msk.capacity.mcuCount", mcu, "1, 2, 4 or 8", "Use a supported MCU count.", p);
  }
  return { ...std, minWorkers: min, maxWorkers: max, mcuCount: mcu };
}
