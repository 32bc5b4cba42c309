import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { MskCluster } from "../../lib/msk/msk-cluster";
import { ARTIFACTS_CONTEXT } from "../../lib/core/stack-artifacts";

function synthWith(
  context: Record<string, unknown>,
  props: { unauthenticated?: boolean } = {},
): { outdir: string; run: () => void } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "artifacts-"));
  const app = new App({ outdir, skipBackendValidation: true, context });
  const stack = new TerraformStack(app, "s");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  new MskCluster(stack, "c", {
    clusterName: "c",
    tier: "dev",
    vpcId: "vpc-1",
    clientSubnetIds: ["a", "b", "c"],
    unauthenticatedAccess: props.unauthenticated,
  });
  return { outdir, run: () => app.synth() };
}

describe(`context ${ARTIFACTS_CONTEXT}`, () => {
  test("default: every artifact is written next to cdk.tf.json", () => {
    const { outdir, run } = synthWith({});
    run();
    const dir = path.join(outdir, "stacks", "s", "kafka-standards");
    expect(fs.readdirSync(dir).sort()).toEqual(["ARCHITECTURE.md", "AUDIT.md", "audit.json", "runbooks"]);
    expect(fs.readdirSync(path.join(dir, "runbooks")).length).toBe(7);
  });

  test("verify-only: no artifact file, cdk.tf.json written", () => {
    const { outdir, run } = synthWith({ [ARTIFACTS_CONTEXT]: "verify-only" });
    run();
    expect(fs.existsSync(path.join(outdir, "stacks", "s", "cdk.tf.json"))).toBe(true);
    expect(fs.existsSync(path.join(outdir, "stacks", "s", "kafka-standards"))).toBe(false);
  });

  test("verify-only still fails the synth on an unsuppressed error finding", () => {
    const { run } = synthWith({ [ARTIFACTS_CONTEXT]: "verify-only" }, { unauthenticated: true });
    expect(run).toThrow(/\[KSE-AUDIT-010\][\s\S]*KS-MSK-007/);
  });

  test("an unknown mode is refused with a coded error", () => {
    const { run } = synthWith({ [ARTIFACTS_CONTEXT]: "none" });
    expect(run).toThrow(
      '[KSE-CORE-001] Invalid context["kafka-standards:artifacts"] at s/KafkaStandardsArtifacts: got "none". Allowed: "all" or "verify-only".',
    );
  });
});
