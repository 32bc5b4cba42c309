import { describeRule, r } from "../helpers";
import { secureCluster, secureMskStack } from "../fixtures";

const SEVEN_YEARS = String(7 * 365 * 86400000 + 2 * 86400000);
const audit = (attrs: Record<string, unknown>, metadata: Record<string, unknown> = {}) => [
  r("confluent_kafka_topic.t", { topic_name: "finance.ledger-audit", ...attrs }, { class: "audit", ...metadata }),
];

describeRule("KS-SOX-001", [
  { name: "seven years", resources: audit({ config: { "retention.ms": SEVEN_YEARS } }), expect: "compliant" },
  { name: "unlimited", resources: audit({ config: { "retention.ms": "-1" } }), expect: "compliant" },
  {
    name: "archived",
    resources: audit({ config: { "retention.ms": "604800000" } }, { archive: "s3://audit-archive/finance" }),
    expect: "compliant",
  },
  {
    name: "not an audit topic",
    resources: [r("kafka_topic.t", { name: "a.b", config: {} }, { class: "events" })],
    expect: "not-applicable",
  },
  {
    name: "seven days without archive fails",
    resources: audit({}),
    expect: "non-compliant",
    message: "retention 7 days (default) is under seven years and no archive is recorded",
  },
]);

describeRule("KS-SOX-002", [
  { name: "protected", resources: audit({ lifecycle: { prevent_destroy: true } }), expect: "compliant" },
  {
    name: "retired after archiving",
    resources: audit({}, { retire: "ledger v1 closed", archive: "s3://a/b" }),
    expect: "compliant",
  },
  {
    name: "unprotected in dev fails too",
    resources: audit({}, { tier: "dev" }),
    expect: "non-compliant",
    message: "audit topic without lifecycle.prevent_destroy = true",
  },
  {
    name: "retired without archive fails",
    resources: audit({}, { retire: "ledger v1 closed" }),
    expect: "non-compliant",
  },
]);

describeRule("KS-SOX-003", [
  { name: "tagged cluster", resources: secureMskStack(), expect: "compliant" },
  {
    name: "Owner from tags_all (provider default tags)",
    resources: [r("aws_msk_cluster.main", secureCluster({ tags: {}, tags_all: { Owner: "platform" } }))],
    expect: "compliant",
  },
  { name: "unrelated key", resources: [r("aws_kms_key.other", {})], expect: "not-applicable" },
  {
    name: "cluster without Owner fails",
    resources: [r("aws_msk_cluster.main", secureCluster({ tags: { Environment: "prod" } }))],
    expect: "non-compliant",
    message: "no Owner tag (neither on the resource nor in its AWS provider's default_tags)",
  },
  {
    name: "cluster key without Owner fails",
    resources: [r("aws_kms_key.kafka", { enable_key_rotation: true }), r("aws_msk_cluster.main", secureCluster())],
    expect: "non-compliant",
  },
]);

describeRule("KS-SOX-004", [
  { name: "365 days", resources: secureMskStack(), target: "aws_cloudwatch_log_group.broker", expect: "compliant" },
  {
    name: "never expires",
    resources: [
      r("aws_cloudwatch_log_group.broker", { name: "/msk/orders" }),
      r("aws_msk_cluster.main", secureCluster()),
    ],
    expect: "compliant",
  },
  {
    name: "90 days fails even in staging",
    resources: [
      r("aws_cloudwatch_log_group.broker", { name: "/msk/orders", retention_in_days: 90 }),
      r("aws_msk_cluster.main", secureCluster({ tags: { Environment: "staging" } })),
    ],
    expect: "non-compliant",
    message: "retention_in_days is 90; SOX requires at least 365",
  },
]);
