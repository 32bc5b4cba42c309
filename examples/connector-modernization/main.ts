import { App, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import {
  ConnectPlugin,
  ConnectorCatalog,
  ConnectorSecret,
  KafkaTopic,
  MskCluster,
  MskConnector,
} from "cdktf-kafka-standards";

/**
 * Connector modernization: two connectors of the sample Connect export
 * (test/fixtures/connect/connect-export.json) declared again with the library on MSK Connect, where
 * they come out modern by construction: the Snowflake sink `dwh-snowflake` with Snowpipe Streaming
 * instead of Snowpipe (KS-CONNECT-001 flags `snowflake.ingestion.method=SNOWPIPE`), and the IBM MQ
 * source `payments-mq-source` on IBM's v3 connector with a TLS channel and the password from Secrets
 * Manager. The export's Debezium 1.x and JDBC connectors are rewritten by
 * `kafka-standards connectors --rewrite` instead (see README.md).
 */
export class ConnectorModernizationStack extends TerraformStack {
  /** The cluster. */
  public readonly cluster: MskCluster;
  /** The Snowflake sink (was `dwh-snowflake`). */
  public readonly snowflakeSink: MskConnector;
  /** The IBM MQ source (was `payments-mq-source`). */
  public readonly mqSource: MskConnector;

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
    const secretArn = new TerraformVariable(this, "connector_secret_arn", {
      type: "string",
      description:
        "ARN of the Secrets Manager secret prod/sales/connectors (JSON keys snowflake_private_key, mq_password)",
    });
    const secretKeyArn = new TerraformVariable(this, "connector_secret_kms_key_arn", {
      type: "string",
      description: "ARN of the customer-managed KMS key that encrypts the connector secret",
    });
    const mqCidr = new TerraformVariable(this, "mq_cidr", {
      type: "string",
      description: "Network of the queue manager",
    });

    this.cluster = new MskCluster(this, "sales", {
      clusterName: "sales",
      tier: "prod",
      vpcId: vpcId.stringValue,
      clientSubnetIds: subnetIds.listValue,
      owner: "team-data",
    });

    const secret = (key: string): ConnectorSecret =>
      ConnectorSecret.secretsManager(
        { secretArn: secretArn.stringValue, secretName: "prod/sales/connectors", kmsKeyArn: secretKeyArn.stringValue },
        key,
      );
    const plugin = (fileKey: string): ConnectPlugin =>
      ConnectPlugin.fromS3({ bucketArn: pluginBucketArn.stringValue, fileKey });

    const orders: KafkaTopic = this.cluster.addTopic("sales.orders.eu-west-1", { partitions: 6 });
    const payments: KafkaTopic = this.cluster.addTopic("payments.payments.eu-west-1", { partitions: 6 });

    // dwh-snowflake: the export's Snowpipe ingestion becomes Snowpipe Streaming (the catalog's default).
    this.snowflakeSink = new MskConnector(this, "DwhSnowflake", {
      cluster: this.cluster,
      name: "dwh-snowflake",
      connector: ConnectorCatalog.snowflakeSink({
        topics: [{ topic: orders, table: "ORDERS" }],
        url: "xy12345.eu-west-1.snowflakecomputing.com:443",
        user: "KAFKA",
        privateKey: secret("snowflake_private_key"),
        database: "DWH",
        schema: "STAGING",
        role: "KAFKA_LOADER",
      }),
      tasksMax: 2,
      msk: {
        plugin: plugin("plugins/snowflake-kafka-connector-2.5.0.zip"),
        vpcId: vpcId.stringValue,
        subnetIds: subnetIds.listValue,
        egress: [{ cidr: "0.0.0.0/0", port: 443, description: "Snowflake and AWS APIs over HTTPS" }],
      },
      owner: "team-data",
    });

    // payments-mq-source: IBM's v3 MQ source, TLS on the channel, the password from Secrets Manager.
    this.mqSource = new MskConnector(this, "PaymentsMqSource", {
      cluster: this.cluster,
      name: "payments-mq-source",
      connector: ConnectorCatalog.ibmMqSource({
        queueManager: "QMPAY1",
        connections: [{ host: "mq1.payments.internal", port: 1414 }],
        channel: "KAFKA.SVRCONN",
        queue: "PAYMENTS.IN",
        user: "kafka",
        password: secret("mq_password"),
        tls: { cipherSuite: "TLS_AES_256_GCM_SHA384", peerName: "CN=QMPAY1" },
        topic: payments,
      }),
      msk: {
        plugin: plugin("plugins/kafka-connect-mq-source-3.0.0.zip"),
        vpcId: vpcId.stringValue,
        subnetIds: subnetIds.listValue,
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
export function build(app: App, id = "connector-modernization"): TerraformStack {
  return new ConnectorModernizationStack(app, id);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
