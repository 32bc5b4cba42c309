/**
 * Deprecated and custom connector classes and keys, and the standard's replacement for each: read by
 * the audit rule KS-CONNECT-001, the `kafka-standards connectors` command (inventory, report and
 * `--rewrite`) and the generated standards reference. No cdktf import: this is data.
 *
 * Sources (patterns-facts E, C1, C4, C5):
 * - MirrorMaker 1 (`kafka.tools.MirrorMaker`) was removed in Apache Kafka 4.0 (KIP-1012 / 4.0 notes).
 * - confluentinc/kafka-connect-jdbc 10.9.0: `table.include.list` / `table.exclude.list` (regexes on
 *   fully qualified names) next to the legacy `table.whitelist` / `table.blacklist` (names).
 * - Debezium 2.0 ("Backward Incompatible Changes in Debezium CDC V2 Connectors", docs.confluent.io):
 *   `database.server.name` → `topic.prefix`, `database.history.*` → `schema.history.internal.*`.
 * - snowflakedb/snowflake-kafka-connector: `snowflake.ingestion.method` SNOWPIPE → SNOWPIPE_STREAMING.
 * - ibm-messaging/kafka-connect-mq-source / -sink: v3.0.0 requires Java 17; v1 and v2 (Java 8) are
 *   superseded.
 */

/** How much of a replacement a tool can apply by itself. */
export type ModernizationKind =
  /** Keys renamed, values kept or rewritten by a fixed rule: `--rewrite` applies it. */
  | "mechanical"
  /** A person decides (another connector class, a new plugin, a data migration): reported, never rewritten. */
  | "manual";

/** One key rename. */
export interface KeyRename {
  /** Old key, or old prefix when `prefix` is true. */
  readonly from: string;
  /** New key, or new prefix. */
  readonly to: string;
  /** `from` and `to` are prefixes: every key under `from` moves under `to`. */
  readonly prefix?: boolean;
  /**
   * How the value changes: `table-names-to-regex` turns a comma list of table names into a comma
   * list of regexes on fully qualified names (`(.*\.)?NAME`).
   * @default - kept
   */
  readonly value?: "table-names-to-regex";
}

/** One value change of a key. */
export interface ValueChange {
  readonly key: string;
  readonly from: string;
  readonly to: string;
}

/** One entry of the modernization catalog. */
export interface ModernizationEntry {
  /** Stable id, e.g. `debezium-2-renames`. */
  readonly id: string;
  /** What is deprecated. */
  readonly title: string;
  /** Connector classes it applies to (exact). */
  readonly classes: readonly string[];
  /** Only when one of these keys is set (any key, prefix with a trailing `*`). @default - the class alone */
  readonly whenKeys?: readonly string[];
  /** Only when a key has this value. @default - any */
  readonly whenValue?: { readonly key: string; readonly value: string };
  /**
   * Applies only to plugin versions below this one; where the version is unknown (Terraform, a REST
   * export without plugin versions) the connector is listed for review, not reported as deprecated.
   * @default - any version
   */
  readonly versionBelow?: string;
  /** The standard replacement. */
  readonly replacement: string;
  readonly kind: ModernizationKind;
  /** Renames (`mechanical`). */
  readonly renames?: readonly KeyRename[];
  /** Value changes (`mechanical`). */
  readonly values?: readonly ValueChange[];
  /** What a person must do (always listed, also for mechanical entries when something remains). */
  readonly manualSteps: readonly string[];
  /** Where the mapping was verified. */
  readonly source: string;
}

const DEBEZIUM_CLASSES = [
  "io.debezium.connector.postgresql.PostgresConnector",
  "io.debezium.connector.mysql.MySqlConnector",
  "io.debezium.connector.sqlserver.SqlServerConnector",
  "io.debezium.connector.db2.Db2Connector",
  "io.debezium.connector.oracle.OracleConnector",
];

/** The catalog. */
export const CONNECTOR_MODERNIZATIONS: readonly ModernizationEntry[] = Object.freeze(
  (
    [
      {
        id: "mirror-maker-1",
        title: "MirrorMaker 1 (kafka.tools.MirrorMaker), removed in Apache Kafka 4.0",
        classes: ["kafka.tools.MirrorMaker"],
        replacement:
          "MirrorMaker 2 on Kafka Connect (ConnectorCatalog.mirrorSource / mirrorCheckpoint / mirrorHeartbeat), MSK Replicator between MSK clusters, or a Confluent cluster link (ConfluentDrPair)",
        kind: "manual",
        manualSteps: [
          "Choose the replacement: MM2 (any Kafka), MSK Replicator (MSK to MSK) or a cluster link (Confluent Cloud).",
          "Decide the topic naming (IdentityReplicationPolicy keeps names) and migrate consumer offsets (MM2 checkpoints or link offset sync).",
        ],
        source: "Apache Kafka 4.0 upgrade notes (MirrorMaker 1 removed); patterns-facts E",
      },
      {
        id: "jdbc-table-lists",
        title: "JDBC source table.whitelist / table.blacklist",
        classes: ["io.confluent.connect.jdbc.JdbcSourceConnector"],
        whenKeys: ["table.whitelist", "table.blacklist"],
        replacement: "table.include.list / table.exclude.list (regexes on fully qualified names, JDBC 10.9.0+)",
        kind: "mechanical",
        renames: [
          { from: "table.whitelist", to: "table.include.list", value: "table-names-to-regex" },
          { from: "table.blacklist", to: "table.exclude.list", value: "table-names-to-regex" },
        ],
        manualSteps: ["Upgrade the plugin to kafka-connect-jdbc 10.9.0 or later before applying the rewrite."],
        source: "confluentinc/kafka-connect-jdbc v10.9.7 JdbcSourceConnectorConfig.java (patterns-facts C1)",
      },
      {
        id: "debezium-2-renames",
        title: "Debezium 1.x database.server.name and database.history.*",
        classes: DEBEZIUM_CLASSES,
        whenKeys: ["database.server.name", "database.history*"],
        replacement: "topic.prefix and schema.history.internal.* (Debezium 2.0+)",
        kind: "mechanical",
        renames: [
          { from: "database.server.name", to: "topic.prefix" },
          { from: "database.history.", to: "schema.history.internal.", prefix: true },
          { from: "database.history", to: "schema.history.internal" },
        ],
        values: [
          {
            key: "schema.history.internal",
            from: "io.debezium.relational.history.KafkaDatabaseHistory",
            to: "io.debezium.storage.kafka.history.KafkaSchemaHistory",
          },
        ],
        manualSteps: [
          "Upgrade the plugin to Debezium 2.x or later together with the rewrite: 1.x ignores the new keys.",
        ],
        source:
          "Debezium 2.0 release notes; docs.confluent.io 'Backward Incompatible Changes in Debezium CDC V2 Connectors' (patterns-facts E)",
      },
      {
        id: "snowflake-snowpipe",
        title: "Snowflake sink with Snowpipe (file-based) ingestion",
        classes: ["com.snowflake.kafka.connector.SnowflakeSinkConnector", "SnowflakeSink"],
        whenValue: { key: "snowflake.ingestion.method", value: "SNOWPIPE" },
        replacement: "Snowpipe Streaming (snowflake.ingestion.method=SNOWPIPE_STREAMING, with snowflake.role.name)",
        kind: "mechanical",
        values: [{ key: "snowflake.ingestion.method", from: "SNOWPIPE", to: "SNOWPIPE_STREAMING" }],
        manualSteps: [
          "Set snowflake.role.name (Snowpipe Streaming requires a role) if it is missing.",
          "Review buffer.* settings: with streaming they bound latency instead of file size.",
        ],
        source: "snowflakedb/snowflake-kafka-connector (patterns-facts C4, E)",
      },
      {
        id: "ibm-mq-v1-v2",
        title: "IBM MQ connectors before v3 (Java 8)",
        classes: [
          "com.ibm.eventstreams.connect.mqsource.MQSourceConnector",
          "com.ibm.eventstreams.connect.mqsink.MQSinkConnector",
        ],
        versionBelow: "3.0.0",
        replacement: "kafka-connect-mq-source / -sink v3.0.0 or later (Java 17; same class and keys)",
        kind: "manual",
        manualSteps: [
          "Check the plugin's version (GET /connector-plugins): below 3.0.0, replace the plugin jar with v3 on a Java 17 worker.",
          "On Confluent Cloud, the managed IbmMQSource / IbmMqSink replace the self-managed plugin (other key names: MqMigration renders both).",
        ],
        source: "ibm-messaging/kafka-connect-mq-source v3.0.0 README (Java 17), patterns-facts C5, E",
      },
    ] as ModernizationEntry[]
  ).map((e) => Object.freeze(e)),
);
