import { App, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ConnectPlugin, KafkaPrincipal, MskCluster } from "cdktf-kafka-standards";
import { DrEngine, MskDrPair } from "cdktf-kafka-standards/patterns";

/** A region's stack: its AWS provider and the VPC inputs of its clusters. */
class SiteStack extends TerraformStack {
  public readonly vpcId: string;
  public readonly subnetIds: string[];

  constructor(scope: Construct, id: string, region: string) {
    super(scope, id);
    new AwsProvider(this, "aws", { region });
    this.vpcId = new TerraformVariable(this, "vpc_id", {
      type: "string",
      description: `VPC of the brokers in ${region}`,
    }).stringValue;
    this.subnetIds = new TerraformVariable(this, "private_subnet_ids", {
      type: "list(string)",
      description: `Three private subnets in ${region}, one per availability zone`,
    }).listValue;
  }
}

/**
 * Disaster recovery on MSK between Frankfurt (primary) and Ireland (standby), one pair per engine:
 * `orders` replicates with MirrorMaker 2 on the standby's MSK Connect, `payments` with MSK
 * Replicator. Both keep topic names, sync consumer offsets, give the applications the same grants on
 * the standby, raise alarms derived from the RPO and write a failover / failback runbook.
 */
export class MskDrStack extends SiteStack {
  /** The MirrorMaker 2 pair. */
  public readonly ordersDr: MskDrPair;
  /** The MSK Replicator pair. */
  public readonly paymentsDr: MskDrPair;

  constructor(scope: Construct, id: string) {
    super(scope, id, "eu-central-1");
    const standbySite = new SiteStack(scope, `${id}-standby`, "eu-west-1");
    const cluster = (site: SiteStack, name: string, peakMBps: number): MskCluster =>
      new MskCluster(site, name, {
        clusterName: name,
        tier: "prod",
        vpcId: site.vpcId,
        clientSubnetIds: site.subnetIds,
        owner: "team-platform",
        workload: { messagesPerSecond: (peakMBps * 1e6) / 1000, averageMessageBytes: 1000, topics: 1 },
      });

    // MirrorMaker 2: three connectors on the standby's MSK Connect, reading Frankfurt over IAM.
    const orders = cluster(this, "orders", 2);
    const ordersDr = cluster(standbySite, "orders-dr", 2);
    const created = orders.addTopic("orders.created", { partitions: 6 });
    created.grantProduce(orders.addApplication("orders-api", { principal: KafkaPrincipal.iamRole("orders-api-task") }));
    created.grantConsume(
      orders.addApplication("fulfilment", { principal: KafkaPrincipal.iamRole("fulfilment-task") }),
      { group: "fulfilment" },
    );
    const pluginBucketArn = new TerraformVariable(standbySite, "plugin_bucket_arn", {
      type: "string",
      description:
        "ARN of the versioned, encrypted bucket holding the MirrorMaker 2 plugin archive (no jar of its own)",
    });
    const primaryCidr = new TerraformVariable(standbySite, "primary_vpc_cidr", {
      type: "string",
      description: "CIDR of the Frankfurt VPC, reached over peering or a transit gateway",
    });
    this.ordersDr = new MskDrPair(this, "OrdersDr", {
      primary: orders,
      standby: ordersDr,
      topics: [created],
      objectives: { rpoSeconds: 30, rtoMinutes: 20 },
      sites: { rttMs: 25 },
      engine: DrEngine.mirrorMaker2({
        plugin: ConnectPlugin.fromS3({
          bucketArn: pluginBucketArn.stringValue,
          fileKey: "plugins/mirrormaker2-empty.zip",
        }),
        vpcId: standbySite.vpcId,
        subnetIds: standbySite.subnetIds,
        primaryCidr: primaryCidr.stringValue,
      }),
    });

    // MSK Replicator: managed, in the standby's region, identical topic names.
    const payments = cluster(this, "payments", 4);
    const paymentsDr = cluster(standbySite, "payments-dr", 4);
    const settled = payments.addTopic("payments.settled", { partitions: 24 });
    settled.grantProduce(
      payments.addApplication("payments-api", { principal: KafkaPrincipal.iamRole("payments-api-task") }),
    );
    settled.grantConsume(payments.addApplication("ledger", { principal: KafkaPrincipal.iamRole("ledger-task") }), {
      group: "ledger",
    });
    this.paymentsDr = new MskDrPair(this, "PaymentsDr", {
      primary: payments,
      standby: paymentsDr,
      topics: [settled],
      objectives: { rpoSeconds: 60, rtoMinutes: 30 },
      sites: { rttMs: 25 },
      engine: DrEngine.replicator({ startingPosition: "EARLIEST" }),
    });
  }
}

/** Adds the example to an app, as stack `id` (the standby site is `<id>-standby`). */
export function build(app: App, id = "msk-dr"): TerraformStack {
  return new MskDrStack(app, id);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
