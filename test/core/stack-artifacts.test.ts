import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { MskCluster } from "../../lib/msk/msk-cluster";
import {
  ARTIFACTS_CONTEXT,
  StackArtifacts,
  type ArtifactContext,
  type ArtifactProducer,
} from "../../lib/core/stack-artifacts";
import { AUDIT_ARTIFACT_PRODUCER } from "../../lib/audit/cdktf/aspect";

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

  test.each([
    ["all", undefined],
    ["verify-only", true],
  ])("mode %s: producers see verifyOnly=%s", (mode, flag) => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "artifacts-"));
    const app = new App({ outdir, skipBackendValidation: true, context: { [ARTIFACTS_CONTEXT]: mode } });
    const stack = new TerraformStack(app, "s");
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    new MskCluster(stack, "c", { clusterName: "c", tier: "dev", vpcId: "vpc-1", clientSubnetIds: ["a", "b", "c"] });
    const seen: { produce?: boolean; verify?: boolean } = {};
    StackArtifacts.of(stack).add({
      name: "probe",
      produce: (c: ArtifactContext) => ((seen.produce = c.verifyOnly), []),
      verify: (c: ArtifactContext) => void (seen.verify = c.verifyOnly),
    });
    const spy = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      app.synth();
    } finally {
      spy.mockRestore();
    }
    expect(seen).toEqual({ produce: flag, verify: flag });
  });

  test("the audit renders no report file in verify-only mode, and all of them otherwise", () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), "artifacts-")), skipBackendValidation: true });
    const stack = new TerraformStack(app, "s");
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    new MskCluster(stack, "c", { clusterName: "c", tier: "dev", vpcId: "vpc-1", clientSubnetIds: ["a", "b", "c"] });
    const producers = (StackArtifacts.of(stack) as unknown as { producers: Map<string, ArtifactProducer> }).producers;
    const audit = producers.get(AUDIT_ARTIFACT_PRODUCER)!;
    const document = JSON.parse(JSON.stringify(stack.toTerraform()));
    const context = { stackName: "s", document, stackDir: os.tmpdir() };
    expect(audit.produce({ ...context, verifyOnly: true })).toEqual([]);
    expect(audit.produce(context).map((f) => f.path)).toEqual(["audit.json", "AUDIT.md"]);
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
