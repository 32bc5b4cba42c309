import { App, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { ConfluentCluster, ConfluentClusterType, ConfluentNetworking } from "cdktf-kafka-standards";
import { ConfluentProvider } from "cdktf-kafka-standards/providers";

/** Every knob of ConfluentCluster, on three clusters in three tiers. */
export class ConfluentCompleteStack extends TerraformStack {
  /** Prod: Dedicated, multi-zone, PrivateLink, BYOK, four applications with topic roles. */
  public readonly payments: ConfluentCluster;
  /** Staging: Enterprise in an existing environment. */
  public readonly clickstream: ConfluentCluster;
  /** Dev: single-zone Dedicated on GCP behind VPC peering. */
  public readonly analytics: ConfluentCluster;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // The Cloud API key comes from CONFLUENT_CLOUD_API_KEY / CONFLUENT_CLOUD_API_SECRET, never from code.
    new ConfluentProvider(this, "confluent", {});

    const byokKeyId = new TerraformVariable(this, "payments_byok_key_id", {
      type: "string",
      description: "Id of the confluent_byok_key (cck-…) wrapping the payments cluster's data at rest",
    });
    const appAccount = new TerraformVariable(this, "payments_app_aws_account", {
      type: "string",
      description: "AWS account of the payments services, allowed to connect over PrivateLink",
    });
    const stagingEnvironment = new TerraformVariable(this, "staging_environment_id", {
      type: "string",
      description: "Existing Confluent environment (env-…) of staging, with its PrivateLink attachment",
    });

    this.payments = new ConfluentCluster(this, "payments", {
      clusterName: "payments",
      tier: "prod",
      cloud: "AWS",
      region: "eu-central-1",
      clusterType: ConfluentClusterType.dedicated({ cku: 2, byokKeyId: byokKeyId.stringValue }),
      availability: "MULTI_ZONE",
      environmentName: "payments-prod",
      streamGovernance: "ADVANCED",
      networking: ConfluentNetworking.privateLink({
        allowedAccounts: [appAccount.stringValue, "210987654321"],
        zones: ["euc1-az1", "euc1-az2", "euc1-az3"],
        dnsResolution: "PRIVATE",
      }),
      applications: ["payments-api", "ledger-writer", "fraud-scorer"],
      // The runner applies from inside the PrivateLink-connected VPC, so keys can be checked.
      waitForApiKeys: true,
      credentialOutputs: true,
    });
    // Topics and grants, declared once: topic-scoped DeveloperWrite / DeveloperRead role bindings.
    const requested = this.payments.addTopic("payments.requested", { throughput: { targetMBps: 40 } });
    const settled = this.payments.addTopic("payments.settled", { topicClass: "events", partitions: 12 });
    const ledgerTopic = this.payments.addTopic("payments.ledger.audit", { topicClass: "audit", partitions: 6 });
    const api = this.payments.access.get("payments-api")!;
    const ledger = this.payments.access.get("ledger-writer")!;
    requested.grantProduce(api);
    settled.grantConsume(api, { group: "payments-api" });
    requested.grantConsume(ledger, { group: "ledger-writer" });
    // Applications can also be added after construction, with their client profiles.
    const reconciliation = this.payments.addApplication("reconciliation", { producerProfile: "EXACTLY_ONCE" });
    ledgerTopic.grantProduce(reconciliation);
    settled.grantConsume(reconciliation, { group: "reconciliation" });
    // A custom binding beyond topic grants: the fraud scorer reads every payments.* topic.
    this.payments.application("fraud-scorer")!.addRoleBinding("DeveloperRead", {
      resourceType: "topic",
      name: "payments.",
      prefixed: true,
    });
    this.payments.addQuota(reconciliation, { producerByteRate: 20 * 1024 * 1024, consumerByteRate: 40 * 1024 * 1024 });

    this.clickstream = new ConfluentCluster(this, "clickstream", {
      clusterName: "clickstream",
      tier: "staging",
      cloud: "AWS",
      region: "eu-central-1",
      clusterType: ConfluentClusterType.enterprise({ maxEcku: 4 }),
      availability: "SINGLE_ZONE",
      environmentId: stagingEnvironment.stringValue,
      networking: ConfluentNetworking.environmentPrivateAccess(),
      applications: ["web-tracker", "sessionizer"],
    });

    this.analytics = new ConfluentCluster(this, "analytics", {
      clusterName: "analytics",
      tier: "dev",
      cloud: "GCP",
      region: "europe-west3",
      clusterType: ConfluentClusterType.dedicated({ cku: 1 }),
      networking: ConfluentNetworking.peering({
        cidr: "10.42.0.0/16",
        zones: ["europe-west3-a", "europe-west3-b", "europe-west3-c"],
      }),
      applications: ["notebook"],
    });
  }
}

/** Adds the example to an app, as stack `id`. */
export function build(app: App, id = "confluent-complete"): TerraformStack {
  return new ConfluentCompleteStack(app, id);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
