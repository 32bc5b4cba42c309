// The consumer test's refusal cases: mistakes a user can make with two clusters, each run in a fresh app.
// Prints one JSON line per case: { case, threw, name, code, message, clusters }.
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import {
  ConfluentCluster,
  ConfluentClusterType,
  ConfluentNetworking,
  KafkaPrincipal,
  KafkaStandardsError,
  MskCluster,
} from "cdktf-kafka-standards";
import { ConfluentProvider } from "cdktf-kafka-standards/providers";

interface Pair {
  readonly a: MskCluster | ConfluentCluster;
  readonly b: MskCluster | ConfluentCluster;
}

function mskPair(): Pair {
  const stack = new TerraformStack(new App(), "refusals");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  const msk = (name: string, n: number): MskCluster =>
    new MskCluster(stack, name, {
      clusterName: name,
      tier: "prod",
      vpcId: `vpc-${n}`,
      clientSubnetIds: [`subnet-${n}1`, `subnet-${n}2`, `subnet-${n}3`],
      allowedClientSecurityGroupIds: [`sg-${n}`],
    });
  return { a: msk("alpha", 1), b: msk("beta", 2) };
}

function confluentPair(): Pair {
  const stack = new TerraformStack(new App(), "refusals");
  new ConfluentProvider(stack, "confluent", {});
  const cc = (name: string): ConfluentCluster =>
    new ConfluentCluster(stack, name, {
      clusterName: name,
      tier: "prod",
      cloud: "AWS",
      region: "eu-central-1",
      clusterType: ConfluentClusterType.dedicated({ cku: 2 }),
      availability: "MULTI_ZONE",
      networking: ConfluentNetworking.privateLink({ allowedAccounts: ["123456789012"] }),
    });
  return { a: cc("gamma"), b: cc("delta") };
}

const appOfA = ({ a }: Pair) =>
  a instanceof MskCluster
    ? a.addApplication("producer-a", { principal: KafkaPrincipal.iamRole("producer-a-task") })
    : a.addApplication("producer-a");

const CASES: Record<string, () => Pair> = {
  "msk: a topic of cluster B granted to an application of cluster A": () => {
    const p = mskPair();
    p.b.addTopic("orders.created", { partitions: 6 }).grantProduce(appOfA(p));
    return p;
  },
  "msk: a consume grant on cluster B to an application of cluster A": () => {
    const p = mskPair();
    p.b.addTopic("orders.created", { partitions: 6 }).grantConsume(appOfA(p), { group: "producer-a" });
    return p;
  },
  "msk: a quota on cluster B for an application of cluster A": () => {
    const p = mskPair();
    p.b.addQuota(appOfA(p), { consumerByteRate: 1024 * 1024 });
    return p;
  },
  "confluent: a topic of cluster B granted to an application of cluster A": () => {
    const p = confluentPair();
    p.b.addTopic("orders.created", { partitions: 6 }).grantProduce(appOfA(p));
    return p;
  },
  "confluent: a quota on cluster B for an application of cluster A": () => {
    const p = confluentPair();
    p.b.addQuota(appOfA(p), { consumerByteRate: 1024 * 1024 });
    return p;
  },
};

for (const [name, run] of Object.entries(CASES)) {
  // The cluster names, from a pair built the same way but without the mistake.
  const names = name.startsWith("msk") ? mskPair() : confluentPair();
  const clusters = [names.a.clusterName, names.b.clusterName];
  try {
    run();
    process.stdout.write(JSON.stringify({ case: name, threw: false, clusters }) + "\n");
  } catch (e) {
    const err = e as Error;
    process.stdout.write(
      JSON.stringify({
        case: name,
        threw: true,
        name: err.constructor.name,
        isKafkaStandardsError: err instanceof KafkaStandardsError,
        code: (err as KafkaStandardsError).code,
        message: err.message,
        clusters,
      }) + "\n",
    );
  }
}
