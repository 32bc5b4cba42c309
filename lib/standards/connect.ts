/**
 * The Kafka Connect standard: error handling and dead-letter queues, converters and schema
 * compatibility, tasks, MSK Connect capacity and naming. Constructs read it for defaults, audit
 * rules for checks, docs are generated from it.
 *
 * Sources (one stored version each):
 * - [connect] apache/kafka 3.7.1 `connect/runtime/.../ConnectorConfig.java`, `SinkConnectorConfig.java`:
 *   `errors.tolerance` (none|all), `errors.retry.timeout` (0, -1 infinite), `errors.retry.delay.max.ms`
 *   (60000), `errors.log.enable`, `errors.log.include.messages`, `errors.deadletterqueue.*` (sink
 *   connectors only), `tasks.max` (patterns-facts C6).
 * - [sink-group] apache/kafka `SinkUtils.consumerGroupId`: a sink connector's consumer group is
 *   `connect-<connector name>`.
 * - [mskc] hashicorp/aws 6.25.0 `aws_mskconnect_connector` binding and the MSK Connect developer guide
 *   (msk-connect-workers, msk-connect-capacity, msk-connect-service-execution-role,
 *   msk-connect-manage-connector-offsets, msk-connect-config-provider) (patterns-facts B).
 * - [cfg-providers] aws-samples/msk-config-providers README: `config.providers=secretsmanager`,
 *   class `com.amazonaws.kafka.config.providers.SecretsManagerConfigProvider`, reference
 *   `${secretsmanager:<secret name>:<json key>}`, ARNs URL-encoded.
 * - [glue] awslabs/aws-glue-schema-registry `AWSSchemaRegistryConstants.java`: converter keys `region`,
 *   `registry.name`, `schemaAutoRegistrationEnabled`, `avroRecordType`, `compatibility` (default
 *   BACKWARD); `AWSSchemaNamingStrategy`: the default schema name is the topic name for keys and values.
 * - [cc-sr] confluentinc/terraform-provider-confluent `resource_subject_config.go`: compatibility levels
 *   BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE, NONE.
 *
 * No cdktf import here: this is data.
 */

/** Which way a connector moves data. */
export type ConnectorDirection = "source" | "sink";

/**
 * Connector names: lower-case letters, digits and hyphens, starting with a letter. MSK Connect
 * allows 1–128 characters ([mskc]); the standard keeps names short enough for the consumer group
 * (`connect-<name>`), the dead-letter topic (`dlq.<name>`) and log group names, and free of `_`, so
 * the internal topic names `__amazon_msk_connect_<kind>_<name>_<id>` can be matched exactly.
 */
export const CONNECTOR_NAME_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;

/** Error handling every connector gets unless a named prop weakens it (and the audit shows it). */
export interface ConnectErrorStandard {
  /** `errors.tolerance` of sink connectors: skip a bad record into the dead-letter queue. */
  readonly sinkTolerance: "all" | "none";
  /** `errors.tolerance` of source connectors: stop rather than drop (sources have no framework DLQ). */
  readonly sourceTolerance: "all" | "none";
  /** `errors.log.enable`: every error and skipped record is logged. */
  readonly logEnable: boolean;
  /** `errors.log.include.messages`: off, because records may hold personal data. */
  readonly logIncludeMessages: boolean;
  /** `errors.deadletterqueue.context.headers.enable`: the DLQ record says where and why it failed. */
  readonly contextHeaders: boolean;
  /** `errors.retry.timeout`, ms: a failing conversion or transformation is retried this long. */
  readonly retryTimeoutMs: number;
  /** `errors.retry.delay.max.ms`: the longest back-off between retries. */
  readonly retryDelayMaxMs: number;
  /** `errors.deadletterqueue.topic.replication.factor`. */
  readonly dlqReplicationFactor: number;
}

/** The standard's error handling ([connect] keys and defaults; the values are the standard's choice). */
export const CONNECT_ERROR_STANDARD: ConnectErrorStandard = Object.freeze({
  sinkTolerance: "all",
  sourceTolerance: "none",
  logEnable: true,
  logIncludeMessages: false,
  contextHeaders: true,
  retryTimeoutMs: 600_000,
  // Connect's own default maximum back-off ([connect] 60000).
  retryDelayMaxMs: 60_000,
  dlqReplicationFactor: 3,
});

/** Dead-letter topic of a sink connector: `dlq.<connector>` (topic class `dlq`). */
export function deadLetterTopicName(connectorName: string): string {
  return `dlq.${connectorName}`;
}

/** Partitions of a dead-letter topic: one per availability zone; DLQs carry the exceptions only. */
export const DEAD_LETTER_TOPIC_PARTITIONS = 3;

/** Consumer group of a self-managed sink connector ([sink-group]). */
export function sinkConsumerGroup(connectorName: string): string {
  return `connect-${connectorName}`;
}

/**
 * Prefix of the consumer groups of Confluent Cloud fully managed sink connectors (`connect-lcc-<id>`);
 * the id is assigned on creation, so grants use the prefix (patterns-facts C4).
 */
export const CONFLUENT_MANAGED_SINK_GROUP_PREFIX = "connect-lcc-";

/** Converter classes the standard uses. */
export const CONNECT_CONVERTERS = Object.freeze({
  /** Confluent Schema Registry Avro (self-managed Connect with a Confluent registry). */
  confluentAvro: "io.confluent.connect.avro.AvroConverter",
  /** AWS Glue Schema Registry Avro ([glue], module avro-kafkaconnect-converter). */
  glueAvro: "com.amazonaws.services.schemaregistry.kafkaconnect.AWSKafkaAvroConverter",
  /** JSON, with or without an embedded schema (apache/kafka connect-json). */
  json: "org.apache.kafka.connect.json.JsonConverter",
  /** Strings (MSK Connect's default worker converter [mskc]). */
  string: "org.apache.kafka.connect.storage.StringConverter",
  /** Raw bytes, for replication (MirrorMaker 2). */
  byteArray: "org.apache.kafka.connect.converters.ByteArrayConverter",
});

/**
 * Schema compatibility of the standard. CDC and table streams evolve by adding nullable columns:
 * BACKWARD lets consumers on the new schema read every record still retained.
 */
export type SchemaCompatibility =
  | "BACKWARD"
  | "BACKWARD_TRANSITIVE"
  | "FORWARD"
  | "FORWARD_TRANSITIVE"
  | "FULL"
  | "FULL_TRANSITIVE"
  | "NONE";

/** Every compatibility mode, in Confluent Schema Registry's names ([cc-sr]). */
export const SCHEMA_COMPATIBILITIES: readonly SchemaCompatibility[] = Object.freeze([
  "BACKWARD",
  "BACKWARD_TRANSITIVE",
  "FORWARD",
  "FORWARD_TRANSITIVE",
  "FULL",
  "FULL_TRANSITIVE",
  "NONE",
]);

/** Compatibility per kind of stream; NONE is a weakening and takes a reason. */
export const SCHEMA_COMPATIBILITY_STANDARD = Object.freeze({
  /** Change-data-capture streams (Debezium, JDBC polling). */
  cdc: "BACKWARD" as SchemaCompatibility,
  /** Every other stream. */
  default: "BACKWARD" as SchemaCompatibility,
});

/**
 * The AWS Glue Schema Registry name of a compatibility mode (`aws_glue_schema.compatibility`):
 * Glue spells the transitive modes `*_ALL` and adds `DISABLED`.
 */
export function glueCompatibility(mode: SchemaCompatibility): string {
  return mode.replace(/_TRANSITIVE$/, "_ALL");
}

/** Compatibility values that do not protect consumers ([cc-sr] NONE; Glue adds DISABLED). */
export const UNPROTECTED_COMPATIBILITIES: readonly string[] = Object.freeze(["NONE", "DISABLED"]);

/** The Secrets Manager config provider of MSK Connect workers ([cfg-providers]). */
export const MSK_CONFIG_PROVIDER = Object.freeze({
  /** Provider name, the prefix of references: `${secretsmanager:<secret>:<key>}`. */
  name: "secretsmanager",
  /** Implementation class (aws-samples/msk-config-providers; its jar goes into the custom plugin). */
  className: "com.amazonaws.kafka.config.providers.SecretsManagerConfigProvider",
});

/** Capacity and version of MSK Connect connectors, per tier. */
export interface MskConnectCapacityStandard {
  /** Autoscaling floor: two workers in prod so a worker replacement does not stop the connector. */
  readonly minWorkers: number;
  /** Autoscaling ceiling (MSK Connect allows 1–10 [mskc]). */
  readonly maxWorkers: number;
  /** MSK Connect units per worker (1 MCU = 1 vCPU and 4 GiB; 1, 2, 4 or 8 [mskc]). */
  readonly mcuCount: number;
  /** Scale in below this CPU percentage. */
  readonly scaleInCpuPercent: number;
  /** Scale out above this CPU percentage. */
  readonly scaleOutCpuPercent: number;
}

/** MSK Connect capacity per tier (ranges from [mskc]; the values are the standard's choice). */
export const MSK_CONNECT_CAPACITY: Readonly<Record<"dev" | "staging" | "prod", MskConnectCapacityStandard>> =
  Object.freeze({
    dev: Object.freeze({ minWorkers: 1, maxWorkers: 2, mcuCount: 1, scaleInCpuPercent: 20, scaleOutCpuPercent: 80 }),
    staging: Object.freeze({
      minWorkers: 1,
      maxWorkers: 4,
      mcuCount: 1,
      scaleInCpuPercent: 20,
      scaleOutCpuPercent: 80,
    }),
    prod: Object.freeze({ minWorkers: 2, maxWorkers: 4, mcuCount: 2, scaleInCpuPercent: 20, scaleOutCpuPercent: 80 }),
  });

/** MSK Connect runtime: 3.7.x is the line with IdentityReplicationPolicy and Debezium 3 support ([mskc]). */
export const MSK_CONNECT_VERSION = "3.7.x";

/** Every MSK Connect runtime version the service offers ([mskc]: 2.7.1 or 3.7.x). */
export const MSK_CONNECT_VERSIONS: readonly string[] = Object.freeze(["2.7.1", "3.7.x"]);

/** Port MSK brokers serve IAM-authenticated TLS clients on. */
export const MSK_IAM_PORT = 9098;

/** Prefix of the internal topics MSK Connect creates per connector ([mskc] manage-connector-offsets). */
export const MSK_CONNECT_INTERNAL_PREFIX = "__amazon_msk_connect_";

/**
 * The offset storage topic the library names for source connectors, so a re-created connector
 * resumes where the previous one stopped ([mskc] manage-connector-offsets: `offset.storage.topic`).
 */
export function mskOffsetStorageTopic(connectorName: string): string {
  return `${MSK_CONNECT_INTERNAL_PREFIX}offsets_${connectorName}_kept`;
}

/** Header keys Connect writes on dead-letter records (apache/kafka `DeadLetterQueueReporter`). */
export const DLQ_CONTEXT_HEADER_PREFIX = "__connect.errors.";

/** Where a connector class's plugin comes from (for packaging and the integration harness). */
export interface ConnectorArtifact {
  /** Maven coordinates or where to download it. */
  readonly artifact: string;
  /** Extra jars the plugin needs. */
  readonly extras: readonly string[];
  /** Served by Maven Central. */
  readonly onMavenCentral: boolean;
}

/** Plugins of the catalog's connector classes (issue 12 facts; patterns-facts D). */
export const CONNECTOR_ARTIFACTS: Readonly<Record<string, ConnectorArtifact>> = Object.freeze({
  "io.debezium.connector.db2.Db2Connector": {
    artifact: "io.debezium:debezium-connector-db2:3.3.1.Final",
    extras: ["com.ibm.db2:jcc"],
    onMavenCentral: true,
  },
  "io.confluent.connect.jdbc.JdbcSourceConnector": {
    artifact: "io.confluent:kafka-connect-jdbc:10.9.7 (Confluent Hub / Confluent Maven repository)",
    extras: ["com.ibm.db2:jcc"],
    onMavenCentral: false,
  },
  "com.snowflake.kafka.connector.SnowflakeSinkConnector": {
    artifact: "com.snowflake:snowflake-kafka-connector:2.5.0",
    extras: [],
    onMavenCentral: true,
  },
  "org.apache.kafka.connect.mirror.MirrorSourceConnector": {
    artifact: "org.apache.kafka:connect-mirror (ships with Kafka Connect)",
    extras: [],
    onMavenCentral: true,
  },
  "org.apache.kafka.connect.mirror.MirrorCheckpointConnector": {
    artifact: "org.apache.kafka:connect-mirror (ships with Kafka Connect)",
    extras: [],
    onMavenCentral: true,
  },
  "org.apache.kafka.connect.mirror.MirrorHeartbeatConnector": {
    artifact: "org.apache.kafka:connect-mirror (ships with Kafka Connect)",
    extras: [],
    onMavenCentral: true,
  },
  "com.ibm.eventstreams.connect.mqsource.MQSourceConnector": {
    artifact: "ibm-messaging/kafka-connect-mq-source v3.0.0 jar-with-dependencies (GitHub release)",
    extras: [],
    onMavenCentral: false,
  },
  "com.ibm.eventstreams.connect.mqsink.MQSinkConnector": {
    artifact: "ibm-messaging/kafka-connect-mq-sink v3.0.0 jar-with-dependencies (GitHub release)",
    extras: [],
    onMavenCentral: false,
  },
});

/** Jars every MSK Connect plugin of the library needs besides the connector's own. */
export const MSK_PLUGIN_EXTRAS: readonly string[] = Object.freeze([
  "msk-config-providers uber jar (aws-samples/msk-config-providers GitHub release): Secrets Manager references",
  "AWS Glue Schema Registry Kafka Connect converter (awslabs/aws-glue-schema-registry module avro-kafkaconnect-converter): Glue Avro",
]);
