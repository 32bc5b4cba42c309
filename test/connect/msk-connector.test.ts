import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { MskCluster } from "../../lib/msk/msk-cluster";
import { ClientAuthentication } from "../../lib/msk/client-authentication";
import { ConnectorCatalog } from "../../lib/connect/connector-catalog";
import { ConnectPlugin } from "../../lib/connect/connect-plugin";
import { MskConnector, MskConnectorProps } from "../../lib/connect/msk-connector";
import { MskConnectStack } from "../../lib/connect/msk-connect-stack";
import { KafkaConnector } from "../../lib/connect/kafka-connector";
import { GlueSchemaRegistry } from "../../lib/connect/schema-registry";
import { MSK_CONNECT_CAPACITY } from "../../lib/standards/connect";
import { newStack, resourcesForSnapshot, resourcesOf, synth, synthApp } from "../helpers";
import { SECRET_ARN, expectError, mskFixture, mskOptions, sm, synthResolved } from "./helpers";

function sinkProps(cluster: MskCluster, extra: Partial<MskConnectorProps> = {}): MskConnectorProps {
  return {
    cluster,
    name: "orders-sink",
    connector: ConnectorCatalog.snowflakeSink({
      topics: [{ topic: cluster.addTopic("sales.orders.eu-west-1", { partitions: 6 }) }],
      url: "xy.eu-west-1.snowflakecomputing.com:443",
      user: "KAFKA",
      privateKey: sm("snowflake_private_key"),
      database: "DWH",
      schema: "STAGING",
      role: "LOADER",
    }),
    msk: mskOptions({ egress: [{ cidr: "0.0.0.0/0", port: 443, description: "Snowflake over HTTPS" }] }),
    ...extra,
  };
}

/** The cluster stack's value `attribute` of `resource`, as the connect stack reads it. */
const remote = (resource: string, attribute: string): string =>
  `\${data.terraform_remote_state.cross-stack-reference-input-test.outputs.cross-stack-output-${resource}${attribute}}`;
const CLUSTER_ARN = remote("aws_msk_clustersales_Cluster_80ACA6B5", "arn");

/** The policy JSON with `${replace(<cluster arn>, ":cluster/", ":topic/")}` written as `<topic-arn-prefix>`. */
const parse = (text: string): any =>
  JSON.parse(
    text
      .split(`\${replace(${CLUSTER_ARN.slice(2, -1)}, ":cluster/", ":topic/")}`)
      .join("<topic-arn-prefix>")
      .split(`\${replace(${CLUSTER_ARN.slice(2, -1)}, ":cluster/", ":group/")}`)
      .join("<group-arn-prefix>")
      .split(CLUSTER_ARN)
      .join("<cluster-arn>"),
  );

describe("MskConnector (a Snowflake sink with the standard's defaults)", () => {
  const { stack, cluster } = mskFixture();
  const connector = new MskConnector(stack, "Sink", sinkProps(cluster));
  const doc = synthResolved(connector.connectStack);
  const clusterDoc = synth(stack);
  const c = resourcesOf(doc, "aws_mskconnect_connector")[0];

  test("its resources live in the cluster's connect stack, deployed after the data plane", () => {
    expect(connector.connectStack.node.id).toBe("test-connect");
    expect(connector.connectStack.dependencies).toEqual(expect.arrayContaining([cluster.dataPlane, stack]));
    expect(doc.provider?.aws).toEqual([{ region: "eu-west-1" }]);
    expect(Object.keys(doc.resource).sort()).toEqual([
      "aws_cloudwatch_log_group",
      "aws_cloudwatch_metric_alarm",
      "aws_iam_policy",
      "aws_iam_role",
      "aws_iam_role_policy_attachment",
      "aws_mskconnect_connector",
      "aws_mskconnect_custom_plugin",
      "aws_mskconnect_worker_configuration",
      "aws_security_group",
      "aws_vpc_security_group_egress_rule",
      "aws_vpc_security_group_ingress_rule",
    ]);
    expect(clusterDoc.resource.aws_mskconnect_connector).toBeUndefined();
  });

  test("the cluster's values cross as remote-state references", () => {
    expect(c.kafka_cluster.apache_kafka_cluster.bootstrap_servers).toBe(
      remote("aws_msk_clustersales_Cluster_80ACA6B5", "bootstrap_brokers_sasl_iam"),
    );
    const ingress = resourcesOf(doc, "aws_vpc_security_group_ingress_rule")[0];
    expect(ingress.security_group_id).toBe(remote("aws_security_groupsales_SecurityGroup_08CAF520", "id"));
    expect(resourcesOf(doc, "aws_cloudwatch_log_group")[0].kms_key_id).toBe(
      remote("aws_kms_keysales_Key_78A161FC", "arn"),
    );
    expect(Object.keys(doc.data?.terraform_remote_state ?? {})).toEqual(["cross-stack-reference-input-test"]);
  });

  test("snapshot of the connector's resources", () => {
    const only = Object.fromEntries(
      Object.entries(resourcesForSnapshot(doc)).filter(([t]) =>
        /^aws_(mskconnect|iam_role|iam_policy|security_group|vpc_security_group_egress|cloudwatch_log_group)/.test(t),
      ),
    );
    expect(only).toMatchSnapshot();
  });

  test("TLS and IAM to the brokers, on the cluster's IAM bootstrap", () => {
    expect(c.kafka_cluster_encryption_in_transit).toEqual({ encryption_type: "TLS" });
    expect(c.kafka_cluster_client_authentication).toEqual({ authentication_type: "IAM" });
    expect(c.kafka_cluster.apache_kafka_cluster.bootstrap_servers).toMatch(/bootstrap_brokers_sasl_iam\}$/);
    expect(c.kafka_cluster.apache_kafka_cluster.vpc.subnets).toEqual(["subnet-a", "subnet-b"]);
  });

  test("worker logs in a KMS-encrypted log group kept as long as the tier's broker logs", () => {
    const lg = resourcesOf(doc, "aws_cloudwatch_log_group").find((l) => l.name.startsWith("/aws/mskconnect/"))!;
    expect(lg).toMatchObject({ name: "/aws/mskconnect/sales-prod/orders-sink", retention_in_days: 365 });
    expect(lg.kms_key_id).toMatch(/aws_kms_key\w+arn\}$/);
    expect(c.log_delivery.worker_log_delivery.cloudwatch_logs).toEqual({
      enabled: true,
      log_group: `\${aws_cloudwatch_log_group.${Object.entries<any>(doc.resource.aws_cloudwatch_log_group).find(([, l]) => l.name === lg.name)![0]}.name}`,
    });
  });

  test("autoscaling capacity of the tier, MSK Connect 3.7.x", () => {
    const std = MSK_CONNECT_CAPACITY.prod;
    expect(c.capacity).toEqual({
      autoscaling: {
        min_worker_count: std.minWorkers,
        max_worker_count: std.maxWorkers,
        mcu_count: std.mcuCount,
        scale_in_policy: { cpu_utilization_percentage: std.scaleInCpuPercent },
        scale_out_policy: { cpu_utilization_percentage: std.scaleOutCpuPercent },
      },
    });
    expect(c.kafkaconnect_version).toBe("3.7.x");
  });

  test("the secret is a config-provider reference, escaped for Terraform; the worker declares the provider", () => {
    expect(c.connector_configuration["snowflake.private.key"]).toBe(
      "$${secretsmanager:prod/sales/pipeline:snowflake_private_key}",
    );
    const worker = resourcesOf(doc, "aws_mskconnect_worker_configuration")[0];
    expect(worker.properties_file_content).toContain("config.providers=secretsmanager\n");
    expect(worker.properties_file_content).toContain(
      "config.providers.secretsmanager.class=com.amazonaws.kafka.config.providers.SecretsManagerConfigProvider\n",
    );
    // Content-addressed over what Terraform receives (the region as its expression), so the name
    // changes with the content and with nothing else (not with the numbering of cdktf tokens).
    expect(worker.properties_file_content).toMatch(/param\.region=\$\{data\.aws_region\.[^}]+\.region\}\n/);
    expect(worker.name).toBe(
      `orders-sink-${crypto.createHash("sha256").update(worker.properties_file_content).digest("hex").slice(0, 8)}`,
    );
    expect(worker.lifecycle).toEqual({ create_before_destroy: true });
    expect(c.worker_configuration.arn).toMatch(/^\$\{aws_mskconnect_worker_configuration\./);
  });

  test("the dead-letter topic is created on the cluster's data plane, class dlq, RF 3", () => {
    expect(connector.deadLetterTopic?.topicName).toBe("dlq.orders-sink");
    expect(connector.deadLetterTopic?.spec.topicClass.name).toBe("dlq");
    expect(connector.deadLetterTopic?.spec.replicationFactor).toBe(3);
    const data = synth(cluster.dataPlane);
    expect(
      Object.values<any>(data.resource.kafka_topic)
        .map((t) => t.name)
        .sort(),
    ).toEqual(["dlq.orders-sink", "sales.orders.eu-west-1"]);
  });

  test("the sink group gets the cluster's consumer-lag alarms; failed tasks alarm with a runbook", () => {
    const lag = resourcesOf(clusterDoc, "aws_cloudwatch_metric_alarm").filter(
      (a) => a.dimensions?.["Consumer Group"] === "connect-orders-sink",
    );
    expect(lag.map((a) => a.metric_name).sort()).toEqual(
      ["EstimatedMaxTimeLag", "EstimatedMaxTimeLag", "MaxOffsetLag", "MaxOffsetLag"].sort(),
    );
    const failed = resourcesOf(doc, "aws_cloudwatch_metric_alarm").filter((a) => a.metric_name === "ErroredTaskCount");
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      namespace: "AWS/KafkaConnect",
      dimensions: { ConnectorName: "orders-sink" },
      threshold: 0,
      evaluation_periods: 5,
      alarm_name: "orders-sink-pipeline-connector-failed-tasks-critical",
      alarm_actions: [remote("aws_sns_topicsales_Escalation_Critical_755E0B28", "arn")],
    });
    expect(failed[0]["//"]["kafka-standards"].escalation).toBe("sales-prod");
    expect(failed[0].alarm_description).toMatch(
      /Runbook: kafka-standards\/runbooks\/orders-sink-pipeline-connector-failed-tasks\.md$/,
    );
  });

  test("security group: brokers on 9098 and the listed destinations only; the brokers admit the workers", () => {
    const egress = resourcesOf(doc, "aws_vpc_security_group_egress_rule");
    expect(egress.map((e) => [e.from_port, e.cidr_ipv4 ?? "broker-sg", e.description]).sort()).toEqual([
      [443, "0.0.0.0/0", "Snowflake over HTTPS"],
      [9098, "broker-sg", "Kafka brokers of sales-prod (IAM, TLS)"],
    ]);
    const ingress = resourcesOf(doc, "aws_vpc_security_group_ingress_rule").filter((r) =>
      String(r.description).startsWith("MSK Connect workers"),
    );
    expect(ingress).toHaveLength(1);
    expect(ingress[0]).toMatchObject({ from_port: 9098, to_port: 9098, ip_protocol: "tcp" });
  });

  describe("service execution role", () => {
    const role = resourcesOf(doc, "aws_iam_role").find((r) => r.name === "orders-sink-mskc")!;
    const policy = resourcesOf(doc, "aws_iam_policy").find((p) => p.name === "orders-sink-mskc")!;
    const statements = parse(policy.policy).Statement as { Sid: string; Action: string[]; Resource: string[] }[];
    const sid = (s: string) => statements.find((x) => x.Sid === s)!;

    test("trusted by kafkaconnect.amazonaws.com for this account's connector of this name only", () => {
      const trust = JSON.parse(role.assume_role_policy).Statement[0];
      expect(trust.Principal).toEqual({ Service: "kafkaconnect.amazonaws.com" });
      expect(Object.keys(trust.Condition)).toEqual(["StringEquals", "ArnLike"]);
      expect(trust.Condition.ArnLike["aws:SourceArn"]).toMatch(/:connector\/orders-sink\/\*$/);
    });

    test.each([
      ["Cluster", ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster"], ["<cluster-arn>"]],
      [
        "ReadTopics",
        ["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"],
        ["<topic-arn-prefix>/sales.orders.eu-west-1"],
      ],
      [
        "SinkGroup",
        ["kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup"],
        ["<group-arn-prefix>/connect-orders-sink"],
      ],
      [
        "DeadLetterTopic",
        ["kafka-cluster:DescribeTopic", "kafka-cluster:WriteData", "kafka-cluster:CreateTopic"],
        ["<topic-arn-prefix>/dlq.orders-sink"],
      ],
      [
        "InternalTopics",
        [
          "kafka-cluster:DescribeTopic",
          "kafka-cluster:CreateTopic",
          "kafka-cluster:ReadData",
          "kafka-cluster:WriteData",
        ],
        ["<topic-arn-prefix>/__amazon_msk_connect_*_orders-sink_*"],
      ],
      [
        "InternalGroups",
        ["kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup"],
        ["<group-arn-prefix>/__amazon_msk_connect_*"],
      ],
      ["Secrets", ["secretsmanager:GetSecretValue"], [SECRET_ARN]],
      ["Plugin", ["s3:GetObject"], ["arn:aws:s3:::plugins/connector.zip"]],
    ])("%s: exactly %j on %j", (name, actions, resources) => {
      expect(sid(name).Action).toEqual(actions);
      expect(sid(name).Resource).toEqual(resources);
    });

    test("nothing else", () => {
      expect(statements.map((s) => s.Sid)).toEqual([
        "Cluster",
        "ReadTopics",
        "SinkGroup",
        "DeadLetterTopic",
        "InternalTopics",
        "InternalGroups",
        "Secrets",
        "Plugin",
      ]);
    });

    test("no wildcard action, and no write on the topics it reads", () => {
      expect(statements.flatMap((s) => s.Action).some((a) => a.endsWith(":*") || a === "*")).toBe(false);
      expect(sid("ReadTopics").Action).not.toContain("kafka-cluster:WriteData");
    });
  });
});

describe("MskConnector options", () => {
  test("a Glue registry: Avro values, JSON keys, and Glue grants for the role", () => {
    const { stack, cluster } = mskFixture();
    const registry = new GlueSchemaRegistry(stack, "Registry", { registryName: "sales-prod", tier: "prod" });
    const k = new MskConnector(stack, "Sink", sinkProps(cluster, { schemaRegistry: registry }));
    const doc = synthResolved(k.connectStack);
    const config = resourcesOf(doc, "aws_mskconnect_connector")[0].connector_configuration;
    expect(config).toMatchObject({
      "key.converter": "org.apache.kafka.connect.json.JsonConverter",
      "key.converter.schemas.enable": "false",
      "value.converter": "com.amazonaws.services.schemaregistry.kafkaconnect.AWSKafkaAvroConverter",
      "value.converter.registry.name": "sales-prod",
      "value.converter.compatibility": "BACKWARD",
      "value.converter.schemaAutoRegistrationEnabled": "true",
    });
    const policy = resourcesOf(doc, "aws_iam_policy").find((p) => p.name === "orders-sink-mskc")!.policy as string;
    expect(policy).toContain(
      '"Sid":"SchemaRegistry","Effect":"Allow","Action":["glue:GetRegistry","glue:GetSchema","glue:GetSchemaVersion"]',
    );
  });

  test("an uploaded plugin: an aws_s3_object encrypted with the cluster key, the plugin pinned to its version", () => {
    const { stack, cluster } = mskFixture();
    const k = new MskConnector(
      stack,
      "Sink",
      sinkProps(cluster, {
        msk: mskOptions({
          plugin: ConnectPlugin.upload({
            path: "plugins/sink.zip",
            bucketName: "plugins",
            bucketArn: "arn:aws:s3:::plugins",
          }),
        }),
      }),
    );
    const doc = synthResolved(k.connectStack);
    const object = resourcesOf(doc, "aws_s3_object")[0];
    expect(object).toMatchObject({
      bucket: "plugins",
      key: "mskconnect/plugins/orders-sink/sink.zip",
      server_side_encryption: "aws:kms",
    });
    expect(object.kms_key_id).toMatch(/aws_kms_key\w+arn\}$/);
    const plugin = resourcesOf(doc, "aws_mskconnect_custom_plugin")[0];
    expect(plugin.content_type).toBe("ZIP");
    expect(plugin.location.s3.object_version).toMatch(/^\$\{aws_s3_object\.[^.]+\.version_id\}$/);
  });

  test("a source keeps its offsets in a named topic and may write idempotently", () => {
    const { stack, cluster } = mskFixture();
    const orders = cluster.addTopic("sales.orders.eu-west-1");
    const k = new MskConnector(stack, "Source", {
      cluster,
      name: "orders-source",
      connector: ConnectorCatalog.jdbcSource({
        hostname: "db2",
        databaseName: "SALES",
        user: "KAFKA",
        password: sm("p"),
        mode: "bulk",
        tables: [{ schema: "SALES", table: "ORDERS", topic: orders }],
      }),
      msk: mskOptions(),
    });
    const doc = synthResolved(k.connectStack);
    const worker = resourcesOf(doc, "aws_mskconnect_worker_configuration")[0];
    expect(worker.properties_file_content).toContain(
      "offset.storage.topic=__amazon_msk_connect_offsets_orders-source_kept\n",
    );
    const policy = resourcesOf(doc, "aws_iam_policy").find((p) => p.name === "orders-source-mskc")!.policy as string;
    expect(policy).toContain('"kafka-cluster:WriteDataIdempotently"');
    expect(policy).toContain('"Sid":"WriteTopics"');
  });

  test("a weakening is recorded on the connector and accepts the rule's finding with its reason", () => {
    const { stacks } = synthApp((app) => {
      const s = new TerraformStack(app, "w");
      new AwsProvider(s, "aws", { region: "eu-west-1" });
      const cl = new MskCluster(s, "sales", {
        clusterName: "sales",
        tier: "prod",
        vpcId: "vpc-0abc",
        clientSubnetIds: ["a", "b", "c"],
      });
      new MskConnector(
        s,
        "Sink",
        sinkProps(cl, { errorHandling: { logErrors: false, reason: "logs go to the vendor's collector" } }),
      );
    });
    const c = resourcesOf(stacks["w-connect"], "aws_mskconnect_connector")[0];
    expect(c["//"]["kafka-standards"].overrides).toEqual({
      "errorHandling.logErrors": "logs go to the vendor's collector",
    });
    expect(c["//"]["kafka-standards"].suppressions).toEqual([
      {
        id: "KS-CONN-004",
        reason: "errorHandling.logErrors: logs go to the vendor's collector",
        scope: "w-connect/orders-sink/Resource",
      },
    ]);
    expect(c.connector_configuration["errors.log.enable"]).toBe("false");
  });

  test("custom capacity within MSK Connect's limits", () => {
    const { stack, cluster } = mskFixture();
    const k = new MskConnector(
      stack,
      "Sink",
      sinkProps(cluster, { msk: mskOptions({ capacity: { minWorkers: 1, maxWorkers: 10, mcuCount: 4 } }) }),
    );
    expect(
      resourcesOf(synthResolved(k.connectStack), "aws_mskconnect_connector")[0].capacity.autoscaling,
    ).toMatchObject({
      min_worker_count: 1,
      max_worker_count: 10,
      mcu_count: 4,
    });
  });
});

describe("MskConnector validation (nothing is created on error)", () => {
  const cases: [string, (c: MskCluster) => Partial<MskConnectorProps>, string, string][] = [
    ["name", () => ({ name: "Orders_Sink" }), "KSE-CONN-001", "lower-case letters"],
    ["msk options", () => ({ msk: undefined as never }), "KSE-CONN-011", "{ plugin, vpcId, subnetIds }"],
    ["plugin", () => ({ msk: { ...mskOptions(), plugin: "s3://x" as never } }), "KSE-CONN-010", "ConnectPlugin"],
    ["vpc", () => ({ msk: mskOptions({ vpcId: "vpc_1" }) }), "KSE-CONN-011", "a VPC id"],
    ["subnets", () => ({ msk: mskOptions({ subnetIds: [] }) }), "KSE-CONN-011", "at least one subnet id"],
    [
      "egress",
      () => ({
        msk: mskOptions({ egress: [{ port: 443, description: "both", cidr: "1.2.3.4/32", prefixListId: "pl-1" }] }),
      }),
      "KSE-CONN-018",
      "msk.egress[0]",
    ],
    [
      "capacity",
      () => ({ msk: mskOptions({ capacity: { minWorkers: 3, maxWorkers: 2 } }) }),
      "KSE-CONN-012",
      "1 ≤ minWorkers ≤ maxWorkers ≤ 10",
    ],
    ["mcu", () => ({ msk: mskOptions({ capacity: { mcuCount: 3 as 1 } }) }), "KSE-CONN-012", "1, 2, 4 or 8"],
  ];
  test.each(cases)("%s", (_n, over, code, fragment) => {
    const { stack, cluster } = mskFixture();
    const props = sinkProps(cluster);
    expectError(() => new MskConnector(stack, "Bad", { ...props, ...over(cluster) }), code, fragment);
    expect(stack.node.tryFindChild("Bad")?.node.children.length ?? 0).toBe(0);
  });

  test("a cluster without IAM authentication", () => {
    const { stack } = mskFixture();
    const scram = new MskCluster(stack, "scram", {
      clusterName: "scram",
      tier: "prod",
      vpcId: "vpc-1",
      clientSubnetIds: ["subnet-a", "subnet-b", "subnet-c"],
      authentication: ClientAuthentication.of({ scram: { users: ["app"] } }),
      dataPlane: { adminScramUser: "app" },
    });
    expectError(() => new MskConnector(stack, "Bad", sinkProps(scram)), "KSE-CONN-011", "IAM authentication");
  });

  test("topics of another cluster", () => {
    const { stack, cluster } = mskFixture();
    const other = new MskCluster(stack, "other", {
      clusterName: "other",
      tier: "prod",
      vpcId: "vpc-1",
      clientSubnetIds: ["subnet-a", "subnet-b", "subnet-c"],
    });
    expectError(
      () => new MskConnector(stack, "Bad", { ...sinkProps(other), cluster }),
      "KSE-CONN-009",
      "topics of cluster sales-prod",
    );
  });
});

describe("KafkaConnector on MSK", () => {
  test("builds an MSK Connect connector named after the id", () => {
    const { stack, cluster } = mskFixture();
    const k = new KafkaConnector(stack, "OrdersSink", { ...sinkProps(cluster), name: undefined });
    expect(k.backend).toBe("msk");
    expect(k.connectorName).toBe("orderssink");
    expect(k.deadLetterTopic?.topicName).toBe("dlq.orderssink");
    expect(resourcesOf(synthResolved(k.mskConnector!.connectStack), "aws_mskconnect_connector")[0].name).toBe(
      "orderssink",
    );
  });

  test("requires the MSK options, refuses a non-cluster", () => {
    const a = mskFixture();
    expectError(
      () => new KafkaConnector(a.stack, "A", { ...sinkProps(a.cluster), msk: undefined }),
      "KSE-CONN-011",
      "for a connector on MSK Connect",
    );
    const b = mskFixture();
    expectError(
      () => new KafkaConnector(b.stack, "B", { ...sinkProps(b.cluster), cluster: {} as never }),
      "KSE-CONN-019",
      "an MskCluster or a ConfluentCluster",
    );
  });

  test("synthesizes in a real app with its artifacts: connectors/<name>.json and the runbook", () => {
    const { outdir } = synthApp((app) => {
      const s = new TerraformStack(app, "s");
      new AwsProvider(s, "aws", { region: "eu-west-1" });
      const cl = new MskCluster(s, "sales", {
        clusterName: "sales",
        tier: "prod",
        vpcId: "vpc-0abc",
        clientSubnetIds: ["a", "b", "c"],
      });
      new KafkaConnector(s, "Sink", sinkProps(cl));
    });
    const dir = path.join(outdir, "stacks", "s-connect", "kafka-standards");
    const file = JSON.parse(fs.readFileSync(path.join(dir, "connectors", "orders-sink.json"), "utf8"));
    expect(file).toMatchObject({
      name: "orders-sink",
      backend: "msk-connect",
      connectorClass: "com.snowflake.kafka.connector.SnowflakeSinkConnector",
      secretKeys: ["snowflake.private.key"],
      plugin: { artifact: "com.snowflake:snowflake-kafka-connector:2.5.0", onMavenCentral: true },
    });
    expect(file.config["snowflake.private.key"]).toBe("${secretsmanager:prod/sales/pipeline:snowflake_private_key}");
    const runbook = fs.readFileSync(
      path.join(dir, "runbooks", "orders-sink-pipeline-connector-failed-tasks.md"),
      "utf8",
    );
    expect(runbook).toContain("`orders-sink-pipeline-connector-failed-tasks-critical`");
    expect(runbook).toContain("aws kafkaconnect list-connectors --connector-name-prefix orders-sink");
    expect(runbook).toContain("SNS topic `sales-prod-alarms-critical`");
    fs.rmSync(outdir, { recursive: true, force: true });
  });
});

describe("MskConnectStack", () => {
  test("one stack per cluster, shared by its connectors, each under its own name", () => {
    const { stack, cluster } = mskFixture();
    const props = sinkProps(cluster);
    const a = new MskConnector(stack, "A", props);
    const b = new MskConnector(stack, "B", { ...props, name: "orders-sink-2" });
    expect(a.connectStack).toBe(b.connectStack);
    expect(MskConnectStack.of(cluster)).toBe(a.connectStack);
    expect(a.connectStack.node.children.map((c) => c.node.id)).toEqual(
      expect.arrayContaining(["orders-sink", "orders-sink-2"]),
    );
  });

  test("deployed after the cluster and its data plane: the manifest orders the stacks", () => {
    const { outdir } = synthApp((app) => {
      const s = new TerraformStack(app, "s");
      new AwsProvider(s, "aws", { region: "eu-west-1" });
      const cl = new MskCluster(s, "sales", {
        clusterName: "sales",
        tier: "prod",
        vpcId: "vpc-0abc",
        clientSubnetIds: ["a", "b", "c"],
      });
      new MskConnector(s, "Sink", sinkProps(cl));
    });
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8"));
    expect([...manifest.stacks["s-connect"].dependencies].sort()).toEqual(["s", "s-data"]);
    expect(manifest.stacks["s-data"].dependencies).toEqual(["s"]);
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test("created explicitly: its own id and AWS provider", () => {
    const { app, stack } = newStack();
    const cluster = new MskCluster(stack, "sales", {
      clusterName: "sales",
      tier: "prod",
      vpcId: "vpc-0abc",
      clientSubnetIds: ["a", "b", "c"],
    });
    const own = new MskConnectStack(app, "sales-connectors", {
      cluster,
      awsProvider: { region: "eu-west-1", allowedAccountIds: ["111122223333"] },
    });
    const k = new MskConnector(stack, "Sink", sinkProps(cluster));
    expect(k.connectStack).toBe(own);
    expect(synthResolved(own).provider?.aws).toEqual([{ region: "eu-west-1", allowed_account_ids: ["111122223333"] }]);
  });

  test("a connector name used twice on a cluster", () => {
    const { stack, cluster } = mskFixture();
    const props = sinkProps(cluster);
    new MskConnector(stack, "A", props);
    expectError(
      () => new MskConnector(stack, "B", props),
      "KSE-CONN-020",
      '"orders-sink"',
      "a name not used by another connector of cluster sales-prod",
    );
    expect(stack.node.tryFindChild("B")?.node.children.length ?? 0).toBe(0);
  });

  test("its default id taken by another stack", () => {
    const { app, stack, cluster } = (() => {
      const f = newStack();
      const c = new MskCluster(f.stack, "sales", {
        clusterName: "sales",
        tier: "prod",
        vpcId: "vpc-0abc",
        clientSubnetIds: ["a", "b", "c"],
      });
      return { ...f, cluster: c };
    })();
    new TerraformStack(app, "test-connect");
    expectError(
      () => new MskConnector(stack, "Sink", sinkProps(cluster)),
      "KSE-CONN-017",
      '"test-connect"',
      "holds a stack",
      "new MskConnectStack(app",
    );
  });

  test("a second connect stack for the same cluster", () => {
    const { app, stack } = newStack();
    const cluster = new MskCluster(stack, "sales", {
      clusterName: "sales",
      tier: "prod",
      vpcId: "vpc-0abc",
      clientSubnetIds: ["a", "b", "c"],
    });
    new MskConnectStack(app, "one", { cluster });
    expectError(() => new MskConnectStack(app, "two", { cluster }), "KSE-CONN-017", "one already holds its connectors");
    expect(app.node.tryFindChild("two")).toBeUndefined();
  });

  test("not an MSK cluster", () => {
    const { app } = newStack();
    expectError(() => new MskConnectStack(app, "x", { cluster: {} as never }), "KSE-CONN-019", "an MskCluster");
  });
});
