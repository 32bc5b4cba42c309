import { defineRule, fail, notVerifiable, pass } from "../../rule";
import { block, isUnresolved, show } from "../../values";

/** MSK Connect talks TLS to the cluster (Security Hub MSK.3). The default is PLAINTEXT and cannot change after creation. */
export const mskcEncryptionInTransit = defineRule({
  id: "KS-MSKC-001",
  area: "MSKC",
  severity: "error",
  title: "MSK Connect connectors are encrypted in transit",
  explanation:
    "A connector without kafka_cluster_encryption_in_transit uses PLAINTEXT to the brokers. The setting cannot be changed after creation, so the connector must be re-created to fix it.",
  fix: 'Set kafka_cluster_encryption_in_transit { encryption_type = "TLS" } (re-creates the connector).',
  controls: ["MSK.3"],
  resourceTypes: ["aws_mskconnect_connector"],
  evaluate(connector) {
    const value = block(connector.attributes, "kafka_cluster_encryption_in_transit")?.encryption_type;
    if (isUnresolved(value)) return notVerifiable("encryption_type is an unresolved reference", [String(value)]);
    if (value === "TLS") return pass();
    if (value === undefined) return fail("no kafka_cluster_encryption_in_transit: the connector uses PLAINTEXT");
    return fail(`kafka_cluster_encryption_in_transit.encryption_type is ${show(value)}, not "TLS"`);
  },
});
