import { describeRule, r } from "../helpers";

const msk = (config: Record<string, string> | string) => [
  r("aws_mskconnect_connector.c", { name: "c", connector_configuration: config }),
];
const confluent = (nonsensitive: Record<string, string>, sensitive: Record<string, string> = {}) => [
  r("confluent_connector.c", {
    environment: { id: "env-1" },
    kafka_cluster: { id: "lkc-1" },
    config_nonsensitive: nonsensitive,
    config_sensitive: sensitive,
  }),
];
const sink = { "connector.class": "SnowflakeSink", topics: "orders.created" };

describeRule("KS-CONN-001", [
  {
    name: "sink with tolerance all and a DLQ",
    resources: msk({ ...sink, "errors.tolerance": "all", "errors.deadletterqueue.topic.name": "dlq" }),
    expect: "compliant",
  },
  { name: "explicit fail-fast", resources: msk({ ...sink, "errors.tolerance": "none" }), expect: "compliant" },
  {
    name: "source with tolerance all (no DLQ for sources)",
    resources: msk({ "connector.class": "JdbcSourceConnector", "errors.tolerance": "all" }),
    expect: "compliant",
  },
  {
    name: "no errors.tolerance fails (MSK Connect)",
    resources: msk(sink),
    expect: "non-compliant",
    message: "connector_configuration does not set errors.tolerance",
  },
  {
    name: "sink dropping records fails",
    resources: msk({ "connector.class": "x", "topics.regex": "orders\\..*", "errors.tolerance": "all" }),
    expect: "non-compliant",
    message:
      "sink connector with errors.tolerance=all has no errors.deadletterqueue.topic.name: failed records are dropped",
  },
  {
    name: "no errors.tolerance fails (Confluent)",
    resources: confluent({ "connector.class": "PostgresCdcSource", name: "pg" }),
    expect: "non-compliant",
    message: "config_nonsensitive does not set errors.tolerance",
  },
  {
    name: "Confluent key in config_sensitive counts",
    resources: confluent(sink, { "errors.tolerance": "none" }),
    expect: "compliant",
  },
  { name: "unresolved configuration is not verifiable", resources: msk("${var.config}"), expect: "not-verifiable" },
]);

describeRule("KS-CONN-002", [
  {
    name: "credentials in config_sensitive",
    resources: confluent(
      { "connector.class": "PostgresCdcSource", "key.converter": "x", "database.user": "u" },
      { "database.password": "p" },
    ),
    expect: "compliant",
  },
  {
    name: "config-provider reference",
    resources: msk({ "connection.password": "${secretsmanager:db:password}" }),
    expect: "compliant",
  },
  {
    name: "settings about credentials are not credentials",
    resources: msk({ "aws.credentials.provider.class": "x", "ssl.keystore.location": "/k" }),
    expect: "compliant",
  },
  {
    name: "password in connector_configuration fails",
    resources: msk({ "connection.password": "hunter2", "aws.secret.access.key": "abc", "snowflake.private.key": "k" }),
    expect: "non-compliant",
    message:
      "connector_configuration holds credentials: aws.secret.access.key, connection.password, snowflake.private.key",
  },
  {
    name: "a key passphrase in connector_configuration fails",
    resources: msk({ "snowflake.private.key.passphrase": "pass" }),
    expect: "non-compliant",
    message: "connector_configuration holds credentials: snowflake.private.key.passphrase",
  },
  {
    name: "password in config_nonsensitive fails",
    resources: confluent({ "kafka.api.key": "ABC", "kafka.api.secret": "xyz" }),
    expect: "non-compliant",
    message: "config_nonsensitive holds credentials: kafka.api.key, kafka.api.secret",
  },
  {
    name: "inline JAAS password fails",
    resources: msk({
      "database.history.consumer.sasl.jaas.config": 'ScramLoginModule required username="u" password="p";',
    }),
    expect: "non-compliant",
    message: "connector_configuration holds credentials: database.history.consumer.sasl.jaas.config",
  },
  {
    name: "Terraform references are still plaintext in state",
    resources: msk({ "connection.password": "${random_password.db.result}" }),
    expect: "non-compliant",
    message: "connector_configuration holds credentials: connection.password (from a Terraform reference)",
  },
]);
