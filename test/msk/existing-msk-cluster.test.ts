import { MskCluster } from "../../lib/msk/msk-cluster";
import { ExistingMskClusterAttributes } from "../../lib/msk/existing-msk-cluster";
import { ExistingClusterAuth } from "../../lib/msk/existing-cluster-auth";
import { KafkaPrincipal } from "../../lib/access/kafka-principal";
import { KafkaStandardsSuppressions } from "../../lib/audit/cdktf/suppressions";
import { KafkaStandardsError } from "../../lib/errors";
import { newStack, only, resourcesOf, synth } from "../helpers";

const ARN = "arn:aws:kafka:eu-west-1:123456789012:cluster/legacy/abc";
const BASE: ExistingMskClusterAttributes = {
  clusterName: "legacy",
  tier: "prod",
  clusterArn: ARN,
  bootstrapBrokers: "b-1.legacy:9096,b-2.legacy:9096",
  auth: ExistingClusterAuth.scram({
    username: "admin",
    passwordSecretArn: "arn:aws:secretsmanager:eu-west-1:1:secret:admin",
  }),
  principals: { scramUsers: ["admin", "orders-api", "billing"] },
  brokerNodes: 3,
};

function expectError(run: () => unknown, code: string, fragment: string): void {
  let error: unknown;
  try {
    run();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(KafkaStandardsError);
  expect((error as KafkaStandardsError).code).toBe(code);
  expect((error as Error).message).toContain(fragment);
}

describe("MskCluster.fromAttributes", () => {
  test("declares topics, grants and quotas through the data plane without creating the cluster", () => {
    const { stack } = newStack();
    const legacy = MskCluster.fromAttributes(stack, "legacy", BASE);
    const orders = legacy.addTopic("orders.created", { partitions: 12 });
    const app = legacy.addApplication("orders-api", { principal: KafkaPrincipal.scramUser("orders-api") });
    orders.grantProduce(app);
    legacy.addQuota(app, { producerByteRate: 1048576 });
    const doc: any = synth(stack);
    expect(resourcesOf(doc, "aws_msk_cluster")).toEqual([]);
    expect(only(doc, "kafka_topic")).toMatchObject({ name: "orders.created", partitions: 12, replication_factor: 3 });
    expect(
      resourcesOf(doc, "kafka_acl")
        .map((a) => a.acl_operation)
        .sort(),
    ).toEqual(["Describe", "IdempotentWrite", "Write"]);
    expect(only(doc, "kafka_quota")).toMatchObject({ entity_type: "user", entity_name: "orders-api" });
    expect(doc.provider.kafka[0]).toMatchObject({
      alias: "legacy",
      bootstrap_servers: ["b-1.legacy:9096", "b-2.legacy:9096"],
      sasl_mechanism: "scram-sha512",
      sasl_username: "admin",
      tls_enabled: true,
    });
    expect(doc.import).toBeUndefined();
  });

  test("adopt writes import blocks with the provider's ids and records the accepted deviations", () => {
    const { stack } = newStack();
    const legacy = MskCluster.fromAttributes(stack, "legacy", BASE);
    const orders = legacy.addTopic("legacy.orders", {
      partitions: 6,
      replicationFactor: 2,
      config: { "min.insync.replicas": "1", "retention.ms": "-1" },
      adopt: { reason: "created before the standard; RF 3 after the migration" },
    });
    KafkaStandardsSuppressions.add(orders, [
      { id: "KS-TOPIC-002", reason: "adopted as found; raised after the migration" },
      { id: "KS-TOPIC-003", reason: "adopted as found; raised after the migration" },
    ]);
    const app = legacy.addApplication("orders-api", { principal: KafkaPrincipal.scramUser("orders-api"), adopt: true });
    legacy
      .addTopic("orders.created", { adopt: { reason: "existing topic, already standard" } })
      .grantConsume(app, { group: "orders-api" });
    const acl = legacy.adoptAcl({
      principal: "User:*",
      operation: "Read",
      resourceType: "Topic",
      resourceName: "*",
      reason: "legacy readers; removed once every reader has its own user",
    });
    KafkaStandardsSuppressions.add(acl, [
      { id: "KS-ACL-001", reason: "legacy wildcard kept until readers move" },
      { id: "KS-ACL-002", reason: "legacy wildcard kept until readers move" },
    ]);
    const doc: any = synth(stack);
    const ids = (doc.import as { id: string; to: string }[]).map((i) => i.id).sort();
    expect(ids).toEqual([
      "User:*|*|Read|Allow|Topic|*|Literal",
      "User:orders-api|*|Describe|Allow|Topic|orders.created|Literal",
      "User:orders-api|*|Read|Allow|Group|orders-api|Literal",
      "User:orders-api|*|Read|Allow|Topic|orders.created|Literal",
      "legacy.orders",
      "orders.created",
    ]);
    expect((doc.import as { to: string }[]).every((i) => /^kafka_(topic|acl)\./.test(i.to))).toBe(true);
    // Each import goes through the resource's own (aliased, per-cluster) kafka provider.
    for (const i of doc.import as { to: string; provider?: string }[]) {
      const [type, name] = i.to.split(".");
      expect(i.provider).toBe(doc.resource[type][name].provider);
      expect(i.provider).toMatch(/^kafka\./);
    }
    const topic = resourcesOf(doc, "kafka_topic").find((t) => t.name === "legacy.orders");
    expect(topic).toMatchObject({
      replication_factor: 2,
      config: { "min.insync.replicas": "1", "retention.ms": "-1" },
    });
    expect(JSON.stringify(topic["//"])).toContain("adopted as found: created before the standard");
  });

  test("without adopt the same deviations are refused", () => {
    const { stack } = newStack();
    const legacy = MskCluster.fromAttributes(stack, "legacy", BASE);
    expectError(() => legacy.addTopic("legacy.orders", { replicationFactor: 2 }), "KSE-TOPIC-004", "at least 3");
  });

  test.each([
    [{ bootstrapBrokers: "nope" }, "KSE-MSK-051", "host:port"],
    [{ clusterName: "" }, "KSE-MSK-051", "clusterName"],
    [{ auth: "iam" as unknown as ExistingClusterAuth }, "KSE-MSK-051", "ExistingClusterAuth"],
    [{ auth: ExistingClusterAuth.plaintext({ reason: "local test cluster" }) }, "KSE-MSK-052", "dev cluster"],
    [
      { tier: "dev" as const, auth: ExistingClusterAuth.plaintext({ reason: "short" }) },
      "KSE-MSK-052",
      "10 characters",
    ],
  ])("throws on invalid attributes %#", (patch, code, fragment) => {
    const { stack } = newStack();
    expectError(() => MskCluster.fromAttributes(stack, "legacy", { ...BASE, ...patch }), code, fragment);
  });

  test("throws on an IAM principal without a cluster ARN, and on a bad adopted ACL or topic reason", () => {
    const { stack } = newStack();
    const legacy = MskCluster.fromAttributes(stack, "legacy", {
      ...BASE,
      clusterArn: undefined,
      principals: { iam: true },
    });
    expectError(
      () => legacy.addApplication("a", { principal: KafkaPrincipal.iamRole("a") }),
      "KSE-MSK-051",
      "cluster ARN",
    );
    expectError(
      () =>
        legacy.adoptAcl({
          principal: "User:*",
          operation: "Read",
          resourceType: "Topic",
          resourceName: "*",
          reason: "x",
        }),
      "KSE-MSK-052",
      "10 characters",
    );
    expectError(
      () =>
        legacy.adoptAcl({
          principal: "bob",
          operation: "Read",
          resourceType: "Topic",
          resourceName: "*",
          reason: "legacy reader kept",
        }),
      "KSE-MSK-052",
      "User:<name>",
    );
    expectError(() => legacy.addTopic("a.b", { adopt: { reason: "x" } }), "KSE-TOPIC-015", "10 characters");
    const quota = { entityType: "client-id" as const, config: { consumer_byte_rate: 1 }, reason: "legacy reporting" };
    expectError(() => legacy.adoptQuota({ ...quota, reason: "x" }), "KSE-MSK-052", "10 characters");
    expectError(
      () => legacy.adoptQuota({ ...quota, entityType: "group" as unknown as "ip" }),
      "KSE-MSK-052",
      "user, client-id or ip",
    );
    expectError(() => legacy.adoptQuota({ ...quota, config: { consumer_byte_rate: NaN } }), "KSE-MSK-052", "positive");
    legacy.adoptQuota(quota);
    expectError(() => legacy.adoptQuota(quota), "KSE-MSK-052", "each quota entity once");
  });

  test("plaintext is accepted on dev with a reason, and mTLS reads the certificate files", () => {
    const { stack } = newStack();
    MskCluster.fromAttributes(stack, "local", {
      ...BASE,
      clusterName: "local",
      tier: "dev",
      auth: ExistingClusterAuth.plaintext({ reason: "local integration cluster" }),
    });
    MskCluster.fromAttributes(stack, "tls", {
      ...BASE,
      clusterName: "tls",
      auth: ExistingClusterAuth.mutualTls({ clientCertFile: "c.pem", clientKeyFile: "k.pem" }),
    });
    const providers = (synth(stack) as any).provider.kafka as Record<string, unknown>[];
    expect(providers.find((p) => p.alias === "local")).toMatchObject({ tls_enabled: false });
    expect(providers.find((p) => p.alias === "tls")).toMatchObject({
      tls_enabled: true,
      client_cert_file: "c.pem",
      client_key_file: "k.pem",
    });
  });
});
