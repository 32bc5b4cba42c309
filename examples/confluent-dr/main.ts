import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { ConfluentCluster, ConfluentClusterType, ConfluentNetworking } from "cdktf-kafka-standards";
import { ConfluentDrPair } from "cdktf-kafka-standards/patterns";
import { ConfluentProvider } from "cdktf-kafka-standards/providers";

/**
 * Multi-site disaster recovery on Confluent Cloud: a prod cluster in Frankfurt, a standby in
 * Ireland, a cluster link with mirror topics and consumer-offset sync, and the failover runbook.
 */
export class ConfluentDrStack extends TerraformStack {
  /** The DR pair. */
  public readonly dr: ConfluentDrPair;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new ConfluentProvider(this, "confluent", {});
    const dedicated = (region: string, name: string): ConfluentCluster =>
      new ConfluentCluster(this, name, {
        clusterName: name,
        tier: "prod",
        cloud: "AWS",
        region,
        clusterType: ConfluentClusterType.dedicated({ cku: 2 }),
        availability: "MULTI_ZONE",
        // Cluster linking between the two sites runs over public endpoints with TLS and API keys.
        networking: ConfluentNetworking.publicEndpoints(),
        prodOverride: { reason: "cluster link between regions uses the public endpoints (TLS + API keys)" },
      });
    const primary = dedicated("eu-central-1", "orders");
    const standby = dedicated("eu-west-1", "orders-dr");

    const created = primary.addTopic("orders.created", { throughput: { targetMBps: 40 } });
    const ledger = primary.addTopic("orders.ledger.audit", { topicClass: "audit", partitions: 6 });
    const fulfilment = primary.addApplication("fulfilment");
    created.grantConsume(fulfilment, { group: "fulfilment" });
    ledger.grantProduce(primary.addApplication("ledger-writer"));

    this.dr = new ConfluentDrPair(this, "OrdersDr", {
      primary,
      dr: standby,
      topics: [created, ledger],
      objectives: { rpoSeconds: 30, rtoMinutes: 20 },
    });
  }
}

/** Adds the example to an app, as stack `id`. */
export function build(app: App, id = "confluent-dr"): TerraformStack {
  return new ConfluentDrStack(app, id);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
