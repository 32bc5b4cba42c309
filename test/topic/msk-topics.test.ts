import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { MskCluster } from "../../lib/msk/msk-cluster";
import { MskClusterProps } from "../../lib/msk/msk-cluster-props";
import { ClientAuthentication } from "../../lib/msk/client-authentication";
import { KafkaPrincipal } from "../../lib/access/kafka-principal";
import { KafkaStandardsError } from "../../lib/errors";
import { resourcesOf, synth, synthApp } from "../helpers";
import { parseJsonTemplate } from "../../lib/core/json-template";

const BASE: MskClusterProps = {
  clusterName: "shop",
  tier: "prod",
  vpcId: "vpc-1",
  clientSubnetIds: ["a", "b", "c"],
  authentication: ClientAuthentication.scram({ users: ["billing"] }),
};

function setup(props: Partial<MskClusterProps> = {}): { app: App; control: TerraformStack; cluster: MskCluster } {
  const app = Testing.app();
  const control = new TerraformStack(app, "shop");
  new AwsProvider(control, "aws", { region: "eu-west-1" });
  const cluster = new MskCluster(control, "shop", { ...BASE, ...props });
  return { app, control, cluster };
}

function policyOf(doc: any, app: string): string {
  return Object.values<any>(doc.resource.aws_iam_policy).find((p) => p.name === `shop-prod-${app}-kafka`).policy;
}

/** Statements of an application's policy as `Sid: actions -> resources`. */
function statementsOf(doc: any, app: string): string[] {
  return (parseJsonTemplate(policyOf(doc, app)) as any).Statement.map(
    (s: any) => `${s.Sid}: ${s.Action.join(",")} -> ${s.Resource.join(",")}`,
  );
}

describe("MSK topics in a data-plane stack", () => {
  const { control, cluster } = setup();
  const orders = cluster.addTopic("orders.created", { throughput: { targetMBps: 60 } });
  cluster.addTopic("orders.legacy", { retire: { reason: "replaced by orders.created" } });
  const api = cluster.addApplication("orders-api", { principal: KafkaPrincipal.iamRole("orders-api-role") });
  const billing = cluster.addApplication("billing", {
    principal: KafkaPrincipal.scramUser("billing"),
    producerProfile: "EXACTLY_ONCE",
  });
  orders.grantProduce(api);
  orders.grantConsume(billing, { group: "billing" });
  orders.grantConsume(api, { group: "orders-api-replay" });
  cluster.addQuota(billing, { producerByteRate: 1048576, consumerByteRate: 2097152 });
  const data = synth(cluster.dataPlane);
  const ctrl = synth(control);

  test("the data plane is its own stack, with the Kafka provider on IAM from a cross-stack reference", () => {
    expect(cluster.dataPlane.node.id).toBe("shop-data");
    const { stacks } = synthApp((app) => {
      const stack = new TerraformStack(app, "shop");
      new AwsProvider(stack, "aws", { region: "eu-west-1" });
      new MskCluster(stack, "shop", BASE).addTopic("orders.created");
    });
    expect(Object.keys(stacks).sort()).toEqual(["shop", "shop-data"]);
    const ctrl = stacks.shop;
    const data = stacks["shop-data"];
    expect(data.provider!.kafka).toEqual([
      {
        alias: "shop-prod",
        bootstrap_servers: expect.stringMatching(
          /^\$\{split\(",", data\.terraform_remote_state\.[^}]+bootstrap_brokers_sasl_iam\)\}$/,
        ),
        sasl_aws_region: "eu-west-1",
        sasl_mechanism: "aws-iam",
        tls_enabled: true,
      },
    ]);
    expect(data.terraform.required_providers.kafka).toEqual({ source: "Mongey/kafka", version: "~> 0.13.1" });
    expect(
      Object.keys(ctrl.output!).some(
        (k) => k.startsWith("cross-stack-output-") && k.endsWith("bootstrap_brokers_sasl_iam"),
      ),
    ).toBe(true);
  });

  test("topics carry the class configuration, derived partitions and prevent_destroy unless retired", () => {
    const topics = Object.fromEntries(resourcesOf(data, "kafka_topic").map((t) => [t.name, t]));
    expect(topics["orders.created"]).toMatchObject({
      partitions: 6,
      replication_factor: 3,
      config: { "cleanup.policy": "delete", "min.insync.replicas": "2", "retention.ms": "604800000" },
      lifecycle: { prevent_destroy: true },
    });
    expect(topics["orders.created"]["//"]["kafka-standards"]).toEqual({
      tier: "prod",
      construct: "KafkaTopic",
      cluster: "shop-prod",
      class: "events",
    });
    expect(topics["orders.legacy"].lifecycle).toBeUndefined();
    expect(topics["orders.legacy"]["//"]["kafka-standards"].retire).toBe("replaced by orders.created");
  });

  test("IAM grants: one least-privilege policy per application, attached to its role", () => {
    const arn = "${aws_msk_cluster.shop_Cluster_9BC09491.arn}";
    const of = (kind: string, name: string): string =>
      `\${replace(aws_msk_cluster.shop_Cluster_9BC09491.arn, ":cluster/", ":${kind}/")}/${name}`;
    expect(statementsOf(ctrl, "orders-api")).toEqual([
      `Cluster: kafka-cluster:Connect,kafka-cluster:WriteDataIdempotently -> ${arn}`,
      `ProduceTopics: kafka-cluster:DescribeTopic,kafka-cluster:WriteData -> ${of("topic", "orders.created")}`,
      `ConsumeTopics: kafka-cluster:DescribeTopic,kafka-cluster:ReadData -> ${of("topic", "orders.created")}`,
      `ConsumerGroups: kafka-cluster:DescribeGroup,kafka-cluster:AlterGroup -> ${of("group", "orders-api-replay")}`,
    ]);
    expect(policyOf(ctrl, "orders-api")).not.toMatch(/kafka-cluster:\*|"Resource":"\*"|\/\*"/);
    const attachment = resourcesOf(ctrl, "aws_iam_role_policy_attachment")[0];
    expect(attachment.role).toBe("orders-api-role");
  });

  test("SCRAM grants: exact ACLs, idempotent and transactional rights for EXACTLY_ONCE consumers only where produced", () => {
    const acls = resourcesOf(data, "kafka_acl").map(
      (a) =>
        `${a.acl_principal} ${a.acl_operation} ${a.resource_type}:${a.resource_name}:${a.resource_pattern_type_filter} ${a.acl_host} ${a.acl_permission_type}`,
    );
    expect(acls.sort()).toEqual([
      "User:billing Describe Topic:orders.created:Literal * Allow",
      "User:billing Read Group:billing:Literal * Allow",
      "User:billing Read Topic:orders.created:Literal * Allow",
    ]);
  });

  test("consume grants add consumer-lag alarms in the control plane", () => {
    const groups = new Set(
      resourcesOf(ctrl, "aws_cloudwatch_metric_alarm")
        .map((a) => a.dimensions?.["Consumer Group"])
        .filter(Boolean),
    );
    expect([...groups].sort()).toEqual(["billing", "orders-api-replay"]);
  });

  test("quotas per principal: a SCRAM user by its user name", () => {
    expect(resourcesOf(data, "kafka_quota")).toEqual([
      expect.objectContaining({
        entity_type: "user",
        entity_name: "billing",
        config: { producer_byte_rate: 1048576, consumer_byte_rate: 2097152 },
      }),
    ]);
  });
});

test("quotas per principal: an IAM application by its client.id", () => {
  const { cluster } = setup();
  cluster.addQuota(cluster.addApplication("analytics", { principal: KafkaPrincipal.iamRole("analytics-role") }), {
    consumerByteRate: 1000,
  });
  expect(
    resourcesOf(synth(cluster.dataPlane), "kafka_quota").map((q) => [q.entity_type, q.entity_name, q.config]),
  ).toEqual([["client-id", "analytics", { consumer_byte_rate: 1000 }]]);
});

describe("MSK grants for producers with durable profiles", () => {
  test("EXACTLY_ONCE on SCRAM: write, idempotent write and prefixed transactional ids", () => {
    const { cluster } = setup();
    const audit = cluster.addTopic("payments.audit", { topicClass: "audit" });
    const billing = cluster.addApplication("billing", {
      principal: KafkaPrincipal.scramUser("billing"),
      producerProfile: "EXACTLY_ONCE",
    });
    audit.grantProduce(billing);
    const acls = resourcesOf(synth(cluster.dataPlane), "kafka_acl").map(
      (a) => `${a.acl_operation} ${a.resource_type}:${a.resource_name}:${a.resource_pattern_type_filter}`,
    );
    expect(acls.sort()).toEqual([
      "Describe Topic:payments.audit:Literal",
      "Describe TransactionalID:billing-:Prefixed",
      "IdempotentWrite Cluster:kafka-cluster:Literal",
      "Write Topic:payments.audit:Literal",
      "Write TransactionalID:billing-:Prefixed",
    ]);
  });

  test("EXACTLY_ONCE on IAM: transactional-id ARNs with the application prefix", () => {
    const { control, cluster } = setup();
    const t = cluster.addTopic("payments.audit", { topicClass: "audit" });
    t.grantProduce(
      cluster.addApplication("ledger", {
        principal: KafkaPrincipal.iamRole("ledger"),
        producerProfile: "EXACTLY_ONCE",
      }),
    );
    expect(statementsOf(synth(control), "ledger")).toContain(
      "TransactionalIds: kafka-cluster:DescribeTransactionalId,kafka-cluster:AlterTransactionalId -> " +
        '${replace(aws_msk_cluster.shop_Cluster_9BC09491.arn, ":cluster/", ":transactional-id/")}/ledger-*',
    );
  });

  test("LATENCY producers get no idempotent-write right", () => {
    const { control, cluster } = setup();
    const t = cluster.addTopic("web.clicks", { topicClass: "telemetry" });
    t.grantProduce(
      cluster.addApplication("web", { principal: KafkaPrincipal.iamRole("web"), producerProfile: "LATENCY" }),
    );
    expect(policyOf(synth(control), "web")).not.toContain("WriteDataIdempotently");
  });

  test("a bare principal becomes an application with the default profile", () => {
    const { control, cluster } = setup();
    const t = cluster.addTopic("a.b");
    const app = t.grantProduce(KafkaPrincipal.iamRole("Some_Role"));
    expect([app.name, app.producerProfile]).toEqual(["some-role", "DURABILITY"]);
    expect(resourcesOf(synth(control), "aws_iam_role_policy_attachment")[0].role).toBe("Some_Role");
  });
});

describe("SCRAM-only data plane", () => {
  test("reads the admin user's password from Secrets Manager at plan time", () => {
    const { cluster } = setup({
      authentication: ClientAuthentication.of({ scram: { users: ["admin", "app"] } }),
      dataPlane: { adminScramUser: "admin" },
    });
    cluster.addTopic("a.b");
    const data = synth(cluster.dataPlane);
    expect(data.provider!.kafka[0]).toMatchObject({
      alias: "shop-prod",
      sasl_mechanism: "scram-sha512",
      sasl_username: "admin",
      sasl_password: expect.stringMatching(
        /^\$\{jsondecode\(ephemeral\.aws_secretsmanager_secret_version\.[^.]+\.secret_string\)\.password\}$/,
      ),
    });
    // Ephemeral: the password is read at plan time and stored in neither the plan nor the state.
    expect((data as any).data?.aws_secretsmanager_secret_version).toBeUndefined();
    expect(Object.values<any>((data as any).ephemeral.aws_secretsmanager_secret_version)).toEqual([
      { secret_id: expect.stringMatching(/aws_secretsmanager_secret\.[^.]+\.arn/), provider: "aws.shop-prod" },
    ]);
    expect(data.provider!.aws).toEqual([{ alias: "shop-prod", region: "eu-west-1" }]);
  });
});

describe("client properties artifacts", () => {
  test("written per application, role and client library on synth", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "clients-"));
    const app = new App({ outdir, skipBackendValidation: true });
    const control = new TerraformStack(app, "shop");
    new AwsProvider(control, "aws", { region: "eu-west-1" });
    const cluster = new MskCluster(control, "shop", BASE);
    const t = cluster.addTopic("orders.created");
    t.grantConsume(cluster.addApplication("billing", { principal: KafkaPrincipal.scramUser("billing") }), {
      group: "billing",
    });
    app.synth();
    const dir = path.join(outdir, "stacks", "shop", "kafka-standards", "clients", "shop-prod");
    expect(fs.readdirSync(dir).sort()).toEqual([
      "billing-consumer.java.properties",
      "billing-consumer.librdkafka.properties",
    ]);
    const java = fs.readFileSync(path.join(dir, "billing-consumer.java.properties"), "utf8");
    expect(java).toContain("group.id=billing\n");
    expect(java).toContain("sasl.mechanism=SCRAM-SHA-512\n");
    expect(java).toContain('password="${env:KAFKA_SASL_PASSWORD}"');
    expect(java).toContain(
      "# KAFKA_BOOTSTRAP_SERVERS: terraform output -raw shop_bootstrap_brokers_sasl_scram".replace("# ", "#   "),
    );
  });
});

describe("access validation", () => {
  test.each<[string, (c: MskCluster) => void, string, string]>([
    [
      "durable profile on a non-durable topic",
      (c) =>
        c
          .addTopic("a.b", { topicClass: "telemetry" })
          .grantProduce(c.addApplication("x", { principal: KafkaPrincipal.iamRole("x") })),
      "KSE-ACCESS-001",
      "min.insync.replicas ≥ 2",
    ],
    [
      "wildcard group",
      (c) => c.addTopic("a.b").grantConsume(KafkaPrincipal.iamRole("x"), { group: "*" }),
      "KSE-ACCESS-002",
      "no wildcard",
    ],
    [
      "bad application name",
      (c) => c.addApplication("Bad Name", { principal: KafkaPrincipal.iamRole("x") }),
      "KSE-ACCESS-003",
      "lower-case",
    ],
    [
      "duplicate application",
      (c) => {
        c.addApplication("x", { principal: KafkaPrincipal.iamRole("x") });
        c.addApplication("x", { principal: KafkaPrincipal.iamRole("y") });
      },
      "KSE-ACCESS-003",
      "unique",
    ],
    [
      "empty quota",
      (c) => c.addQuota(c.addApplication("x", { principal: KafkaPrincipal.iamRole("x") }), {}),
      "KSE-ACCESS-004",
      "at least one of producerByteRate, consumerByteRate, requestPercentage",
    ],
    [
      "unknown SCRAM user",
      (c) => c.addApplication("x", { principal: KafkaPrincipal.scramUser("nobody") }),
      "KSE-ACCESS-005",
      "one of billing",
    ],
    [
      "Confluent principal on MSK",
      (c) => c.addApplication("x", { principal: KafkaPrincipal.confluentServiceAccount("sa-1") }),
      "KSE-ACCESS-005",
      "principals of the cluster",
    ],
    ["application without principal", (c) => c.addApplication("x"), "KSE-ACCESS-006", "KafkaPrincipal.iamRole"],
    [
      "duplicate topic",
      (c) => {
        c.addTopic("a.b");
        c.addTopic("a.b");
      },
      "KSE-TOPIC-014",
      "not yet declared",
    ],
  ])("%s", (_n, act, code, fragment) => {
    const { cluster } = setup();
    let error: unknown;
    try {
      act(cluster);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KafkaStandardsError);
    expect((error as KafkaStandardsError).code).toBe(code);
    expect((error as Error).message).toContain(fragment);
  });

  test("IAM off and no admin SCRAM user: the data plane cannot authenticate", () => {
    const { cluster } = setup({ authentication: ClientAuthentication.of({ scram: { users: ["a"] } }) });
    expect(() => cluster.addTopic("a.b")).toThrow(/KSE-MSK-022/);
  });

  test("partition counts only grow across synths of the same stack", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "partitions-"));
    const run = (partitions: number): void => {
      const app = new App({ outdir, skipBackendValidation: true });
      const control = new TerraformStack(app, "shop");
      new AwsProvider(control, "aws", { region: "eu-west-1" });
      new MskCluster(control, "shop", BASE).addTopic("orders.created", { partitions });
      app.synth();
    };
    run(12);
    run(24);
    expect(() => run(6)).toThrow(/\[KSE-TOPIC-011\].*orders\.created: 24 → 6/);
  });
});
