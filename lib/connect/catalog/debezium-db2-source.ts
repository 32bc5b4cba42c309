import { KafkaTopic } from "../../topic/kafka-topic";
import {
  CONNECT_FRAMEWORK_KEYS,
  CONNECT_SOURCE_KEYS,
  ConnectorDefinition,
  RenderContext,
  RenderedConnector,
  catalogFail,
  optionalInt,
  requireOneOf,
  requireString,
  unsupportedBackend,
} from "../connector-definition";
import { ConnectorSecret, requireSecret } from "../connector-secret";
import { DB2_IDENTIFIER, HOST_PATTERN, addRoute, mskIamClientSettings } from "./common";

/** One Db2 table and the topic its rows go to. */
export interface Db2TableRoute {
  /** Db2 schema (as stored in the catalog, usually upper case), e.g. `DB2INST1`. */
  readonly schema: string;
  /** Table name, e.g. `ORDERS`. */
  readonly table: string;
  /** The topic (declared with `cluster.addTopic`) that receives the table's rows. */
  readonly topic: KafkaTopic;
  /**
   * Columns of the record key (the business key).
   * @default - the table's primary key (Debezium); no key (JDBC)
   */
  readonly keyColumns?: readonly string[];
}

/** Debezium `snapshot.mode` values (Db2ConnectorConfig.SnapshotMode, 3.3.1). */
export type DebeziumSnapshotMode =
  | "always"
  | "initial"
  | "initial_only"
  | "no_data"
  | "recovery"
  | "when_needed"
  | "configuration_based";

/** Properties of the Debezium Db2 source (change data capture through the ASN capture tables). */
export interface DebeziumDb2SourceProps {
  /** Db2 host. */
  readonly hostname: string;
  /**
   * Db2 port.
   * @default 50000
   */
  readonly port?: number;
  /** Database name (`database.dbname`). */
  readonly databaseName: string;
  /** Database user with SELECT on the captured tables and the ASN control tables. */
  readonly user: string;
  /** Its password: a secret, never a literal. */
  readonly password: ConnectorSecret;
  /** Tables to capture, each with its topic. */
  readonly tables: readonly Db2TableRoute[];
  /** Logical name of the source (`topic.prefix`): the prefix of Debezium's topic names and offsets. */
  readonly topicPrefix: string;
  /** Topic of the schema history (topic class `history`, one partition). */
  readonly historyTopic: KafkaTopic;
  /**
   * `snapshot.mode`.
   * @default "initial" (a consistent snapshot, then the change stream)
   */
  readonly snapshotMode?: DebeziumSnapshotMode;
  /**
   * Connect to Db2 over TLS (`driver.sslConnection=true`, passed to the IBM JCC driver).
   * @default true
   */
  readonly tls?: boolean;
  /**
   * `db2.platform`: `LUW` (Linux, Unix, Windows) or `ZOS` (incubating upstream).
   * @default "LUW"
   */
  readonly platform?: "LUW" | "ZOS";
  /**
   * Schema of the ASN capture control tables (`cdc.control.schema`) and of the change tables
   * (`cdc.change.tables.schema`).
   * @default "ASNCDC"
   */
  readonly cdcSchema?: string;
  /**
   * `poll.interval.ms`: how long the connector waits for new change events.
   * @default 500 (Debezium's default)
   */
  readonly pollIntervalMs?: number;
  /**
   * `max.batch.size`: events per batch.
   * @default 2048 (Debezium's default)
   */
  readonly maxBatchSize?: number;
}

/** Every key of the connector (Db2ConnectorConfig, RelationalDatabaseConnectorConfig, CommonConnectorConfig, KafkaSchemaHistory at v3.3.1.Final). */
const KNOWN_KEYS: readonly string[] = Object.freeze([
  ...CONNECT_FRAMEWORK_KEYS,
  ...CONNECT_SOURCE_KEYS,
  "database.hostname",
  "database.port",
  "database.user",
  "database.password",
  "database.dbname",
  "topic.prefix",
  "table.include.list",
  "table.exclude.list",
  "column.include.list",
  "column.exclude.list",
  "message.key.columns",
  "snapshot.mode",
  "snapshot.isolation.mode",
  "snapshot.locking.mode",
  "snapshot.delay.ms",
  "snapshot.fetch.size",
  "snapshot.select.statement.overrides",
  "snapshot.include.collection.list",
  "incremental.snapshot.chunk.size",
  "cdc.control.schema",
  "cdc.change.tables.schema",
  "db2.platform",
  "query.fetch.size",
  "poll.interval.ms",
  "max.batch.size",
  "max.queue.size",
  "max.queue.size.in.bytes",
  "tombstones.on.delete",
  "decimal.handling.mode",
  "time.precision.mode",
  "binary.handling.mode",
  "include.schema.changes",
  "heartbeat.interval.ms",
  "provide.transaction.metadata",
  "skipped.operations",
  "signal.data.collection",
  "topic.naming.strategy",
  "event.processing.failure.handling.mode",
  "schema.name.adjustment.mode",
  "field.name.adjustment.mode",
  "schema.history.internal.kafka.bootstrap.servers",
  "schema.history.internal.kafka.topic",
  "schema.history.internal.kafka.recovery.poll.interval.ms",
  "schema.history.internal.kafka.recovery.attempts",
  "schema.history.internal.kafka.query.timeout.ms",
  "schema.history.internal.store.only.captured.tables.ddl",
  "schema.history.internal.skip.unparseable.ddl",
]);

/**
 * Debezium Db2 source: change data capture from the ASN capture tables (inserts, updates and
 * deletes), one topic per table, keyed by the business key.
 *
 * Needs SQL Replication (ASN) set up on the database (an IIDR licence), the Debezium UDFs and
 * `ASNCDC.ADDTABLE` for each table. The connector runs a single task (Db2Connector refuses more).
 * Plugin artifact: `io.debezium:debezium-connector-db2` (Maven Central) plus `com.ibm.db2:jcc`.
 *
 * @see https://debezium.io/documentation/reference/stable/connectors/db2.html
 * @see debezium/debezium-connector-db2 `Db2ConnectorConfig.java`, `Db2Connector.java` (v3.3.1.Final)
 */
export function debeziumDb2Source(props: DebeziumDb2SourceProps): ConnectorDefinition {
  const port = checkDb2Connection(props);
  requireString(props.topicPrefix, "topicPrefix", /^[A-Za-z0-9_.-]{1,100}$/, "letters, digits, '.', '_' or '-'");
  const pollIntervalMs = optionalInt(props.pollIntervalMs, "pollIntervalMs", 1, 3_600_000);
  const maxBatchSize = optionalInt(props.maxBatchSize, "maxBatchSize", 1, 1_000_000);
  const snapshotMode = requireOneOf(props.snapshotMode ?? "initial", "snapshotMode", [
    "always",
    "initial",
    "initial_only",
    "no_data",
    "recovery",
    "when_needed",
    "configuration_based",
  ]);
  const platform = requireOneOf(props.platform ?? "LUW", "platform", ["LUW", "ZOS"]);
  const cdcSchema = requireString(props.cdcSchema ?? "ASNCDC", "cdcSchema", DB2_IDENTIFIER, "a Db2 schema name");
  if (!(props.historyTopic instanceof KafkaTopic)) {
    catalogFail("historyTopic", props.historyTopic, "a KafkaTopic of class history", "Declare it with addTopic.");
  }
  const tables = checkTables(props.tables);
  const topics = tables.map((t) => t.topic);
  if (topics.some((t) => t.cluster !== props.historyTopic.cluster)) {
    catalogFail("historyTopic", props.historyTopic.topicName, "a topic of the tables' cluster", "Declare it there.");
  }

  return {
    catalogId: "debezium-db2-source",
    direction: "source",
    topics,
    backends: ["msk"],
    sources: [
      "debezium/debezium-connector-db2 v3.3.1.Final Db2ConnectorConfig.java, Db2Connector.java",
      "debezium/debezium v3.3.1.Final CommonConnectorConfig, RelationalDatabaseConnectorConfig, KafkaSchemaHistory",
    ],
    render(ctx: RenderContext): RenderedConnector {
      if (ctx.backend !== "msk") {
        unsupportedBackend(
          "debezium-db2-source",
          ctx,
          "MSK Connect (Confluent Cloud has no fully managed Db2 CDC connector)",
          "On Confluent Cloud use ConnectorCatalog.jdbcSource (class IbmDb2Source).",
        );
      }
      const config: Record<string, string> = {
        "database.hostname": props.hostname,
        "database.port": port,
        "database.user": props.user,
        "database.dbname": props.databaseName,
        "topic.prefix": props.topicPrefix,
        "table.include.list": tables.map((t) => `${t.schema}.${t.table}`).join(","),
        "snapshot.mode": snapshotMode,
        "db2.platform": platform,
        "cdc.control.schema": cdcSchema,
        "cdc.change.tables.schema": cdcSchema,
        // Schema changes are kept in the history topic only, not in an extra topic named after the prefix.
        "include.schema.changes": "false",
        // Deletes keep their tombstone so compacted consumers and sinks can drop the key.
        "tombstones.on.delete": "true",
        "schema.history.internal.kafka.topic": props.historyTopic.topicName,
        "schema.history.internal.kafka.bootstrap.servers": ctx.bootstrapServers ?? "",
        ...mskIamClientSettings("schema.history.internal.producer."),
        ...mskIamClientSettings("schema.history.internal.consumer."),
      };
      if (props.tls !== false) config["driver.sslConnection"] = "true";
      if (pollIntervalMs) config["poll.interval.ms"] = pollIntervalMs;
      if (maxBatchSize) config["max.batch.size"] = maxBatchSize;
      const keyed = tables.filter((t) => t.keyColumns && t.keyColumns.length > 0);
      if (keyed.length > 0) {
        config["message.key.columns"] = keyed.map((t) => `${t.schema}.${t.table}:${t.keyColumns!.join(",")}`).join(";");
      }
      for (const t of tables) addRoute(config, "msk", `${props.topicPrefix}.${t.schema}.${t.table}`, t.topic.topicName);
      return {
        connectorClass: "io.debezium.connector.db2.Db2Connector",
        config,
        secrets: { "database.password": requireSecret(props.password, "password", ctx.path) },
        knownKeys: KNOWN_KEYS,
        maxTasks: 1,
        defaultTasks: 1,
        internalTopics: [{ name: props.historyTopic.topicName, create: false, access: "read-write" }],
        remoteClusters: [],
        // The schema history consumer's group: `<topic.prefix>-schemahistory`
        // (HistorizedRelationalDatabaseConnectorConfig, v3.3.1.Final).
        groups: [`${props.topicPrefix}-schemahistory`],
      };
    },
  };
}

/** The connection settings both Db2 sources share. */
export interface Db2ConnectionProps {
  readonly hostname: string;
  readonly port?: number;
  readonly databaseName: string;
  readonly user: string;
}

/** Validates Db2 connection settings; returns the port as a string. */
export function checkDb2Connection(props: Db2ConnectionProps): string {
  if (typeof props !== "object" || props === null) catalogFail("props", props, "an object", "Pass the source's props.");
  requireString(props.hostname, "hostname", HOST_PATTERN, "a host name or IP address");
  requireString(props.databaseName, "databaseName", DB2_IDENTIFIER, "a Db2 database name");
  requireString(props.user, "user");
  return optionalInt(props.port, "port", 1, 65535) ?? "50000";
}

/** Validates the table routes shared by the Db2 sources. */
export function checkTables(value: unknown): readonly Db2TableRoute[] {
  if (!Array.isArray(value) || value.length === 0) {
    catalogFail("tables", value, "at least one { schema, table, topic }", "List the tables to capture.");
  }
  const seen = new Set<string>();
  (value as Db2TableRoute[]).forEach((t, i) => {
    requireString(t?.schema, `tables[${i}].schema`, DB2_IDENTIFIER, "a Db2 schema name");
    requireString(t?.table, `tables[${i}].table`, DB2_IDENTIFIER, "a Db2 table name");
    if (!(t.topic instanceof KafkaTopic)) {
      catalogFail(`tables[${i}].topic`, t.topic, "a KafkaTopic", "Declare the table's topic with cluster.addTopic.");
    }
    const id = `${t.schema}.${t.table}`.toUpperCase();
    if (seen.has(id)) catalogFail(`tables[${i}]`, id, "each table once", "Remove the duplicate table.");
    seen.add(id);
    for (const [j, c] of (t.keyColumns ?? []).entries()) {
      requireString(c, `tables[${i}].keyColumns[${j}]`, DB2_IDENTIFIER, "a column name");
    }
  });
  const topics = (value as Db2TableRoute[]).map((t) => t.topic);
  if (new Set(topics.map((t) => t.cluster)).size > 1) {
    catalogFail(
      "tables",
      topics.map((t) => t.topicName),
      "topics of one cluster",
      "Declare them on one cluster.",
    );
  }
  return value as Db2TableRoute[];
}
