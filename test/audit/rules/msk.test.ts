import { describeRule, r } from "../helpers";
import { secureCluster, secureMskStack } from "../fixtures";

const cluster = (overrides: Record<string, unknown>) => [r("aws_msk_cluster.main", secureCluster(overrides))];
const inTransit = (v: Record<string, unknown>) => ({
  encryption_info: { encryption_at_rest_kms_key_arn: "arn:aws:kms:eu-west-1:1:key/k", encryption_in_transit: v },
});
const brokerLogs = (v: Record<string, unknown>) => ({ logging_info: { broker_logs: v } });
const group = (v: Record<string, unknown>) => ({
  broker_node_group_info: { ...(secureCluster().broker_node_group_info as object), ...v },
});

describeRule("KS-MSK-001", [
  { name: "TLS is compliant", resources: secureMskStack(), expect: "compliant" },
  {
    name: "TLS_PLAINTEXT fails",
    resources: cluster(inTransit({ client_broker: "TLS_PLAINTEXT" })),
    expect: "non-compliant",
    message: 'encryption_in_transit.client_broker is "TLS_PLAINTEXT", not "TLS"',
  },
  {
    name: "PLAINTEXT fails",
    resources: cluster(inTransit({ client_broker: "PLAINTEXT" })),
    expect: "non-compliant",
    message: 'encryption_in_transit.client_broker is "PLAINTEXT", not "TLS"',
  },
  {
    name: "absent client_broker fails (Trivy reads TLS_PLAINTEXT)",
    resources: cluster(inTransit({ in_cluster: true })),
    expect: "non-compliant",
    message: "encryption_in_transit.client_broker is not set (read as TLS_PLAINTEXT by Trivy)",
  },
  {
    name: "no encryption_info fails (CKV_AWS_81)",
    resources: cluster({ encryption_info: undefined }),
    expect: "non-compliant",
    message: "no encryption_info block: client_broker defaults to TLS_PLAINTEXT for scanners",
  },
  {
    name: "unresolved value is not verifiable",
    resources: cluster(inTransit({ client_broker: "${var.mode}" })),
    expect: "not-verifiable",
  },
]);

describeRule("KS-MSK-002", [
  { name: "in_cluster true", resources: secureMskStack(), expect: "compliant" },
  {
    name: "in_cluster absent (default true)",
    resources: cluster(inTransit({ client_broker: "TLS" })),
    expect: "compliant",
  },
  {
    name: "in_cluster false fails",
    resources: cluster(inTransit({ client_broker: "TLS", in_cluster: false })),
    expect: "non-compliant",
    message: "encryption_in_transit.in_cluster = false: brokers replicate in plaintext",
  },
  {
    name: "in_cluster as string false fails",
    resources: cluster(inTransit({ client_broker: "TLS", in_cluster: "false" })),
    expect: "non-compliant",
  },
]);

describeRule("KS-MSK-003", [
  { name: "CMK reference", resources: secureMskStack(), expect: "compliant" },
  {
    name: "no key ARN fails",
    resources: cluster({ encryption_info: { encryption_in_transit: { client_broker: "TLS" } } }),
    expect: "non-compliant",
    message: "encryption_info.encryption_at_rest_kms_key_arn is not set: the AWS-managed key is used",
  },
  {
    name: "AWS-managed alias fails",
    resources: cluster({
      encryption_info: { encryption_at_rest_kms_key_arn: "arn:aws:kms:eu-west-1:1:alias/aws/kafka" },
    }),
    expect: "non-compliant",
    message: "encryption_at_rest_kms_key_arn names an AWS-managed key (arn:aws:kms:eu-west-1:1:alias/aws/kafka)",
  },
]);

describeRule("KS-MSK-004", [
  { name: "cloudwatch enabled", resources: secureMskStack(), expect: "compliant" },
  { name: "s3 enabled", resources: cluster(brokerLogs({ s3: { enabled: true, bucket: "b" } })), expect: "compliant" },
  {
    name: "no logging_info fails",
    resources: cluster({ logging_info: undefined }),
    expect: "non-compliant",
    message: "no logging_info.broker_logs destination is declared",
  },
  {
    name: "all destinations disabled fails",
    resources: cluster(brokerLogs({ firehose: { enabled: false }, s3: { enabled: false } })),
    expect: "non-compliant",
    message: "no broker-log destination is enabled (declared: firehose, s3)",
  },
  {
    name: "plan-style arrays are read",
    resources: cluster({ logging_info: [{ broker_logs: [{ cloudwatch_logs: [{ enabled: true, log_group: "g" }] }] }] }),
    expect: "compliant",
  },
]);

describeRule("KS-MSK-005", [
  { name: "only enabled destinations", resources: secureMskStack(), expect: "compliant" },
  {
    name: "a declared disabled destination fails (KICS)",
    resources: cluster(brokerLogs({ cloudwatch_logs: { enabled: true, log_group: "g" }, s3: { enabled: false } })),
    expect: "non-compliant",
    message: "broker_logs declares s3 without enabled = true",
  },
]);

describeRule("KS-MSK-006", [
  { name: "DISABLED", resources: secureMskStack(), expect: "compliant" },
  { name: "absent", resources: cluster(group({ connectivity_info: undefined })), expect: "compliant" },
  {
    name: "SERVICE_PROVIDED_EIPS fails",
    resources: cluster(group({ connectivity_info: { public_access: { type: "SERVICE_PROVIDED_EIPS" } } })),
    expect: "non-compliant",
    message: 'connectivity_info.public_access.type is "SERVICE_PROVIDED_EIPS"',
  },
]);

describeRule("KS-MSK-007", [
  { name: "IAM", resources: secureMskStack(), expect: "compliant" },
  { name: "SCRAM", resources: cluster({ client_authentication: { sasl: { scram: true } } }), expect: "compliant" },
  {
    name: "mTLS",
    resources: cluster({ client_authentication: { tls: { certificate_authority_arns: ["arn:ca"] } } }),
    expect: "compliant",
  },
  {
    name: "unauthenticated true fails",
    resources: cluster({ client_authentication: { unauthenticated: true, sasl: { iam: true } } }),
    expect: "non-compliant",
    message: "client_authentication.unauthenticated = true",
  },
  {
    name: "no client_authentication fails",
    resources: cluster({ client_authentication: undefined }),
    expect: "non-compliant",
    message: "no client_authentication block: MSK allows unauthenticated clients",
  },
  {
    name: "no method enabled fails",
    resources: cluster({ client_authentication: { unauthenticated: false, sasl: { iam: false } } }),
    expect: "non-compliant",
    message: "client_authentication enables no method (sasl.iam, sasl.scram or tls)",
  },
]);

describeRule("KS-MSK-008", [
  { name: "PER_TOPIC_PER_BROKER in prod", resources: secureMskStack(), expect: "compliant" },
  {
    name: "PER_BROKER in dev (tier policy)",
    resources: cluster({ enhanced_monitoring: "PER_BROKER", tags: { Environment: "dev" } }),
    expect: "compliant",
  },
  {
    name: "PER_BROKER in prod fails",
    resources: cluster({ enhanced_monitoring: "PER_BROKER" }),
    expect: "non-compliant",
    message: 'enhanced_monitoring is "PER_BROKER"; the prod tier policy requires PER_TOPIC_PER_BROKER or higher',
  },
  {
    name: "absent with unknown tier fails against MSK.2",
    resources: cluster({ enhanced_monitoring: undefined, tags: {} }),
    expect: "non-compliant",
    message:
      'enhanced_monitoring is "DEFAULT" (default); Security Hub MSK.2 (tier unknown) requires PER_TOPIC_PER_BROKER or higher',
  },
]);

describeRule("KS-MSK-009", [
  { name: "configuration attached", resources: secureMskStack(), expect: "compliant" },
  {
    name: "literal ARN of an existing configuration",
    resources: cluster({ configuration_info: { arn: "arn:aws:kafka:x:1:configuration/c/1", revision: 1 } }),
    expect: "compliant",
  },
  {
    name: "no configuration_info fails",
    resources: cluster({ configuration_info: undefined }),
    expect: "non-compliant",
    message: "no configuration_info: the cluster runs the MSK default configuration",
  },
  {
    name: "ARN of something else fails",
    resources: [
      r("aws_msk_cluster.main", secureCluster({ configuration_info: { arn: "${aws_kms_key.k.arn}" } })),
      r("aws_kms_key.k", {}),
    ],
    expect: "non-compliant",
    message: "configuration_info.arn points at aws_kms_key.k, not an aws_msk_configuration",
  },
]);

describeRule("KS-MSK-010", [
  {
    name: "3.9.x.kraft is supported",
    resources: secureMskStack(),
    expect: "compliant",
    options: { today: "2026-01-01" },
  },
  {
    name: "3.6.0 before its end of support",
    resources: cluster({ kafka_version: "3.6.0" }),
    expect: "compliant",
    options: { today: "2026-05-31" },
  },
  {
    name: "3.6.0 on its end-of-support date fails",
    resources: cluster({ kafka_version: "3.6.0" }),
    expect: "non-compliant",
    message: "kafka_version 3.6.0 reached end of support on 2026-06-01",
    options: { today: "2026-06-01" },
  },
  {
    name: "2.8.1 fails",
    resources: cluster({ kafka_version: "2.8.1" }),
    expect: "non-compliant",
    message: "kafka_version 2.8.1 reached end of support on 2024-09-11",
  },
  {
    name: "unknown version is left to KS-MSK-011",
    resources: cluster({ kafka_version: "9.9.9" }),
    expect: "not-applicable",
  },
]);

describeRule("KS-MSK-011", [
  { name: "catalogued version", resources: secureMskStack(), expect: "compliant" },
  { name: "catalogued but ended version", resources: cluster({ kafka_version: "2.8.1" }), expect: "compliant" },
  {
    name: "unknown version fails",
    resources: cluster({ kafka_version: "4.9.x" }),
    expect: "non-compliant",
    message: 'kafka_version "4.9.x" is not in the catalog',
  },
  {
    name: "missing version fails",
    resources: cluster({ kafka_version: undefined }),
    expect: "non-compliant",
    message: "kafka_version is not set",
  },
]);

describeRule("KS-MSK-012", [
  { name: "catalogued type", resources: secureMskStack(), expect: "compliant" },
  { name: "express type", resources: cluster(group({ instance_type: "express.m7g.large" })), expect: "compliant" },
  {
    name: "unknown type fails",
    resources: cluster(group({ instance_type: "kafka.m9.large" })),
    expect: "non-compliant",
    message: 'instance_type "kafka.m9.large" is not in the broker catalog',
  },
]);

describeRule("KS-MSK-013", [
  { name: "3 brokers over 3 AZs in prod", resources: secureMskStack(), expect: "compliant" },
  {
    name: "2 brokers in dev",
    resources: cluster({
      number_of_broker_nodes: 2,
      tags: { Environment: "dev" },
      ...group({ client_subnets: ["a", "b"] }),
    }),
    expect: "compliant",
  },
  {
    name: "2 brokers over 2 AZs in prod fails",
    resources: cluster({ number_of_broker_nodes: 2, ...group({ client_subnets: ["a", "b"] }) }),
    expect: "non-compliant",
    message:
      "prod tier requires 3 brokers over 3 AZs: number_of_broker_nodes 2 < 3; 2 client_subnets < 3 availability zones",
  },
  { name: "unknown tier", resources: cluster({ number_of_broker_nodes: 1, tags: {} }), expect: "not-applicable" },
  {
    name: "tier from the audit option",
    resources: cluster({ number_of_broker_nodes: 1, tags: {} }),
    expect: "non-compliant",
    message: "staging tier requires 3 brokers over 3 AZs: number_of_broker_nodes 1 < 3",
    options: { tier: "staging" },
  },
]);

describeRule("KS-MSK-014", [
  { name: "m7g in prod", resources: secureMskStack(), expect: "compliant" },
  {
    name: "t3 in dev",
    resources: cluster({ ...group({ instance_type: "kafka.t3.small" }), tags: { Environment: "development" } }),
    expect: "compliant",
  },
  {
    name: "t3 in prod fails",
    resources: cluster(group({ instance_type: "kafka.t3.small" })),
    expect: "non-compliant",
    message: "burstable instance_type kafka.t3.small in the prod tier",
  },
]);

describeRule("KS-MSK-015", [
  { name: "prod with prevent_destroy", resources: secureMskStack(), expect: "compliant" },
  {
    name: "staging without",
    resources: cluster({ lifecycle: undefined, tags: { Environment: "staging" } }),
    expect: "not-applicable",
  },
  {
    name: "prod without prevent_destroy fails",
    resources: cluster({ lifecycle: undefined }),
    expect: "non-compliant",
    message:
      "prod MSK cluster without lifecycle.prevent_destroy = true: a plan that replaces or destroys it deletes its data",
  },
  {
    name: "prod being retired",
    resources: [
      r("aws_msk_cluster.main", secureCluster({ lifecycle: undefined }), {
        retire: "replaced by orders-v2 (CHG-1234)",
      }),
    ],
    expect: "compliant",
  },
]);
