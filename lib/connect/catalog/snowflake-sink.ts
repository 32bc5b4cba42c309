import { KafkaTopic } from "../../topic/kafka-topic";
import {
  CONNECT_FRAMEWORK_KEYS,
  CONNECT_SINK_KEYS,
  ConnectorDefinition,
  RenderContext,
  RenderedConnector,
  catalogFail,
  optionalInt,
  requireOneOf,
  requireString,
} from "../connector-definition";
import { ConnectorSecret, requireSecret } from "../connector-secret";

/** How the Snowflake connector loads rows (`snowflake.ingestion.method`). */
export type SnowflakeIngestionMethod = "SNOWPIPE_STREAMING" | "SNOWPIPE";

/** A topic and the table that receives it. */
export interface SnowflakeTopicTable {
  /** The topic (declared with `cluster.addTopic`). */
  readonly topic: KafkaTopic;
  /**
   * Snowflake table (an unquoted identifier: letters, digits, `_` and `$`, starting with a letter or `_`).
   * @default - the topic name in upper case with `.` and `-` replaced by `_`
   */
  readonly table?: string;
}

/** Properties of the Snowflake sink. */
export interface SnowflakeSinkProps {
  /** Topics to load, each with its table. */
  readonly topics: readonly SnowflakeTopicTable[];
  /** Account URL, e.g. `xy12345.eu-west-1.snowflakecomputing.com:443` (`snowflake.url.name`). */
  readonly url: string;
  /** Snowflake user with key-pair authentication. */
  readonly user: string;
  /** The user's private key (PKCS#8, base64 without header lines): a secret. */
  readonly privateKey: ConnectorSecret;
  /**
   * Passphrase of an encrypted private key.
   * @default - the key is not encrypted
   */
  readonly privateKeyPassphrase?: ConnectorSecret;
  /** Database. */
  readonly database: string;
  /**
   * Schema the tables land in: the pipeline's staging area, from which downstream tasks merge
   * change rows into curated tables (`snowflake.schema.name`).
   */
  readonly schema: string;
  /** Role the connector uses (required by Snowpipe Streaming). */
  readonly role: string;
  /**
   * `snowflake.ingestion.method`: Snowpipe Streaming (rows are committed within seconds) or Snowpipe
   * (files are staged in an internal stage and loaded by a pipe; minutes).
   * @default "SNOWPIPE_STREAMING"
   */
  readonly ingestion?: SnowflakeIngestionMethod;
  /**
   * Schema evolution: the connector creates one column per record field and adds columns when the
   * schema gains fields (`snowflake.enable.schematization`; Snowpipe Streaming only, needs a
   * schema-carrying converter).
   * @default true with Snowpipe Streaming
   */
  readonly schemaEvolution?: boolean;
  /**
   * `buffer.flush.time`, seconds: the longest a record waits in the connector's buffer.
   * @default 10 with Snowpipe Streaming, 120 with Snowpipe (connector defaults)
   */
  readonly bufferFlushSeconds?: number;
  /**
   * `buffer.size.bytes`: flush when the buffer holds this many bytes.
   * @default the connector's default
   */
  readonly bufferSizeBytes?: number;
  /**
   * `buffer.count.records`: flush after this many records.
   * @default 10000
   */
  readonly bufferCountRecords?: number;
  /**
   * `snowflake.streaming.max.client.lag`, seconds: how long Snowpipe Streaming may hold rows before
   * committing them (Snowpipe Streaming only).
   * @default the connector's default
   */
  readonly maxClientLagSeconds?: number;
}

/** Keys of the connector ([sf] SnowflakeSinkConnectorConfig.java and Utils.java, v2.5.0). */
const SELF_MANAGED_KEYS: readonly string[] = Object.freeze([
  ...CONNECT_FRAMEWORK_KEYS,
  ...CONNECT_SINK_KEYS,
  "snowflake.topic2table.map",
  "behavior.on.null.values",
  "buffer.flush.time",
  "buffer.size.bytes",
  "buffer.count.records",
  "snowflake.url.name",
  "snowflake.user.name",
  "snowflake.private.key",
  "snowflake.private.key.passphrase",
  "snowflake.database.name",
  "snowflake.schema.name",
  "snowflake.role.name",
  "snowflake.authenticator",
  "snowflake.oauth.client.id",
  "snowflake.oauth.client.secret",
  "snowflake.oauth.refresh.token",
  "snowflake.enable.schematization",
  "snowflake.jdbc.map",
  "snowflake.metadata.createtime",
  "snowflake.metadata.topic",
  "snowflake.metadata.offset.and.partition",
  "snowflake.metadata.all",
  "snowflake.ingestion.method",
  "snowflake.streaming.enable.single.buffer",
  "snowflake.streaming.max.client.lag",
  "snowflake.streaming.max.memory.limit.bytes",
  "snowflake.streaming.closeChannelsInParallel.enabled",
  "snowflake.snowpipe.v2CleanerEnabled",
  "snowflake.snowpipe.v2CleanerThreads",
  "snowflake.snowpipe.stageFileNameExtensionEnabled",
  "jvm.proxy.host",
  "jvm.proxy.port",
  "jvm.nonProxy.hosts",
  "jvm.proxy.username",
  "jvm.proxy.password",
  "enable.task.fail.on.authorization.errors",
  "enable.mdc.logging",
  "jmx",
]);

/** Keys of Confluent Cloud's fully managed `SnowflakeSink` (patterns-facts C4; playground fm-snowflake-sink). */
const MANAGED_KEYS: readonly string[] = Object.freeze([
  ...CONNECT_FRAMEWORK_KEYS,
  ...CONNECT_SINK_KEYS,
  "kafka.auth.mode",
  "kafka.service.account.id",
  "input.data.format",
  "input.key.format",
  "snowflake.url.name",
  "snowflake.user.name",
  "snowflake.private.key",
  "snowflake.private.key.passphrase",
  "snowflake.database.name",
  "snowflake.schema.name",
  "snowflake.role.name",
  "snowflake.ingestion.method",
  "snowflake.enable.schematization",
  "snowflake.topic2table.map",
  "buffer.flush.time",
  "buffer.count.records",
  "buffer.size.bytes",
]);

/** Snowflake table identifiers the connector accepts (Utils.isValidSnowflakeTableName, v2.5.0). */
const TABLE_PATTERN = /^[_a-zA-Z][_$a-zA-Z0-9]+$/;

/** Default table of a topic: `sales.orders.eu-west-1` → `SALES_ORDERS_EU_WEST_1`. */
export function snowflakeTableFor(topic: string): string {
  return topic.replace(/[^A-Za-z0-9_$]/g, "_").toUpperCase();
}

/**
 * The Snowflake Kafka connector: one table per topic in a staging schema, Snowpipe Streaming with
 * schema evolution by default, buffer and flush settings, key-pair authentication with the private
 * key as a secret.
 *
 * - MSK Connect: `com.snowflake.kafka.connector.SnowflakeSinkConnector` (artifact
 *   `com.snowflake:snowflake-kafka-connector`, lines 2.x and 3.x; version 4 renamed the class to
 *   `SnowflakeStreamingSinkConnector` and removed `buffer.*` and SNOWPIPE).
 * - Confluent Cloud: the fully managed `SnowflakeSink`.
 *
 * The connector's own checks (v2.5.0 DefaultConnectorConfigValidator, DefaultStreamingConfigValidator):
 * schematization and `snowflake.streaming.*` only with Snowpipe Streaming, which requires a role
 * and refuses the Snowflake custom converters; connector names may hold `-`.
 *
 * @see snowflakedb/snowflake-kafka-connector v2.5.0 `SnowflakeSinkConnectorConfig.java`
 * @see https://docs.snowflake.com/en/user-guide/kafka-connector-install
 */
/** What {@link checkSnowflakeSettings} derives from the settings. */
export interface CheckedSnowflakeSettings {
  readonly ingestion: SnowflakeIngestionMethod;
  readonly streaming: boolean;
  readonly schemaEvolution: boolean;
  readonly flush?: string;
  readonly size?: string;
  readonly count?: string;
  readonly lag?: string;
}

/**
 * Validates the Snowflake settings (everything but the topics), so a pattern can check them before
 * it creates anything.
 */
export function checkSnowflakeSettings(props: Omit<SnowflakeSinkProps, "topics">): CheckedSnowflakeSettings {
  if (typeof props !== "object" || props === null) catalogFail("props", props, "an object", "Pass the sink's props.");
  requireString(
    props.url,
    "url",
    /^[A-Za-z0-9.-]+(:\d+)?$/,
    "an account host, e.g. xy12345.eu-west-1.snowflakecomputing.com:443",
  );
  requireString(props.user, "user");
  requireString(props.database, "database", TABLE_PATTERN, "an unquoted Snowflake identifier");
  requireString(props.schema, "schema", TABLE_PATTERN, "an unquoted Snowflake identifier");
  requireString(props.role, "role", TABLE_PATTERN, "an unquoted Snowflake identifier");
  const ingestion = requireOneOf(props.ingestion ?? "SNOWPIPE_STREAMING", "ingestion", [
    "SNOWPIPE_STREAMING",
    "SNOWPIPE",
  ]);
  const streaming = ingestion === "SNOWPIPE_STREAMING";
  if (props.schemaEvolution === true && !streaming) {
    catalogFail(
      "schemaEvolution",
      true,
      "schema evolution with SNOWPIPE_STREAMING only (the connector refuses it with SNOWPIPE)",
      'Use ingestion "SNOWPIPE_STREAMING", or land records as RECORD_CONTENT variants.',
    );
  }
  if (props.maxClientLagSeconds !== undefined && !streaming) {
    catalogFail(
      "maxClientLagSeconds",
      props.maxClientLagSeconds,
      "with SNOWPIPE_STREAMING only",
      "Remove it, or use buffer.flush.time.",
    );
  }
  // Minimum flush time: 1 s streaming, 10 s Snowpipe (BufferThreshold, StreamingUtils, v2.5.0).
  const flush = optionalInt(props.bufferFlushSeconds, "bufferFlushSeconds", streaming ? 1 : 10, 86_400);
  const size = optionalInt(props.bufferSizeBytes, "bufferSizeBytes", 1, 1_000_000_000);
  const count = optionalInt(props.bufferCountRecords, "bufferCountRecords", 1, 10_000_000);
  const lag = optionalInt(props.maxClientLagSeconds, "maxClientLagSeconds", 1, 600);
  return {
    ingestion,
    streaming,
    schemaEvolution: props.schemaEvolution ?? streaming,
    flush,
    size,
    count,
    lag,
  };
}

/**
 * The Snowflake sink (`com.snowflake.kafka.connector.SnowflakeSinkConnector`, or `SnowflakeSink` on
 * Confluent Cloud) with the standard's buffer, flush and ingestion settings; also `ConnectorCatalog.snowflakeSink`.
 */
export function snowflakeSink(props: SnowflakeSinkProps): ConnectorDefinition {
  const { ingestion, streaming, schemaEvolution, flush, size, count, lag } = checkSnowflakeSettings(props);
  if (!Array.isArray(props.topics) || props.topics.length === 0) {
    catalogFail("topics", props.topics, "at least one { topic }", "List the topics to load.");
  }
  const tables = props.topics.map((t, i) => {
    if (!(t?.topic instanceof KafkaTopic)) {
      catalogFail(`topics[${i}].topic`, t?.topic, "a KafkaTopic", "Pass the topic returned by cluster.addTopic.");
    }
    const table = t.table ?? snowflakeTableFor(t.topic.topicName);
    requireString(table, `topics[${i}].table`, TABLE_PATTERN, "an unquoted Snowflake identifier");
    return { topic: t.topic, table };
  });
  if (new Set(tables.map((t) => t.topic.cluster)).size > 1) {
    catalogFail(
      "topics",
      tables.map((t) => t.topic.topicName),
      "topics of one cluster",
      "Split the sink.",
    );
  }
  return {
    catalogId: "snowflake-sink",
    direction: "sink",
    topics: tables.map((t) => t.topic),
    backends: ["msk", "confluent"],
    sources: [
      "snowflakedb/snowflake-kafka-connector v2.5.0 SnowflakeSinkConnectorConfig.java, Utils.java, DefaultConnectorConfigValidator.java",
      "confluentinc/terraform-provider-confluent v2.83.4 examples/configurations/connectors/snowflake-sink-connector; vdesabou/kafka-docker-playground fm-snowflake-sink",
    ],
    render(ctx: RenderContext): RenderedConnector {
      const managed = ctx.backend === "confluent";
      if (schemaEvolution && !managed && ctx.converters.format === "bytes") {
        catalogFail(
          "schemaEvolution",
          true,
          "a schema-carrying value converter (schematization refuses String and ByteArray converters)",
          "Bind a schema registry, or set schemaEvolution: false.",
          ctx.path,
        );
      }
      const config: Record<string, string> = {
        topics: tables.map((t) => t.topic.topicName).join(","),
        "snowflake.topic2table.map": tables.map((t) => `${t.topic.topicName}:${t.table}`).join(","),
        "snowflake.url.name": props.url,
        "snowflake.user.name": props.user,
        "snowflake.database.name": props.database,
        "snowflake.schema.name": props.schema,
        "snowflake.role.name": props.role,
        "snowflake.ingestion.method": ingestion,
      };
      if (managed) config["input.data.format"] = ctx.converters.managedDataFormat;
      if (streaming) config["snowflake.enable.schematization"] = String(schemaEvolution);
      if (flush) config["buffer.flush.time"] = flush;
      if (size) config["buffer.size.bytes"] = size;
      if (count) config["buffer.count.records"] = count;
      if (lag && !managed) config["snowflake.streaming.max.client.lag"] = lag;
      const secrets: Record<string, ConnectorSecret> = {
        "snowflake.private.key": requireSecret(props.privateKey, "privateKey", ctx.path),
      };
      if (props.privateKeyPassphrase !== undefined) {
        secrets["snowflake.private.key.passphrase"] = requireSecret(
          props.privateKeyPassphrase,
          "privateKeyPassphrase",
          ctx.path,
        );
      }
      const partitions = tables.reduce((n, t) => n + t.topic.spec.partitions, 0);
      return {
        connectorClass: managed ? "SnowflakeSink" : "com.snowflake.kafka.connector.SnowflakeSinkConnector",
        config,
        secrets,
        knownKeys: managed ? MANAGED_KEYS : SELF_MANAGED_KEYS,
        maxTasks: partitions,
        defaultTasks: partitions,
        usesManagedDataFormats: managed,
        internalTopics: [],
        remoteClusters: [],
        groups: [],
      };
    },
  };
}
