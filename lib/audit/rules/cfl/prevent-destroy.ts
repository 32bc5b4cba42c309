import { defineRule } from "../../rule";
import { requirePreventDestroyInProd } from "../shared/lifecycle";

const WHAT: Readonly<Record<string, string>> = {
  confluent_kafka_cluster: "Confluent cluster",
  confluent_environment: "Confluent environment",
  confluent_api_key: "Confluent API key",
};

/** Prod Confluent clusters, environments and API keys carry `lifecycle.prevent_destroy`. */
export const confluentPreventDestroy = defineRule({
  id: "KS-CFL-003",
  area: "CFL",
  severity: "error",
  title: "Prod Confluent clusters, environments and API keys are protected from destroy",
  explanation:
    "Destroying an environment or cluster deletes every topic in it; replacing an API key breaks every client using it. The Confluent provider recommends prevent_destroy on all three.",
  fix: "Set lifecycle { prevent_destroy = true } on prod confluent_kafka_cluster, confluent_environment and confluent_api_key resources.",
  controls: [],
  resourceTypes: Object.keys(WHAT),
  tierDependent: true,
  evaluate: (resource, ctx) => requirePreventDestroyInProd(resource, ctx, WHAT[resource.type] ?? resource.type),
});
