import { baselineEqualsRule } from "../shared/configuration";

/** Broker baseline: `auto.create.topics.enable=false` in every MSK configuration. */
export const mskAutoCreateTopics = baselineEqualsRule({
  id: "KS-MSK-021",
  key: "auto.create.topics.enable",
  title: "MSK configuration disables topic auto-creation",
  explanation:
    "Auto-created topics get broker defaults (one partition, no class, no owner) and appear from typos in client configuration.",
});
