import { App, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { MskCluster, ClientAuthentication, BrokerInstanceType, KafkaVersion } from "cdktf-kafka-standards";

/**
 * Every knob of MskCluster: a six-broker prod cluster with IAM and SCRAM users, S3 log delivery,
 * Prometheus, per-partition monitoring, tuned autoscaling and extra broker properties; and an
 * Express-broker staging cluster.
 */
export class MskCompleteStack extends TerraformStack {
  /** The prod cluster. */
  public readonly payments: MskCluster;
  /** The Express staging cluster. */
  public readonly clickstream: MskCluster;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: "eu-west-1" });

    const vpcId = new TerraformVariable(this, "vpc_id", { type: "string", description: "VPC that hosts the brokers" });
    const subnetIds = new TerraformVariable(this, "private_subnet_ids", {
      type: "list(string)",
      description: "Three private subnets, one per availability zone",
    });
    const appSg = new TerraformVariable(this, "app_security_group_id", {
      type: "string",
      description: "Security group of the payment services",
    });
    const opsSg = new TerraformVariable(this, "ops_security_group_id", {
      type: "string",
      description: "Security group of the operations bastion",
    });
    const logBucket = new TerraformVariable(this, "broker_log_bucket", {
      type: "string",
      description: "S3 bucket that receives a copy of the broker logs",
    });

    this.payments = new MskCluster(this, "payments", {
      clusterName: "payments",
      tier: "prod",
      vpcId: vpcId.stringValue,
      clientSubnetIds: subnetIds.listValue,
      brokerNodes: 6,
      instanceType: BrokerInstanceType.M7G_XLARGE,
      kafkaVersion: KafkaVersion.V3_9_X_KRAFT,
      volumeSizeGiB: 2000,
      storageAutoscaling: { targetUtilizationPercent: 60, maxVolumeSizeGiB: 8000 },
      authentication: ClientAuthentication.scram({ users: ["payments-api", "ledger-writer"] }),
      allowedClientSecurityGroupIds: [appSg.stringValue, opsSg.stringValue],
      allowedClientCidrs: ["10.20.0.0/16"],
      logging: { retentionDays: 731, s3: { bucket: logBucket.stringValue, prefix: "msk/payments" } },
      enhancedMonitoring: "PER_TOPIC_PER_PARTITION",
      openMonitoring: { jmxExporter: true, nodeExporter: true },
      serverProperties: { "message.max.bytes": "2097152", "replica.fetch.max.bytes": "2097152" },
      owner: "team-payments",
      tags: { CostCenter: "cc-4711", DataClassification: "confidential" },
    });

    this.clickstream = new MskCluster(this, "clickstream", {
      clusterName: "clickstream",
      tier: "staging",
      vpcId: vpcId.stringValue,
      clientSubnetIds: subnetIds.listValue,
      instanceType: BrokerInstanceType.EXPRESS_M7G_LARGE,
      allowedClientSecurityGroupIds: [appSg.stringValue],
      owner: "team-web",
    });
  }
}

/** Adds the example to an app, as stack `id`. */
export function build(app: App, id = "msk-complete"): TerraformStack {
  return new MskCompleteStack(app, id);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
