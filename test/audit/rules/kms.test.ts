import { describeRule, evaluateRule, r } from "../helpers";
import { secureCluster, secureMskStack } from "../fixtures";

const target = "aws_kms_key.kafka";
const stackWithKey = (key: Record<string, unknown>) => [
  r("aws_kms_key.kafka", key),
  r("aws_msk_cluster.main", secureCluster()),
];

describeRule("KS-KMS-001", [
  { name: "rotating key", resources: secureMskStack(), target, expect: "compliant" },
  { name: "key used by nothing Kafka", resources: [r("aws_kms_key.other", {})], expect: "not-applicable" },
  {
    name: "cluster key without rotation fails",
    resources: stackWithKey({ enable_key_rotation: false }),
    expect: "non-compliant",
    message: "enable_key_rotation is false; used by aws_msk_cluster.main",
  },
  {
    name: "SCRAM secret key without rotation fails",
    resources: [
      r("aws_kms_key.scram", {}),
      r("aws_secretsmanager_secret.u", { name: "AmazonMSK_u", kms_key_id: "${aws_kms_key.scram.key_id}" }),
      r("aws_msk_single_scram_secret_association.u", {
        cluster_arn: "arn",
        secret_arn: "${aws_secretsmanager_secret.u.arn}",
      }),
    ],
    expect: "non-compliant",
    message: "enable_key_rotation is not set; used by aws_secretsmanager_secret.u",
  },
  {
    name: "key named by its literal ARN",
    resources: [
      r("aws_kms_key.kafka", { arn: "arn:aws:kms:eu-west-1:1:key/abc", enable_key_rotation: false }),
      r(
        "aws_msk_cluster.main",
        secureCluster({ encryption_info: { encryption_at_rest_kms_key_arn: "arn:aws:kms:eu-west-1:1:key/abc" } }),
      ),
    ],
    expect: "non-compliant",
  },
  {
    name: "a key whose policy names the MSK service serves Kafka when its users are out of sight",
    resources: [
      r("aws_kms_key.k", {
        enable_key_rotation: false,
        policy: JSON.stringify({
          Statement: [
            {
              Effect: "Allow",
              Action: "kms:Decrypt",
              Condition: { StringEquals: { "kms:ViaService": "kafka.eu-west-1.amazonaws.com" } },
            },
          ],
        }),
      }),
    ],
    expect: "non-compliant",
    message: "enable_key_rotation is false",
  },
  {
    name: "a library key without users in sight still serves Kafka",
    resources: [r("aws_kms_key.k", { enable_key_rotation: true }, { construct: "MskCluster", tier: "prod" })],
    expect: "compliant",
  },
  {
    name: "a cluster whose key is in another file is not verifiable",
    resources: [
      r(
        "aws_msk_cluster.main",
        secureCluster({ encryption_info: { encryption_at_rest_kms_key_arn: "arn:aws:kms:eu-west-1:1:key/elsewhere" } }),
      ),
    ],
    expect: "not-verifiable",
  },
  {
    name: "a cluster whose key is here is checked on the key",
    resources: secureMskStack(),
    target: "aws_msk_cluster.main",
    expect: "not-applicable",
  },
  {
    name: "an alias resolves to its key",
    resources: [
      r("aws_kms_key.k", { enable_key_rotation: false }),
      r("aws_kms_alias.a", { name: "alias/kafka", target_key_id: "${aws_kms_key.k.key_id}" }),
      r(
        "aws_msk_cluster.main",
        secureCluster({ encryption_info: { encryption_at_rest_kms_key_arn: "${aws_kms_alias.a.arn}" } }),
      ),
    ],
    expect: "non-compliant",
    message: "enable_key_rotation is false; used by aws_msk_cluster.main",
  },
]);

describe("KS-KMS-001 on a cluster names the key out of sight", () => {
  test("reason and missing key", () => {
    expect(
      evaluateRule("KS-KMS-001", [
        r(
          "aws_msk_cluster.main",
          secureCluster({ encryption_info: { encryption_at_rest_kms_key_arn: "${aws_kms_key.shared.arn}" } }),
        ),
      ]),
    ).toEqual({
      status: "not-verifiable",
      reason: "its KMS key is not in this document: rotation cannot be read",
      missing: ["aws_kms_key.shared"],
    });
  });
});

describeRule("KS-KMS-002", [
  { name: "prod key with prevent_destroy", resources: secureMskStack(), target, expect: "compliant" },
  {
    name: "untagged key of a prod cluster fails",
    resources: stackWithKey({ enable_key_rotation: true }),
    expect: "non-compliant",
    message:
      "prod KMS key without lifecycle.prevent_destroy = true: a plan that replaces or destroys it deletes its data",
  },
  {
    name: "key of a dev cluster",
    resources: [r("aws_kms_key.kafka", {}), r("aws_msk_cluster.main", secureCluster({ tags: { Environment: "dev" } }))],
    expect: "not-applicable",
  },
  {
    name: "the key of a prod cluster in another file is not verifiable",
    resources: [
      r(
        "aws_msk_cluster.main",
        secureCluster({ encryption_info: { encryption_at_rest_kms_key_arn: "arn:aws:kms:eu-west-1:1:key/x" } }),
      ),
    ],
    expect: "not-verifiable",
  },
  {
    name: "the key of a dev cluster in another file is not required to be protected",
    resources: [
      r(
        "aws_msk_cluster.main",
        secureCluster({
          tags: { Environment: "dev" },
          encryption_info: { encryption_at_rest_kms_key_arn: "arn:aws:kms:eu-west-1:1:key/x" },
        }),
      ),
    ],
    expect: "not-applicable",
  },
]);
