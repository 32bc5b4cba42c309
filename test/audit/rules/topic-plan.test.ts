import { auditDocument } from "../../../lib/audit/engine";
import { loadTerraformShowJson } from "../../../lib/audit/loaders/terraform-show";
import { loadTerraformJsonConfig } from "../../../lib/audit/loaders/cdktf-json";

/** A `terraform show -json` plan with one topic change. */
function plan(
  actions: string[],
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  type = "kafka_topic",
): Record<string, unknown> {
  const address = `${type}.orders`;
  return {
    format_version: "1.2",
    planned_values: {
      root_module: { resources: after ? [{ address, mode: "managed", type, name: "orders", values: after }] : [] },
    },
    resource_changes: [{ address, mode: "managed", type, name: "orders", change: { actions, before, after } }],
  };
}

function findings(doc: Record<string, unknown>): string[] {
  const d = loadTerraformShowJson(doc, "plan");
  return auditDocument(d, { name: "plan" })
    .findings.filter((f) => f.rule === "KS-TOPIC-007" || f.rule === "KS-TOPIC-008")
    .map((f) => `${f.rule} ${f.severity} ${f.resource}: ${f.message}`);
}

const TOPIC = { name: "orders.created", replication_factor: 3, config: { "min.insync.replicas": "2" } };

describe("KS-TOPIC-007 on plans", () => {
  test("an in-place update that keeps partitions is compliant", () => {
    expect(findings(plan(["update"], { ...TOPIC, partitions: 6 }, { ...TOPIC, partitions: 12 }))).toEqual([]);
  });

  test("a lower partition count is refused", () => {
    expect(findings(plan(["update"], { ...TOPIC, partitions: 12 }, { ...TOPIC, partitions: 6 }))).toEqual([
      "KS-TOPIC-007 error kafka_topic.orders: plan lowers partitions from 12 to 6",
    ]);
  });

  test("a replacement is refused and says why", () => {
    expect(findings(plan(["delete", "create"], { ...TOPIC, partitions: 12 }, { ...TOPIC, partitions: 6 }))).toEqual([
      "KS-TOPIC-007 error kafka_topic.orders: plan replaces (deletes and recreates) the topic (partitions 12 → 6); its records are lost",
    ]);
  });

  test("a deletion is flagged for review, though the topic is absent from planned_values", () => {
    expect(findings(plan(["delete"], { ...TOPIC, partitions: 6 }, null))).toEqual([
      "KS-TOPIC-008 warning kafka_topic.orders: plan deletes the topic; its records are lost",
    ]);
  });

  test("Confluent topics: partitions_count", () => {
    expect(
      findings(
        plan(
          ["update"],
          { topic_name: "orders.created", partitions_count: 6 },
          { topic_name: "orders.created", partitions_count: 3 },
          "confluent_kafka_topic",
        ),
      ),
    ).toEqual(["KS-TOPIC-007 error confluent_kafka_topic.orders: plan lowers partitions from 6 to 3"]);
  });

  test("the loader keeps the planned change on the resource", () => {
    const d = loadTerraformShowJson(
      plan(["update"], { ...TOPIC, partitions: 6 }, { ...TOPIC, partitions: 12 }),
      "plan",
    );
    expect(d.ofType("kafka_topic")[0].change).toEqual({ actions: ["update"], before: { ...TOPIC, partitions: 6 } });
  });

  test("not applicable outside plans", () => {
    const d = loadTerraformJsonConfig({ resource: { kafka_topic: { orders: { ...TOPIC, partitions: 6 } } } }, "cdk");
    const report = auditDocument(d, { name: "cdk" });
    expect(report.findings.filter((f) => f.rule === "KS-TOPIC-007" || f.rule === "KS-TOPIC-008")).toEqual([]);
  });
});
