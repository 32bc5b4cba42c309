import { defineRule, fail, notApplicable, pass } from "../../rule";
import { INGRESS_TYPES, ingressRules, kafkaExposure } from "../shared/security-groups";

/** No security group opens Kafka, ZooKeeper or all ports to 0.0.0.0/0 or ::/0. */
export const netOpenKafkaIngress = defineRule({
  id: "KS-NET-001",
  area: "NET",
  severity: "error",
  title: "Security groups do not open Kafka ports to the internet",
  explanation:
    "An ingress rule from 0.0.0.0/0 or ::/0 on 9092-9098 or 2181-2182 (or on all ports) lets anyone who reaches the network attempt connections to brokers and ZooKeeper; authentication becomes the only barrier.",
  fix: "Allow ingress only from the client security groups (source_security_group_id / referenced_security_group_id) or the VPC CIDR.",
  constructFix: {
    MskCluster:
      "Remove 0.0.0.0/0 (and ::/0) from the MskCluster prop allowedClientCidrs; allow the clients through allowedClientSecurityGroupIds or the VPC CIDR.",
  },
  controls: ["CKV_AWS_277"],
  resourceTypes: INGRESS_TYPES,
  evaluate(resource) {
    const rules = ingressRules(resource);
    if (rules.length === 0) return notApplicable("no ingress rule");
    const exposed = rules.map(kafkaExposure).filter((e): e is string => e !== undefined);
    if (exposed.length === 0) return pass();
    return fail(`ingress allows ${exposed.join(", ")}`);
  },
});
