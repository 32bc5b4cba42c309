import { describeRule, r } from "../helpers";

function connector(overrides: Record<string, unknown> = {}) {
  return [
    r("aws_mskconnect_connector.sink", {
      name: "orders-sink",
      kafkaconnect_version: "2.7.1",
      service_execution_role_arn: "arn:aws:iam::1:role/connect",
      capacity: { provisioned_capacity: { worker_count: 1 } },
      kafka_cluster: {
        apache_kafka_cluster: { bootstrap_servers: "b:9098", vpc: { security_groups: ["sg"], subnets: ["a"] } },
      },
      kafka_cluster_client_authentication: { authentication_type: "IAM" },
      kafka_cluster_encryption_in_transit: { encryption_type: "TLS" },
      log_delivery: { worker_log_delivery: { cloudwatch_logs: { enabled: true, log_group: "/connect/orders" } } },
      plugin: [{ custom_plugin: { arn: "arn:plugin", revision: 1 } }],
      connector_configuration: {
        "connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector",
        topics: "orders.created",
        "errors.tolerance": "all",
        "errors.deadletterqueue.topic.name": "orders.created.dlq",
      },
      ...overrides,
    }),
  ];
}

describeRule("KS-MSKC-001", [
  { name: "TLS", resources: connector(), expect: "compliant" },
  {
    name: "no block fails (PLAINTEXT default)",
    resources: connector({ kafka_cluster_encryption_in_transit: undefined }),
    expect: "non-compliant",
    message: "no kafka_cluster_encryption_in_transit: the connector uses PLAINTEXT",
  },
  {
    name: "PLAINTEXT fails",
    resources: connector({ kafka_cluster_encryption_in_transit: { encryption_type: "PLAINTEXT" } }),
    expect: "non-compliant",
    message: 'kafka_cluster_encryption_in_transit.encryption_type is "PLAINTEXT", not "TLS"',
  },
]);

describeRule("KS-MSKC-002", [
  { name: "CloudWatch delivery", resources: connector(), expect: "compliant" },
  {
    name: "S3 delivery",
    resources: connector({ log_delivery: { worker_log_delivery: { s3: { enabled: true, bucket: "b" } } } }),
    expect: "compliant",
  },
  {
    name: "no log_delivery fails",
    resources: connector({ log_delivery: undefined }),
    expect: "non-compliant",
    message: "no log_delivery.worker_log_delivery destination",
  },
  {
    name: "disabled delivery fails",
    resources: connector({ log_delivery: { worker_log_delivery: { firehose: { enabled: false } } } }),
    expect: "non-compliant",
    message: "no worker-log destination is enabled",
  },
]);

describeRule("KS-MSKC-003", [
  { name: "IAM", resources: connector(), expect: "compliant" },
  {
    name: "absent fails (NONE default)",
    resources: connector({ kafka_cluster_client_authentication: undefined }),
    expect: "non-compliant",
    message: 'authentication_type is "NONE" (default), not "IAM"',
  },
  {
    name: "NONE fails",
    resources: connector({ kafka_cluster_client_authentication: { authentication_type: "NONE" } }),
    expect: "non-compliant",
    message: 'authentication_type is "NONE", not "IAM"',
  },
]);
