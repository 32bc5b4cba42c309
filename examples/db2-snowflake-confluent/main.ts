import { App, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { ConfluentCluster, ConnectorSecret } from "cdktf-kafka-standards";
import { Db2ToSnowflakePipeline } from "cdktf-kafka-standards/patterns";
import { ConfluentProvider } from "cdktf-kafka-standards/providers";

/**
 * Db2 → Confluent Cloud → Snowflake: the same pipeline on fully managed connectors (IbmDb2Source
 * polling with timestamp+incrementing, SnowflakeSink), each with its own service account, Avro
 * through the environment's Schema Registry with BACKWARD compatibility per subject.
 */
export class Db2SnowflakeConfluentStack extends TerraformStack {
  /** The cluster. */
  public readonly cluster: ConfluentCluster;
  /** The pipeline. */
  public readonly pipeline: Db2ToSnowflakePipeline;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // The Cloud API key comes from CONFLUENT_CLOUD_API_KEY / CONFLUENT_CLOUD_API_SECRET, never from code.
    new ConfluentProvider(this, "confluent", {});

    // Secrets reach config_sensitive as sensitive variables: never in code, never in config_nonsensitive.
    const sensitive = (name: string, description: string): ConnectorSecret =>
      ConnectorSecret.terraformReference(
        new TerraformVariable(this, name, { type: "string", sensitive: true, description }).stringValue,
      );

    this.cluster = new ConfluentCluster(this, "sales", {
      clusterName: "sales",
      tier: "prod",
      cloud: "AWS",
      region: "eu-west-1",
    });

    this.pipeline = new Db2ToSnowflakePipeline(this, "Dwh", {
      name: "dwh",
      cluster: this.cluster,
      domain: "sales",
      region: "eu-west-1",
      recoverySlaHours: 96,
      tables: [
        {
          schema: "SALES",
          table: "ORDERS",
          businessKey: ["ORDER_ID"],
          timestampColumns: ["UPDATED_AT"],
          incrementingColumn: "ORDER_ID",
          throughputMBps: 40,
        },
        {
          schema: "SALES",
          table: "CUSTOMERS",
          businessKey: ["CUSTOMER_ID"],
          timestampColumns: ["UPDATED_AT"],
          incrementingColumn: "CUSTOMER_ID",
          personalData: true,
        },
      ],
      db2: {
        hostname: "db2.sales.example.com",
        port: 50001,
        databaseName: "SALES",
        user: "KAFKA",
        password: sensitive("db2_password", "Password of the Db2 user KAFKA"),
      },
      snowflake: {
        url: "xy12345.eu-west-1.snowflakecomputing.com:443",
        user: "KAFKA_CONNECTOR",
        privateKey: sensitive("snowflake_private_key", "Private key (PKCS#8, base64) of KAFKA_CONNECTOR"),
        database: "DWH",
        stagingSchema: "STAGING",
        role: "KAFKA_LOADER",
        bufferFlushSeconds: 10,
      },
      heartbeatTable: "KAFKA_OPS.PIPELINE_HEARTBEAT",
      owner: "team-data",
    });
  }
}

/** Adds the example to an app, as stack `id`. */
export function build(app: App, id = "db2-snowflake-confluent"): TerraformStack {
  return new Db2SnowflakeConfluentStack(app, id);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
