import { App, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ConnectPlugin, ConnectorSecret, MskCluster } from "cdktf-kafka-standards";
import { Db2ToSnowflakePipeline } from "cdktf-kafka-standards/patterns";

/**
 * Db2 → MSK → Snowflake: a production MSK cluster and the standard's pipeline on MSK Connect. The
 * orders table is captured with Debezium (ASN change data capture), customers and products are
 * polled with the JDBC source; everything lands in Snowflake's STAGING schema.
 */
export class Db2SnowflakeMskStack extends TerraformStack {
  /** The cluster. */
  public readonly cluster: MskCluster;
  /** The pipeline. */
  public readonly pipeline: Db2ToSnowflakePipeline;

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
    const secretArn = new TerraformVariable(this, "pipeline_secret_arn", {
      type: "string",
      description:
        "ARN of the Secrets Manager secret prod/sales/dwh-pipeline (JSON keys db2_password, snowflake_private_key)",
    });
    const secretKeyArn = new TerraformVariable(this, "pipeline_secret_kms_key_arn", {
      type: "string",
      description: "ARN of the customer-managed KMS key that encrypts the pipeline secret",
    });
    const db2Cidr = new TerraformVariable(this, "db2_cidr", {
      type: "string",
      description: "Network of the Db2 server",
    });

    this.cluster = new MskCluster(this, "sales", {
      clusterName: "sales",
      tier: "prod",
      vpcId: vpcId.stringValue,
      clientSubnetIds: subnetIds.listValue,
      owner: "team-data",
    });

    // The connectors read their credentials at runtime through the worker's Secrets Manager config
    // provider: the configuration holds only ${secretsmanager:prod/sales/dwh-pipeline:<key>}.
    const secret = (key: string): ConnectorSecret =>
      ConnectorSecret.secretsManager(
        {
          secretArn: secretArn.stringValue,
          secretName: "prod/sales/dwh-pipeline",
          kmsKeyArn: secretKeyArn.stringValue,
        },
        key,
      );
    const plugin = (fileKey: string): ConnectPlugin =>
      ConnectPlugin.fromS3({ bucketArn: pluginBucketArn.stringValue, fileKey });

    this.pipeline = new Db2ToSnowflakePipeline(this, "Dwh", {
      name: "dwh",
      cluster: this.cluster,
      domain: "sales",
      region: "eu-west-1",
      recoverySlaHours: 96,
      tables: [
        { schema: "SALES", table: "ORDERS", businessKey: ["ORDER_ID"], asnCapture: true, throughputMBps: 40 },
        {
          schema: "SALES",
          table: "CUSTOMERS",
          businessKey: ["CUSTOMER_ID"],
          timestampColumns: ["UPDATED_AT"],
          incrementingColumn: "CUSTOMER_ID",
          personalData: true,
        },
        {
          schema: "SALES",
          table: "PRODUCTS",
          businessKey: ["SKU"],
          timestampColumns: ["UPDATED_AT"],
          incrementingColumn: "PRODUCT_ID",
        },
      ],
      db2: {
        hostname: "db2.sales.internal",
        port: 50001,
        databaseName: "SALES",
        user: "KAFKA",
        password: secret("db2_password"),
      },
      snowflake: {
        url: "xy12345.eu-west-1.snowflakecomputing.com:443",
        user: "KAFKA_CONNECTOR",
        privateKey: secret("snowflake_private_key"),
        database: "DWH",
        stagingSchema: "STAGING",
        role: "KAFKA_LOADER",
        bufferFlushSeconds: 10,
      },
      heartbeatTable: "KAFKA_OPS.PIPELINE_HEARTBEAT",
      msk: {
        vpcId: vpcId.stringValue,
        subnetIds: subnetIds.listValue,
        plugins: {
          debeziumDb2: plugin("plugins/debezium-connector-db2-3.3.1.zip"),
          jdbc: plugin("plugins/kafka-connect-jdbc-10.9.7.zip"),
          snowflake: plugin("plugins/snowflake-kafka-connector-2.5.0.zip"),
        },
        sourceEgress: [{ cidr: db2Cidr.stringValue, port: 50001, description: "Db2 over TLS" }],
        sinkEgress: [{ cidr: "0.0.0.0/0", port: 443, description: "Snowflake and AWS APIs over HTTPS" }],
      },
      owner: "team-data",
    });
  }
}

/** Adds the example to an app, as stack `id`. */
export function build(app: App, id = "db2-snowflake-msk"): TerraformStack {
  return new Db2SnowflakeMskStack(app, id);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
