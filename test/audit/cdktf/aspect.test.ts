import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as util from "util";
import { App, Aspects, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { MskCluster } from "@cdktf/provider-aws/lib/msk-cluster";
import { KafkaAuditAspect, KafkaStandardsAudit, KafkaStandardsAuditError } from "../../../lib/audit/cdktf/aspect";
import { KafkaStandardsSuppressions } from "../../../lib/audit/cdktf/suppressions";
import type { AuditReport } from "../../../lib/audit/engine";
import { StackArtifacts } from "../../../lib/core/stack-artifacts";
import { KafkaStandardsError } from "../../../lib/errors";

const roots: string[] = [];
afterAll(() => roots.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function outdir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ks-aspect-"));
  roots.push(dir);
  return dir;
}

/** A raw L1 cluster: TLS_PLAINTEXT to clients, everything else to the standard. */
function insecureCluster(scope: Construct, id: string): MskCluster {
  return new MskCluster(scope, id, {
    clusterName: id,
    kafkaVersion: "3.9.x.kraft",
    numberOfBrokerNodes: 3,
    brokerNodeGroupInfo: { instanceType: "kafka.m7g.large", clientSubnets: ["a", "b", "c"], securityGroups: ["sg-1"] },
    encryptionInfo: {
      encryptionAtRestKmsKeyArn: "arn:aws:kms:eu-west-1:123456789012:key/k",
      encryptionInTransit: { clientBroker: "TLS_PLAINTEXT", inCluster: true },
    },
    clientAuthentication: { sasl: { iam: true }, unauthenticated: false },
    configurationInfo: { arn: "arn:aws:kafka:eu-west-1:123456789012:configuration/baseline/1", revision: 1 },
    enhancedMonitoring: "PER_TOPIC_PER_BROKER",
    loggingInfo: { brokerLogs: { s3: { enabled: true, bucket: "logs" } } },
    lifecycle: { preventDestroy: true },
    tags: { Environment: "prod", Owner: "platform" },
  });
}

function stackWith(dir: string, name = "orders"): { app: App; stack: TerraformStack; cluster: MskCluster } {
  const app = new App({ outdir: dir, skipBackendValidation: true });
  const stack = new TerraformStack(app, name);
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  return { app, stack, cluster: insecureCluster(stack, "cluster") };
}

const reportOf = (dir: string, stack = "orders"): AuditReport =>
  JSON.parse(fs.readFileSync(path.join(dir, "stacks", stack, "kafka-standards", "audit.json"), "utf8"));

describe("KafkaStandardsAudit on app.synth()", () => {
  test("an unsuppressed error fails synth, lists the finding, and the reports are written", () => {
    const dir = outdir();
    const { app, stack } = stackWith(dir);
    KafkaStandardsAudit.of(stack, { tier: "prod" });

    let error: unknown;
    try {
      app.synth();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KafkaStandardsAuditError);
    const e = error as KafkaStandardsAuditError;
    expect(e.code).toBe("KSE-AUDIT-010");
    expect(e.findings.map((f) => [f.rule, f.resource, f.path])).toEqual([
      ["KS-MSK-001", "aws_msk_cluster.cluster", "orders/cluster"],
    ]);
    expect(e.message.split("\n").slice(0, 2)).toEqual([
      '[KSE-AUDIT-010] Kafka standards audit failed for stack "orders": 1 unsuppressed finding of severity error or worse.',
      '  - KS-MSK-001 aws_msk_cluster.cluster (orders/cluster): encryption_in_transit.client_broker is "TLS_PLAINTEXT", not "TLS"',
    ]);
    expect(e.message).toContain(path.join(dir, "stacks", "orders", "kafka-standards", "AUDIT.md"));

    const report = reportOf(dir);
    expect(report.summary).toMatchObject({ error: 1, warning: 1, suppressed: 0, passed: false });
    expect(report.findings.map((f) => f.rule)).toEqual(["KS-MSK-001", "KS-MON-001"]);
    expect(fs.readFileSync(path.join(dir, "stacks", "orders", "kafka-standards", "AUDIT.md"), "utf8")).toContain(
      "Result: **FAIL**",
    );
    // The audit reads back what cdktf wrote, so the failing stack's Terraform stays for inspection.
    expect(fs.existsSync(path.join(dir, "stacks", "orders", "cdk.tf.json"))).toBe(true);
  });

  test("a suppression on the cluster lets synth pass; the finding stays in the report, marked", () => {
    const dir = outdir();
    const { app, stack, cluster } = stackWith(dir);
    KafkaStandardsAudit.of(stack, { tier: "prod" });
    KafkaStandardsSuppressions.add(cluster, [{ id: "KS-MSK-001", reason: "legacy clients migrate to TLS by Q3" }]);

    app.synth();

    const report = reportOf(dir);
    expect(report.summary).toMatchObject({ error: 0, suppressed: 1, passed: true });
    expect(report.findings.find((f) => f.rule === "KS-MSK-001")).toMatchObject({
      suppressed: true,
      suppressionReason: "legacy clients migrate to TLS by Q3",
    });
    // The suppression is in the synthesized JSON, so the CLI honours it too.
    const tf = JSON.parse(fs.readFileSync(path.join(dir, "stacks", "orders", "cdk.tf.json"), "utf8"));
    expect(tf.resource.aws_msk_cluster.cluster["//"]["kafka-standards"].suppressions).toEqual([
      { id: "KS-MSK-001", reason: "legacy clients migrate to TLS by Q3", scope: "orders/cluster" },
    ]);
  });

  test("a suppression applies to its construct subtree only", () => {
    const dir = outdir();
    const { app, stack } = stackWith(dir);
    const team = new Construct(stack, "team-a");
    insecureCluster(team, "inside");
    KafkaStandardsSuppressions.add(team, [{ id: "KS-MSK-001", reason: "team A migrates to TLS in May" }]);
    KafkaStandardsAudit.of(stack);

    expect(() => app.synth()).toThrow(KafkaStandardsAuditError);
    const report = reportOf(dir);
    expect(report.findings.filter((f) => f.rule === "KS-MSK-001").map((f) => [f.path, f.suppressed])).toEqual([
      ["orders/cluster", false],
      ["orders/team-a/inside", true],
    ]);
  });

  test("the Aspect form behaves the same", () => {
    const dir = outdir();
    const { app, stack, cluster } = stackWith(dir);
    Aspects.of(stack).add(new KafkaAuditAspect({ compliance: ["sox"] }));
    expect(() => app.synth()).toThrow(/KS-MSK-001 aws_msk_cluster\.cluster/);
    expect(reportOf(dir).options).toEqual({ compliance: ["sox"], failOn: "error" });

    const dir2 = outdir();
    const second = stackWith(dir2);
    Aspects.of(second.stack).add(new KafkaAuditAspect());
    KafkaStandardsSuppressions.add(second.cluster, [
      { id: "KS-MSK-001", reason: "legacy clients migrate to TLS by Q3" },
    ]);
    second.app.synth();
    expect(reportOf(dir2).summary.passed).toBe(true);
    void cluster;
  });

  test("failOn never reports without failing", () => {
    const dir = outdir();
    const { app, stack } = stackWith(dir);
    const audit = KafkaStandardsAudit.of(stack, { failOn: "never" });
    app.synth();
    expect(audit.report?.summary).toMatchObject({ error: 1, passed: true });
    expect(audit.reportDir).toBe(path.join(dir, "stacks", "orders", "kafka-standards"));
  });

  test("the reports survive the stack's other generated artifacts", () => {
    const dir = outdir();
    const { app, stack, cluster } = stackWith(dir);
    KafkaStandardsSuppressions.add(cluster, [{ id: "KS-MSK-001", reason: "legacy clients migrate to TLS by Q3" }]);
    StackArtifacts.of(stack).add({ name: "test-doc", produce: () => [{ path: "runbooks/x.md", content: "# x\n" }] });
    KafkaStandardsAudit.of(stack);
    app.synth();
    const files = fs.readdirSync(path.join(dir, "stacks", "orders", "kafka-standards")).sort();
    expect(files).toEqual(["AUDIT.md", "audit.json", "runbooks"]);
  });

  test("scope must be inside a stack", () => {
    const app = new App({ outdir: outdir() });
    expect(() => KafkaStandardsAudit.of(app)).toThrow("[KSE-AUDIT-007]");
    expect(() => KafkaStandardsAudit.of(new TerraformStack(app, "s"), { tier: "qa" as never })).toThrow(
      "[KSE-AUDIT-004]",
    );
  });
});

describe("KafkaStandardsSuppressions", () => {
  const stack = new TerraformStack(new App({ outdir: outdir() }), "s");

  test("unknown rule id", () => {
    let error: unknown;
    try {
      KafkaStandardsSuppressions.add(stack, [{ id: "KS-MSK-999", reason: "a long enough reason" }]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KafkaStandardsError);
    expect((error as KafkaStandardsError).code).toBe("KSE-AUDIT-001");
    expect((error as Error).message).toBe(
      '[KSE-AUDIT-001] Invalid suppressions[0].id at s: got "KS-MSK-999". Allowed: the id of a rule in RULES.md, e.g. KS-MSK-008. Fix: check the rule id in the audit report or RULES.md',
    );
  });

  test.each([["short"], ["   padded   "], [""]])("reason %j is too short", (reason) => {
    expect(() => KafkaStandardsSuppressions.add(stack, [{ id: "KS-MSK-008", reason }])).toThrow(
      /^\[KSE-AUDIT-002\] Invalid suppressions\[0\]\.reason at s/,
    );
  });

  test("the App is refused (cdktf never runs aspects there)", () => {
    const app = new App({ outdir: outdir() });
    expect(() => KafkaStandardsSuppressions.add(app, [{ id: "KS-MSK-008", reason: "a long enough reason" }])).toThrow(
      '[KSE-AUDIT-008] Invalid construct: got "App". Allowed: a TerraformStack or a construct inside one.',
    );
  });

  test("valid suppressions are recorded on the construct", () => {
    const c = new Construct(stack, "c");
    KafkaStandardsSuppressions.add(c, [{ id: "KS-MSK-008", reason: " dev-grade monitoring is fine here " }]);
    expect(KafkaStandardsSuppressions.of(c)).toEqual([
      { id: "KS-MSK-008", reason: "dev-grade monitoring is fine here", scope: "s/c" },
    ]);
  });
});

describe("what a synth prints", () => {
  let written: string[];
  let spy: jest.SpyInstance;
  beforeEach(() => {
    written = [];
    spy = jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  });
  afterEach(() => spy.mockRestore());

  test("a successful synth prints one line per stack: the verdict, the counts, and where the artifacts went", () => {
    const dir = outdir();
    const { app, stack, cluster } = stackWith(dir);
    KafkaStandardsSuppressions.add(cluster, [{ id: "KS-MSK-001", reason: "legacy clients migrate to TLS by Q3" }]);
    KafkaStandardsAudit.of(stack, { tier: "prod" });
    const second = new TerraformStack(app, "empty");
    new AwsProvider(second, "aws", { region: "eu-west-1" });
    KafkaStandardsAudit.of(second);
    app.synth();
    const where = (s: string): string => path.relative(process.cwd(), path.join(dir, "stacks", s, "kafka-standards"));
    expect(written).toEqual([
      `kafka-standards audit  orders  PASS  0 errors, 1 warning, 0 info, 1 suppressed, 7 not verifiable (1 resource, 55 rules); artifacts: ${where("orders")}${path.sep} (2 files, AUDIT.md)\n`,
      `kafka-standards audit  empty  NOTHING TO AUDIT  no Kafka resource (MSK, MSK Connect, Kafka provider, Confluent, SCRAM secret or kafka-cluster IAM policy) among 0 resources; artifacts: ${where("empty")}${path.sep} (2 files, AUDIT.md)\n`,
    ]);
  });

  test("verify-only mode says no artifacts were written", () => {
    const dir = outdir();
    const app = new App({
      outdir: dir,
      skipBackendValidation: true,
      context: { "kafka-standards:artifacts": "verify-only" },
    });
    const stack = new TerraformStack(app, "orders");
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    const cluster = insecureCluster(stack, "cluster");
    KafkaStandardsSuppressions.add(cluster, [{ id: "KS-MSK-001", reason: "legacy clients migrate to TLS by Q3" }]);
    KafkaStandardsAudit.of(stack);
    app.synth();
    expect(written).toEqual([
      "kafka-standards audit  orders  PASS  0 errors, 1 warning, 0 info, 1 suppressed, 7 not verifiable (1 resource, 55 rules); verify-only: no artifacts written\n",
    ]);
    expect(fs.existsSync(path.join(dir, "stacks", "orders", "kafka-standards"))).toBe(false);
  });

  test("print: false prints nothing", () => {
    const dir = outdir();
    const { app, stack, cluster } = stackWith(dir);
    KafkaStandardsSuppressions.add(cluster, [{ id: "KS-MSK-001", reason: "legacy clients migrate to TLS by Q3" }]);
    KafkaStandardsAudit.of(stack, { print: false });
    app.synth();
    expect(written).toEqual([]);
  });

  test("a failed synth lists at most 10 findings, points at AUDIT.md, and does not dump the report", () => {
    const dir = outdir();
    const app = new App({ outdir: dir, skipBackendValidation: true });
    const stack = new TerraformStack(app, "orders");
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    for (let i = 0; i < 12; i++) insecureCluster(stack, `c${String(i).padStart(2, "0")}`);
    KafkaStandardsAudit.of(stack);
    let error: unknown;
    try {
      app.synth();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KafkaStandardsAuditError);
    const e = error as KafkaStandardsAuditError;
    const audit = path.join(dir, "stacks", "orders", "kafka-standards", "AUDIT.md");
    expect(e.message.split("\n")).toEqual([
      '[KSE-AUDIT-010] Kafka standards audit failed for stack "orders": 12 unsuppressed findings of severity error or worse.',
      ...Array.from(
        { length: 10 },
        (_, i) =>
          `  - KS-MSK-001 aws_msk_cluster.c${String(i).padStart(2, "0")} (orders/c${String(i).padStart(2, "0")}): encryption_in_transit.client_broker is "TLS_PLAINTEXT", not "TLS"`,
      ),
      "  … 2 more",
      `Every finding with its fix: ${audit}`,
      'To proceed, fix the resources, or accept a finding with KafkaStandardsSuppressions.add(<construct>, [{ id: "<rule id>", reason: "<why, 10+ characters>" }]).',
    ]);
    // The report and the findings stay on the error for programs, but printing it shows the message only.
    expect(e.report.summary.error).toBe(12);
    expect(e.findings).toHaveLength(12);
    expect(Object.keys(e)).toEqual(["code"]);
    const printed = util.inspect(e);
    expect(printed).not.toContain("inventory");
    expect(printed.split("\n").length).toBeLessThan(40);
    expect(written).toEqual([]);
  });
});
