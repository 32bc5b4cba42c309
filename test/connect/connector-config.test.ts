import { ConnectorCatalog } from "../../lib/connect/connector-catalog";
import { ConnectorSecret } from "../../lib/connect/connector-secret";
import { isCredentialKey, resolveConnector } from "../../lib/connect/connector-config";
import { CONNECT_ERROR_STANDARD } from "../../lib/standards/connect";
import { TerraformVariable } from "cdktf";
import { expectError, mskFixture, renderContext, sm } from "./helpers";

const { stack, cluster } = mskFixture();
const variable = (name: string): string =>
  new TerraformVariable(stack, name, { type: "string", sensitive: true }).stringValue;
const orders = cluster.addTopic("sales.orders.eu-west-1", { partitions: 6 });
const sink = () =>
  ConnectorCatalog.snowflakeSink({
    topics: [{ topic: orders }],
    url: "xy.eu-west-1.snowflakecomputing.com:443",
    user: "KAFKA",
    privateKey: sm("k"),
    database: "DWH",
    schema: "STAGING",
    role: "LOADER",
  });
const source = () =>
  ConnectorCatalog.jdbcSource({
    hostname: "db2",
    databaseName: "SALES",
    user: "KAFKA",
    password: sm("p"),
    mode: "bulk",
    tables: [{ schema: "SALES", table: "ORDERS", topic: orders }],
  });
const msk = renderContext("msk", { connectorName: "orders-sink" });

describe("the standard's error handling", () => {
  const r = resolveConnector("orders-sink", { definition: sink(), ctx: msk });

  test.each([
    ["errors.tolerance", "all"],
    ["errors.deadletterqueue.topic.name", "dlq.orders-sink"],
    ["errors.deadletterqueue.topic.replication.factor", "3"],
    ["errors.deadletterqueue.context.headers.enable", "true"],
    ["errors.log.enable", "true"],
    ["errors.log.include.messages", "false"],
    ["errors.retry.timeout", String(CONNECT_ERROR_STANDARD.retryTimeoutMs)],
    ["errors.retry.delay.max.ms", "60000"],
    ["name", "orders-sink"],
    ["connector.class", "com.snowflake.kafka.connector.SnowflakeSinkConnector"],
    ["tasks.max", "6"],
    ["key.converter", "org.apache.kafka.connect.json.JsonConverter"],
    ["config.action.reload", "none"],
  ])("sink: %s = %s", (key, value) => expect(r.config[key]).toBe(value));

  test("sink: consumer group connect-<name>, DLQ name, no weakening, sorted keys", () => {
    expect(r.consumerGroup).toBe("connect-orders-sink");
    expect(r.deadLetterTopic).toBe("dlq.orders-sink");
    expect(r.weakenings).toEqual([]);
    expect(Object.keys(r.config)).toEqual([...Object.keys(r.config)].sort());
  });

  test("source: stops rather than drops, no DLQ (sources have none)", () => {
    const s = resolveConnector("orders-source", { definition: source(), ctx: msk });
    expect(s.config["errors.tolerance"]).toBe("none");
    expect(s.config["errors.deadletterqueue.topic.name"]).toBeUndefined();
    expect([s.deadLetterTopic, s.consumerGroup]).toEqual([undefined, undefined]);
  });

  test("Confluent Cloud: tolerance and DLQ name only (the service manages the rest), no consumer group", () => {
    const c = resolveConnector("orders-sink", {
      definition: ConnectorCatalog.snowflakeSink({
        topics: [{ topic: orders }],
        url: "xy.eu-west-1.snowflakecomputing.com:443",
        user: "KAFKA",
        privateKey: ConnectorSecret.terraformReference(variable("key")),
        database: "DWH",
        schema: "STAGING",
        role: "LOADER",
      }),
      ctx: renderContext("confluent", { connectorName: "orders-sink" }),
    });
    expect(Object.keys(c.config).filter((k) => k.startsWith("errors."))).toEqual([
      "errors.deadletterqueue.topic.name",
      "errors.tolerance",
    ]);
    expect(c.consumerGroup).toBeUndefined();
    expect(c.config["config.action.reload"]).toBeUndefined();
  });

  test.each([
    ["sink tolerance none", sink, { tolerance: "none" }, ["errorHandling.tolerance"], ["KS-CONN-003"]],
    ["sink without a DLQ", sink, { deadLetterQueue: false }, ["errorHandling.deadLetterQueue"], ["KS-CONN-001"]],
    [
      "sink without context headers",
      sink,
      { contextHeaders: false },
      ["errorHandling.contextHeaders"],
      ["KS-CONN-003"],
    ],
    ["errors not logged", sink, { logErrors: false }, ["errorHandling.logErrors"], ["KS-CONN-004"]],
    ["source tolerance all", source, { tolerance: "all" }, ["errorHandling.tolerance"], []],
    ["no retries", source, { retryTimeoutMs: 0 }, ["errorHandling.retryTimeoutMs"], []],
  ] as const)("weakening (%s) needs a reason and is recorded with its rules", (_n, def, handling, props, rules) => {
    expectError(
      () => resolveConnector("x", { definition: def(), ctx: msk, errorHandling: handling }),
      "KSE-CONN-007",
      "errorHandling.reason",
      "a reason of at least 10 characters",
    );
    const r = resolveConnector("x", {
      definition: def(),
      ctx: msk,
      errorHandling: { ...handling, reason: "sink is replayed nightly from the source" },
    });
    expect(r.weakenings.map((w) => w.prop)).toEqual(props);
    expect(r.weakenings.flatMap((w) => w.rules)).toEqual(rules);
  });

  test("invalid tolerance and retry values", () => {
    expectError(
      () => resolveConnector("x", { definition: sink(), ctx: msk, errorHandling: { tolerance: "some" as "all" } }),
      "KSE-CONN-007",
      '"all" or "none"',
    );
    expectError(
      () => resolveConnector("x", { definition: sink(), ctx: msk, errorHandling: { retryDelayMaxMs: 1.5 } }),
      "KSE-CONN-007",
      "errorHandling.retryDelayMaxMs",
    );
  });
});

describe("extra configuration keys", () => {
  test("a known key is added", () => {
    const r = resolveConnector("x", {
      definition: sink(),
      ctx: msk,
      extraConfig: { "snowflake.metadata.topic": "false" },
    });
    expect(r.config["snowflake.metadata.topic"]).toBe("false");
  });

  test("transform and client-override prefixes are accepted", () => {
    const r = resolveConnector("x", {
      definition: sink(),
      ctx: msk,
      extraConfig: { "consumer.override.max.poll.records": "500" },
    });
    expect(r.config["consumer.override.max.poll.records"]).toBe("500");
  });

  test("an unknown key is refused with the nearest known key", () => {
    expectError(
      () => resolveConnector("x", { definition: sink(), ctx: msk, extraConfig: { "snowflake.role.nme": "R" } }),
      "KSE-CONN-002",
      'config["snowflake.role.nme"]',
      'did you mean "snowflake.role.name"?',
    );
  });

  test("a key the construct sets is refused: set the prop", () => {
    expectError(
      () => resolveConnector("x", { definition: sink(), ctx: msk, extraConfig: { "errors.tolerance": "none" } }),
      "KSE-CONN-005",
      "set the prop instead",
    );
  });

  test("a literal credential is refused; a ConnectorSecret is accepted as a secret", () => {
    expectError(
      () =>
        resolveConnector("x", {
          definition: sink(),
          ctx: msk,
          extraConfig: { "snowflake.private.key.passphrase": "pw" },
        }),
      "KSE-CONN-003",
      "<literal value, hidden>",
    );
    const r = resolveConnector("x", {
      definition: sink(),
      ctx: msk,
      extraConfig: { "snowflake.private.key.passphrase": sm("passphrase") },
    });
    expect(Object.keys(r.secrets).sort()).toEqual(["snowflake.private.key", "snowflake.private.key.passphrase"]);
  });

  test("a non-string value is refused", () => {
    expectError(
      () =>
        resolveConnector("x", {
          definition: sink(),
          ctx: msk,
          extraConfig: { "snowflake.metadata.topic": 1 as unknown as string },
        }),
      "KSE-CONN-002",
      "a string value",
    );
  });
});

describe("secrets per backend", () => {
  test("a Terraform reference is refused on MSK Connect (it would be plaintext in the plan)", () => {
    expectError(
      () =>
        resolveConnector("x", {
          definition: ConnectorCatalog.jdbcSource({
            hostname: "db2",
            databaseName: "SALES",
            user: "KAFKA",
            password: ConnectorSecret.terraformReference(variable("pw")),
            mode: "bulk",
            tables: [{ schema: "SALES", table: "ORDERS", topic: orders }],
          }),
          ctx: msk,
        }),
      "KSE-CONN-004",
      "ConnectorSecret.secretsManager",
    );
  });

  test("a Secrets Manager reference is refused on Confluent Cloud (no config providers)", () => {
    expectError(
      () => resolveConnector("x", { definition: source(), ctx: renderContext("confluent") }),
      "KSE-CONN-004",
      "config_sensitive",
    );
  });
});

describe("tasks", () => {
  test.each([
    [0, "a whole number from 1 to 6"],
    [7, "a whole number from 1 to 6"],
    [2.5, "a whole number from 1 to 6"],
  ])("tasksMax %s is refused", (tasks, fragment) => {
    expectError(
      () => resolveConnector("x", { definition: sink(), ctx: msk, tasksMax: tasks }),
      "KSE-CONN-006",
      fragment,
    );
  });

  test("an explicit tasksMax within bounds", () => {
    expect(resolveConnector("x", { definition: sink(), ctx: msk, tasksMax: 3 }).config["tasks.max"]).toBe("3");
  });
});

describe("the catalog entry", () => {
  test("not a catalog entry", () => {
    expectError(() => resolveConnector("x", { definition: {} as never, ctx: msk }), "KSE-CONN-015", "ConnectorCatalog");
  });

  test("backend not offered", () => {
    const mm2 = ConnectorCatalog.mirrorHeartbeat({
      source: { alias: "a", bootstrapServers: "b", clusterArn: "arn:aws:kafka:eu-west-1:1:cluster/a/u" },
      targetAlias: "b",
    });
    expectError(
      () => resolveConnector("x", { definition: mm2, ctx: renderContext("confluent") }),
      "KSE-CONN-008",
      "mirror-heartbeat on msk",
    );
  });
});

test.each([
  ["connection.password", true],
  ["snowflake.private.key", true],
  ["snowflake.private.key.passphrase", true],
  ["kafka.api.secret", true],
  ["ssl.truststore.location", false],
  ["sasl.client.callback.handler.class", false],
  ["value.converter.registry.name", false],
])("isCredentialKey(%s) = %s", (key, expected) => expect(isCredentialKey(key)).toBe(expected));
