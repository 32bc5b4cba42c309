import {
  findModernizations,
  rewriteConnectorConfig,
  tableNamesToRegex,
} from "../../lib/connect/connector-modernization";
import { CONNECTOR_MODERNIZATIONS } from "../../lib/standards/connector-modernization";

const JDBC = "io.confluent.connect.jdbc.JdbcSourceConnector";
const PG = "io.debezium.connector.postgresql.PostgresConnector";
const SNOWFLAKE = "com.snowflake.kafka.connector.SnowflakeSinkConnector";
const MQ = "com.ibm.eventstreams.connect.mqsource.MQSourceConnector";

describe("the modernization catalog", () => {
  test("ids are unique and every entry names its source and a replacement", () => {
    const ids = CONNECTOR_MODERNIZATIONS.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of CONNECTOR_MODERNIZATIONS) {
      expect(e.source.length).toBeGreaterThan(10);
      expect(e.replacement.length).toBeGreaterThan(10);
      if (e.kind === "mechanical") expect((e.renames ?? []).length + (e.values ?? []).length).toBeGreaterThan(0);
    }
    expect(Object.isFrozen(CONNECTOR_MODERNIZATIONS)).toBe(true);
  });
});

describe("findModernizations", () => {
  test.each([
    [JDBC, { "table.whitelist": "orders" }, ["jdbc-table-lists:deprecated"]],
    [JDBC, { "table.include.list": "(.*\\.)?orders" }, []],
    [PG, { "database.server.name": "inv" }, ["debezium-2-renames:deprecated"]],
    [PG, { "database.history.kafka.topic": "h" }, ["debezium-2-renames:deprecated"]],
    [PG, { "topic.prefix": "inv" }, []],
    [SNOWFLAKE, { "snowflake.ingestion.method": "SNOWPIPE" }, ["snowflake-snowpipe:deprecated"]],
    [SNOWFLAKE, { "snowflake.ingestion.method": "snowpipe" }, ["snowflake-snowpipe:deprecated"]],
    [SNOWFLAKE, { "snowflake.ingestion.method": "SNOWPIPE_STREAMING" }, []],
    ["SnowflakeSink", { "snowflake.ingestion.method": "SNOWPIPE" }, ["snowflake-snowpipe:deprecated"]],
    ["kafka.tools.MirrorMaker", {}, ["mirror-maker-1:deprecated"]],
    [MQ, {}, ["ibm-mq-v1-v2:review"]],
    ["org.apache.kafka.connect.mirror.MirrorSourceConnector", {}, []],
  ])("%s with %j: %j", (cls, config, expected) => {
    expect(findModernizations(cls, config).map((f) => `${f.entry.id}:${f.status}`)).toEqual(expected);
  });

  test.each([
    ["2.8.1", ["ibm-mq-v1-v2:deprecated"]],
    ["1.3.5", ["ibm-mq-v1-v2:deprecated"]],
    ["3.0.0", []],
    ["3.1.2", []],
  ])("an IBM MQ plugin at version %s: %j", (version, expected) => {
    expect(findModernizations(MQ, {}, version).map((f) => `${f.entry.id}:${f.status}`)).toEqual(expected);
  });

  test("no class, no finding", () => {
    expect(findModernizations(undefined, { "table.whitelist": "x" })).toEqual([]);
  });
});

describe("rewriteConnectorConfig", () => {
  test("JDBC: table names become regexes on fully qualified names under table.include.list / exclude.list", () => {
    const r = rewriteConnectorConfig(JDBC, {
      "table.whitelist": "orders, public.customers",
      "table.blacklist": "audit_log",
      mode: "bulk",
    });
    expect(r.config).toEqual({
      mode: "bulk",
      "table.include.list": "(.*\\.)?orders,(.*\\.)?public\\.customers",
      "table.exclude.list": "(.*\\.)?audit_log",
    });
    expect(r.applied).toHaveLength(2);
    expect(r.manual).toEqual([
      "jdbc-table-lists: Upgrade the plugin to kafka-connect-jdbc 10.9.0 or later before applying the rewrite.",
    ]);
  });

  test("Debezium: database.server.name → topic.prefix, database.history.* → schema.history.internal.*, history class", () => {
    const r = rewriteConnectorConfig("io.debezium.connector.mysql.MySqlConnector", {
      "database.server.name": "shop",
      "database.history": "io.debezium.relational.history.KafkaDatabaseHistory",
      "database.history.kafka.topic": "shop.history",
      "database.history.producer.security.protocol": "SSL",
      "database.hostname": "db",
    });
    expect(r.config).toEqual({
      "topic.prefix": "shop",
      "schema.history.internal": "io.debezium.storage.kafka.history.KafkaSchemaHistory",
      "schema.history.internal.kafka.topic": "shop.history",
      "schema.history.internal.producer.security.protocol": "SSL",
      "database.hostname": "db",
    });
  });

  test("a key set under both names with different values is left for a person", () => {
    const r = rewriteConnectorConfig(PG, { "database.server.name": "a", "topic.prefix": "b" });
    expect(r.config).toEqual({ "database.server.name": "a", "topic.prefix": "b" });
    expect(r.manual[0]).toBe(
      "database.server.name and topic.prefix are both set with different values: keep one by hand.",
    );
  });

  test("Snowflake: SNOWPIPE → SNOWPIPE_STREAMING, the role and buffers for a person", () => {
    const r = rewriteConnectorConfig(SNOWFLAKE, { "snowflake.ingestion.method": "SNOWPIPE" });
    expect(r.config["snowflake.ingestion.method"]).toBe("SNOWPIPE_STREAMING");
    expect(r.manual).toHaveLength(2);
  });

  test("manual entries are never rewritten", () => {
    const config = { "consumer.config": "c.properties" };
    const r = rewriteConnectorConfig("kafka.tools.MirrorMaker", config);
    expect(r.config).toEqual(config);
    expect(r.applied).toEqual([]);
    expect(r.manual[0]).toMatch(/^mirror-maker-1: MirrorMaker 1 .* → MirrorMaker 2/);
  });

  test("tableNamesToRegex escapes dots and drops empty entries", () => {
    expect(tableNamesToRegex("a.b,,c")).toBe("(.*\\.)?a\\.b,(.*\\.)?c");
  });
});
