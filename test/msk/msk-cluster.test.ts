import { TerraformVariable } from "cdktf";
import { MskCluster } from "../../lib/msk/msk-cluster";
import { MskClusterProps } from "../../lib/msk/msk-cluster-props";
import { ClientAuthentication } from "../../lib/msk/client-authentication";
import { KafkaStandardsError } from "../../lib/errors";
import { BrokerInstanceType } from "../../lib/standards/broker-types";
import { KafkaVersion } from "../../lib/standards/kafka-versions";
import { parseServerProperties } from "../../lib/standards/broker-baseline";
import { TIER_POLICIES } from "../../lib/standards/tiers";
import { newStack, only, resourcesForSnapshot, resourcesOf, synth, SynthDoc } from "../helpers";

const SUBNETS = ["subnet-a", "subnet-b", "subnet-c"];
const BASE: MskClusterProps = { clusterName: "orders", tier: "prod", vpcId: "vpc-1", clientSubnetIds: SUBNETS };

function build(props: Partial<MskClusterProps> = {}): { doc: SynthDoc; cluster: MskCluster } {
  const { stack } = newStack();
  const cluster = new MskCluster(stack, "orders", { ...BASE, ...props });
  return { doc: synth(stack), cluster };
}

function cluster(doc: SynthDoc): any {
  return only(doc, "aws_msk_cluster");
}

function expectError(props: Partial<MskClusterProps>, code: string, fragment: string): void {
  const { stack } = newStack();
  let error: unknown;
  try {
    new MskCluster(stack, "orders", { ...BASE, ...props });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(KafkaStandardsError);
  expect((error as KafkaStandardsError).code).toBe(code);
  expect((error as Error).message).toContain(`[${code}]`);
  expect((error as Error).message).toContain(fragment);
  // Nothing half-created: the failed construct left no children behind.
  expect(stack.node.tryFindChild("orders")?.node.children.length ?? 0).toBe(0);
}

describe("MskCluster defaults", () => {
  const { doc } = build();
  const c = cluster(doc);

  test("snapshot of the default resources", () => {
    expect(resourcesForSnapshot(doc)).toMatchSnapshot();
  });

  test("encryption in transit is written explicitly as TLS and in-cluster", () => {
    expect(c.encryption_info.encryption_in_transit).toEqual({ client_broker: "TLS", in_cluster: true });
  });

  test("encryption at rest uses the construct's customer-managed key with rotation", () => {
    const key = only(doc, "aws_kms_key");
    expect(c.encryption_info.encryption_at_rest_kms_key_arn).toMatch(/^\$\{aws_kms_key\.[^.]+\.arn\}$/);
    expect(key.enable_key_rotation).toBe(true);
    expect(key.deletion_window_in_days).toBe(30);
    expect(key.lifecycle).toEqual({ prevent_destroy: true });
  });

  test("key policy lets CloudWatch Logs use the key for this account's log groups only", () => {
    const policy = JSON.parse(only(doc, "aws_kms_key").policy);
    const logs = policy.Statement.find((s: any) => s.Sid === "CloudWatchLogsEncryptsThisAccountsLogGroups");
    expect(logs.Principal.Service).toMatch(/^logs\.\$\{data\.aws_region\.[^.]+\.region\}\.amazonaws\.com$/);
    expect(logs.Condition.ArnLike["kms:EncryptionContext:aws:logs:arn"]).toMatch(
      /^arn:\$\{data\.aws_partition\.[^.]+\.partition\}:logs:\$\{data\.aws_region\.[^.]+\.region\}:\$\{data\.aws_caller_identity\.[^.]+\.account_id\}:log-group:\*$/,
    );
    expect(policy.Statement.map((s: any) => s.Sid)).toEqual([
      "AccountAdministersKeyThroughIam",
      "CloudWatchAlarmsPublishToEncryptedTopics",
      "CloudWatchLogsEncryptsThisAccountsLogGroups",
    ]);
  });

  test("IAM authentication, no unauthenticated access, public access disabled", () => {
    expect(c.client_authentication).toEqual({ sasl: { iam: true, scram: false }, unauthenticated: false });
    expect(c.broker_node_group_info.connectivity_info).toEqual({ public_access: { type: "DISABLED" } });
  });

  test("one broker per subnet, default instance type and Kafka version", () => {
    expect(c.number_of_broker_nodes).toBe(3);
    expect(c.broker_node_group_info.instance_type).toBe("kafka.m7g.large");
    expect(c.kafka_version).toBe("3.9.x.kraft");
    expect(c.cluster_name).toBe("orders-prod");
  });

  test("broker logs go to a KMS-encrypted log group kept for the tier's retention; no disabled destinations", () => {
    const lg = only(doc, "aws_cloudwatch_log_group");
    expect(lg.retention_in_days).toBe(365);
    expect(lg.kms_key_id).toMatch(/aws_kms_key/);
    expect(lg.name).toBe("/aws/msk/orders-prod/broker");
    expect(c.logging_info.broker_logs).toEqual({
      cloudwatch_logs: { enabled: true, log_group: expect.stringMatching(/aws_cloudwatch_log_group/) },
    });
  });

  test("enhanced monitoring follows the tier; no open monitoring", () => {
    expect(c.enhanced_monitoring).toBe("PER_TOPIC_PER_BROKER");
    expect(c.open_monitoring).toBeUndefined();
  });

  test("the baseline configuration is attached, content-hashed and created before destroy", () => {
    const conf = only(doc, "aws_msk_configuration");
    expect(conf.name).toMatch(/^orders-prod-[0-9a-f]{8}$/);
    expect(conf.lifecycle).toEqual({ create_before_destroy: true });
    expect(conf.kafka_versions).toEqual(["3.9.x.kraft"]);
    expect(parseServerProperties(conf.server_properties)).toEqual({
      "allow.everyone.if.no.acl.found": "false",
      "auto.create.topics.enable": "false",
      "default.replication.factor": "3",
      "delete.topic.enable": "true",
      "log.retention.hours": "168",
      "min.insync.replicas": "2",
      "num.partitions": "3",
      "offsets.topic.replication.factor": "3",
      "transaction.state.log.min.isr": "2",
      "transaction.state.log.replication.factor": "3",
      "unclean.leader.election.enable": "false",
    });
    expect(c.configuration_info.arn).toMatch(/aws_msk_configuration\.[^.]+\.arn/);
    expect(c.configuration_info.revision).toMatch(/aws_msk_configuration\.[^.]+\.latest_revision/);
  });

  test("storage autoscaling at 55 % up to the tier maximum, volume size ignored as drift", () => {
    const target = only(doc, "aws_appautoscaling_target");
    const policy = only(doc, "aws_appautoscaling_policy");
    expect(target).toMatchObject({
      service_namespace: "kafka",
      scalable_dimension: "kafka:broker-storage:VolumeSize",
      min_capacity: 1000,
      max_capacity: 16384,
    });
    expect(policy.target_tracking_scaling_policy_configuration).toEqual({
      target_value: 55,
      disable_scale_in: true,
      predefined_metric_specification: { predefined_metric_type: "KafkaBrokerStorageUtilization" },
    });
    expect(c.broker_node_group_info.storage_info.ebs_storage_info.volume_size).toBe(1000);
    expect(c.lifecycle.ignore_changes).toEqual([
      "broker_node_group_info[0].storage_info[0].ebs_storage_info[0].volume_size",
    ]);
  });

  test("prod cluster is protected from destroy", () => {
    expect(c.lifecycle.prevent_destroy).toBe(true);
  });

  test("no ingress without listed clients", () => {
    expect(resourcesOf(doc, "aws_vpc_security_group_ingress_rule")).toEqual([]);
    expect(only(doc, "aws_security_group").ingress).toBeUndefined();
  });

  test("tags on every taggable resource", () => {
    for (const type of [
      "aws_msk_cluster",
      "aws_kms_key",
      "aws_cloudwatch_log_group",
      "aws_security_group",
      "aws_appautoscaling_target",
    ]) {
      for (const r of resourcesOf(doc, type)) {
        expect(r.tags).toMatchObject({ Environment: "prod", ManagedBy: "cdktf-kafka-standards" });
      }
    }
  });

  test("outputs the IAM bootstrap brokers and the ARN only", () => {
    expect(Object.keys(doc.output ?? {}).sort()).toEqual(["orders_bootstrap_brokers_sasl_iam", "orders_cluster_arn"]);
    expect(doc.output!.orders_bootstrap_brokers_sasl_iam.value).toMatch(/bootstrap_brokers_sasl_iam/);
  });

  test("audit metadata records the tier and no overrides", () => {
    expect(c["//"]["kafka-standards"]).toEqual({ tier: "prod", construct: "MskCluster" });
  });
});

describe("MskCluster props", () => {
  test("SCRAM users: CMK-encrypted AmazonMSK_ secrets, generated passwords, associations, IAM kept", () => {
    const { doc, cluster: msk } = build({ authentication: ClientAuthentication.scram({ users: ["app-a", "app-b"] }) });
    const secrets = resourcesOf(doc, "aws_secretsmanager_secret");
    expect(secrets.map((s) => s.name).sort()).toEqual(["AmazonMSK_orders-prod_app-a", "AmazonMSK_orders-prod_app-b"]);
    for (const s of secrets) {
      expect(s.kms_key_id).toMatch(/aws_kms_key\.[^.]+\.arn/);
      expect(s.lifecycle).toEqual({ prevent_destroy: true });
    }
    const versions = resourcesOf(doc, "aws_secretsmanager_secret_version");
    expect(versions).toHaveLength(2);
    for (const v of versions) {
      expect(v.secret_string).toBeUndefined();
      // The ephemeral block: never in the plan or the state (the data source of the same name is).
      expect(v.secret_string_wo).toMatch(
        /[ (]ephemeral\.aws_secretsmanager_random_password\.[^.]+\.random_password[ )}]/,
      );
      expect(v.secret_string_wo_version).toBe(1);
    }
    expect(doc.data?.aws_secretsmanager_random_password).toBeUndefined();
    expect(Object.values<any>((doc as any).ephemeral.aws_secretsmanager_random_password)).toEqual([
      { password_length: 32, exclude_punctuation: true, require_each_included_type: true },
      { password_length: 32, exclude_punctuation: true, require_each_included_type: true },
    ]);
    expect(resourcesOf(doc, "aws_msk_single_scram_secret_association")).toHaveLength(2);
    expect(cluster(doc).client_authentication.sasl).toEqual({ iam: true, scram: true });
    expect(msk.scramSecrets.map((s) => s.username)).toEqual(["app-a", "app-b"]);
    expect(Object.keys(doc.output!)).toContain("orders_bootstrap_brokers_sasl_scram");
  });

  test("security group admits listed groups and CIDRs only on the enabled auth ports", () => {
    const { doc } = build({
      authentication: ClientAuthentication.scram({ users: ["app"] }),
      allowedClientSecurityGroupIds: ["sg-app"],
      allowedClientCidrs: ["10.0.0.0/16"],
    });
    const rules = resourcesOf(doc, "aws_vpc_security_group_ingress_rule").map((r) => [
      r.referenced_security_group_id ?? r.cidr_ipv4,
      r.from_port,
      r.to_port,
      r.ip_protocol,
    ]);
    expect(rules.sort()).toEqual(
      [
        ["10.0.0.0/16", 9096, 9096, "tcp"],
        ["10.0.0.0/16", 9098, 9098, "tcp"],
        ["sg-app", 9096, 9096, "tcp"],
        ["sg-app", 9098, 9098, "tcp"],
      ].sort(),
    );
  });

  test("mutual TLS adds the CA ARNs and port 9094", () => {
    const { doc } = build({
      authentication: ClientAuthentication.mutualTls({ certificateAuthorityArns: ["arn:aws:acm-pca:ca"] }),
      allowedClientSecurityGroupIds: ["sg-app"],
    });
    expect(cluster(doc).client_authentication.tls).toEqual({ certificate_authority_arns: ["arn:aws:acm-pca:ca"] });
    expect(
      resourcesOf(doc, "aws_vpc_security_group_ingress_rule")
        .map((r) => r.from_port)
        .sort(),
    ).toEqual([9094, 9098]);
    expect(Object.keys(doc.output!)).toContain("orders_bootstrap_brokers_tls");
  });

  test.each([
    ["dev", 30, "PER_BROKER", 500, false],
    ["staging", 90, "PER_TOPIC_PER_BROKER", 2000, false],
    ["prod", 365, "PER_TOPIC_PER_BROKER", 16384, true],
  ] as const)(
    "tier %s: log retention %d, monitoring %s, autoscaling max %d, prevent_destroy %s",
    (tier, days, level, max, protect) => {
      const { doc } = build({ tier });
      expect(only(doc, "aws_cloudwatch_log_group").retention_in_days).toBe(days);
      expect(cluster(doc).enhanced_monitoring).toBe(level);
      expect(only(doc, "aws_appautoscaling_target").max_capacity).toBe(max);
      expect(cluster(doc).lifecycle.prevent_destroy).toBe(protect);
      expect(only(doc, "aws_kms_key").deletion_window_in_days).toBe(TIER_POLICIES[tier].kmsDeletionWindowDays);
    },
  );

  test("brokers, instance type, version and volume are passed through", () => {
    const { doc } = build({
      brokerNodes: 6,
      instanceType: BrokerInstanceType.M7G_2XLARGE,
      kafkaVersion: KafkaVersion.V3_8_X,
      volumeSizeGiB: 2000,
      storageAutoscaling: { targetUtilizationPercent: 60, maxVolumeSizeGiB: 4000 },
    });
    const c = cluster(doc);
    expect(c.number_of_broker_nodes).toBe(6);
    expect(c.broker_node_group_info.instance_type).toBe("kafka.m7g.2xlarge");
    expect(c.kafka_version).toBe("3.8.x");
    expect(c.broker_node_group_info.storage_info.ebs_storage_info.volume_size).toBe(2000);
    expect(only(doc, "aws_appautoscaling_target")).toMatchObject({ min_capacity: 2000, max_capacity: 4000 });
    expect(only(doc, "aws_appautoscaling_policy").target_tracking_scaling_policy_configuration.target_value).toBe(60);
    expect(only(doc, "aws_msk_configuration").kafka_versions).toEqual(["3.8.x"]);
  });

  test("storageAutoscaling false: no autoscaling, no ignore_changes, recorded as override", () => {
    const { doc } = build({ storageAutoscaling: false });
    expect(resourcesOf(doc, "aws_appautoscaling_target")).toEqual([]);
    expect(cluster(doc).lifecycle.ignore_changes).toBeUndefined();
    expect(cluster(doc)["//"]["kafka-standards"].overrides).toEqual({ storageAutoscaling: "off" });
  });

  test("existing KMS key: no key created, ARN used everywhere", () => {
    const { doc, cluster: msk } = build({
      kmsKeyArn: "arn:aws:kms:eu-west-1:111:key/abc",
      authentication: ClientAuthentication.scram({ users: ["a"] }),
    });
    expect(resourcesOf(doc, "aws_kms_key")).toEqual([]);
    expect(cluster(doc).encryption_info.encryption_at_rest_kms_key_arn).toBe("arn:aws:kms:eu-west-1:111:key/abc");
    expect(only(doc, "aws_cloudwatch_log_group").kms_key_id).toBe("arn:aws:kms:eu-west-1:111:key/abc");
    expect(only(doc, "aws_secretsmanager_secret").kms_key_id).toBe("arn:aws:kms:eu-west-1:111:key/abc");
    expect(msk.clusterKey).toBeUndefined();
  });

  test("logging: CloudWatch off with S3 and Firehose on writes only enabled destinations", () => {
    const { doc } = build({
      logging: { cloudWatch: false, s3: { bucket: "logs", prefix: "msk" }, firehoseDeliveryStream: "stream" },
    });
    expect(resourcesOf(doc, "aws_cloudwatch_log_group")).toEqual([]);
    expect(cluster(doc).logging_info.broker_logs).toEqual({
      s3: { enabled: true, bucket: "logs", prefix: "msk" },
      firehose: { enabled: true, delivery_stream: "stream" },
    });
  });

  test("logging retention override", () => {
    const { doc } = build({ logging: { retentionDays: 731 } });
    expect(only(doc, "aws_cloudwatch_log_group").retention_in_days).toBe(731);
  });

  test("enhanced and open monitoring", () => {
    const { doc } = build({ enhancedMonitoring: "PER_TOPIC_PER_PARTITION", openMonitoring: { nodeExporter: false } });
    expect(cluster(doc).enhanced_monitoring).toBe("PER_TOPIC_PER_PARTITION");
    expect(cluster(doc).open_monitoring).toEqual({
      prometheus: { jmx_exporter: { enabled_in_broker: true }, node_exporter: { enabled_in_broker: false } },
    });
  });

  test("serverProperties merge over the baseline and change the configuration name", () => {
    const base = only(build().doc, "aws_msk_configuration").name;
    const { doc } = build({ serverProperties: { "message.max.bytes": "2097152" } });
    const conf = only(doc, "aws_msk_configuration");
    expect(parseServerProperties(conf.server_properties)["message.max.bytes"]).toBe("2097152");
    expect(parseServerProperties(conf.server_properties)["min.insync.replicas"]).toBe("2");
    expect(conf.name).not.toBe(base);
    expect(conf.name).toMatch(/^orders-prod-[0-9a-f]{8}$/);
  });

  test("the same properties give the same configuration name (stable hash)", () => {
    expect(only(build().doc, "aws_msk_configuration").name).toBe(only(build().doc, "aws_msk_configuration").name);
  });

  test("owner and tags", () => {
    const { doc } = build({ owner: "team-a", tags: { CostCenter: "42", Environment: "ignored" } });
    expect(cluster(doc).tags).toEqual({
      CostCenter: "42",
      Environment: "prod",
      ManagedBy: "cdktf-kafka-standards",
      Owner: "team-a",
    });
  });

  test("express brokers: no EBS storage, no autoscaling, reduced baseline", () => {
    const { doc } = build({ instanceType: BrokerInstanceType.EXPRESS_M7G_LARGE });
    const c = cluster(doc);
    expect(c.broker_node_group_info.storage_info).toBeUndefined();
    expect(c.lifecycle.ignore_changes).toBeUndefined();
    expect(resourcesOf(doc, "aws_appautoscaling_target")).toEqual([]);
    expect(parseServerProperties(only(doc, "aws_msk_configuration").server_properties)).toEqual({
      "allow.everyone.if.no.acl.found": "false",
      "auto.create.topics.enable": "false",
      "delete.topic.enable": "true",
    });
  });

  test("dev cluster with two brokers clamps replication to the broker count", () => {
    const { doc } = build({ tier: "dev", clientSubnetIds: ["s1", "s2"], instanceType: BrokerInstanceType.T3_SMALL });
    const props = parseServerProperties(only(doc, "aws_msk_configuration").server_properties);
    expect(props["default.replication.factor"]).toBe("2");
    expect(props["min.insync.replicas"]).toBe("1");
    expect(cluster(doc).number_of_broker_nodes).toBe(2);
  });

  test("weakenings in dev are allowed and recorded; plaintext opens 9092 and a plaintext output", () => {
    const { doc } = build({
      tier: "dev",
      clientBrokerEncryption: "TLS_PLAINTEXT",
      unauthenticatedAccess: true,
      allowedClientCidrs: ["0.0.0.0/0"],
    });
    const c = cluster(doc);
    expect(c.encryption_info.encryption_in_transit).toEqual({ client_broker: "TLS_PLAINTEXT", in_cluster: true });
    expect(c.client_authentication.unauthenticated).toBe(true);
    expect(c["//"]["kafka-standards"].overrides).toEqual({
      clientBrokerEncryption: "TLS_PLAINTEXT",
      unauthenticatedAccess: "true",
      allowedClientCidrs: "0.0.0.0/0",
    });
    expect(
      resourcesOf(doc, "aws_vpc_security_group_ingress_rule")
        .map((r) => r.from_port)
        .sort(),
    ).toEqual([9092, 9098]);
    expect(Object.keys(doc.output!)).toContain("orders_bootstrap_brokers_plaintext");
  });

  test("prodOverride accepts a prod weakening and records the reason", () => {
    const { doc } = build({
      publicAccess: true,
      prodOverride: { reason: "partner integration over internet, ticket SEC-42" },
    });
    expect(cluster(doc).broker_node_group_info.connectivity_info.public_access.type).toBe("SERVICE_PROVIDED_EIPS");
    expect(cluster(doc)["//"]["kafka-standards"].overrides).toEqual({
      publicAccess: "true (partner integration over internet, ticket SEC-42)",
    });
  });

  test("escape hatches are accepted and recorded", () => {
    const { doc } = build({
      kafkaVersion: KafkaVersion.of("3.9.9"),
      instanceType: BrokerInstanceType.of("kafka.m8g.large"),
    });
    expect(cluster(doc).kafka_version).toBe("3.9.9");
    expect(cluster(doc)["//"]["kafka-standards"].overrides).toEqual({
      kafkaVersion: "3.9.9 (not in the standard's catalog)",
      instanceType: "kafka.m8g.large (not in the standard's catalog)",
    });
  });

  test("known version and instance strings are accepted from untyped callers", () => {
    const { doc } = build({ kafkaVersion: "3.8.x" as any, instanceType: "kafka.m5.large" as any });
    expect(cluster(doc).kafka_version).toBe("3.8.x");
    expect(cluster(doc).broker_node_group_info.instance_type).toBe("kafka.m5.large");
  });

  test("unresolved subnet tokens skip subnet-count checks and default to three brokers", () => {
    const { stack } = newStack();
    const subnets = new TerraformVariable(stack, "subnets", { type: "list(string)" });
    new MskCluster(stack, "orders", { ...BASE, clientSubnetIds: subnets.listValue });
    expect(cluster(synth(stack)).number_of_broker_nodes).toBe(3);
  });
});

describe("MskCluster validation", () => {
  test.each<[string, Partial<MskClusterProps>, string, string]>([
    [
      "brokers not a multiple of subnets",
      { brokerNodes: 4 },
      "KSE-MSK-001",
      "multiple of the number of client subnets (3)",
    ],
    ["broker count not a positive integer", { brokerNodes: 0 }, "KSE-MSK-001", "positive integer"],
    [
      "fewer than 3 brokers in prod",
      { brokerNodes: 2, clientSubnetIds: ["a", "b"] },
      "KSE-MSK-002",
      "at least 3 brokers in prod",
    ],
    ["fewer than 3 AZs in prod", { brokerNodes: 4, clientSubnetIds: ["a", "b"] }, "KSE-MSK-003", "at least 3 subnets"],
    [
      "unknown instance type string",
      { instanceType: "kafka.m7g.larg" as any },
      "KSE-MSK-004",
      'did you mean "kafka.m7g.large"',
    ],
    ["unknown Kafka version string", { kafkaVersion: "3.9.7" as any }, "KSE-MSK-005", 'KafkaVersion.of("3.9.7")'],
    ["volume above 16384", { volumeSizeGiB: 20000 }, "KSE-MSK-006", "1 to 16384"],
    ["volume below 1", { volumeSizeGiB: 0 }, "KSE-MSK-006", "1 to 16384"],
    [
      "volume on express",
      { instanceType: BrokerInstanceType.EXPRESS_M7G_LARGE, volumeSizeGiB: 100 },
      "KSE-MSK-006",
      "Express brokers",
    ],
    ["no authentication mode", { authentication: ClientAuthentication.of({}) }, "KSE-MSK-007", "at least one of IAM"],
    ["plaintext in prod", { clientBrokerEncryption: "TLS_PLAINTEXT" }, "KSE-MSK-008", "clientBrokerEncryption"],
    ["unauthenticated in prod", { unauthenticatedAccess: true }, "KSE-MSK-008", "unauthenticatedAccess"],
    ["public in prod", { publicAccess: true }, "KSE-MSK-008", "publicAccess"],
    ["open CIDR in prod", { allowedClientCidrs: ["0.0.0.0/0"] }, "KSE-MSK-008", "allowedClientCidrs"],
    [
      "weaker baseline in prod",
      { serverProperties: { "unclean.leader.election.enable": "true" } },
      "KSE-MSK-008",
      "unclean.leader.election.enable=true",
    ],
    [
      "express with two subnets",
      { tier: "dev", instanceType: BrokerInstanceType.EXPRESS_M7G_LARGE, clientSubnetIds: ["a", "b"] },
      "KSE-MSK-009",
      "multiple of 3",
    ],
    [
      "autoscaling target out of range",
      { storageAutoscaling: { targetUtilizationPercent: 90 } },
      "KSE-MSK-010",
      "10 to 80",
    ],
    [
      "autoscaling max below volume",
      { volumeSizeGiB: 500, storageAutoscaling: { maxVolumeSizeGiB: 100 } },
      "KSE-MSK-010",
      "volumeSizeGiB (500)",
    ],
    ["invalid cluster name", { clusterName: "Orders_1" }, "KSE-MSK-011", "lower-case letters"],
    [
      "burstable broker in prod",
      { instanceType: BrokerInstanceType.T3_SMALL },
      "KSE-MSK-012",
      "t3 brokers are for dev only",
    ],
    [
      "server property MSK rejects",
      { serverProperties: { "min.insync.replica": "2" } },
      "KSE-MSK-013",
      'did you mean "min.insync.replicas"',
    ],
    [
      "express-only property set",
      { tier: "dev", instanceType: BrokerInstanceType.EXPRESS_M7G_LARGE, serverProperties: { "num.partitions": "6" } },
      "KSE-MSK-013",
      "Express",
    ],
    ["unknown tier", { tier: "production" as any }, "KSE-MSK-014", "dev, staging, prod"],
    ["single subnet", { tier: "dev", clientSubnetIds: ["a"] }, "KSE-MSK-015", "2 or 3 subnets"],
    ["duplicate subnets", { tier: "dev", clientSubnetIds: ["a", "a"] }, "KSE-MSK-015", "distinct subnet ids"],
    [
      "express-only version on standard brokers",
      { kafkaVersion: KafkaVersion.V4_2_X_KRAFT },
      "KSE-MSK-016",
      "Standard brokers",
    ],
    ["unknown monitoring level", { enhancedMonitoring: "ALL" as any }, "KSE-MSK-017", "PER_TOPIC_PER_PARTITION"],
    ["log retention CloudWatch rejects", { logging: { retentionDays: 100 } }, "KSE-MSK-019", "90, 120"],
    [
      "invalid SCRAM user",
      { authentication: ClientAuthentication.scram({ users: ["bad user"] }) },
      "KSE-MSK-020",
      "users[0]",
    ],
    [
      "duplicate SCRAM user",
      { authentication: ClientAuthentication.scram({ users: ["a", "a"] }) },
      "KSE-MSK-020",
      "users[1]",
    ],
    [
      "short override reason",
      { publicAccess: true, prodOverride: { reason: "because" } },
      "KSE-MSK-021",
      "at least 10 characters",
    ],
  ])("%s", (_name, props, code, fragment) => {
    expectError(props, code, fragment);
  });

  // The suggestion comes from every type of the catalog (Standard, burstable and Express), not a short list.
  test.each<[string, string | BrokerInstanceType, string]>([
    ["kafka.m5.24xlarg", "kafka.m5.24xlarg", "kafka.m5.24xlarge"],
    ["kafka.m5.12xlarg", "kafka.m5.12xlarg", "kafka.m5.12xlarge"],
    ["kafka.m7g.16xlarg", "kafka.m7g.16xlarg", "kafka.m7g.16xlarge"],
    ["kafka.t3.smal", "kafka.t3.smal", "kafka.t3.small"],
    ["express.m7g.4xlarg", "express.m7g.4xlarg", "express.m7g.4xlarge"],
    ["express.m7g.12xlarg", "express.m7g.12xlarg", "express.m7g.12xlarge"],
    ["upper case KAFKA.M5.2XLARGE", "KAFKA.M5.2XLARGE", "kafka.m5.2xlarge"],
    ["escape hatch kafka-m5-24xlarge", BrokerInstanceType.of("kafka-m5-24xlarge"), "kafka.m5.24xlarge"],
    ["escape hatch express_m7g_8xlarge", BrokerInstanceType.of("express_m7g_8xlarge"), "express.m7g.8xlarge"],
  ])("a misspelt instance type %s gets KSE-MSK-004 suggesting the catalog type", (_name, instanceType, suggestion) => {
    const received = typeof instanceType === "string" ? instanceType : instanceType.instanceType;
    expectError({ tier: "dev", instanceType: instanceType as any }, "KSE-MSK-004", `did you mean "${suggestion}"?`);
    expectError({ tier: "dev", instanceType: instanceType as any }, "KSE-MSK-004", `got "${received}"`);
  });

  test("error message names prop, value, allowed and fix", () => {
    try {
      build({ brokerNodes: 4 });
      throw new Error("expected a failure");
    } catch (e) {
      expect((e as Error).message).toBe(
        "[KSE-MSK-001] Invalid brokerNodes at test/orders: got 4. Allowed: a multiple of the number of client subnets (3). Fix: Use 3 brokers, or change the subnets.",
      );
    }
  });
});
