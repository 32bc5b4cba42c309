import {
  CONNECT_FRAMEWORK_KEYS,
  CONNECT_SOURCE_KEYS,
  ConnectorDefinition,
  RenderContext,
  RenderedConnector,
  catalogFail,
  exactRegex,
  optionalInt,
  requireOneOf,
  requireString,
} from "../connector-definition";
import { ConnectorSecret, requireSecret } from "../connector-secret";
import { DB2_IDENTIFIER, addBusinessKey, addRoute } from "./common";
import { Db2TableRoute, checkDb2Connection, checkTables } from "./debezium-db2-source";

/** How the JDBC source finds new and changed rows (`mode`). */
export type JdbcSourceMode = "bulk" | "incrementing" | "timestamp" | "timestamp+incrementing";

/** Every mode ([jdbc] `MODE_CONFIG`). */
export const JDBC_SOURCE_MODES: readonly JdbcSourceMode[] = Object.freeze([
  "bulk",
  "incrementing",
  "timestamp",
  "timestamp+incrementing",
]);

/** A polled table: its topic, key and the columns the mode needs. */
export interface JdbcTableRoute extends Db2TableRoute {
  /**
   * Columns that change on every insert and update (`timestamp` modes; COALESCE of the list).
   * At least one must be NOT NULL.
   * @default - required by the timestamp modes
   */
  readonly timestampColumns?: readonly string[];
  /**
   * Strictly increasing, non-null column (`incrementing` modes), e.g. an identity column.
   * @default - required by the incrementing modes
   */
  readonly incrementingColumn?: string;
}

/** Properties of a JDBC polling source reading IBM Db2. */
export interface JdbcSourceProps {
  /** Db2 host. */
  readonly hostname: string;
  /**
   * Db2 port.
   * @default 50000
   */
  readonly port?: number;
  /** Database name. */
  readonly databaseName: string;
  /** Database user with SELECT on the tables. */
  readonly user: string;
  /** Its password. */
  readonly password: ConnectorSecret;
  /**
   * How rows are found: `timestamp+incrementing` (the only mode that sees updates with unique
   * offsets), `timestamp`, `incrementing` (inserts only) or `bulk` (the whole table every poll).
   * No mode sees deletes: use the Debezium source for those.
   */
  readonly mode: JdbcSourceMode;
  /** Tables, each with its topic and the columns the mode needs. */
  readonly tables: readonly JdbcTableRoute[];
  /**
   * `poll.interval.ms`: how often each table is queried.
   * @default 5000
   */
  readonly pollIntervalMs?: number;
  /**
   * `batch.max.rows`: rows per poll batch.
   * @default 1000
   */
  readonly batchMaxRows?: number;
  /**
   * `timestamp.delay.interval.ms`: wait this long after a timestamp before reading it, so rows of
   * transactions still open are not skipped.
   * @default 0
   */
  readonly timestampDelayIntervalMs?: number;
  /**
   * `db.timezone` of the timestamp columns.
   * @default "UTC"
   */
  readonly dbTimezone?: string;
  /**
   * Connect over TLS (MSK: `sslConnection=true` in the JDBC URL; Confluent Cloud: `ssl.mode=require`).
   * @default true
   */
  readonly tls?: boolean;
}

/** Keys of the self-managed connector ([jdbc] JdbcSourceConnectorConfig v10.9.7). */
const SELF_MANAGED_KEYS: readonly string[] = Object.freeze([
  ...CONNECT_FRAMEWORK_KEYS,
  ...CONNECT_SOURCE_KEYS,
  "connection.url",
  "connection.user",
  "connection.password",
  "connection.attempts",
  "connection.backoff.ms",
  "poll.interval.ms",
  "batch.max.rows",
  "max.buffer.size",
  "poll.linger.ms",
  "numeric.precision.mapping",
  "numeric.mapping",
  "dialect.name",
  "mode",
  "incrementing.column.name",
  "timestamp.column.name",
  "timestamp.columns.mapping",
  "incrementing.column.mapping",
  "timestamp.initial",
  "timestamp.granularity",
  "table.poll.interval.ms",
  "table.whitelist",
  "table.blacklist",
  "table.include.list",
  "table.exclude.list",
  "schema.pattern",
  "catalog.pattern",
  "query",
  "query.masked",
  "topic.prefix",
  "validate.non.null",
  "date.calendar.system",
  "timestamp.delay.interval.ms",
  "db.timezone",
  "quote.sql.identifiers",
  "query.suffix",
  "query.retry.attempts",
  "table.types",
  "transaction.isolation.mode",
]);

/** Keys of Confluent Cloud's fully managed `IbmDb2Source` (cc-ibmdb2-source; kafka-docker-playground fm scripts). */
const MANAGED_KEYS: readonly string[] = Object.freeze([
  ...CONNECT_FRAMEWORK_KEYS,
  "kafka.auth.mode",
  "kafka.service.account.id",
  "output.data.format",
  "connection.host",
  "connection.port",
  "connection.user",
  "connection.password",
  "db.name",
  "ssl.mode",
  "ssl.truststorefile",
  "ssl.truststorepassword",
  "mode",
  "table.include.list",
  "table.exclude.list",
  "timestamp.columns.mapping",
  "incrementing.column.mapping",
  "schema.pattern",
  "topic.prefix",
  "poll.interval.ms",
  "batch.max.rows",
  "timestamp.delay.interval.ms",
  "db.timezone",
  "query",
]);

/** The regex naming one table in `table.include.list` and the column mappings (catalog optional). */
function tableRegex(t: Db2TableRoute): string {
  return `(.*\\.)?${exactRegex(t.schema)}\\.${exactRegex(t.table)}`;
}

/**
 * A JDBC polling source reading IBM Db2: one mode for all its tables, topics per table, keys from
 * the business key (`ValueToKey`). Mode columns are given per table with the 10.9 mapping keys
 * (`timestamp.columns.mapping`, `incrementing.column.mapping`).
 *
 * - MSK Connect: `io.confluent.connect.jdbc.JdbcSourceConnector` (Confluent Community Licence; not on
 *   Maven Central: from Confluent Hub, plus `com.ibm.db2:jcc` in the plugin).
 * - Confluent Cloud: the fully managed `IbmDb2Source` (same JDBC source underneath; topics
 *   `<topic.prefix><table>`, routed to the standard's names with `TopicRegexRouter`).
 *
 * @see confluentinc/kafka-connect-jdbc v10.9.7 `JdbcSourceConnectorConfig.java`, `TimestampIncrementingTableQuerier.java`
 * @see https://docs.confluent.io/cloud/current/connectors/cc-ibmdb2-source.html
 */
export function jdbcSource(props: JdbcSourceProps): ConnectorDefinition {
  const port = checkDb2Connection(props);
  const mode = requireOneOf(props.mode, "mode", JDBC_SOURCE_MODES);
  const pollIntervalMs = optionalInt(props.pollIntervalMs, "pollIntervalMs", 100, 86_400_000);
  const batchMaxRows = optionalInt(props.batchMaxRows, "batchMaxRows", 1, 1_000_000);
  const delay = optionalInt(props.timestampDelayIntervalMs, "timestampDelayIntervalMs", 0, 86_400_000);
  const timezone = requireString(props.dbTimezone ?? "UTC", "dbTimezone", /^[A-Za-z_]+(\/[A-Za-z_+-]+)*$/);
  const tables = checkTables(props.tables) as readonly JdbcTableRoute[];
  const needsTs = mode === "timestamp" || mode === "timestamp+incrementing";
  const needsInc = mode === "incrementing" || mode === "timestamp+incrementing";
  tables.forEach((t, i) => {
    if (needsTs && (!t.timestampColumns || t.timestampColumns.length === 0)) {
      catalogFail(
        `tables[${i}].timestampColumns`,
        t.timestampColumns,
        `at least one timestamp column for mode ${mode}`,
        'Name the column(s) every insert and update sets, e.g. ["UPDATED_AT"].',
      );
    }
    if (needsInc && !t.incrementingColumn) {
      catalogFail(
        `tables[${i}].incrementingColumn`,
        t.incrementingColumn,
        `a strictly increasing, non-null column for mode ${mode}`,
        'Name the identity column, e.g. "ID".',
      );
    }
    for (const [j, c] of (t.timestampColumns ?? []).entries()) {
      requireString(c, `tables[${i}].timestampColumns[${j}]`, DB2_IDENTIFIER, "a column name");
    }
    if (t.incrementingColumn !== undefined) {
      requireString(t.incrementingColumn, `tables[${i}].incrementingColumn`, DB2_IDENTIFIER, "a column name");
    }
  });
  // The JDBC source names a topic `<topic.prefix><table>` without the schema: table names must differ.
  const names = tables.map((t) => t.table.toUpperCase());
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) {
    catalogFail(
      "tables",
      dup,
      "tables with distinct names (the JDBC source derives topics from the table name only)",
      "Split same-named tables of different schemas into separate connectors.",
    );
  }

  return {
    catalogId: "jdbc-source",
    direction: "source",
    topics: tables.map((t) => t.topic),
    backends: ["msk", "confluent"],
    sources: [
      "confluentinc/kafka-connect-jdbc v10.9.7 JdbcSourceConnectorConfig.java",
      "docs.confluent.io/cloud/current/connectors/cc-ibmdb2-source.html; vdesabou/kafka-docker-playground fm IbmDb2Source scripts",
    ],
    render(ctx: RenderContext): RenderedConnector {
      const managed = ctx.backend === "confluent";
      const rawPrefix = `${ctx.connectorName}.`;
      const config: Record<string, string> = managed
        ? {
            "connection.host": props.hostname,
            "connection.port": port,
            "connection.user": props.user,
            "db.name": props.databaseName,
            "output.data.format": ctx.converters.managedDataFormat,
          }
        : {
            "connection.url": `jdbc:db2://${props.hostname}:${port}/${props.databaseName}${props.tls !== false ? ":sslConnection=true;" : ""}`,
            "connection.user": props.user,
            // Exact decimals keep their type (NUMERIC → INT/FLOAT/Decimal by precision).
            "numeric.mapping": "best_fit",
          };
      if (managed && props.tls !== false) config["ssl.mode"] = "require";
      config.mode = mode;
      config["table.include.list"] = tables.map(tableRegex).join(",");
      if (needsTs) {
        config["timestamp.columns.mapping"] = tables
          .map((t) => `${tableRegex(t)}:[${t.timestampColumns!.join("|")}]`)
          .join(",");
      }
      if (needsInc) {
        config["incrementing.column.mapping"] = tables.map((t) => `${tableRegex(t)}:${t.incrementingColumn}`).join(",");
      }
      const schemas = [...new Set(tables.map((t) => t.schema))];
      if (schemas.length === 1) config["schema.pattern"] = schemas[0];
      config["topic.prefix"] = rawPrefix;
      config["db.timezone"] = timezone;
      if (pollIntervalMs) config["poll.interval.ms"] = pollIntervalMs;
      if (batchMaxRows) config["batch.max.rows"] = batchMaxRows;
      if (delay) config["timestamp.delay.interval.ms"] = delay;
      for (const t of tables) addRoute(config, ctx.backend, `${rawPrefix}${t.table}`, t.topic.topicName);
      for (const t of tables) {
        if (t.keyColumns && t.keyColumns.length > 0) addBusinessKey(config, t.topic.topicName, t.keyColumns);
      }
      return {
        connectorClass: managed ? "IbmDb2Source" : "io.confluent.connect.jdbc.JdbcSourceConnector",
        config,
        secrets: { "connection.password": requireSecret(props.password, "password", ctx.path) },
        knownKeys: managed ? MANAGED_KEYS : SELF_MANAGED_KEYS,
        maxTasks: tables.length,
        defaultTasks: tables.length,
        usesManagedDataFormats: managed,
        internalTopics: [],
        remoteClusters: [],
        groups: [],
      };
    },
  };
}
