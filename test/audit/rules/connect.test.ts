import { describeRule, r } from "../helpers";

const msk = (config: Record<string, string>) => [
  r("aws_mskconnect_connector.c", { name: "c", connector_configuration: config }),
];
const confluent = (nonsensitive: Record<string, string>) => [
  r("confluent_connector.c", {
    environment: { id: "env-1" },
    kafka_cluster: { id: "lkc-1" },
    config_nonsensitive: nonsensitive,
    config_sensitive: {},
  }),
];

describeRule("KS-CONNECT-001", [
  {
    name: "Debezium 2 keys",
    resources: msk({ "connector.class": "io.debezium.connector.db2.Db2Connector", "topic.prefix": "dwh" }),
    expect: "compliant",
  },
  {
    name: "Debezium 1.x keys",
    resources: msk({
      "connector.class": "io.debezium.connector.db2.Db2Connector",
      "database.server.name": "dwh",
      "database.history.kafka.topic": "h",
    }),
    expect: "non-compliant",
    message:
      "debezium-2-renames: database.server.name, database.history.kafka.topic → topic.prefix and schema.history.internal.* (Debezium 2.0+) (mechanical rewrite)",
  },
  {
    name: "JDBC table.whitelist",
    resources: msk({ "connector.class": "io.confluent.connect.jdbc.JdbcSourceConnector", "table.whitelist": "a" }),
    expect: "non-compliant",
    message: /^jdbc-table-lists: table.whitelist → table.include.list/,
  },
  {
    name: "managed Snowflake sink on Snowpipe",
    resources: confluent({ "connector.class": "SnowflakeSink", "snowflake.ingestion.method": "SNOWPIPE" }),
    expect: "non-compliant",
    message: /^snowflake-snowpipe: snowflake.ingestion.method → Snowpipe Streaming/,
  },
  {
    name: "managed Snowflake sink on Snowpipe Streaming",
    resources: confluent({ "connector.class": "SnowflakeSink", "snowflake.ingestion.method": "SNOWPIPE_STREAMING" }),
    expect: "compliant",
  },
  {
    name: "an IBM MQ connector of unknown version is for review, not a finding",
    resources: msk({ "connector.class": "com.ibm.eventstreams.connect.mqsource.MQSourceConnector" }),
    expect: "compliant",
  },
  { name: "no connector.class", resources: msk({ name: "x" }), expect: "not-applicable" },
]);
