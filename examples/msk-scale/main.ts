import { App, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { KafkaPrincipal, MskCluster, type Workload } from "cdktf-kafka-standards";

/**
 * The click stream of the "10K to 1M messages/s" use case, sized by the workload it carries: 1 KiB
 * messages, 7 days of retention, two consumer groups. The same workload that `kafka-standards size`
 * prices sizes the cluster (instance type, broker count) and the topic's partitions here.
 */
export const CLICKS_WORKLOAD: Workload = Object.freeze({
  messagesPerSecond: 1_000_000,
  averageMessageBytes: 1024,
  retentionHours: 7 * 24,
  consumerGroups: 2,
});

/** One MSK cluster and one topic sized for 1M messages/s. */
export class MskScaleStack extends TerraformStack {
  /** The cluster. */
  public readonly cluster: MskCluster;

  constructor(scope: Construct, id: string, workload: Workload = CLICKS_WORKLOAD) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: "us-east-1" });
    const vpcId = new TerraformVariable(this, "vpc_id", { type: "string", description: "VPC that hosts the brokers" });
    const subnetIds = new TerraformVariable(this, "private_subnet_ids", {
      type: "list(string)",
      description: "Three private subnets, one per availability zone",
    });
    const appSg = new TerraformVariable(this, "app_security_group_id", {
      type: "string",
      description: "Security group of the click collectors and their consumers",
    });

    // No instanceType, no brokerNodes: the workload sizes them (the cheapest MSK size that carries it).
    this.cluster = new MskCluster(this, "clicks", {
      clusterName: "clicks",
      tier: "prod",
      vpcId: vpcId.stringValue,
      clientSubnetIds: subnetIds.listValue,
      allowedClientSecurityGroupIds: [appSg.stringValue],
      owner: "team-web",
      workload,
    });

    // Partitions from the same workload: sized once for the target, so no increase remaps keys later.
    const clicks = this.cluster.addTopic("web.clicks", { topicClass: "events", workload });
    const collector = this.cluster.addApplication("click-collector", {
      principal: KafkaPrincipal.iamRole("click-collector"),
      producerProfile: "THROUGHPUT",
    });
    const sessions = this.cluster.addApplication("sessionizer", { principal: KafkaPrincipal.iamRole("sessionizer") });
    const archive = this.cluster.addApplication("archiver", { principal: KafkaPrincipal.iamRole("archiver") });
    clicks.grantProduce(collector);
    clicks.grantConsume(sessions, { group: "sessionizer" });
    clicks.grantConsume(archive, { group: "archiver" });
  }
}

/** Adds the example to an app, as stack `id` (its data plane is `<id>-data`). */
export function build(app: App, id = "msk-scale"): TerraformStack {
  return new MskScaleStack(app, id);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
