import { Construct, IConstruct } from "constructs";
import { TerraformStack } from "cdktf";
import { KafkaStandardsErrorCode, failWith } from "../errors";

/** The id constructs stores for `id` (it escapes the path separator). */
function storedId(id: string): string {
  return id.replace(/\//g, "--");
}

/**
 * Checks where a construct is about to be added, before it is: `scope` must be a construct inside a
 * TerraformStack, `id` a non-empty string not yet used in `scope`. Called before `super(scope, id)`,
 * so a failed construction adds nothing to the tree and the same id can be used again.
 *
 * @returns the construct path the new construct will have, for error messages.
 */
export function checkConstructSite(scope: unknown, id: unknown, construct: string): string {
  if (!Construct.isConstruct(scope)) {
    failWith(
      "KSE-CORE-003",
      "scope",
      scope,
      "a construct inside a TerraformStack (the stack itself, or a construct in it)",
      `Pass the stack as the first argument: new ${construct}(stack, "id", props).`,
    );
  }
  let inStack = true;
  try {
    TerraformStack.of(scope);
  } catch {
    inStack = false;
  }
  if (!inStack) {
    failWith(
      "KSE-CORE-003",
      "scope",
      scope.node.path === "" ? "<App>" : scope.node.path,
      "a construct inside a TerraformStack (the stack itself, or a construct in it)",
      `Create a TerraformStack in the app and pass it: new ${construct}(stack, "id", props).`,
    );
  }
  const parentPath = scope.node.path;
  if (typeof id !== "string" || id.trim() === "") {
    failWith(
      "KSE-CORE-002",
      "id",
      id,
      "a non-empty string, unique among the children of its scope",
      `Give the ${construct} an id, e.g. "orders". Construct ids are API: changing one replaces the resources.`,
      parentPath || undefined,
    );
  }
  const path = parentPath === "" ? storedId(id) : `${parentPath}/${storedId(id)}`;
  if (scope.node.tryFindChild(storedId(id)) !== undefined) {
    failWith(
      "KSE-CORE-002",
      "id",
      id,
      `an id not yet used in ${parentPath || "the app"} (taken: ${scope.node.children.map((c) => c.node.id).join(", ")})`,
      `Give this ${construct} another id, or reuse the construct created first.`,
      path,
    );
  }
  return path;
}

/**
 * Refuses a second construct in the same stack that `isSame` says would produce the same cloud names
 * (e.g. two clusters named `orders-prod`), before the new one is added.
 */
export function checkUniqueInStack(
  scope: IConstruct,
  isSame: (existing: IConstruct) => boolean,
  report: {
    readonly code: KafkaStandardsErrorCode;
    readonly prop: string;
    readonly value: unknown;
    readonly allowed: string;
    readonly fix: string;
  },
  path: string,
): void {
  const stack = TerraformStack.of(scope);
  const clash = stack.node.findAll().find((c) => c !== stack && isSame(c));
  if (clash !== undefined) {
    failWith(
      report.code,
      report.prop,
      report.value,
      report.allowed,
      `${report.fix} (already used by ${clash.node.path}).`,
      path,
    );
  }
}
