import { connectorArtifacts, terraformExpressions } from "../../lib/connect/connector-artifacts";

test.each([
  ["${aws_msk_cluster.c.bootstrap_brokers_sasl_iam}", ["${aws_msk_cluster.c.bootstrap_brokers_sasl_iam}"]],
  ["$${secretsmanager:prod/db:password}", []],
  ['${replace(a.b, ":x", ":y")}/t', ['${replace(a.b, ":x", ":y")}']],
  ["plain", []],
])("terraformExpressions(%s)", (value, expected) => expect(terraformExpressions(value)).toEqual(expected));

test("connector files: config as the worker receives it, references, secrets, plugin", () => {
  const doc = {
    resource: {
      aws_mskconnect_connector: {
        c: {
          "//": { "kafka-standards": { pipeline: "dwh", connector: "dwh-source" } },
          connector_configuration: {
            name: "dwh-source",
            "connector.class": "io.debezium.connector.db2.Db2Connector",
            "database.password": "$${secretsmanager:prod/db:password}",
            "schema.history.internal.kafka.bootstrap.servers": "${aws_msk_cluster.c.bootstrap_brokers_sasl_iam}",
          },
        },
      },
      confluent_connector: {
        s: {
          config_nonsensitive: { name: "dwh-sink", "connector.class": "SnowflakeSink" },
          config_sensitive: { "snowflake.private.key": "${var.k}" },
        },
      },
    },
  };
  const [msk, cc] = connectorArtifacts(doc);
  expect(msk).toMatchObject({
    name: "dwh-source",
    backend: "msk-connect",
    resource: "aws_mskconnect_connector.c",
    pipeline: "dwh",
    secretKeys: ["database.password"],
    terraformReferences: {
      "schema.history.internal.kafka.bootstrap.servers": ["${aws_msk_cluster.c.bootstrap_brokers_sasl_iam}"],
    },
    plugin: { artifact: "io.debezium:debezium-connector-db2:3.3.1.Final", onMavenCentral: true },
  });
  expect(msk.config["database.password"]).toBe("${secretsmanager:prod/db:password}");
  expect(msk.plugin!.extras[0]).toBe("com.ibm.db2:jcc");
  expect(cc).toMatchObject({
    name: "dwh-sink",
    backend: "confluent-cloud",
    secretKeys: ["snowflake.private.key"],
    plugin: undefined,
  });
});
