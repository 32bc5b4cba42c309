/**
 * Raw resources that pass every rule, for tests to weaken one attribute at a time.
 */
import { r, type ResourceSpec } from "./helpers";

/** A prod MSK cluster meeting the standard (key, log group and alarm come from `secureMskStack`). */
export function secureCluster(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    cluster_name: "orders",
    kafka_version: "3.9.x.kraft",
    number_of_broker_nodes: 3,
    broker_node_group_info: {
      instance_type: "kafka.m7g.large",
      client_subnets: ["subnet-a", "subnet-b", "subnet-c"],
      security_groups: ["sg-1"],
      connectivity_info: { public_access: { type: "DISABLED" } },
      storage_info: { ebs_storage_info: { volume_size: 1000 } },
    },
    encryption_info: {
      encryption_at_rest_kms_key_arn: "${aws_kms_key.kafka.arn}",
      encryption_in_transit: { client_broker: "TLS", in_cluster: true },
    },
    client_authentication: { unauthenticated: false, sasl: { iam: true } },
    configuration_info: { arn: "${aws_msk_configuration.baseline.arn}", revision: 1 },
    enhanced_monitoring: "PER_TOPIC_PER_BROKER",
    logging_info: {
      broker_logs: { cloudwatch_logs: { enabled: true, log_group: "${aws_cloudwatch_log_group.broker.name}" } },
    },
    lifecycle: { prevent_destroy: true },
    tags: { Environment: "prod", Owner: "platform" },
    ...overrides,
  };
}

/** The baseline `server.properties`. */
export const BASELINE_PROPERTIES = [
  "auto.create.topics.enable=false",
  "allow.everyone.if.no.acl.found=false",
  "unclean.leader.election.enable=false",
  "default.replication.factor=3",
  "min.insync.replicas=2",
].join("\n");

/** A complete, compliant MSK stack: cluster, configuration, key, log group, alarm. */
export function secureMskStack(clusterOverrides: Record<string, unknown> = {}): ResourceSpec[] {
  return [
    r("aws_msk_cluster.main", secureCluster(clusterOverrides)),
    r("aws_msk_configuration.baseline", { name: "baseline", server_properties: BASELINE_PROPERTIES }),
    r("aws_kms_key.kafka", {
      enable_key_rotation: true,
      lifecycle: { prevent_destroy: true },
      tags: { Environment: "prod", Owner: "platform" },
    }),
    r("aws_cloudwatch_log_group.broker", {
      name: "/msk/orders",
      retention_in_days: 365,
      kms_key_id: "${aws_kms_key.kafka.arn}",
      tags: { Environment: "prod", Owner: "platform" },
    }),
    r("aws_cloudwatch_metric_alarm.offline", {
      alarm_name: "orders-offline-partitions",
      namespace: "AWS/Kafka",
      metric_name: "OfflinePartitionsCount",
      dimensions: { "Cluster Name": "${aws_msk_cluster.main.cluster_name}" },
    }),
  ];
}
