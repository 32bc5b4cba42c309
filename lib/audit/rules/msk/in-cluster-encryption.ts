import { defineRule, fail, notVerifiable, pass } from "../../rule";
import { block, bool, isUnresolved } from "../../values";

/** Broker-to-broker traffic is encrypted (`in_cluster` is not false; MSK's default is true). */
export const mskInClusterEncryption = defineRule({
  id: "KS-MSK-002",
  area: "MSK",
  severity: "error",
  title: "MSK broker-to-broker traffic is encrypted",
  explanation:
    "With in_cluster = false, replication traffic between brokers (every record, three times) crosses the VPC in plaintext.",
  fix: "Set encryption_info.encryption_in_transit.in_cluster = true (or leave it unset: the default is true).",
  controls: [
    "CKV_AWS_81",
    "MSK.1",
    "6db52fa6-d4da-4608-908a-89f0c59e743e",
    "MSKBrokerToBrokerTLS",
    "CT.MSK.PR.1",
    "GDPR-Art.32(1)(a)",
  ],
  compliance: ["gdpr"],
  resourceTypes: ["aws_msk_cluster"],
  evaluate(cluster) {
    const value = block(cluster.attributes, "encryption_info", "encryption_in_transit")?.in_cluster;
    if (isUnresolved(value)) return notVerifiable("in_cluster is an unresolved reference", [String(value)]);
    if (bool(value) === false) return fail("encryption_in_transit.in_cluster = false: brokers replicate in plaintext");
    return pass();
  },
});
