import { defineRule, fail, notVerifiable, pass } from "../../rule";
import { block, isUnresolved, str } from "../../values";

/** Confluent API keys belong to service accounts, never to users. */
export const confluentUserOwnedApiKey = defineRule({
  id: "KS-CFL-001",
  area: "CFL",
  severity: "error",
  title: "Confluent API keys are owned by service accounts",
  explanation:
    "A user's API keys are deleted with the user, breaking every application that uses them, and actions taken with them are attributed to a person rather than an application.",
  fix: 'Create a confluent_service_account per application and set owner { kind = "ServiceAccount", id = <service account id>, api_version = "iam/v2" }.',
  controls: [],
  resourceTypes: ["confluent_api_key"],
  evaluate(key) {
    const kind = block(key.attributes, "owner")?.kind;
    if (isUnresolved(kind)) return notVerifiable("owner.kind is an unresolved reference", [String(kind)]);
    if (str(kind) === "User")
      return fail(`owner.kind is "User" (owner ${str(block(key.attributes, "owner")?.id) ?? "unknown"})`);
    return pass();
  },
});
