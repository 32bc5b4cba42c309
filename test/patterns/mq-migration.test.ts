import * as fs from "fs";
import * as path from "path";
import { TerraformStack, TerraformVariable } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { MskCluster } from "../../lib/msk/msk-cluster";
import { ConfluentCluster } from "../../lib/confluent/confluent-cluster";
import { ConfluentProvider } from "../../lib/providers/confluent/provider";
import { ConnectorSecret } from "../../lib/connect/connector-secret";
import { ConnectPlugin } from "../../lib/connect/connect-plugin";
import { MqFlow } from "../../lib/connect/mq-migration-plan";
import { KafkaTopic } from "../../lib/topic/kafka-topic";
import { MqMigration, MqMigrationProps } from "../../patterns/mq-migration";
import { resourcesOf, synthApp } from "../helpers";
import { expectError, mskFixture, confluentFixture, sm } from "../connect/helpers";

const plugin = (k: string) => ConnectPlugin.fromS3({ bucketArn: "arn:aws:s3:::plugins", fileKey: k });
const FLOWS: readonly MqFlow[] = [
  {
    name: "payments",
    queue: "PAYMENTS.IN",
    legacyQueue: "PAYMENTS.IN.LEGACY",
    volumeMessagesPerSecond: 2000,
    messageSizeBytes: 4096,
    ordering: "key",
    orderingKey: "JMSCorrelationID",
    exchange: "fire-and-forget",
    consumers: [
      { name: "ledger", migrated: true },
      { name: "fraud", migrated: false },
    ],
    phase: "coexistence",
  },
  {
    name: "fx-quotes",
    queue: "FX.QUOTE.REQUEST",
    replyQueue: "FX.QUOTE.REPLY",
    volumeMessagesPerSecond: 200,
    messageSizeBytes: 1024,
    ordering: "none",
    exchange: "request-reply",
    consumers: [{ name: "pricing", migrated: true }],
    phase: "coexistence",
  },
  {
    name: "settlements",
    queue: "SETTLEMENT.BATCH",
    volumeMessagesPerSecond: 20,
    messageSizeBytes: 16384,
    ordering: "queue",
    exchange: "fire-and-forget",
    consumers: [{ name: "clearing", migrated: true }],
    phase: "switched",
  },
];
const MQ = {
  queueManager: "QM1",
  connections: [{ host: "mq1.internal", port: 1414 }],
  channel: "KAFKA.SVRCONN",
  user: "kafka",
  tls: { cipherSuite: "TLS_AES_256_GCM_SHA384" },
};
const MSK = {
  vpcId: "vpc-0abc",
  subnetIds: ["subnet-a", "subnet-b"],
  plugins: { mqSource: plugin("mq-source.zip"), mqSink: plugin("mq-sink.zip") },
};

function mskProps(cluster: MskCluster, extra: Partial<MqMigrationProps> = {}): MqMigrationProps {
  return {
    name: "pay",
    cluster,
    domain: "payments",
    region: "eu-west-1",
    flows: FLOWS,
    mq: { ...MQ, password: sm("mq_password") },
    msk: MSK,
    ...extra,
  };
}

const { outdir, stacks } = synthApp((app) => {
  const m = new TerraformStack(app, "m");
  new AwsProvider(m, "aws", { region: "eu-west-1" });
  const cluster = new MskCluster(m, "payments", {
    clusterName: "payments",
    tier: "prod",
    vpcId: "vpc-0abc",
    clientSubnetIds: ["a", "b", "c"],
    enhancedMonitoring: "PER_TOPIC_PER_BROKER",
  });
  new MqMigration(m, "Pay", mskProps(cluster));

  const c = new TerraformStack(app, "c");
  new ConfluentProvider(c, "confluent", {});
  const cc = new ConfluentCluster(c, "payments", {
    clusterName: "payments",
    tier: "prod",
    cloud: "AWS",
    region: "eu-west-1",
  });
  new MqMigration(c, "Pay", {
    name: "pay",
    cluster: cc,
    domain: "payments",
    region: "eu-west-1",
    flows: FLOWS,
    mq: {
      ...MQ,
      password: ConnectorSecret.terraformReference(
        new TerraformVariable(c, "mq_password", { type: "string", sensitive: true }).stringValue,
      ),
    },
  });
});
const read = (stack: string, rel: string) =>
  fs.readFileSync(path.join(outdir, "stacks", stack, "kafka-standards", rel), "utf8");

describe("MqMigration on MSK Connect (IBM's open-source connectors)", () => {
  const topics = Object.values<any>(stacks["m-data"].resource.kafka_topic);
  const topic = (name: string) => topics.find((t) => t.name === name);
  const connectors = resourcesOf(stacks["m-connect"], "aws_mskconnect_connector");
  const config = (n: string) => connectors.find((c) => c.name === n)!.connector_configuration;

  test("a topic per flow (and its replies), partitions from volume × size, one for strict order, phase recorded", () => {
    expect(topic("payments.payments.eu-west-1")).toMatchObject({ partitions: 3, replication_factor: 3 });
    expect(topic("payments.fx-quotes-reply.eu-west-1").partitions).toBe(3);
    expect(topic("payments.settlements.eu-west-1").partitions).toBe(1);
    expect(topic("payments.payments.eu-west-1")["//"]["kafka-standards"]).toMatchObject({
      class: "events",
      pipeline: "pay-payments",
      migrationPhase: "coexistence",
    });
  });

  test("connectors of the flows' phases only (none for the switched flow)", () => {
    expect(connectors.map((c) => c.name).sort()).toEqual([
      "pay-fx-quotes-mq-source",
      "pay-fx-quotes-reply-sink",
      "pay-payments-mq-sink",
      "pay-payments-mq-source",
    ]);
  });

  test("open-source key names: mq.queue + topic, key header, connection name list, secret from Secrets Manager", () => {
    expect(config("pay-payments-mq-source")).toMatchObject({
      "connector.class": "com.ibm.eventstreams.connect.mqsource.MQSourceConnector",
      "mq.queue.manager": "QM1",
      "mq.connection.name.list": "mq1.internal(1414)",
      "mq.channel.name": "KAFKA.SVRCONN",
      "mq.queue": "PAYMENTS.IN",
      topic: "payments.payments.eu-west-1",
      "mq.record.builder.key.header": "JMSCorrelationID",
      "mq.password": "$${secretsmanager:prod/sales/pipeline:mq_password}",
      "tasks.max": "1",
    });
    expect(config("pay-payments-mq-sink")).toMatchObject({
      "connector.class": "com.ibm.eventstreams.connect.mqsink.MQSinkConnector",
      topics: "payments.payments.eu-west-1",
      "mq.queue": "PAYMENTS.IN.LEGACY",
      "mq.persistent": "true",
      "errors.deadletterqueue.topic.name": "dlq.pay-payments-mq-sink",
    });
    expect(config("pay-fx-quotes-mq-source")["mq.record.builder.key.header"]).toBe("JMSMessageID");
    expect(config("pay-fx-quotes-reply-sink")).toMatchObject({
      topics: "payments.fx-quotes-reply.eu-west-1",
      "mq.queue": "FX.QUOTE.REPLY",
      "mq.message.builder.key.header": "JMSCorrelationID",
    });
  });

  test("alarms per flow: MQ lag where a source runs, throughput ÷ planned volume, dead letters of the sinks", () => {
    const alarms = resourcesOf(stacks["m-connect"], "aws_cloudwatch_metric_alarm").filter((a) =>
      String(a["//"]["kafka-standards"].pipeline ?? "").startsWith("pay-"),
    );
    const ids = (p: string) =>
      [
        ...new Set(
          alarms.filter((a) => a["//"]["kafka-standards"].pipeline === p).map((a) => a["//"]["kafka-standards"].alarm),
        ),
      ].sort();
    expect(ids("pay-payments")).toEqual([
      "pipeline-connector-failed-tasks",
      "pipeline-dead-letter-rate",
      "pipeline-source-lag",
      "pipeline-throughput-over-plan",
    ]);
    expect(ids("pay-settlements")).toEqual(["pipeline-throughput-over-plan"]);
    const tp = alarms.find((a) => a.alarm_name === "pay-payments-pipeline-throughput-over-plan-critical")!;
    expect(tp.threshold).toBe(2);
    expect(tp.metric_query.at(-1).expression).toBe("(m0 + m1 + m2) / 2000");
    const lag = alarms.find((a) => a.alarm_name === "pay-payments-pipeline-source-lag-warning")!;
    expect(lag).toMatchObject({ metric_name: "SourceLagSeconds", dimensions: { Pipeline: "pay-payments" } });
  });

  test("the plan document and a runbook per flow alarm", () => {
    const doc = read("m", "MQ-MIGRATION-pay.md");
    expect(doc).toContain("# MQ migration pay: plan");
    expect(doc).toContain("(MSK Connect, cluster payments-prod, queue manager QM1)");
    expect(read("m-connect", "runbooks/pay-payments-pipeline-throughput-over-plan.md")).toContain(
      "more messages per second than the migration inventory declared",
    );
  });
});

describe("MqMigration on Confluent Cloud (managed IbmMQSource / IbmMqSink)", () => {
  const connectors = resourcesOf(stacks.c, "confluent_connector");
  const config = (n: string) => connectors.find((c) => c.config_nonsensitive.name === n)!;

  test("managed key names: jms.destination.name + kafka.topic, mq.hostname/mq.port, password only in config_sensitive", () => {
    expect(config("pay-payments-mq-source").config_nonsensitive).toMatchObject({
      "connector.class": "IbmMQSource",
      "kafka.topic": "payments.payments.eu-west-1",
      "jms.destination.name": "PAYMENTS.IN",
      "jms.destination.type": "queue",
      "mq.hostname": "mq1.internal",
      "mq.port": "1414",
      "mq.channel": "KAFKA.SVRCONN",
    });
    expect(config("pay-payments-mq-source").config_nonsensitive["mq.queue"]).toBeUndefined();
    expect(Object.keys(config("pay-payments-mq-source").config_sensitive)).toEqual(["mq.password"]);
    expect(config("pay-fx-quotes-reply-sink").config_nonsensitive).toMatchObject({
      "connector.class": "IbmMqSink",
      topics: "payments.fx-quotes-reply.eu-west-1",
      "jms.destination.name": "FX.QUOTE.REPLY",
      "jms.forward.kafka.key": "true",
    });
  });

  test("Prometheus rules per flow with the throughput alert against the inventory's volume", () => {
    const rules = read("c", "monitoring/pay-payments-pipeline-rules.yml");
    expect(rules).toContain("/ 60 / 2000 > 1.5");
    expect(rules).toMatch(/topic=~[^}]*dlq[^}]*pay-payments-mq-sink[^}]*\}\) \/ 60 > 0/);
    expect(read("c", "MQ-MIGRATION-pay.md")).toContain("(Confluent Cloud, cluster payments");
  });
});

describe("MqMigration validation", () => {
  test.each([
    ["no MSK settings on MSK", { msk: undefined }, "KSE-MQ-008", "msk"],
    [
      "no sink plugin with a flow in coexistence",
      { msk: { ...MSK, plugins: { mqSource: MSK.plugins.mqSource } } },
      "KSE-MQ-008",
      "msk.plugins.mqSink",
    ],
    ["no queue manager settings", { mq: undefined }, "KSE-MQ-008", "queueManager"],
    [
      "a plaintext channel without a reason",
      { mq: { ...MQ, tls: undefined, password: sm("p") } },
      "KSE-CONN-015",
      "plaintext",
    ],
    ["an empty inventory", { flows: [] }, "KSE-MQ-001", "at least one flow"],
  ])("throws for %s, before anything is created", (_what, extra, code, message) => {
    const { stack, cluster } = mskFixture();
    expectError(
      () => new MqMigration(stack, "Pay", mskProps(cluster, extra as Partial<MqMigrationProps>)),
      code,
      message,
    );
    expect(stack.node.findAll().filter((c) => c instanceof KafkaTopic)).toEqual([]);
  });

  test("throws KSE-CONN-004 for a Terraform reference as the MQ password on MSK", () => {
    const { stack, cluster } = mskFixture();
    const password = ConnectorSecret.terraformReference(
      new TerraformVariable(stack, "mq_password", { type: "string", sensitive: true }).stringValue,
    );
    expectError(
      () => new MqMigration(stack, "Pay", mskProps(cluster, { mq: { ...MQ, password } })),
      "KSE-CONN-004",
      "secretsManager",
    );
  });

  test("throws KSE-MQ-008 for two listeners on Confluent Cloud when a sink is needed", () => {
    const { stack, cluster } = confluentFixture();
    expectError(
      () =>
        new MqMigration(stack, "Pay", {
          name: "pay",
          cluster,
          domain: "payments",
          region: "eu-west-1",
          flows: FLOWS,
          mq: { ...MQ, connections: [{ host: "a.internal" }, { host: "b.internal" }] },
        }),
      "KSE-MQ-008",
      "one listener on Confluent Cloud",
    );
  });

  test("throws KSE-CONN-019 for a cluster that is neither MSK nor Confluent", () => {
    const { stack, cluster } = mskFixture();
    expectError(
      () => new MqMigration(stack, "Pay", mskProps(cluster, { cluster: {} as MskCluster })),
      "KSE-CONN-019",
      "an MskCluster or a ConfluentCluster",
    );
  });
});
