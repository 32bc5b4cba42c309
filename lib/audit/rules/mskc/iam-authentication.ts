import { defineRule, fail, notVerifiable, pass } from "../../rule";
import { block, isUnresolved, show } from "../../values";

/** MSK Connect authenticates to the cluster with IAM (its only authenticated mode). */
export const mskcIamAuthentication = defineRule({
  id: "KS-MSKC-003",
  area: "MSKC",
  severity: "warning",
  title: "MSK Connect connectors authenticate with IAM",
  explanation:
    "authentication_type NONE needs an unauthenticated listener on the cluster and leaves the connector's reads and writes unattributed.",
  fix: 'Set kafka_cluster_client_authentication { authentication_type = "IAM" } and grant the service execution role topic-scoped kafka-cluster actions.',
  controls: [],
  resourceTypes: ["aws_mskconnect_connector"],
  evaluate(connector) {
    const value = block(connector.attributes, "kafka_cluster_client_authentication")?.authentication_type;
    if (isUnresolved(value)) return notVerifiable("authentication_type is an unresolved reference", [String(value)]);
    if (value === "IAM") return pass();
    return fail(`authentication_type is ${show(value ?? "NONE")}${value === undefined ? " (default)" : ""}, not "IAM"`);
  },
});
