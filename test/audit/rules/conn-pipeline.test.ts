/**
 * The connector rules added with the Kafka Connect constructs: dead-letter topics, error logging,
 * TLS to external systems, worker-configuration credentials and declared config providers.
 */
import { describeRule, r } from "../helpers";

const msk = (config: Record<string, string> | string, extra: Record<string, unknown> = {}) =>
  r("aws_mskconnect_connector.c", { name: "c", connector_configuration: config, ...extra });
const confluent = (nonsensitive: Record<string, string>, sensitive: Record<string, string> = {}) =>
  r("confluent_connector.c", {
    environment: { id: "env-1" },
    kafka_cluster: { id: "lkc-1" },
    config_nonsensitive: nonsensitive,
    config_sensitive: sensitive,
  });
const snowflake = { "connector.class": "com.snowflake.kafka.connector.SnowflakeSinkConnector", topics: "sales.orders" };
const standardSink = {
  ...snowflake,
  "errors.tolerance": "all",
  "errors.deadletterqueue.topic.name": "dlq.sales-sink",
  "errors.deadletterqueue.context.headers.enable": "true",
};

describeRule("KS-CONN-003", [
  {
    name: "the standard's sink: tolerance all, DLQ, context headers",
    resources: [msk(standardSink)],
    expect: "compliant",
  },
  {
    name: "Confluent managed sink with the service's defaults (tolerance all, dlq-lcc-*)",
    resources: [confluent({ "connector.class": "SnowflakeSink", topics: "sales.orders" })],
    expect: "compliant",
  },
  {
    name: "a source is not concerned (MirrorMaker 2's source carries topics)",
    resources: [msk({ "connector.class": "org.apache.kafka.connect.mirror.MirrorSourceConnector", topics: "a" })],
    expect: "not-applicable",
  },
  { name: "unresolved configuration", resources: [msk("${var.config}")], expect: "not-applicable" },
  {
    name: "Connect's default tolerance (none) stops the sink",
    resources: [msk(snowflake)],
    expect: "non-compliant",
    message: "errors.tolerance is none: the first record the sink cannot write stops it; no dead-letter topic",
  },
  {
    name: "explicit tolerance none on Confluent",
    resources: [confluent({ "connector.class": "SnowflakeSink", topics: "t", "errors.tolerance": "none" })],
    expect: "non-compliant",
    message: /^errors\.tolerance is none/,
  },
  {
    name: "tolerance all without a DLQ",
    resources: [msk({ ...snowflake, "errors.tolerance": "all" })],
    expect: "non-compliant",
    message: "connector_configuration names no errors.deadletterqueue.topic.name",
  },
  {
    name: "DLQ without context headers",
    resources: [msk({ ...standardSink, "errors.deadletterqueue.context.headers.enable": "false" })],
    expect: "non-compliant",
    message:
      "errors.deadletterqueue.context.headers.enable is not true: dead-lettered records lose their origin and exception",
  },
]);

describeRule("KS-CONN-004", [
  { name: "errors logged", resources: [msk({ ...standardSink, "errors.log.enable": "true" })], expect: "compliant" },
  { name: "unresolved configuration", resources: [msk("${var.config}")], expect: "not-applicable" },
  {
    name: "not set: Connect logs only fatal errors",
    resources: [msk(standardSink)],
    expect: "non-compliant",
    message: "errors.log.enable is not set (Connect's default is false)",
  },
  {
    name: "turned off",
    resources: [msk({ ...standardSink, "errors.log.enable": "false" })],
    expect: "non-compliant",
    message: 'errors.log.enable is "false", not "true"',
  },
]);

const db2 = { "connector.class": "io.debezium.connector.db2.Db2Connector", "database.hostname": "db2" };
const mqSource = { "connector.class": "com.ibm.eventstreams.connect.mqsource.MQSourceConnector", "mq.queue": "Q" };

describeRule("KS-CONN-005", [
  { name: "Debezium Db2 over TLS", resources: [msk({ ...db2, "driver.sslConnection": "true" })], expect: "compliant" },
  {
    name: "JDBC URL with sslConnection=true",
    resources: [
      msk({ "connector.class": "x.JdbcSourceConnector", "connection.url": "jdbc:db2://h:50001/D:sslConnection=true;" }),
    ],
    expect: "compliant",
  },
  {
    name: "MQ with a cipher suite",
    resources: [msk({ ...mqSource, "mq.ssl.cipher.suite": "TLS_AES_256_GCM_SHA384" })],
    expect: "compliant",
  },
  {
    name: "Confluent IbmDb2Source with ssl.mode require",
    resources: [confluent({ "connector.class": "IbmDb2Source", "ssl.mode": "require" })],
    expect: "compliant",
  },
  { name: "unresolved configuration", resources: [msk("${var.config}")], expect: "not-applicable" },
  {
    name: "Debezium Db2 without TLS",
    resources: [msk(db2)],
    expect: "non-compliant",
    message: "driver.sslConnection is not set: Db2 is reached without TLS",
  },
  {
    name: "PLAINTEXT clients and an http:// registry",
    resources: [
      msk({
        ...snowflake,
        "schema.history.internal.producer.security.protocol": "PLAINTEXT",
        "value.converter.schema.registry.url": "http://registry:8081",
      }),
    ],
    expect: "non-compliant",
    message:
      "schema.history.internal.producer.security.protocol=PLAINTEXT; value.converter.schema.registry.url is http://",
  },
  {
    name: "JDBC URL to Db2 without TLS",
    resources: [msk({ "connector.class": "x.JdbcSourceConnector", "connection.url": "jdbc:db2://h:50000/D" })],
    expect: "non-compliant",
    message: "connection.url reaches Db2 without sslConnection=true",
  },
  {
    name: "TLS turned off on a managed connector",
    resources: [confluent({ "connector.class": "IbmDb2Source", "ssl.mode": "disabled" })],
    expect: "non-compliant",
    message: "ssl.mode=disabled",
  },
  {
    name: "MQ channel without TLS (open source and managed)",
    resources: [confluent({ "connector.class": "IbmMQSource", "jms.destination.name": "Q" })],
    expect: "non-compliant",
    message: "mq.ssl.cipher.suite is not set: the MQ channel is reached without TLS",
  },
]);

const worker = (content: string) =>
  r("aws_mskconnect_worker_configuration.w", { name: "w", properties_file_content: content });
const PROVIDER = [
  "key.converter=org.apache.kafka.connect.storage.StringConverter",
  "value.converter=org.apache.kafka.connect.storage.StringConverter",
  "config.providers=secretsmanager",
  "config.providers.secretsmanager.class=com.amazonaws.kafka.config.providers.SecretsManagerConfigProvider",
  "config.providers.secretsmanager.param.region=eu-west-1",
].join("\n");

describeRule("KS-CONN-006", [
  {
    name: "converters and a config provider (its name is not a secret)",
    resources: [worker(PROVIDER)],
    expect: "compliant",
  },
  {
    name: "a config-provider reference",
    resources: [worker(`${PROVIDER}\nproducer.ssl.key.password=\${secretsmanager:tls:key}`)],
    expect: "compliant",
  },
  {
    name: "not a string",
    resources: [r("aws_mskconnect_worker_configuration.w", { name: "w" })],
    expect: "not-applicable",
  },
  {
    name: "a literal password and a provider credential",
    resources: [
      worker(`${PROVIDER}\n# comment\nproducer.ssl.key.password=hunter2\nconfig.providers.vault.param.token=s.abc`),
    ],
    expect: "non-compliant",
    message: "properties_file_content holds credentials: config.providers.vault.param.token, producer.ssl.key.password",
  },
]);

const workerRes = (content: string) =>
  r("aws_mskconnect_worker_configuration.w", { name: "w", properties_file_content: content });
const withWorker = (config: Record<string, string>) =>
  msk(config, { worker_configuration: { arn: "${aws_mskconnect_worker_configuration.w.arn}", revision: 1 } });
const ref = { "connection.password": "$${secretsmanager:prod/db:password}" };

describeRule("KS-CONN-007", [
  { name: "provider declared", resources: [withWorker(ref), workerRes(PROVIDER)], expect: "compliant" },
  { name: "no reference", resources: [msk({ ...snowflake })], expect: "not-applicable" },
  {
    name: "worker configuration outside the document",
    resources: [
      msk(ref, {
        worker_configuration: { arn: "arn:aws:kafkaconnect:eu-west-1:1:worker-configuration/x", revision: 1 },
      }),
    ],
    expect: "not-applicable",
  },
  {
    name: "no worker configuration",
    resources: [msk(ref)],
    expect: "non-compliant",
    message: "references secretsmanager but has no worker_configuration: the default worker declares no provider",
  },
  {
    name: "worker without the provider",
    resources: [
      withWorker({ "connection.password": "${secretsmanager:prod/db:password}" }),
      workerRes("key.converter=x\nvalue.converter=y"),
    ],
    expect: "non-compliant",
    message:
      "worker configuration aws_mskconnect_worker_configuration.w does not declare config provider(s) secretsmanager (config.providers and its .class)",
  },
]);
