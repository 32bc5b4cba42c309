import { defineRule, fail, pass } from "../../rule";
import { IAM_POLICY_TYPES, isKafkaClusterWildcard, policyStatements, unreadablePolicy } from "../shared/iam-policy";

/** No IAM policy allows `kafka-cluster:*` (or `*`). */
export const iamKafkaWildcardAction = defineRule({
  id: "KS-IAM-001",
  area: "IAM",
  severity: "error",
  title: "IAM policies do not allow kafka-cluster:*",
  explanation:
    "kafka-cluster:* includes AlterCluster, DeleteTopic, AlterGroup and every write: an application role needs only Connect, DescribeTopic, ReadData or WriteData on its own topics.",
  fix: "List the kafka-cluster actions the principal needs (e.g. Connect, DescribeTopic, WriteData) on its topic and group ARNs.",
  controls: [],
  resourceTypes: IAM_POLICY_TYPES,
  evaluate(policy, ctx) {
    const statements = policyStatements(policy, ctx.doc);
    if (!statements) return unreadablePolicy(policy, ctx.doc);
    const wild = statements.filter((s) => s.allow).flatMap((s) => s.actions.filter(isKafkaClusterWildcard));
    if (wild.length === 0) return pass();
    return fail(`policy allows ${[...new Set(wild)].map((a) => JSON.stringify(a)).join(", ")}`);
  },
});
