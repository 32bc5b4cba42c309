import { describeRule, r } from "../helpers";
import { secureCluster, secureMskStack } from "../fixtures";

const withGroup = (group: Record<string, unknown>, clusterTags: Record<string, string> = { Environment: "prod" }) => [
  r("aws_cloudwatch_log_group.broker", { name: "/msk/orders", ...group }),
  r("aws_msk_cluster.main", secureCluster({ tags: clusterTags })),
];
const target = "aws_cloudwatch_log_group.broker";

describeRule("KS-LOG-001", [
  { name: "365 days in prod", resources: secureMskStack(), target, expect: "compliant" },
  {
    name: "30 days in dev (tier from the cluster)",
    resources: withGroup({ retention_in_days: 30 }, { Environment: "dev" }),
    expect: "compliant",
  },
  {
    name: "log group of nothing",
    resources: [r("aws_cloudwatch_log_group.other", { retention_in_days: 1 })],
    expect: "not-applicable",
  },
  {
    name: "7 days in prod fails",
    resources: withGroup({ retention_in_days: 7 }),
    expect: "non-compliant",
    message: "retention_in_days is 7; the prod tier requires at least 365",
  },
  {
    name: "own tag wins over the cluster's tier",
    resources: withGroup({ retention_in_days: 30, tags: { Environment: "staging" } }),
    expect: "non-compliant",
    message: "retention_in_days is 30; the staging tier requires at least 90",
  },
  {
    name: "no retention fails",
    resources: withGroup({}),
    expect: "non-compliant",
    message: "retention_in_days is not set: logs never expire; set it explicitly to at least 365 (prod)",
  },
  {
    name: "log group named by literal",
    resources: [
      r("aws_cloudwatch_log_group.broker", { name: "/msk/lit", retention_in_days: 1 }),
      r(
        "aws_msk_cluster.main",
        secureCluster({ logging_info: { broker_logs: { cloudwatch_logs: { enabled: true, log_group: "/msk/lit" } } } }),
      ),
    ],
    expect: "non-compliant",
  },
  {
    name: "a log group named /aws/msk… is a broker log group when its cluster is out of sight",
    resources: [
      r("aws_cloudwatch_log_group.g", {
        name: "/aws/msk/orders/broker",
        retention_in_days: 7,
        tags: { Environment: "prod" },
      }),
    ],
    expect: "non-compliant",
    message: "retention_in_days is 7; the prod tier requires at least 365",
  },
  {
    name: "a cluster whose log group is in another file is not verifiable",
    resources: [r("aws_msk_cluster.main", secureCluster())],
    expect: "not-verifiable",
  },
  {
    name: "a cluster of unknown tier whose log group is in another file",
    resources: [r("aws_msk_cluster.main", secureCluster({ tags: {} }))],
    expect: "not-applicable",
  },
  {
    name: "a cluster whose log group is here is checked on the log group",
    resources: secureMskStack(),
    target: "aws_msk_cluster.main",
    expect: "not-applicable",
  },
]);

describeRule("KS-LOG-002", [
  { name: "CMK", resources: secureMskStack(), target, expect: "compliant" },
  {
    name: "no kms_key_id fails",
    resources: withGroup({ retention_in_days: 365 }),
    expect: "non-compliant",
    message: "kms_key_id is not set",
  },
  {
    name: "AWS-managed key fails",
    resources: withGroup({ kms_key_id: "alias/aws/logs" }),
    expect: "non-compliant",
    message: "kms_key_id names an AWS-managed key",
  },
  {
    name: "a cluster whose log group is in another file is not verifiable",
    resources: [r("aws_msk_cluster.main", secureCluster())],
    expect: "not-verifiable",
  },
]);
