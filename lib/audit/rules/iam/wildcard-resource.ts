import { defineRule, fail, pass } from "../../rule";
import { IAM_POLICY_TYPES, coversKafkaCluster, policyStatements, unreadablePolicy } from "../shared/iam-policy";

/** kafka-cluster actions are scoped to cluster, topic and group ARNs, never `Resource: "*"`. */
export const iamKafkaWildcardResource = defineRule({
  id: "KS-IAM-002",
  area: "IAM",
  severity: "error",
  title: 'IAM policies do not grant kafka-cluster actions on Resource "*" or on every topic or group',
  explanation:
    'Resource "*" applies the kafka-cluster actions to every cluster, topic and group in the account, including other teams\' and future ones; a topic or group ARN ending in "/*" does the same for every topic or group of the cluster.',
  fix: "Scope Resource to arn:aws:kafka:<region>:<account>:cluster/<name>/*, topic/<name>/*/<topic> and group/<name>/*/<group> ARNs.",
  controls: ["CKV_AWS_355"],
  resourceTypes: IAM_POLICY_TYPES,
  evaluate(policy, ctx) {
    const statements = policyStatements(policy, ctx.doc);
    if (!statements) return unreadablePolicy(policy, ctx.doc);
    const everything = (r: string): boolean => r === "*" || /:(topic|group)\/.*\/\*$/.test(r);
    const bad = statements.filter((s) => s.allow && s.resources.some(everything) && s.actions.some(coversKafkaCluster));
    if (bad.length === 0) return pass();
    const actions = [...new Set(bad.flatMap((s) => s.actions.filter(coversKafkaCluster)))];
    const resources = [...new Set(bad.flatMap((s) => s.resources.filter(everything)))];
    return fail(
      `kafka-cluster actions ${actions.join(", ")} allowed on Resource ${resources.map((r) => JSON.stringify(r)).join(", ")}`,
    );
  },
});
