import { App, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ClientAuthentication, KafkaPrincipal, MskCluster } from "cdktf-kafka-standards";

/**
 * Least privilege on MSK for SASL/SCRAM users and mutual-TLS certificates side by side: every
 * application gets Kafka ACLs on exactly the topics, groups and transactional ids it was granted,
 * and a byte-rate quota on its authenticated principal. IAM stays on for the data-plane stack's
 * own administration. Deploy in two ordered steps: `cdktf deploy msk-security msk-security-data`.
 */
export class MskSecurityStack extends TerraformStack {
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
      description: "Security group of the payment services",
    });
    const privateCa = new TerraformVariable(this, "client_ca_arn", {
      type: "string",
      description: "AWS Private CA that issues the services' client certificates",
    });

    const cluster = new MskCluster(this, "payments", {
      clusterName: "payments",
      tier: "prod",
      vpcId: vpcId.stringValue,
      clientSubnetIds: subnetIds.listValue,
      allowedClientSecurityGroupIds: [appSg.stringValue],
      authentication: ClientAuthentication.of({
        iam: true,
        scram: { users: ["payments-api", "fraud-scoring"] },
        mutualTls: { certificateAuthorityArns: [privateCa.stringValue] },
      }),
      owner: "team-payments",
    });
    this.cluster = cluster;

    const requested = cluster.addTopic("payments.requested", { topicClass: "events", partitions: 6 });
    const settled = cluster.addTopic("payments.settled", { topicClass: "events", partitions: 6 });
    const ledger = cluster.addTopic("payments.ledger", { topicClass: "audit", partitions: 6 });

    // A SCRAM user: takes payment requests, reads their outcome.
    const api = cluster.addApplication("payments-api", {
      principal: KafkaPrincipal.scramUser("payments-api"),
      producerProfile: "DURABILITY",
    });
    // A client certificate (its subject is the principal): settles requests exactly once.
    const settlement = cluster.addApplication("settlement", {
      principal: KafkaPrincipal.tlsCertificate("CN=settlement,OU=payments,O=Example Corp"),
      producerProfile: "EXACTLY_ONCE",
    });
    // A SCRAM user that only reads.
    const fraud = cluster.addApplication("fraud-scoring", {
      principal: KafkaPrincipal.scramUser("fraud-scoring"),
      producerProfile: "DURABILITY",
    });

    requested.grantProduce(api);
    settled.grantConsume(api, { group: "payments-api" });
    requested.grantConsume(settlement, { group: "settlement" });
    settled.grantProduce(settlement);
    ledger.grantProduce(settlement);
    requested.grantConsume(fraud, { group: "fraud-scoring" });

    // Byte-rate quotas per broker, on the authenticated user (SCRAM name or certificate subject).
    cluster.addQuota(api, { producerByteRate: 1024 * 1024 });
    cluster.addQuota(settlement, { producerByteRate: 2 * 1024 * 1024 });
    cluster.addQuota(fraud, { consumerByteRate: 8 * 1024 * 1024 });
  }
}

/** Adds the example to an app, as stack `id` (its data plane is `<id>-data`). */
export function build(app: App, id = "msk-security"): TerraformStack {
  return new MskSecurityStack(app, id);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
