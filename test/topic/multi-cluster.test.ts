import * as fs from "fs";
import * as path from "path";
import { App, TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { MskCluster } from "../../lib/msk/msk-cluster";
import { MskClusterProps } from "../../lib/msk/msk-cluster-props";
import { ClientAuthentication } from "../../lib/msk/client-authentication";
import { ConfluentCluster } from "../../lib/confluent/confluent-cluster";
import { KafkaPrincipal } from "../../lib/access/kafka-principal";
import { KafkaStandardsError } from "../../lib/errors";
import { KafkaStandardsAudit } from "../../lib/audit/cdktf/aspect";
import { RESOURCE_METADATA_KEY } from "../../lib/standards/naming";
import { SynthDoc, synthApp } from "../helpers";
import { newConfluentStack } from "../confluent/helpers";

const MSK = (name: string): MskClusterProps => ({
  clusterName: name,
  tier: "prod",
  vpcId: "vpc-1",
  clientSubnetIds: ["a", "b", "c"],
  authentication: ClientAuthentication.of({ iam: true, scram: { users: ["billing"] } }),
});

const DATA_TYPES = ["kafka_topic", "kafka_acl", "kafka_quota"];

/** For every data-plane resource: its cluster (metadata) and the control-plane output its provider reads. */
function bindings(data: SynthDoc): { address: string; cluster: string; provider: string; bootstrap: string }[] {
  const providers = new Map<string, string>(
    (data.provider?.kafka ?? []).map((p: any) => [`kafka.${p.alias}`, p.bootstrap_servers]),
  );
  const out = [];
  for (const type of DATA_TYPES) {
    for (const [name, r] of Object.entries<any>(data.resource[type] ?? {})) {
      out.push({
        address: `${type}.${name}`,
        cluster: r["//"][RESOURCE_METADATA_KEY].cluster,
        provider: r.provider,
        bootstrap: providers.get(r.provider) ?? "(no such provider)",
      });
    }
  }
  return out;
}

/** The cluster whose bootstrap output a provider's `bootstrap_servers` reads, through the remote state. */
function clusterOfBootstrap(control: SynthDoc, bootstrap: string): string {
  const output = /\.outputs\.(cross-stack-output-[^)}]+)/.exec(bootstrap)![1];
  const value: string = control.output![output].value;
  const address = /aws_msk_cluster\.([^.]+)\./.exec(value)![1];
  return control.resource.aws_msk_cluster[address].cluster_name;
}

describe("several MSK clusters: each cluster's data plane is bound to that cluster", () => {
  const { stacks } = synthApp((app) => {
    const stack = new TerraformStack(app, "estate");
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    for (const name of ["orders", "payments"]) {
      const c = new MskCluster(stack, name, MSK(name));
      const t = c.addTopic(`${name}.created`);
      const billing = c.addApplication("billing", { principal: KafkaPrincipal.scramUser("billing") });
      t.grantProduce(billing);
      c.addQuota(billing, { producerByteRate: 1048576 });
    }
    // A second stack with its own cluster: its own data-plane stack.
    const other = new TerraformStack(app, "analytics");
    new AwsProvider(other, "aws", { region: "us-east-1" });
    new MskCluster(other, "events", MSK("events")).addTopic("events.raw");
  });

  test("one data-plane stack per control-plane stack, one aliased provider per cluster", () => {
    expect(Object.keys(stacks).sort()).toEqual(["analytics", "analytics-data", "estate", "estate-data"]);
    expect(stacks["estate-data"].provider!.kafka.map((p: any) => p.alias).sort()).toEqual([
      "orders-prod",
      "payments-prod",
    ]);
    expect(stacks["analytics-data"].provider!.kafka.map((p: any) => [p.alias, p.sasl_aws_region])).toEqual([
      ["events-prod", "us-east-1"],
    ]);
  });

  test.each([
    ["estate", 10],
    ["analytics", 1],
  ])("stack %s-data: every topic, ACL and quota reads the bootstrap brokers of its own cluster", (stack, count) => {
    const found = bindings(stacks[`${stack}-data`]);
    expect(found).toHaveLength(count);
    for (const b of found) {
      expect(b.provider).toBe(`kafka.${b.cluster}`);
      expect(clusterOfBootstrap(stacks[stack], b.bootstrap)).toBe(b.cluster);
    }
    const aliases = stacks[`${stack}-data`].provider!.kafka.map((p: any) => p.bootstrap_servers);
    expect(new Set(aliases).size).toBe(aliases.length);
  });
});

describe("data-plane stack shared by clusters of the same name", () => {
  test("is refused with KSE-MSK-050, naming the other cluster", () => {
    const app = Testing.app();
    const a = new TerraformStack(app, "eu");
    new AwsProvider(a, "aws", { region: "eu-west-1" });
    const b = new TerraformStack(app, "us");
    new AwsProvider(b, "aws", { region: "us-east-1" });
    new MskCluster(a, "orders", { ...MSK("orders"), dataPlane: { stackId: "topics" } }).addTopic("a.b");
    const second = new MskCluster(b, "orders", { ...MSK("orders"), dataPlane: { stackId: "topics" } });
    expect(() => second.addTopic("a.c")).toThrow(
      /^\[KSE-MSK-050\] Invalid dataPlane.stackId at us\/orders: got "topics". Allowed: one cluster named orders-prod per data-plane stack \(already used by eu\/orders\)/,
    );
  });
});

describe("grants and quotas never cross clusters", () => {
  function twoMsk(): { a: MskCluster; b: MskCluster } {
    const app = Testing.app();
    const stack = new TerraformStack(app, "s");
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    return { a: new MskCluster(stack, "a", MSK("orders")), b: new MskCluster(stack, "b", MSK("payments")) };
  }

  test.each([
    ["grantProduce", (topic: any, app: any) => topic.grantProduce(app)],
    ["grantConsume", (topic: any, app: any) => topic.grantConsume(app, { group: "g" })],
  ])("MSK %s of cluster B's topic to cluster A's application is refused, and nothing is recorded", (_, grant) => {
    const { a, b } = twoMsk();
    const app = a.addApplication("orders-api", { principal: KafkaPrincipal.iamRole("orders-api") });
    const topic = b.addTopic("payments.created");
    let error: unknown;
    try {
      grant(topic, app);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KafkaStandardsError);
    expect((error as KafkaStandardsError).code).toBe("KSE-ACCESS-007");
    expect((error as Error).message).toBe(
      '[KSE-ACCESS-007] Invalid application at s-data/payments-prod-topics/payments.created: got "orders-api". ' +
        'Allowed: an application declared on cluster payments-prod (s/b); "orders-api" is declared on cluster orders-prod (s/a). ' +
        'Fix: Declare the application on payments-prod with addApplication("orders-api", …) and grant that one: grants and quotas never cross clusters.',
    );
    expect(app.produces).toEqual([]);
    expect(app.consumes).toEqual([]);
  });

  test("MSK quota on another cluster's application is refused", () => {
    const { a, b } = twoMsk();
    const app = a.addApplication("billing", { principal: KafkaPrincipal.scramUser("billing") });
    expect(() => b.addQuota(app, { producerByteRate: 1000 })).toThrow(/^\[KSE-ACCESS-007\].*cluster orders-prod/);
  });

  test("Confluent: grant and quota across clusters are refused with the same code (no TypeError)", () => {
    const { stack } = newConfluentStack();
    const base = { tier: "prod" as const, cloud: "AWS" as const, region: "eu-central-1" };
    const a = new ConfluentCluster(stack, "a", { ...base, clusterName: "orders" });
    const b = new ConfluentCluster(stack, "b", { ...base, clusterName: "payments" });
    const app = a.addApplication("orders-api");
    const topic = b.addTopic("payments.created");
    expect(() => topic.grantProduce(app)).toThrow(/^\[KSE-ACCESS-007\].*payments-prod.*orders-prod/);
    expect(() => topic.grantConsume(app, { group: "g" })).toThrow(/^\[KSE-ACCESS-007\]/);
    expect(() => b.addQuota(app, { producerByteRate: 1000 })).toThrow(/^\[KSE-ACCESS-007\]/);
  });

  test("MSK application on Confluent topic (mixed backends) is refused", () => {
    const { a } = twoMsk();
    const { stack } = newConfluentStack();
    const c = new ConfluentCluster(stack, "c", {
      clusterName: "web",
      tier: "prod",
      cloud: "AWS",
      region: "eu-central-1",
    });
    const app = a.addApplication("orders-api", { principal: KafkaPrincipal.iamRole("orders-api") });
    expect(() => c.addTopic("web.clicks").grantProduce(app)).toThrow(/^\[KSE-ACCESS-007\]/);
  });
});

describe("a refused first topic leaves nothing behind", () => {
  test("no data-plane stack, no provider", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "s");
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    const cluster = new MskCluster(stack, "c", MSK("orders"));
    expect(() => cluster.addTopic("Not A Topic")).toThrow(
      /^\[KSE-TOPIC-001\] Invalid name at s-data\/orders-prod-topics\/Not A Topic/,
    );
    expect(app.node.tryFindChild("s-data")).toBeUndefined();
    cluster.addTopic("orders.created");
    expect(app.node.tryFindChild("s-data")).toBeDefined();
  });
});

describe("the data plane follows its cluster stack's audit options", () => {
  function auditedProfiles(build: (app: App, control: TerraformStack, cluster: MskCluster) => void): string[] {
    const { outdir } = synthApp((app) => {
      const control = new TerraformStack(app, "s");
      new AwsProvider(control, "aws", { region: "eu-west-1" });
      const cluster = new MskCluster(control, "c", { ...MSK("orders"), owner: "platform" });
      cluster.addTopic("orders.created");
      build(app, control, cluster);
    });
    const report = JSON.parse(
      fs.readFileSync(path.join(outdir, "stacks", "s-data", "kafka-standards", "audit.json"), "utf8"),
    );
    return report.options.compliance;
  }

  test("compliance profiles set on the cluster's stack reach the data plane (set before or after the topics)", () => {
    expect(auditedProfiles((_, control) => KafkaStandardsAudit.of(control, { compliance: ["gdpr", "sox"] }))).toEqual([
      "gdpr",
      "sox",
    ]);
  });

  test("options set on the data-plane stack itself win", () => {
    const profiles = auditedProfiles((_, control, cluster) => {
      KafkaStandardsAudit.of(control, { compliance: ["gdpr", "sox"] });
      KafkaStandardsAudit.of(cluster.dataPlane, { compliance: ["sox"] });
    });
    expect(profiles).toEqual(["sox"]);
  });
});
