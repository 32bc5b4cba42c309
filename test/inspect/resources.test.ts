import { commonBrokerConfig, inventoryToTerraform, resourceName } from "../../lib/inspect/resources";
import { legacyEstate, withInventory } from "./helpers";

describe("inventoryToTerraform", () => {
  const tf = inventoryToTerraform(legacyEstate());

  test("topics become kafka_topic with partitions, replication factor and overrides (internal topics left out)", () => {
    expect(Object.keys(tf.resource.kafka_topic)).toEqual(["legacy_orders"]);
    expect(tf.resource.kafka_topic.legacy_orders).toMatchObject({
      name: "legacy.orders",
      partitions: 6,
      replication_factor: 2,
      config: { "min.insync.replicas": "1", "retention.ms": "-1" },
    });
  });

  test("ACLs become kafka_acl with the Mongey attribute names", () => {
    expect(Object.values(tf.resource.kafka_acl)).toEqual([
      expect.objectContaining({
        acl_principal: "User:*",
        acl_host: "*",
        acl_operation: "READ",
        acl_permission_type: "ALLOW",
        resource_type: "TOPIC",
        resource_name: "*",
        resource_pattern_type_filter: "LITERAL",
      }),
    ]);
  });

  test("quotas become kafka_quota, SCRAM users kafka_user_scram_credential (no password)", () => {
    expect(Object.values(tf.resource.kafka_quota)).toEqual([
      expect.objectContaining({
        entity_type: "user",
        entity_name: "legacy-app",
        config: { producer_byte_rate: "1048576" },
      }),
    ]);
    const users = Object.values(tf.resource.kafka_user_scram_credential);
    expect(users).toEqual([expect.objectContaining({ username: "legacy-app", scram_mechanism: "SCRAM-SHA-512" })]);
    expect(users[0]).not.toHaveProperty("password");
  });

  test("broker settings common to every broker become server_properties; hidden baseline keys a suppression", () => {
    const conf = tf.resource.aws_msk_configuration.brokers as { server_properties: string; "//": unknown };
    expect(conf.server_properties).toContain("auto.create.topics.enable=false\n");
    expect(conf.server_properties).toContain("min.insync.replicas=2\n");
    expect(conf.server_properties).not.toContain("broker.id=");
    expect(conf.server_properties).not.toContain("<sensitive>");
    expect(conf["//"]).toEqual({
      "kafka-standards": {
        source: "live",
        suppressions: [expect.objectContaining({ id: "KS-MSK-023" })],
      },
    });
  });

  test("a default quota entity has no entity_name", () => {
    const t = inventoryToTerraform(
      withInventory({ quotas: [{ entity: { "client-id": "<default>" }, values: { request_percentage: 50 } }] }),
    );
    expect(Object.values(t.resource.kafka_quota)).toEqual([
      expect.objectContaining({ entity_type: "client-id", config: { request_percentage: "50" } }),
    ]);
    expect(Object.values(t.resource.kafka_quota)[0]).not.toHaveProperty("entity_name");
  });
});

describe("resourceName", () => {
  test.each([
    ["legacy.orders", "legacy_orders"],
    ["9lives", "_9lives"],
    ["User:*", "User__"],
  ])("%s → %s", (raw, name) => {
    expect(resourceName(raw, new Set())).toBe(name);
  });

  test("a taken name gets a suffix", () => {
    const taken = new Set<string>();
    expect([resourceName("a.b", taken), resourceName("a_b", taken)]).toEqual(["a_b", "a_b_2"]);
  });
});

test("commonBrokerConfig keeps only values equal on every broker", () => {
  const inv = withInventory({
    brokerConfigs: [
      { broker: 1, configs: { a: "1", b: "1", s: "<sensitive>" } },
      { broker: 2, configs: { a: "1", b: "2", s: "<sensitive>" } },
    ],
  });
  expect(commonBrokerConfig(inv)).toEqual({ a: "1" });
});
