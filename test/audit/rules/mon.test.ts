import { describeRule, r } from "../helpers";
import { secureCluster, secureMskStack } from "../fixtures";

describeRule("KS-MON-001", [
  { name: "alarm with a cluster reference", resources: secureMskStack(), expect: "compliant" },
  {
    name: "alarm with the literal cluster name",
    resources: [
      r("aws_msk_cluster.main", secureCluster()),
      r("aws_cloudwatch_metric_alarm.a", { dimensions: { "Cluster Name": "orders" } }),
    ],
    expect: "compliant",
  },
  {
    name: "metric-math alarm",
    resources: [
      r("aws_msk_cluster.main", secureCluster()),
      r("aws_cloudwatch_metric_alarm.a", {
        metric_query: [
          {
            id: "cpu",
            metric: {
              metric_name: "CpuUser",
              namespace: "AWS/Kafka",
              dimensions: { "Cluster Name": "${aws_msk_cluster.main.cluster_name}", "Broker ID": "1" },
            },
          },
        ],
      }),
    ],
    expect: "compliant",
  },
  {
    name: "no alarm fails",
    resources: [r("aws_msk_cluster.main", secureCluster())],
    expect: "non-compliant",
    message: 'no aws_cloudwatch_metric_alarm has dimension "Cluster Name" referring to this cluster',
  },
  {
    name: "alarm on another cluster fails",
    resources: [
      r("aws_msk_cluster.main", secureCluster()),
      r("aws_cloudwatch_metric_alarm.a", { dimensions: { "Cluster Name": "payments" } }),
    ],
    expect: "non-compliant",
  },
]);
