import { App, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { MskCluster, ClientAuthentication, KafkaPrincipal } from "cdktf-kafka-standards";

/**
 * Topics, producers and consumers on MSK: a control-plane stack (the cluster) and a data-plane stack
 * (topics, ACLs, quotas) wired by cross-stack references. Deploy in two ordered steps:
 * `cdktf deploy msk-topics msk-topics-data`.
 */
export class MskTopicsStack extends TerraformStack {
  /** The cluster. */
  public readonly cluster: MskCluster;

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
      description: "Security group of the order services",
    });

    const cluster = new MskCluster(this, "commerce", {
      clusterName: "commerce",
      tier: "prod",
      vpcId: vpcId.stringValue,
      clientSubnetIds: subnetIds.listValue,
      allowedClientSecurityGroupIds: [appSg.stringValue],
      authentication: ClientAuthentication.scram({ users: ["billing"] }),
      owner: "team-commerce",
    });
    this.cluster = cluster;

    // Topics: one per class of data, partitions sized from throughput where it matters.
    const orders = cluster.addTopic("orders.created", { topicClass: "events", throughput: { targetMBps: 60 } });
    const customers = cluster.addTopic("customers.profile", { topicClass: "state", partitions: 12 });
    const ledger = cluster.addTopic("payments.ledger.audit", { topicClass: "audit", partitions: 6 });
    const sessions = cluster.addTopic("web.sessions.pii", { topicClass: "personal", partitions: 6 });

    // Applications: who they are and how their clients are tuned.
    const ordersApi = cluster.addApplication("orders-api", {
      principal: KafkaPrincipal.iamRole("orders-api-task"),
      producerProfile: "DURABILITY",
    });
    const billing = cluster.addApplication("billing", {
      principal: KafkaPrincipal.scramUser("billing"),
      producerProfile: "EXACTLY_ONCE",
    });
    const analytics = cluster.addApplication("analytics", {
      principal: KafkaPrincipal.iamRole("analytics-batch"),
      producerProfile: "THROUGHPUT",
    });

    orders.grantProduce(ordersApi);
    customers.grantProduce(ordersApi);
    orders.grantConsume(billing, { group: "billing" });
    ledger.grantProduce(billing);
    orders.grantConsume(analytics, { group: "analytics" });
    sessions.grantConsume(analytics, { group: "analytics-sessions" });
    cluster.addQuota(analytics, { consumerByteRate: 50 * 1024 * 1024 });
  }
}

/** Adds the example to an app, as stack `id` (its data plane is `<id>-data`). */
export function build(app: App, id = "msk-topics"): TerraformStack {
  return new MskTopicsStack(app, id);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
