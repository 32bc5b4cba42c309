import { App, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { ConfluentProvider } from "../../lib/providers/confluent/provider";
import { ConfluentCluster } from "../../lib/confluent/confluent-cluster";
import { ConfluentClusterType } from "../../lib/confluent/cluster-type";
import { ConfluentNetworking } from "../../lib/confluent/networking";

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
    const api = this.payments.application("payments-api")!;
    api.addRoleBinding("DeveloperWrite", { resourceType: "topic", name: "payments.requested" });
    api.addRoleBinding("DeveloperRead", { resourceType: "topic", name: "payments.settled" });
    api.addRoleBinding("DeveloperRead", { resourceType: "group", name: "payments-api" });
    const ledger = this.payments.application("ledger-writer")!;
    ledger.addRoleBinding("DeveloperRead", { resourceType: "topic", name: "payments.", prefixed: true });
    ledger.addRoleBinding("DeveloperRead", { resourceType: "group", name: "ledger-writer" });
    ledger.addRoleBinding("DeveloperWrite", {
      resourceType: "transactional-id",
      name: "ledger-writer-",
      prefixed: true,
    });
    // Applications can also be added after construction.
    const reconciliation = this.payments.addApplication("reconciliation");
    reconciliation.addRoleBinding("DeveloperRead", { resourceType: "topic", name: "payments.settled" });
    reconciliation.addRoleBinding("DeveloperRead", { resourceType: "group", name: "reconciliation" });

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
