import { TerraformStack, TerraformVariable } from "cdktf";
import { ConfluentCluster } from "../../lib/confluent/confluent-cluster";
import { ConfluentClusterType } from "../../lib/confluent/cluster-type";
import { ConnectorCatalog } from "../../lib/connect/connector-catalog";
import { ConnectorSecret } from "../../lib/connect/connector-secret";
import { ConfluentConnector, ConfluentConnectorProps } from "../../lib/connect/confluent-connector";
import { KafkaConnector } from "../../lib/connect/kafka-connector";
import { ConfluentSchemaRegistry } from "../../lib/connect/schema-registry";
import { resourcesForSnapshot, resourcesOf, synth } from "../helpers";
import { confluentFixture, expectError, mskOptions, sm } from "./helpers";

function secret(stack: TerraformStack, name: string): ConnectorSecret {
  return ConnectorSecret.terraformReference(
    new TerraformVariable(stack, name, { type: "string", sensitive: true }).stringValue,
  );
}

function sinkProps(
  stack: TerraformStack,
  cluster: ConfluentCluster,
  extra: Partial<ConfluentConnectorProps> = {},
): ConfluentConnectorProps {
  return {
    cluster,
    name: "orders-sink",
    connector: ConnectorCatalog.snowflakeSink({
      topics: [{ topic: cluster.addTopic("sales.orders.eu-west-1", { partitions: 6 }) }],
      url: "xy.eu-west-1.snowflakecomputing.com:443",
      user: "KAFKA",
      privateKey: secret(stack, "snowflake_private_key"),
      database: "DWH",
      schema: "STAGING",
      role: "LOADER",
    }),
    ...extra,
  };
}

const crn = (doc: any, cluster: string, rest: string): string => {
  const [name] = Object.entries<any>(doc.resource.confluent_kafka_cluster).find(([, c]) => c.display_name === cluster)!;
  return `\${confluent_kafka_cluster.${name}.rbac_crn}/kafka=\${confluent_kafka_cluster.${name}.id}/${rest}`;
};

describe("ConfluentConnector (a managed Snowflake sink)", () => {
  const { stack, cluster } = confluentFixture();
  const registry = new ConfluentSchemaRegistry(stack, "Registry", { cluster });
  const connector = new ConfluentConnector(stack, "Sink", sinkProps(stack, cluster, { schemaRegistry: registry }));
  const doc = synth(stack);
  const c = resourcesOf(doc, "confluent_connector")[0];
  const sa = Object.keys(doc.resource.confluent_service_account).find((k) => k.startsWith("Sink_"))!;

  test("snapshot of the connector's resources", () => {
    const only = Object.fromEntries(
      Object.entries(resourcesForSnapshot(doc)).filter(
        ([t]) => t === "confluent_connector" || t === "confluent_role_binding",
      ),
    );
    expect(only).toMatchSnapshot();
  });

  test("authenticates as its own service account; the secret only in config_sensitive", () => {
    expect(c.config_nonsensitive["kafka.auth.mode"]).toBe("SERVICE_ACCOUNT");
    expect(c.config_nonsensitive["kafka.service.account.id"]).toBe(`\${confluent_service_account.${sa}.id}`);
    expect(c.config_sensitive).toEqual({ "snowflake.private.key": "${var.snowflake_private_key}" });
    expect(Object.keys(c.config_nonsensitive).some((k) => k.includes("private.key"))).toBe(false);
    expect(resourcesOf(doc, "confluent_api_key").filter((k) => String(k.display_name).includes("orders-sink"))).toEqual(
      [],
    );
  });

  test("managed class, Avro through the registry, tolerance all with the DLQ", () => {
    expect(c.config_nonsensitive).toMatchObject({
      "connector.class": "SnowflakeSink",
      "input.data.format": "AVRO",
      "errors.tolerance": "all",
      "errors.deadletterqueue.topic.name": "dlq.orders-sink",
      name: "orders-sink",
      "tasks.max": "6",
    });
    expect(connector.deadLetterTopic?.spec.topicClass.name).toBe("dlq");
  });

  test("role bindings on exactly its topic, the managed group prefix, its DLQ and its subjects", () => {
    const bindings = resourcesOf(doc, "confluent_role_binding").filter(
      (b) => b.principal === `User:\${confluent_service_account.${sa}.id}`,
    );
    const regPrefix = "${data.confluent_schema_registry_cluster.";
    expect(
      bindings
        .map((b) => [
          b.role_name,
          b.crn_pattern.startsWith(regPrefix) ? b.crn_pattern.replace(/^.*\}/, "<registry>") : b.crn_pattern,
        ])
        .sort(),
    ).toEqual(
      [
        ["DeveloperRead", crn(doc, "sales-prod", "topic=sales.orders.eu-west-1")],
        ["DeveloperRead", crn(doc, "sales-prod", "group=connect-lcc-*")],
        ["DeveloperWrite", crn(doc, "sales-prod", "topic=dlq.orders-sink")],
        ["DeveloperRead", "<registry>/subject=sales.orders.eu-west-1-key"],
        ["DeveloperRead", "<registry>/subject=sales.orders.eu-west-1-value"],
      ].sort(),
    );
    expect(c.depends_on.filter((d: string) => d.startsWith("confluent_role_binding."))).toHaveLength(5);
  });

  test("created after its topic and its dead-letter topic", () => {
    const topicAddress = (name: string) =>
      `confluent_kafka_topic.${Object.entries<any>(doc.resource.confluent_kafka_topic).find(([, t]) => t.topic_name === name)![0]}`;
    expect(c.depends_on.filter((d: string) => d.startsWith("confluent_kafka_topic.")).sort()).toEqual(
      [topicAddress("sales.orders.eu-west-1"), topicAddress("dlq.orders-sink")].sort(),
    );
    expect(c.depends_on).toHaveLength(7);
  });

  test("the topic's subjects get BACKWARD through the registry", () => {
    const subjects = resourcesOf(doc, "confluent_subject_config");
    expect(subjects.map((s) => [s.subject_name, s.compatibility_level]).sort()).toEqual([
      ["sales.orders.eu-west-1-key", "BACKWARD"],
      ["sales.orders.eu-west-1-value", "BACKWARD"],
    ]);
  });
});

describe("ConfluentConnector validation", () => {
  test("a Basic cluster has no RBAC inside Kafka", () => {
    const { stack } = confluentFixture();
    const basic = new ConfluentCluster(stack, "basic", {
      clusterName: "basic",
      tier: "dev",
      cloud: "AWS",
      region: "eu-west-1",
      clusterType: ConfluentClusterType.basic(),
    });
    expectError(
      () => new ConfluentConnector(stack, "Bad", sinkProps(stack, basic)),
      "KSE-CONN-016",
      "RBAC inside Kafka",
    );
  });

  test("identity keys are the construct's", () => {
    const { stack, cluster } = confluentFixture();
    expectError(
      () =>
        new ConfluentConnector(
          stack,
          "Bad",
          sinkProps(stack, cluster, { config: { "kafka.auth.mode": "KAFKA_API_KEY" } }),
        ),
      "KSE-CONN-005",
      "its own service account",
    );
  });

  test("a Secrets Manager reference cannot reach a managed connector", () => {
    const { stack, cluster } = confluentFixture();
    const props = sinkProps(stack, cluster);
    expectError(
      () =>
        new ConfluentConnector(stack, "Bad", {
          ...props,
          connector: ConnectorCatalog.snowflakeSink({
            topics: [{ topic: cluster.addTopic("sales.other.eu-west-1") }],
            url: "xy.eu-west-1.snowflakecomputing.com:443",
            user: "KAFKA",
            privateKey: sm("k"),
            database: "DWH",
            schema: "STAGING",
            role: "LOADER",
          }),
        }),
      "KSE-CONN-004",
      "config_sensitive",
    );
  });

  test("Debezium Db2 is not offered on Confluent Cloud", () => {
    const { stack, cluster } = confluentFixture();
    const t = cluster.addTopic("sales.orders.eu-west-1");
    const h = cluster.addTopic("sales.cdc.history", { topicClass: "history", partitions: 1 });
    expectError(
      () =>
        new ConfluentConnector(stack, "Bad", {
          cluster,
          connector: ConnectorCatalog.debeziumDb2Source({
            hostname: "db2",
            databaseName: "SALES",
            user: "KAFKA",
            password: secret(stack, "pw"),
            topicPrefix: "sales",
            historyTopic: h,
            tables: [{ schema: "SALES", table: "ORDERS", topic: t }],
          }),
        }),
      "KSE-CONN-008",
      "debezium-db2-source on confluent",
    );
  });

  test("KafkaConnector builds the managed connector and refuses MSK options", () => {
    const { stack, cluster } = confluentFixture();
    const k = new KafkaConnector(stack, "Sink", sinkProps(stack, cluster));
    expect(k.backend).toBe("confluent");
    expect(k.confluentConnector?.principal).toMatch(/^User:\$\{TfToken/);
    const b = confluentFixture();
    expectError(
      () => new KafkaConnector(b.stack, "Sink", { ...sinkProps(b.stack, b.cluster), msk: mskOptions() }),
      "KSE-CONN-019",
      "no MSK Connect options",
    );
  });
});
