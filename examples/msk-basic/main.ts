import { App, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { MskCluster } from "cdktf-kafka-standards";

/** The smallest production MSK cluster: a name, a tier and where it lives. Everything else is the standard. */
export class MskBasicStack extends TerraformStack {
  /** The cluster. */
  public readonly cluster: MskCluster;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: "eu-west-1" });

    const vpcId = new TerraformVariable(this, "vpc_id", {
      type: "string",
      description: "VPC that hosts the brokers",
    });
    const subnetIds = new TerraformVariable(this, "private_subnet_ids", {
      type: "list(string)",
      description: "Three private subnets, one per availability zone",
    });
    const clientSg = new TerraformVariable(this, "client_security_group_id", {
      type: "string",
      description: "Security group of the applications that use Kafka",
    });

    this.cluster = new MskCluster(this, "orders", {
      clusterName: "orders",
      tier: "prod",
      vpcId: vpcId.stringValue,
      clientSubnetIds: subnetIds.listValue,
      allowedClientSecurityGroupIds: [clientSg.stringValue],
      owner: "team-orders",
    });
  }
}

/** Adds the example to an app, as stack `id`. */
export function build(app: App, id = "msk-basic"): TerraformStack {
  return new MskBasicStack(app, id);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
