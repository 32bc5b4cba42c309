/**
 * What the constructs accept, the audit passes, and the other way round: the tier allowances of
 * lib/standards/tiers.ts (and the broker baseline built from them) are the same for both.
 */
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { KafkaStandardsAudit } from "../../lib/audit/cdktf/aspect";
import { auditDocument, evaluateRules } from "../../lib/audit/engine";
import { loadDocument } from "../../lib/audit/loaders/load";
import { rulesFor } from "../../lib/audit/registry";
import { tierResolver } from "../../lib/audit/tier";
import { MskCluster } from "../../lib/msk/msk-cluster";
import type { MskClusterProps } from "../../lib/msk/msk-cluster-props";
import { synthApp } from "../helpers";

const TODAY = "2026-01-15";

const devCluster: MskClusterProps = {
  clusterName: "orders",
  tier: "dev",
  vpcId: "vpc-12345678",
  clientSubnetIds: ["subnet-aaaaaaaa", "subnet-bbbbbbbb"],
  brokerNodes: 2,
};

/** A dev cluster over two AZs, with a dev topic of one replica, synthesized and audited by `app.synth()`. */
function devEstate(): Record<string, Record<string, any>> {
  return synthApp((app: App) => {
    const stack = new TerraformStack(app, "dev");
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    const cluster = new MskCluster(stack, "orders", devCluster);
    cluster.addTopic("orders.scratch", { replicationFactor: 1 });
    cluster.addTopic("orders.metrics", { topicClass: "telemetry" });
    KafkaStandardsAudit.forApp(app, { print: false });
  }).stacks;
}

/** Verdicts of the rules that carry tier allowances, by rule and resource type. */
function verdicts(json: unknown): string[] {
  const doc = loadDocument(json, "d");
  const ids = new Set(["KS-MSK-013", "KS-MSK-022", "KS-MSK-024", "KS-TOPIC-002", "KS-TOPIC-003", "KS-TOPIC-004"]);
  return evaluateRules(
    doc,
    rulesFor([]).filter((r) => ids.has(r.id)),
    { doc, tierOf: tierResolver(undefined), today: TODAY },
  )
    .filter((e) => e.status !== "not-applicable")
    .map((e) => `${e.rule.id} ${e.resource.type} ${e.status}`);
}

describe("a dev cluster over 2 AZs and a dev topic with replication factor 1", () => {
  // app.synth() runs the audit of every stack with failOn "error": it would throw on a finding.
  const stacks = devEstate();

  test("synthesize without an audit finding", () => {
    for (const [name, doc] of Object.entries(stacks)) {
      const report = auditDocument(doc, { name, today: TODAY });
      expect([name, report.findings.map((f) => `${f.rule} ${f.resource}: ${f.message}`)]).toEqual([name, []]);
    }
  });

  test("the tier-aware rules pass them, from the data the constructs use", () => {
    const all = Object.values(stacks).flatMap((doc) => verdicts(doc));
    expect(all.sort()).toEqual(
      [
        "KS-MSK-013 aws_msk_cluster compliant",
        "KS-MSK-022 aws_msk_configuration compliant",
        "KS-MSK-024 aws_msk_configuration compliant",
        // orders.scratch (RF 1) and orders.metrics (RF 2: the dev cluster's two brokers)
        "KS-TOPIC-002 kafka_topic compliant",
        "KS-TOPIC-002 kafka_topic compliant",
        "KS-TOPIC-003 kafka_topic compliant",
        "KS-TOPIC-003 kafka_topic compliant",
        "KS-TOPIC-004 kafka_topic compliant",
        "KS-TOPIC-004 kafka_topic compliant",
      ].sort(),
    );
  });

  test("the other way round: in staging the constructs refuse them, and so does the audit", () => {
    const stack = new TerraformStack(new App(), "staging");
    expect(() => new MskCluster(stack, "a", { ...devCluster, tier: "staging" })).toThrow(/KSE-MSK-00[23]/);
    const staging = new MskCluster(stack, "b", {
      ...devCluster,
      tier: "staging",
      clientSubnetIds: ["subnet-aaaaaaaa", "subnet-bbbbbbbb", "subnet-cccccccc"],
      brokerNodes: 3,
    });
    expect(() => staging.addTopic("orders.scratch", { replicationFactor: 1 })).toThrow(/KSE-TOPIC-004/);

    // The dev estate, relabelled staging, fails the same rules.
    const relabelled = Object.values(stacks).map((doc) =>
      JSON.parse(
        JSON.stringify(doc)
          .replace(/"tier":"dev"/g, '"tier":"staging"')
          .replace(/"Environment":"dev"/g, '"Environment":"staging"'),
      ),
    );
    const failing = relabelled
      .flatMap((doc) => auditDocument(doc, { today: TODAY }).findings)
      .map((f) => f.rule)
      .filter((r) => /KS-MSK-01[3]|KS-MSK-02[24]|KS-TOPIC-00[234]/.test(r))
      .sort();
    expect([...new Set(failing)]).toEqual([
      "KS-MSK-013",
      "KS-MSK-022",
      "KS-MSK-024",
      "KS-TOPIC-002",
      "KS-TOPIC-003",
      "KS-TOPIC-004",
    ]);
  });
});
