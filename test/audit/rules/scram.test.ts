import { describeRule, evaluateRule, r } from "../helpers";

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
  {
    name: "an AmazonMSK_ secret whose association is in another file is judged by its name",
    resources: [r("aws_secretsmanager_secret.u", { name: "AmazonMSK_orders_alice" })],
    expect: "non-compliant",
    message: "kms_key_id is not set: the default aws/secretsmanager key is used",
  },
  {
    name: "an AmazonMSK_ name_prefix alone is enough",
    resources: [r("aws_secretsmanager_secret.u", { name_prefix: "AmazonMSK_alice-", kms_key_id: "arn:aws:kms:k" })],
    expect: "compliant",
  },
  {
    name: "an association whose secret is in another file is not verifiable",
    resources: [
      r("aws_msk_single_scram_secret_association.a", {
        cluster_arn: "${aws_msk_cluster.c.arn}",
        secret_arn: "${aws_secretsmanager_secret.elsewhere.arn}",
      }),
    ],
    expect: "not-verifiable",
  },
  {
    name: "an association whose secrets are here is checked on the secrets",
    resources: scram({ name: "AmazonMSK_u", kms_key_id: "arn:aws:kms:k" }),
    target: "aws_msk_scram_secret_association.a",
    expect: "not-applicable",
  },
]);

describe("KS-SCRAM-001 reports what is out of sight", () => {
  test("the missing secret's address", () => {
    const result = evaluateRule("KS-SCRAM-001", [
      r("aws_msk_scram_secret_association.a", {
        cluster_arn: "arn:cluster",
        secret_arn_list: ["${aws_secretsmanager_secret.here.arn}", "${aws_secretsmanager_secret.gone.arn}"],
      }),
      r("aws_secretsmanager_secret.here", { name: "AmazonMSK_here", kms_key_id: "arn:aws:kms:k" }),
    ]);
    expect(result).toEqual({
      status: "not-verifiable",
      reason: "the associated secret is not in this document: its kms_key_id cannot be read",
      missing: ["aws_secretsmanager_secret.gone"],
    });
  });
});

describeRule("KS-SCRAM-002", [
  { name: "AmazonMSK_ name", resources: scram({ name: "AmazonMSK_u" }), expect: "compliant" },
  { name: "AmazonMSK_ name_prefix", resources: scram({ name_prefix: "AmazonMSK_u-" }), expect: "compliant" },
  {
    name: "other name fails",
    resources: scram({ name: "scram-u" }),
    expect: "non-compliant",
    message: 'secret name "scram-u" does not start with AmazonMSK_',
  },
  {
    name: "an unassociated secret of another name is not a SCRAM secret",
    resources: [r("aws_secretsmanager_secret.x", { name: "db-password" })],
    expect: "not-applicable",
  },
  {
    name: "a secret outside the document is checked by the name in its ARN",
    resources: [
      r("aws_msk_single_scram_secret_association.a", {
        cluster_arn: "arn:cluster",
        secret_arn: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_alice-AbC123",
      }),
    ],
    expect: "compliant",
  },
  {
    name: "an ARN naming another secret fails",
    resources: [
      r("aws_msk_single_scram_secret_association.a", {
        cluster_arn: "arn:cluster",
        secret_arn: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:alice-password-AbC123",
      }),
    ],
    expect: "non-compliant",
    message: 'associates secret "alice-password", not named AmazonMSK_…',
  },
  {
    name: "a referenced secret outside the document is not verifiable",
    resources: [
      r("aws_msk_single_scram_secret_association.a", {
        cluster_arn: "arn:cluster",
        secret_arn: "${module.users.secret_arn}",
      }),
    ],
    expect: "not-verifiable",
  },
  {
    name: "an unresolved name is not verifiable",
    resources: scram({ name: "${var.secret_name}" }),
    expect: "not-verifiable",
  },
]);
