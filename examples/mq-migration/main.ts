import { App, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ConnectPlugin, ConnectorSecret, MskCluster, MqFlow } from "cdktf-kafka-standards";
import { MqMigration } from "cdktf-kafka-standards/patterns";

/** The queue inventory: one flow per phase, fire-and-forget and request/reply, unordered, ordered per key and in strict queue order. */
const PAYMENT_FLOWS: readonly MqFlow[] = [
  {
    name: "notifications",
    queue: "NOTIFY.OUT",
    pilotQueue: "NOTIFY.OUT.COPY",
    volumeMessagesPerSecond: 50,
    messageSizeBytes: 2_048,
    ordering: "none",
    exchange: "fire-and-forget",
    consumers: [{ name: "mailer", migrated: false }],
    phase: "pilot",
  },
  {
    name: "payments",
    queue: "PAYMENTS.IN",
    legacyQueue: "PAYMENTS.IN.LEGACY",
    volumeMessagesPerSecond: 2_000,
    messageSizeBytes: 8_192,
    ordering: "key",
    orderingKey: "JMSCorrelationID",
    exchange: "fire-and-forget",
    consumers: [
      { name: "ledger", migrated: true },
      { name: "fraud-check", migrated: false },
    ],
    phase: "coexistence",
    personalData: true,
  },
  {
    name: "fx-quotes",
    queue: "FX.QUOTE.REQUEST",
    replyQueue: "FX.QUOTE.REPLY",
    volumeMessagesPerSecond: 200,
    messageSizeBytes: 1_024,
    ordering: "none",
    exchange: "request-reply",
    consumers: [{ name: "pricing", migrated: true }],
    phase: "coexistence",
  },
  {
    name: "settlements",
    queue: "SETTLEMENT.BATCH",
    volumeMessagesPerSecond: 20,
    messageSizeBytes: 16_384,
    ordering: "queue",
    exchange: "fire-and-forget",
    consumers: [{ name: "clearing", migrated: true }],
    phase: "switched",
  },
];

/**
 * IBM MQ → MSK: four payment flows, one per phase, moved by IBM's open-source MQ connectors on MSK
 * Connect (custom plugins). The plan (`kafka-standards/MQ-MIGRATION-payments.md`), the per-flow
 * alarms and runbooks are generated from PAYMENT_FLOWS above.
 */
export class MqMigrationStack extends TerraformStack {
  /** The cluster. */
  public readonly cluster: MskCluster;
  /** The migration. */
  public readonly migration: MqMigration;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: "eu-west-1" });

    const vpcId = new TerraformVariable(this, "vpc_id", {
      type: "string",
      description: "VPC of the brokers and workers",
    });
    const subnetIds = new TerraformVariable(this, "private_subnet_ids", {
      type: "list(string)",
      description: "Three private subnets, one per availability zone",
    });
    const pluginBucketArn = new TerraformVariable(this, "plugin_bucket_arn", {
      type: "string",
      description: "ARN of the versioned, encrypted bucket holding the connector plugin archives",
    });
    const secretArn = new TerraformVariable(this, "mq_secret_arn", {
      type: "string",
      description: "ARN of the Secrets Manager secret prod/payments/mq (JSON key mq_password)",
    });
    const secretKeyArn = new TerraformVariable(this, "mq_secret_kms_key_arn", {
      type: "string",
      description: "ARN of the customer-managed KMS key that encrypts the MQ secret",
    });
    const mqCidr = new TerraformVariable(this, "mq_cidr", {
      type: "string",
      description: "Network of the queue manager",
    });

    this.cluster = new MskCluster(this, "payments", {
      clusterName: "payments",
      tier: "prod",
      vpcId: vpcId.stringValue,
      clientSubnetIds: subnetIds.listValue,
      enhancedMonitoring: "PER_TOPIC_PER_BROKER",
      owner: "team-payments",
    });
    const plugin = (fileKey: string): ConnectPlugin =>
      ConnectPlugin.fromS3({ bucketArn: pluginBucketArn.stringValue, fileKey });

    this.migration = new MqMigration(this, "Payments", {
      name: "payments",
      cluster: this.cluster,
      domain: "payments",
      region: "eu-west-1",
      flows: PAYMENT_FLOWS,
      mq: {
        queueManager: "QMPAY1",
        connections: [
          { host: "mq1.payments.internal", port: 1414 },
          { host: "mq2.payments.internal", port: 1414 },
        ],
        channel: "KAFKA.SVRCONN",
        user: "kafka",
        password: ConnectorSecret.secretsManager(
          { secretArn: secretArn.stringValue, secretName: "prod/payments/mq", kmsKeyArn: secretKeyArn.stringValue },
          "mq_password",
        ),
        tls: { cipherSuite: "TLS_AES_256_GCM_SHA384", peerName: "CN=QMPAY1" },
      },
      msk: {
        vpcId: vpcId.stringValue,
        subnetIds: subnetIds.listValue,
        plugins: {
          mqSource: plugin("plugins/kafka-connect-mq-source-3.0.0.zip"),
          mqSink: plugin("plugins/kafka-connect-mq-sink-3.0.0.zip"),
        },
        egress: [
          { cidr: mqCidr.stringValue, port: 1414, description: "IBM MQ listener (TLS channel)" },
          { cidr: "0.0.0.0/0", port: 443, description: "AWS APIs over HTTPS" },
        ],
      },
      owner: "team-payments",
    });
  }
}

/** Adds the example to an app, as stack `id`. */
export function build(app: App, id = "mq-migration"): TerraformStack {
  return new MqMigrationStack(app, id);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
