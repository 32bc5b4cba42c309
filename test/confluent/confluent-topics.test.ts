import { ConfluentCluster } from "../../lib/confluent/confluent-cluster";
import { ConfluentClusterProps } from "../../lib/confluent/confluent-cluster-props";
import { ConfluentClusterType } from "../../lib/confluent/cluster-type";
import { ConfluentNetworking } from "../../lib/confluent/networking";
import { KafkaPrincipal } from "../../lib/access/kafka-principal";
import { KafkaStandardsError } from "../../lib/errors";
import { IKafkaCluster } from "../../lib/topic/kafka-cluster";
import { resourcesOf, synth } from "../helpers";
import { newConfluentStack } from "./helpers";

const BASE: ConfluentClusterProps = { clusterName: "orders", tier: "prod", cloud: "AWS", region: "eu-central-1" };

function setup(props: Partial<ConfluentClusterProps> = {}): { stack: any; cluster: ConfluentCluster } {
  const { stack } = newConfluentStack();
  return { stack, cluster: new ConfluentCluster(stack, "orders", { ...BASE, ...props }) };
}

function ref(doc: any, type: string, attr: string, pick: (r: any) => boolean): string {
  const [name] = Object.entries<any>(doc.resource[type]).find(([, r]) => pick(r))!;
  return `\${${type}.${name}.${attr}}`;
}

describe("Confluent topics through IKafkaCluster", () => {
  const { stack, cluster } = setup();
  const kafka: IKafkaCluster = cluster;
  const orders = kafka.addTopic("orders.created", { throughput: { targetMBps: 60 } });
  kafka.addTopic("customers.profile", { topicClass: "state", config: { "max.message.bytes": "2097152" } });
  const api = kafka.addApplication("orders-api", { producerProfile: "EXACTLY_ONCE" });
  const billing = kafka.addApplication("billing");
  orders.grantProduce(api);
  orders.grantConsume(billing, { group: "billing" });
  orders.grantConsume(billing, { group: "billing-replay" });
  const doc = synth(stack);

  test("confluent_kafka_topic with class config, derived partitions, manager credentials by reference", () => {
    const topics = Object.fromEntries(resourcesOf(doc, "confluent_kafka_topic").map((t) => [t.topic_name, t]));
    const cluster = ref(doc, "confluent_kafka_cluster", "id", () => true);
    const manager = (attr: string): string =>
      ref(doc, "confluent_api_key", attr, (k) => k.display_name === "orders-prod-manager-kafka");
    expect(topics["orders.created"]).toMatchObject({
      partitions_count: 6,
      config: { "cleanup.policy": "delete", "min.insync.replicas": "2", "retention.ms": "604800000" },
      kafka_cluster: { id: cluster },
      rest_endpoint: ref(doc, "confluent_kafka_cluster", "rest_endpoint", () => true),
      credentials: { key: manager("id"), secret: manager("secret") },
      lifecycle: { prevent_destroy: true },
    });
    expect(topics["orders.created"].replication_factor).toBeUndefined();
    expect(topics["customers.profile"].config).toEqual({
      "cleanup.policy": "compact",
      "max.message.bytes": "2097152",
      "min.insync.replicas": "2",
      "retention.ms": "-1",
    });
    expect(topics["orders.created"]["//"]["kafka-standards"]).toMatchObject({
      tier: "prod",
      construct: "KafkaTopic",
      class: "events",
    });
  });

  test("grants are topic-, group- and transactional-id-scoped role bindings for each application's own service account", () => {
    const crn = ref(doc, "confluent_kafka_cluster", "rbac_crn", () => true);
    const id = ref(doc, "confluent_kafka_cluster", "id", () => true);
    const sa = (name: string): string =>
      `User:${ref(doc, "confluent_service_account", "id", (s) => s.display_name === `orders-prod-${name}`)}`;
    const bindings = resourcesOf(doc, "confluent_role_binding")
      .filter((b) => b.role_name !== "CloudClusterAdmin")
      .map((b) => `${b.principal} ${b.role_name} ${b.crn_pattern}`)
      .sort();
    expect(bindings).toEqual(
      [
        `${sa("orders-api")} DeveloperWrite ${crn}/kafka=${id}/topic=orders.created`,
        `${sa("orders-api")} DeveloperWrite ${crn}/kafka=${id}/transactional-id=orders-api-*`,
        `${sa("billing")} DeveloperRead ${crn}/kafka=${id}/topic=orders.created`,
        `${sa("billing")} DeveloperRead ${crn}/kafka=${id}/group=billing`,
        `${sa("billing")} DeveloperRead ${crn}/kafka=${id}/group=billing-replay`,
      ].sort(),
    );
  });

  test("no wildcard principal or resource", () => {
    for (const b of resourcesOf(doc, "confluent_role_binding")) {
      expect(b.principal).not.toBe("User:*");
      expect(b.crn_pattern).not.toMatch(/=\*$/);
    }
  });
});

describe("Confluent Basic clusters get literal ACLs instead of role bindings", () => {
  test("produce and consume ACLs for the application's service account", () => {
    const { stack, cluster } = setup({
      tier: "dev",
      clusterType: ConfluentClusterType.basic(),
      availability: "SINGLE_ZONE",
    });
    const t = cluster.addTopic("orders.created");
    t.grantConsume(cluster.addApplication("billing"), { group: "billing" });
    const doc = synth(stack);
    const acls = resourcesOf(doc, "confluent_kafka_acl").map(
      (a) => `${a.operation} ${a.resource_type}:${a.resource_name}:${a.pattern_type} ${a.host} ${a.permission}`,
    );
    expect(acls.sort()).toEqual([
      "DESCRIBE TOPIC:orders.created:LITERAL * ALLOW",
      "READ GROUP:billing:LITERAL * ALLOW",
      "READ TOPIC:orders.created:LITERAL * ALLOW",
    ]);
    for (const a of resourcesOf(doc, "confluent_kafka_acl"))
      expect(a.principal).toMatch(/^User:\$\{confluent_service_account\.[^.]+\.id\}$/);
  });
});

describe("Confluent quotas", () => {
  test("Dedicated: confluent_kafka_client_quota for the application's service account", () => {
    const { stack, cluster } = setup({
      clusterType: ConfluentClusterType.dedicated({ cku: 2 }),
      availability: "MULTI_ZONE",
      networking: ConfluentNetworking.privateLink({ allowedAccounts: ["123456789012"] }),
    });
    cluster.addQuota(cluster.addApplication("batch"), { producerByteRate: 1048576, consumerByteRate: 2097152 });
    const doc = synth(stack);
    expect(resourcesOf(doc, "confluent_kafka_client_quota")).toEqual([
      expect.objectContaining({
        display_name: "orders-prod-batch",
        throughput: { ingress_byte_rate: "1048576", egress_byte_rate: "2097152" },
        principals: [ref(doc, "confluent_service_account", "id", (s) => s.display_name === "orders-prod-batch")],
      }),
    ]);
  });

  test.each<[string, (c: ConfluentCluster) => void, string, string]>([
    [
      "quota on a Standard cluster",
      (c) => c.addQuota(c.addApplication("x"), { producerByteRate: 1 }),
      "KSE-ACCESS-004",
      "Dedicated clusters only",
    ],
    [
      "principal passed to a Confluent application",
      (c) => c.addApplication("x", { principal: KafkaPrincipal.iamRole("r") }),
      "KSE-ACCESS-005",
      "own service account",
    ],
    [
      "grant to a principal that is no application",
      (c) => c.addTopic("a.b").grantProduce(KafkaPrincipal.confluentServiceAccount("sa-1")),
      "KSE-ACCESS-005",
      "addApplication",
    ],
    [
      "replication factor on Confluent",
      (c) => c.addTopic("a.b", { replicationFactor: 4 }),
      "KSE-TOPIC-004",
      "fixed by Confluent Cloud",
    ],
    [
      "non-editable key",
      (c) => c.addTopic("a.b", { config: { "compression.type": "lz4" } }),
      "KSE-TOPIC-008",
      "Confluent Cloud fixes it",
    ],
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
});
