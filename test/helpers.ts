import { App, TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";

/** A synthesized Terraform document (resources, data, outputs). */
export interface SynthDoc {
  readonly resource: Record<string, Record<string, any>>;
  readonly data?: Record<string, Record<string, any>>;
  readonly output?: Record<string, any>;
  readonly terraform?: any;
  readonly provider?: Record<string, any[]>;
}

/** A test app and stack with an AWS provider. */
export function newStack(id = "test"): { app: App; stack: TerraformStack } {
  const app = Testing.app();
  const stack = new TerraformStack(app, id);
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  return { app, stack };
}

/**
 * Synthesize a stack as `app.synth()` writes it, keeping the `"//"` metadata the audit reads
 * (`Testing.synth` strips it). Validations run, as on a real synth.
 */
export function synth(stack: TerraformStack): SynthDoc {
  const errors = stack.node.validate();
  if (errors.length > 0) throw new Error(errors.join("\n"));
  return JSON.parse(JSON.stringify(stack.toTerraform())) as SynthDoc;
}

/** All resources of one type, as a list. */
export function resourcesOf(doc: SynthDoc, type: string): any[] {
  return Object.values(doc.resource[type] ?? {});
}

/** The only resource of a type; fails when there is not exactly one. */
export function only(doc: SynthDoc, type: string): any {
  const all = resourcesOf(doc, type);
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0];
}

/** Resources with cdktf's per-resource metadata removed, for snapshots free of paths. */
export function resourcesForSnapshot(doc: SynthDoc): Record<string, Record<string, any>> {
  return JSON.parse(
    JSON.stringify(doc.resource, (key, value) => {
      if (key === "metadata" && value && typeof value === "object" && "path" in value) return undefined;
      return value;
    }),
  );
}

/**
 * Synthesize a whole app into a temp folder, as `cdktf synth` does (cross-stack references resolved,
 * artifacts written), and return each stack's document and folder.
 */
export function synthApp(build: (app: App) => void): { outdir: string; stacks: Record<string, SynthDoc> } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require("fs") as typeof import("fs");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const os = require("os") as typeof import("os");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const path = require("path") as typeof import("path");
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "synth-"));
  const app = new App({ outdir, skipBackendValidation: true });
  build(app);
  app.synth();
  const stacks: Record<string, SynthDoc> = {};
  for (const s of fs.readdirSync(path.join(outdir, "stacks"))) {
    stacks[s] = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", s, "cdk.tf.json"), "utf8"));
  }
  return { outdir, stacks };
}
