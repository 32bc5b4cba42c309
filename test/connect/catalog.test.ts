import { ConnectorCatalog } from "../../lib/connect/connector-catalog";
import { ConnectorSecret } from "../../lib/connect/connector-secret";
import { snowflakeTableFor } from "../../lib/connect/catalog/snowflake-sink";
import { MIRROR_INTERNAL_TOPICS, replicatedTopicName } from "../../lib/connect/catalog/mirror-maker";
import { expectError, mskFixture, renderContext, sm } from "./helpers";

const { cluster } = mskFixture();
const orders = cluster.addTopic("sales.orders.eu-west-1", { partitions: 6 });
const customers = cluster.addTopic("sales.customers.eu-west-1", { partitions: 3 });
const history = cluster.addTopic("sales.cdc.history", { topicClass: "history", partitions: 1 });
const msk = renderContext("msk");
const cc = renderContext("confluent", {
  converters: { format: "schema-registry", managedDataFormat: "AVRO", converterConfig: {} },
});

const db2 = { hostname: "db2.internal", databaseName: "SALES", user: "KAFKA", password: sm("db2_password") };

describe("debeziumDb2Source", () => {
  const def = ConnectorCatalog.debeziumDb2Source({
    ...db2,
    topicPrefix: "sales",
    historyTopic: history,
    tables: [{ schema: "SALES", table: "ORDERS", topic: orders, keyColumns: ["ORDER_ID"] }],
  });
  const r = def.render(msk);

  test.each([
    ["database.hostname", "db2.internal"],
    ["database.port", "50000"],
    ["database.dbname", "SALES"],
    ["database.user", "KAFKA"],
    ["topic.prefix", "sales"],
    ["table.include.list", "SALES.ORDERS"],
    ["snapshot.mode", "initial"],
    ["db2.platform", "LUW"],
    ["cdc.control.schema", "ASNCDC"],
    ["cdc.change.tables.schema", "ASNCDC"],
    ["include.schema.changes", "false"],
    ["message.key.columns", "SALES.ORDERS:ORDER_ID"],
    ["driver.sslConnection", "true"],
    ["schema.history.internal.kafka.topic", "sales.cdc.history"],
    ["schema.history.internal.kafka.bootstrap.servers", "b-1:9098"],
    ["schema.history.internal.producer.sasl.mechanism", "AWS_MSK_IAM"],
    ["schema.history.internal.consumer.security.protocol", "SASL_SSL"],
    ["transforms.route_sales_orders_eu_west_1.regex", "sales\\.SALES\\.ORDERS"],
    ["transforms.route_sales_orders_eu_west_1.replacement", "sales.orders.eu-west-1"],
    ["transforms.route_sales_orders_eu_west_1.type", "org.apache.kafka.connect.transforms.RegexRouter"],
  ])("%s = %s", (key, value) => expect(r.config[key]).toBe(value));

  test("class, one task at most (Db2Connector refuses more), password as a secret, history grants", () => {
    expect(r.connectorClass).toBe("io.debezium.connector.db2.Db2Connector");
    expect([r.maxTasks, r.defaultTasks]).toEqual([1, 1]);
    expect(Object.keys(r.secrets)).toEqual(["database.password"]);
    expect(r.config["database.password"]).toBeUndefined();
    expect(r.internalTopics).toEqual([{ name: "sales.cdc.history", create: false, access: "read-write" }]);
    expect(r.groups).toEqual(["sales-schemahistory"]);
  });

  test("tls: false drops the driver's TLS flag", () => {
    const plain = ConnectorCatalog.debeziumDb2Source({
      ...db2,
      tls: false,
      topicPrefix: "sales",
      historyTopic: history,
      tables: [{ schema: "SALES", table: "ORDERS", topic: orders }],
    }).render(msk);
    expect(plain.config["driver.sslConnection"]).toBeUndefined();
    expect(plain.config["message.key.columns"]).toBeUndefined();
  });

  test("MSK only: Confluent Cloud has no managed Db2 CDC connector", () => {
    expectError(() => def.render(cc), "KSE-CONN-008", "debezium-db2-source on confluent", "jdbcSource");
  });

  test.each([
    ["hostname", { hostname: "bad host!" }, "hostname"],
    ["databaseName", { databaseName: "1BAD" }, "databaseName"],
    ["port", { port: 70000 }, "an integer from 1 to 65535"],
    ["snapshotMode", { snapshotMode: "sometimes" }, "always, initial"],
    ["topicPrefix", { topicPrefix: "a b" }, "topicPrefix"],
    ["tables", { tables: [] }, "at least one { schema, table, topic }"],
    ["duplicate table", { tables: [1, 2].map(() => ({ schema: "S", table: "T", topic: orders })) }, "each table once"],
    ["historyTopic", { historyTopic: "sales.cdc.history" }, "a KafkaTopic of class history"],
  ])("refuses an invalid %s", (_n, over, fragment) => {
    expectError(
      () =>
        ConnectorCatalog.debeziumDb2Source({
          ...db2,
          topicPrefix: "sales",
          historyTopic: history,
          tables: [{ schema: "SALES", table: "ORDERS", topic: orders }],
          ...(over as object),
        }),
      "KSE-CONN-015",
      fragment,
    );
  });
});

describe("jdbcSource", () => {
  const tables = [
    {
      schema: "SALES",
      table: "ORDERS",
      topic: orders,
      keyColumns: ["ORDER_ID"],
      timestampColumns: ["UPDATED_AT"],
      incrementingColumn: "ID",
    },
    {
      schema: "SALES",
      table: "CUSTOMERS",
      topic: customers,
      timestampColumns: ["UPDATED_AT", "CREATED_AT"],
      incrementingColumn: "ID",
    },
  ];
  const def = ConnectorCatalog.jdbcSource({
    ...db2,
    mode: "timestamp+incrementing",
    tables,
    pollIntervalMs: 10000,
    batchMaxRows: 500,
  });

  describe("MSK Connect (Confluent JDBC source 10.9.7)", () => {
    const r = def.render(msk);
    test.each([
      ["connection.url", "jdbc:db2://db2.internal:50000/SALES:sslConnection=true;"],
      ["connection.user", "KAFKA"],
      ["mode", "timestamp+incrementing"],
      ["table.include.list", "(.*\\.)?SALES\\.ORDERS,(.*\\.)?SALES\\.CUSTOMERS"],
      [
        "timestamp.columns.mapping",
        "(.*\\.)?SALES\\.ORDERS:[UPDATED_AT],(.*\\.)?SALES\\.CUSTOMERS:[UPDATED_AT|CREATED_AT]",
      ],
      ["incrementing.column.mapping", "(.*\\.)?SALES\\.ORDERS:ID,(.*\\.)?SALES\\.CUSTOMERS:ID"],
      ["schema.pattern", "SALES"],
      ["topic.prefix", "sales-connector."],
      ["numeric.mapping", "best_fit"],
      ["db.timezone", "UTC"],
      ["poll.interval.ms", "10000"],
      ["batch.max.rows", "500"],
      ["transforms", "route_sales_orders_eu_west_1,route_sales_customers_eu_west_1,key_sales_orders_eu_west_1"],
      ["transforms.route_sales_customers_eu_west_1.regex", "sales-connector\\.CUSTOMERS"],
      ["transforms.key_sales_orders_eu_west_1.type", "org.apache.kafka.connect.transforms.ValueToKey"],
      ["transforms.key_sales_orders_eu_west_1.fields", "ORDER_ID"],
      ["transforms.key_sales_orders_eu_west_1.predicate", "is_sales_orders_eu_west_1"],
      ["predicates.is_sales_orders_eu_west_1.type", "org.apache.kafka.connect.transforms.predicates.TopicNameMatches"],
      ["predicates.is_sales_orders_eu_west_1.pattern", "sales\\.orders\\.eu-west-1"],
    ])("%s = %s", (key, value) => expect(r.config[key]).toBe(value));

    test("class, one task per table, password secret", () => {
      expect(r.connectorClass).toBe("io.confluent.connect.jdbc.JdbcSourceConnector");
      expect([r.defaultTasks, r.maxTasks]).toEqual([2, 2]);
      expect(Object.keys(r.secrets)).toEqual(["connection.password"]);
    });
  });

  describe("Confluent Cloud (IbmDb2Source)", () => {
    const r = def.render(cc);
    test.each([
      ["connection.host", "db2.internal"],
      ["connection.port", "50000"],
      ["db.name", "SALES"],
      ["ssl.mode", "require"],
      ["output.data.format", "AVRO"],
      ["mode", "timestamp+incrementing"],
      ["transforms.route_sales_orders_eu_west_1.type", "io.confluent.connect.cloud.transforms.TopicRegexRouter"],
    ])("%s = %s", (key, value) => expect(r.config[key]).toBe(value));

    test("managed class and data formats instead of converters; no JDBC URL", () => {
      expect(r.connectorClass).toBe("IbmDb2Source");
      expect(r.usesManagedDataFormats).toBe(true);
      expect(r.config["connection.url"]).toBeUndefined();
    });
  });

  test.each([
    ["mode", { mode: "cdc" }, "KSE-CONN-015", "bulk, incrementing, timestamp, timestamp+incrementing"],
    ["timestamp columns", { tables: [{ schema: "S", table: "T", topic: orders }] }, "KSE-CONN-015", "timestamp column"],
    [
      "incrementing column",
      { mode: "incrementing", tables: [{ schema: "S", table: "T", topic: orders }] },
      "KSE-CONN-015",
      "strictly increasing",
    ],
    [
      "same table name in two schemas",
      {
        mode: "bulk",
        tables: [
          { schema: "A", table: "T", topic: orders },
          { schema: "B", table: "T", topic: customers },
        ],
      },
      "KSE-CONN-015",
      "distinct names",
    ],
  ])("refuses %s", (_n, over, code, fragment) => {
    expectError(
      () => ConnectorCatalog.jdbcSource({ ...db2, mode: "timestamp+incrementing", tables, ...(over as object) }),
      code,
      fragment,
    );
  });
});

describe("snowflakeSink", () => {
  const base = {
    topics: [{ topic: orders }, { topic: customers, table: "CUSTOMERS" }],
    url: "xy12345.eu-west-1.snowflakecomputing.com:443",
    user: "KAFKA",
    privateKey: sm("snowflake_private_key"),
    database: "DWH",
    schema: "STAGING",
    role: "KAFKA_LOADER",
  };
  const r = ConnectorCatalog.snowflakeSink({ ...base, bufferFlushSeconds: 5, bufferCountRecords: 5000 }).render(msk);

  test.each([
    ["topics", "sales.orders.eu-west-1,sales.customers.eu-west-1"],
    ["snowflake.topic2table.map", "sales.orders.eu-west-1:SALES_ORDERS_EU_WEST_1,sales.customers.eu-west-1:CUSTOMERS"],
    ["snowflake.url.name", "xy12345.eu-west-1.snowflakecomputing.com:443"],
    ["snowflake.user.name", "KAFKA"],
    ["snowflake.database.name", "DWH"],
    ["snowflake.schema.name", "STAGING"],
    ["snowflake.role.name", "KAFKA_LOADER"],
    ["snowflake.ingestion.method", "SNOWPIPE_STREAMING"],
    ["snowflake.enable.schematization", "true"],
    ["buffer.flush.time", "5"],
    ["buffer.count.records", "5000"],
  ])("%s = %s", (key, value) => expect(r.config[key]).toBe(value));

  test("tasks from the partitions (6 + 3), key as a secret", () => {
    expect(r.connectorClass).toBe("com.snowflake.kafka.connector.SnowflakeSinkConnector");
    expect([r.defaultTasks, r.maxTasks]).toEqual([9, 9]);
    expect(Object.keys(r.secrets)).toEqual(["snowflake.private.key"]);
  });

  test("Snowpipe: no schematization key, staged files flushed no faster than 10 s", () => {
    const snowpipe = ConnectorCatalog.snowflakeSink({ ...base, ingestion: "SNOWPIPE", bufferFlushSeconds: 60 }).render(
      msk,
    );
    expect(snowpipe.config["snowflake.ingestion.method"]).toBe("SNOWPIPE");
    expect(snowpipe.config["snowflake.enable.schematization"]).toBeUndefined();
    expectError(
      () => ConnectorCatalog.snowflakeSink({ ...base, ingestion: "SNOWPIPE", bufferFlushSeconds: 5 }),
      "KSE-CONN-015",
      "bufferFlushSeconds",
      "from 10",
    );
  });

  test("Confluent Cloud: SnowflakeSink with its input format", () => {
    const managed = ConnectorCatalog.snowflakeSink(base).render(cc);
    expect(managed.connectorClass).toBe("SnowflakeSink");
    expect(managed.config["input.data.format"]).toBe("AVRO");
  });

  test("schema evolution needs a schema-carrying converter", () => {
    expectError(
      () =>
        ConnectorCatalog.snowflakeSink(base).render(
          renderContext("msk", { converters: { format: "bytes", managedDataFormat: "BYTES", converterConfig: {} } }),
        ),
      "KSE-CONN-015",
      "schemaEvolution",
    );
  });

  test.each([
    ["schema evolution with Snowpipe", { ingestion: "SNOWPIPE", schemaEvolution: true }, "SNOWPIPE_STREAMING only"],
    ["client lag with Snowpipe", { ingestion: "SNOWPIPE", maxClientLagSeconds: 10 }, "SNOWPIPE_STREAMING only"],
    ["table name", { topics: [{ topic: orders, table: "1BAD" }] }, "unquoted Snowflake identifier"],
    ["no topics", { topics: [] }, "at least one { topic }"],
    ["url", { url: "https://x" }, "account host"],
    ["ingestion", { ingestion: "KAFKA" }, "SNOWPIPE_STREAMING, SNOWPIPE"],
  ])("refuses %s", (_n, over, fragment) => {
    expectError(() => ConnectorCatalog.snowflakeSink({ ...base, ...(over as object) }), "KSE-CONN-015", fragment);
  });

  test("default table of a topic", () =>
    expect(snowflakeTableFor("sales.orders.eu-west-1")).toBe("SALES_ORDERS_EU_WEST_1"));
});

describe("MirrorMaker 2", () => {
  const source = {
    alias: "primary",
    bootstrapServers: "p-1:9098",
    clusterArn: "arn:aws:kafka:eu-west-1:1:cluster/p/u",
  };

  test("MirrorSourceConnector: identity naming, RF 3, offset syncs on the target, no ACL sync, bytes", () => {
    const r = ConnectorCatalog.mirrorSource({
      source,
      targetAlias: "dr",
      topics: ["sales.orders", "sales.customers"],
    }).render(msk);
    expect(r.connectorClass).toBe("org.apache.kafka.connect.mirror.MirrorSourceConnector");
    expect(r.config).toMatchObject({
      "source.cluster.alias": "primary",
      "target.cluster.alias": "dr",
      "source.cluster.bootstrap.servers": "p-1:9098",
      "target.cluster.bootstrap.servers": "b-1:9098",
      "source.cluster.sasl.mechanism": "AWS_MSK_IAM",
      "target.cluster.security.protocol": "SASL_SSL",
      "replication.policy.class": "org.apache.kafka.connect.mirror.IdentityReplicationPolicy",
      topics: "sales\\.orders,sales\\.customers",
      "replication.factor": "3",
      "offset-syncs.topic.replication.factor": "3",
      "offset-syncs.topic.location": "target",
      "sync.topic.acls.enabled": "false",
    });
    expect(r.fixedConverters).toEqual({
      "key.converter": "org.apache.kafka.connect.converters.ByteArrayConverter",
      "value.converter": "org.apache.kafka.connect.converters.ByteArrayConverter",
      "header.converter": "org.apache.kafka.connect.converters.ByteArrayConverter",
    });
    expect(r.defaultTasks).toBe(2);
    expect(r.internalTopics.map((t) => t.name)).toEqual([
      "sales.orders",
      "sales.customers",
      // With offset-syncs.topic.location=target the topic is named after the SOURCE's alias
      // (MirrorSourceConfig.offsetSyncsTopic(); seen on real brokers by test/integration/dr.sh).
      "mm2-offset-syncs.primary.internal",
    ]);
    expect(r.remoteClusters).toEqual([
      {
        clusterArn: source.clusterArn,
        readTopics: ["sales.orders", "sales.customers"],
        writeTopics: [],
        describeGroups: [],
      },
    ]);
  });

  test("MirrorCheckpointConnector syncs group offsets; MirrorHeartbeatConnector writes heartbeats", () => {
    const cp = ConnectorCatalog.mirrorCheckpoint({
      source,
      targetAlias: "dr",
      groups: ["billing"],
      topics: ["sales.orders"],
    }).render(msk);
    expect(cp.config).toMatchObject({
      groups: "billing",
      "sync.group.offsets.enabled": "true",
      "emit.checkpoints.interval.seconds": "20",
      "checkpoints.topic.replication.factor": "3",
    });
    // Not declared by the checkpoint connector's ConfigDef: refused by the worker's validation.
    expect(cp.config.topics).toBeUndefined();
    expect(cp.groups).toEqual(["billing"]);
    const hb = ConnectorCatalog.mirrorHeartbeat({ source, targetAlias: "dr" }).render(msk);
    expect(hb.config["heartbeats.topic.replication.factor"]).toBe("3");
    expect(hb.internalTopics).toEqual([{ name: MIRROR_INTERNAL_TOPICS.heartbeats, create: true, access: "write" }]);
  });

  test("prefixed naming", () => {
    expect(replicatedTopicName("prefixed", "primary", "sales.orders")).toBe("primary.sales.orders");
    const r = ConnectorCatalog.mirrorSource({
      source,
      targetAlias: "dr",
      topics: ["a"],
      replicationPolicy: "prefixed",
    }).render(msk);
    expect(r.config["replication.policy.class"]).toBe("org.apache.kafka.connect.mirror.DefaultReplicationPolicy");
  });

  test.each([
    ["same alias", { targetAlias: "primary" }, "an alias other than the source's"],
    ["no topics", { topics: [] }, "at least one exact name"],
    ["source ARN", { source: { ...source, clusterArn: "x" } }, "an MSK cluster ARN"],
  ])("refuses %s", (_n, over, fragment) => {
    expectError(
      () => ConnectorCatalog.mirrorSource({ source, targetAlias: "dr", topics: ["a"], ...(over as object) }),
      "KSE-CONN-015",
      fragment,
    );
  });

  test("not on Confluent Cloud (cluster links)", () => {
    expectError(
      () => ConnectorCatalog.mirrorHeartbeat({ source, targetAlias: "dr" }).render(cc),
      "KSE-CONN-008",
      "ConfluentDrPair",
    );
  });
});

describe("IBM MQ", () => {
  const mq = {
    queueManager: "QM1",
    connections: [{ host: "mq1.internal" }, { host: "mq2.internal", port: 1415 }],
    channel: "KAFKA.SVRCONN",
    queue: "ORDERS.IN",
    user: "kafka",
    password: sm("mq_password"),
    tls: { cipherSuite: "TLS_AES_256_GCM_SHA384" },
  };

  test("source, open-source keys (MSK Connect)", () => {
    const r = ConnectorCatalog.ibmMqSource({ ...mq, topic: orders, keyHeader: "JMSMessageID" }).render(msk);
    expect(r.connectorClass).toBe("com.ibm.eventstreams.connect.mqsource.MQSourceConnector");
    expect(r.config).toEqual({
      topic: "sales.orders.eu-west-1",
      "mq.queue.manager": "QM1",
      "mq.connection.mode": "client",
      "mq.connection.name.list": "mq1.internal(1414),mq2.internal(1415)",
      "mq.channel.name": "KAFKA.SVRCONN",
      "mq.queue": "ORDERS.IN",
      "mq.record.builder": "com.ibm.eventstreams.connect.mqsource.builders.DefaultRecordBuilder",
      "mq.record.builder.key.header": "JMSMessageID",
      "mq.user.name": "kafka",
      "mq.ssl.cipher.suite": "TLS_AES_256_GCM_SHA384",
    });
    expect(Object.keys(r.secrets)).toEqual(["mq.password"]);
  });

  test("source, Confluent Cloud's IbmMQSource keys (jms.destination.name, kafka.topic, mq.hostname)", () => {
    const r = ConnectorCatalog.ibmMqSource({ ...mq, connections: [{ host: "mq1.internal" }], topic: orders }).render(
      cc,
    );
    expect(r.connectorClass).toBe("IbmMQSource");
    expect(r.config).toMatchObject({
      "kafka.topic": "sales.orders.eu-west-1",
      "jms.destination.name": "ORDERS.IN",
      "jms.destination.type": "queue",
      "mq.hostname": "mq1.internal",
      "mq.port": "1414",
      "mq.channel": "KAFKA.SVRCONN",
      "mq.username": "kafka",
    });
  });

  test("sink: persistent messages, tasks up to the partitions (IBM's open-source sink on MSK Connect)", () => {
    const def = ConnectorCatalog.ibmMqSink({ ...mq, topics: [orders] });
    const r = def.render(msk);
    expect(r.connectorClass).toBe("com.ibm.eventstreams.connect.mqsink.MQSinkConnector");
    expect(r.config["mq.persistent"]).toBe("true");
    expect(r.config.topics).toBe("sales.orders.eu-west-1");
    expect(r.config["mq.queue"]).toBe("ORDERS.IN");
    expect(r.config["mq.message.builder.key.header"]).toBeUndefined();
    expect([r.defaultTasks, r.maxTasks]).toEqual([1, 6]);
  });

  test("sink on Confluent Cloud: the managed IbmMqSink with JMS destination keys", () => {
    const r = ConnectorCatalog.ibmMqSink({
      ...mq,
      connections: [{ host: "mq1.internal" }],
      topics: [orders],
      keyHeader: "JMSCorrelationID",
    }).render(cc);
    expect(r.connectorClass).toBe("IbmMqSink");
    expect(r.usesManagedDataFormats).toBe(true);
    expect(r.config).toEqual({
      topics: "sales.orders.eu-west-1",
      "input.data.format": cc.converters.managedDataFormat,
      "jms.destination.name": "ORDERS.IN",
      "jms.destination.type": "queue",
      "mq.queue.manager": mq.queueManager,
      "mq.channel": "KAFKA.SVRCONN",
      "mq.hostname": "mq1.internal",
      "mq.port": "1414",
      "jms.forward.kafka.key": "true",
      "mq.username": "kafka",
      "mq.ssl.cipher.suite": mq.tls.cipherSuite,
    });
    expect(Object.keys(r.secrets)).toEqual(["mq.password"]);
  });

  test("sink key header: JMSCorrelationID from the record key on MSK Connect", () => {
    const r = ConnectorCatalog.ibmMqSink({ ...mq, topics: [orders], keyHeader: "JMSCorrelationID" }).render(msk);
    expect(r.config["mq.message.builder.key.header"]).toBe("JMSCorrelationID");
  });

  test.each([
    [
      "a second listener",
      { connections: [{ host: "mq1.internal" }, { host: "mq2.internal" }] },
      "exactly one listener",
    ],
    ["non-persistent messages", { connections: [{ host: "mq1.internal" }], persistent: false }, "persistent messages"],
  ])("throws KSE-CONN-015 for a managed sink with %s", (_what, extra, message) => {
    const def = ConnectorCatalog.ibmMqSink({ ...mq, topics: [orders], ...extra });
    expectError(() => def.render(cc), "KSE-CONN-015", message);
  });

  test("throws KSE-CONN-015 for a sink key header other than JMSCorrelationID", () => {
    expectError(
      () => ConnectorCatalog.ibmMqSink({ ...mq, topics: [orders], keyHeader: "JMSMessageID" as "JMSCorrelationID" }),
      "KSE-CONN-015",
      "JMSCorrelationID",
    );
  });

  test("an unencrypted channel takes a reason, recorded as a weakening of KS-CONN-005", () => {
    expectError(
      () => ConnectorCatalog.ibmMqSource({ ...mq, tls: undefined, topic: orders }),
      "KSE-CONN-015",
      "plaintext: { reason }",
    );
    const r = ConnectorCatalog.ibmMqSource({
      ...mq,
      tls: undefined,
      plaintext: { reason: "lab queue manager without TLS until Q3" },
      topic: orders,
    }).render(msk);
    expect(r.weakenings).toEqual([
      { prop: "plaintext", reason: "lab queue manager without TLS until Q3", rules: ["KS-CONN-005"] },
    ]);
    expect(r.config["mq.ssl.cipher.suite"]).toBeUndefined();
  });

  test("a literal password is refused", () => {
    expectError(
      () =>
        ConnectorCatalog.ibmMqSource({
          ...mq,
          password: "hunter2" as unknown as ConnectorSecret,
          topic: orders,
        }).render(msk),
      "KSE-CONN-003",
      "<literal string, value hidden>",
    );
  });
});
