import { renderArchitecture } from "../../lib/docs/architecture";

test("IAM grants written with ARNs derived from the cluster ARN show as produce/consume edges", () => {
  const policy = JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      { Sid: "Cluster", Effect: "Allow", Action: ["kafka-cluster:Connect"], Resource: ["${aws_msk_cluster.c.arn}"] },
      {
        Sid: "ProduceTopics",
        Effect: "Allow",
        Action: ["kafka-cluster:DescribeTopic", "kafka-cluster:WriteData"],
        Resource: ['${replace(aws_msk_cluster.c.arn, ":cluster/", ":topic/")}/orders.created'],
      },
    ],
  }).replace(/\\"/g, '"'); // as synthesized: the quotes inside the interpolation are not escaped
  const doc = {
    resource: {
      aws_msk_cluster: {
        c: {
          cluster_name: "shop-prod",
          kafka_version: "3.9.x.kraft",
          number_of_broker_nodes: 3,
          broker_node_group_info: { instance_type: "kafka.m7g.large" },
        },
      },
      aws_iam_policy: { p: { name: "shop-prod-api-kafka", policy } },
    },
  };
  const text = renderArchitecture(doc, "s");
  expect(text).toContain('principal_p(["IAM policy shop-prod-api-kafka"])');
  expect(text).toMatch(/principal_p -->\|"produce orders\.created"\| cluster_c/);
});
