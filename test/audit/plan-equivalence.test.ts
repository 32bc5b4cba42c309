/**
 * The plan audit reaches the synth audit's verdicts on the same estate.
 *
 * Every example is synthesized, and each stack's `cdk.tf.json` is turned into the `terraform show
 * -json` document of a plan of it (test/audit/plan-from-config.ts: no `"//"` metadata, blocks as
 * lists, references evaluated, outputs in `planned_values.outputs`). Both are audited with every
 * profile; each (rule, resource) must get the same verdict, except where the plan format itself
 * decides: `lifecycle` is not in plans (those checks become not verifiable), the plan-only topic
 * rules apply to plans only, and a value the configuration takes from a variable is known in the
 * plan.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { EXAMPLES } from "../../examples/registry";
import { KafkaStandardsAudit } from "../../lib/audit/cdktf/aspect";
import { KafkaStandardsSuppressions } from "../../lib/audit/cdktf/suppressions";
import { auditDocument, evaluateRules, type Evaluation } from "../../lib/audit/engine";
import { loadDocument } from "../../lib/audit/loaders/load";
import { rulesFor } from "../../lib/audit/registry";
import { LIFECYCLE_NOT_IN_PLANS } from "../../lib/audit/rules/shared/lifecycle";
import { tierResolver } from "../../lib/audit/tier";
import { METADATA_OUTPUT, decodeMetadata } from "../../lib/core/metadata-output";
import { MskCluster } from "../../lib/msk/msk-cluster";
import { planFromConfig } from "./plan-from-config";

/** Rules whose only evidence is `lifecycle`, which plans and states do not carry. */
const LIFECYCLE_RULES = new Set(["KS-MSK-015", "KS-CFL-003", "KS-TOPIC-006", "KS-KMS-002", "KS-SOX-002"]);
/** Rules that judge a plan's changes and apply to plans only. */
const PLAN_ONLY_RULES = new Set(["KS-TOPIC-007", "KS-TOPIC-008"]);

const TODAY = "2026-01-15";
const RULES = rulesFor(["gdpr", "sox"]);

function synthesize(build: (app: App) => void): Record<string, Record<string, any>> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "ks-plan-"));
  const app = new App({ outdir, skipBackendValidation: true });
  build(app);
  KafkaStandardsAudit.forApp(app, { failOn: "never", print: false });
  app.synth();
  const stacks: Record<string, Record<string, any>> = {};
  for (const s of fs.readdirSync(path.join(outdir, "stacks")).sort()) {
    stacks[s] = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", s, "cdk.tf.json"), "utf8"));
  }
  fs.rmSync(outdir, { recursive: true, force: true });
  return stacks;
}

function verdicts(json: unknown, name: string): Map<string, Evaluation> {
  const doc = loadDocument(json, name);
  const evaluations = evaluateRules(doc, RULES, { doc, tierOf: tierResolver(undefined), today: TODAY });
  return new Map(evaluations.map((e) => [`${e.rule.id} ${e.resource.address}`, e]));
}

/** Where the synth and plan verdicts differ for a reason other than what the plan format decides. */
function unexplainedDifferences(config: Record<string, any>, plan: Record<string, any>, name: string): string[] {
  const synth = verdicts(config, name);
  const planned = verdicts(plan, name);
  const out: string[] = [];
  for (const key of new Set([...synth.keys(), ...planned.keys()])) {
    const a = synth.get(key);
    const b = planned.get(key);
    if (!a || !b) {
      out.push(`${key}: only in the ${a ? "synth" : "plan"} audit`);
      continue;
    }
    if (a.status === b.status && a.suppressed === b.suppressed) continue;
    const rule = a.rule.id;
    if (LIFECYCLE_RULES.has(rule) && b.result.status === "not-verifiable" && b.result.reason === LIFECYCLE_NOT_IN_PLANS)
      continue;
    if (PLAN_ONLY_RULES.has(rule) && a.result.status === "not-applicable" && a.result.reason === "not a plan") continue;
    if (a.result.status === "not-verifiable" && (a.result.missing ?? []).every((m) => m.startsWith("${var."))) continue;
    out.push(
      `${key}: synth ${a.status}${a.suppressed ? " (suppressed)" : ""}, plan ${b.status}${b.suppressed ? " (suppressed)" : ""}`,
    );
  }
  return out;
}

const examples = synthesize((app) => EXAMPLES.forEach((e) => e.build(app)));

describe("the plan audit reaches the synth audit's verdicts on every example", () => {
  test.each(Object.keys(examples))("%s", (name) => {
    const config = examples[name];
    const plan = planFromConfig(config);
    expect(plan.planned_values.outputs[METADATA_OUTPUT].sensitive).toBe(true);
    expect(unexplainedDifferences(config, plan, name)).toEqual([]);
    // Same findings, suppressed or not, and the same outcome.
    const a = auditDocument(config, { name, today: TODAY, compliance: ["gdpr", "sox"] });
    const b = auditDocument(plan, { name, today: TODAY, compliance: ["gdpr", "sox"] });
    expect(b.source).toBe("plan");
    expect(b.findings.map((f) => [f.rule, f.resource, f.suppressed])).toEqual(
      a.findings.map((f) => [f.rule, f.resource, f.suppressed]),
    );
    expect(b.summary.outcome).toBe(a.summary.outcome);
  });
});

describe("metadata survives into plans through the stack output", () => {
  // A stack whose verdicts depend on metadata only: a telemetry topic (min ISR 1 by class), a dev
  // topic with one replica (dev allowance by tier), and a suppressed finding.
  const stacks = synthesize((app) => {
    const stack = new TerraformStack(app, "meta");
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    const dev = new MskCluster(stack, "dev", {
      clusterName: "dev",
      tier: "dev",
      vpcId: "vpc-12345678",
      clientSubnetIds: ["subnet-aaaaaaaa", "subnet-bbbbbbbb"],
      brokerNodes: 2,
    });
    const prod = new MskCluster(stack, "prod", {
      clusterName: "metrics",
      tier: "prod",
      vpcId: "vpc-12345678",
      clientSubnetIds: ["subnet-aaaaaaaa", "subnet-bbbbbbbb", "subnet-cccccccc"],
      owner: "team-metrics",
      // A legacy name the standard's pattern refuses (KS-TOPIC-001), accepted below by a suppression.
      topicNamePattern: /^[a-z_]+(\.[a-z_]+)+$/,
    });
    dev.addTopic("orders.scratch", { replicationFactor: 1 });
    prod.addTopic("metrics.brokers", { topicClass: "telemetry" });
    const legacy = prod.addTopic("metrics.legacy_events", {});
    KafkaStandardsSuppressions.add(legacy, [{ id: "KS-TOPIC-001", reason: "accepted for this test case" }]);
  });

  /** The stack that holds a topic of this name (data-plane stacks are named by the library). */
  const stackWith = (topic: string): string =>
    Object.keys(stacks).find((s) =>
      Object.values<any>(stacks[s].resource?.kafka_topic ?? {}).some((t) => t.name === topic),
    )!;

  test("the topics' stack carries class, tier, construct and suppressions in kafka_standards_metadata", () => {
    const doc = stacks[stackWith("metrics.brokers")];
    expect(doc.output[METADATA_OUTPUT].sensitive).toBe(true);
    const carried = decodeMetadata(doc.output[METADATA_OUTPUT].value);
    const byName = (topic: string) => {
      const [address] = Object.entries<any>(doc.resource.kafka_topic).find(([, t]) => t.name === topic)!;
      return carried.get(`kafka_topic.${address}`);
    };
    expect(byName("metrics.brokers")).toEqual({
      tier: "prod",
      class: "telemetry",
      construct: "KafkaTopic",
      cluster: "metrics-prod",
    });
    expect(byName("metrics.legacy_events")?.suppressions).toEqual([
      { id: "KS-TOPIC-001", reason: "accepted for this test case", scope: expect.stringMatching(/legacy_events$/) },
    ]);
    expect(byName("orders.scratch")).toMatchObject({ tier: "dev", class: "events" });
  });

  test.each(Object.keys(stacks))("%s: same verdicts as the synth audit", (name) => {
    const config = stacks[name];
    expect(unexplainedDifferences(config, planFromConfig(config), name)).toEqual([]);
  });

  test("without the output, a plan loses the telemetry class, the dev tier and the suppression", () => {
    const name = stackWith("metrics.brokers");
    const config = stacks[name];
    expect(unexplainedDifferences(config, planFromConfig(config, false), name)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^KS-TOPIC-003 kafka_topic\.\S*metricsbrokers\S*: synth compliant, plan non-compliant$/),
        expect.stringMatching(
          /^KS-TOPIC-001 kafka_topic\.\S*legacy_events\S*: synth non-compliant \(suppressed\), plan non-compliant$/,
        ),
      ]),
    );
    const dev = stacks[stackWith("orders.scratch")];
    expect(unexplainedDifferences(dev, planFromConfig(dev, false), "dev")).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^KS-TOPIC-002 kafka_topic\.\S*ordersscratch\S*: synth compliant, plan non-compliant$/),
      ]),
    );
  });

  test("the dev topic with one replica passes in the plan too", () => {
    const name = stackWith("orders.scratch");
    const plan = auditDocument(planFromConfig(stacks[name]), { name, today: TODAY });
    expect(plan.findings.filter((f) => /KS-TOPIC-00[234]/.test(f.rule))).toEqual([]);
    expect(plan.findings.filter((f) => !f.suppressed && f.severity === "error")).toEqual([]);
  });
});
