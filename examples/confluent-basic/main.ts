import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { ConfluentCluster } from "cdktf-kafka-standards";
import { ConfluentProvider } from "cdktf-kafka-standards/providers";

/** The smallest production Confluent Cloud cluster: a name, a tier, where it runs and who uses it. */
export class ConfluentBasicStack extends TerraformStack {
  /** The cluster. */
  public readonly cluster: ConfluentCluster;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // The Cloud API key comes from CONFLUENT_CLOUD_API_KEY / CONFLUENT_CLOUD_API_SECRET, never from code.
    new ConfluentProvider(this, "confluent", {});

    this.cluster = new ConfluentCluster(this, "orders", {
      clusterName: "orders",
      tier: "prod",
      cloud: "AWS",
      region: "eu-central-1",
      applications: ["orders-api"],
    });
  }
}

/** Adds the example to an app, as stack `id`. */
export function build(app: App, id = "confluent-basic"): TerraformStack {
  return new ConfluentBasicStack(app, id);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
