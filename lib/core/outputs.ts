import { Construct, IConstruct } from "constructs";
import { TerraformOutput } from "cdktf";

/**
 * The name of a construct's output: `<construct id>_<suffix>`, with the id reduced to characters
 * Terraform output names accept. Runbooks and client properties refer to outputs by this name.
 */
export function outputName(scope: IConstruct, suffix: string): string {
  return `${scope.node.id.replace(/[^A-Za-z0-9_]/g, "_")}_${suffix}`;
}

/** Adds an output named {@link outputName}`(scope, suffix)`. */
export function addNamedOutput(
  scope: Construct,
  suffix: string,
  value: string,
  description: string,
  sensitive = false,
): TerraformOutput {
  const o = new TerraformOutput(scope, `Output_${suffix}`, { value, description, sensitive: sensitive || undefined });
  o.overrideLogicalId(outputName(scope, suffix));
  return o;
}
