import { App, TerraformStack, Testing } from "cdktf";
import { ConfluentProvider } from "../../lib/providers/confluent/provider";

/** A test app and stack with a Confluent provider (credentials come from the environment). */
export function newConfluentStack(id = "test"): { app: App; stack: TerraformStack } {
  const app = Testing.app();
  const stack = new TerraformStack(app, id);
  new ConfluentProvider(stack, "confluent", {});
  return { app, stack };
}
