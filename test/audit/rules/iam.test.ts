import { describeRule, r } from "../helpers";

const policy = (statement: unknown, type = "aws_iam_policy") => [
  r(`${type}.p`, { name: "p", policy: JSON.stringify({ Version: "2012-10-17", Statement: statement }) }),
];
const topicArn = "arn:aws:kafka:eu-west-1:1:topic/orders/*/orders.created";
const scoped = { Effect: "Allow", Action: ["kafka-cluster:Connect", "kafka-cluster:WriteData"], Resource: [topicArn] };

describeRule("KS-IAM-001", [
  { name: "listed actions", resources: policy([scoped]), expect: "compliant" },
  {
    name: "Deny kafka-cluster:*",
    resources: policy([{ Effect: "Deny", Action: "kafka-cluster:*", Resource: "*" }]),
    expect: "compliant",
  },
  {
    name: "kafka-cluster:* fails",
    resources: policy({ Effect: "Allow", Action: "kafka-cluster:*", Resource: topicArn }),
    expect: "non-compliant",
    message: 'policy allows "kafka-cluster:*"',
  },
  {
    name: "* fails (role policy)",
    resources: policy([{ Effect: "Allow", Action: ["*"], Resource: "*" }], "aws_iam_role_policy"),
    expect: "non-compliant",
    message: 'policy allows "*"',
  },
  {
    name: "policy document data source is followed",
    resources: [
      r("aws_iam_policy.p", { policy: "${data.aws_iam_policy_document.d.json}" }),
      r("data.aws_iam_policy_document.d", {
        statement: [{ effect: "Allow", actions: ["kafka-cluster:*"], resources: [topicArn] }],
      }),
    ],
    expect: "non-compliant",
    message: 'policy allows "kafka-cluster:*"',
  },
  {
    name: "jsonencode expression is not verifiable",
    resources: [r("aws_iam_policy.p", { policy: "${jsonencode({})}" })],
    expect: "not-verifiable",
  },
  {
    name: "a policy document in another file is not verifiable",
    resources: [r("aws_iam_policy.p", { policy: "${data.aws_iam_policy_document.elsewhere.json}" })],
    expect: "not-verifiable",
  },
  {
    name: "text that is not JSON is not applicable",
    resources: [r("aws_iam_policy.p", { policy: "not json" })],
    expect: "not-applicable",
  },
]);

describeRule("KS-IAM-002", [
  { name: "topic ARN", resources: policy([scoped]), expect: "compliant" },
  {
    name: "non-Kafka action on *",
    resources: policy([{ Effect: "Allow", Action: "s3:ListAllMyBuckets", Resource: "*" }]),
    expect: "compliant",
  },
  {
    name: "kafka-cluster actions on * fail",
    resources: policy([{ ...scoped, Resource: "*" }], "aws_iam_user_policy"),
    expect: "non-compliant",
    message: 'kafka-cluster actions kafka-cluster:Connect, kafka-cluster:WriteData allowed on Resource "*"',
  },
]);

describe("IAM policies written as JSON with Terraform interpolations", () => {
  test("a wildcard resource inside such a policy is found", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { auditDocument } = require("../../../lib/audit/engine");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { loadTerraformJsonConfig } = require("../../../lib/audit/loaders/cdktf-json");
    const policy = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: ["kafka-cluster:WriteData"],
          Resource: ['${replace(aws_msk_cluster.c.arn, ":cluster/", ":topic/")}/*'],
        },
      ],
    });
    const doc = loadTerraformJsonConfig({ resource: { aws_iam_policy: { p: { name: "p", policy } } } }, "t");
    const report = auditDocument(doc, { name: "t" });
    expect(
      report.findings.filter((f: any) => f.rule.startsWith("KS-IAM")).map((f: any) => [f.rule, f.resource]),
    ).toEqual([["KS-IAM-002", "aws_iam_policy.p"]]);
  });
});
