// The consumer test's app: what a new user writes in the `main.ts` of a fresh `cdktf init` project, from the
// README and the published declarations only. test/consumer/run.sh copies it into that project, where it
// imports the installed package; inside this repository, tsconfig `paths` resolve the same imports.
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import {
  ClientAuthentication,
  ConfluentCluster,
  ConfluentClusterType,
  ConfluentNetworking,
  KafkaPrincipal,
  MskCluster,
} from "cdktf-kafka-standards";
import { ConfluentDrPair } from "cdktf-kafka-standards/patterns";
import { ConfluentProvider } from "cdktf-kafka-standards/providers";

const app = new App();

// Stack 1: two MSK clusters, a Confluent Cloud cluster and its DR standby.
const estate = new TerraformStack(app, "estate");
new AwsProvider(estate, "aws", { region: "eu-west-1" });
new ConfluentProvider(estate, "confluent", {});

const orders = new MskCluster(estate, "orders", {
  clusterName: "orders",
  tier: "prod",
  vpcId: "vpc-0a10",
  clientSubnetIds: ["subnet-0a11", "subnet-0a12", "subnet-0a13"],
  allowedClientSecurityGroupIds: ["sg-0a14"],
  owner: "team-orders",
});
const ordersCreated = orders.addTopic("orders.created", { topicClass: "events", partitions: 12 });
const ordersState = orders.addTopic("orders.state", { topicClass: "state", partitions: 6 });
const ordersApi = orders.addApplication("orders-api", { principal: KafkaPrincipal.iamRole("orders-api-task") });
const fulfilment = orders.addApplication("fulfilment", { principal: KafkaPrincipal.iamRole("fulfilment-task") });
ordersCreated.grantProduce(ordersApi);
ordersState.grantProduce(ordersApi);
ordersCreated.grantConsume(fulfilment, { group: "fulfilment" });
orders.addQuota(fulfilment, { consumerByteRate: 20 * 1024 * 1024 });

const payments = new MskCluster(estate, "payments", {
  clusterName: "payments",
  tier: "prod",
  vpcId: "vpc-0b10",
  clientSubnetIds: ["subnet-0b11", "subnet-0b12", "subnet-0b13"],
  allowedClientSecurityGroupIds: ["sg-0b14"],
  authentication: ClientAuthentication.scram({ users: ["ledger", "reconciler"] }),
  owner: "team-payments",
});
const ledgerTopic = payments.addTopic("payments.ledger.audit", { topicClass: "audit", partitions: 6 });
const settlements = payments.addTopic("payments.settlements", { topicClass: "events", partitions: 6 });
const ledger = payments.addApplication("ledger", {
  principal: KafkaPrincipal.scramUser("ledger"),
  producerProfile: "EXACTLY_ONCE",
});
const reconciler = payments.addApplication("reconciler", { principal: KafkaPrincipal.scramUser("reconciler") });
ledgerTopic.grantProduce(ledger);
settlements.grantProduce(ledger);
ledgerTopic.grantConsume(reconciler, { group: "reconciler" });
payments.addQuota(reconciler, { consumerByteRate: 10 * 1024 * 1024 });

const dedicated = (id: string, region: string): ConfluentCluster =>
  new ConfluentCluster(estate, id, {
    clusterName: id,
    tier: "prod",
    cloud: "AWS",
    region,
    clusterType: ConfluentClusterType.dedicated({ cku: 2 }),
    availability: "MULTI_ZONE",
    networking: ConfluentNetworking.publicEndpoints(),
    prodOverride: { reason: "cluster link between regions uses the public endpoints (TLS + API keys)" },
  });
const shop = dedicated("shop", "eu-central-1");
const shopDr = dedicated("shop-dr", "eu-west-1");
const carts = shop.addTopic("shop.carts", { topicClass: "events", partitions: 6 });
const checkouts = shop.addTopic("shop.checkouts.audit", { topicClass: "audit", partitions: 6 });
const storefront = shop.addApplication("storefront");
const analytics = shop.addApplication("analytics", { producerProfile: "THROUGHPUT" });
carts.grantProduce(storefront);
checkouts.grantProduce(storefront);
carts.grantConsume(analytics, { group: "analytics" });
new ConfluentDrPair(estate, "ShopDr", {
  primary: shop,
  dr: shopDr,
  topics: [carts, checkouts],
  objectives: { rpoSeconds: 30, rtoMinutes: 20 },
});

// Stack 2: one more MSK cluster, whose data plane signs in with a SCRAM user instead of IAM.
const platform = new TerraformStack(app, "platform");
new AwsProvider(platform, "aws", { region: "eu-central-1" });
const telemetry = new MskCluster(platform, "telemetry", {
  clusterName: "telemetry",
  tier: "prod",
  vpcId: "vpc-0c10",
  clientSubnetIds: ["subnet-0c11", "subnet-0c12", "subnet-0c13"],
  allowedClientSecurityGroupIds: ["sg-0c14"],
  authentication: ClientAuthentication.scram({ users: ["kafka-admin", "collector"] }),
  dataPlane: { adminScramUser: "kafka-admin" },
  owner: "team-platform",
});
const metrics = telemetry.addTopic("telemetry.metrics", { topicClass: "telemetry", partitions: 12 });
const collector = telemetry.addApplication("collector", {
  principal: KafkaPrincipal.scramUser("collector"),
  producerProfile: "THROUGHPUT",
});
metrics.grantProduce(collector);

app.synth();
