import { describeRule, r } from "../helpers";

const scram = (secret: Record<string, unknown>) => [
  r("aws_secretsmanager_secret.u", secret),
  r("aws_msk_scram_secret_association.a", {
    cluster_arn: "arn:cluster",
    secret_arn_list: ["${aws_secretsmanager_secret.u.arn}"],
  }),
];

describeRule("KS-SCRAM-001", [
  { name: "CMK", resources: scram({ name: "AmazonMSK_u", kms_key_id: "${aws_kms_key.k.arn}" }), expect: "compliant" },
  {
    name: "secret not used by MSK",
    resources: [r("aws_secretsmanager_secret.x", { name: "x" })],
    expect: "not-applicable",
  },
  {
    name: "default key fails",
    resources: scram({ name: "AmazonMSK_u" }),
    expect: "non-compliant",
    message: "kms_key_id is not set: the default aws/secretsmanager key is used",
  },
  {
    name: "AWS-managed alias fails",
    resources: scram({ name: "AmazonMSK_u", kms_key_id: "alias/aws/secretsmanager" }),
    expect: "non-compliant",
    message: "kms_key_id names an AWS-managed key",
  },
]);

describeRule("KS-SCRAM-002", [
  { name: "AmazonMSK_ name", resources: scram({ name: "AmazonMSK_u" }), expect: "compliant" },
  { name: "AmazonMSK_ name_prefix", resources: scram({ name_prefix: "AmazonMSK_u-" }), expect: "compliant" },
  {
    name: "other name fails",
    resources: scram({ name: "scram-u" }),
    expect: "non-compliant",
    message: 'secret name "scram-u" does not start with AmazonMSK_',
  },
]);
