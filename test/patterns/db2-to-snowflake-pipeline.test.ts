import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { TerraformStack, TerraformVariable } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { MskCluster } from "../../lib/msk/msk-cluster";
import { ConfluentCluster } from "../../lib/confluent/confluent-cluster";
import { ConfluentProvider } from "../../lib/providers/confluent/provider";
import { ConnectorSecret } from "../../lib/connect/connector-secret";
import { ConnectPlugin } from "../../lib/connect/connect-plugin";
import { PIPELINE_ALARM_THRESHOLDS } from "../../lib/standards/connect-pipeline";
import { heartbeatSinkQuery } from "../../lib/connect/heartbeat-probe";
import { Db2ToSnowflakePipeline, Db2ToSnowflakePipelineProps } from "../../patterns/db2-to-snowflake-pipeline";
import { resourcesOf, synthApp } from "../helpers";
import { expectError, mskFixture, confluentFixture, sm } from "../connect/helpers";

const plugin = (k: string) => ConnectPlugin.fromS3({ bucketArn: "arn:aws:s3:::plugins", fileKey: k });
const TABLES: Db2ToSnowflakePipelineProps["tables"] = [
  { schema: "SALES", table: "ORDERS", businessKey: ["ORDER_ID"], asnCapture: true, throughputMBps: 40 },
  {
    schema: "SALES",
    table: "CUSTOMERS",
    businessKey: ["CUSTOMER_ID"],
    timestampColumns: ["UPDATED_AT"],
    incrementingColumn: "CUSTOMER_ID",
    personalData: true,
  },
];
const CC_TABLES: Db2ToSnowflakePipelineProps["tables"] = [
  { ...TABLES[0], asnCapture: undefined, timestampColumns: ["UPDATED_AT"], incrementingColumn: "ORDER_ID" },
  TABLES[1],
];
const SNOWFLAKE = {
  url: "xy.eu-west-1.snowflakecomputing.com:443",
  user: "KAFKA",
  privateKey: sm("snowflake_private_key"),
  database: "DWH",
  stagingSchema: "STAGING",
  role: "LOADER",
};
const MSK = {
  vpcId: "vpc-0abc",
  subnetIds: ["subnet-a", "subnet-b"],
  plugins: { debeziumDb2: plugin("db2.zip"), jdbc: plugin("jdbc.zip"), snowflake: plugin("sf.zip") },
};

function mskProps(cluster: MskCluster, extra: Partial<Db2ToSnowflakePipelineProps> = {}): Db2ToSnowflakePipelineProps {
  return {
    name: "dwh",
    cluster,
    domain: "sales",
    region: "eu-west-1",
    recoverySlaHours: 96,
    tables: TABLES,
    db2: { hostname: "db2.internal", databaseName: "SALES", user: "KAFKA", password: sm("db2_password") },
    snowflake: SNOWFLAKE,
    msk: MSK,
    heartbeatTable: "KAFKA_OPS.PIPELINE_HEARTBEAT",
    ...extra,
  };
}

let pipelineMsk!: Db2ToSnowflakePipeline;
const { outdir, stacks } = synthApp((app) => {
  const m = new TerraformStack(app, "m");
  new AwsProvider(m, "aws", { region: "eu-west-1" });
  const cluster = new MskCluster(m, "sales", {
    clusterName: "sales",
    tier: "prod",
    vpcId: "vpc-0abc",
    clientSubnetIds: ["a", "b", "c"],
  });
  pipelineMsk = new Db2ToSnowflakePipeline(m, "Dwh", mskProps(cluster));

  const c = new TerraformStack(app, "c");
  new ConfluentProvider(c, "confluent", {});
  const cc = new ConfluentCluster(c, "sales", {
    clusterName: "sales",
    tier: "prod",
    cloud: "AWS",
    region: "eu-west-1",
  });
  const v = (n: string) =>
    ConnectorSecret.terraformReference(new TerraformVariable(c, n, { type: "string", sensitive: true }).stringValue);
  new Db2ToSnowflakePipeline(c, "Dwh", {
    name: "dwh",
    cluster: cc,
    domain: "sales",
    region: "eu-west-1",
    tables: CC_TABLES,
    db2: {
      hostname: "db2.example.com",
      port: 50001,
      databaseName: "SALES",
      user: "KAFKA",
      password: v("db2_password"),
    },
    snowflake: { ...SNOWFLAKE, privateKey: v("snowflake_private_key") },
    heartbeatTable: "KAFKA_OPS.PIPELINE_HEARTBEAT",
  });
});
const artifact = (stack: string, rel: string) => path.join(outdir, "stacks", stack, "kafka-standards", rel);
const read = (stack: string, rel: string) => fs.readFileSync(artifact(stack, rel), "utf8");

describe("Db2ToSnowflakePipeline on MSK", () => {
  const topics = Object.values<any>(stacks["m-data"].resource.kafka_topic);
  const topic = (name: string) => topics.find((t) => t.name === name);
  const connectors = resourcesOf(stacks["m-connect"], "aws_mskconnect_connector");
  const byName = (n: string) => connectors.find((c) => c.name === n)!.connector_configuration;

  test("topics per table and region: partitions, retention from the SLA, lz4, class, recorded deviation", () => {
    expect(topic("sales.orders.eu-west-1")).toMatchObject({
      partitions: 4,
      replication_factor: 3,
      config: { "compression.type": "lz4", "retention.ms": String(192 * 3_600_000), "min.insync.replicas": "2" },
    });
    expect(topic("sales.orders.eu-west-1")["//"]["kafka-standards"]).toMatchObject({
      class: "events",
      pipeline: "dwh",
      overrides: { retention: "2 × the sink's recovery SLA of 96 h (pipeline dwh)" },
    });
    expect(topic("sales.customers.eu-west-1")["//"]["kafka-standards"].class).toBe("personal");
    expect(topic("sales.dwh-history.eu-west-1")).toMatchObject({ partitions: 1, config: { "retention.ms": "-1" } });
    expect(topic("dlq.dwh-snowflake-sink")["//"]["kafka-standards"].class).toBe("dlq");
  });

  test("connectors and pipeline alarms in the cluster's connect stack, deployed after the topics", () => {
    expect(pipelineMsk.sink.mskConnector?.connectStack.node.id).toBe("m-connect");
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8"));
    expect([...manifest.stacks["m-connect"].dependencies].sort()).toEqual(["m", "m-data"]);
    expect(resourcesOf(stacks.m, "aws_mskconnect_connector")).toEqual([]);
    expect(
      resourcesOf(stacks.m, "aws_cloudwatch_metric_alarm").filter((a) => a["//"]["kafka-standards"].pipeline),
    ).toEqual([]);
  });

  test("CDC where available (Debezium for ORDERS), JDBC timestamp+incrementing for the polled table", () => {
    expect(connectors.map((c) => c.name).sort()).toEqual(["dwh-cdc-source", "dwh-snowflake-sink", "dwh-ts-inc-source"]);
    expect(byName("dwh-cdc-source")).toMatchObject({
      "connector.class": "io.debezium.connector.db2.Db2Connector",
      // The heartbeat goes through the connector of the first capture mode (CDC here).
      "table.include.list": "SALES.ORDERS,KAFKA_OPS.PIPELINE_HEARTBEAT",
      "message.key.columns": "SALES.ORDERS:ORDER_ID;KAFKA_OPS.PIPELINE_HEARTBEAT:PIPELINE",
      "topic.prefix": "dwh",
      "database.password": "$${secretsmanager:prod/sales/pipeline:db2_password}",
    });
    expect(byName("dwh-ts-inc-source")).toMatchObject({
      mode: "timestamp+incrementing",
      "table.include.list": "(.*\\.)?SALES\\.CUSTOMERS",
      "transforms.key_sales_customers_eu_west_1.fields": "CUSTOMER_ID",
    });
    expect([...pipelineMsk.sources.keys()]).toEqual(["cdc", "timestamp+incrementing"]);
  });

  test("the sink: staging schema, streaming, schema evolution, the DLQ, tasks from the partitions (4 + 3 + 1)", () => {
    expect(byName("dwh-snowflake-sink")).toMatchObject({
      "snowflake.schema.name": "STAGING",
      "snowflake.ingestion.method": "SNOWPIPE_STREAMING",
      "snowflake.enable.schematization": "true",
      "snowflake.topic2table.map":
        "sales.orders.eu-west-1:ORDERS,sales.customers.eu-west-1:CUSTOMERS,sales.dwh-heartbeat.eu-west-1:PIPELINE_HEARTBEAT_DWH",
      "errors.deadletterqueue.topic.name": "dlq.dwh-snowflake-sink",
      "tasks.max": "8",
    });
  });

  test("schemas: Avro in the Glue registry <cluster>-<pipeline>, BACKWARD", () => {
    expect(resourcesOf(stacks.m, "aws_glue_registry")[0].registry_name).toBe("sales-prod-dwh");
    for (const c of connectors) expect(c.connector_configuration["value.converter.compatibility"]).toBe("BACKWARD");
  });

  test("alarms: probe lag and latency, dead-letter rate summed over the brokers, failed tasks per connector, sink lag", () => {
    const mine = resourcesOf(stacks["m-connect"], "aws_cloudwatch_metric_alarm").filter(
      (a) => a["//"]["kafka-standards"].pipeline === "dwh",
    );
    expect([...new Set(mine.map((a) => a["//"]["kafka-standards"].alarm))].sort()).toEqual(
      // Throughput against a planned volume belongs to MQ migration flows, not to table pipelines.
      PIPELINE_ALARM_THRESHOLDS.filter((d) => d.id !== "pipeline-sink-lag" && d.id !== "pipeline-throughput-over-plan")
        .map((d) => d.id)
        .sort(),
    );
    const probe = mine.find((a) => a.alarm_name === "dwh-pipeline-source-lag-critical")!;
    expect(probe).toMatchObject({
      namespace: "KafkaStandards/Pipelines",
      metric_name: "SourceLagSeconds",
      dimensions: { Pipeline: "dwh" },
      threshold: 900,
      treat_missing_data: "breaching",
    });
    const dlq = mine.find((a) => a.alarm_name === "dwh-pipeline-dead-letter-rate-warning")!;
    expect(dlq.metric_query.map((q: any) => q.metric?.dimensions?.["Broker ID"] ?? q.expression)).toEqual([
      "1",
      "2",
      "3",
      "m0 + m1 + m2",
    ]);
    expect(dlq.metric_query[0].metric.dimensions.Topic).toBe("dlq.dwh-snowflake-sink");
    // Sink lag: one alarm per lag metric and severity for the connector's group, the largest lag over
    // the topics it reads (metric math over one metric per topic).
    const lag = resourcesOf(stacks.m, "aws_cloudwatch_metric_alarm").filter((a) =>
      (a.metric_query ?? []).some(
        (q: any) => q.metric?.dimensions?.["Consumer Group"] === "connect-dwh-snowflake-sink",
      ),
    );
    expect(lag).toHaveLength(4);
    for (const a of lag) {
      expect(
        a.metric_query
          .filter((q: any) => q.metric)
          .map((q: any) => q.metric.dimensions.Topic)
          .sort(),
      ).toEqual(["sales.customers.eu-west-1", "sales.dwh-heartbeat.eu-west-1", "sales.orders.eu-west-1"]);
      expect(a.metric_query.find((q: any) => q.return_data).expression).toBe("MAX([m0, m1, m2])");
    }
  });

  test("every pipeline alarm's runbook exists and names the alarm", () => {
    const alarms = resourcesOf(stacks["m-connect"], "aws_cloudwatch_metric_alarm").filter(
      (a) => a["//"]["kafka-standards"].pipeline,
    );
    expect(alarms.length).toBeGreaterThanOrEqual(9);
    for (const a of alarms) {
      const link = /Runbook: (\S+\.md)$/.exec(a.alarm_description)![1];
      expect(fs.readFileSync(path.join(outdir, "stacks", "m-connect", link), "utf8")).toContain(`\`${a.alarm_name}\``);
    }
    expect(read("m-connect", "runbooks/dwh-pipeline-source-lag.md")).toContain(
      "SNS topic `sales-prod-alarms-critical`",
    );
  });

  test("the audit passes; connector files are written", () => {
    for (const stack of ["m", "m-data", "m-connect"]) {
      expect(JSON.parse(read(stack, "audit.json")).summary).toMatchObject({ error: 0, warning: 0 });
    }
    expect(fs.readdirSync(artifact("m-connect", "connectors")).sort()).toEqual([
      "dwh-cdc-source.json",
      "dwh-snowflake-sink.json",
      "dwh-ts-inc-source.json",
    ]);
  });

  test("ARCHITECTURE.md draws the pipeline", () => {
    const doc = read("m-connect", "ARCHITECTURE.md");
    expect(doc).toContain("### Pipeline `dwh`");
    expect(doc).toContain('system_Db2_SALES_db2_internal[("Db2 SALES (db2.internal)")]');
    expect(doc).toContain('connector_dwh_snowflake_sink -.->|"failed records"| dlq_dwh_snowflake_sink');
    expect(doc).toContain("| dwh-pipeline-dead-letter-rate-critical | Critical |");
  });
});

describe("Db2ToSnowflakePipeline on Confluent Cloud", () => {
  const connectors = resourcesOf(stacks.c, "confluent_connector");

  test("managed IbmDb2Source (polling) and SnowflakeSink, each with its own service account", () => {
    expect(connectors.map((c) => c.config_nonsensitive["connector.class"]).sort()).toEqual([
      "IbmDb2Source",
      "SnowflakeSink",
    ]);
    for (const c of connectors) expect(c.config_nonsensitive["kafka.auth.mode"]).toBe("SERVICE_ACCOUNT");
    expect(new Set(connectors.map((c) => c.config_nonsensitive["kafka.service.account.id"])).size).toBe(2);
  });

  test("subjects of both topics and the heartbeat with BACKWARD; topics without compression (fixed by the service)", () => {
    expect(
      resourcesOf(stacks.c, "confluent_subject_config")
        .map((s) => s.subject_name)
        .sort(),
    ).toEqual([
      "sales.customers.eu-west-1-key",
      "sales.customers.eu-west-1-value",
      "sales.dwh-heartbeat.eu-west-1-key",
      "sales.dwh-heartbeat.eu-west-1-value",
      "sales.orders.eu-west-1-key",
      "sales.orders.eu-west-1-value",
    ]);
    for (const t of resourcesOf(stacks.c, "confluent_kafka_topic"))
      expect(t.config["compression.type"]).toBeUndefined();
  });

  test("the Prometheus rule file links every alert to a runbook file", () => {
    const rules = read("c", "monitoring/dwh-pipeline-rules.yml");
    const urls = [...rules.matchAll(/runbook_url: "([^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBe(8);
    for (const url of urls) expect(fs.existsSync(path.join(outdir, "stacks", "c", url))).toBe(true);
    expect(rules).toContain('consumer_group_id=~\\"connect-lcc-.*\\"');
    expect(rules).toContain(String.raw`topic=~\"dlq\\\\.dwh-snowflake-sink\"`);
  });

  test("promtool accepts the rule file (when installed)", () => {
    const promtool = [
      "/usr/bin/promtool",
      ...(process.env.PATH ?? "").split(path.delimiter).map((d) => path.join(d, "promtool")),
    ].find((p) => fs.existsSync(p));
    if (!promtool) return;
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "pipeline-rules-"));
    const file = path.join(work, "rules.yml");
    fs.writeFileSync(file, read("c", "monitoring/dwh-pipeline-rules.yml"));
    const run = spawnSync(promtool, ["check", "rules", file], { encoding: "utf8", timeout: 30_000 });
    expect(`${run.stdout}${run.stderr}`).toContain("SUCCESS: 8 rules found");
    fs.rmSync(work, { recursive: true, force: true });
  });

  test("the audit passes", () => {
    expect(JSON.parse(read("c", "audit.json")).summary).toMatchObject({ error: 0, warning: 0 });
  });
});

describe("the heartbeat probe's route and file", () => {
  test("its own topic (1 partition, class events), not in the pipeline's table topics", () => {
    const topic = Object.values<any>(stacks["m-data"].resource.kafka_topic).find(
      (t) => t.name === "sales.dwh-heartbeat.eu-west-1",
    );
    expect(topic).toMatchObject({ partitions: 1, replication_factor: 3 });
    expect(topic["//"]["kafka-standards"]).toMatchObject({ class: "events", pipeline: "dwh" });
    expect(pipelineMsk.heartbeatTopic?.topicName).toBe("sales.dwh-heartbeat.eu-west-1");
    expect([...pipelineMsk.topics.keys()]).toEqual(["SALES.ORDERS", "SALES.CUSTOMERS"]);
  });

  test("MSK: the probe file names the CDC source, the schematized Debezium row in Snowflake and the alarms' metrics", () => {
    expect(JSON.parse(read("m-connect", "probes/dwh-heartbeat.json"))).toEqual({
      format: 1,
      pipeline: "dwh",
      cluster: "sales-prod",
      backend: "msk",
      intervalSeconds: 60,
      source: {
        table: "KAFKA_OPS.PIPELINE_HEARTBEAT",
        jdbcUrl: "jdbc:db2://db2.internal:50000/SALES:sslConnection=true;",
        ddl: "CREATE TABLE KAFKA_OPS.PIPELINE_HEARTBEAT (PIPELINE VARCHAR(128) NOT NULL PRIMARY KEY, BEAT_ID BIGINT NOT NULL, BEAT_AT TIMESTAMP NOT NULL)",
        connector: "dwh-cdc-source",
        capture: "cdc",
      },
      topic: "sales.dwh-heartbeat.eu-west-1",
      sink: {
        table: "DWH.STAGING.PIPELINE_HEARTBEAT_DWH",
        jdbcUrl: "jdbc:snowflake://xy.eu-west-1.snowflakecomputing.com:443/?db=DWH&schema=STAGING&role=LOADER",
        query:
          "SELECT MAX(AFTER:BEAT_ID::NUMBER) FROM DWH.STAGING.PIPELINE_HEARTBEAT_DWH WHERE AFTER:PIPELINE::STRING = ?",
        connector: "dwh-snowflake-sink",
      },
      metrics: {
        namespace: "KafkaStandards/Pipelines",
        dimensions: { Pipeline: "dwh" },
        sourceLag: "SourceLagSeconds",
        endToEndLatency: "EndToEndLatencySeconds",
        prometheus: {
          sourceLag: "kafka_standards_pipeline_source_lag_seconds",
          endToEndLatency: "kafka_standards_pipeline_end_to_end_latency_seconds",
        },
      },
    });
    // The alarms read exactly what the probe publishes.
    const probeFile = JSON.parse(read("m-connect", "probes/dwh-heartbeat.json"));
    const alarms = resourcesOf(stacks["m-connect"], "aws_cloudwatch_metric_alarm").filter(
      (a) => a.namespace === probeFile.metrics.namespace,
    );
    expect(alarms.map((a) => `${a.metric_name}/${JSON.stringify(a.dimensions)}`).sort()).toEqual(
      [
        probeFile.metrics.endToEndLatency,
        probeFile.metrics.endToEndLatency,
        probeFile.metrics.sourceLag,
        probeFile.metrics.sourceLag,
      ].map((m) => `${m}/${JSON.stringify(probeFile.metrics.dimensions)}`),
    );
    expect(read("m-connect", "probes/dwh-heartbeat.md")).toContain("kafka-standards probe --config dwh-heartbeat.json");
  });

  test("Confluent Cloud: the polled row, through the first polling connector", () => {
    const file = JSON.parse(read("c", "probes/dwh-heartbeat.json"));
    expect(file.source).toMatchObject({
      jdbcUrl: "jdbc:db2://db2.example.com:50001/SALES:sslConnection=true;",
      capture: "timestamp+incrementing",
    });
    expect(file.sink.query).toBe("SELECT MAX(BEAT_ID) FROM DWH.STAGING.PIPELINE_HEARTBEAT_DWH WHERE PIPELINE = ?");
    const source = resourcesOf(stacks.c, "confluent_connector").find(
      (c) => c.config_nonsensitive["connector.class"] === "IbmDb2Source",
    )!;
    expect(JSON.stringify(source.config_nonsensitive)).toContain("PIPELINE_HEARTBEAT");
  });

  test.each([
    ["T", "cdc", true, "SELECT MAX(AFTER:BEAT_ID::NUMBER) FROM T WHERE AFTER:PIPELINE::STRING = ?"],
    [
      "T",
      "cdc",
      false,
      "SELECT MAX(RECORD_CONTENT:after:BEAT_ID::NUMBER) FROM T WHERE RECORD_CONTENT:after:PIPELINE::STRING = ?",
    ],
    ["T", "timestamp", true, "SELECT MAX(BEAT_ID) FROM T WHERE PIPELINE = ?"],
    ["T", "bulk", false, "SELECT MAX(RECORD_CONTENT:BEAT_ID::NUMBER) FROM T WHERE RECORD_CONTENT:PIPELINE::STRING = ?"],
  ] as const)("sink query of %s, %s, schematized %s", (table, capture, schematized, query) => {
    expect(heartbeatSinkQuery(table, capture, schematized)).toBe(query);
  });

  test("two pipelines on one cluster share the heartbeat table: each has its own topic and sink table", () => {
    const { stack, cluster } = mskFixture();
    const a = new Db2ToSnowflakePipeline(stack, "A", mskProps(cluster));
    const b = new Db2ToSnowflakePipeline(stack, "B", {
      ...mskProps(cluster),
      name: "crm",
      tables: [{ schema: "CRM", table: "ACCOUNTS", businessKey: ["ACCOUNT_ID"], asnCapture: true }],
    });
    expect([a.heartbeatTopic?.topicName, b.heartbeatTopic?.topicName]).toEqual([
      "sales.dwh-heartbeat.eu-west-1",
      "sales.crm-heartbeat.eu-west-1",
    ]);
    expect([a.plan.heartbeat?.source.snowflakeTable, b.plan.heartbeat?.source.snowflakeTable]).toEqual([
      "PIPELINE_HEARTBEAT_DWH",
      "PIPELINE_HEARTBEAT_CRM",
    ]);
  });

  test("without heartbeatTable, synth warns that the probe alarms have no data", () => {
    const { stack, cluster } = mskFixture();
    const p = new Db2ToSnowflakePipeline(stack, "NoBeat", mskProps(cluster, { heartbeatTable: undefined }));
    const warnings = p.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));
    expect(warnings).toEqual([expect.stringContaining("Pipeline dwh has no heartbeatTable")]);
    expect(p.heartbeatTopic).toBeUndefined();
  });

  test.each([
    ["no schema", "PIPELINE_HEARTBEAT", "<SCHEMA>.<TABLE>"],
    ["three parts", "A.B.C", "<SCHEMA>.<TABLE>"],
    ["not a string", 42, "<SCHEMA>.<TABLE>"],
    ["empty", "", "<SCHEMA>.<TABLE>"],
    ["a pipeline table", "sales.orders", "a table that is not in tables"],
  ])("heartbeatTable %s is refused with KSE-CONN-101", (_n, value, fragment) => {
    const { stack, cluster } = mskFixture();
    expectError(
      () => new Db2ToSnowflakePipeline(stack, "Bad", mskProps(cluster, { heartbeatTable: value as never })),
      "KSE-CONN-101",
      "heartbeatTable",
      fragment,
    );
    expect(stack.node.tryFindChild("Bad")?.node.children.length ?? 0).toBe(0);
  });
});

describe("Db2ToSnowflakePipeline validation (nothing is created on error)", () => {
  test.each([
    [
      "a plugin missing for the CDC tables",
      { msk: { ...MSK, plugins: { snowflake: MSK.plugins.snowflake } } },
      "KSE-CONN-105",
      "msk.plugins.debeziumDb2",
    ],
    ["no MSK settings", { msk: undefined }, "KSE-CONN-105", "{ vpcId, subnetIds, plugins"],
    [
      "a Terraform reference secret on MSK",
      { db2: { hostname: "db2", databaseName: "SALES", user: "K", password: "x" as never } },
      "KSE-CONN-003",
      "db2.password",
    ],
    ["an invalid Snowflake URL", { snowflake: { ...SNOWFLAKE, url: "https://x" } }, "KSE-CONN-015", "account host"],
    [
      "an invalid Db2 host",
      { db2: { hostname: "bad host", databaseName: "SALES", user: "K", password: sm("p") } },
      "KSE-CONN-015",
      "hostname",
    ],
    ["an invalid name", { name: "DWH" }, "KSE-CONN-103", "name"],
  ])("%s", (_n, over, code, fragment) => {
    const { stack, cluster } = mskFixture();
    const before = stack.node.findAll().length;
    expectError(
      () => new Db2ToSnowflakePipeline(stack, "Bad", mskProps(cluster, over as Partial<Db2ToSnowflakePipelineProps>)),
      code,
      fragment,
    );
    expect(stack.node.tryFindChild("Bad")?.node.children.length ?? 0).toBe(0);
    expect(stack.node.findAll().length - 1).toBeLessThanOrEqual(before);
  });

  test("Secrets Manager references on Confluent Cloud, MSK settings on Confluent Cloud", () => {
    const { stack, cluster } = confluentFixture();
    const base = {
      ...mskProps(cluster as never),
      cluster,
      msk: undefined,
      tables: CC_TABLES,
    };
    expectError(
      () => new Db2ToSnowflakePipeline(stack, "A", base),
      "KSE-CONN-004",
      "ConnectorSecret.terraformReference",
    );
    expectError(() => new Db2ToSnowflakePipeline(stack, "B", { ...base, msk: MSK }), "KSE-CONN-019", "no MSK settings");
  });

  test("not a cluster", () => {
    const { stack, cluster } = mskFixture();
    expectError(
      () => new Db2ToSnowflakePipeline(stack, "Bad", { ...mskProps(cluster), cluster: {} as never }),
      "KSE-CONN-019",
      "an MskCluster or a ConfluentCluster",
    );
  });
});
